"""Class breaks for maps and tables: standard deviation, quantile, equal interval, Jenks, manual.

Conventions (documented in docs/indices.md):
- ``breaks`` are the n-1 inner class limits b1 < ... < b(n-1) of n classes.
- ``closed='right'`` (default): class 1 = x <= b1, class i = b(i-1) < x <= b(i), class n = x > b(n-1).
  A value exactly on a limit belongs to the lower class (as in QGIS graduated renderers and Jenks).
- ``closed='left'``: class 1 = x < b1, class i = b(i-1) <= x < b(i); a limit belongs to the upper class.
- Missing values get no class (<NA>) and an empty label.
"""

from __future__ import annotations

import math
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Literal

import numpy as np
import pandas as pd
from numpy.typing import ArrayLike

from .errors import InputError
from .fields import number_from_text
from .i18n import tr

METHODS = ("sd", "quantile", "equal", "jenks", "manual")

#: Jenks is exact (Fisher's dynamic programme) up to this many distinct values; above, the sorted
#: distinct values are pooled into this many equal-width bins (weighted by counts) first.
JENKS_MAX_EXACT = 50_000


@dataclass
class Classification:
    """Result of :func:`classify`: breaks, class per unit and label per unit."""

    method: str
    breaks: list
    classes: pd.Series
    labels: pd.Series
    label_list: list
    closed: str = "right"
    warnings: list = field(default_factory=list)

    def record(self) -> dict[str, object]:
        """JSON-ready description, enough to reproduce the classes with method='manual'."""
        return {
            "method": self.method,
            "breaks": [float(b) for b in self.breaks],
            "closed": self.closed,
            "labels": list(self.label_list),
        }


def _clean(values):
    arr = np.asarray(pd.to_numeric(pd.Series(values), errors="coerce"), dtype=float)
    return arr[np.isfinite(arr)]


def sd_breaks(values: ArrayLike, n_classes: int = 5, *, interval: float = 1.0, ddof: int = 0) -> list[float]:
    """Breaks at mean + k * interval * SD, symmetric around the mean.

    Even n: a break at the mean and at +/-1, +/-2 ... intervals (n=4: mean-1sd, mean, mean+1sd).
    Odd n: the middle class is mean +/- interval/2 (n=5: -1.5, -0.5, 0.5, 1.5 SD).
    """
    x = _clean(values)
    if len(x) < 2:
        raise InputError(tr("Standard-deviation classes need at least two values."))
    mean, sd = float(x.mean()), float(x.std(ddof=ddof))
    if sd == 0:
        raise InputError(tr("Standard-deviation classes: all values are equal (SD 0); choose manual breaks."))
    offsets: np.ndarray  # whole SDs (even n) or halves (odd n)
    if n_classes % 2 == 0:
        offsets = np.arange(-(n_classes // 2 - 1), n_classes // 2)
    else:
        offsets = np.arange(n_classes - 1) - (n_classes - 2) / 2.0
    return [mean + float(o) * interval * sd for o in offsets]


#: Sample quantile definitions (Hyndman and Fan 1996) by their R ``type``: 7 is R's and numpy's default
#: (linear), 9 is approximately unbiased for normal data (the RKI's GISD classes, R quantile type 9).
QUANTILE_TYPES: dict[int, Literal["linear", "normal_unbiased", "weibull", "median_unbiased"]] = {
    7: "linear",
    9: "normal_unbiased",
    6: "weibull",
    8: "median_unbiased",
}


def quantile_breaks(values: ArrayLike, n_classes: int = 5, quantile_type: int = 7) -> list[float]:
    """Breaks at the i/n quantiles; ``quantile_type`` as in R's quantile(type=) (7 linear, numpy default)."""
    x = _clean(values)
    if len(x) == 0:
        raise InputError(tr("Quantile classes: no values to classify."))
    if quantile_type not in QUANTILE_TYPES:
        raise InputError(
            tr(
                "Quantile type {type} is not supported; use one of {types}.",
                type=quantile_type,
                types=", ".join(str(t) for t in sorted(QUANTILE_TYPES)),
            )
        )
    probs = np.arange(1, n_classes) / n_classes
    return [float(q) for q in np.quantile(x, probs, method=QUANTILE_TYPES[quantile_type])]


def equal_breaks(values: ArrayLike, n_classes: int = 5) -> list[float]:
    """n classes of equal width between minimum and maximum."""
    x = _clean(values)
    if len(x) == 0:
        raise InputError(tr("Equal-interval classes: no values to classify."))
    lo, hi = float(x.min()), float(x.max())
    return [lo + (hi - lo) * i / n_classes for i in range(1, n_classes)]


def jenks_breaks(values: ArrayLike, n_classes: int = 5, *, max_exact: int = JENKS_MAX_EXACT) -> list[float]:
    """Fisher-Jenks natural breaks: minimise the within-class sum of squared deviations.

    Exact dynamic programme over the distinct sorted values weighted by their counts; divide and conquer
    over the monotone best split points makes it O(k m log m) for m distinct values. With more than ``max_exact`` distinct values, values are pooled into ``max_exact`` equal-width
    bins first (weighted by counts), so breaks can only fall between bins (approximate; gaps wider than
    range/max_exact are always kept).
    Returns the upper limit (largest value) of classes 1..n-1.
    """
    x = _clean(values)
    if len(x) == 0:
        raise InputError(tr("Jenks classes: no values to classify."))
    vals, counts = np.unique(x, return_counts=True)
    upper = vals.copy()
    w = counts.astype(float)
    v = vals.astype(float)
    if len(vals) > max_exact:
        # pool into max_exact equal-width bins (empty bins dropped): gaps wider than a bin survive,
        # so natural breaks between clusters are kept; within a bin breaks cannot fall
        lo, hi = vals[0], vals[-1]
        grp = np.minimum(((vals - lo) / (hi - lo) * max_exact).astype(int), max_exact - 1)
        gw = np.bincount(grp, weights=w, minlength=max_exact)
        gsum = np.bincount(grp, weights=w * v, minlength=max_exact)
        gmax = np.full(max_exact, -np.inf)
        np.maximum.at(gmax, grp, vals)
        keep = gw > 0
        v = gsum[keep] / gw[keep]
        w = gw[keep]
        upper = gmax[keep]
    m = len(v)
    if m <= n_classes:
        return [float(u) for u in upper[:-1]][: n_classes - 1]
    v = v - np.average(v, weights=w)  # centring keeps the cumulative sums accurate
    W = np.concatenate([[0.0], np.cumsum(w)])
    S1 = np.concatenate([[0.0], np.cumsum(w * v)])
    S2 = np.concatenate([[0.0], np.cumsum(w * v * v)])

    def seg_cost(a, b):  # a, b broadcastable index arrays, segment a..b inclusive
        ww = W[b + 1] - W[a]
        s = S1[b + 1] - S1[a]
        return S2[b + 1] - S2[a] - s * s / ww

    # Layer j: best cost of j+1 classes over values 0..i. The within-class sum of squares is a Monge cost,
    # so the best start of the last class is non-decreasing in i; divide and conquer over i then needs
    # O(m) candidate evaluations per recursion level, O(k m log m) in all. Every level is one vectorised pass.
    idx = np.arange(m)
    prev = seg_cost(np.zeros(m, dtype=int), idx)  # one class over 0..i
    back = np.zeros((n_classes, m), dtype=np.int64)
    for j in range(1, n_classes):
        cur = np.full(m, np.inf)
        ilo, ihi = np.array([j]), np.array([m - 1])
        slo, shi = np.array([j]), np.array([m - 1])
        while len(ilo):
            mid = (ilo + ihi) // 2
            lo_s = np.maximum(slo, j)
            hi_s = np.minimum(shi, mid)
            n_s = hi_s - lo_s + 1
            task = np.repeat(np.arange(len(mid)), n_s)
            first = np.concatenate([[0], np.cumsum(n_s)[:-1]])
            cand = lo_s[task] + (np.arange(len(task)) - first[task])
            ii = mid[task]
            total = prev[cand - 1] + seg_cost(cand, ii)
            best_val = np.minimum.reduceat(total, first)
            # leftmost candidate reaching the minimum of its task
            hit = np.where(total <= best_val[task], np.arange(len(task)), len(task))
            best_pos = np.minimum.reduceat(hit, first)
            opt = cand[best_pos]
            cur[mid] = best_val
            back[j, mid] = opt
            left = mid > ilo
            right = mid < ihi
            ilo, ihi, slo, shi = (
                np.concatenate([ilo[left], mid[right] + 1]),
                np.concatenate([mid[left] - 1, ihi[right]]),
                np.concatenate([slo[left], opt[right]]),
                np.concatenate([opt[left], shi[right]]),
            )
        prev = cur
    # walk back
    ends = []
    i = m - 1
    for j in range(n_classes - 1, 0, -1):
        start = back[j, i]
        ends.append(start - 1)
        i = start - 1
    ends = sorted(ends)
    return [float(upper[e]) for e in ends]


def assign_classes(values: ArrayLike, breaks: Sequence[float], *, closed: str = "right") -> pd.Series:
    """Class numbers 1..len(breaks)+1 (pandas Int64, <NA> for missing values)."""
    s = pd.to_numeric(pd.Series(values), errors="coerce")
    b = np.asarray(breaks, dtype=float)
    if np.any(np.diff(b) < 0):
        raise InputError(tr("Class breaks must be ascending, got {breaks}.", breaks=list(breaks)))
    side: Literal["left", "right"] = "left" if closed == "right" else "right"
    if closed not in ("right", "left"):
        raise ValueError(f"closed must be 'right' or 'left', got {closed!r}.")  # a programming error
    cls = np.searchsorted(b, s.to_numpy(dtype=float), side=side) + 1
    out = pd.Series(cls, index=s.index, dtype="Int64")
    out[s.isna()] = pd.NA
    return out


def parse_breaks(text: str | None) -> list[float]:
    """Manual class limits from a parameter text, in the given order: '10; 20,5; 30' -> [10.0, 20.5, 30.0]
    (separated by ';' or blanks, decimals with '.' or ',': core.fields.number_from_text). No value, or a part
    that is no number, is an InputError naming the text."""
    parts = [p for p in re.split(r"[;\s]+", str(text or "").strip()) if p]
    if not parts:
        raise InputError(tr("Manual classes need break values (ascending, separated by ';')."))
    values = [number_from_text(p) for p in parts]
    breaks = [v for v in values if v is not None]
    if len(breaks) < len(values):
        raise InputError(
            tr(
                "Manual class breaks '{text}': not all are numbers (separate them with ';', decimals with '.' or ',').",
                text=text,
            )
        )
    return breaks


def fmt_number(x: float | None, decimals: int = 2, decimal: str = ",") -> str:
    """Short number for labels: rounded, trailing zeros dropped, German decimal comma by default."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    txt = f"{x:.{decimals}f}"
    if "." in txt:
        txt = txt.rstrip("0").rstrip(".")
    if txt in ("-0", ""):
        txt = "0"
    return txt.replace(".", decimal)


def class_labels(
    breaks: Sequence[float],
    *,
    names: Sequence[str] | None = None,
    closed: str = "right",
    decimals: int = 2,
    decimal: str = ",",
    numbers: Sequence[int] | None = None,
) -> list[str]:
    """Label text per class, e.g. '1 hoch (< -1)', '2 (-1 - 1)', '5 (> 1,5)'."""
    n = len(breaks) + 1
    numbers = list(numbers) if numbers is not None else list(range(1, n + 1))
    f = [fmt_number(b, decimals, decimal) for b in breaks]
    low_op, high_op = ("≤", ">") if closed == "right" else ("<", "≥")
    labels = []
    for i in range(n):
        if n == 1:
            rng = "alle"
        elif i == 0:
            rng = f"{low_op} {f[0]}"
        elif i == n - 1:
            rng = f"{high_op} {f[-1]}"
        else:
            rng = f"{f[i - 1]} – {f[i]}"
        name = f" {names[i]}" if names else ""
        labels.append(f"{numbers[i]}{name} ({rng})")
    return labels


def classify(
    values: ArrayLike,
    method: str = "quantile",
    n_classes: int = 5,
    *,
    breaks: Sequence[float] | None = None,
    names: Sequence[str] | None = None,
    closed: str = "right",
    sd_interval: float = 1.0,
    ddof: int = 0,
    reference: ArrayLike | None = None,
    decimals: int = 2,
    decimal: str = ",",
    quantile_type: int = 7,
) -> Classification:
    """Classify values; breaks are computed on ``reference`` (bool mask) units only if given.

    Returns a :class:`Classification` with classes and label text per unit.
    """
    s = pd.to_numeric(pd.Series(values), errors="coerce")
    if method not in METHODS:
        raise InputError(
            tr(
                "Unknown classification method {method!r}; use one of {methods}.",
                method=method,
                methods=", ".join(METHODS),
            )
        )
    ref = s if reference is None else s[pd.Series(reference, index=s.index).astype(bool)]
    warnings = []
    if method == "manual":
        if breaks is None or len(breaks) == 0:
            raise InputError(tr("Manual classification needs at least one break value."))
        br = [float(b) for b in breaks]
        if any(b2 <= b1 for b1, b2 in zip(br, br[1:])):
            raise InputError(tr("Manual class breaks must be strictly ascending, got {breaks}.", breaks=br))
    else:
        if int(n_classes) < 2:
            raise InputError(tr("The number of classes must be at least 2."))
        n_classes = int(n_classes)
        if method == "sd":
            br = sd_breaks(ref, n_classes, interval=sd_interval, ddof=ddof)
        elif method == "quantile":
            br = quantile_breaks(ref, n_classes, quantile_type)
        elif method == "equal":
            br = equal_breaks(ref, n_classes)
        else:
            br = jenks_breaks(ref, n_classes)
        dedup = sorted(set(br))
        if len(dedup) < len(br):
            warnings.append(
                tr(
                    "{n} class break(s) coincide (tied values); {got} classes instead of {wanted}.",
                    n=len(br) - len(dedup),
                    got=len(dedup) + 1,
                    wanted=n_classes,
                )
            )
            br = dedup
    if names is not None and len(names) != len(br) + 1:
        raise InputError(tr("{n} class names given for {classes} classes.", n=len(names), classes=len(br) + 1))
    cls = assign_classes(s, br, closed=closed)
    label_list = class_labels(br, names=names, closed=closed, decimals=decimals, decimal=decimal)
    lab = cls.map(lambda c: label_list[int(c) - 1] if pd.notna(c) else "").astype(object)
    return Classification(method, br, cls, lab, label_list, closed, warnings)
