"""Interpolation to non-nesting targets: area- and population-weighted, hand-computed."""

from types import SimpleNamespace as NS

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import aggregate as ag
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.interpolate import interpolate_counts, overlap_weights

# Two postcode areas P1, P2 cut by two school districts D1, D2.
# P1: 3 km² in D1, 1 km² in D2; 100 residents in D1, 300 in D2.  P2: entirely in D2 (2 km², 50 residents).
OVERLAP = pd.DataFrame(
    {
        "source": ["P1", "P1", "P2"],
        "target": ["D1", "D2", "D2"],
        "area": [3.0, 1.0, 2.0],
        "population": [100.0, 300.0, 50.0],
    }
)
VALUES = pd.DataFrame({"ew": [400.0, 50.0], "kinder": [80.0, 10.0]}, index=["P1", "P2"])


def test_area_weighted():
    v, s, meta = interpolate_counts(VALUES, None, OVERLAP, method="area")
    assert v.loc["D1", "kinder"] == pytest.approx(60.0)  # 80 * 3/4
    assert v.loc["D2", "kinder"] == pytest.approx(20.0 + 10.0)  # 80 * 1/4 + 10
    assert v["kinder"].sum() == pytest.approx(90.0)  # counts are conserved
    assert (s == "estimated").all().all()
    assert meta["interpolation"] == "area"


def test_population_weighted():
    v, s, meta = interpolate_counts(VALUES, None, OVERLAP, method="population")
    assert v.loc["D1", "kinder"] == pytest.approx(20.0)  # 80 * 100/400
    assert v.loc["D2", "kinder"] == pytest.approx(60.0 + 10.0)
    assert v.loc["D1", "ew"] == pytest.approx(100.0)
    assert meta["interpolation"] == "population" and meta["area_fallback_sources"] == []


def test_rates_from_interpolated_counts():
    v, s, _ = interpolate_counts(VALUES, None, OVERLAP, method="area")
    q = NS(id="q", numerator=["kinder"], denominator=["ew"], multiplier=100, min_denominator=None)
    res = ag.compute_indicators(v, s, [q])
    # D2: 30 / (100 + 50) = 20 %; not the mean of the source rates (20 % and 20 % here, so check D1 too)
    assert res.loc["D2", "q"] == pytest.approx(20.0)
    assert res.loc["D1", "q"] == pytest.approx(60.0 / 300.0 * 100)
    assert res.loc["D1", "q_flag"] == ""


def test_population_weights_fall_back_to_area_without_residents():
    ov = OVERLAP.copy()
    ov.loc[ov["source"] == "P1", "population"] = 0.0
    w, fallback = overlap_weights(ov, "population")
    assert fallback == ["P1"]
    assert list(w["weight"]) == pytest.approx([0.75, 0.25, 1.0])


def test_suppressed_source_makes_targets_incomplete():
    st = ag.default_status(VALUES)
    vals = VALUES.copy()
    vals.loc["P2", "kinder"] = np.nan
    st.loc["P2", "kinder"] = "suppressed"
    v, s, _ = interpolate_counts(vals, st, OVERLAP, method="area")
    assert s.loc["D1", "kinder"] == "estimated" and v.loc["D1", "kinder"] == pytest.approx(60.0)
    assert s.loc["D2", "kinder"] == "incomplete" and v.loc["D2", "kinder"] == pytest.approx(20.0)


def test_source_without_data_is_reported():
    ov = pd.concat([OVERLAP, pd.DataFrame({"source": ["P9"], "target": ["D1"], "area": [1.0], "population": [5.0]})])
    v, s, meta = interpolate_counts(VALUES, None, ov, method="area")
    assert meta["sources_without_data"] == ["P9"]
    assert s.loc["D1", "kinder"] == "incomplete"


def test_bad_method_and_columns():
    with pytest.raises(InputError, match="method"):
        interpolate_counts(VALUES, None, OVERLAP, method="dasymetric")
    with pytest.raises(InputError, match="population"):
        interpolate_counts(VALUES, None, OVERLAP.drop(columns="population"), method="population")
