"""Composite (deprivation) index of a unit layer: general method or a published preset (Berlin MSS status/
dynamics, English IoD exponential combination, German GISD), classes, reference comparison, method record.

Thin glue over core.index / core.classify: parameters -> indicator specs (polarity from the catalogue),
core call, output layer = input attributes + index fields, graduated style, JSON sidecar, layer metadata.
"""

from dataclasses import dataclass, field

from qgis.core import (
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
from . import _checks as ck
from . import _indices as ix
from . import _params as P
from . import _presets as presets
from .base import SozialplanungAlgorithm, layer_label

PRESETS = ["custom", "berlin_mss", "iod", "gisd"]
NORMALISATIONS = [
    ("zscore", 0),
    ("zscore", 1),
    ("minmax", 0),
    ("goalposts", 0),
    ("rank", 0),
    ("percentile", 0),
    ("distance", 0),
]
WEIGHTINGS = ["equal", "given", "pca"]
AGGREGATIONS = ["arithmetic", "geometric"]
RESCALES = [None, "z", "minmax"]
WINSORISE = [None, "sd", "percentile"]
CLASS_METHODS = ["quantile", "sd", "equal", "jenks", "manual", None]
GISD_CLASS_RULES = [{"quantile_type": 9, "closed": "left"}, {"quantile_type": 7, "closed": "right"}]

#: The parameters each preset uses (by PRESET index); the dialog disables the others of MANAGED.
_COMMON = {"KEY_FIELD", "CATALOGUE", "HIGHER_BETTER", "HIGHER_WORSE", "POPULATION_FIELD", "MIN_RESIDENTS"}
_COMMON |= {"EXCLUDE_FIELD", "COMPARE", "MUNICIPALITY_FIELD", "MUNICIPALITY_CHARS", "INDICATORS"}
PRESET_USES = {
    0: _COMMON
    | {"NORMALISATION", "GOALPOSTS", "REFERENCE_VALUES", "LOG_FIELDS", "LOG_OFFSET", "WINSORISE", "WINSOR_LIMIT"}
    | {"WEIGHTING", "WEIGHTS", "DOMAINS", "DOMAINS_FROM_CATALOGUE", "DOMAIN_WEIGHTS", "AGGREGATION", "RESCALE"}
    | {"MIN_SHARE", "CLASS_METHOD", "N_CLASSES", "BREAKS", "PREFIX"},
    1: _COMMON | {"DYNAMICS_FIELDS", "MIN_SHARE"},
    2: _COMMON | {"DOMAINS", "DOMAIN_WEIGHTS"},
    3: _COMMON | {"DOMAINS", "LOG_FIELDS", "GISD_CLASSES", "GISD_LOADINGS"},
}
MANAGED = sorted(set().union(*PRESET_USES.values()) | {"DYNAMICS_FIELDS"})


class CompositeIndex(SozialplanungAlgorithm):
    ALG_ID = "compositeindex"
    GROUP = "indices"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    PRESET = "PRESET"
    INDICATORS = "INDICATORS"
    DYNAMICS = "DYNAMICS_FIELDS"
    CATALOGUE = "CATALOGUE"
    DIRECTIONS = "DIRECTIONS"
    HIGHER_BETTER = "HIGHER_BETTER"
    HIGHER_WORSE = "HIGHER_WORSE"
    DOMAINS_FROM_CATALOGUE = "DOMAINS_FROM_CATALOGUE"
    GISD_CLASSES = "GISD_CLASSES"
    GISD_LOADINGS = "GISD_LOADINGS"
    NORMALISATION = "NORMALISATION"
    GOALPOSTS = "GOALPOSTS"
    REFERENCE_VALUES = "REFERENCE_VALUES"
    LOG_FIELDS = "LOG_FIELDS"
    LOG_OFFSET = "LOG_OFFSET"
    WINSORISE = "WINSORISE"
    WINSOR_LIMIT = "WINSOR_LIMIT"
    WEIGHTING = "WEIGHTING"
    WEIGHTS = "WEIGHTS"
    DOMAINS = "DOMAINS"
    DOMAIN_WEIGHTS = "DOMAIN_WEIGHTS"
    AGGREGATION = "AGGREGATION"
    RESCALE = "RESCALE"
    MIN_SHARE = "MIN_SHARE"
    POPULATION_FIELD = "POPULATION_FIELD"
    MIN_RESIDENTS = "MIN_RESIDENTS"
    EXCLUDE_FIELD = "EXCLUDE_FIELD"
    CLASS_METHOD = "CLASS_METHOD"
    N_CLASSES = "N_CLASSES"
    BREAKS = "BREAKS"
    PREFIX = "PREFIX"
    COMPARE = "COMPARE"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    OUTPUT = "OUTPUT"
    OUTPUT_MUNICIPALITIES = "OUTPUT_MUNICIPALITIES"
    METHOD_FILE = "METHOD_FILE"

    def displayName(self):
        return self.tr("Composite index (general or published preset)")

    def initAlgorithm(self, config=None):
        num = ProcessingFieldParameterDataType.Numeric
        Double, Integer = ProcessingNumberParameterType.Double, ProcessingNumberParameterType.Integer

        def field(name, label, multiple=False, optional=True, numeric=True):
            return QgsProcessingParameterField(
                name,
                label,
                parentLayerParameterName=self.INPUT,
                type=num if numeric else ProcessingFieldParameterDataType.Any,
                allowMultiple=multiple,
                optional=optional,
            )

        def enum(name, label, options, default=0, optional=False):
            return QgsProcessingParameterEnum(name, label, options, defaultValue=default, optional=optional)

        # ---- basic: what a planner decides -------------------------------------------------------------
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Units with indicators (e.g. social spaces)"), [ProcessingSourceType.Vector]
            )
        )
        preset = enum(
            self.PRESET,
            self.tr("Method"),
            [
                self.tr("General composite index"),
                self.tr("Berlin MSS: status and dynamics"),
                self.tr("English Indices of Deprivation"),
                self.tr("German GISD (RKI)"),
            ],
        )
        P.widget(preset, "PresetWrapper", uses={k: sorted(v) for k, v in PRESET_USES.items()}, managed=MANAGED)
        self.addParameter(preset)
        self.addParameter(
            P.helped(
                P.indicator_fields(field(self.INDICATORS, self.tr("Indicators"), True, False), parts=("", "chg")),
                self.tr(
                    "Berlin MSS: the status indicators (shares); English IoD: one score per domain; GISD: the "
                    "indicators of all dimensions."
                ),
            )
        )
        self.addParameter(
            P.indicator_fields(
                field(self.DYNAMICS, self.tr("Dynamics indicators (Berlin MSS: changes)"), True), parts=("chg",)
            )
        )
        self.addParameter(
            P.helped(
                P.indicator_fields(field(self.POPULATION_FIELD, self.tr("Residents")), parts=("",), absolute=True),
                self.tr(
                    "Units with fewer residents than the minimum (Berlin MSS: 300) do not enter mean, SD, ranks or "
                    "classes."
                ),
            )
        )
        self.addParameter(
            P.helped(
                QgsProcessingParameterMatrix(
                    self.DOMAINS,
                    self.tr("Domains"),
                    headers=[self.tr("Domain"), self.tr("Indicator field")],
                    optional=True,
                ),
                self.tr(
                    "One row per indicator field. English IoD: the domains income, employment, education, "
                    "health, crime, barriers, living_environment (published weights); GISD: the dimensions."
                ),
            )
        )
        self.addParameter(
            enum(
                self.CLASS_METHOD,
                self.tr("Classes"),
                [
                    self.tr("quantiles"),
                    self.tr("standard deviation"),
                    self.tr("equal intervals"),
                    self.tr("Jenks natural breaks"),
                    self.tr("manual breaks"),
                    self.tr("none"),
                ],
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.N_CLASSES, self.tr("Number of classes"), Integer, 5, minValue=2, maxValue=20
            )
        )

        # ---- advanced: defaults that do the right thing --------------------------------------------------
        adv = [
            field(self.KEY_FIELD, self.tr("Unit key field"), numeric=False),
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            ),
            P.helped(
                P.indicator_fields(
                    field(self.HIGHER_BETTER, self.tr("Higher is better (overrides the catalogue)"), True),
                    parts=("", "chg"),
                ),
                self.tr("Indicators whose high values mean less need, e.g. a rank where 1 is the most deprived."),
            ),
            P.indicator_fields(
                field(self.HIGHER_WORSE, self.tr("Higher is worse (overrides the catalogue)"), True), parts=("", "chg")
            ),
            enum(
                self.NORMALISATION,
                self.tr("Normalisation"),
                [
                    self.tr("z-score (population SD)"),
                    self.tr("z-score (sample SD)"),
                    self.tr("min-max 0-100"),
                    self.tr("fixed limits 0-100"),
                    self.tr("rank"),
                    self.tr("percentile"),
                    self.tr("distance to a reference value (%)"),
                ],
            ),
            QgsProcessingParameterMatrix(
                self.GOALPOSTS,
                self.tr("Fixed limits (normalisation 'fixed limits')"),
                headers=[self.tr("Indicator field"), self.tr("Lower limit"), self.tr("Upper limit")],
                optional=True,
            ),
            QgsProcessingParameterMatrix(
                self.REFERENCE_VALUES,
                self.tr("Reference values (normalisation 'distance')"),
                headers=[self.tr("Indicator field"), self.tr("Reference value")],
                optional=True,
            ),
            P.indicator_fields(field(self.LOG_FIELDS, self.tr("Indicators to log-transform (GISD: incomes)"), True)),
            QgsProcessingParameterNumber(self.LOG_OFFSET, self.tr("Offset added before the log"), Double, 0.0),
            enum(
                self.WINSORISE,
                self.tr("Winsorisation"),
                [self.tr("none"), self.tr("mean ± k SD"), self.tr("percentiles p and 100-p")],
            ),
            QgsProcessingParameterNumber(
                self.WINSOR_LIMIT, self.tr("Winsorisation limit (k SD, or p %)"), Double, 3.0, minValue=0.0
            ),
            enum(
                self.WEIGHTING,
                self.tr("Indicator weights"),
                [
                    self.tr("equal (or as in the table)"),
                    self.tr("as in the table, for every indicator"),
                    self.tr("PCA (first component per domain)"),
                ],
            ),
            QgsProcessingParameterMatrix(
                self.WEIGHTS,
                self.tr("Indicator weights table"),
                headers=[self.tr("Indicator field"), self.tr("Weight")],
                optional=True,
            ),
            QgsProcessingParameterBoolean(
                self.DOMAINS_FROM_CATALOGUE, self.tr("Domains = the catalogue's action fields"), False, optional=True
            ),
            P.helped(
                QgsProcessingParameterMatrix(
                    self.DOMAIN_WEIGHTS,
                    self.tr("Domain weights"),
                    headers=[self.tr("Domain"), self.tr("Weight")],
                    optional=True,
                ),
                self.tr("English IoD: empty = the published weights."),
            ),
            enum(
                self.AGGREGATION,
                self.tr("Aggregation"),
                [self.tr("weighted arithmetic mean"), self.tr("weighted geometric mean (less compensatory)")],
            ),
            enum(self.RESCALE, self.tr("Rescale the index"), [self.tr("no"), self.tr("z-score"), self.tr("0-100")]),
            QgsProcessingParameterNumber(
                self.MIN_SHARE,
                self.tr("Minimum share of indicators per unit (empty: 0.5, MSS 1)"),
                Double,
                None,
                optional=True,
                minValue=0.0,
                maxValue=1.0,
            ),
            QgsProcessingParameterNumber(
                self.MIN_RESIDENTS,
                self.tr("Minimum residents (empty: 300; needs the residents field)"),
                Integer,
                None,
                optional=True,
                minValue=0,
            ),
            P.helped(
                field(self.EXCLUDE_FIELD, self.tr("Exclusion flag field"), numeric=False),
                self.tr("1, true or ja: the unit leaves the reference (it still gets values, but no class)."),
            ),
            QgsProcessingParameterMatrix(
                self.BREAKS, self.tr("Manual class breaks (ascending)"), headers=[self.tr("Break")], optional=True
            ),
            enum(
                self.GISD_CLASSES,
                self.tr("GISD quintiles"),
                [
                    self.tr("as published: R quantile type 9, a value on a break goes up"),
                    self.tr("quantile type 7, a value on a break goes down"),
                ],
                optional=True,  # added after models were saved: absent = the published rule
            ),
            P.helped(
                QgsProcessingParameterMatrix(
                    self.GISD_LOADINGS,
                    self.tr("GISD: fixed loadings instead of a fresh PCA"),
                    headers=[self.tr("Indicator field"), self.tr("Coefficient")],
                    optional=True,
                ),
                self.tr("E.g. the coefficients of an earlier run's method record, so that years stay comparable."),
            ),
            QgsProcessingParameterString(self.PREFIX, self.tr("Field prefix (general index)"), "idx"),
            QgsProcessingParameterBoolean(
                self.COMPARE, self.tr("Compare each unit with the county and its municipality"), False
            ),
            field(self.MUNICIPALITY_FIELD, self.tr("Municipality field"), numeric=False),
            QgsProcessingParameterNumber(
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality = first N characters of that field (0 = all)"),
                Integer,
                0,
                minValue=0,
            ),
        ]
        for param in adv:
            self.addParameter(P.advanced(param))
        self.addParameter(
            P.hidden(
                QgsProcessingParameterString(self.DIRECTIONS, "Directions (field=higher_worse; ...)", optional=True)
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Composite index"), ProcessingSourceType.VectorAnyGeometry
            )
        )
        self.addParameter(
            P.advanced(
                QgsProcessingParameterFeatureSink(
                    self.OUTPUT_MUNICIPALITIES,
                    self.tr("Index per municipality (population-weighted)"),
                    ProcessingSourceType.Vector,
                    optional=True,
                    createByDefault=False,
                )
            )
        )
        self.addParameter(
            P.advanced(
                QgsProcessingParameterFileDestination(
                    self.METHOD_FILE,
                    self.tr("Method record (JSON; empty = beside the output)"),
                    "JSON (*.json)",
                    optional=True,
                    createByDefault=False,
                )
            )
        )
        self.addOutput(QgsProcessingOutputNumber("N_UNITS", self.tr("Units")))
        self.addOutput(QgsProcessingOutputNumber("N_INDEXED", self.tr("Units with an index value")))
        self.addOutput(QgsProcessingOutputNumber("N_CLASSIFIED", self.tr("Units with a class")))
        self.addOutput(QgsProcessingOutputNumber("N_EXCLUDED", self.tr("Units outside the reference")))
        self.addOutput(QgsProcessingOutputNumber("N_INSUFFICIENT", self.tr("Units with too few indicators")))
        self.addOutput(QgsProcessingOutputString("VALUE_FIELD", self.tr("Index field")))
        self.addOutput(QgsProcessingOutputString("CLASS_FIELD", self.tr("Class field")))
        self.addOutput(QgsProcessingOutputString("LABEL_FIELD", self.tr("Class label field")))
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Method record (JSON)")))
        self.addOutput(QgsProcessingOutputString("SIDECAR", self.tr("Method record file")))
        self.addOutput(QgsProcessingOutputString("STYLE", self.tr("Style file (.qml)")))
        self.addOutput(QgsProcessingOutputString("WARNINGS", self.tr("Warnings")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        """Phases: options -> indicator specs -> read units -> index of the preset -> reference comparison ->
        per municipality -> method record -> output."""
        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        opt = self._options(parameters, context, source, feedback)
        catalogue, cat_version = ix.load_catalogue(self.parameterAsFile(parameters, self.CATALOGUE, context) or None)
        specs, notes = self._specs(parameters, context, opt, catalogue, feedback)
        opt.domain_weights = ix.parse_pairs(
            P.pairs_text(self, parameters, self.DOMAIN_WEIGHTS, context, self.tr("Domain weights")),
            "Domain weights",
            number=True,
        )
        companions = (
            {s["field"]: _companions(s["field"], s["id"], source.fields().names()) for s in specs}
            if opt.compare
            else {}
        )
        needed = list(
            dict.fromkeys(
                opt.all_fields
                + [f for f in (opt.key, opt.pop, opt.excl, opt.mun_field) if f]
                + [c for pair in companions.values() if pair for c in pair]
            )
        )
        feedback.setProgressText(self.tr("Reading units"))
        rows = ix.LayerRows(self, source, needed, feedback, (0, 30))
        if opt.key:
            ck.require_unique_keys(rows.frame[opt.key], opt.key, layer_label(source))
        data = rows.frame
        data.attrs["unit_key"] = opt.key  # messages name units by their key
        mun = ix.municipality_series(data, opt.mun_field, opt.mun_chars)
        self.check_canceled(feedback)

        feedback.setProgressText(self.tr("Computing the index"))
        res, style, ignored = self._preset_index(parameters, context, opt, data, specs, cat_version, feedback)
        for name in ignored:
            feedback.pushWarning(self.tr("Parameter {} is not used by this method and was ignored.").format(name))
        feedback.setProgress(55)
        self.check_canceled(feedback)

        out = res.frame.drop(columns=[opt.key] if opt.key and opt.key in res.frame.columns else [])
        fields_out = _OutputFields.of(res.record)
        comparison = None
        if opt.compare:
            feedback.setProgressText(self.tr("Comparing with county and municipality"))
            out, comparison = _reference_comparison(data, out, mun, specs, companions, catalogue, opt, fields_out)
            feedback.setProgress(65)
        upward = self._per_municipality(parameters, opt, data, out, mun, fields_out)
        record = self._record(parameters, source, opt, res, specs, catalogue, cat_version, comparison, data)
        warnings = list(notes) + list(res.warnings)
        record["warnings"] = warnings
        for w in res.warnings:
            feedback.pushWarning(w)
        return self._write(parameters, context, feedback, opt, rows, out, fields_out, style, record, upward, warnings)

    # --- phases -----------------------------------------------------------------------------------------
    def _options(self, parameters, context, source, feedback):
        """The parameters, read once and checked (fields exist, no field twice, a valid prefix)."""
        preset = PRESETS[self.parameterAsEnum(parameters, self.PRESET, context)]
        fields = self.parameter_as_field_names(parameters, self.INDICATORS, context)
        dyn = self.parameter_as_field_names(parameters, self.DYNAMICS, context) if preset == "berlin_mss" else []
        pop = self.parameterAsString(parameters, self.POPULATION_FIELD, context) or None
        raw_min = parameters.get(self.MIN_RESIDENTS)
        min_res = None if raw_min in (None, "") else self.parameterAsInt(parameters, self.MIN_RESIDENTS, context)
        pop, min_res = presets.residents(
            self, preset, pop, min_res, fields, source.fields().names(), feedback
        )  # MSS: 300 residents, the residents field required (found on the layer when not chosen)
        prefix = (self.parameterAsString(parameters, self.PREFIX, context) or "idx").strip()
        raw_share = parameters.get(self.MIN_SHARE)
        wmethod = WINSORISE[self.parameterAsEnum(parameters, self.WINSORISE, context)]
        norm, ddof = NORMALISATIONS[self.parameterAsEnum(parameters, self.NORMALISATION, context)]
        opt = _Options(
            preset=preset,
            fields=list(fields),
            dyn=list(dyn),
            key=self.parameterAsString(parameters, self.KEY_FIELD, context) or None,
            pop=pop,
            min_res=min_res,
            excl=self.parameterAsString(parameters, self.EXCLUDE_FIELD, context) or None,
            log_fields=self.parameter_as_field_names(parameters, self.LOG_FIELDS, context),
            mun_field=self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or None,
            mun_chars=self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context),
            compare=self.parameterAsBool(parameters, self.COMPARE, context),
            prefix=prefix,
            min_share=None if raw_share in (None, "") else self.parameterAsDouble(parameters, self.MIN_SHARE, context),
            norm=norm,
            ddof=ddof,
        )
        if not opt.fields:
            raise QgsProcessingException(self.tr("Choose at least one indicator field."))
        both = sorted(set(opt.fields) & set(opt.dyn))
        if both:
            raise QgsProcessingException(
                self.tr("Field(s) {} are chosen both as status and as dynamics indicators.").format(", ".join(both))
            )
        if not prefix.replace("_", "").isalnum():
            raise QgsProcessingException(
                self.tr("The field prefix '{}' may only hold letters, digits and _.").format(prefix)
            )
        bad_log = [f for f in opt.log_fields if f not in opt.all_fields]
        if bad_log:
            raise QgsProcessingException(
                self.tr("Log-transform field(s) {} are not among the indicators.").format(", ".join(bad_log))
            )
        self.require_fields(source, opt.all_fields + [opt.key, opt.pop, opt.excl, opt.mun_field])
        self.require_features(source)
        if opt.compare and not opt.mun_field:
            feedback.pushWarning(self.tr("No municipality field: units are compared with the county only."))
        opt.winsorise = (
            {"method": wmethod, "limit": self.parameterAsDouble(parameters, self.WINSOR_LIMIT, context)}
            if wmethod
            else None
        )
        return opt

    def _specs(self, parameters, context, opt, catalogue, feedback):
        """Indicator specs: polarity from the catalogue, overridden by the parameters; the ranks checked."""
        opt.domains_text = P.domains_text(self, parameters, self.DOMAINS, context, self.DOMAINS_FROM_CATALOGUE)
        specs, notes = ix.build_specs(
            opt.all_fields,
            catalogue,
            directions_text=P.directions_text(self, parameters, context),
            weights_text=P.pairs_text(self, parameters, self.WEIGHTS, context, self.tr("Indicator weights")),
            domains_text=opt.domains_text if opt.preset != "berlin_mss" else "",
            log_fields=opt.log_fields,
            log_offset=self.parameterAsDouble(parameters, self.LOG_OFFSET, context),
            goalposts_text=P.pairs_text(self, parameters, self.GOALPOSTS, context, self.tr("Fixed limits"), 3),
            reference_text=P.pairs_text(self, parameters, self.REFERENCE_VALUES, context, self.tr("Reference values")),
            feedback=feedback,
        )
        presets.check_ranks(self, specs)
        return specs, notes

    def _preset_index(self, parameters, context, opt, data, specs, cat_version, feedback):
        """(core result, map style, ignored parameter names) of the chosen method."""
        import pandas as pd

        from ..core import index as cix

        directions = {s["field"]: s["direction"] for s in specs}
        exclusion = dict(
            residents_field=opt.pop,
            min_residents=opt.min_res if opt.pop else None,
            exclude_flag_field=opt.excl,
            key=opt.key,
        )
        style, ignored = None, []
        if opt.preset == "custom":
            ix.check_domain_weights(opt.domain_weights, specs)
            class_method = CLASS_METHODS[self.parameterAsEnum(parameters, self.CLASS_METHOD, context)]
            classification = None
            if class_method == "manual":
                from ..core.classify import parse_breaks

                classification = {
                    "method": "manual",
                    "breaks": parse_breaks(P.breaks_text(self, parameters, self.BREAKS, context)),
                }
            elif class_method:
                classification = {
                    "method": class_method,
                    "n_classes": self.parameterAsInt(parameters, self.N_CLASSES, context),
                }
            res = cix.compute_index(
                data,
                ix.core_specs(specs),
                normalisation=opt.norm,
                ddof=opt.ddof,
                weighting=WEIGHTINGS[self.parameterAsEnum(parameters, self.WEIGHTING, context)],
                domain_weights=opt.domain_weights or None,
                aggregation=AGGREGATIONS[self.parameterAsEnum(parameters, self.AGGREGATION, context)],
                rescale=RESCALES[self.parameterAsEnum(parameters, self.RESCALE, context)],
                min_share=0.5 if opt.min_share is None else opt.min_share,
                winsorise=opt.winsorise,
                classification=classification,
                prefix=opt.prefix,
                catalogue_version=cat_version,
                **exclusion,
            )
            if res.record.get("classification"):
                labels = res.record["classification"]["labels"]
                style = {
                    "field": f"{opt.prefix}_class",
                    "classes": list(range(1, len(labels) + 1)),
                    "labels": {i + 1: t for i, t in enumerate(labels)},
                }
        elif opt.preset == "berlin_mss":
            ignored = self._ignored(parameters, context, ["WEIGHTS", "DOMAINS", "DOMAIN_WEIGHTS", "LOG_FIELDS"])
            res = cix.berlin_mss(
                data,
                opt.fields,
                opt.dyn,
                directions=directions,
                ddof=0,
                min_share=1.0 if opt.min_share is None else opt.min_share,
                exclude_keys=None,
                catalogue_version=cat_version,
                **exclusion,
            )
            field, classes, labels = cix.berlin_mss_classes(with_dynamics=bool(opt.dyn))
            # the bivariate scheme of status and dynamics (classes in words: "niedrig / negativ")
            style = {
                "field": field,
                "classes": classes,
                "labels": labels,
                "scheme": "combined" if opt.dyn else "status",
            }
        elif opt.preset == "iod":
            ignored = self._ignored(parameters, context, ["WEIGHTS", "LOG_FIELDS"])
            lists = ix.parse_domain_lists(opt.domains_text, opt.fields)
            domains, _ = cix.iod_domains(lists, opt.fields, opt.domain_weights)
            weights = presets.iod_weights(self, domains, opt.domain_weights, feedback)  # published unless given
            res = cix.iod_exponential(
                data,
                domains,
                weights=weights,
                directions={d: directions[f] for d, f in domains.items()},
                catalogue_version=cat_version,
                **exclusion,
            )
            res.frame["iod_label"] = (
                res.frame["iod_decile"]
                .map(lambda v: "" if pd.isna(v) else self._decile_label(int(v), in_layer=True))
                .astype(object)
            )
            res.record["output"]["label_field"] = "iod_label"
            style = {
                "field": "iod_decile",
                "classes": list(range(1, 11)),
                "labels": {d: self._decile_label(d) for d in range(1, 11)},
                "reverse": True,
            }
        else:  # gisd
            ignored = self._ignored(parameters, context, ["WEIGHTS", "DOMAIN_WEIGHTS"])
            dims = ix.parse_domain_lists(opt.domains_text, opt.fields) or {"gisd": opt.fields}
            res = cix.gisd(
                data,
                dims,
                directions=directions,
                log_fields=list(opt.log_fields),
                catalogue_version=cat_version,
                loadings=presets.gisd_loadings(self, parameters, self.GISD_LOADINGS, context, opt.fields) or None,
                **GISD_CLASS_RULES[self.parameterAsEnum(parameters, self.GISD_CLASSES, context)],
                **exclusion,
            )
            presets.report_gisd(self, res.record, feedback)
            res.frame["gisd_label"] = (
                res.frame["gisd_5"]
                .map(lambda v: "" if pd.isna(v) else self.tr("Quintile {}").format(int(v)))
                .astype(object)
            )
            res.record["output"]["label_field"] = "gisd_label"
            style = {
                "field": "gisd_5",
                "classes": [1, 2, 3, 4, 5],
                "labels": {q: self._quintile_label(q) for q in range(1, 6)},
            }
        return res, style, ignored

    def _decile_label(self, d, in_layer=False):
        """IoD decile text: in the layer 'Decile 1 (1 = most deprived)', in the legend 'Decile 1 (most deprived)'."""
        if d != 1:
            return self.tr("Decile {}").format(d)
        return (self.tr("Decile {} (1 = most deprived)") if in_layer else self.tr("Decile {} (most deprived)")).format(
            d
        )

    def _quintile_label(self, q):
        return self.tr("Quintile {}").format(q) + (
            self.tr(" (least deprived)") if q == 1 else self.tr(" (most deprived)") if q == 5 else ""
        )

    def _per_municipality(self, parameters, opt, data, out, mun, fields_out):
        """Population-weighted upward aggregation (the GISD step; for the other methods a weighted mean)."""
        if parameters.get(self.OUTPUT_MUNICIPALITIES) in (None, ""):
            return None
        import pandas as pd

        from ..core import index as cix

        if not (opt.pop and mun is not None):
            raise QgsProcessingException(
                self.tr("The index per municipality needs the residents field and the municipality field.")
            )
        value_field = fields_out.value
        up = pd.DataFrame({"__mun": mun, "__score": out[value_field], "__pop": data[opt.pop]})
        upward = cix.population_weighted(up, "__score", "__pop", "__mun", rescale=opt.preset == "gisd")
        upward = upward.rename(columns={"__mun": "municipality", "score": value_field, "score_01": f"{value_field}_01"})
        if "quintile" in upward.columns:
            upward["quintile"] = upward["quintile"].astype("Int64")
        return upward

    def _record(self, parameters, source, opt, res, specs, catalogue, cat_version, comparison, data):
        """The method record: the core's plus algorithm, input, indicators, catalogue and comparison."""
        record = dict(res.record)
        record["title"] = self.tr("Composite index ({})").format(opt.preset)
        record["algorithm"] = {
            "id": f"sozialplanung:{self.ALG_ID}",
            "preset": opt.preset,
            "parameters": _plain_params(parameters),
        }
        record["input"] = {"layer": ix_label(source), "features": len(data), "fields": opt.all_fields}
        record["indicators"] = [
            {
                "field": s["field"],
                "catalogue_id": s["id"],
                "direction": s["direction"],
                "direction_source": s["_direction_source"],
                "domain": s["domain"],
                "weight": s["weight"],
                "role": "dynamics" if s["field"] in opt.dyn else "status",
            }
            for s in specs
        ]
        record["catalogue"] = {"version": cat_version, "provenance": getattr(catalogue, "provenance", None)}
        if comparison is not None:
            record["reference_comparison"] = {
                "municipality_field": opt.mun_field,
                "municipality_chars": opt.mun_chars,
                "indicators": comparison,
            }
        return record

    def _write(self, parameters, context, feedback, opt, rows, out, fields_out, style, record, upward, warnings):
        """The output layer (input attributes + index fields), sidecar, style, per-municipality table, results."""
        import json

        import pandas as pd

        value_field, class_field, label_field = fields_out.value, fields_out.klass, fields_out.label
        feedback.setProgressText(self.tr("Writing the output"))
        aliases = _aliases(out.columns, value_field, class_field, label_field, self.tr)
        out_fields, keep, replaced = rows.output_fields(out, aliases)
        for r in replaced:
            feedback.pushWarning(
                self.tr("Input field '{}' is replaced by the result field of the same name.").format(r)
            )
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, rows.wkb_type, rows.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows.write(self, sink, out_fields, keep, out, feedback, (70, 98))
        del sink  # close the file before the sidecar and style are written next to it
        sidecar_param = (
            self.parameterAsFileOutput(parameters, self.METHOD_FILE, context)
            if parameters.get(self.METHOD_FILE)
            else None
        )
        if upward is not None:
            record["municipalities"] = {
                "method": "population-weighted mean of the unit values (weights: "
                f"{opt.pop}), per municipality"
                + ("; rescaled 0-1 over the municipalities, quintiles" if opt.preset == "gisd" else ""),
                "rows": len(upward),
            }
        sidecar, qml = ix.finish_output(self, context, feedback, dest, style, record, sidecar_param, aliases)
        self._name_output(context, dest, opt.preset, opt.all_fields)
        results_extra = {}
        if upward is not None:
            ufields = self.fields_for_frame(upward)
            usink, udest = self.parameterAsSink(parameters, self.OUTPUT_MUNICIPALITIES, context, ufields)
            if usink is not None:
                self.write_frame(usink, ufields, upward.astype(object).where(upward.notna(), None))
                del usink
                results_extra[self.OUTPUT_MUNICIPALITIES] = udest

        vals = out[value_field] if value_field in out.columns else pd.Series(dtype=float)
        flags = out[fields_out.flag] if fields_out.flag in out.columns else pd.Series(dtype=object)
        n_classified = int(out[class_field].notna().sum()) if class_field in out.columns else 0
        feedback.pushInfo(
            self.tr("{} units, {} with an index value, {} with a class.").format(
                len(out), int(vals.notna().sum()), n_classified
            )
        )
        feedback.setProgress(100)
        return {
            **results_extra,
            self.OUTPUT: dest,
            "N_UNITS": len(out),
            "N_INDEXED": int(vals.notna().sum()),
            "N_CLASSIFIED": n_classified,
            "N_EXCLUDED": int((flags == "excluded").sum()),
            "N_INSUFFICIENT": int((flags == "insufficient_data").sum()),
            "VALUE_FIELD": value_field or "",
            "CLASS_FIELD": class_field or "",
            "LABEL_FIELD": label_field or "",
            "METHOD": json.dumps(record, ensure_ascii=False, default=str),
            "SIDECAR": sidecar,
            "STYLE": qml,
            "WARNINGS": "\n".join(warnings),
        }

    @staticmethod
    def _name_output(context, dest, preset, fields):
        """'Index Berliner MSS 2025': the method and the newest year of the indicators (two runs: '(2)')."""
        from ..core.fields import years_in
        from . import _styles

        years = [y for f in fields for y in years_in(f)]
        label = {
            "custom": "Zusammengesetzter Index",
            "berlin_mss": "Index Berliner MSS",
            "iod": "Index IoD",
            "gisd": "GISD",
        }[preset]
        _styles.style_output(context, dest, label + (f" {max(years)}" if years else ""), None)

    def _ignored(self, parameters, context, names):
        out = []
        for n in names:
            v = parameters.get(n)
            if v not in (None, "", [], ()):
                out.append(n)
        return out


_CMP_COLUMNS = (
    ("ref_county", "ref_cty"),
    ("diff_county", "diff_cty"),
    ("ratio_county", "ratio_cty"),
    ("ref_municipality", "ref_gem"),
    ("diff_municipality", "diff_gem"),
    ("ratio_municipality", "ratio_gem"),
    ("z_municipality", "z_gem"),
)


@dataclass
class _Options:
    """The parameters of one run, read and checked once."""

    preset: str
    fields: list
    dyn: list
    key: str | None
    pop: str | None
    min_res: int
    excl: str | None
    log_fields: list
    mun_field: str | None
    mun_chars: int
    compare: bool
    prefix: str
    min_share: float | None
    norm: str
    ddof: int
    domain_weights: dict = field(default_factory=dict)
    winsorise: dict | None = None
    domains_text: str = ""

    @property
    def all_fields(self):
        return list(self.fields) + list(self.dyn)


@dataclass
class _OutputFields:
    """Names of the index fields the method wrote (value, class, label, flag)."""

    value: str | None
    klass: str | None
    label: str | None
    flag: str | None

    @classmethod
    def of(cls, record):
        out = record.get("output", {})
        return cls(out.get("value_field"), out.get("class_field"), out.get("label_field"), out.get("flag_field"))


def _reference_comparison(data, out, mun, specs, companions, catalogue, opt, fields_out):
    """Each indicator (pooled from numerator and denominator where the layer has them) and the index value
    against county and municipality; returns (out with the comparison fields, record of the comparison)."""
    import pandas as pd

    from ..core import fields as contract
    from ..core import index as cix

    frame = data.copy()
    if mun is not None:
        frame["__mun"] = mun
    extra, comparison = {}, {}
    for s in specs:
        f = s["field"]
        pair = companions.get(f)
        mult = _multiplier(catalogue, s["id"])
        cmp = cix.reference_comparison(
            frame,
            f,
            municipality_field="__mun" if mun is not None else None,
            numerator_field=pair[0] if pair else None,
            denominator_field=pair[1] if pair else None,
            multiplier=mult,
        )
        comparison[f] = {
            "pooled": bool(pair),
            "numerator": pair[0] if pair else None,
            "denominator": pair[1] if pair else None,
            "multiplier": mult,
            "county_value": float(cmp["ref_county"].iloc[0]) if cmp["ref_county"].notna().any() else None,
        }
        is_change = contract.is_change_field(f) or f in opt.dyn
        for col, suffix in _CMP_COLUMNS:
            if col in cmp.columns and not (is_change and col.startswith("ratio")):
                extra[f"{f}_{suffix}"] = cmp[col]
        if pair:
            extra[f"{f}_count"] = cmp[f"{f}_count"]
    value_field = fields_out.value
    if value_field:
        vframe = pd.DataFrame({value_field: out[value_field]})
        if mun is not None:
            vframe["__mun"] = mun
        cmp = cix.reference_comparison(vframe, value_field, municipality_field="__mun" if mun is not None else None)
        for col, suffix in _CMP_COLUMNS:
            if col in cmp.columns and col not in ("ref_county", "ratio_county", "ratio_municipality"):
                extra[f"{value_field}_{suffix}"] = cmp[col]
    return pd.concat([out, pd.DataFrame(extra, index=out.index)], axis=1), comparison


def ix_label(source):
    from .base import layer_label

    return layer_label(source)


def _companions(field, ind_id, names):
    """(numerator, denominator) fields written by aggregateindicators for this indicator field, or None."""
    from ..core import fields as contract

    base, year = contract.split_year(field)
    cands = []
    if year is not None and not contract.is_change_field(field):
        cands.append((contract.field_name(base, "num", year), contract.field_name(base, "den", year)))
    cands.append((contract.field_name(field, "num"), contract.field_name(field, "den")))
    for num, den in cands:
        if num in names and den in names:
            return num, den
    return None


def _multiplier(catalogue, ind_id):
    ind = (getattr(catalogue, "indicators", {}) or {}).get(ind_id)
    m = getattr(ind, "multiplier", None) if ind is not None else None
    try:
        return float(m) if m else 100.0
    except (TypeError, ValueError):
        return 100.0


def _plain_params(parameters):
    """Parameters as given, JSON-friendly (layers by source), passwords redacted."""
    from ..core.secrets import redact_value

    out = {}
    for k, v in parameters.items():
        if hasattr(v, "source") and callable(v.source):
            v = v.source()
        elif not isinstance(v, (str, int, float, bool, list, tuple, type(None))):
            v = str(v)
        out[k] = v
    return redact_value(out)  # a layer source or connection text may carry a password


def _aliases(columns, value_field, class_field, label_field, tr):
    out = {}
    if value_field:
        out[value_field] = tr("Index value (higher = more need)")
    if class_field:
        out[class_field] = tr("Index class")
    if label_field:
        out[label_field] = tr("Index class label")
    for c in columns:
        if c.endswith("_rank") and c not in out:
            out[c] = tr("Rank (1 = most need)")
        elif c.endswith("_flag") and c not in out:
            out[c] = tr("Index flag (excluded / insufficient_data)")
    return out
