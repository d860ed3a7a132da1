"""Register facilities (Kitas, schools, surgeries ...) as a versioned point layer in the monitoring store.

Each facility keeps its key over the years; a changed type, name, capacity, date or position is stored as a new
version valid from the given date (core.store Store.put_facilities), so the register of every year can be read
back. The types are read through the facility types file (aliases such as 'KiTa' become 'kita'); a value the
file does not know, or a capacity that is text, stops the run before anything is written. The optional table
gives the facilities open on 31 December per unit and year, as the store knows them: supply over the years.
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from ..compat import ProcessingParameterFlag, ProcessingSourceType, WkbType
from . import _access as A
from . import _checks as ck
from . import _params as P
from . import _store as st
from .base import SozialplanungAlgorithm, make_field


class StoreFacilities(SozialplanungAlgorithm):
    ALG_ID = "storefacilities"
    GROUP = "monitoring"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    TYPE_FIELD = "TYPE_FIELD"
    NAME_FIELD = "NAME_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OPENED_FIELD = "OPENED_FIELD"
    CLOSED_FIELD = "CLOSED_FIELD"
    VALID_FROM = "VALID_FROM"
    REPLACE = "REPLACE"
    TYPES_FILE = "TYPES_FILE"
    YEARS = "YEARS"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Register facilities in the monitoring store")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Facilities (points or polygons)"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            )
        )
        st.add_store_parameters(self, default_level=1)
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Facility key field (kept over the years)"), parentLayerParameterName=self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TYPE_FIELD, self.tr("Facility type field"), parentLayerParameterName=self.INPUT
            )
        )
        for name, label in (
            (self.NAME_FIELD, self.tr("Name field")),
            (self.CAPACITY_FIELD, self.tr("Capacity field (places, staff, hours)")),
            (self.OPENED_FIELD, self.tr("Opening date field")),
            (self.CLOSED_FIELD, self.tr("Closing date field")),
        ):
            self.addParameter(
                QgsProcessingParameterField(name, label, parentLayerParameterName=self.INPUT, optional=True)
            )
        self.addParameter(
            QgsProcessingParameterString(
                self.VALID_FROM,
                self.tr("Register valid from (date or year; empty = valid since always)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REPLACE,
                self.tr("Complete register: end facilities missing from it"),
                False,
            )
        )
        types_file = QgsProcessingParameterFile(
            self.TYPES_FILE,
            self.tr("Facility types file (empty = shipped default)"),
            fileFilter="YAML (*.yaml *.yml)",
            optional=True,
        )
        types_file.setFlags(types_file.flags() | ProcessingParameterFlag.Advanced)
        self.addParameter(types_file)
        st.add_municipality_field(self, self.INPUT)
        self.addParameter(
            P.years(
                QgsProcessingParameterString(
                    self.YEARS,
                    self.tr("Years of the table of open facilities (open on 31 December; e.g. 2023, 2024, 2025)"),
                    optional=True,
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Open facilities per unit and year (from the store)"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=False,
            )
        )
        P.arrange(self, advanced=[self.NAME_FIELD, st.LEVEL, self.YEARS, self.OUTPUT])  # few basic parameters
        self.addOutput(QgsProcessingOutputNumber("ADDED", self.tr("Facilities added")))
        self.addOutput(QgsProcessingOutputNumber("CHANGED", self.tr("Facilities with a new version")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", self.tr("Facilities unchanged")))
        self.addOutput(QgsProcessingOutputNumber("ENDED", self.tr("Facilities no longer in the register")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core import facilities as fac

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        names = {
            p: self.parameterAsString(parameters, p, context)
            for p in (
                self.KEY_FIELD,
                self.TYPE_FIELD,
                self.NAME_FIELD,
                self.CAPACITY_FIELD,
                self.OPENED_FIELD,
                self.CLOSED_FIELD,
                st.MUNICIPALITY_FIELD,
            )
        }
        self.require_fields(source, list(names.values()))
        key_field, type_field, cap_field = names[self.KEY_FIELD], names[self.TYPE_FIELD], names[self.CAPACITY_FIELD]
        years = ck.year_list(
            self.parameterAsString(parameters, self.YEARS, context), self.parameterDefinition(self.YEARS).description()
        )
        if parameters.get(self.OUTPUT) and not years:
            raise QgsProcessingException(
                self.tr("The table of open facilities needs the years (e.g. 2023, 2024, 2025).")
            )
        types = fac.load_facility_types(self.parameterAsFile(parameters, self.TYPES_FILE, context) or None)
        crs = source.sourceCrs()
        wanted = [f for f in dict.fromkeys(names.values()) if f]
        xy, attrs, fids = A.read_points(self, source, wanted, crs, context, feedback)
        if not fids:
            raise QgsProcessingException(self.tr("No facility has a geometry."))
        # everything checked before the store is opened: nothing is created or written on a refusal
        type_ids = types.resolve(attrs[type_field], field_name=type_field, feature_ids=fids)
        capacity = fac.parse_capacity(attrs[cap_field], field_name=cap_field, feature_ids=fids) if cap_field else None
        rows, seen = [], {}
        for i, fid in enumerate(fids):
            key = A.key_text(attrs[key_field][i])
            if key is None:
                raise QgsProcessingException(self.tr("Feature {} has no key in field '{}'.").format(fid, key_field))
            if key in seen:
                raise QgsProcessingException(
                    self.tr(
                        "Facility key '{k}' occurs more than once in field '{f}' (features {a} and {b}). Every "
                        "facility needs its own key; nothing was written."
                    ).format(k=key, f=key_field, a=seen[key], b=fid)
                )
            seen[key] = fid
            row = {
                "key": key,
                "type": str(type_ids[i]),
                "geometry": QgsGeometry.fromPointXY(QgsPointXY(float(xy[i, 0]), float(xy[i, 1]))),
            }
            if capacity is not None:
                row["capacity"] = None if capacity[i] != capacity[i] else float(capacity[i])
            for p, col in (
                (self.NAME_FIELD, "name"),
                (self.OPENED_FIELD, "opened"),
                (self.CLOSED_FIELD, "closed"),
                (st.MUNICIPALITY_FIELD, "municipality"),
            ):
                if names[p]:
                    value = attrs[names[p]][i]
                    row[col] = A.key_text(value) if col == "municipality" else value
            rows.append(row)
        valid_from = self.parameterAsString(parameters, self.VALID_FROM, context).strip() or None
        replace = self.parameterAsBool(parameters, self.REPLACE, context)
        level = st.level_of(self, parameters, context)
        with st.store_session(self, parameters, context, feedback, srid=st.epsg_of(crs)) as store:
            transform = None
            if st.epsg_of(crs) != store.srid:
                transform = QgsCoordinateTransform(crs, st.store_crs(store), context.transformContext())
            for row in rows:
                if transform is not None:
                    row["geometry"].transform(transform)
                row["geometry"] = bytes(row["geometry"].asWkb())
            self.check_canceled(feedback)
            frame = pd.DataFrame(rows)
            for col in ("name", "capacity", "opened", "closed"):
                if col not in frame.columns:
                    frame[col] = None
            counts = store.put_facilities(
                frame,
                valid_from=valid_from,
                municipality_column="municipality" if names[st.MUNICIPALITY_FIELD] else None,
                replace=replace,
            )
            feedback.pushInfo(
                self.tr(
                    "Facilities: {a} added, {c} new versions, {u} unchanged, {e} no longer in the register."
                ).format(a=counts["added"], c=counts["changed"], u=counts["unchanged"], e=counts["ended"])
            )
            results = {k.upper(): v for k, v in counts.items()}
            if parameters.get(self.OUTPUT):
                table = self._open_per_year(store, level, years, feedback)
        if parameters.get(self.OUTPUT):
            results[self.OUTPUT] = self._write_table(parameters, context, table)
        return results

    def _open_per_year(self, store, level, years, feedback):
        """(unit, year, type, facilities, capacity, facilities without capacity) of the facilities open on
        31 December of each year, placed in the units of the level valid that day."""
        rows = []
        for year in years:
            self.check_canceled(feedback)
            placed = store.facilities_in_units(f"{year}-12-31", level)
            outside = int(placed["unit_key"].isna().sum())
            if outside:
                feedback.pushWarning(
                    self.tr("{y}: {n} open facilities lie outside every unit of the level '{lv}'.").format(
                        y=year, n=outside, lv=level
                    )
                )
            placed = placed[placed["unit_key"].notna()]
            for (unit, ftype), g in placed.groupby(["unit_key", "type"], sort=True):
                rows.append(
                    (
                        str(unit),
                        year,
                        str(ftype),
                        len(g),
                        float(g["capacity"].sum(min_count=1)) if g["capacity"].notna().any() else None,
                        int(g["capacity"].isna().sum()),
                    )
                )
        return rows

    def _write_table(self, parameters, context, table):
        spec = [
            ("unit_key", "string"),
            ("year", "int"),
            ("type", "string"),
            ("facilities", "int"),
            ("capacity", "double"),
            ("no_capacity", "int"),
        ]
        from qgis.core import QgsFields

        fields = QgsFields()
        for name, kind in spec:
            fields.append(make_field(name, kind))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        feats = []
        for r in table:
            f = QgsFeature(fields)
            f.setAttributes(list(r))
            feats.append(f)
        sink.addFeatures(feats, QgsFeatureSink.Flag.FastInsert)
        del sink
        return dest
