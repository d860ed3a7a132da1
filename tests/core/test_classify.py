"""Class breaks computed by hand on tiny examples."""

import itertools
import math

import numpy as np
import pytest

from sozialplanung_plugin.core import classify as cl
from sozialplanung_plugin.core.errors import InputError

V = [1.0, 2.0, 3.0, 4.0, 10.0]  # mean 4, population SD sqrt(10) = 3.16228


def test_equal_interval_by_hand():
    # min 1, max 10, 3 classes of width 3 -> breaks 4 and 7; 4 sits on a limit -> lower class (closed right)
    r = cl.classify(V, "equal", 3)
    assert r.breaks == pytest.approx([4.0, 7.0])
    assert r.classes.tolist() == [1, 1, 1, 1, 3]
    assert r.label_list == ["1 (≤ 4)", "2 (4 – 7)", "3 (> 7)"]


def test_quantile_two_classes_median():
    r = cl.classify(V, "quantile", 2)
    assert r.breaks == pytest.approx([3.0])  # median
    assert r.classes.tolist() == [1, 1, 1, 2, 2]


def test_sd_classes_even_and_odd():
    sd = math.sqrt(10)
    # 4 classes: mean - 1sd, mean, mean + 1sd = 0.8377, 4, 7.1623
    r = cl.classify(V, "sd", 4)
    assert r.breaks == pytest.approx([4 - sd, 4, 4 + sd])
    assert r.classes.tolist() == [2, 2, 2, 2, 4]
    # 5 classes: mean +/- 0.5 sd and +/- 1.5 sd = -0.7434, 2.4189, 5.5811, 8.7434
    r5 = cl.classify(V, "sd", 5)
    assert r5.breaks == pytest.approx([4 - 1.5 * sd, 4 - 0.5 * sd, 4 + 0.5 * sd, 4 + 1.5 * sd])
    assert r5.classes.tolist() == [2, 2, 3, 3, 5]
    # sample SD (ddof=1) sqrt(12.5) = 3.5355 -> breaks 0.4645, 4, 7.5355
    r1 = cl.classify(V, "sd", 4, ddof=1)
    assert r1.breaks == pytest.approx([4 - math.sqrt(12.5), 4, 4 + math.sqrt(12.5)])


def test_jenks_by_hand():
    # 2 classes: {1,2,3,4} | {10} has SSD 5, every other split is worse -> break 4
    assert cl.jenks_breaks(V, 2) == [4.0]
    # 3 classes: {1,2} {3,4} {10}: SSD 0.5 + 0.5 + 0 = 1 (the alternatives give 2) -> breaks 2, 4
    assert cl.jenks_breaks(V, 3) == [2.0, 4.0]


def _ssd(groups):
    return sum(((np.asarray(g) - np.mean(g)) ** 2).sum() for g in groups)


def test_jenks_equals_brute_force():
    rng = np.random.default_rng(7)
    x = np.sort(np.round(rng.gamma(2.0, 3.0, size=14), 2))
    k = 4
    best = None
    for cuts in itertools.combinations(range(1, len(x)), k - 1):
        groups = np.split(x, cuts)
        s = _ssd(groups)
        if best is None or s < best[0] - 1e-12:
            best = (s, [g[-1] for g in groups[:-1]])
    br = cl.jenks_breaks(x, k)
    groups = [x[cl.assign_classes(x, br).to_numpy() == c] for c in range(1, k + 1)]
    assert _ssd(groups) == pytest.approx(best[0])
    assert br == pytest.approx(best[1])


def _jenks_quadratic(x, k):
    """Textbook Fisher DP, O(k n^2) with plain loops: the smallest within-class sum of squares."""
    x = np.sort(np.asarray(x, dtype=float))
    n = len(x)
    c1, c2 = np.concatenate([[0], np.cumsum(x)]), np.concatenate([[0], np.cumsum(x * x)])

    def cost(a, b):  # values a..b inclusive
        s, m = c1[b + 1] - c1[a], b - a + 1
        return c2[b + 1] - c2[a] - s * s / m

    prev = [cost(0, i) for i in range(n)]
    for j in range(1, k):
        prev = [min(prev[s - 1] + cost(s, i) for s in range(j, i + 1)) if i >= j else float("inf") for i in range(n)]
    return prev[-1]


@pytest.mark.parametrize("seed", range(8))
def test_jenks_divide_and_conquer_equals_quadratic_programme(seed):
    rng = np.random.default_rng(seed)
    x = rng.gamma(2.0, 5.0, size=int(rng.integers(30, 150)))
    k = int(rng.integers(2, 7))
    br = cl.jenks_breaks(x, k)
    groups = [x[cl.assign_classes(x, br).to_numpy() == c] for c in range(1, k + 1)]
    assert _ssd(groups) == pytest.approx(_jenks_quadratic(x, k), rel=1e-9, abs=1e-9)


def test_jenks_with_duplicates_uses_counts():
    # values 1 (x3), 2, 9, 10 (x2): 2 classes -> {1,1,1,2} | {9,10,10}
    assert cl.jenks_breaks([1, 1, 1, 2, 9, 10, 10], 2) == [2.0]


def test_jenks_pooled_path_for_many_values():
    # three clear clusters pooled into 50 equal-width bins (width 0.42): the gaps of 9 survive, so the
    # breaks are exactly the largest value of the first and of the second cluster
    rng = np.random.default_rng(3)
    a, b, c = rng.uniform(0, 1, 400), rng.uniform(10, 11, 400), rng.uniform(20, 21, 400)
    br = cl.jenks_breaks(np.concatenate([a, b, c]), 3, max_exact=50)
    assert br == [a.max(), b.max()]


def test_manual_closed_right_and_left_on_boundary():
    x = [-1.0, 0.0, 1.0, 1.2]
    right = cl.classify(x, "manual", breaks=[-1, 1])
    assert right.classes.tolist() == [1, 2, 2, 3]  # limit -> lower class
    left = cl.classify(x, "manual", breaks=[-1, 1], closed="left")
    assert left.classes.tolist() == [2, 2, 3, 3]  # limit -> upper class
    assert left.label_list == ["1 (< -1)", "2 (-1 – 1)", "3 (≥ 1)"]


def test_labels_with_names_and_decimal_comma():
    r = cl.classify([0, 1, 2], "manual", breaks=[-1, 1.5], names=["hoch", "mittel", "niedrig"], closed="left")
    assert r.label_list == ["1 hoch (< -1)", "2 mittel (-1 – 1,5)", "3 niedrig (≥ 1,5)"]
    assert r.labels.tolist() == ["2 mittel (-1 – 1,5)", "2 mittel (-1 – 1,5)", "3 niedrig (≥ 1,5)"]


def test_missing_values_get_no_class():
    r = cl.classify([1.0, None, 3.0], "manual", breaks=[2])
    assert r.classes.isna().tolist() == [False, True, False]
    assert r.labels.tolist()[1] == ""


def test_tied_quantiles_reduce_classes_with_warning():
    r = cl.classify([1, 1, 1, 1, 1, 2], "quantile", 4)
    assert len(r.breaks) == 1 and r.warnings


def test_reference_mask_for_breaks():
    # breaks from the first four only: median of 1,2,3,4 = 2.5; the outlier 100 is still classified
    r = cl.classify([1, 2, 3, 4, 100], "quantile", 2, reference=[True, True, True, True, False])
    assert r.breaks == pytest.approx([2.5])
    assert r.classes.tolist() == [1, 1, 2, 2, 2]


def test_bad_input():
    with pytest.raises(InputError, match="ascending"):
        cl.classify([1, 2], "manual", breaks=[2, 1])
    with pytest.raises(InputError, match="SD 0"):
        cl.classify([3, 3, 3], "sd", 4)
    with pytest.raises(InputError, match="Unknown classification"):
        cl.classify([1, 2], "kmeans", 2)
    with pytest.raises(InputError, match="class names"):
        cl.classify([1, 2], "manual", breaks=[1.5], names=["a"])


# ---------------------------------------------------------------------------- quantile types (GISD)
def test_quantile_type_9_by_hand():
    """R: quantile(1:5, c(.2, .4, .6, .8), type = 9): j = floor(np + m), m = p/4 + 3/8, x_j + g (x_j+1 - x_j)."""
    from sozialplanung_plugin.core.classify import quantile_breaks

    assert quantile_breaks([1, 2, 3, 4, 5], 5, quantile_type=9) == pytest.approx([1.425, 2.475, 3.525, 4.575])
    assert quantile_breaks([1, 2, 3, 4, 5], 5, quantile_type=7) == pytest.approx([1.8, 2.6, 3.4, 4.2])


@pytest.mark.parametrize(
    ("text", "breaks"),
    [
        ("10; 20; 30", [10.0, 20.0, 30.0]),
        ("0,5;1.5 2,25", [0.5, 1.5, 2.25]),  # ';' or blanks between, decimal comma or point
        (" -1 ; 0 ", [-1.0, 0.0]),
        ("0", [0.0]),
        ("1.234.567", [1234567.0]),  # German thousands (core.fields.number_from_text)
    ],
)
def test_parse_breaks(text, breaks):
    assert cl.parse_breaks(text) == breaks


@pytest.mark.parametrize(("text", "words"), [("", "need break values"), (None, "need break values")])
def test_parse_breaks_refuses_no_values(text, words):
    with pytest.raises(InputError, match=words):
        cl.parse_breaks(text)


@pytest.mark.parametrize("text", ["0; x", "1,x,3", "10 EW", "inf"])
def test_parse_breaks_refuses_what_is_no_number(text):
    with pytest.raises(InputError) as err:
        cl.parse_breaks(text)
    assert str(err.value) == (
        f"Manual class breaks '{text}': not all are numbers (separate them with ';', decimals with '.' or ',')."
    )
