"""Register spatial units (blocks, social spaces, ...) with versioned geometries in the monitoring store.

A new or changed geometry is stored as a new version valid from the given date and closes the old version;
an optional parent field records the assignment (e.g. block -> social space) with the same validity, which
the carrying of values to new boundaries needs. One transaction: all units or none.
"""

from qgis.core import (
    QgsCoordinateTransform,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterString,
)

from ..compat import ProcessingSourceType
from . import _store as st
from .base import SozialplanungAlgorithm


class StoreUnits(SozialplanungAlgorithm):
    ALG_ID = "storeunits"
    GROUP = "monitoring"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    PARENT_FIELD = "PARENT_FIELD"
    PARENT_LEVEL = "PARENT_LEVEL"
    VALID_FROM = "VALID_FROM"
    REPLACE = "REPLACE"

    def displayName(self):
        return self.tr("Register spatial units in the monitoring store")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Polygon layer of the units"), [ProcessingSourceType.VectorPolygon]
            )
        )
        st.add_store_parameters(self, default_level=0)
        self.addParameter(
            QgsProcessingParameterField(self.KEY_FIELD, self.tr("Unit key field"), parentLayerParameterName=self.INPUT)
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
        self.addParameter(
            QgsProcessingParameterString(
                self.VALID_FROM, self.tr("Valid from (date or year; empty = valid since always)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REPLACE, self.tr("The layer is complete: close units of the level missing from it"), False
            )
        )
        st.add_municipality_field(self, self.INPUT)
        self.addOutput(QgsProcessingOutputNumber("ADDED", self.tr("Units added")))
        self.addOutput(QgsProcessingOutputNumber("CHANGED", self.tr("Units with a new geometry version")))
        self.addOutput(QgsProcessingOutputNumber("UNCHANGED", self.tr("Units unchanged")))
        self.addOutput(QgsProcessingOutputNumber("CLOSED", self.tr("Units closed")))
        self.addOutput(QgsProcessingOutputNumber("ASSIGNED", self.tr("New assignments to parent units")))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        parent_field = self.parameterAsString(parameters, self.PARENT_FIELD, context)
        muni_field = self.parameterAsString(parameters, st.MUNICIPALITY_FIELD, context)
        self.require_fields(source, [key_field, name_field, parent_field, muni_field])
        level = st.level_of(self, parameters, context)
        parent_level = st.LEVEL_IDS[self.parameterAsEnum(parameters, self.PARENT_LEVEL, context)]
        valid_from = self.parameterAsString(parameters, self.VALID_FROM, context).strip() or None
        replace = self.parameterAsBool(parameters, self.REPLACE, context)
        rows, seen = [], {}
        total = max(source.featureCount(), 1)
        for i, feat in enumerate(source.getFeatures()):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(50 * i / total)
            key = st.key_text(feat[key_field])
            if key is None:
                raise QgsProcessingException(
                    self.tr("Feature {} has no key in field '{}'.").format(feat.id(), key_field)
                )
            if key in seen:  # refused before the store is opened: nothing is created or written
                raise QgsProcessingException(
                    self.tr(
                        "Unit key '{k}' occurs more than once in field '{f}' (features {a} and {b}). Every unit needs "
                        "its own key; nothing was written."
                    ).format(k=key, f=key_field, a=seen[key], b=feat.id())
                )
            seen[key] = feat.id()
            g = feat.geometry()
            if g.isNull() or g.isEmpty():
                raise QgsProcessingException(self.tr("Unit '{}' has no geometry.").format(key))
            row = {"key": key, "geometry": QgsGeometry(g)}
            if name_field:
                row["name"] = st.key_text(feat[name_field])
            if parent_field:
                row["parent"] = st.key_text(feat[parent_field])
            if muni_field:
                row["municipality"] = st.key_text(feat[muni_field])
            rows.append(row)
        with st.store_session(self, parameters, context, feedback, srid=st.epsg_of(source.sourceCrs())) as store:
            transform = None
            if st.epsg_of(source.sourceCrs()) != store.srid:
                transform = QgsCoordinateTransform(source.sourceCrs(), st.store_crs(store), context.transformContext())
            for row in rows:
                if transform is not None:
                    row["geometry"].transform(transform)
                row["geometry"] = bytes(row["geometry"].asWkb())
            self.check_canceled(feedback)
            counts = store.put_units(
                level,
                pd.DataFrame(rows),
                valid_from=valid_from,
                key_column="key",
                name_column="name",
                geometry_column="geometry",
                parent_column="parent" if parent_field else None,
                parent_level=parent_level if parent_field else None,
                replace=replace,
                municipality_column="municipality" if muni_field else None,
            )
        feedback.pushInfo(
            self.tr(
                "Level {lv}: {a} added, {c} new geometry versions, {u} unchanged, {x} closed, {s} new assignments."
            ).format(
                lv=level,
                a=counts["added"],
                c=counts["changed"],
                u=counts["unchanged"],
                x=counts["closed"],
                s=counts["assigned"],
            )
        )
        return {k.upper(): v for k, v in counts.items()}
