"""Define social spaces from statistical blocks by an assignment field (dissolve + validation report).

HANDOVER: regionalisation helper (issue 8) deepens the validation report via core/spaces.py.
"""
from collections import defaultdict

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessing,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingOutputNumber,
    QgsProcessingParameterNumber,
    QgsWkbTypes,
)

from .base import SozialplanungAlgorithm, make_field


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
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):
        return self.tr("Define social spaces from blocks (assignment)")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.BLOCKS, self.tr("Statistical blocks"), [QgsProcessing.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ASSIGNMENT, self.tr("Social space id field (assignment)"), parentLayerParameterName=self.BLOCKS))
        self.addParameter(QgsProcessingParameterField(
            self.NAME, self.tr("Social space name field"), parentLayerParameterName=self.BLOCKS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.MUNICIPALITY, self.tr("Municipality field (spaces must not cross it)"),
            parentLayerParameterName=self.BLOCKS, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.POPULATION, self.tr("Residents field"), parentLayerParameterName=self.BLOCKS,
            type=QgsProcessingParameterField.Numeric, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.SUM_FIELDS, self.tr("Other count fields to sum per space"), parentLayerParameterName=self.BLOCKS,
            type=QgsProcessingParameterField.Numeric, allowMultiple=True, optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.FLOOR, self.tr("Population floor (0 = no check)"), QgsProcessingParameterNumber.Integer, 0,
            minValue=0))
        self.addParameter(QgsProcessingParameterNumber(
            self.CEILING, self.tr("Population ceiling (0 = no check)"), QgsProcessingParameterNumber.Integer, 0,
            minValue=0))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Social spaces"), QgsProcessing.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.REPORT, self.tr("Validation report"), QgsProcessing.TypeVector, optional=True))
        self.addOutput(QgsProcessingOutputNumber("SPACE_COUNT", self.tr("Number of social spaces")))
        self.addOutput(QgsProcessingOutputNumber("DEFECT_COUNT", self.tr("Number of validation findings")))

    def compute(self, parameters, context, feedback):
        source = self.require_layer(self.parameterAsSource(parameters, self.BLOCKS, context), self.BLOCKS)
        key = self.parameterAsString(parameters, self.ASSIGNMENT, context)
        name = self.parameterAsString(parameters, self.NAME, context)
        muni = self.parameterAsString(parameters, self.MUNICIPALITY, context)
        pop = self.parameterAsString(parameters, self.POPULATION, context)
        sums = self.parameterAsFields(parameters, self.SUM_FIELDS, context)
        floor = self.parameterAsInt(parameters, self.FLOOR, context)
        ceiling = self.parameterAsInt(parameters, self.CEILING, context)
        if floor and ceiling and floor > ceiling:
            raise self._error(self.tr("The population floor ({}) is above the ceiling ({}).").format(floor, ceiling))
        self.require_fields(source, [key, name, muni, pop, *sums])
        if source.featureCount() == 0:
            raise self._error(self.tr("The block layer has no features. Choose a layer with blocks."))
        count_fields = [f for f in ([pop] if pop else []) + list(sums)]

        geoms, names, munis, totals, members = defaultdict(list), {}, defaultdict(set), defaultdict(dict), defaultdict(list)
        report = []
        total = source.featureCount()
        for i, feat in enumerate(source.getFeatures()):
            if i % 500 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(40 * i / total)
            space = feat[key]
            if space is None or str(space).strip() == "" or str(space) == "NULL":
                report.append(("unassigned", "", str(feat.id()), self.tr("block has no social space id")))
                continue
            space = str(space)
            geom = feat.geometry()
            if geom.isNull() or geom.isEmpty():
                report.append(("empty_geometry", space, str(feat.id()), self.tr("block has no geometry")))
                continue
            if not geom.isGeosValid():
                geom = geom.makeValid()
                report.append(("repaired_geometry", space, str(feat.id()), self.tr("invalid geometry repaired")))
            geoms[space].append(geom)
            members[space].append(feat.id())
            if name and space not in names:
                names[space] = feat[name]
            if muni:
                munis[space].add(str(feat[muni]))
            for f in count_fields:
                value = feat[f]
                if value is not None and value == value:
                    totals[space][f] = totals[space].get(f, 0) + value

        fields = QgsFields()
        fields.append(make_field("space_id", "string", self.tr("Social space id")))
        fields.append(make_field("space_name", "string", self.tr("Social space")))
        if muni:
            fields.append(make_field("municipality", "string", self.tr("Municipality")))
        fields.append(make_field("n_blocks", "int", self.tr("Blocks")))
        for f in count_fields:
            fields.append(make_field(f, "double" if source.fields().field(f).typeName().lower().startswith(
                ("real", "double", "float", "numeric")) else "int"))
        fields.append(make_field("area_km2", "double", self.tr("Area (km²)")))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, QgsWkbTypes.MultiPolygon,
                                          source.sourceCrs())
        spaces = sorted(geoms)
        for i, space in enumerate(spaces):
            self.check_canceled(feedback)
            feedback.setProgress(40 + 55 * i / max(len(spaces), 1))
            geom = QgsGeometry.unaryUnion(geoms[space])
            parts = geom.constGet().numGeometries() if geom.isMultipart() else 1
            if parts > 1:
                report.append(("multipart", space, "", self.tr("space falls apart into {} parts").format(parts)))
            if muni and len(munis[space]) > 1:
                report.append(("crosses_municipality", space, "",
                               self.tr("space lies in several municipalities: {}").format(", ".join(sorted(munis[space])))))
            if pop:
                residents = totals[space].get(pop, 0)
                if floor and residents < floor:
                    report.append(("below_floor", space, "", self.tr("{} residents < floor {}").format(residents, floor)))
                if ceiling and residents > ceiling:
                    report.append(("above_ceiling", space, "", self.tr("{} residents > ceiling {}").format(residents, ceiling)))
            geom.convertToMultiType()
            out = QgsFeature(fields)
            attrs = [space, str(names.get(space, space) or space)]
            if muni:
                attrs.append(", ".join(sorted(munis[space])))
            attrs.append(len(members[space]))
            attrs.extend(totals[space].get(f, 0) for f in count_fields)
            attrs.append(geom.area() / 1e6)
            out.setAttributes(attrs)
            out.setGeometry(geom)
            sink.addFeature(out, QgsFeatureSink.FastInsert)

        results = {self.OUTPUT: dest, "SPACE_COUNT": len(spaces), "DEFECT_COUNT": len(report)}
        rfields = QgsFields()
        for fname in ("defect", "space_id", "block_fids", "detail"):
            rfields.append(make_field(fname, "string"))
        rsink, rdest = self.parameterAsSink(parameters, self.REPORT, context, rfields)
        if rsink is not None:
            for row in report:
                feat = QgsFeature(rfields)
                feat.setAttributes(list(row))
                rsink.addFeature(feat, QgsFeatureSink.FastInsert)
            results[self.REPORT] = rdest
        for row in report[:50]:
            feedback.pushWarning(f"{row[0]}: {row[1]} {row[3]}")
        feedback.pushInfo(self.tr("{} social spaces from {} blocks; {} findings in the validation report.").format(
            len(spaces), total, len(report)))
        feedback.setProgress(100)
        return results

    def _error(self, message):
        from qgis.core import QgsProcessingException

        return QgsProcessingException(message)

