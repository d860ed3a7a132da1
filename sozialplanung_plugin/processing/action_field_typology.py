"""Rule-based action-field typology: which social spaces need action in which field (rules as YAML data).

Thin glue over core.typology: layer -> frame, rule set (shipped or file) -> flags per action field, number of
fields, summary text and a report table; method record in metadata and a JSON sidecar.
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
)

from ..compat import ProcessingFieldParameterDataType, ProcessingNumberParameterType, ProcessingSourceType
from ..core.secrets import redact_value
from . import _checks as ck
from . import _indices as ix
from . import _params as P
from .base import SozialplanungAlgorithm, layer_label, make_field

LANGUAGES = ["de", "en"]


def shipped_rule_sets():
    from pathlib import Path

    rules = Path(__file__).resolve().parents[1] / "resources" / "rules"
    return sorted(p.stem for p in rules.glob("*.yaml"))


class ActionFieldTypology(SozialplanungAlgorithm):
    ALG_ID = "actionfieldtypology"
    GROUP = "indices"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    RULE_SET = "RULE_SET"
    RULES_FILE = "RULES_FILE"
    YEAR = "YEAR"
    FIELD_MAP = "FIELD_MAP"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    WEIGHTS_FIELD = "WEIGHTS_FIELD"
    SKIP_MISSING = "SKIP_MISSING"
    LANGUAGE = "LANGUAGE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    METHOD_FILE = "METHOD_FILE"

    def displayName(self):
        return self.tr("Action-field typology (need per action field)")

    def initAlgorithm(self, config=None):
        self._rule_sets = shipped_rule_sets()
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.INPUT, self.tr("Social spaces with indicators"), [ProcessingSourceType.Vector]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Unit key field"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.RULE_SET, self.tr("Shipped rule set"), self._rule_sets, defaultValue=0)
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.RULES_FILE,
                self.tr("Own rule file (YAML; replaces the shipped rule set)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year of the indicator fields"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1900,
                maxValue=2100,
            )
        )
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.FIELD_MAP,
                self.tr("Fields for indicators named otherwise"),
                headers=[self.tr("Indicator id"), self.tr("Field")],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MUNICIPALITY_FIELD,
                self.tr("Municipality field"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality = first N characters of that field (0 = all)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            )
        )
        self.addParameter(
            P.indicator_fields(
                QgsProcessingParameterField(
                    self.WEIGHTS_FIELD,
                    self.tr("Weights for reference values (e.g. residents)"),
                    parentLayerParameterName=self.INPUT,
                    type=ProcessingFieldParameterDataType.Numeric,
                    optional=True,
                ),
                absolute=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SKIP_MISSING, self.tr("Skip conditions whose indicator is not on the layer"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LANGUAGE, self.tr("Language of the summary"), ["Deutsch", "English"], defaultValue=0
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Action-field typology"), ProcessingSourceType.VectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT,
                self.tr("Summary per action field"),
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
                self.RULES_FILE,
                self.FIELD_MAP,
                self.MUNICIPALITY_CHARS,
                self.WEIGHTS_FIELD,
                self.SKIP_MISSING,
                self.LANGUAGE,
                self.METHOD_FILE,
            ],
            helps={
                self.YEAR: self.tr("Indicator fields are looked up as <indicator>_<year>; empty: named like the id."),
                self.FIELD_MAP: self.tr("For a rule's indicator whose field has another name on the layer."),
            },
        )
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))
        self.addOutput(QgsProcessingOutputNumber("N_UNITS", self.tr("Units")))
        self.addOutput(QgsProcessingOutputNumber("N_WITH_NEED", self.tr("Units with need in at least one field")))
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Method record (JSON)")))
        self.addOutput(QgsProcessingOutputString("SIDECAR", self.tr("Method record file")))
        self.addOutput(QgsProcessingOutputString("STYLE", self.tr("Style file (.qml)")))

    def compute(self, parameters, context, feedback):
        import json

        from ..core import typology as ty

        source = self.require_layer(self.parameterAsSource(parameters, self.INPUT, context), self.INPUT)
        key = self.parameterAsString(parameters, self.KEY_FIELD, context) or None
        mun_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or None
        mun_chars = self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context)
        weights_field = self.parameterAsString(parameters, self.WEIGHTS_FIELD, context) or None
        rules_file = self.parameterAsFile(parameters, self.RULES_FILE, context)
        sets = shipped_rule_sets()
        if rules_file:
            rules_src = rules_file
        else:
            i = self.parameterAsEnum(parameters, self.RULE_SET, context)
            if not sets or i >= len(sets):
                raise QgsProcessingException(self.tr("No shipped rule set with number {}; give a rule file.").format(i))
            rules_src = sets[i]
        year = None if parameters.get(self.YEAR) in (None, "") else self.parameterAsInt(parameters, self.YEAR, context)
        field_map = ix.parse_pairs(
            P.pairs_text(self, parameters, self.FIELD_MAP, context, self.tr("Field map")), "Field map"
        )
        skip = self.parameterAsBool(parameters, self.SKIP_MISSING, context)
        language = LANGUAGES[self.parameterAsEnum(parameters, self.LANGUAGE, context)]
        self.require_fields(source, [key, mun_field, weights_field] + list(field_map.values()), self.tr("field map"))
        self.require_features(source)
        rules = ty.load_rules(rules_src)

        # all fields the rules could use: the indicator, its year field and the reference companions
        names = source.fields().names()
        inds = {c["indicator"] for f in rules["fields"] for c in f["conditions"]}
        needed = [n for n in (key, mun_field, weights_field) if n] + list(field_map.values())
        for ind in inds:
            for cand in _candidates(ind, year):
                if cand in names:
                    needed.append(cand)
        needed = list(dict.fromkeys(needed))
        rows = ix.LayerRows(self, source, needed, feedback, (0, 40))
        if key:
            ck.require_unique_keys(rows.frame[key], key, layer_label(source))
        data = rows.frame
        mun = ix.municipality_series(data, mun_field, mun_chars)
        if mun is not None:
            data["__mun"] = mun
        self.check_canceled(feedback)
        feedback.setProgressText(self.tr("Evaluating the rules"))
        res = ty.evaluate_typology(
            data,
            rules,
            year=year,
            municipality_field="__mun" if mun is not None else None,
            weights_field=weights_field,
            field_map=field_map or None,
            key=None,
            skip_missing=skip,
            language=language,
        )
        feedback.setProgress(60)
        for w in res.warnings:
            feedback.pushWarning(w)
        out = res.frame
        record = dict(res.record)
        record["params"] = dict(record["params"], municipality_field=mun_field, municipality_chars=mun_chars)
        record["title"] = self.tr("Action-field typology ({})").format(rules.get("id") or rules_src)
        record["algorithm"] = {
            "id": f"sozialplanung:{self.ALG_ID}",
            "rule_source": str(rules_src),
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
        record["summary_text"] = res.summary_text

        m = len(rules["fields"])
        aliases = {f"hf_{f['id']}": f.get("name", f["id"]) for f in rules["fields"]}
        aliases.update(
            {
                "hf_count": self.tr("Action fields with need"),
                "hf_fields": self.tr("Fields with need"),
                "hf_incomplete": self.tr("Fields undecided (missing values)"),
            }
        )
        out_fields, keep, replaced = rows.output_fields(out, aliases)
        for r in replaced:
            feedback.pushWarning(
                self.tr("Input field '{}' is replaced by the result field of the same name.").format(r)
            )
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, out_fields, rows.wkb_type, rows.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        rows.write(self, sink, out_fields, keep, out, feedback, (60, 95))
        del sink
        results = {self.OUTPUT: dest}
        rfields = QgsFields()
        for name, kind in (
            ("field", "string"),
            ("name", "string"),
            ("units", "int"),
            ("of_units", "int"),
            ("municipalities", "int"),
            ("of_municipalities", "int"),
            ("text", "string"),
        ):
            rfields.append(make_field(name, kind))
        rsink, rdest = self.parameterAsSink(parameters, self.REPORT, context, rfields)
        if rsink is not None:
            lines = res.summary_text.splitlines()
            for s, text in zip(res.summary, lines):
                feat = QgsFeature(rfields)
                feat.setAttributes(
                    [
                        s["field"],
                        s["name"],
                        s["units"],
                        s["of_units"],
                        s["municipalities"],
                        s["of_municipalities"],
                        text,
                    ]
                )
                rsink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            del rsink
            results[self.REPORT] = rdest
        style = {
            "field": "hf_count",
            "classes": list(range(0, m + 1)),
            "labels": {c: self.tr("{} of {} action fields").format(c, m) for c in range(0, m + 1)},
        }
        sidecar_param = (
            self.parameterAsFileOutput(parameters, self.METHOD_FILE, context)
            if parameters.get(self.METHOD_FILE)
            else None
        )
        sidecar, qml = ix.finish_output(self, context, feedback, dest, style, record, sidecar_param, aliases)
        for line in res.summary_text.splitlines():
            feedback.pushInfo(line)
        feedback.setProgress(100)
        results.update(
            {
                "SUMMARY": res.summary_text,
                "N_UNITS": len(out),
                "N_WITH_NEED": int((out["hf_count"] > 0).sum()),
                "METHOD": json.dumps(record, ensure_ascii=False, default=str),
                "SIDECAR": sidecar,
                "STYLE": qml,
            }
        )
        return results


def _candidates(ind, year):
    out = [ind]
    for suffix in ("ref_county", "ref_mun", "den"):
        if year is not None:
            out += [f"{ind}_{suffix}_{year}", f"{ind}_{year}_{suffix}"]
        out.append(f"{ind}_{suffix}")
    if year is not None:
        out.append(f"{ind}_{year}")
    return out


def _label(source):
    from .base import layer_label

    return layer_label(source)
