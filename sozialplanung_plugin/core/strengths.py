"""Strengths–weaknesses analysis (Stärken-Schwächen-Analyse) per social space and indicator.

The councils' second step after the Bestandsaufnahme: for every space and indicator, where it stands among all
spaces (percentile, z), how far it lies from the county and from its own municipality, how many cases stand
behind the rate, whether that deviation is notable, and whether it is a strength or a weakness by the catalogue's
polarity. The rule is data, not code (``Rule``); its defaults:

- notable: beyond ``sd`` = 1 standard deviation of the spaces (|z| > 1) OR outside the 20/80 percentiles
  (percentile < 20 or > 80; both strict, a value exactly on the boundary is not notable);
- AND reliable: the denominator reaches the catalogue's ``min_denominator`` (and the rule's own floor), the cell
  is not flagged unreliable, incomplete (a lower bound) or suppressed;
- AND, for shares with a count denominator, the deviation from the county is beyond the binomial sampling noise
  of that denominator (two-sided, ``alpha`` = 0.05): a rate from a small denominator never makes a space weak
  on its own.

Suppressed cells are never judged and never carry a number in the output (value, count, percentile, z, change
all empty). The reference distribution (mean, SD, percentiles) is made of the reliable, unsuppressed values.
Texts are German with German number formats, e.g. "Kinderarmut 21,3 % — deutlich über dem Kreis (12,0 %) und
der Gemeinde (15,7 %); 212 Kinder; seit 2014 +2,1 %-Pkt.".

No QGIS here; input is the wide layout of ``aggregateindicators`` (see docs/architecture.md).
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .errors import InputError
from .fields import FLAG_SUPPRESSED as SUPPRESSED
from .fields import decimals_for, fmt_de, unit_text
from .i18n import tr

if TYPE_CHECKING:
    from .catalogue import Catalogue, Indicator

STRENGTH, WEAKNESS, FEATURE = "strength", "weakness", "notable"
HIGH, LOW = "high", "low"
#: why a cell is (not) judged; the German words are the table's ``status_text``
STATUS_TEXT = {
    "notable": "auffällig",
    "not_notable": "unauffällig",
    "not_significant": "Abweichung im Rahmen der Zufallsschwankung (kleine Bezugsgröße)",
    "unreliable": "nicht beurteilt: Bezugsgröße zu klein",
    "incomplete": "nicht beurteilt: Summe unvollständig (Untergrenze)",
    "suppressed": "nicht beurteilt: gesperrt (Geheimhaltung)",
    "missing": "keine Angabe",
}
JUDGEMENT_TEXT = {STRENGTH: "Stärke", WEAKNESS: "Schwäche", FEATURE: "Besonderheit", "": ""}
#: plural nouns for the count behind a rate, by numerator variable (fallback: by the variable's unit)
COUNT_NOUNS = {
    "sgb2_lb": "Leistungsberechtigte",
    "sgb2_u15": "Kinder",
    "sgb2_elb_15_25": "Jugendliche",
    "bg_alleinerz": "Bedarfsgemeinschaften",
    "gs_65plus": "Empfänger/innen",
    "gs_65plus_ae": "Empfänger/innen",
    "gs_alter": "Empfänger/innen",
    "asylblg": "Leistungsberechtigte",
    "alo": "Arbeitslose",
    "alo_u25": "Arbeitslose unter 25",
    "alo_lz": "Langzeitarbeitslose",
    "svb_wo": "Beschäftigte",
    "ew": "Einwohner/innen",
    "ew_u18": "Kinder und Jugendliche",
    "ew_65plus": "Personen ab 65",
    "ew_80plus": "Personen ab 80",
    "auslaender": "Ausländer/innen",
    "ew_migration": "Personen",
    "hh_alleinerz": "Haushalte",
    "wohngeld_hh": "Haushalte",
    "hze": "Hilfen",
    "abgaenger_ohne": "Schulabgänger/innen",
    "uebergaenge_gym": "Übergänge",
    "esu_sprachfoerder": "Kinder",
    "esu_uebergewicht": "Kinder",
    "waehler": "Wähler/innen",
    "straftaten": "Straftaten",
    "pflegebeduerftige": "Pflegebedürftige",
}
UNIT_NOUNS = {"persons": "Personen", "households": "Haushalte", "cases": "Fälle"}
SHARE_UNITS = {"%", "‰", "per 100", "per 1,000", "per 10,000", "per 100,000"}


@dataclass
class Rule:
    """When a deviation is notable. Every threshold is strict ('beyond', 'outside')."""

    sd: float | None = 1.0  # |z| > sd (None: not used)
    low_percentile: float | None = 20.0  # percentile < low (None: not used)
    high_percentile: float | None = 80.0  # percentile > high
    min_denominator: float = 0.0  # on top of the indicator's own min_denominator
    alpha: float | None = 0.05  # binomial check of the deviation from the county (None: off)
    judge_incomplete: bool = False  # judge sums flagged 'incomplete' (lower bounds) too
    ddof: int = 0  # SD of the spaces: 0 population (as the composite index), 1 sample
    near: float = 0.25  # |value - reference| < near x SD: 'auf dem Niveau'
    clear: float = 1.0  # |value - reference| >= clear x SD: 'deutlich über/unter'

    def __post_init__(self):
        for name in ("sd", "low_percentile", "high_percentile", "alpha"):
            v = getattr(self, name)
            if v is not None and (not isinstance(v, (int, float)) or math.isnan(v) or v < 0):
                raise InputError(
                    tr(
                        "Strengths–weaknesses rule: '{name}' must be a number >= 0 or empty, not {value!r}.",
                        name=name,
                        value=v,
                    )
                )
        if self.sd is None and self.low_percentile is None and self.high_percentile is None:
            raise InputError(tr("Strengths–weaknesses rule: give an SD limit or percentile limits (all are empty)."))
        lo, hi = self.low_percentile, self.high_percentile
        if lo is not None and hi is not None and not lo < hi:
            raise InputError(
                tr(
                    "Strengths–weaknesses rule: the low percentile ({low}) must be below the high ({high}).",
                    low=lo,
                    high=hi,
                )
            )
        if hi is not None and hi > 100:
            raise InputError(tr("Strengths–weaknesses rule: percentiles lie between 0 and 100, not {value}.", value=hi))
        if self.alpha is not None and not 0 < self.alpha < 1:
            raise InputError(
                tr("Strengths–weaknesses rule: alpha must lie between 0 and 1, not {alpha}.", alpha=self.alpha)
            )
        if not 0 <= self.near <= self.clear:
            raise InputError(tr("Strengths–weaknesses rule: 'near' must be between 0 and 'clear'."))

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    def short_de(self) -> str:
        """One line for a sheet's footer."""
        parts = []
        if self.sd is not None:
            parts.append(f"jenseits von {fmt_de(self.sd, 1)} Standardabweichungen")
        if self.low_percentile is not None and self.high_percentile is not None:
            parts.append(
                f"außerhalb des {fmt_de(self.low_percentile, 0)}.–{fmt_de(self.high_percentile, 0)}. Perzentils"
            )
        return (
            "Auffällig: "
            + " oder ".join(parts)
            + " der Sozialräume, bei verlässlicher Bezugsgröße"
            + (" und jenseits der Zufallsschwankung" if self.alpha is not None else "")
            + "; gesperrte Werte werden nie beurteilt."
        )

    def describe_de(self) -> str:
        """The rule in plain German words (for the report's method record)."""
        parts = []
        if self.sd is not None:
            parts.append(f"mehr als {fmt_de(self.sd, 1)} Standardabweichungen vom Mittel der Sozialräume entfernt")
        if self.low_percentile is not None or self.high_percentile is not None:
            lo = fmt_de(self.low_percentile, 0) if self.low_percentile is not None else None
            hi = fmt_de(self.high_percentile, 0) if self.high_percentile is not None else None
            if lo and hi:
                parts.append(f"unter dem {lo}. oder über dem {hi}. Perzentil")
            elif lo:
                parts.append(f"unter dem {lo}. Perzentil")
            else:
                parts.append(f"über dem {hi}. Perzentil")
        text = "Ein Wert gilt als auffällig, wenn er " + " oder ".join(parts) + " liegt"
        text += (
            " und verlässlich ist: die Bezugsgröße erreicht die Mindestgröße des Katalogs"
            + (f" (mindestens {fmt_de(self.min_denominator, 0)})" if self.min_denominator else "")
            + ", der Wert ist weder gesperrt noch als eingeschränkt aussagekräftig markiert"
            + ("" if self.judge_incomplete else " noch eine unvollständige Summe")
        )
        if self.alpha is not None:
            text += (
                f", und bei Anteilen liegt die Abweichung vom Kreiswert außerhalb der zufälligen Schwankung, "
                f"die bei dieser Bezugsgröße zu erwarten ist (Binomialtest, Irrtumswahrscheinlichkeit "
                f"{fmt_de(self.alpha * 100, 0)} %)"
            )
        text += (
            ". Über die Richtung entscheidet die Polarität der Kennzahl: ein ungünstiger Wert ist eine Schwäche, "
            "ein günstiger eine Stärke; Kennzahlen ohne Polarität (Kontext) erscheinen als Besonderheit. "
            "Gesperrte Werte werden nie beurteilt."
        )
        return text


# --------------------------------------------------------------------------------------------------------
# helpers
# --------------------------------------------------------------------------------------------------------
def percentiles(values: np.ndarray, reference: np.ndarray) -> np.ndarray:
    """Percentile rank of each value among the reference values: 100 x (below + half of the equal) / n.

    Values 1..5 among themselves: 10, 30, 50, 70, 90 (the mid-rank definition; symmetric, never 0 or 100).
    """
    ref = np.sort(np.asarray(reference, dtype=float))
    v = np.asarray(values, dtype=float)
    out = np.full(len(v), np.nan)
    if len(ref) == 0:
        return out
    ok = ~np.isnan(v)
    below = np.searchsorted(ref, v[ok], side="left")
    upto = np.searchsorted(ref, v[ok], side="right")
    out[ok] = 100.0 * (below + 0.5 * (upto - below)) / len(ref)
    return out


def text_label(indicator: Indicator) -> str:
    """The indicator's name in a sentence: its short name, unless that starts with a digit or a small letter ('65+',
    'unter 18'), which reads badly before a value; then the full name."""
    short = getattr(indicator, "short_name", "") or ""
    if short and not (short[0].isdigit() or short[0].islower()):
        return short
    return indicator.name


def count_noun(indicator: Indicator, catalogue: Catalogue | None = None) -> str:
    """Plural noun for the cases behind the rate ('Kinder'), '' when the numerator is not a plain count."""
    terms = indicator.numerator_terms() if hasattr(indicator, "numerator_terms") else []
    if len(terms) != 1 or terms[0][0] < 0:
        return ""
    var = terms[0][1]
    if var in COUNT_NOUNS:
        return COUNT_NOUNS[var]
    if catalogue is not None and var in getattr(catalogue, "variables", {}):
        return UNIT_NOUNS.get(catalogue.variables[var].unit, "")
    return ""


def is_share(indicator: Indicator) -> bool:
    """A share of a count denominator (the binomial check applies): %, ‰, per N over persons or households."""
    if getattr(indicator, "kind", "status") != "status" or not indicator.denominator:
        return False
    if getattr(indicator, "uses_area", False) or indicator.unit not in SHARE_UNITS:
        return False
    return all(sign > 0 for sign, _ in indicator.numerator_terms() + indicator.denominator_terms())


def _col(frame, name):
    """A field's numbers (text that is no number refused with the units that hold it); NaN when absent."""
    if name in frame.columns:
        from .index import indicator_column

        return indicator_column(frame, name).to_numpy(dtype=float)
    return np.full(len(frame), np.nan)


def _flags(frame, name):
    if name not in frame.columns:
        return np.full(len(frame), "", dtype=object)
    out = frame[name].astype(object).to_numpy()
    return np.array(["" if (f is None or (isinstance(f, float) and math.isnan(f))) else str(f) for f in out], object)


def _norm_ppf(q):
    from scipy.stats import norm

    return float(norm.ppf(q))


def years_of(frame: pd.DataFrame, indicator_id: str) -> list[int]:
    """Years for which the frame holds '<id>_<year>'."""
    out = []
    prefix = indicator_id + "_"
    for c in frame.columns:
        c = str(c)
        if c.startswith(prefix):
            tail = c[len(prefix) :]
            if len(tail) == 4 and tail.isdigit():
                out.append(int(tail))
    return sorted(out)


# --------------------------------------------------------------------------------------------------------
# the assessment
# --------------------------------------------------------------------------------------------------------
COLUMNS = [
    "key",
    "indicator",
    "label",
    "topic",
    "polarity",
    "year",
    "value",
    "flag",
    "num",
    "den",
    "count_noun",
    "percentile",
    "z",
    "rank",
    "n_ref",
    "mean",
    "sd",
    "ref_county",
    "dev_county",
    "ref_mun",
    "dev_mun",
    "first_year",
    "value_first",
    "change",
    "change_county",
    "trend",
    "reliable",
    "side",
    "notable",
    "judgement",
    "status",
    "text",
]


def assess(
    data: pd.DataFrame,
    indicators: Sequence,
    year: int,
    *,
    first_year: int | None = None,
    rule: Rule | None = None,
    county: Mapping[str, float] | None = None,
    catalogue: Catalogue | None = None,
) -> pd.DataFrame:
    """Judge every space (row of ``data``) on every indicator: one row per space and indicator.

    ``data``: wide frame indexed by space key with ``<id>_<year>``, ``<id>_num_<year>``, ``<id>_den_<year>``,
    ``<id>_flag_<year>`` and, when present, ``<id>_ref_county_<year>``/``<id>_ref_mun_<year>``.
    ``county``: indicator id -> county value, used where the frame has no county reference (else the rate
    of the summed counts of all spaces). ``first_year``: the trend's base (default: the first year the
    indicator has). Columns: see ``COLUMNS``; ``status`` says why a cell is or is not judged.
    """
    rule = rule or Rule()
    if data.index.has_duplicates:
        dup = data.index[data.index.duplicated()][0]
        raise InputError(
            tr(
                "Strengths–weaknesses: the space key {key!r} occurs more than once. Keys must be unique.",
                key=dup,
            )
        )
    keys = data.index.astype(str).to_numpy()
    n = len(keys)
    frames = []
    for ind in indicators:
        iid = ind.id
        if f"{iid}_{year}" not in data.columns:
            raise InputError(
                tr(
                    "Strengths–weaknesses: the layer has no field '{field}' (indicator '{indicator}', year {year}). "
                    "Run 'Aggregate indicators' for this year or choose another indicator or year.",
                    field=f"{iid}_{year}",
                    indicator=iid,
                    year=year,
                )
            )
        val = _col(data, f"{iid}_{year}")
        flag = _flags(data, f"{iid}_flag_{year}")
        num = _col(data, f"{iid}_num_{year}")
        den = _col(data, f"{iid}_den_{year}")
        supp = flag == SUPPRESSED
        val[supp] = np.nan
        num[supp] = np.nan
        den[supp] = np.nan
        missing = np.isnan(val) & ~supp
        min_den = max(float(getattr(ind, "min_denominator", 0) or 0), float(rule.min_denominator or 0))
        has_den = bool(ind.denominator) and not getattr(ind, "uses_area", False)
        small = has_den & (np.nan_to_num(den, nan=0.0) < min_den) if min_den > 0 else np.zeros(n, bool)
        unreliable = (flag == "unreliable") | (small & ~np.isnan(val))
        incomplete = (flag == "incomplete") & (not rule.judge_incomplete)
        usable = ~np.isnan(val) & ~unreliable & ~incomplete
        # the reference distribution: the usable values
        ref_vals = val[usable]
        n_ref = len(ref_vals)
        mean = float(ref_vals.mean()) if n_ref else np.nan
        sd = float(ref_vals.std(ddof=rule.ddof)) if n_ref > rule.ddof else np.nan
        pct = percentiles(val, ref_vals)
        with np.errstate(divide="ignore", invalid="ignore"):
            z = (val - mean) / sd if sd and sd > 0 else np.where(np.isnan(val), np.nan, 0.0)
        # references
        ref_c = _col(data, f"{iid}_ref_county_{year}")
        if np.isnan(ref_c).all():
            cval = (county or {}).get(iid)
            if cval is None and has_den and not np.isnan(num).all():
                ok = ~np.isnan(num) & ~np.isnan(den)
                tot_den = den[ok].sum()
                cval = num[ok].sum() / tot_den * float(ind.multiplier or 1) if tot_den > 0 else None
            ref_c = np.full(n, np.nan if cval is None else float(cval))
        ref_m = _col(data, f"{iid}_ref_mun_{year}")
        # side and notability by the distribution
        high = np.zeros(n, bool)
        low = np.zeros(n, bool)
        if rule.sd is not None and sd and sd > 0:
            high |= z > rule.sd
            low |= z < -rule.sd
        if rule.high_percentile is not None:
            high |= pct > rule.high_percentile
        if rule.low_percentile is not None:
            low |= pct < rule.low_percentile
        both = high & low  # only in degenerate distributions: the sign of z decides
        high[both] = z[both] > 0
        low[both] = z[both] < 0
        # binomial check of the deviation from the county for shares
        significant = np.ones(n, bool)
        if rule.alpha is not None and is_share(ind):
            mult = float(ind.multiplier or 1)
            p = ref_c / mult
            p_ok = ~np.isnan(p)
            with np.errstate(divide="ignore", invalid="ignore"):
                var = np.where(p < 1, p * (1 - p), p) / den
                se = np.sqrt(np.maximum(var, 0.0)) * mult
            zc = _norm_ppf(1 - rule.alpha / 2)
            dev = np.abs(val - ref_c)
            significant = ~p_ok | np.isnan(se) | (dev >= zc * se)
        side = np.where(high, HIGH, np.where(low, LOW, ""))
        distribution_notable = (high | low) & usable
        notable = distribution_notable & significant
        # judgement by polarity
        pol = getattr(ind, "polarity", "neutral")
        if pol == "higher_worse":
            judged = np.where(high, WEAKNESS, STRENGTH)
        elif pol == "higher_better":
            judged = np.where(high, STRENGTH, WEAKNESS)
        else:
            judged = np.full(n, FEATURE, dtype=object)
        judgement = np.where(notable, judged, "")
        status = np.full(n, "not_notable", dtype=object)
        status[notable] = "notable"
        status[distribution_notable & ~significant] = "not_significant"
        status[(flag == "incomplete") & incomplete & ~np.isnan(val)] = "incomplete"
        status[unreliable] = "unreliable"
        status[missing] = "missing"
        status[supp] = "suppressed"
        # ranks: 1 = most unfavourable (neutral: highest) among all spaces with a value
        order = -val if pol != "higher_better" else val
        rank = pd.Series(order).rank(method="min", na_option="keep").to_numpy()
        # trend since the first year
        years = years_of(data, iid)
        fy = first_year if first_year is not None else (years[0] if years else None)
        if fy is not None and fy != year and f"{iid}_{fy}" in data.columns:
            v0 = _col(data, f"{iid}_{fy}")
            f0 = _flags(data, f"{iid}_flag_{fy}")
            v0[f0 == SUPPRESSED] = np.nan
            change = val - v0
            c0 = _col(data, f"{iid}_ref_county_{fy}")
            change_county = ref_c - c0
        else:
            fy = None
            v0 = np.full(n, np.nan)
            f0 = np.full(n, "", dtype=object)
            change = np.full(n, np.nan)
            change_county = np.full(n, np.nan)
        tol = 0.5 * 10 ** (-decimals_for(ind.unit))  # below the printed precision: 'unverändert'
        trend = np.full(n, "", dtype=object)
        has_chg = ~np.isnan(change)
        up = has_chg & (change >= tol)
        down = has_chg & (change <= -tol)
        flat = has_chg & ~up & ~down
        if pol == "higher_worse":
            trend[up], trend[down] = "worse", "better"
        elif pol == "higher_better":
            trend[up], trend[down] = "better", "worse"
        else:
            trend[up], trend[down] = "up", "down"
        trend[flat] = "same"
        trend[(f0 == SUPPRESSED) | supp] = "suppressed"
        frame = pd.DataFrame(
            {
                "key": keys,
                "indicator": iid,
                "label": text_label(ind),
                "topic": getattr(ind, "topic", ""),
                "polarity": pol,
                "year": int(year),
                "value": val,
                "flag": flag,
                "num": num if has_den else np.full(n, np.nan),
                "den": den if has_den else np.full(n, np.nan),
                "count_noun": count_noun(ind, catalogue) if has_den else "",
                "percentile": pct,
                "z": z,
                "rank": rank,
                "n_ref": n_ref,
                "mean": mean,
                "sd": sd,
                "ref_county": ref_c,
                "dev_county": val - ref_c,
                "ref_mun": ref_m,
                "dev_mun": val - ref_m,
                "first_year": fy if fy is not None else np.nan,
                "value_first": v0,
                "change": change,
                "change_county": change_county,
                "trend": trend,
                "reliable": usable,
                "side": np.where(usable, side, ""),
                "notable": notable,
                "judgement": judgement,
                "status": status,
            }
        )
        frame["text"] = [
            describe(row, ind, rule) if row["status"] != "suppressed" else "" for row in frame.to_dict("records")
        ]
        frames.append(frame)
    if not frames:
        return pd.DataFrame(columns=COLUMNS)
    out = pd.concat(frames, ignore_index=True)[COLUMNS]
    # a suppressed cell carries no number anywhere
    supp = out["status"] == "suppressed"
    for c in ("value", "num", "den", "percentile", "z", "rank", "dev_county", "dev_mun", "change"):
        out.loc[supp, c] = np.nan
    out.loc[supp, "value_first"] = np.nan
    return out


# --------------------------------------------------------------------------------------------------------
# words
# --------------------------------------------------------------------------------------------------------
def compare_word(value: float | None, ref: float | None, sd: float | None, rule: Rule) -> str:
    """'deutlich über' | 'über' | 'auf dem Niveau' | 'unter' | 'deutlich unter' ('' without a reference)."""
    if value is None or ref is None or (isinstance(ref, float) and math.isnan(ref)) or math.isnan(value):
        return ""
    d = value - ref
    scale = sd if (sd is not None and not math.isnan(sd) and sd > 0) else abs(ref) or 1.0
    r = abs(d) / scale
    if r < rule.near:
        return "auf dem Niveau"
    word = "über" if d > 0 else "unter"
    return f"deutlich {word}" if r >= rule.clear else word


def _ref_phrase(word, what, ref_txt):
    """'über dem Kreis (12,0 %)', 'auf dem Niveau der Gemeinde (15,7 %)'."""
    article = {"Kreis": ("dem Kreis", "des Kreises"), "Gemeinde": ("der Gemeinde", "der Gemeinde")}[what]
    if word == "auf dem Niveau":
        return f"auf dem Niveau {article[1]} ({ref_txt})"
    return f"{word} {article[0]} ({ref_txt})"


def comparison_text(
    value: float | None,
    ref_county: float | None,
    ref_mun: float | None,
    sd: float | None,
    unit: str,
    decimals: int,
    rule: Rule,
) -> str:
    """'deutlich über dem Kreis (12,0 %) und der Gemeinde (15,7 %)' or the two comparisons separately."""
    parts = []
    for what, ref in (("Kreis", ref_county), ("Gemeinde", ref_mun)):
        w = compare_word(value, ref, sd, rule)
        if w:
            parts.append((w, what, fmt_de(ref, decimals, unit)))
    if not parts:
        return ""
    if len(parts) == 2 and parts[0][0] == parts[1][0]:
        w = parts[0][0]
        first = _ref_phrase(w, "Kreis", parts[0][2])
        return f"{first} und der Gemeinde ({parts[1][2]})"
    return ", ".join(_ref_phrase(*p) for p in parts)


def change_text(change: float | None, unit: str, decimals: int, first_year: int | float | None) -> str:
    """'seit 2014 +2,1 %-Pkt.' (percentage points for % indicators), '' without a change."""
    if change is None or math.isnan(change) or first_year is None or math.isnan(first_year):
        return ""
    u = "%-Pkt." if unit == "%" else unit_text(unit)
    sign = "+" if change > 0 and fmt_de(change, decimals).strip("0,") else ""
    txt = fmt_de(change, decimals, "")
    if txt in ("0", "0,0", "0,00"):
        return f"seit {int(first_year)} unverändert"
    return f"seit {int(first_year)} {sign}{txt}" + (f" {u}" if u else "")


def describe(row: Mapping, ind: Indicator, rule: Rule) -> str:
    """One line of German text for a space and indicator (no number for a suppressed cell)."""
    label = row.get("label") or ind.id
    if row.get("status") == "suppressed":
        return f"{label}: gesperrt"
    if row.get("status") == "missing":
        return f"{label}: keine Angabe"
    dec = decimals_for(ind.unit)
    unit = unit_text(ind.unit)
    value = row["value"]
    head = f"{label} {fmt_de(value, dec, unit)}"
    if row.get("flag") == "unreliable" or row.get("status") == "unreliable":
        head = f"{label} ({fmt_de(value, dec, unit)})"
    elif row.get("flag") == "incomplete":
        head = f"{label} ≥ {fmt_de(value, dec, unit)}"
    parts = []
    cmp = comparison_text(value, row.get("ref_county"), row.get("ref_mun"), row.get("sd"), unit, dec, rule)
    if cmp:
        parts.append(cmp)
    num = row.get("num")
    if num is not None and not math.isnan(num) and row.get("count_noun"):
        parts.append(f"{fmt_de(num, 0)} {row['count_noun']}")
    chg = change_text(row.get("change"), ind.unit, dec, row.get("first_year"))
    if chg:
        parts.append(chg)
    text = head
    if parts:
        text += " — " + parts[0] + "".join(f"; {p}" for p in parts[1:])
    if row.get("status") in ("unreliable", "incomplete", "not_significant"):
        text += f" ({STATUS_TEXT[row['status']]})"
    return text


def summaries(long: pd.DataFrame) -> pd.DataFrame:
    """Per space: its strengths, weaknesses and (neutral) features as lists of texts, the strongest first.

    Columns: key, n_strengths, n_weaknesses, n_features, strengths, weaknesses, features (texts joined with a
    line break), n_judged (cells that could be judged), n_not_judged (suppressed, unreliable, incomplete).
    """
    rows = []
    for key, grp in long.groupby("key", sort=True):
        out = {"key": key}
        for kind, col in ((STRENGTH, "strengths"), (WEAKNESS, "weaknesses"), (FEATURE, "features")):
            sel = grp[grp["judgement"] == kind]
            sel = sel.reindex(sel["z"].abs().sort_values(ascending=False).index)
            out[f"n_{col}"] = len(sel)
            out[col] = "\n".join(sel["text"])
        out["n_judged"] = int(grp["reliable"].sum())
        out["n_not_judged"] = int(grp["status"].isin(["suppressed", "unreliable", "incomplete"]).sum())
        rows.append(out)
    cols = ["key", "n_strengths", "n_weaknesses", "n_features", "strengths", "weaknesses", "features"]
    return pd.DataFrame(rows, columns=cols + ["n_judged", "n_not_judged"])


# --------------------------------------------------------------------------------------------------------
# spine chart rows
# --------------------------------------------------------------------------------------------------------
def spine_rows(long: pd.DataFrame, key: str, units: Mapping[str, str] | None = None) -> list[dict]:
    """The rows of one space's spine chart (core.charts.svg_spine_chart) from an ``assess`` table.

    Range and 20th/80th percentiles are those of the reliable values of all spaces (the reference
    distribution of the judgement); a suppressed value gets status 'suppressed' and no number.
    ``units``: indicator id -> catalogue unit (for the value texts).
    """
    from .fields import cell_text

    units = units or {}
    rows = []
    for ind_id, grp in long.groupby("indicator", sort=False):
        ref = grp.loc[grp["reliable"].astype(bool), "value"].astype(float).dropna()
        if len(ref) < 5:  # no distribution to speak of (e.g. every sum incomplete): no spine
            ref = ref.iloc[0:0]
        me = grp[grp["key"] == key]
        if me.empty:
            continue
        r = me.iloc[0]
        unit = units.get(ind_id, "")
        dec = decimals_for(unit)
        u = unit_text(unit)
        flag = "" if r["status"] != "suppressed" else SUPPRESSED
        rows.append(
            {
                "indicator": ind_id,
                "label": r["label"] + (f" ({u})" if u else ""),
                "value_text": cell_text(None if flag else r["value"], flag or r["flag"], dec),
                "county_text": cell_text(r["ref_county"], None, dec),
                "value": None if flag else r["value"],
                "county": r["ref_county"]
                if not (r["ref_county"] != r["ref_county"])
                else (ref.mean() if len(ref) else None),
                "lo": float(ref.min()) if len(ref) else None,
                "hi": float(ref.max()) if len(ref) else None,
                "p20": float(np.percentile(ref, 20)) if len(ref) else None,
                "p80": float(np.percentile(ref, 80)) if len(ref) else None,
                "polarity": r["polarity"],
                "judgement": r["judgement"],
                "status": "suppressed" if flag else r["status"],
            }
        )
    return rows


def wrap(text: str, width: int) -> list[str]:
    """Lines of at most ``width`` characters (words kept whole), for texts inside SVG charts."""
    import textwrap

    return textwrap.wrap(text, width=width, break_long_words=False) or [""]


def chars_per_line(width_mm: float, font_size_mm: float = 2.6) -> int:
    """About how many characters of DejaVu Sans fit on a line of ``width_mm`` at ``font_size_mm``."""
    return max(20, int(width_mm / (font_size_mm * 0.53)))


def sw_lines(long: pd.DataFrame, key: str, width: int = 140, limit: int = 12) -> list[str]:
    """'Schwächen:' / 'Stärken:' headings and the (wrapped) texts of one space, at most ``limit`` items each."""
    out = []
    part = long[long["key"] == key]
    for kind, title in ((WEAKNESS, "Schwächen:"), (STRENGTH, "Stärken:")):
        sel = part[part["judgement"] == kind]
        sel = sel.reindex(sel["z"].abs().sort_values(ascending=False).index)
        if len(sel):
            out.append(title)
            for t in list(sel["text"])[:limit]:
                lines = wrap(t, width - 2)
                out.append("– " + lines[0])
                out.extend("  " + ln for ln in lines[1:])
    return out
