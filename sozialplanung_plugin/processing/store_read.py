"""Read a time slice or a time series from the Sozialmonitoring store back as a layer.

Geometries are the unit versions valid at the chosen date (boundaries change over the years); the fields follow
the contract of sozialplanung:aggregateindicators (<id>, <id>_num, <id>_den, <id>_flag; with years
<id>_<year>, <id>_num_<year> ...), so a layer read back can be mapped, compared or written again.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
)

from ..compat import ProcessingSourceType, WkbType
from ..core.i18n import quote
from . import _params as P
from . import _store as st
from .base import SozialplanungAlgorithm

MODES = ["slice", "series"]
LAYOUTS = ["wide", "long"]


class StoreRead(SozialplanungAlgorithm):
    ALG_ID = "storeread"
    GROUP = "monitoring"

    MODE = "MODE"
    DATE = "DATE"
    START = "START"
    END = "END"
    INDICATORS = "INDICATORS"
    LAYOUT = "LAYOUT"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Read indicators from the monitoring store")

    def initAlgorithm(self, config=None):
        st.add_store_parameters(self)
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("What to read"),
                [
                    self.tr("time slice: all values at one reference date"),
                    self.tr("time series: all dates (or from/to) per unit"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DATE,
                self.tr("Reference date or year (series: date of the boundaries)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.START, self.tr("Series from (date or year)"), optional=True)
        )
        self.addParameter(QgsProcessingParameterString(self.END, self.tr("Series to (date or year)"), optional=True))
        self.addParameter(
            QgsProcessingParameterString(self.INDICATORS, self.tr("Indicators (none ticked = all)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LAYOUT,
                self.tr("Layout"),
                [self.tr("wide: one row per unit"), self.tr("long: one row per unit, indicator and date")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Indicators from the monitoring database"), ProcessingSourceType.VectorPolygon
            )
        )
        P.arrange(self, advanced=[self.START, self.END, self.LAYOUT], ids={self.INDICATORS: {}})
        self.addOutput(QgsProcessingOutputNumber("VALUES", self.tr("Values read")))
        self.addOutput(QgsProcessingOutputNumber("UNITS", self.tr("Units")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core.store import FLAGS, normalise_date, to_wide, wide_by_year

        level = st.level_of(self, parameters, context)
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        layout = LAYOUTS[self.parameterAsEnum(parameters, self.LAYOUT, context)]
        date = self.parameterAsString(parameters, self.DATE, context).strip() or None
        start = self.parameterAsString(parameters, self.START, context).strip() or None
        end = self.parameterAsString(parameters, self.END, context).strip() or None
        wanted = [
            s.strip() for s in self.parameterAsString(parameters, self.INDICATORS, context).split(",") if s.strip()
        ] or None
        if mode == "slice" and date is None:
            raise QgsProcessingException(self.tr("Give the reference date (or year) of the time slice."))
        st.check_output_folder(self, parameters, self.OUTPUT, context)
        with st.store_session(self, parameters, context, feedback, write=False) as store:
            if wanted:
                self._check_indicators(store, wanted)
            if mode == "slice":
                ref = normalise_date(date)
                long = store.read_slice(level, ref, wanted)
                geometry_at = ref
                if not len(long):
                    dates = store.dates(level, variables=wanted)
                    of = ", ".join(wanted) if wanted else self.tr("any indicator")
                    raise QgsProcessingException(
                        self.tr(
                            "The store has no values of {of} at level '{lv}' on {d}. Dates with values: {ds}."
                        ).format(of=of, lv=level, d=ref, ds=", ".join(dates) or self.tr("none"))
                    )
            else:
                geometry_at = normalise_date(date, "geometry date") if date else None
                long = store.read_series(level, variables=wanted, start=start, end=end, geometry_at=geometry_at)
                if not len(long):
                    raise QgsProcessingException(
                        self.tr("The store has no values of level '{}' in that period on these boundaries.").format(
                            level
                        )
                    )
            feedback.setProgress(40)
            units = store.units(level, at=geometry_at).set_index("key")
            crs = st.store_crs(store)
        self.check_canceled(feedback)
        lead = pd.DataFrame(
            {
                "key": units.index.astype(str),
                "name": units["name"].astype(object).to_numpy(),
                "valid_from": units["valid_from"].to_numpy(),
                "valid_to": units["valid_to"].astype(object).to_numpy(),
            },
            index=units.index,
        )
        if layout == "wide":
            wide = to_wide(long) if mode == "slice" else wide_by_year(long)
            if mode == "slice":
                wide.insert(0, "ref_date", date and normalise_date(date))
            # a slice keeps every unit valid that day (no values -> empty fields); a series the units with values
            frame = lead.join(wide, how="left" if mode == "slice" else "inner")
            index = frame.index
        else:
            body = long.rename(columns={"variable": "indicator"}).copy()
            for f in FLAGS:
                body[f] = body[f].astype("int64")
            body = body[["unit_key", "indicator", "ref_date", "value", "numerator", "denominator", *FLAGS, "note"]]
            body = body[body["unit_key"].isin(lead.index)]
            frame = lead.loc[body["unit_key"]].reset_index(drop=True)
            frame = pd.concat([frame, body.drop(columns="unit_key").reset_index(drop=True)], axis=1)
            index = body["unit_key"].to_numpy()
        for c in ("name", "valid_to", "note"):
            if c in frame.columns:
                frame[c] = frame[c].astype(object).where(frame[c].notna(), None)
        geoms = {k: st.geometry_from_wkb(w) for k, w in zip(units.index, units["wkb"])}
        fields = self.fields_for_frame(frame)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        frame.index = pd.Index(index)
        self.write_frame(sink, fields, frame, geometries=geoms, feedback=feedback, progress_span=(50, 100))
        feedback.pushInfo(self.tr("{n} values of {u} units read.").format(n=len(long), u=len(set(index))))
        return {self.OUTPUT: dest, "VALUES": len(long), "UNITS": len(set(index))}

    def _check_indicators(self, store, wanted):
        """Name the ids that are not in the store's catalogue (a typo), and those without any value."""
        rec = store.catalogue()
        known = set()
        if rec is not None:
            known = {i["id"] for i in rec[2].get("indicators", [])} | {v["id"] for v in rec[2].get("variables", [])}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            close = sorted(known, key=lambda k: _distance(k, unknown[0]))[:5]
            raise QgsProcessingException(
                self.tr(
                    "Indicator id(s) {ids} are not in the store's catalogue '{cat}'. Check the spelling; "
                    "similar ids: {close}."
                ).format(
                    ids=", ".join(quote(u) for u in unknown),
                    cat=rec[0] if rec else "-",
                    close=", ".join(close) or "-",
                )
            )
        stored = store.stored_variables(wanted)
        empty = [w for w in wanted if w not in stored]
        if len(empty) == len(wanted):
            raise QgsProcessingException(
                self.tr("The store holds no values of {ids} (at any date or level).").format(
                    ids=", ".join(quote(w) for w in empty)
                )
            )


def _distance(a, b):
    """Edit distance, to suggest the ids closest to a mistyped one."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
