"""Issue 15: negative counts are refused with file, key and column; deviations from a lower-bound reference are
flagged."""

import numpy as np
import pandas as pd
import pytest

from sozialplanung_plugin.core import aggregate as ag
from sozialplanung_plugin.core.checks import negative_counts
from sozialplanung_plugin.core.errors import InputError
from sozialplanung_plugin.core.tables import read_table

from ..helpers import QUOTE, frames


def test_negative_count_in_a_table_names_file_key_column_and_value(tmp_path):
    path = tmp_path / "bloecke_2020.csv"
    path.write_bytes(
        "Blocknummer;Einwohner insgesamt;Einwohner unter 15 Jahre\r\nb1;100;-3\r\nb2;50;7\r\n".encode("cp1252")
    )
    from sozialplanung_plugin.core.catalogue import load_catalogue

    table = read_table(path, variables=load_catalogue())
    with pytest.raises(InputError) as ei:
        negative_counts(table.wide(None)[0], source=path.name, columns=table.columns)
    msg = str(ei.value)
    for part in ("bloecke_2020.csv", "1 cell(s) hold a negative count", "key 'b1'", "column C", "unter 15", "-3"):
        assert part in msg, msg


def test_non_catalogue_columns_and_positive_counts_pass():
    values = pd.DataFrame({"ew": [1.0, np.nan, 0.0]}, index=["a", "b", "c"])
    negative_counts(values, source="t.csv")  # no error
    negative_counts(pd.DataFrame({"saldo": [-4.0]}, index=["a"]), source="t.csv", columns=[])  # no columns known


def test_deviation_from_an_incomplete_county_rate_is_flagged():
    # b3's SGB II count is '.': the county rate is a lower bound, so is every deviation from it
    blocks = {"b1": {"ew": 100, "sgb": 10}, "b2": {"ew": 100, "sgb": 30}, "b3": {"ew": 200, "sgb": 10}}
    v, s = frames(blocks, {("b3", "sgb"): "suppressed_or_unknown"})
    space = pd.Series({"b1": "A", "b2": "A", "b3": "B"})
    mun = pd.Series({"b1": "M1", "b2": "M1", "b3": "M2"})
    levels = [ag.Level("space", space), ag.Level("municipality", mun), ag.Level("county", "total", key="K")]
    out = ag.aggregate_levels({2020: (v, s)}, levels, [QUOTE])
    k, m, f = out["county"].frame, out["municipality"].frame, out["space"].frame
    assert k.loc["K", "quote_flag_2020"] == "incomplete"
    assert m.loc["M1", "quote_flag_2020"] == "" and m.loc["M1", "quote_devflag_2020"] == "incomplete"
    assert m.loc["M1", "quote_dev_county_2020"] == pytest.approx(20.0 - 10.0)  # 40/200 vs 40/400
    assert f.loc["A", "quote_devflag_2020"] == "incomplete"  # county incomplete, M1 complete
    assert f.loc["B", "quote_devflag_2020"] == "suppressed"  # its municipality's rate is suppressed
    assert "quote_devflag_2020" not in k.columns


def test_complete_references_carry_no_deviation_flag():
    v, s = frames({"b1": {"ew": 100, "sgb": 10}, "b2": {"ew": 100, "sgb": 30}})
    levels = [ag.Level("municipality", pd.Series({"b1": "M1", "b2": "M2"})), ag.Level("county", "total", key="K")]
    m = ag.aggregate_levels({2020: (v, s)}, levels, [QUOTE])["municipality"].frame
    assert list(m["quote_devflag_2020"]) == ["", ""]
