"""Rule-based action-field typology: which social spaces need action in which field.

Rules are data (YAML in resources/rules/), so a county can edit thresholds without code. A rule set has
fields (action fields), each with conditions like 'sgb2_quote > 1.2 x county' and 'at least 2 of 3'.
Reference values (county, own municipality) come, in this order, from values given by the caller, from
reference columns on the layer (``<id>_ref_county``/``<id>_ref_mun``, written by the aggregation), from
the denominator-weighted mean of the rates (= the pooled rate, when ``<id>_den`` exists), from a
weights field (e.g. residents), or from the plain mean. Formulas: docs/indices.md.
"""

from __future__ import annotations

import copy
import datetime as _dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import pandas as pd

from .errors import InputError
from .i18n import tr

if TYPE_CHECKING:
    from .catalogue import Catalogue

RULES_DIR = Path(__file__).resolve().parents[1] / "resources" / "rules"
OPS: dict[str, np.ufunc] = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal}
KINDS = ("factor", "offset", "value", "quantile")
REFERENCES = ("county", "municipality")


def list_rule_sets() -> list[str]:
    """Names of the rule sets shipped in resources/rules (file stems)."""
    return sorted(p.stem for p in RULES_DIR.glob("*.yaml"))


def action_field_label(fid: str, catalogue: Catalogue | None = None) -> str:
    """The words for an action field id of a typology layer (``hf_<id>``): the catalogue's label, else the name
    the shipped rule sets give it (e.g. 'alter' -> 'Alterung bei geringer Dichte und Altersarmut'), else the id."""
    labels = dict(getattr(catalogue, "action_fields", None) or {})
    if fid in labels:
        return labels[fid]
    import yaml

    for path in sorted(RULES_DIR.glob("*.yaml")):
        try:
            rules = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        except (OSError, yaml.YAMLError):
            continue
        for f in rules.get("fields") or []:
            if isinstance(f, dict) and f.get("id") == fid and f.get("name"):
                return str(f["name"])
    return fid


def load_rules(source: str | Path | dict[str, Any]) -> dict[str, Any]:
    """Read and validate a rule set from a path, a shipped name (e.g. 'staedteregion_aachen') or a dict."""
    if isinstance(source, dict):
        rules = copy.deepcopy(source)
        origin = "rules"
    else:
        import yaml

        from .catalogue import safe_yaml_load, yaml_error

        path = Path(source)
        if not path.exists():
            path = RULES_DIR / f"{source}.yaml"
        if not path.exists():
            raise InputError(
                tr(
                    "Rule set '{source}' not found (neither a file nor one of {names}).",
                    source=source,
                    names=", ".join(list_rule_sets()),
                ),
                source=str(source),
            )
        text = path.read_text(encoding="utf-8")
        try:
            rules = safe_yaml_load(text)
        except yaml.YAMLError as exc:
            where, problem, line = yaml_error(exc, text)
            raise InputError(
                tr("Rule file {path}{where} is not valid YAML: {problem}.", path=path, where=where, problem=problem),
                source=str(path),
                row=line,
            ) from None
        origin = str(path)
    validate_rules(rules, origin)
    return rules


def validate_rules(rules: object, origin: str = "rules") -> bool:
    """Raise InputError naming the field and condition when a rule set is malformed."""
    if not isinstance(rules, dict) or not isinstance(rules.get("fields"), list) or not rules["fields"]:
        raise InputError(tr("{origin}: a rule set needs a non-empty list 'fields'.", origin=origin), source=origin)
    default_ref = rules.get("reference", "county")
    if default_ref not in REFERENCES:
        raise InputError(
            tr(
                "{origin}: reference '{reference}' unknown (use county or municipality).",
                origin=origin,
                reference=default_ref,
            )
        )
    ids = set()
    for i, f in enumerate(rules["fields"], 1):
        fid = f.get("id") if isinstance(f, dict) else None
        if not fid:
            raise InputError(tr("{origin}: field no. {i} has no 'id'.", origin=origin, i=i), source=origin)
        if fid in ids:
            raise InputError(tr("{origin}: field id '{id}' is used twice.", origin=origin, id=fid), source=origin)
        ids.add(fid)
        conds = f.get("conditions")
        if not isinstance(conds, list) or not conds:
            raise InputError(tr("{origin}: field '{id}' has no conditions.", origin=origin, id=fid), source=origin)
        n_min = f.get("min_conditions", len(conds))
        if not isinstance(n_min, int) or not 1 <= n_min <= len(conds):
            raise InputError(
                tr(
                    "{origin}: field '{id}': min_conditions must be 1..{n}, got {got}.",
                    origin=origin,
                    id=fid,
                    n=len(conds),
                    got=n_min,
                )
            )
        for j, c in enumerate(conds, 1):
            where = tr("{origin}: field '{id}', condition {j}", origin=origin, id=fid, j=j)
            if not isinstance(c, dict) or not c.get("indicator"):
                raise InputError(tr("{where}: no 'indicator'.", where=where))
            if c.get("op") not in OPS:
                raise InputError(tr("{where}: op '{op}' unknown (use >, >=, <, <=).", where=where, op=c.get("op")))
            kinds = [k for k in KINDS if k in c]
            if len(kinds) != 1:
                raise InputError(tr("{where}: give exactly one of {kinds}.", where=where, kinds=", ".join(KINDS)))
            if not isinstance(c[kinds[0]], (int, float)):
                raise InputError(tr("{where}: '{kind}' must be a number.", where=where, kind=kinds[0]))
            if kinds[0] == "quantile" and not 0 < c["quantile"] < 1:
                raise InputError(tr("{where}: quantile must be between 0 and 1.", where=where))
            if c.get("of", default_ref) not in REFERENCES:
                raise InputError(tr("{where}: 'of' must be county or municipality.", where=where))
    return True


def condition_text(c: Mapping[str, Any], default_ref: str = "county") -> str:
    """Readable form, e.g. 'sgb2_quote > 1.2 x county'."""
    of = c.get("of", default_ref)
    if "factor" in c:
        rhs = f"{c['factor']:g} x {of}"
    elif "offset" in c:
        rhs = f"{of} {'+' if c['offset'] >= 0 else '-'} {abs(c['offset']):g}"
    elif "quantile" in c:
        rhs = f"{c['quantile']:g} quantile of {of}"
    else:
        rhs = f"{c['value']:g}"
    return f"{c['indicator']} {c['op']} {rhs}"


@dataclass
class TypologyResult:
    frame: pd.DataFrame
    summary: list
    summary_text: str
    record: dict
    warnings: list = field(default_factory=list)


def _resolve(data, indicator, year, field_map):
    if field_map and indicator in field_map:
        return field_map[indicator]
    if year is not None and f"{indicator}_{year}" in data.columns:
        return f"{indicator}_{year}"
    if indicator in data.columns:
        return indicator
    return None


def _companion(data, indicator, year, suffix):
    for name in ([f"{indicator}_{suffix}_{year}", f"{indicator}_{year}_{suffix}"] if year is not None else []) + [
        f"{indicator}_{suffix}"
    ]:
        if name in data.columns:
            return name
    return None


def _wmean(v, w):
    ok = v.notna() & w.notna() & (w > 0)
    return float((v[ok] * w[ok]).sum() / w[ok].sum()) if w[ok].sum() > 0 else float("nan")


def evaluate_typology(
    data: pd.DataFrame,
    rules: str | Path | dict[str, Any],
    *,
    year: int | None = None,
    municipality_field: str | None = None,
    county_values: Mapping[str, float] | None = None,
    weights_field: str | None = None,
    field_map: Mapping[str, str] | None = None,
    key: str | None = None,
    skip_missing: bool = False,
    language: str = "de",
) -> TypologyResult:
    """Flag per action field and unit, number of fields, and a summary per field.

    Output columns: ``hf_<field id>`` (1/0), ``hf_<field id>_n`` (conditions met), ``hf_count`` (fields
    with need), ``hf_fields`` (names, '; '-separated), ``hf_incomplete`` (fields whose result could change
    with the missing values). A missing indicator value counts as 'not met'.
    """
    rules = load_rules(rules)
    default_ref = rules.get("reference", "county")
    county_values = dict(county_values or {})
    warnings = []
    mun = None
    if municipality_field:
        if municipality_field not in data.columns:
            raise InputError(
                tr("Municipality field '{field}' not found.", field=municipality_field), column=municipality_field
            )
        mun = data[municipality_field].astype(str)
    w_all = None
    if weights_field:
        if weights_field not in data.columns:
            raise InputError(tr("Weights field '{field}' not found.", field=weights_field), column=weights_field)
        w_all = pd.to_numeric(data[weights_field], errors="coerce")

    # resolve all fields first, so a missing indicator is reported once with every name
    missing: list[str] = []
    users: dict[str, None] = {}  # field ids in order
    for f in rules["fields"]:
        for c in f["conditions"]:
            if _resolve(data, c["indicator"], year, field_map) is None:
                missing.append(c["indicator"])
                users.setdefault(f["id"], None)
    missing = sorted(set(missing))
    if missing and not skip_missing:
        rs = rules.get("name") or rules.get("id")
        values = dict(indicators=", ".join(missing), fields=", ".join(users), year=year, rules=rs)
        if year is not None and rs:
            text = tr(
                "The layer has no field for indicator(s) {indicators} (or '<id>_{year}'), used by rule set "
                "'{rules}' (action field(s) {fields}). Map them to fields, correct the indicator id in the rule "
                "set, or allow skipping conditions without data.",
                **values,
            )
        elif year is not None:
            text = tr(
                "The layer has no field for indicator(s) {indicators} (or '<id>_{year}'), used by the rule set "
                "(action field(s) {fields}). Map them to fields, correct the indicator id in the rule set, or allow "
                "skipping conditions without data.",
                **values,
            )
        elif rs:
            text = tr(
                "The layer has no field for indicator(s) {indicators}, used by rule set '{rules}' (action field(s) "
                "{fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping "
                "conditions without data.",
                **values,
            )
        else:
            text = tr(
                "The layer has no field for indicator(s) {indicators}, used by the rule set (action field(s) "
                "{fields}). Map them to fields, correct the indicator id in the rule set, or allow skipping "
                "conditions without data.",
                **values,
            )
        raise InputError(text)

    def reference(ind, fld, of):
        v = pd.to_numeric(data[fld], errors="coerce")
        if of == "county":
            if ind in county_values:
                return pd.Series(float(county_values[ind]), index=data.index), "given"
            col = _companion(data, ind, year, "ref_county")
            if col:
                return pd.to_numeric(data[col], errors="coerce"), f"field {col}"
            den = _companion(data, ind, year, "den")
            if den:
                return pd.Series(
                    _wmean(v, pd.to_numeric(data[den], errors="coerce")), index=data.index
                ), f"pooled rate (weights {den})"
            if w_all is not None:
                return pd.Series(_wmean(v, w_all), index=data.index), f"mean weighted by {weights_field}"
            return pd.Series(float(v.mean()), index=data.index), "mean of the units"
        if mun is None:
            raise InputError(
                tr(
                    "Indicator '{indicator}' is compared with the municipality but no municipality field is given.",
                    indicator=ind,
                )
            )
        col = _companion(data, ind, year, "ref_mun")
        if col:
            return pd.to_numeric(data[col], errors="coerce"), f"field {col}"
        den = _companion(data, ind, year, "den")
        wts = pd.to_numeric(data[den], errors="coerce") if den else w_all
        if wts is not None:
            ok = v.notna() & wts.notna()
            num = (v * wts).where(ok).groupby(mun).transform("sum")
            dd = wts.where(ok).groupby(mun).transform("sum")
            return num / dd.replace(0, np.nan), f"pooled per municipality (weights {den or weights_field})"
        return v.groupby(mun).transform("mean"), "mean of the units per municipality"

    out = pd.DataFrame(index=data.index)
    if key is not None:
        out[key] = data[key].astype(str)
    names = {}
    used_refs = {}
    incomplete = pd.Series("", index=data.index, dtype=object)
    for f in rules["fields"]:
        fid, conds = f["id"], f["conditions"]
        names[fid] = f.get("name", fid)
        n_min = f.get("min_conditions", len(conds))
        met = np.zeros(len(data), dtype=int)
        unknown = np.zeros(len(data), dtype=int)
        n_used = 0
        for c in conds:
            fld = _resolve(data, c["indicator"], year, field_map)
            if fld is None:
                warnings.append(
                    tr(
                        "Field '{id}': condition '{condition}' skipped (no data).",
                        id=fid,
                        condition=condition_text(c, default_ref),
                    )
                )
                continue
            n_used += 1
            v = pd.to_numeric(data[fld], errors="coerce")
            of = c.get("of", default_ref)
            if "value" in c:
                thr, how = pd.Series(float(c["value"]), index=data.index), "absolute"
            elif "quantile" in c:
                if of == "county":
                    thr = pd.Series(float(v.quantile(c["quantile"])), index=data.index)
                else:
                    if mun is None:
                        raise InputError(
                            tr("Field '{id}': a municipality quantile needs a municipality field.", id=fid)
                        )
                    thr = v.groupby(mun).transform(lambda s: s.quantile(c["quantile"]))
                how = f"quantile of {of}"
            else:
                ref, how = reference(c["indicator"], fld, of)
                thr = ref * float(c["factor"]) if "factor" in c else ref + float(c["offset"])
            used_refs[f"{fid}: {condition_text(c, default_ref)}"] = how
            ok = OPS[c["op"]](v.to_numpy(dtype=float), thr.to_numpy(dtype=float))
            isna = v.isna().to_numpy() | thr.isna().to_numpy()
            met += (ok & ~isna).astype(int)
            unknown += isna.astype(int)
        need_min = min(n_min, n_used) if skip_missing else n_min
        flag = met >= need_min if n_used else np.zeros(len(data), dtype=bool)
        undecided = (~flag) & (met + unknown >= need_min)
        out[f"hf_{fid}"] = flag.astype(int)
        out[f"hf_{fid}_n"] = met
        incomplete[undecided] = incomplete[undecided].map(lambda s, n=fid: f"{s}; {n}" if s else n)
    flags = out[[f"hf_{f['id']}" for f in rules["fields"]]]
    out["hf_count"] = flags.sum(axis=1).astype(int)
    out["hf_fields"] = flags.apply(
        lambda r: "; ".join(names[c[3:]] for c in flags.columns if r[c] == 1), axis=1
    ).astype(object)
    out["hf_incomplete"] = incomplete

    # summary per field ---------------------------------------------------------------------------
    m_total = len(data)
    j_total = int(mun.nunique()) if mun is not None else None
    summary, lines = [], []
    for f in rules["fields"]:
        fid = f["id"]
        hit = out[f"hf_{fid}"] == 1
        n = int(hit.sum())
        k = int(mun[hit].nunique()) if mun is not None else None
        summary.append(
            {
                "field": fid,
                "name": names[fid],
                "units": n,
                "of_units": m_total,
                "municipalities": k,
                "of_municipalities": j_total,
            }
        )
        if language == "de":
            txt = f"{names[fid]}: {n} von {m_total} Sozialräumen mit Handlungsbedarf"
            if mun is not None:
                txt += f"; in {k} von {j_total} Gemeinden"
        else:
            txt = f"{names[fid]}: {n} of {m_total} social spaces with need"
            if mun is not None:
                txt += f"; in {k} of {j_total} municipalities"
        lines.append(txt)
    record = {
        "schema": "sozialplanung.typology/1",
        "rule_set": rules.get("id"),
        "rules": rules,
        "params": {
            "year": year,
            "municipality_field": municipality_field,
            "county_values": county_values,
            "weights_field": weights_field,
            "field_map": field_map,
            "key": key,
            "skip_missing": skip_missing,
            "language": language,
        },
        "references_used": used_refs,
        "summary": summary,
        "created": _dt.datetime.now(_dt.UTC).isoformat(timespec="seconds"),
    }
    try:
        from .index import plugin_version

        record["plugin_version"] = plugin_version()
    except Exception:  # pragma: no cover
        record["plugin_version"] = "unknown"
    return TypologyResult(out, summary, "\n".join(lines), record, warnings)


def rerun_typology(record: Mapping[str, Any], data: pd.DataFrame) -> TypologyResult:
    """Repeat a typology from its record on ``data``."""
    if record.get("schema") != "sozialplanung.typology/1":
        raise InputError(tr("This is not a Sozialplanung typology record."))
    return evaluate_typology(data, record["rules"], **record["params"])
