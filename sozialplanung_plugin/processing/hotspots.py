"""Hot spots: local Moran's I (LISA clusters) and Getis-Ord Gi* for an indicator or index, styled as GeoDa's
cluster maps. Thin glue over core.hotspots (weights from the polygons, permutation inference, FDR)."""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterDistance,
    QgsProcessingParameterEnum,
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
    save_style_to_database,
)
from ..core.i18n import fill
from . import _checks as ck
from . import _params as P
from .base import SozialplanungAlgorithm, layer_label, to_shapely

WEIGHTS = ["queen", "distance"]
TRANSFORMS = ["r", "b"]
CORRECTIONS = ["fdr", "bonferroni", "none"]
STATISTICS = ["lisa", "gi"]
RESULT_ALIASES = {
    "lisa_i": "Lokales Moran's I",
    "lisa_z": "Standardisierter Wert",
    "lisa_lag": "Räumlicher Lag",
    "lisa_p": "p (Permutation)",
    "lisa_sig": "signifikant",
    "lisa_cluster": "LISA-Cluster",
    "lisa_label": "LISA-Cluster (Text)",
    "gi_star": "Gi*",
    "gi_z": "Gi* z-Wert",
    "gi_p": "Gi* p (Permutation)",
    "gi_sig": "Gi* signifikant",
    "gi_cluster": "Gi*-Cluster",
    "gi_label": "Gi*-Cluster (Text)",
    "n_neighbours": "Nachbarn",
}


def cluster_renderer(field, categories):
    """Categorised renderer on an integer cluster field with GeoDa's colours (code -> (label, colour))."""
    from qgis.core import QgsCategorizedSymbolRenderer, QgsFillSymbol, QgsRendererCategory

    cats = []
    for code, (label, colour) in categories.items():
        sym = QgsFillSymbol.createSimple({"color": colour, "outline_color": "#bdbdbd", "outline_width": "0.15"})
        cats.append(QgsRendererCategory(code, sym, label))
    return QgsCategorizedSymbolRenderer(field, cats)


def style_layer(layer, statistic):
    from ..core import hotspots as hs

    if statistic == "gi":
        layer.setRenderer(cluster_renderer("gi_cluster", hs.GI_CLUSTERS))
    else:
        layer.setRenderer(cluster_renderer("lisa_cluster", hs.LISA_CLUSTERS))
    fields = layer.fields()
    for name, alias in RESULT_ALIASES.items():
        i = fields.lookupField(name)
        if i >= 0:
            layer.setFieldAlias(i, alias)
    layer.triggerRepaint()


class HotSpots(SozialplanungAlgorithm):
    ALG_ID = "hotspots"
    GROUP = "analysis"

    INPUT = "INPUT"
    FIELD = "FIELD"
    FLAG_FIELD = "FLAG_FIELD"
    STATISTIC = "STATISTIC"
    WEIGHTS = "WEIGHTS"
    DISTANCE = "DISTANCE"
    TOLERANCE = "TOLERANCE"
    TRANSFORM = "TRANSFORM"
    PERMUTATIONS = "PERMUTATIONS"
    SEED = "SEED"
    ALPHA = "ALPHA"
    CORRECTION = "CORRECTION"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Hot spots (local Moran's I and Getis-Ord Gi*)")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Social spaces or blocks"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            P.indicator_fields(
                QgsProcessingParameterField(
                    self.FIELD,
                    self.tr("Indicator or index field"),
                    parentLayerParameterName=self.INPUT,
                    type=ProcessingFieldParameterDataType.Numeric,
                ),
                parts=("", "chg"),
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.STATISTIC,
                self.tr("Map style"),
                [self.tr("LISA clusters (local Moran's I)"), self.tr("Hot and cold spots (Gi*)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.WEIGHTS,
                self.tr("Neighbours"),
                [self.tr("Common boundary or corner (queen contiguity)"), self.tr("Within a distance (centroids)")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.PERMUTATIONS,
                self.tr("Permutations"),
                ProcessingNumberParameterType.Integer,
                999,
                minValue=99,
                maxValue=99999,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.ALPHA,
                self.tr("Significance level"),
                ProcessingNumberParameterType.Double,
                0.05,
                minValue=0.0001,
                maxValue=0.2,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CORRECTION,
                self.tr("Correction for many tests"),
                [
                    self.tr("False discovery rate (Benjamini-Hochberg)"),
                    self.tr("Bonferroni"),
                    self.tr("None"),
                ],
                defaultValue=0,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.FLAG_FIELD,
                self.tr("Flag field (empty = '<id>_flag_<year>' beside the field)"),
                parentLayerParameterName=self.INPUT,
                type=ProcessingFieldParameterDataType.String,
                optional=True,
            ),
            # distances in the layer's unit, shown beside the box (metres for the usual UTM layers)
            QgsProcessingParameterDistance(
                self.DISTANCE, self.tr("Distance band (0 = automatic)"), 0.0, self.INPUT, minValue=0.0
            ),
            QgsProcessingParameterDistance(
                self.TOLERANCE,
                self.tr("Contiguity tolerance (e.g. streets between blocks)"),
                0.0,
                self.INPUT,
                minValue=0.0,
            ),
            QgsProcessingParameterEnum(
                self.TRANSFORM,
                self.tr("Weights"),
                [self.tr("Row-standardised (mean of the neighbours)"), self.tr("Binary (sum of the neighbours)")],
                defaultValue=0,
            ),
            QgsProcessingParameterNumber(
                self.SEED, self.tr("Random seed"), ProcessingNumberParameterType.Integer, 12345, minValue=0
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Hot spots"), ProcessingSourceType.VectorPolygon)
        )
        for name, text in (
            ("N_HIGH_HIGH", self.tr("High-high clusters")),
            ("N_LOW_LOW", self.tr("Low-low clusters")),
            ("N_HIGH_LOW", self.tr("High-low outliers")),
            ("N_LOW_HIGH", self.tr("Low-high outliers")),
            ("N_HOT", self.tr("Hot spots (Gi*)")),
            ("N_COLD", self.tr("Cold spots (Gi*)")),
            ("GLOBAL_MORAN_I", self.tr("Global Moran's I")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))
        self.addOutput(QgsProcessingOutputString("STYLE", self.tr("Style file (.qml)")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import time

        import numpy as np
        import pandas as pd

        from ..core import hotspots as hs
        from ..core.fields import flag_field
        from . import _indices as ix

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        field = self.parameterAsString(parameters, self.FIELD, context)
        flag = self.parameterAsString(parameters, self.FLAG_FIELD, context)
        names = source.fields().names()
        if not flag and flag_field(field) in names:
            flag = flag_field(field)
        self.require_fields(source, [field, flag])
        statistic = STATISTICS[self.parameterAsEnum(parameters, self.STATISTIC, context)]
        wkind = WEIGHTS[self.parameterAsEnum(parameters, self.WEIGHTS, context)]
        transform = TRANSFORMS[self.parameterAsEnum(parameters, self.TRANSFORM, context)]
        correction = CORRECTIONS[self.parameterAsEnum(parameters, self.CORRECTION, context)]
        perms = self.parameterAsInt(parameters, self.PERMUTATIONS, context)
        seed = self.parameterAsInt(parameters, self.SEED, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        distance = self.parameterAsDouble(parameters, self.DISTANCE, context)
        tolerance = self.parameterAsDouble(parameters, self.TOLERANCE, context)

        if wkind == "queen":  # neighbours by common boundary need areas; points have none
            ck.require_polygons(source, layer_label(source), self.tr("units with neighbours by common boundary"))
        ck.require_plausible_crs(source, layer_label(source))
        rows = ix.LayerRows(self, source, [field] + ([flag] if flag else []), feedback, (0, 25))
        values = pd.to_numeric(rows.frame[field], errors="coerce").to_numpy(dtype=float)
        if int((~np.isnan(values)).sum()) < 3:
            raise QgsProcessingException(
                self.tr(
                    "Field '{field}' of layer '{layer}' has a number for {n} of {total} units; hot spots need at "
                    "least 3. Choose another indicator or year."
                ).format(field=field, layer=layer_label(source), n=int((~np.isnan(values)).sum()), total=len(values))
            )
        n_supp = 0
        if flag:
            supp = (rows.frame[flag].astype(object) == "suppressed").to_numpy()
            n_supp = int(supp.sum())
            values[supp] = np.nan  # a suppressed cell is no value, whatever number the layer holds
        if any(g is None or g.isEmpty() for g in rows.geoms):
            raise QgsProcessingException(
                self.tr("Some features of '{}' have no geometry; hot spots need every unit's polygon.").format(
                    source.sourceName()
                )
            )
        feedback.setProgressText(self.tr("Neighbours"))
        t0 = time.perf_counter()
        shapes = [to_shapely(g) for g in rows.geoms]
        if wkind == "queen":
            weights = hs.queen_weights(shapes, tolerance=tolerance)
        else:
            xy = np.array([[g.representative_point().x, g.representative_point().y] for g in shapes])
            if distance <= 0:
                distance = hs.min_threshold(xy)
                from qgis.core import QgsUnitTypes

                unit = QgsUnitTypes.toString(source.sourceCrs().mapUnits())
                feedback.pushInfo(
                    fill(self.tr("Distance band: {:.1f} {} (every unit has a neighbour)."), distance, unit)
                )
            weights = hs.distance_band(xy, distance)
        t_w = time.perf_counter() - t0
        self.check_canceled(feedback)
        feedback.setProgress(40)
        feedback.setProgressText(self.tr("Permutations"))
        t0 = time.perf_counter()
        res = hs.local_statistics(
            values, weights, permutations=perms, seed=seed, transform=transform, alpha=alpha, correction=correction
        )
        t_s = time.perf_counter() - t0
        feedback.setProgress(70)
        lisa_labels = {k: v[0] for k, v in hs.LISA_CLUSTERS.items()}
        gi_labels = {k: v[0] for k, v in hs.GI_CLUSTERS.items()}
        out = pd.DataFrame(
            {
                "lisa_i": res.moran_i,
                "lisa_z": res.z,
                "lisa_lag": res.lag,
                "lisa_p": res.moran_p,
                "lisa_sig": res.moran_sig,
                "lisa_cluster": res.lisa_cluster.astype("int64"),
                "lisa_label": [lisa_labels[c] for c in res.lisa_cluster],
                "gi_star": res.gi,
                "gi_z": res.gi_z,
                "gi_p": res.gi_p,
                "gi_sig": res.gi_sig,
                "gi_cluster": res.gi_cluster.astype("int64"),
                "gi_label": [gi_labels.get(c, "") for c in res.gi_cluster],
                "n_neighbours": res.cardinality.astype("int64"),
            }
        )
        out_fields, keep, replaced = rows.output_fields(out, RESULT_ALIASES)
        out_fields = _full_precision(out_fields, [c for c in out.columns if out[c].dtype.kind == "f"])
        for r in replaced:
            feedback.pushWarning(
                self.tr("Input field '{}' is replaced by the result field of the same name.").format(r)
            )
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, rows.wkb_type, rows.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows.write(self, sink, out_fields, keep, out, feedback, (70, 95))
        del sink
        counts = {c: int((res.lisa_cluster == c).sum()) for c in range(7)}
        hot, cold = int((res.gi_cluster == 1).sum()), int((res.gi_cluster == 2).sum())
        summary = summary_de(res, field, counts, hot, cold, n_supp, wkind, distance)
        for line in summary.split("\n"):
            feedback.pushInfo(line)
        feedback.pushInfo(
            fill(self.tr("Neighbours {w:.2f} s, statistics with {p} permutations {s:.2f} s."), w=t_w, p=perms, s=t_s)
        )
        qml = self._finish(context, dest, statistic, feedback)
        feedback.setProgress(100)
        return {
            self.OUTPUT: dest,
            "N_HIGH_HIGH": counts[1],
            "N_LOW_LOW": counts[2],
            "N_LOW_HIGH": counts[3],
            "N_HIGH_LOW": counts[4],
            "N_HOT": hot,
            "N_COLD": cold,
            "GLOBAL_MORAN_I": res.global_i,
            "SUMMARY": summary,
            "STYLE": qml,
        }

    def _finish(self, context, dest, statistic, feedback):
        """The GeoDa colours: a .qml beside a file output (default style in a GeoPackage) and on the loaded layer."""
        from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsProcessingUtils, QgsVectorLayer

        from . import _indices as ix

        qml = ""
        _json, qml_path = ix.sidecar_paths(dest)
        if qml_path:
            try:
                layer = QgsVectorLayer(dest, "hotspots", "ogr")
                if layer.isValid():
                    style_layer(layer, statistic)
                    _msg, ok = layer.saveNamedStyle(qml_path)
                    qml = qml_path if ok else ""
                    path, _name = ix.file_of(dest)
                    if path and path.lower().endswith(".gpkg"):
                        save_style_to_database(layer, "sozialplanung", "GeoDa cluster map")
            except Exception as err:  # a style problem must not lose the result
                feedback.pushWarning(self.tr("Style not saved: {error}").format(error=err))
        else:
            layer = QgsProcessingUtils.mapLayerFromString(dest, context) if dest else None
            if layer is not None:
                style_layer(layer, statistic)
        if context.willLoadLayerOnCompletion(dest):

            class _Post(QgsProcessingLayerPostProcessorInterface):
                def postProcessLayer(self, layer, context, feedback):
                    style_layer(layer, statistic)

            post = _Post()
            ix.keep_alive(post)
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)
        return qml if qml and os.path.exists(qml) else ""


def _full_precision(fields, names):
    """The same fields, the named doubles without a fixed number of decimals (statistics keep every digit)."""
    from qgis.core import QgsFields

    out = QgsFields()
    for i in range(fields.count()):
        f = fields.at(i)
        if f.name() in names:
            f.setLength(0)
            f.setPrecision(0)
        out.append(f)
    return out


def summary_de(res, field, counts, hot, cold, n_supp, wkind, distance):
    """The result in German words (also the method record of the report)."""
    from ..core.fields import fmt_de

    r = res.record
    corr = {"fdr": "Falscherkennungsrate (Benjamini-Hochberg)", "bonferroni": "Bonferroni", "none": "ohne Korrektur"}
    lines = [
        f"Globales Moran's I für {field}: {fmt_de(res.global_i, 2)} (z = {fmt_de(res.global_z, 1)}): "
        + (
            "ähnliche Werte liegen räumlich beieinander."
            if res.global_z > 1.96
            else "keine deutliche räumliche Häufung."
            if res.global_z > -1.96
            else "benachbarte Einheiten unterscheiden sich auffällig."
        ),
        f"LISA: {counts[1]} Hoch-Hoch, {counts[2]} Niedrig-Niedrig, {counts[4]} Hoch-Niedrig, "
        f"{counts[3]} Niedrig-Hoch, {counts[0]} nicht signifikant"
        + (f", {counts[5]} ohne Nachbarn" if counts[5] else "")
        + (f", {counts[6]} ohne Wert" if counts[6] else "")
        + ".",
        (f"Gi*: {hot} Hot Spots, {cold} Cold Spots." if r["gi_computed"] else "Gi*: nicht berechnet (negative Werte)."),
        f"Methode: {r['permutations']} bedingte Permutationen (Startwert {r['seed']}), Signifikanzniveau "
        f"{fmt_de(r['alpha'] * 100, 0)} %, {corr[r['correction']]}; Nachbarschaft "
        + ("gemeinsame Grenze oder Ecke (Queen)" if wkind == "queen" else f"Abstand bis {fmt_de(distance, 0)}")
        + f", im Mittel {fmt_de(r['mean_neighbours'], 1)} Nachbarn"
        + (f"; {n_supp} gesperrte Werte ausgelassen" if n_supp else "")
        + ".",
    ]
    return "\n".join(lines)
