"""How robust is a composite index? Monte Carlo over weights, normalisation and aggregation (per-unit rank
interval and class-change share) plus the indicator diagnostics (correlation matrix, Cronbach's alpha).

Thin glue over core.sensitivity.
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType
from ..core.i18n import fill
from ..core.secrets import redact_value
from . import _checks as ck
from . import _indices as ix
from . import _params as P
from .base import SozialplanungAlgorithm, layer_label, make_field

WEIGHT_MODES = ["dirichlet", "range", "fixed"]
NORMS = ["zscore", "minmax", "rank", "percentile"]
AGGS = ["arithmetic", "geometric"]
WEIGHTINGS = ["equal", "given"]


class IndexSensitivity(SozialplanungAlgorithm):
    ALG_ID = "indexsensitivity"
    GROUP = "indices"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    INDICATORS = "INDICATORS"
    CATALOGUE = "CATALOGUE"
    DIRECTIONS = "DIRECTIONS"
    HIGHER_BETTER = "HIGHER_BETTER"
    HIGHER_WORSE = "HIGHER_WORSE"
    DOMAINS_FROM_CATALOGUE = "DOMAINS_FROM_CATALOGUE"
    WEIGHTING = "WEIGHTING"
    WEIGHTS = "WEIGHTS"
    DOMAINS = "DOMAINS"
    DOMAIN_WEIGHTS = "DOMAIN_WEIGHTS"
    N_DRAWS = "N_DRAWS"
    SEED = "SEED"
    WEIGHT_MODE = "WEIGHT_MODE"
    CONCENTRATION = "CONCENTRATION"
    WEIGHT_RANGE = "WEIGHT_RANGE"
    NORMALISATIONS = "NORMALISATIONS"
    AGGREGATIONS = "AGGREGATIONS"
    BASE_NORMALISATION = "BASE_NORMALISATION"
    BASE_AGGREGATION = "BASE_AGGREGATION"
    N_CLASSES = "N_CLASSES"
    MIN_SHARE = "MIN_SHARE"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_RESIDENTS = "MIN_RESIDENTS"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    WEAK = "WEAK"
    STRONG = "STRONG"
    OUTPUT = "OUTPUT"
    CORRELATION = "CORRELATION"
    METHOD_FILE = "METHOD_FILE"

    def displayName(self):
        return self.tr("Index sensitivity and indicator correlations")

    def initAlgorithm(self, config=None):
        num = ProcessingFieldParameterDataType.Numeric
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Units with indicators"), [ProcessingSourceType.Vector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Unit key field"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.INDICATORS,
                self.tr("Indicator fields"),
                parentLayerParameterName=self.INPUT,
                type=num,
                allowMultiple=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue for the polarity (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        for name, label in (
            (self.HIGHER_BETTER, self.tr("Higher is better (overrides the catalogue)")),
            (self.HIGHER_WORSE, self.tr("Higher is worse (overrides the catalogue)")),
        ):
            self.addParameter(
                P.indicator_fields(
                    QgsProcessingParameterField(
                        name, label, parentLayerParameterName=self.INPUT, type=num, allowMultiple=True, optional=True
                    ),
                    parts=("", "chg"),
                )
            )
        self.addParameter(
            P.hidden(
                QgsProcessingParameterString(self.DIRECTIONS, "Directions (field=higher_worse; ...)", optional=True)
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.WEIGHTING,
                self.tr("Base indicator weights"),
                [self.tr("equal (or as in the table)"), self.tr("as in the table, for every indicator")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.WEIGHTS,
                self.tr("Indicator weights table"),
                headers=[self.tr("Indicator field"), self.tr("Weight")],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.DOMAINS,
                self.tr("Domains"),
                headers=[self.tr("Domain"), self.tr("Indicator field")],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DOMAINS_FROM_CATALOGUE, self.tr("Domains = the catalogue's action fields"), False, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.DOMAIN_WEIGHTS,
                self.tr("Domain weights"),
                headers=[self.tr("Domain"), self.tr("Weight")],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.N_DRAWS,
                self.tr("Monte Carlo draws"),
                ProcessingNumberParameterType.Integer,
                1000,
                minValue=1,
                maxValue=100000,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.SEED,
                self.tr("Random seed (same seed = same result)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.WEIGHT_MODE,
                self.tr("Weight perturbation"),
                [
                    self.tr("Dirichlet around the base weights"),
                    self.tr("± range around the base weights"),
                    self.tr("fixed (vary methods only)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CONCENTRATION,
                self.tr("Dirichlet concentration (larger = closer to the base weights)"),
                ProcessingNumberParameterType.Double,
                20.0,
                minValue=0.01,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WEIGHT_RANGE,
                self.tr("Weight range r (weights × U(1-r, 1+r))"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.NORMALISATIONS,
                self.tr("Normalisations to vary over"),
                [self.tr("z-score"), self.tr("min-max"), self.tr("rank"), self.tr("percentile")],
                allowMultiple=True,
                defaultValue=[0, 1, 2],
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.AGGREGATIONS,
                self.tr("Aggregations to vary over"),
                [self.tr("arithmetic mean"), self.tr("geometric mean")],
                allowMultiple=True,
                defaultValue=[0, 1],
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BASE_NORMALISATION,
                self.tr("Base normalisation"),
                [self.tr("z-score"), self.tr("min-max"), self.tr("rank"), self.tr("percentile")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.BASE_AGGREGATION,
                self.tr("Base aggregation"),
                [self.tr("arithmetic mean"), self.tr("geometric mean")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.N_CLASSES,
                self.tr("Rank classes for the class-change share"),
                ProcessingNumberParameterType.Integer,
                5,
                minValue=2,
                maxValue=20,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_SHARE,
                self.tr("Minimum share of indicators per unit"),
                ProcessingNumberParameterType.Double,
                0.5,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            P.indicator_fields(
                QgsProcessingParameterField(
                    self.POPULATION_FIELD,
                    self.tr("Residents field"),
                    parentLayerParameterName=self.INPUT,
                    type=num,
                    optional=True,
                ),
                absolute=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_RESIDENTS, self.tr("Minimum residents"), ProcessingNumberParameterType.Integer, 300, minValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.EXCLUDE_FIELD, self.tr("Exclusion flag field"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WEAK,
                self.tr("Flag correlations with |r| below"),
                ProcessingNumberParameterType.Double,
                0.1,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.STRONG,
                self.tr("Flag correlations with |r| above"),
                ProcessingNumberParameterType.Double,
                0.9,
                minValue=0.0,
                maxValue=1.0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Rank stability per unit"), ProcessingSourceType.VectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.CORRELATION,
                self.tr("Correlation matrix and Cronbach's alpha"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.METHOD_FILE,
                self.tr("Method record (JSON; empty = beside the output file)"),
                "JSON (*.json)",
                optional=True,
                createByDefault=False,
            )
        )
        P.arrange(
            self,
            advanced=[
                self.KEY_FIELD,
                self.CATALOGUE,
                self.HIGHER_BETTER,
                self.HIGHER_WORSE,
                self.WEIGHTING,
                self.WEIGHTS,
                self.DOMAINS,
                self.DOMAINS_FROM_CATALOGUE,
                self.DOMAIN_WEIGHTS,
                self.WEIGHT_MODE,
                self.CONCENTRATION,
                self.WEIGHT_RANGE,
                self.NORMALISATIONS,
                self.AGGREGATIONS,
                self.BASE_NORMALISATION,
                self.BASE_AGGREGATION,
                self.N_CLASSES,
                self.MIN_SHARE,
                self.POPULATION_FIELD,
                self.MIN_RESIDENTS,
                self.EXCLUDE_FIELD,
                self.WEAK,
                self.STRONG,
                self.METHOD_FILE,
            ],
            fields={self.INDICATORS: ("", "chg")},
        )
        self.addOutput(QgsProcessingOutputNumber("CRONBACH_ALPHA", self.tr("Cronbach's alpha")))
        self.addOutput(QgsProcessingOutputNumber("N_FLAGGED_PAIRS", self.tr("Flagged indicator pairs")))
        self.addOutput(QgsProcessingOutputNumber("MEAN_CLASS_CHANGE", self.tr("Mean share of units changing class")))
        self.addOutput(QgsProcessingOutputNumber("MEDIAN_RANK_WIDTH", self.tr("Median 5-95 % rank interval width")))
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Method record (JSON)")))
        self.addOutput(QgsProcessingOutputString("SIDECAR", self.tr("Method record file")))
        self.addOutput(QgsProcessingOutputString("STYLE", self.tr("Style file (.qml)")))

    def compute(self, parameters, context, feedback):
        import json

        from ..core import sensitivity as se

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        fields = self.parameter_as_field_names(parameters, self.INDICATORS, context)
        key = self.parameterAsString(parameters, self.KEY_FIELD, context) or None
        pop = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        min_res = self.parameterAsInt(parameters, self.MIN_RESIDENTS, context)
        excl = self.parameterAsString(parameters, self.EXCLUDE_FIELD, context) or None
        if len(fields) < 2:
            raise QgsProcessingException(self.tr("Choose at least two indicator fields."))
        self.require_fields(source, list(fields) + [key, pop, excl])
        self.require_features(source)
        catalogue, cat_version = ix.load_catalogue(self.parameterAsFile(parameters, self.CATALOGUE, context) or None)
        specs, notes = ix.build_specs(
            fields,
            catalogue,
            directions_text=P.directions_text(self, parameters, context),
            weights_text=P.pairs_text(self, parameters, self.WEIGHTS, context, self.tr("Indicator weights")),
            domains_text=P.domains_text(self, parameters, self.DOMAINS, context, self.DOMAINS_FROM_CATALOGUE),
            feedback=feedback,
        )
        domain_weights = ix.parse_pairs(
            P.pairs_text(self, parameters, self.DOMAIN_WEIGHTS, context, self.tr("Domain weights")),
            "Domain weights",
            number=True,
        )
        ix.check_domain_weights(domain_weights, specs)
        weighting = WEIGHTINGS[self.parameterAsEnum(parameters, self.WEIGHTING, context)]
        if weighting == "given":
            missing = [s["field"] for s in specs if s["weight"] is None]
            if missing:
                raise QgsProcessingException(
                    self.tr(
                        "Indicator(s) {} have no weight but the weights are to be given for every indicator."
                    ).format(", ".join(missing))
                )
        norms = [NORMS[i] for i in self.parameterAsEnums(parameters, self.NORMALISATIONS, context)]
        aggs = [AGGS[i] for i in self.parameterAsEnums(parameters, self.AGGREGATIONS, context)]
        if not norms or not aggs:
            raise QgsProcessingException(self.tr("Choose at least one normalisation and one aggregation."))
        needed = list(dict.fromkeys(list(fields) + [f for f in (key, pop, excl) if f]))
        rows = ix.LayerRows(self, source, needed, feedback, (0, 20))
        if key:
            ck.require_unique_keys(rows.frame[key], key, layer_label(source))
        data = rows.frame
        data.attrs["unit_key"] = key  # messages name units by their key
        exclusion = dict(residents_field=pop, min_residents=min_res if pop else None, exclude_flag_field=excl, key=key)
        weak = self.parameterAsDouble(parameters, self.WEAK, context)
        strong = self.parameterAsDouble(parameters, self.STRONG, context)
        if weak >= strong:
            raise QgsProcessingException(
                fill(
                    self.tr(
                        "The bound for weak correlations ({weak:g}) must be below the bound for strong ones "
                        "({strong:g}). Swap or correct them."
                    ),
                    weak=weak,
                    strong=strong,
                )
            )
        feedback.setProgressText(self.tr("Indicator diagnostics"))
        diag = se.indicator_diagnostics(
            data,
            ix.core_specs(specs),
            weak=self.parameterAsDouble(parameters, self.WEAK, context),
            strong=self.parameterAsDouble(parameters, self.STRONG, context),
            **exclusion,
        )
        self.check_canceled(feedback)
        feedback.setProgressText(self.tr("Monte Carlo draws"))

        def progress(p):
            if feedback.isCanceled():
                raise _Canceled()
            feedback.setProgress(20 + 0.6 * p)

        try:
            res = se.monte_carlo(
                data,
                ix.core_specs(specs),
                n_draws=self.parameterAsInt(parameters, self.N_DRAWS, context),
                seed=self.parameterAsInt(parameters, self.SEED, context),
                weight_mode=WEIGHT_MODES[self.parameterAsEnum(parameters, self.WEIGHT_MODE, context)],
                concentration=self.parameterAsDouble(parameters, self.CONCENTRATION, context),
                weight_range=self.parameterAsDouble(parameters, self.WEIGHT_RANGE, context),
                normalisations=norms,
                aggregations=aggs,
                base_normalisation=NORMS[self.parameterAsEnum(parameters, self.BASE_NORMALISATION, context)],
                base_aggregation=AGGS[self.parameterAsEnum(parameters, self.BASE_AGGREGATION, context)],
                weighting=weighting,
                domain_weights=domain_weights or None,
                n_classes=self.parameterAsInt(parameters, self.N_CLASSES, context),
                min_share=self.parameterAsDouble(parameters, self.MIN_SHARE, context),
                feedback=progress,
                **exclusion,
            )
        except _Canceled:
            self.check_canceled(feedback)
            raise
        out = res.frame.drop(columns=[key] if key and key in res.frame.columns else [])
        record = dict(res.record)
        corr = diag["correlation"]
        record["diagnostics"] = {
            "cronbach_alpha": diag["cronbach_alpha"],
            "n_units": diag["n_units"],
            "flags": diag["flags"],
            "correlation": {a: {b: float(corr.loc[a, b]) for b in corr.columns} for a in corr.index},
        }
        record["title"] = self.tr("Index sensitivity")
        record["algorithm"] = {
            "id": f"sozialplanung:{self.ALG_ID}",
            "parameters": redact_value(
                {  # layer sources and connection texts without passwords
                    k: (
                        v.source()
                        if hasattr(v, "source") and callable(v.source)
                        else v
                        if isinstance(v, (str, int, float, bool, list, type(None)))
                        else str(v)
                    )
                    for k, v in parameters.items()
                }
            ),
        }
        record["input"] = {"layer": _label(source), "features": len(data)}
        record["indicators"] = [
            {
                "field": s["field"],
                "catalogue_id": s["id"],
                "direction": s["direction"],
                "direction_source": s["_direction_source"],
                "domain": s["domain"],
                "weight": s["weight"],
            }
            for s in specs
        ]
        record["catalogue_version"] = cat_version
        record["warnings"] = list(notes)

        aliases = {
            "mc_rank_base": self.tr("Rank with the base settings (1 = most need)"),
            "mc_rank_med": self.tr("Median rank over the draws"),
            "mc_rank_p05": self.tr("5 % rank quantile"),
            "mc_rank_p95": self.tr("95 % rank quantile"),
            "mc_rank_width": self.tr("Width of the 5-95 % rank interval"),
            "mc_class_base": self.tr("Rank class with the base settings"),
            "mc_class_change": self.tr("Share of draws with another class"),
        }
        out_fields, keep, replaced = rows.output_fields(out, aliases)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, rows.wkb_type, rows.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows.write(self, sink, out_fields, keep, out, feedback, (80, 97))
        del sink
        results = {self.OUTPUT: dest}
        # correlation matrix: one row per indicator, one column per indicator, flags, alpha
        cfields = QgsFields()
        cfields.append(make_field("indicator", "string"))
        for c in corr.columns:
            cfields.append(make_field(f"r_{c}", "double"))
        cfields.append(make_field("flags", "string"))
        cfields.append(make_field("cronbach_alpha", "double"))
        cfields.append(make_field("n_units", "int"))
        csink, cdest = self.parameterAsSink(parameters, self.CORRELATION, context, cfields)
        if csink is not None:
            for a in corr.index:
                fl = [
                    f"{x['flag']} with {x['b'] if x['a'] == a else x['a']} (r = {x['r']:.2f})"
                    for x in diag["flags"]
                    if a in (x["a"], x["b"])
                ]
                feat = QgsFeature(cfields)
                feat.setAttributes(
                    [a]
                    + [float(corr.loc[a, b]) for b in corr.columns]
                    + ["; ".join(fl), float(diag["cronbach_alpha"]), int(diag["n_units"])]
                )
                csink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            del csink
            results[self.CORRELATION] = cdest
        n_cls = int(res.summary["n_classes"])
        style = {
            "field": "mc_class_base",
            "classes": list(range(1, n_cls + 1)),
            "labels": {c: self.tr("Rank class {}").format(c) for c in range(1, n_cls + 1)},
            "reverse": True,
        }
        sidecar_param = (
            self.parameterAsFileOutput(parameters, self.METHOD_FILE, context)
            if parameters.get(self.METHOD_FILE)
            else None
        )
        sidecar, qml = ix.finish_output(self, context, feedback, dest, style, record, sidecar_param, aliases)
        feedback.pushInfo(
            fill(
                self.tr(
                    "Cronbach's alpha {:.3f}; {} flagged pairs; mean share of units changing class "
                    "{:.1%}; median 5-95 % rank interval width {:.1f}."
                ),
                diag["cronbach_alpha"],
                len(diag["flags"]),
                res.summary["mean_share_units_changing_class"],
                res.summary["median_rank_interval_width"],
            )
        )
        for x in diag["flags"]:
            feedback.pushWarning(f"{x['a']} / {x['b']}: r = {x['r']:.2f} ({x['flag']})")
        feedback.setProgress(100)
        results.update(
            {
                "CRONBACH_ALPHA": float(diag["cronbach_alpha"]),
                "N_FLAGGED_PAIRS": len(diag["flags"]),
                "MEAN_CLASS_CHANGE": float(res.summary["mean_share_units_changing_class"]),
                "MEDIAN_RANK_WIDTH": float(res.summary["median_rank_interval_width"]),
                "METHOD": json.dumps(record, ensure_ascii=False, default=str),
                "SIDECAR": sidecar,
                "STYLE": qml,
            }
        )
        return results


class _Canceled(Exception):
    pass


def _label(source):
    from .base import layer_label

    return layer_label(source)
