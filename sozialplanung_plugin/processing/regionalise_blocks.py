"""Build social spaces automatically from statistical blocks (constrained regionalisation).

Thin glue around core.regionalise.regionalise_blocks: reads the blocks (projected to metres when the layer is in
degrees), optional barrier lines, hands plain arrays to the core, then writes the blocks with their space id, the
dissolved spaces with population, Polsby-Popper and in-bounds flag, and the report table.
"""

from dataclasses import dataclass, field

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
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
from ..core.i18n import fill
from . import _checks as ck
from . import _params as P
from .base import SozialplanungAlgorithm, layer_label, make_field, plain_value, to_shapely


def utm_crs(transform_to_wgs84_center):
    """ETRS89/WGS84 UTM zone of a longitude/latitude point (metres) for blocks delivered in degrees."""
    lon, lat = transform_to_wgs84_center.x(), transform_to_wgs84_center.y()
    zone = int((lon + 180) // 6) + 1
    epsg = (32600 if lat >= 0 else 32700) + zone
    return QgsCoordinateReferenceSystem(f"EPSG:{epsg}")


class RegionaliseBlocks(SozialplanungAlgorithm):
    ALG_ID = "regionaliseblocks"
    GROUP = "spaces"

    BLOCKS = "BLOCKS"
    ID_FIELD = "ID_FIELD"
    POPULATION = "POPULATION_FIELD"
    NESTING = "NESTING_FIELD"
    BARRIERS = "BARRIERS"
    ATTRIBUTES = "ATTRIBUTE_FIELDS"
    FLOOR = "FLOOR"
    CEILING = "CEILING"
    COMPACTNESS = "COMPACTNESS"
    LOCK = "LOCK_FIELD"
    REFERENCE = "REFERENCE_FIELD"
    SEED = "SEED"
    TOLERANCE = "TOLERANCE"
    IMPROVE = "IMPROVE_ROUNDS"
    OUTPUT_BLOCKS = "OUTPUT_BLOCKS"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):
        return self.tr("Build social spaces from blocks (automatic)")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BLOCKS, self.tr("Statistical blocks"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION,
                self.tr("Residents field"),
                parentLayerParameterName=self.BLOCKS,
                type=ProcessingFieldParameterDataType.Numeric,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NESTING,
                self.tr("Nesting field (municipality or district; spaces never cross it)"),
                parentLayerParameterName=self.BLOCKS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BARRIERS,
                self.tr("Barriers (railways, rivers, motorways) no space may cross"),
                [ProcessingSourceType.VectorLine, ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.ATTRIBUTES,
                self.tr("Attributes the spaces should be homogeneous in"),
                parentLayerParameterName=self.BLOCKS,
                type=ProcessingFieldParameterDataType.Numeric,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.FLOOR,
                self.tr("Population floor (residents per space at least)"),
                ProcessingNumberParameterType.Double,
                5000,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CEILING,
                self.tr("Population ceiling (residents per space at most)"),
                ProcessingNumberParameterType.Double,
                12000,
                minValue=1,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.COMPACTNESS,
                self.tr("Compactness weight (0 = ignore shape)"),
                ProcessingNumberParameterType.Double,
                1.0,
                minValue=0,
                maxValue=100,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LOCK,
                self.tr("Locked spaces: space id to keep"),
                parentLayerParameterName=self.BLOCKS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.REFERENCE,
                self.tr("Reference partition to compare with (adjusted Rand index)"),
                parentLayerParameterName=self.BLOCKS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SEED,
                self.tr("Random seed (same seed, same result)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.ID_FIELD,
                self.tr("Block id field (for the report)"),
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
                self.IMPROVE,
                self.tr("Improvement rounds"),
                ProcessingNumberParameterType.Integer,
                3,
                minValue=0,
                maxValue=20,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_BLOCKS, self.tr("Blocks with social space"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Social spaces"), ProcessingSourceType.VectorPolygon)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT, self.tr("Regionalisation report"), ProcessingSourceType.Vector, optional=True
            )
        )
        for key, label in (
            ("SPACE_COUNT", self.tr("Number of social spaces")),
            ("SHARE_IN_BOUNDS", self.tr("Share of spaces within the bounds")),
            ("POP_CV", self.tr("Coefficient of variation of the population")),
            ("SSD", self.tr("Within-space sum of squared deviations (standardised attributes)")),
            ("MEAN_POLSBY_POPPER", self.tr("Mean Polsby-Popper compactness")),
            ("ARI", self.tr("Adjusted Rand index against the reference")),
        ):
            self.addOutput(QgsProcessingOutputNumber(key, label))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))
        P.arrange(
            self,
            advanced=[self.LOCK, self.REFERENCE, self.SEED],
            helps={
                self.TOLERANCE: self.tr("Blocks across a street of this width count as neighbours; 0 = touching only."),
                self.IMPROVE: self.tr(
                    "Re-split pairs of neighbouring spaces; more rounds: slower, more compact and homogeneous."
                ),
                self.LOCK: self.tr("Blocks with an existing space id keep it; empty: the block is planned anew."),
            },
        )

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        """Phases: options and checks -> blocks and barriers read (in metres) -> the core's regionalisation ->
        dissolved spaces -> blocks, spaces and report written -> summary and results."""
        import time

        import numpy as np

        source = self.require_layer(self.parameterAsSource(parameters, self.BLOCKS, context), self.BLOCKS)
        opt = self._options(parameters, context)
        self.require_fields(source, [opt.pop_f, opt.nest_f, opt.lock_f, opt.ref_f, opt.id_f, *opt.attr_fs])
        self.require_features(source)
        ck.require_polygons(source, layer_label(source), self.tr("blocks"))
        ck.require_plausible_crs(source, layer_label(source))
        frame = self._work_frame(source, context, feedback)

        t_start = time.perf_counter()
        blocks = self._read_blocks(source, opt, frame, feedback)
        barriers = self._read_barriers(parameters, context, frame)
        self.check_canceled(feedback)
        feedback.setProgress(25)
        t_read = time.perf_counter() - t_start
        feedback.pushInfo(self.tr("Building the neighbourhood graph of {} blocks ...").format(len(blocks.geoms)))

        res = self._regionalise(blocks, barriers, opt)
        self.check_canceled(feedback)
        feedback.setProgress(60)
        t = res.timings
        t_graph = t.get("adjacency", 0) + t.get("barriers", 0) + t.get("geometry_measures", 0)
        feedback.pushInfo(fill(self.tr("Graph {:.2f} s, regionalisation {:.2f} s."), t_graph, t["algorithm_total"]))

        space_geoms, pp = self._dissolve(res, blocks, opt.tolerance, feedback)
        mean_pp = float(np.nanmean(pp)) if pp else float("nan")
        bdest = self._write_blocks(parameters, context, source, res, blocks, feedback)
        sdest = self._write_spaces(parameters, context, res, space_geoms, pp, opt, frame)

        t_done = time.perf_counter()
        feedback.pushInfo(
            fill(
                self.tr("Reading {:.2f} s, dissolving and writing {:.2f} s."),
                t_read,
                t_done
                - t_start
                - t_read
                - sum(t.get(k, 0) for k in ("adjacency", "barriers", "geometry_measures", "algorithm_total")),
            )
        )
        rep = res.report
        results = {self.OUTPUT_BLOCKS: bdest, self.OUTPUT: sdest}
        metrics = _metrics(rep, mean_pp, t, t_read, t_done - t_start)
        rdest = self._write_report(parameters, context, res, metrics)
        if rdest is not None:
            results[self.REPORT] = rdest

        summary = res.summary(mean_polsby_popper=mean_pp)
        for line in summary.splitlines():
            feedback.pushInfo(line)
        results.update(
            {
                "SPACE_COUNT": rep["n_spaces"],
                "SHARE_IN_BOUNDS": rep["share_within_bounds"],
                "POP_CV": rep["population_cv"],
                "SSD": rep["ssd"],
                "MEAN_POLSBY_POPPER": mean_pp,
                "ARI": rep["ari"] if rep["ari"] is not None else float("nan"),
                "SUMMARY": summary,
            }
        )
        feedback.setProgress(100)
        return results

    def _options(self, parameters, context):
        """The parameters as one value; refuses a floor at or above the ceiling."""
        opt = _Options(
            pop_f=self.parameterAsString(parameters, self.POPULATION, context),
            nest_f=self.parameterAsString(parameters, self.NESTING, context),
            attr_fs=self.parameter_as_field_names(parameters, self.ATTRIBUTES, context),
            lock_f=self.parameterAsString(parameters, self.LOCK, context),
            ref_f=self.parameterAsString(parameters, self.REFERENCE, context),
            id_f=self.parameterAsString(parameters, self.ID_FIELD, context),
            floor=self.parameterAsDouble(parameters, self.FLOOR, context),
            ceiling=self.parameterAsDouble(parameters, self.CEILING, context),
            compactness=self.parameterAsDouble(parameters, self.COMPACTNESS, context),
            seed=self.parameterAsInt(parameters, self.SEED, context),
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            improve=self.parameterAsInt(parameters, self.IMPROVE, context),
        )
        if opt.floor >= opt.ceiling:
            raise QgsProcessingException(
                fill(
                    self.tr(
                        "The population floor ({:g}) must be below the ceiling ({:g}). Lower the floor or raise the "
                        "ceiling."
                    ),
                    opt.floor,
                    opt.ceiling,
                )
            )
        return opt

    def _work_frame(self, source, context, feedback):
        """Work in metres: a layer in degrees is projected to its UTM zone for the computation only."""
        crs = source.sourceCrs()
        if not crs.isGeographic():
            return _Frame(crs, crs, None, None)
        wgs = QgsCoordinateReferenceSystem("EPSG:4326")
        centre = source.sourceExtent().center()
        centre = QgsCoordinateTransform(crs, wgs, context.transformContext()).transform(centre)
        work_crs = utm_crs(centre)
        feedback.pushInfo(
            self.tr("The blocks are in degrees ({}); distances and areas are computed in {}.").format(
                crs.authid(), work_crs.authid()
            )
        )
        return _Frame(
            crs,
            work_crs,
            QgsCoordinateTransform(crs, work_crs, context.transformContext()),
            QgsCoordinateTransform(work_crs, crs, context.transformContext()),
        )

    def _read_blocks(self, source, opt, frame, feedback):
        """Geometries (repaired, in the work CRS) and attributes of the blocks; refuses missing geometries and
        residents."""
        fields = source.fields()
        names = [opt.pop_f, opt.nest_f, opt.lock_f, opt.ref_f, opt.id_f, *opt.attr_fs]
        idx = {name: fields.lookupField(name) for name in names if name}
        total = source.featureCount()
        b = _Blocks(total=total)
        null_geom, repaired = [], []
        pop_reader = ck.CountField(layer_label(source), opt.pop_f, self.tr("residents"), fields=fields)
        attr_readers = [ck.CountField(layer_label(source), f, allow_negative=True, fields=fields) for f in opt.attr_fs]
        for i, feat in enumerate(source.getFeatures()):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(20 * i / max(total, 1))
            a = feat.attributes()
            g, reason = ck.repaired(feat.geometry())
            if g is None:
                null_geom.append(feat.id())
                continue
            label = _text(a[idx[opt.id_f]]) if opt.id_f else str(feat.id())
            if reason:
                repaired.append((label, reason))
            if frame.to_work is not None:
                g = QgsGeometry(g)
                g.transform(frame.to_work)
            b.fids.append(feat.id())
            b.geoms.append(to_shapely(g))
            b.pop.append(pop_reader.value(a[idx[opt.pop_f]], label))
            for name, values in ((opt.nest_f, b.units), (opt.lock_f, b.locked), (opt.ref_f, b.ref)):
                if name:
                    values.append(_text(a[idx[name]]))
            b.ids.append(_text(a[idx[opt.id_f]]) if opt.id_f else str(feat.id()))
            if opt.attr_fs:
                b.attrs.append([r.value(a[idx[f]], label) for r, f in zip(attr_readers, opt.attr_fs)])
        for reader in [pop_reader, *attr_readers]:
            reader.check()
        self._refuse_bad_blocks(b, opt, null_geom, repaired, feedback)
        return b

    def _refuse_bad_blocks(self, blocks, opt, null_geom, repaired, feedback):
        """Warn of repaired geometries; refuse blocks without geometry or residents (pop becomes an array)."""
        import numpy as np

        for label, reason in repaired[: ck.MAX_LISTED]:
            feedback.pushWarning(self.tr("Block {}: {}; repaired with make-valid.").format(label, reason))
        if len(repaired) > ck.MAX_LISTED:
            feedback.pushWarning(
                self.tr("{} more blocks with invalid geometry repaired.").format(len(repaired) - ck.MAX_LISTED)
            )
        if null_geom:
            raise QgsProcessingException(
                self.tr(
                    "{} blocks have no geometry (first feature id {}). Remove them or repair the layer first."
                ).format(len(null_geom), null_geom[0])
            )
        blocks.pop = np.asarray(blocks.pop, dtype=float)
        bad = np.flatnonzero(~np.isfinite(blocks.pop))
        if len(bad):
            raise QgsProcessingException(
                self.tr(
                    "The residents field '{field}' is empty for {n} blocks (first: block {block}). "
                    "Enter 0 for blocks without residents."
                ).format(field=opt.pop_f, n=len(bad), block=blocks.ids[bad[0]])
            )

    def _read_barriers(self, parameters, context, frame):
        """The barrier lines or polygons (optional) in the work CRS, as shapely geometries."""
        barriers = []
        bsource = self.parameterAsSource(parameters, self.BARRIERS, context)
        if bsource is not None:
            ck.require_geometry(bsource, layer_label(bsource), self.tr("barriers"), ("line", "polygon"))
            to_b = QgsCoordinateTransform(bsource.sourceCrs(), frame.work_crs, context.transformContext())
            for feat in bsource.getFeatures():
                g = feat.geometry()
                if g.isNull() or g.isEmpty():
                    continue
                g = QgsGeometry(g)
                g.transform(to_b)
                barriers.append(to_shapely(g))
        return barriers

    @staticmethod
    def _regionalise(blocks, barriers, opt):
        """The core's constrained regionalisation on plain arrays."""
        import numpy as np

        from ..core import regionalise as rg

        return rg.regionalise_blocks(
            blocks.geoms,
            blocks.pop,
            units=blocks.units or None,
            tolerance=opt.tolerance,
            barriers=barriers or None,
            attributes=np.asarray(blocks.attrs) if opt.attr_fs else None,
            floor=opt.floor,
            ceiling=opt.ceiling,
            compactness=opt.compactness,
            locked=blocks.locked or None,
            seed=opt.seed,
            reference=blocks.ref or None,
            block_ids=blocks.ids,
            recombine_rounds=opt.improve,
        )

    def _dissolve(self, res, blocks, tolerance, feedback):
        """Dissolved spaces (streets narrower than the tolerance closed inside a space) and their Polsby-Popper
        compactness, measured in metres."""
        from shapely.ops import unary_union

        from ..core import spaces as sp

        members = [[] for _ in res.space_ids]
        for k, lab in enumerate(res.labels.tolist()):
            members[lab].append(k)
        close = tolerance / 2.0
        space_geoms, pp = [], []
        for r, mem in enumerate(members):
            if r % 20 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(60 + 25 * r / max(len(members), 1))
            parts = [blocks.geoms[k] for k in mem]
            if close > 0:
                u = unary_union([g.buffer(close, 2) for g in parts]).buffer(-close, 2)
            else:
                u = unary_union(parts)
            pp.append(sp.outline_polsby_popper(u))
            space_geoms.append(u)
        return space_geoms, pp

    def _write_blocks(self, parameters, context, source, res, blocks, feedback):
        """Output 1: the blocks as delivered with their space id and the space's flag."""
        bfields = QgsFields(source.fields())
        sid_name = _unique_name("space_id", bfields)
        flag_name = _unique_name("space_flag", bfields)
        bfields.append(make_field(sid_name, "string", self.tr("Social space id")))
        bfields.append(make_field(flag_name, "string", self.tr("Social space flag")))
        bsink, bdest = self.parameterAsSink(
            parameters, self.OUTPUT_BLOCKS, context, bfields, source.wkbType(), source.sourceCrs()
        )
        if bsink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_BLOCKS))
        block_sid = res.block_space_ids()
        flags = res.spaces["flag"].tolist()
        labels = res.labels
        pos = {fid: k for k, fid in enumerate(blocks.fids)}
        for i, feat in enumerate(source.getFeatures()):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(85 + 8 * i / max(blocks.total, 1))
            k = pos[feat.id()]
            out = QgsFeature(bfields)
            out.setGeometry(feat.geometry())
            out.setAttributes(feat.attributes() + [block_sid[k], flags[labels[k]]])
            bsink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return bdest

    def _write_spaces(self, parameters, context, res, space_geoms, pp, opt, frame):
        """Output 2: the dissolved spaces with population, area, compactness, in-bounds flag (layer CRS)."""
        spaces = res.spaces
        pop = spaces["population"]
        in_bounds = ((pop >= opt.floor - 1e-9) & (pop <= opt.ceiling + 1e-9)).tolist()
        sfields = QgsFields()
        for name, kind, alias in (
            ("space_id", "string", self.tr("Social space id")),
            ("unit", "string", self.tr("Nesting unit")),
            ("n_blocks", "int", self.tr("Blocks")),
            ("population", "double", self.tr("Residents")),
            ("area_km2", "double", self.tr("Area (km²)")),
            ("polsby_popper", "double", self.tr("Polsby-Popper compactness")),
            ("in_bounds", "bool", self.tr("Within floor and ceiling")),
            ("flag", "string", self.tr("Flag")),
            ("locked", "bool", self.tr("Locked")),
        ):
            sfields.append(make_field(name, kind, alias))
        ssink, sdest = self.parameterAsSink(parameters, self.OUTPUT, context, sfields, WkbType.MultiPolygon, frame.crs)
        if ssink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        for r, row in enumerate(spaces.itertuples(index=False)):
            geom = QgsGeometry()
            geom.fromWkb(space_geoms[r].wkb)
            if frame.from_work is not None:
                geom.transform(frame.from_work)
            geom.convertToMultiType()
            out = QgsFeature(sfields)
            out.setGeometry(geom)
            out.setAttributes(
                [
                    str(row.space_id),
                    str(row.unit),
                    int(row.n_blocks),
                    float(row.population),
                    space_geoms[r].area / 1e6,
                    to_number(pp[r]),
                    bool(in_bounds[r]),
                    str(row.flag),
                    bool(row.locked),
                ]
            )
            ssink.addFeature(out, QgsFeatureSink.Flag.FastInsert)
        return sdest

    def _write_report(self, parameters, context, res, metrics):
        """Output 3 (optional): the report table, run metrics first, then one row per finding."""
        rfields = QgsFields()
        for name in ("type", "space_id", "unit", "blocks", "n_blocks", "detail"):
            rfields.append(make_field(name, "int" if name == "n_blocks" else "string"))
        rsink, rdest = self.parameterAsSink(parameters, self.REPORT, context, rfields)
        if rsink is None:
            return None
        for name, value in metrics:
            f = QgsFeature(rfields)
            f.setAttributes(["metric", "", "", "", None, f"{name}={'' if value is None else _fmt(value)}"])
            rsink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        for row in res.issues.itertuples(index=False):
            f = QgsFeature(rfields)
            f.setAttributes(
                [str(row.type), str(row.space_id), str(row.unit), str(row.blocks), int(row.n_blocks), str(row.detail)]
            )
            rsink.addFeature(f, QgsFeatureSink.Flag.FastInsert)
        return rdest


@dataclass
class _Options:
    """The algorithm's parameters (field names, bounds, weights of the objective) as one value."""

    pop_f: str
    nest_f: str
    attr_fs: list
    lock_f: str
    ref_f: str
    id_f: str
    floor: float
    ceiling: float
    compactness: float
    seed: int
    tolerance: float
    improve: int


@dataclass
class _Frame:
    """The layer's CRS, the CRS in metres the work is done in, and the transforms between them (None = same)."""

    crs: QgsCoordinateReferenceSystem
    work_crs: QgsCoordinateReferenceSystem
    to_work: QgsCoordinateTransform | None
    from_work: QgsCoordinateTransform | None


@dataclass
class _Blocks:
    """The blocks as read, in feature order: ids, work-CRS geometries, residents, nesting/lock/reference values."""

    total: int
    fids: list = field(default_factory=list)
    geoms: list = field(default_factory=list)
    pop: object = field(default_factory=list)  # a float array once checked
    units: list = field(default_factory=list)
    locked: list = field(default_factory=list)
    ref: list = field(default_factory=list)
    ids: list = field(default_factory=list)
    attrs: list = field(default_factory=list)


def _metrics(rep, mean_pp, t, t_read, t_total):
    """The run metrics of the report table (name, value), in this order."""
    return [
        ("n_spaces", rep["n_spaces"]),
        ("share_within_bounds", rep["share_within_bounds"]),
        ("share_feasible_within_bounds", rep["share_feasible_within_bounds"]),
        ("population_cv", rep["population_cv"]),
        ("ssd", rep["ssd"]),
        ("mean_polsby_popper", mean_pp),
        ("ari", rep["ari"]),
        ("graph_seconds", t.get("adjacency", 0) + t.get("barriers", 0) + t.get("geometry_measures", 0)),
        ("algorithm_seconds", t["algorithm_total"]),
        ("read_seconds", t_read),
        ("total_seconds", t_total),
    ]


def _text(v):
    return clean_text(plain_value(v))


def _fmt(v):
    return f"{v:.6g}" if isinstance(v, float) else str(v)


def _unique_name(name, fields):
    base, k = name, 1
    while fields.lookupField(name) >= 0:
        k += 1
        name = f"{base}_{k}"
    return name
