"""Carry values of old social spaces onto new boundaries through block-level population weights.

Method (core.store.Store.carry_values): each old space's counts, numerators and denominators are split onto its
blocks in proportion to the blocks' population at that date, then summed per new space; rates are recomputed
from the carried numerator and denominator. The results are stored on the new space versions, flagged
'estimated', in one transaction; the original values stay untouched.
"""

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterString,
)

from . import _params as P
from . import _store as st
from .base import SozialplanungAlgorithm


class StoreCarry(SozialplanungAlgorithm):
    ALG_ID = "storecarry"
    GROUP = "monitoring"

    FROM_DATE = "FROM_DATE"
    TO_DATE = "TO_DATE"
    WEIGHT = "WEIGHT"
    DATES = "DATES"

    def displayName(self):
        return self.tr("Carry values to new space boundaries")

    def initAlgorithm(self, config=None):
        st.add_store_parameters(self)
        self.addParameter(
            QgsProcessingParameterString(
                self.FROM_DATE, self.tr("A date on which the OLD boundaries were valid (e.g. 2023-12-31)")
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TO_DATE, self.tr("A date on which the NEW boundaries are valid (e.g. 2024-01-01)")
            )
        )
        self.addParameter(
            P.count_variable(
                QgsProcessingParameterString(
                    self.WEIGHT,
                    self.tr("Weight of the blocks (a count, e.g. Einwohner)"),
                    "einwohner",
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DATES, self.tr("Reference dates or years to carry, comma separated (empty = all)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("written or unchanged")))
        self.addOutput(QgsProcessingOutputString("IMPORT_ID", self.tr("Import id in the import log")))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", self.tr("Values added")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", self.tr("Values changed")))

    def compute(self, parameters, context, feedback):
        level = st.level_of(self, parameters, context)
        dates = [
            d.strip() for d in self.parameterAsString(parameters, self.DATES, context).split(",") if d.strip()
        ] or None
        with st.store_session(self, parameters, context, feedback) as store:
            r = store.carry_values(
                from_at=self.parameterAsString(parameters, self.FROM_DATE, context),
                to_at=self.parameterAsString(parameters, self.TO_DATE, context),
                ref_dates=dates,
                weight_variable=self.parameterAsString(parameters, self.WEIGHT, context).strip() or "einwohner",
                level=level,
                progress=lambda f: feedback.setProgress(100 * f),
            )
        feedback.pushInfo(r.message)
        if r.details.get("unchanged_spaces"):
            feedback.pushInfo(
                self.tr("Spaces with unchanged boundaries (kept as they were): {}").format(
                    ", ".join(r.details["unchanged_spaces"][:20])
                )
            )
        return {
            "STATUS": r.status,
            "IMPORT_ID": "" if r.import_id is None else str(r.import_id),
            "INSERTED": r.inserted,
            "UPDATED": r.updated,
        }
