"""Strengths–weaknesses analysis (Stärken-Schwächen-Analyse): thin glue over core.strengths.

Reads the social spaces written by 'Aggregate indicators' (wide fields ``<id>_<year>`` with their counts, flags
and references), judges every space on every chosen indicator and writes a long table (space x indicator) and,
per space, its strengths and weaknesses in German words.
"""

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
)

from ..compat import (
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from . import _params as P
from .base import SozialplanungAlgorithm

LONG_ALIASES = {
    "key": "Sozialraum",
    "name": "Name",
    "indicator": "Kennzahl (id)",
    "label": "Kennzahl",
    "value": "Wert",
    "num": "Fälle",
    "den": "Bezugsgröße",
    "percentile": "Perzentil",
    "z": "z-Wert",
    "rank": "Rang (1 = ungünstigster)",
    "ref_county": "Kreis",
    "ref_mun": "Gemeinde",
    "change": "Veränderung",
    "judgement_de": "Einschätzung",
    "status_text": "Begründung",
    "text": "Text",
}


def default_indicator_fields(names, catalogue):
    """'<id>_<year>' of every catalogue status indicator with a denominator, at the layer's latest year."""
    from ..core.fields import split_year

    by_year = {}
    for n in names:
        base, year = split_year(n)
        ind = catalogue.indicators.get(base)
        if year is not None and ind is not None and ind.kind == "status" and ind.denominator:
            by_year.setdefault(year, []).append(n)
    if not by_year:
        return []
    last = max(by_year)
    order = list(catalogue.indicators)
    return sorted(by_year[last], key=lambda f: order.index(split_year(f)[0]))


def add_key_name_params(alg, key_help, name_help):
    alg.addParameter(
        QgsProcessingParameterField(alg.KEY_FIELD, key_help, parentLayerParameterName=alg.INPUT, optional=True)
    )
    alg.addParameter(
        QgsProcessingParameterField(alg.NAME_FIELD, name_help, parentLayerParameterName=alg.INPUT, optional=True)
    )


class StrengthsWeaknesses(SozialplanungAlgorithm):
    ALG_ID = "strengthsweaknesses"
    GROUP = "analysis"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    FIELDS = "FIELDS"
    BASE_YEAR = "BASE_YEAR"
    CATALOGUE = "CATALOGUE"
    SD = "SD"
    LOW = "LOW_PERCENTILE"
    HIGH = "HIGH_PERCENTILE"
    MIN_DENOMINATOR = "MIN_DENOMINATOR"
    ALPHA = "ALPHA"
    JUDGE_INCOMPLETE = "JUDGE_INCOMPLETE"
    OUTPUT = "OUTPUT"
    SUMMARY = "SUMMARY"

    def displayName(self):
        return self.tr("Strengths and weaknesses per social space")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT,
                self.tr("Social spaces with indicators per year"),
                [ProcessingSourceType.Vector],
            )
        )
        add_key_name_params(
            self, self.tr("Key field (empty = 'key')"), self.tr("Name field (empty = 'name' if the layer has it)")
        )
        self.addParameter(
            P.indicator_fields(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Indicator fields (empty = every rate, latest year)"),
                    parentLayerParameterName=self.INPUT,
                    type=ProcessingFieldParameterDataType.Numeric,
                    allowMultiple=True,
                    optional=True,
                )
            )
        )
        advanced = []
        advanced.append(
            QgsProcessingParameterNumber(
                self.BASE_YEAR,
                self.tr("Trend since the year (empty = the first year of each indicator)"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1900,
                maxValue=2100,
            )
        )
        advanced.append(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        advanced.append(
            QgsProcessingParameterNumber(
                self.SD,
                self.tr("Notable beyond k standard deviations (0 = not used)"),
                ProcessingNumberParameterType.Double,
                1.0,
                minValue=0.0,
            )
        )
        advanced.append(
            QgsProcessingParameterNumber(
                self.LOW,
                self.tr("… or below this percentile (0 = not used)"),
                ProcessingNumberParameterType.Double,
                20.0,
                minValue=0.0,
                maxValue=50.0,
            )
        )
        advanced.append(
            QgsProcessingParameterNumber(
                self.HIGH,
                self.tr("… or above this percentile (100 = not used)"),
                ProcessingNumberParameterType.Double,
                80.0,
                minValue=50.0,
                maxValue=100.0,
            )
        )
        advanced.append(
            QgsProcessingParameterNumber(
                self.MIN_DENOMINATOR,
                self.tr("Smallest denominator judged (on top of the catalogue's limit)"),
                ProcessingNumberParameterType.Double,
                0.0,
                minValue=0.0,
            )
        )
        advanced.append(
            QgsProcessingParameterNumber(
                self.ALPHA,
                self.tr("Error level of the chance check (0 = no check)"),
                ProcessingNumberParameterType.Double,
                0.05,
                minValue=0.0,
                maxValue=0.5,
            )
        )
        advanced.append(
            QgsProcessingParameterBoolean(
                self.JUDGE_INCOMPLETE, self.tr("Judge incomplete sums (lower bounds) too"), False
            )
        )
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT,
                self.tr("Strengths and weaknesses (one row per space and indicator)"),
                ProcessingSourceType.Vector,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.SUMMARY,
                self.tr("Strengths and weaknesses per space (texts)"),
                ProcessingSourceType.VectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
        )
        self.addOutput(QgsProcessingOutputNumber("N_STRENGTHS", self.tr("Strengths")))
        self.addOutput(QgsProcessingOutputNumber("N_WEAKNESSES", self.tr("Weaknesses")))
        self.addOutput(QgsProcessingOutputNumber("N_NOT_JUDGED", self.tr("Cells not judged")))
        self.addOutput(QgsProcessingOutputString("RULE", self.tr("The rule in words")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        from ..core import strengths as sw
        from ..core.catalogue import default_catalogue, load_catalogue

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        self.require_features(source)
        names = source.fields().names()
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context) or "key"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or ("name" if "name" in names else "")
        self.require_fields(source, [key_field, name_field])
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(cat_path) if cat_path else default_catalogue()
        fields = self.parameter_as_field_names(parameters, self.FIELDS, context) or default_indicator_fields(
            names, catalogue
        )
        if not fields:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{}' has no indicator fields named '<id>_<year>' of the catalogue (e.g. "
                    "kinderarmut_sgb2_u15_2025). Use the output of 'Aggregate indicators'."
                ).format(source.sourceName())
            )
        rule = self.rule_from(parameters, context)
        base_year = (
            None
            if parameters.get(self.BASE_YEAR) in (None, "")
            else self.parameterAsInt(parameters, self.BASE_YEAR, context)
        )
        long, summary, geoms, keys = self.run_assessment(
            source, key_field, name_field, fields, catalogue, rule, base_year, feedback
        )
        # ---- outputs
        import pandas as pd

        out = long.copy()
        out["judgement_de"] = out["judgement"].map(sw.JUDGEMENT_TEXT).fillna("")
        out["status_text"] = out["status"].map(sw.STATUS_TEXT).fillna("")
        out["reliable"] = out["reliable"].astype(bool)
        out["notable"] = out["notable"].astype(bool)
        out["first_year"] = pd.array(out["first_year"], dtype="Int64")
        out["year"] = out["year"].astype("int64")
        out["n_ref"] = out["n_ref"].astype("int64")
        cols = ["key", "name"] + [c for c in out.columns if c not in ("key", "name")]
        out = out[cols].reset_index(drop=True)
        fields_out = self.fields_for_frame(out, LONG_ALIASES)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields_out)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        self.write_frame(sink, fields_out, out, feedback=feedback, progress_span=(60, 85))
        del sink
        results = {self.OUTPUT: dest}
        summ = summary.set_index("key").reindex(keys).reset_index()
        names_by_key = dict(zip(long["key"], long["name"]))
        summ.insert(1, "name", summ["key"].map(lambda k: names_by_key.get(k, k)))
        s_fields = self.fields_for_frame(
            summ,
            {
                "key": "Sozialraum",
                "name": "Name",
                "n_strengths": "Stärken",
                "n_weaknesses": "Schwächen",
                "n_features": "Besonderheiten",
                "strengths": "Stärken (Text)",
                "weaknesses": "Schwächen (Text)",
                "features": "Besonderheiten (Text)",
            },
        )
        ssink, sdest = self.parameterAsSink(
            parameters, self.SUMMARY, context, s_fields, source.wkbType(), source.sourceCrs()
        )
        if ssink is not None:
            geo = {i: geoms.get(k) for i, k in enumerate(summ["key"])}
            self.write_frame(ssink, s_fields, summ, geometries=geo, feedback=feedback, progress_span=(85, 100))
            del ssink
            results[self.SUMMARY] = sdest
        n_s = int((long["judgement"] == sw.STRENGTH).sum())
        n_w = int((long["judgement"] == sw.WEAKNESS).sum())
        n_nj = int(long["status"].isin(["suppressed", "unreliable", "incomplete"]).sum())
        feedback.pushInfo(
            self.tr("{s} strengths and {w} weaknesses in {n} spaces and {i} indicators; {nj} cells not judged.").format(
                s=n_s, w=n_w, n=len(keys), i=len(fields), nj=n_nj
            )
        )
        results.update(N_STRENGTHS=n_s, N_WEAKNESSES=n_w, N_NOT_JUDGED=n_nj, RULE=rule.describe_de())
        feedback.setProgress(100)
        return results

    def rule_from(self, parameters, context):
        from ..core import strengths as sw

        sd = self.parameterAsDouble(parameters, self.SD, context)
        low = self.parameterAsDouble(parameters, self.LOW, context)
        high = self.parameterAsDouble(parameters, self.HIGH, context)
        alpha = self.parameterAsDouble(parameters, self.ALPHA, context)
        return sw.Rule(
            sd=sd if sd > 0 else None,
            low_percentile=low if low > 0 else None,
            high_percentile=high if high < 100 else None,
            min_denominator=self.parameterAsDouble(parameters, self.MIN_DENOMINATOR, context),
            alpha=alpha if alpha > 0 else None,
            judge_incomplete=self.parameterAsBool(parameters, self.JUDGE_INCOMPLETE, context),
        )

    def run_assessment(self, source, key_field, name_field, fields, catalogue, rule, base_year, feedback):
        """(long table, summaries, geometries by key, keys in layer order) for the chosen '<id>_<year>' fields."""
        import pandas as pd

        from ..core import strengths as sw
        from ..core.fields import split_year

        names = source.fields().names()
        groups = {}
        for f in fields:
            base, year = split_year(f)
            if year is None or base not in catalogue.indicators:
                raise QgsProcessingException(
                    self.tr(
                        "Field '{}' is not an indicator field '<id>_<year>' of the catalogue. Choose fields written "
                        "by 'Aggregate indicators' (e.g. kinderarmut_sgb2_u15_2025)."
                    ).format(f)
                )
            groups.setdefault(year, []).append(catalogue.indicators[base])
        needed = [key_field] + ([name_field] if name_field else [])
        for n in names:
            base, _y = split_year(n)
            for part in ("_num", "_den", "_flag", "_ref_county", "_ref_mun"):
                if base.endswith(part) and base[: -len(part)] in {i.id for g in groups.values() for i in g}:
                    needed.append(n)
            if base in {i.id for g in groups.values() for i in g}:
                needed.append(n)
        needed = list(dict.fromkeys(needed))
        if base_year is not None:
            ids = {i.id for g in groups.values() for i in g}
            have = sorted({y for n in names for b, y in [split_year(n)] if y is not None and b in ids})
            if base_year not in have:
                raise QgsProcessingException(
                    self.tr(
                        "Layer '{layer}' has no field of the chosen indicators for the base year {year} "
                        "('<id>_{year}'); its years are {years}. Choose one of them or leave the base year empty."
                    ).format(layer=source.sourceName(), year=base_year, years=", ".join(map(str, have)) or "-")
                )
        frame, geoms_by_fid = self.layer_frame(source, needed, feedback, (0, 30), with_geometry=True)
        keys = frame[key_field].map(lambda v: None if v is None else str(v))
        if keys.isna().any():
            raise QgsProcessingException(
                self.tr("Some features have no key in field '{}'. Give every social space a key.").format(key_field)
            )
        geoms = {k: geoms_by_fid[fid] for k, fid in zip(keys, frame.index)}
        data = frame.drop(columns=[c for c in (key_field, name_field) if c]).copy()
        data.index = pd.Index(keys.to_numpy(), name="key")
        label = dict(zip(keys, frame[name_field].map(lambda v: "" if v is None else str(v)))) if name_field else {}
        parts = []
        for year, inds in sorted(groups.items()):
            self.check_canceled(feedback)
            parts.append(sw.assess(data, inds, year, first_year=base_year, rule=rule, catalogue=catalogue))
        long = pd.concat(parts, ignore_index=True)
        long.insert(1, "name", long["key"].map(lambda k: label.get(k, "") or k))
        feedback.setProgress(55)
        return long, sw.summaries(long), geoms, list(keys)
