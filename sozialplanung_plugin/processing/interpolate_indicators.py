"""Interpolate indicator counts to target areas that do not nest in the source units (school districts, postcodes).

Thin glue: intersects the source units with the target polygons (areas of the pieces), optionally counts the
residents of weight blocks in each piece (point on surface), and hands the overlap table to
core.interpolate; rates are then computed from the interpolated counts (core.aggregate), never interpolated.
"""

import json
import re

from qgis.core import (
    QgsCoordinateTransform,
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
    QgsSpatialIndex,
    QgsUnitTypes,
)

from ..compat import AreaUnit, GeometryType, ProcessingFieldParameterDataType, ProcessingSourceType, WkbType
from . import _checks as ck
from . import _params as P
from ._outputs import apply_decoration, field_aliases, save_file_metadata
from .base import SozialplanungAlgorithm, attr_key, attr_str, layer_label

METHODS = ["area", "population"]


class InterpolateIndicators(SozialplanungAlgorithm):
    ALG_ID = "interpolateindicators"
    GROUP = "indicators"

    SOURCE = "SOURCE"
    SOURCE_KEY = "SOURCE_KEY"
    TABLES = "TABLES"
    TABLE_KEY = "TABLE_KEY"
    YEARS = "YEARS"
    CATALOGUE = "CATALOGUE"
    INDICATORS = "INDICATORS"
    TARGET = "TARGET"
    TARGET_KEY = "TARGET_KEY"
    TARGET_NAME = "TARGET_NAME"
    METHOD = "METHOD"
    WEIGHTS = "WEIGHTS"
    WEIGHT_FIELD = "WEIGHT_FIELD"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Interpolate indicators to non-nesting areas")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SOURCE,
                self.tr("Source units the tables refer to (e.g. blocks, social spaces)"),
                [ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SOURCE_KEY,
                self.tr("Source key field (matches the tables' key column)"),
                parentLayerParameterName=self.SOURCE,
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.TABLES, self.tr("Statistics tables (CSV/XLSX files)"), ProcessingSourceType.File
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TABLE_KEY, self.tr("Key column in the tables (empty = detect)"), optional=True
            )
        )
        self.addParameter(
            P.years(
                QgsProcessingParameterString(
                    self.YEARS, self.tr("Years of tables without a year column, in order"), optional=True
                ),
                ordered=True,
                empty="tables",
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml);;JSON (*.json)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INDICATORS, self.tr("Indicators (none ticked = all that can be computed)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TARGET,
                self.tr("Target areas (e.g. school districts, postcode areas)"),
                [ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_KEY, self.tr("Target key field"), parentLayerParameterName=self.TARGET
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_NAME, self.tr("Target name field"), parentLayerParameterName=self.TARGET, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Interpolation method"),
                [
                    self.tr("area-weighted (by intersection area)"),
                    self.tr("population-weighted (by residents of the weight blocks)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.WEIGHTS,
                self.tr("Weight blocks with residents (population-weighted)"),
                [ProcessingSourceType.VectorPolygon, ProcessingSourceType.VectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.WEIGHT_FIELD,
                self.tr("Residents field of the weight blocks"),
                parentLayerParameterName=self.WEIGHTS,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Interpolated indicators"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addOutput(QgsProcessingOutputString("METHOD_RECORD", self.tr("Method and catalogue version (JSON)")))
        self.addOutput(QgsProcessingOutputString("INDICATORS_COMPUTED", self.tr("Indicators computed")))
        self.addOutput(QgsProcessingOutputNumber("PIECES", self.tr("Source/target pieces")))
        self.addOutput(
            QgsProcessingOutputNumber("AREA_FALLBACK_SOURCES", self.tr("Sources without residents (area weights used)"))
        )
        P.arrange(self, ids={self.INDICATORS: {}}, advanced=[self.TABLE_KEY, self.YEARS, self.CATALOGUE], helps={})

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core import aggregate as ag
        from ..core.inputs import load_catalogue_any, read_tables
        from ..core.interpolate import interpolate_counts

        source = self.require_layer(self.parameterAsSource(parameters, self.SOURCE, context), self.SOURCE)
        target = self.require_layer(self.parameterAsSource(parameters, self.TARGET, context), self.TARGET)
        source_key = self.parameterAsString(parameters, self.SOURCE_KEY, context)
        target_key = self.parameterAsString(parameters, self.TARGET_KEY, context)
        target_name = self.parameterAsString(parameters, self.TARGET_NAME, context)
        self.require_fields(source, [source_key])
        self.require_fields(target, [target_key, target_name])
        self.require_features(source)
        self.require_features(target)
        ck.require_polygons(source, layer_label(source), self.tr("source units"))
        ck.require_polygons(target, layer_label(target), self.tr("target areas"))
        ck.require_plausible_crs(source, layer_label(source))
        ck.require_plausible_crs(target, layer_label(target))
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        weights = self.parameterAsSource(parameters, self.WEIGHTS, context)
        weight_field = self.parameterAsString(parameters, self.WEIGHT_FIELD, context)
        if method == "population":
            if weights is None or not weight_field:
                raise QgsProcessingException(
                    self.tr(
                        "Population-weighted interpolation needs the weight blocks and their residents field "
                        "(e.g. statistical blocks with 'ew'). Choose them, or use area weights."
                    )
                )
            self.require_fields(weights, [weight_field])

        # 1. catalogue and tables (nothing is written before everything is read)
        feedback.setProgressText(self.tr("Reading catalogue and tables"))
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        indicators, cat_version, catalogue = load_catalogue_any(cat_path or None)
        all_indicators = list(indicators)
        paths = self.parameterAsFileList(parameters, self.TABLES, context)
        if not paths:
            raise QgsProcessingException(self.tr("Choose at least one statistics table."))
        tables, info = read_tables(
            paths,
            self.parameterAsString(parameters, self.YEARS, context),
            self.parameterAsString(parameters, self.TABLE_KEY, context),
            catalogue,
            feedback.pushWarning,
        )
        wanted = [
            s.strip()
            for s in re.split(r"[,;\s]+", self.parameterAsString(parameters, self.INDICATORS, context) or "")
            if s.strip()
        ]
        if wanted:
            known = {i.id: i for i in indicators}
            unknown = [w for w in wanted if w not in known]
            if unknown:
                raise QgsProcessingException(
                    self.tr("Unknown indicator id(s): {}. The catalogue has: {}.").format(
                        ", ".join(unknown), ", ".join(sorted(known))
                    )
                )
            indicators = [known[w] for w in wanted]
        columns = set().union(*[set(v.columns) for v, _ in tables.values()])
        indicators, skipped = ag.computable(indicators, columns, True, all_indicators)
        if not indicators:
            raise QgsProcessingException(ck.skipped_message(skipped, catalogue, info, none=True))
        if skipped:  # never only in the method record
            feedback.pushWarning(ck.skipped_message(skipped, catalogue, info))
        needed = sorted({v for i in indicators for v in ag.required_variables(i)})
        feedback.setProgress(15)

        # 2. overlap table: pieces of source x target with area (km²) and residents
        feedback.setProgressText(self.tr("Intersecting sources and targets"))
        crs = source.sourceCrs()
        da = QgsDistanceArea()
        da.setSourceCrs(crs, context.transformContext())
        da.setEllipsoid(context.ellipsoid() or "NONE")
        factor = QgsUnitTypes.fromUnitToUnitFactor(da.areaUnits(), AreaUnit.SquareKilometers)
        tgeoms, tkeys, tnames, tindex = self._targets(target, target_key, target_name, crs, context, feedback)
        sgeoms, sindex = {}, QgsSpatialIndex()
        pieces = {}
        total = max(source.featureCount(), 1)
        request = QgsFeatureRequest().setSubsetOfAttributes([source.fields().lookupField(source_key)])
        for i, feat in enumerate(source.getFeatures(request)):
            if i % 500 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(15 + 35 * i / total)
            skey = attr_key(feat[source_key])
            g, reason = ck.repaired(feat.geometry())
            if skey is None or g is None:
                continue
            if reason:
                self._repaired(feedback, layer_label(source), skey, reason)
            if skey in sgeoms:
                raise QgsProcessingException(
                    self.tr(
                        "The source key field '{f}' has the value '{k}' twice. Each source unit needs its own key."
                    ).format(f=source_key, k=skey)
                )
            sgeoms[skey] = g
            feat.setId(len(sgeoms))
            sindex.addFeature(feat)
            engine = QgsGeometry.createGeometryEngine(g.constGet())
            engine.prepareGeometry()
            for fid in tindex.intersects(g.boundingBox()):
                tg = tgeoms[fid]
                if not engine.intersects(tg.constGet()):
                    continue
                inter = g.intersection(tg)
                a = da.measureArea(inter) * factor if not inter.isNull() else 0.0
                if a > 0:
                    pieces[(skey, tkeys[fid])] = [a, 0.0]
        skeys = list(sgeoms)
        if not pieces:
            raise QgsProcessingException(
                self.tr(
                    "No source unit overlaps a target area. Check that both layers cover the same region (and CRS)."
                )
            )
        if method == "population":
            self._population(
                weights, weight_field, crs, context, feedback, skeys, sgeoms, sindex, tgeoms, tkeys, tindex, pieces
            )
        overlap = pd.DataFrame(
            [(s, t, a, p) for (s, t), (a, p) in pieces.items()], columns=["source", "target", "area", "population"]
        )
        feedback.setProgress(60)

        # 3. the core: counts shared out, rates from the interpolated counts
        feedback.setProgressText(self.tr("Interpolating"))
        results, meta_i = {}, None
        target_area = overlap.groupby("target")["area"].sum()
        area_all = pd.Series({tkeys[f]: da.measureArea(g) * factor for f, g in tgeoms.items()})
        for year in sorted(tables):
            values, status = tables[year]
            values, status = values.copy(), status.copy()
            for var in needed:
                if var not in values.columns:
                    values[var] = float("nan")
                    status[var] = "missing"
            v, s, meta_i = interpolate_counts(values[needed], status[needed], overlap, method=method)
            self._conservation(feedback, year, values[needed], status[needed], v, skeys, pieces)
            results[year] = ag.compute_indicators(v, s, indicators, area=area_all)
        ag.compute_dynamics(results, indicators)
        years = sorted(results)
        frame = ag.to_wide(results)
        if len(years) > 1:
            frame = frame.join(ag.changes(results, indicators, years[0], years[-1]), how="left")
        frame = frame.sort_index()
        frame.index.name = "key"
        meta = ag.method_metadata(
            level="target",
            years=years,
            indicators=indicators,
            catalogue_version=cat_version,
            extra=dict(
                meta_i,
                interpolation_weights=(
                    f"residents field '{weight_field}' of the weight blocks (point on surface)"
                    if method == "population"
                    else "intersection area"
                ),
                skipped_indicators=skipped,
                layout="wide",
                values="estimates (shares of source counts; not integers)",
            ),
        )
        feedback.setProgress(80)

        # 4. writing (one feature per target area that overlaps any source)
        lead = pd.DataFrame(index=frame.index)
        lead["key"] = frame.index.astype(str)
        if target_name:
            lead["name"] = [tnames.get(k) for k in frame.index]
        lead["area_km2"] = area_all.reindex(frame.index).astype(float)
        lead["overlap_km2"] = target_area.reindex(frame.index).astype(float)
        lead["interpolation"] = method
        lead["sp_method"] = json.dumps(meta, ensure_ascii=False, default=str)
        full = pd.concat([lead, frame], axis=1)
        aliases = field_aliases(full.columns, {i.id: i for i in indicators}, self.tr)
        aliases.update(
            {"interpolation": self.tr("Interpolation method"), "overlap_km2": self.tr("Area covered by sources (km²)")}
        )
        fields = self.fields_for_frame(full, aliases)
        geoms = {}
        for f, g in tgeoms.items():
            g = QgsGeometry(g)
            g.convertToMultiType()
            geoms[tkeys[f]] = g
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        self.write_frame(sink, fields, full, geometries=geoms, feedback=feedback)
        del sink  # closes a file output, so that its metadata can be stored next to it
        save_file_metadata(dest, meta, feedback)
        layer = context.temporaryLayerStore().mapLayer(dest) if context.temporaryLayerStore() else None
        if layer is not None:
            apply_decoration(layer, aliases, meta)
        self._name_and_style(context, dest, full, indicators)
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest,
            "METHOD_RECORD": json.dumps(meta, ensure_ascii=False, default=str),
            "INDICATORS_COMPUTED": ",".join(i.id for i in indicators),
            "PIECES": len(pieces),
            "AREA_FALLBACK_SOURCES": len(meta_i.get("area_fallback_sources", [])) if meta_i else 0,
        }

    # ------------------------------------------------------------------------------------------------
    @staticmethod
    def _name_and_style(context, dest, frame, indicators):
        """'Indikatoren Zielgebiete 2025 (geschätzt)' and a choropleth of a key rate of the latest year, on the
        layer in the project and as the GeoPackage's default style (issue 19)."""
        from ..core.fields import split_year
        from . import _styles

        years = sorted({y for c in frame.columns for y in [split_year(c)[1]] if y is not None})
        year = years[-1] if years else None
        by_id = {i.id: i for i in indicators}
        present = [i for i in by_id if year is not None and f"{i}_{year}" in frame.columns]
        lead = _styles.lead_indicator(present, (), rates=[i for i in present if by_id[i].denominator])
        renderer = _styles.indicator_renderer(frame, by_id[lead], year)[0] if lead else None
        _styles.style_output(context, dest, _styles.output_name("Zielgebiete", year) + " (geschätzt)", renderer)

    def _targets(self, target, key_field, name_field, crs, context, feedback):
        transform = None
        if target.sourceCrs() != crs:
            transform = QgsCoordinateTransform(target.sourceCrs(), crs, context.transformContext())
        index = QgsSpatialIndex()
        geoms, keys, names = {}, {}, {}
        seen = set()
        for feat in target.getFeatures():
            k = attr_key(feat[key_field])
            g, reason = ck.repaired(feat.geometry())
            if g is None or k is None:
                continue
            if reason:
                self._repaired(feedback, layer_label(target), k, reason)
            g = QgsGeometry(g)
            if k in seen:
                raise QgsProcessingException(
                    self.tr(
                        "The target key field '{f}' has the value '{k}' twice. Each target area needs its own key "
                        "(dissolve multi-part areas first)."
                    ).format(f=key_field, k=k)
                )
            seen.add(k)
            if transform is not None:
                g.transform(transform)
            feat.setGeometry(g)
            index.addFeature(feat)
            geoms[feat.id()] = g
            keys[feat.id()] = k
            if name_field:
                v = feat[name_field]
                names[k] = attr_str(v)
        return geoms, keys, names, index

    def _repaired(self, feedback, layer, key, reason):
        """Warn about a repaired invalid geometry (a self-intersecting polygon loses area in intersections)."""
        feedback.pushWarning(
            self.tr("Layer '{}', unit '{}': {}; the geometry was repaired with make-valid.").format(layer, key, reason)
        )

    def _conservation(self, feedback, year, values, status, result_values, skeys, pieces):
        """Compare the counts of the sources with the counts shared out to the targets; warn when they differ.

        Each source count is shared out completely over its pieces, so the totals differ only by sources that
        overlap no target (they lie outside every target area): those are named."""
        import numpy as np

        covered = {s for s, _t in pieces}
        known = status.isin(["ok", "exact_zero", "rounded_to_zero", "estimated", "provisional", "revised"])
        vals = values.where(known)
        in_layer = vals.index.astype(str).isin(set(skeys))
        total_in = vals[in_layer].sum()
        total_out = result_values.sum()
        outside = [k for k in skeys if k not in covered and k in set(vals.index.astype(str))]
        for var in values.columns:
            a, b = float(total_in.get(var, np.nan)), float(total_out.get(var, np.nan))
            if np.isfinite(a) and np.isfinite(b) and abs(a - b) > 1e-6 * max(1.0, abs(a)):
                lost = vals.reindex(outside)[var].sum() if outside else 0.0
                feedback.pushWarning(
                    self.tr(
                        "{year}, {var}: the sources hold {a:.0f}, the targets receive {b:.0f}. {n} source unit(s) "
                        "overlap no target area ({keys}; {lost:.0f} of the difference): extend the target layer "
                        "or check the CRS of both layers."
                    ).format(
                        year=year,
                        var=var,
                        a=a,
                        b=b,
                        n=len(outside),
                        keys=", ".join(outside[: ck.MAX_LISTED]) + (" ..." if len(outside) > ck.MAX_LISTED else ""),
                        lost=lost,
                    )
                )

    def _population(self, weights, field, crs, context, feedback, skeys, sgeoms, sindex, tgeoms, tkeys, tindex, pieces):
        """Residents of each weight block added to the piece (source, target) holding its point on surface."""
        transform = None
        if weights.sourceCrs() != crs:
            transform = QgsCoordinateTransform(weights.sourceCrs(), crs, context.transformContext())
        s_engines, t_engines = {}, {}

        def locate(point, index, geoms, engines):
            for fid in index.intersects(point.boundingBox()):
                eng = engines.get(fid)
                if eng is None:
                    eng = QgsGeometry.createGeometryEngine(geoms[fid].constGet())
                    eng.prepareGeometry()
                    engines[fid] = eng
                if eng.intersects(point.constGet()):
                    return fid
            return None

        sgeoms_by_fid = {i + 1: sgeoms[k] for i, k in enumerate(skeys)}
        total, placed = 0.0, 0.0
        n = max(weights.featureCount(), 1)
        request = QgsFeatureRequest().setSubsetOfAttributes([weights.fields().lookupField(field)])
        reader = ck.CountField(layer_label(weights), field, self.tr("residents"), fields=weights.fields())
        for i, feat in enumerate(weights.getFeatures(request)):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(50 + 10 * i / n)
            w = reader.value(feat[field], str(feat.id()))
            if not w > 0:
                continue
            g = QgsGeometry(feat.geometry())
            if g.isNull():
                continue
            if transform is not None:
                g.transform(transform)
            p = g if g.type() == GeometryType.Point else g.pointOnSurface()
            total += w
            sf = locate(p, sindex, sgeoms_by_fid, s_engines)
            tf = locate(p, tindex, tgeoms, t_engines)
            if sf is None or tf is None:
                continue
            key = (skeys[sf - 1], tkeys[tf])
            pieces.setdefault(key, [0.0, 0.0])[1] += w
            placed += w
        reader.check()
        if total > 0 and placed < total:
            feedback.pushWarning(
                self.tr(
                    "{:.0f} of {:.0f} residents of the weight blocks lie outside the sources or "
                    "targets and were not used."
                ).format(total - placed, total)
            )
        return placed
