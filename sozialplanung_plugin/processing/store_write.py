"""Write an aggregated indicator layer (or a table) into the Sozialmonitoring store, all-or-nothing.

Thin glue: layer attributes -> long values (core.store.values_from_layer, wide or long layout of
sozialplanung:aggregateindicators), geometries -> WKB; unit registration and the value upsert run in ONE
transaction of the store (core.store.Store.transaction), so a refusal or a cancel leaves the store as it was.
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsWkbTypes,
)

from ..compat import GeometryType, ProcessingSourceType
from . import _params as P
from . import _store as st
from .base import SozialplanungAlgorithm

UNIT_MODES = ["first", "update", "never"]


class _Canceled(Exception):
    pass


class StoreWrite(SozialplanungAlgorithm):
    ALG_ID = "storewrite"
    GROUP = "monitoring"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    DATE_FIELD = "DATE_FIELD"
    DATE = "DATE"
    CATALOGUE = "CATALOGUE"
    INDICATORS = "INDICATORS"
    UNITS = "UNITS"
    VALID_FROM = "VALID_FROM"
    PARENT_FIELD = "PARENT_FIELD"
    PARENT_LEVEL = "PARENT_LEVEL"

    def displayName(self):
        return self.tr("Write indicators into the monitoring store")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Aggregated indicator layer or table (wide or long layout)"),
                [ProcessingSourceType.Vector],
            )
        )
        st.add_store_parameters(self)
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Unit key field"), "key", parentLayerParameterName=self.INPUT
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Unit name field"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.DATE_FIELD,
                self.tr("Year or date field (long layout; empty = year)"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DATE,
                self.tr("Reference date or year of a table without years"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Catalogue the values were computed with (empty = default)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INDICATORS, self.tr("Indicators to write (none ticked = all found)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.UNITS,
                self.tr("Spatial units"),
                [
                    self.tr(
                        "register the layer's geometries on the first write of the level; afterwards the keys must "
                        "be in the store"
                    ),
                    self.tr("register new units and changed geometries (valid from the date below)"),
                    self.tr("never register: the keys must be in the store"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.VALID_FROM,
                self.tr("New geometries valid from (date or year)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PARENT_FIELD,
                self.tr("Key of the parent unit (e.g. the social space of a block)"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PARENT_LEVEL,
                self.tr("Level of the parent unit"),
                st.level_labels(self.tr),
                defaultValue=1,
                optional=True,
            )
        )
        st.add_municipality_field(self, self.INPUT)
        self.addOutput(QgsProcessingOutputString("IMPORT_ID", self.tr("Import id in the import log")))
        self.addOutput(QgsProcessingOutputString("STATUS", self.tr("written or unchanged")))
        self.addOutput(QgsProcessingOutputString("MESSAGE", self.tr("Summary")))
        self.addOutput(QgsProcessingOutputNumber("ROWS", self.tr("Values in the layer")))
        self.addOutput(QgsProcessingOutputNumber("INSERTED", self.tr("Values added")))
        self.addOutput(QgsProcessingOutputNumber("UPDATED", self.tr("Values changed")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", self.tr("Values already in the store")))
        self.addOutput(QgsProcessingOutputNumber("UNITS_ADDED", self.tr("Units registered")))
        self.addOutput(QgsProcessingOutputNumber("UNITS_CHANGED", self.tr("Units with a new geometry")))
        P.arrange(
            self,
            ids={self.INDICATORS: {}},
            advanced=[
                self.DATE_FIELD,
                self.CATALOGUE,
                self.INDICATORS,
                self.VALID_FROM,
                self.PARENT_FIELD,
                self.PARENT_LEVEL,
            ],
            helps={},
        )

    def compute(self, parameters, context, feedback):
        from ..core.store import catalogue_record, normalise_date, relevant_columns, values_from_layer

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        date_field = self.parameterAsString(parameters, self.DATE_FIELD, context)
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        muni_field = self.parameterAsString(parameters, st.MUNICIPALITY_FIELD, context)
        self.require_fields(source, [key_field, name_field, date_field, parent_field, muni_field])
        level = st.level_of(self, parameters, context)
        parent_level = st.LEVEL_IDS[self.parameterAsEnum(parameters, self.PARENT_LEVEL, context)]
        date = self.parameterAsString(parameters, self.DATE, context).strip() or None
        if date:  # checked even when the field names carry the years: a wrong date must not pass unnoticed
            date = normalise_date(date, "reference date")
        mode = UNIT_MODES[self.parameterAsEnum(parameters, self.UNITS, context)]
        valid_from = self.parameterAsString(parameters, self.VALID_FROM, context).strip() or None
        wanted = [
            s.strip() for s in self.parameterAsString(parameters, self.INDICATORS, context).split(",") if s.strip()
        ]
        catalogue = st.load_catalogue_file(self.parameterAsFile(parameters, self.CATALOGUE, context))
        record = catalogue_record(catalogue)
        known = {i["id"] for i in record[2]["indicators"]} | {v["id"] for v in record[2]["variables"]}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise QgsProcessingException(
                self.tr("Indicator(s) {} are not in the catalogue '{}'.").format(", ".join(unknown), record[0])
            )

        has_geometry = QgsWkbTypes.geometryType(source.wkbType()) == GeometryType.Polygon
        names = [
            key_field,
            name_field,
            date_field or ("year" if "year" in source.fields().names() else None),
            parent_field,
            muni_field,
        ]
        names = list(
            dict.fromkeys(
                [n for n in names if n] + relevant_columns(source.fields().names(), set(wanted) if wanted else known)
            )
        )
        frame, geoms = st.read_layer(self, source, names, feedback, with_geometry=has_geometry)
        keys = [st.key_text(k) for k in frame[key_field]]
        if any(k is None for k in keys):
            raise QgsProcessingException(
                self.tr("{} feature(s) have no value in the key field '{}'. Every unit needs a key.").format(
                    sum(k is None for k in keys), key_field
                )
            )
        frame[key_field] = keys
        values = values_from_layer(
            frame, key_field, set(wanted) if wanted else known, date_column=date_field or None, ref_date=date
        )
        if not len(values):
            raise QgsProcessingException(
                self.tr(
                    "The layer's indicator fields are all empty: nothing to write. Check that the layer is the output "
                    "of 'Aggregate indicators' (or has fields named like the catalogue's indicators)."
                )
            )
        feedback.pushInfo(
            self.tr("{n} values of {v} indicator(s) at {d} date(s) read from the layer.").format(
                n=len(values), v=values["variable"].nunique(), d=values["ref_date"].nunique()
            )
        )
        self.check_canceled(feedback)

        with st.store_session(self, parameters, context, feedback, srid=st.epsg_of(source.sourceCrs())) as store:
            units = None
            level_empty = not len(store.units(level, with_geometry=False))
            if mode == "update" or (mode == "first" and level_empty):
                if not has_geometry:
                    if level_empty:
                        raise QgsProcessingException(
                            self.tr(
                                "The store has no units of level '{}' yet and the input has no polygons to register. "
                                "Write a polygon layer first (e.g. the output of 'Aggregate indicators')."
                            ).format(level)
                        )
                else:
                    units = self._units_frame(
                        frame, geoms, key_field, name_field, parent_field, muni_field, source, store, context
                    )
            if valid_from is not None:
                valid_from = normalise_date(valid_from, "valid-from date")
            counts = {"added": 0, "changed": 0}

            def progress(fraction):
                if feedback.isCanceled():
                    raise _Canceled()
                feedback.setProgress(30 + 70 * fraction)

            try:
                with store.transaction():
                    if units is not None:
                        counts = store.put_units(
                            level,
                            units,
                            valid_from=valid_from if mode == "update" else None,
                            key_column="key",
                            name_column="name",
                            geometry_column="geometry",
                            parent_column="parent" if parent_field else None,
                            parent_level=parent_level if parent_field else None,
                            municipality_column="municipality" if muni_field else None,
                        )
                        feedback.pushInfo(
                            self.tr("Units of level {lv}: {a} added, {c} with a new geometry, {u} unchanged.").format(
                                lv=level, a=counts["added"], c=counts["changed"], u=counts["unchanged"]
                            )
                        )
                    src = source_text(self, parameters, context)
                    result = store.write_values(
                        values,
                        level=level,
                        catalogue=catalogue,
                        source=src,
                        source_sha256=None,
                        operation="storewrite",
                        progress=progress,
                    )
            except _Canceled:
                raise QgsProcessingException(self.tr("Canceled: nothing was written.")) from None
        feedback.pushInfo(result.message)
        return {
            "IMPORT_ID": "" if result.import_id is None else str(result.import_id),
            "STATUS": result.status,
            "MESSAGE": result.message,
            "ROWS": result.rows,
            "INSERTED": result.inserted,
            "UPDATED": result.updated,
            "UNCHANGED": result.unchanged,
            "UNITS_ADDED": counts["added"],
            "UNITS_CHANGED": counts["changed"],
        }

    def _units_frame(self, frame, geoms, key_field, name_field, parent_field, muni_field, source, store, context):
        """One row per unit: key, name, parent, WKB geometry in the store's CRS (long layouts repeat units)."""
        import pandas as pd

        transform = None
        if st.epsg_of(source.sourceCrs()) != store.srid:
            transform = QgsCoordinateTransform(source.sourceCrs(), st.store_crs(store), context.transformContext())
        rows = []
        seen = set()
        for fid, key in zip(frame.index, frame[key_field]):
            if key in seen:
                continue
            seen.add(key)
            g = geoms.get(fid)
            if g is None or g.isNull() or g.isEmpty():
                raise QgsProcessingException(
                    self.tr("Unit '{}' has no geometry; every unit needs a polygon.").format(key)
                )
            if transform is not None:
                from qgis.core import QgsGeometry

                g = QgsGeometry(g)
                g.transform(transform)
            row = {"key": key, "geometry": bytes(g.asWkb())}
            if name_field:
                n = frame.at[fid, name_field]
                row["name"] = None if n is None else str(n)
            if parent_field:
                row["parent"] = st.key_text(frame.at[fid, parent_field])
            if muni_field:
                row["municipality"] = st.key_text(frame.at[fid, muni_field])
            rows.append(row)
        return pd.DataFrame(rows)


def source_text(alg, parameters, context):
    """The input's source (file path when it is one, so that the import log gets its checksum)."""
    layer = alg.parameterAsVectorLayer(parameters, StoreWrite.INPUT, context)
    text = layer.source() if layer is not None else str(parameters.get(StoreWrite.INPUT))
    path = st.source_path(text)
    if path is not None and "|" not in text:
        return path
    from ..core.secrets import redact

    return redact(text)
