"""Define social spaces from statistical blocks by an assignment field (dissolve + validation report).

Thin glue around core.spaces.validate_assignment: the report lists unassigned blocks, spaces that fall apart,
gaps and overlaps in the block layer, spaces crossing a municipal boundary, spaces below the floor or above the
ceiling, name conflicts and repaired geometries (each with the blocks to look at).
"""

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
)

from ..compat import (
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core.fields import clean_text, to_number
from . import _checks as ck
from . import _params as P
from .base import SozialplanungAlgorithm, layer_label, make_field, plain_value, to_shapely


class DefineSocialSpaces(SozialplanungAlgorithm):
    ALG_ID = "definesocialspaces"
    GROUP = "spaces"

    BLOCKS = "BLOCKS"
    ASSIGNMENT = "ASSIGNMENT"
    NAME = "NAME_FIELD"
    MUNICIPALITY = "MUNICIPALITY_FIELD"
    SUM_FIELDS = "SUM_FIELDS"
    POPULATION = "POPULATION_FIELD"
    FLOOR = "FLOOR"
    CEILING = "CEILING"
    ID_FIELD = "ID_FIELD"
    TOLERANCE = "TOLERANCE"
    MIN_GAP = "MIN_GAP_AREA"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):
        return self.tr("Define social spaces from blocks (assignment)")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BLOCKS, self.tr("Statistical blocks"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ASSIGNMENT, self.tr("Social space id field (assignment)"), parentLayerParameterName=self.BLOCKS
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME, self.tr("Social space name field"), parentLayerParameterName=self.BLOCKS, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MUNICIPALITY,
                self.tr("Municipality field (spaces must not cross it)"),
                parentLayerParameterName=self.BLOCKS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION,
                self.tr("Residents field"),
                parentLayerParameterName=self.BLOCKS,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SUM_FIELDS,
                self.tr("Other count fields to sum per space"),
                parentLayerParameterName=self.BLOCKS,
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FLOOR,
                self.tr("Population floor (0 = no check)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CEILING,
                self.tr("Population ceiling (0 = no check)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.ID_FIELD,
                self.tr("Block id field (for the report; default: feature id)"),
                parentLayerParameterName=self.BLOCKS,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.TOLERANCE,
                self.tr("Neighbour distance (m)"),
                ProcessingNumberParameterType.Double,
                0.0,
                minValue=0,
                maxValue=1000,
            ),
            QgsProcessingParameterNumber(
                self.MIN_GAP,
                self.tr("Smallest gap or overlap to report (m²)"),
                ProcessingNumberParameterType.Double,
                1.0,
                minValue=0,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Social spaces"), ProcessingSourceType.VectorPolygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT, self.tr("Validation report"), ProcessingSourceType.Vector, optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("SPACE_COUNT", self.tr("Number of social spaces")))
        self.addOutput(QgsProcessingOutputNumber("DEFECT_COUNT", self.tr("Number of validation findings")))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary of the validation")))
        P.arrange(
            self,
            advanced=[],
            helps={
                self.TOLERANCE: self.tr("Blocks across a street of this width touch; narrower gaps are not reported.")
            },
        )

    def compute(self, parameters, context, feedback):
        from ..core import spaces as sp
        from .regionalise_blocks import utm_crs

        source = self.require_layer(self.parameterAsSource(parameters, self.BLOCKS, context), self.BLOCKS)
        key = self.parameterAsString(parameters, self.ASSIGNMENT, context)
        name = self.parameterAsString(parameters, self.NAME, context)
        muni = self.parameterAsString(parameters, self.MUNICIPALITY, context)
        pop = self.parameterAsString(parameters, self.POPULATION, context)
        sums = self.parameter_as_field_names(parameters, self.SUM_FIELDS, context)
        floor = self.parameterAsInt(parameters, self.FLOOR, context)
        ceiling = self.parameterAsInt(parameters, self.CEILING, context)
        id_f = self.parameterAsString(parameters, self.ID_FIELD, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)
        min_gap = self.parameterAsDouble(parameters, self.MIN_GAP, context)
        if floor and ceiling and floor > ceiling:
            raise self._error(self.tr("The population floor ({}) is above the ceiling ({}).").format(floor, ceiling))
        self.require_fields(source, [key, name, muni, pop, id_f, *sums])
        ck.require_polygons(source, layer_label(source), self.tr("blocks"))
        ck.require_plausible_crs(source, layer_label(source))
        if source.featureCount() == 0:
            raise self._error(self.tr("The block layer has no features. Choose a layer with blocks."))
        count_fields = [f for f in ([pop] if pop else []) + list(sums)]

        # measure in metres: blocks in degrees are projected to their UTM zone for the checks only
        crs = source.sourceCrs()
        to_work = from_work = None
        if crs.isGeographic():
            wgs = QgsCoordinateReferenceSystem("EPSG:4326")
            centre = QgsCoordinateTransform(crs, wgs, context.transformContext()).transform(
                source.sourceExtent().center()
            )
            work = utm_crs(centre)
            to_work = QgsCoordinateTransform(crs, work, context.transformContext())
            from_work = QgsCoordinateTransform(work, crs, context.transformContext())

        fields = source.fields()
        idx = {f: fields.lookupField(f) for f in [key, name, muni, id_f, *count_fields] if f}
        geoms, block_ids, assign, names, munis = [], [], [], [], []
        counts = {f: [] for f in count_fields}
        readers = {
            f: ck.CountField(layer_label(source), f, self.tr("residents") if f == pop else None, fields=source.fields())
            for f in count_fields
        }
        report_extra = []
        total = source.featureCount()
        for i, feat in enumerate(source.getFeatures()):
            if i % 500 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(30 * i / total)
            a = feat.attributes()
            bid = _text(a[idx[id_f]]) if id_f else str(feat.id())
            geom, reason = ck.repaired(feat.geometry())
            if geom is None:
                report_extra.append(("empty_geometry", _text(a[idx[key]]), bid, self.tr("block has no geometry")))
                continue
            if reason:
                report_extra.append(
                    (
                        "invalid_geometry_repaired",
                        _text(a[idx[key]]),
                        bid,
                        self.tr("{}; repaired with make-valid").format(reason),
                    )
                )
            if to_work is not None:
                geom = QgsGeometry(geom)
                geom.transform(to_work)
            geoms.append(to_shapely(geom))
            block_ids.append(bid)
            assign.append(_text(a[idx[key]]))
            if name:
                names.append(_text(a[idx[name]]))
            if muni:
                munis.append(_text(a[idx[muni]]))
            for f in count_fields:
                counts[f].append(readers[f].value(a[idx[f]], bid))
        for reader in readers.values():
            reader.check()
        if not geoms:
            raise self._error(
                self.tr(
                    "None of the {} blocks of layer '{}' has a geometry. Choose the layer with the block polygons."
                ).format(total, layer_label(source))
            )

        feedback.setProgress(30)
        res = sp.validate_assignment(
            geoms,
            block_ids,
            assign,
            names=names if name else None,
            municipalities=munis if muni else None,
            population=counts[pop] if pop else None,
            counts=counts,
            floor=floor or None,
            ceiling=ceiling or None,
            tolerance=tolerance,
            min_gap_area=min_gap,
            min_overlap_area=min_gap,
        )
        self.check_canceled(feedback)
        feedback.setProgress(80)

        fields = QgsFields()
        fields.append(make_field("space_id", "string", self.tr("Social space id")))
        fields.append(make_field("space_name", "string", self.tr("Social space")))
        if muni:
            fields.append(make_field("municipality", "string", self.tr("Municipality")))
        fields.append(make_field("n_blocks", "int", self.tr("Blocks")))
        for f in count_fields:
            fields.append(
                make_field(
                    f,
                    "double"
                    if source.fields().field(f).typeName().lower().startswith(("real", "double", "float", "numeric"))
                    else "int",
                )
            )
        fields.append(make_field("area_km2", "double", self.tr("Area (km²)")))
        fields.append(make_field("polsby_popper", "double", self.tr("Polsby-Popper compactness")))
        fields.append(make_field("n_parts", "int", self.tr("Parts")))
        fields.append(make_field("defects", "string", self.tr("Validation findings")))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise self._error(self.invalidSinkError(parameters, self.OUTPUT))
        table = res.spaces.set_index("space_id") if len(res.spaces) else None
        space_list = sorted(res.spaces["space_id"]) if len(res.spaces) else []
        is_int = {f: fields.field(f).type() != make_field("x", "double").type() for f in count_fields}
        for i, space in enumerate(space_list):
            self.check_canceled(feedback)
            feedback.setProgress(80 + 15 * i / max(len(space_list), 1))
            row = table.loc[space]
            geom = QgsGeometry()
            geom.fromWkb(res.geometries[space].wkb)
            if from_work is not None:
                geom.transform(from_work)
            geom.convertToMultiType()
            attrs = [space, (row["name"] if name and row["name"] else space)]
            if muni:
                attrs.append(row["municipality"].replace("+", ", "))
            attrs.append(int(row["n_blocks"]))
            for f in count_fields:
                v = float(row[f])
                attrs.append(int(round(v)) if is_int[f] else v)
            attrs.extend(
                [res.geometries[space].area / 1e6, to_number(row["polsby_popper"]), int(row["n_parts"]), row["defects"]]
            )
            out = QgsFeature(fields)
            out.setAttributes(attrs)
            out.setGeometry(geom)
            sink.addFeature(out, QgsFeatureSink.Flag.FastInsert)

        report = report_extra + [tuple(r) for r in res.report[sp.REPORT_COLUMNS].itertuples(index=False)]
        import pandas as pd

        summary = sp.summarise(len(space_list), pd.DataFrame(report, columns=sp.REPORT_COLUMNS))
        results = {
            self.OUTPUT: dest,
            "SPACE_COUNT": len(space_list),
            "DEFECT_COUNT": len(report),
            "SUMMARY": summary,
        }
        rfields = QgsFields()
        for fname in ("defect", "space_id", "block_ids", "detail"):
            rfields.append(make_field(fname, "string"))
        rsink, rdest = self.parameterAsSink(parameters, self.REPORT, context, rfields)
        if rsink is not None:
            for row in report:
                feat = QgsFeature(rfields)
                feat.setAttributes([str(v) for v in row])
                rsink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            results[self.REPORT] = rdest
        for line in summary.splitlines():
            feedback.pushInfo(line)
        for row in report_extra:
            feedback.pushWarning(f"{row[0]}: {row[2]} {row[3]}")
        feedback.pushInfo(
            self.tr("{} social spaces from {} blocks; {} findings in the validation report.").format(
                len(space_list), total, len(report)
            )
        )
        feedback.setProgress(100)
        return results

    def _error(self, message):
        from qgis.core import QgsProcessingException

        return QgsProcessingException(message)


def _text(v):
    return clean_text(plain_value(v))
