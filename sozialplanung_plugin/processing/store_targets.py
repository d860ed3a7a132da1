"""Import targets (Zielwerte) of the planning conference from a CSV or table layer into the monitoring store.

Columns (English or German names): indicator/indikator, level/ebene, unit_key/raum/schluessel, target_value/
zielwert, direction/richtung, deadline/frist, baseline_date/basis, baseline_value/basiswert, note/bemerkung.
Upsert by indicator, level, unit and deadline in one transaction; the core validates every row first.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
)

from ..compat import ProcessingSourceType
from . import _store as st
from .base import SozialplanungAlgorithm

COLUMN_ALIASES = {
    "indikator": "indicator",
    "indicator_id": "indicator",
    "ebene": "level",
    "raumebene": "level",
    "key": "unit_key",
    "raum": "unit_key",
    "schluessel": "unit_key",
    "schlüssel": "unit_key",
    "unit": "unit_key",
    "sozialraum": "unit_key",
    "zielwert": "target_value",
    "ziel": "target_value",
    "target": "target_value",
    "richtung": "direction",
    "frist": "deadline",
    "zieljahr": "deadline",
    "termin": "deadline",
    "basis": "baseline_date",
    "basisjahr": "baseline_date",
    "basisdatum": "baseline_date",
    "basiswert": "baseline_value",
    "ausgangswert": "baseline_value",
    "bemerkung": "note",
    "notiz": "note",
}


class StoreTargets(SozialplanungAlgorithm):
    ALG_ID = "storetargets"
    GROUP = "monitoring"

    INPUT = "INPUT"
    CATALOGUE = "CATALOGUE"

    def displayName(self):
        return self.tr("Import targets into the monitoring store")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Targets table (CSV or table layer)"), [ProcessingSourceType.Vector]
            )
        )
        st.add_store_parameters(self, with_level=False)
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = the store's catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("TARGETS", self.tr("Targets written")))

    def compute(self, parameters, context, feedback):
        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        frame = self.layer_frame(source, feedback=feedback)
        frame = frame.rename(
            columns={c: COLUMN_ALIASES.get(str(c).strip().lower(), str(c).strip().lower()) for c in frame.columns}
        )
        if "unit_key" in frame.columns:
            frame["unit_key"] = [st.key_text(k) for k in frame["unit_key"]]
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        with st.store_session(self, parameters, context, feedback) as store:
            catalogue = st.load_catalogue_file(cat_path) if cat_path else None
            if catalogue is None and store.catalogue() is None:
                catalogue = st.load_catalogue_file(None)
            n = store.put_targets(frame.reset_index(drop=True), catalogue=catalogue)
        if n == 0:
            raise QgsProcessingException(self.tr("The targets table has no rows."))
        feedback.pushInfo(self.tr("{} targets written.").format(n))
        return {"TARGETS": n}
