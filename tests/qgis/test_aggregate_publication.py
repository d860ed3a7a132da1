"""Outputs of aggregateindicators meant for publication: leak scan, reliability flags, method record.

The leak scan is independent of core.disclosure: it takes the published output layers of the demo county
(blocks, social spaces, municipalities, county; all years) and asks, with linear algebra over the block
membership, whether any suppressed count is determined by the published counts of the other levels
(parent = sum of children, repeated across levels). It also checks that every number derived from a
suppressed count (rate, change, reference deviation, dynamics) is suppressed too.
"""

import json
import re

import numpy as np
import pytest
from qgis.core import QgsProcessingContext, QgsProcessingException, QgsProcessingFeedback, QgsVectorLayer

from sozialplanung_plugin.core.catalogue import default_catalogue

from ..helpers import isnull

YEARS = (2009, 2014, 2023, 2024, 2025)
LEVELS = ("OUTPUT_UNITS", "OUTPUT_1", "OUTPUT_2", "OUTPUT_COUNTY")
# small counts (children in SGB II, young unemployed, welfare cases, old-age poverty), a count indicator, a
# density and dynamics: the cases where suppression bites, at a test cost that stays small
INDICATORS = (
    "kinderarmut_sgb2_u15,sgb2_quote,jugendarbeitslosigkeit,hze_je_1000_u21,grundsicherung_alter,"
    "alleinerziehende_hh,kinder_sgb2_anzahl,bevoelkerungsdichte,kinder_sgb2_veraenderung,"
    "sgb2_quote_veraenderung"
)


def table(layer):
    names = layer.fields().names()
    out = {}
    for f in layer.getFeatures():
        row = {n: (None if isnull(v) else v) for n, v in zip(names, f.attributes())}
        out[row["key"]] = row
    return out


@pytest.fixture(scope="module")
def demo(qgis_app, demo_dir):
    import processing

    gpkg = demo_dir / "rbk_demo.gpkg"
    blocks = f"{gpkg}|layername=blocks"
    tables = [str(demo_dir / f"bloecke_{y}.csv") for y in YEARS]

    def run(disclosure, threshold=3):
        res = processing.run(
            "sozialplanung:aggregateindicators",
            {
                "UNITS": blocks,
                "UNIT_KEY": "block_id",
                "TABLES": tables,
                "LEVEL_FIELDS": ["sr_id", "ags"],
                "INDICATORS": INDICATORS,
                "LEVEL_NAME_FIELDS": ["sr_name", "municipality"],
                "COUNTY_NAME": "Rheinisch-Bergischer Kreis",
                "CHANGES": "2009-2014, 2014-2025",
                "DISSOLVE": False,
                "DISCLOSURE": disclosure,
                "THRESHOLD": threshold,
                **{k: "TEMPORARY_OUTPUT" for k in LEVELS},
            },
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )
        return res, {k: table(res[k]) for k in LEVELS}

    layer = QgsVectorLayer(blocks, "b", "ogr")
    member = {f["block_id"]: (f["sr_id"], f["ags"]) for f in layer.getFeatures()}
    return run, member


@pytest.fixture(scope="module")
def published(demo):
    run, member = demo
    _, plain = run(False)
    res, pub = run(True, threshold=5)
    return res, plain, pub, member


def _count_columns(rows):
    names = next(iter(rows.values())).keys()
    return sorted(n for n in names if re.search(r"_(num|den)_(\d{4})$", n))


@pytest.mark.slow
def test_no_suppressed_count_is_recoverable_across_levels(published):
    res, plain, pub, member = published
    assert res["SUPPRESSED_CELLS"] > 100  # the scan has something to look at (threshold 5 on blocks)
    blocks = sorted(pub["OUTPUT_UNITS"])
    county = next(iter(pub["OUTPUT_COUNTY"]))
    # membership of every published cell in terms of the blocks
    groups = {("OUTPUT_UNITS", b): [b] for b in blocks}
    for b, (sr, ags) in member.items():
        groups.setdefault(("OUTPUT_1", sr), []).append(b)
        groups.setdefault(("OUTPUT_2", ags), []).append(b)
        groups.setdefault(("OUTPUT_COUNTY", county), []).append(b)
    bpos = {b: i for i, b in enumerate(blocks)}
    scanned = suppressed_total = 0
    for col in _count_columns(pub["OUTPUT_UNITS"]):
        # truth: the count without disclosure control; cells without a number from the source count 0 (their
        # absence is public: sums are published as 'incomplete' lower bounds of the known parts)
        truth = np.array([plain["OUTPUT_UNITS"][b][col] or 0.0 for b in blocks], dtype=float)
        sup_cells, eq_rows = [], []
        for (level, key), members in groups.items():
            got, true = pub[level][key][col], plain[level][key][col]
            if got is not None:
                assert got == pytest.approx(true), (level, key, col)  # published numbers are not altered
                eq_rows.append(members)
            elif true is not None:
                sup_cells.append(((level, key), members))
        if not sup_cells:
            continue
        suppressed_total += len(sup_cells)
        # unknowns: the suppressed blocks; published blocks are constants
        unknown = sorted(
            {
                m
                for (lv, _), ms in sup_cells
                for m in ms
                if pub["OUTPUT_UNITS"][m][col] is None and plain["OUTPUT_UNITS"][m][col] is not None
            }
        )
        upos = {b: i for i, b in enumerate(unknown)}

        def vec(members):
            v = np.zeros(len(unknown))
            for m in members:
                if m in upos:
                    v[upos[m]] = 1.0
            return v

        a = np.array([vec(ms) for ms in eq_rows if any(m in upos for m in ms)]).reshape(-1, len(unknown))
        basis = np.zeros((0, len(unknown)))
        if len(a):
            _, s, vt = np.linalg.svd(a, full_matrices=False)
            basis = vt[s > 1e-9 * max(s.max(), 1.0)]
        for cell, members in sup_cells:
            v = vec(members)
            assert v.any(), (cell, col)  # a suppressed cell always contains a suppressed block
            residual = v - basis.T @ (basis @ v)
            assert np.linalg.norm(residual) > 1e-6, f"{cell} {col} is recoverable from published totals"
            scanned += 1
        assert truth.sum() >= 0 and bpos
    assert scanned == suppressed_total > 100


def test_primary_cells_keep_their_protection_interval_against_the_lp_attacker(published):
    """The attacker solves min/max of each suppressed cell by linear programming over the published output: the
    unknowns are the suppressed blocks (published blocks are constants, counts >= 0), every published cell of
    every level fixes the sum of its blocks. A primary cell (0 < true count < threshold 5) must keep its
    protection interval: the attacker can exclude neither 0 nor a count of v + 5 (width = threshold).
    All primary cells of the social spaces, municipalities and county are checked, and 150 of the blocks."""
    from scipy import sparse
    from scipy.optimize import linprog

    _, plain, pub, member = published
    blocks = sorted(pub["OUTPUT_UNITS"])
    county = next(iter(pub["OUTPUT_COUNTY"]))
    groups = {("OUTPUT_UNITS", b): [b] for b in blocks}
    for b, (sr, ags) in member.items():
        groups.setdefault(("OUTPUT_1", sr), []).append(b)
        groups.setdefault(("OUTPUT_2", ags), []).append(b)
        groups.setdefault(("OUTPUT_COUNTY", county), []).append(b)
    rng = np.random.default_rng(15)
    cat = default_catalogue()

    def additive(name):  # sums of counts: not the rates of dynamics indicators, not the area of a density
        m = re.fullmatch(r"(.+)_(num|den)_(\d{4})", name)
        ind = cat.indicators.get(m.group(1)) if m else None
        return (
            ind is not None and ind.kind != "dynamics" and not (m.group(2) == "den" and "area_km2" in ind.denominator)
        )

    cells = []  # (column, cell, members, true value)
    for col in filter(additive, _count_columns(pub["OUTPUT_UNITS"])):
        for (level, key), members in groups.items():
            true = plain[level][key][col]
            if pub[level][key][col] is None and true is not None and 0 < true < 5:
                cells.append((col, (level, key), members, true))
    upper = [c for c in cells if c[1][0] != "OUTPUT_UNITS"]
    lower = [c for c in cells if c[1][0] == "OUTPUT_UNITS"]
    lower = [lower[k] for k in rng.choice(len(lower), size=min(150, len(lower)), replace=False)]
    by_col = {}
    for c in upper + lower:
        by_col.setdefault(c[0], []).append(c)
    checked = 0
    for col, todo in by_col.items():
        unknown = [b for b in blocks if pub["OUTPUT_UNITS"][b][col] is None and plain["OUTPUT_UNITS"][b][col]]
        upos = {b: i for i, b in enumerate(unknown)}
        rows, rhs = [], []
        for (level, key), members in groups.items():
            got = pub[level][key][col]
            if got is None:
                continue
            idx = [upos[m] for m in members if m in upos]
            if idx:
                known = sum(pub["OUTPUT_UNITS"][m][col] or 0.0 for m in members if m not in upos)
                rows.append(idx)
                rhs.append(got - known)
        a = sparse.lil_matrix((len(rows), len(unknown)))
        for r, idx in enumerate(rows):
            a[r, idx] = 1.0
        a = a.tocsr()
        for _, cell, members, true in todo:
            obj = np.zeros(len(unknown))
            obj[[upos[m] for m in members if m in upos]] = 1.0
            known = sum(pub["OUTPUT_UNITS"][m][col] or 0.0 for m in members if m not in upos)
            lo = linprog(obj, A_eq=a, b_eq=rhs, bounds=(0, None), method="highs")
            hi = linprog(-obj, A_eq=a, b_eq=rhs, bounds=(0, None), method="highs")
            assert lo.status == 0 and hi.status in (0, 3), (cell, col)
            low, high = lo.fun + known, (np.inf if hi.status == 3 else -hi.fun + known)
            assert low <= 1e-6 and high >= true + 5 - 1e-6, (cell, col, true, (low, high))
            checked += 1
    assert checked >= 150 and len(upper) > 20


def test_numbers_derived_from_suppressed_counts_are_suppressed(published):
    _, _, pub, _ = published
    cat = default_catalogue()
    n_suppressed = 0
    for level in LEVELS:
        names = list(next(iter(pub[level].values())))
        flags = [(n, m.group(1), m.group(2)) for n in names for m in [re.fullmatch(r"(.+)_flag_(\d{4})", n)] if m]
        values = [
            (n, cat.indicators[m.group(1)], m.group(2))
            for n in names
            for m in [re.fullmatch(r"(.+)_(\d{4})", n)]
            if m and m.group(1) in cat.indicators
        ]
        pcts = [
            (n, m.group(1), m.group(2), m.group(3))
            for n in names
            for m in [re.fullmatch(r"(.+)_pct_(\d{4})_(\d{4})", n)]
            if m
        ]
        for key, row in pub[level].items():
            for name, ind, year in flags:
                if row[name] != "suppressed":
                    continue
                n_suppressed += 1
                assert row[f"{ind}_{year}"] is None, (level, key, ind, year)
                for extra in ("dev_county", "ratio_county", "dev_mun", "ratio_mun"):
                    if f"{ind}_{extra}_{year}" in row:
                        assert row[f"{ind}_{extra}_{year}"] is None, (level, key, ind, extra, year)
                for y0, y1 in ((2009, 2014), (2014, 2025)):
                    if int(year) in (y0, y1) and f"{ind}_chg_{y0}_{y1}" in row:
                        assert row[f"{ind}_chg_{y0}_{y1}"] is None, (level, key, ind, y0, y1)
            # a published value reveals nothing beyond its published numerator and denominator
            for name, ind, year in values:
                if row[name] is None:
                    continue
                assert row[f"{ind.id}_num_{year}"] is not None, (level, key, name)
                if ind.kind == "dynamics" or (ind.denominator and ind.denominator != ["area_km2"]):
                    # dynamics: _num/_den hold the base values of the two years compared
                    assert row[f"{ind.id}_den_{year}"] is not None, (level, key, name)
            # a published percent change of a count needs both counts published
            for name, ind, y0, y1 in pcts:
                if row[name] is not None:
                    assert row[f"{ind}_num_{y0}"] is not None and row[f"{ind}_num_{y1}"] is not None
    assert n_suppressed > 100


def test_reliability_flags_follow_the_catalogue_minimum(published):
    _, plain, _, _ = published
    cat = default_catalogue()
    n_unreliable = 0
    for level in LEVELS:
        for key, row in plain[level].items():
            for ind in cat.indicators.values():
                if ind.kind == "dynamics" or not ind.min_denominator or ind.denominator == ["area_km2"]:
                    continue
                for y in YEARS:
                    if f"{ind.id}_flag_{y}" not in row:
                        continue
                    den, val, flag = row[f"{ind.id}_den_{y}"], row[f"{ind.id}_{y}"], row[f"{ind.id}_flag_{y}"]
                    if flag == "unreliable":
                        n_unreliable += 1
                        assert val is not None and den < ind.min_denominator, (level, key, ind.id, y)
                    elif val is not None and den is not None and den < ind.min_denominator:
                        assert flag == "incomplete", (level, key, ind.id, y, flag)  # the stronger flag wins
    assert n_unreliable > 100  # blocks and small social spaces are flagged


def test_method_and_catalogue_version_recorded(published):
    res, _, pub, _ = published
    version = default_catalogue().version
    method = json.loads(res["METHOD"])
    assert method["catalogue_version"] == version and method["method_version"]
    assert method["disclosure"] is True and method["disclosure_threshold"] == 5
    assert method["change_pairs"] == [[2009, 2014], [2014, 2025]]
    for level, name in zip(LEVELS, ("units", "sr_id", "municipality", "county")):
        rec = json.loads(next(iter(pub[level].values()))["sp_method"])
        assert rec["level"] == name and rec["catalogue_version"] == version
        assert "never averaged" in rec["method"]
        assert res[level].metadata().abstract() and version in res[level].metadata().abstract()
    # change columns for both periods
    row = next(iter(pub["OUTPUT_1"].values()))
    assert "kinderarmut_sgb2_u15_chg_2009_2014" in row and "kinderarmut_sgb2_u15_chg_2014_2025" in row


def test_disclosure_refuses_levels_that_do_not_nest(demo, qgis_app, demo_dir, tmp_path):
    """A target layer cutting across social spaces could be subtracted from them: refused, nothing written."""
    import processing
    from qgis.core import QgsFeature, QgsGeometry

    blocks = QgsVectorLayer(f"{demo_dir / 'rbk_demo.gpkg'}|layername=blocks", "b", "ogr")
    ext = blocks.extent()
    target = QgsVectorLayer(f"Polygon?crs={blocks.crs().authid()}&field=sd:string", "districts", "memory")
    feats = []
    xm = (ext.xMinimum() + ext.xMaximum()) / 2
    for key, x0, x1 in (("W", ext.xMinimum() - 1, xm), ("E", xm, ext.xMaximum() + 1)):
        f = QgsFeature(target.fields())
        f.setAttributes([key])
        f.setGeometry(
            QgsGeometry.fromWkt(
                f"POLYGON(({x0} {ext.yMinimum() - 1},{x1} {ext.yMinimum() - 1},"
                f"{x1} {ext.yMaximum() + 1},{x0} {ext.yMaximum() + 1},"
                f"{x0} {ext.yMinimum() - 1}))"
            )
        )
        feats.append(f)
    target.dataProvider().addFeatures(feats)
    outs = {"OUTPUT_TARGET": tmp_path / "districts.gpkg", "OUTPUT_1": tmp_path / "spaces.gpkg"}
    with pytest.raises(QgsProcessingException, match="Disclosure control needs levels that nest"):
        processing.run(
            "sozialplanung:aggregateindicators",
            {
                "UNITS": blocks,
                "UNIT_KEY": "block_id",
                "TABLES": [str(demo_dir / "bloecke_2025.csv")],
                "INDICATORS": "kinderarmut_sgb2_u15",
                "LEVEL_FIELDS": ["sr_id"],
                "TARGET_LAYER": target,
                "TARGET_KEY": "sd",
                "DISCLOSURE": True,
                **{k: str(v) for k, v in outs.items()},
            },
            context=QgsProcessingContext(),
            feedback=QgsProcessingFeedback(),
        )
    assert not any(p.exists() for p in outs.values())


def test_method_record_travels_with_a_geopackage_via_qgis_process(qgis_process, demo_dir, tmp_path):
    gpkg = demo_dir / "rbk_demo.gpkg"
    out = tmp_path / "out.gpkg"
    res = qgis_process(
        "aggregateindicators",
        {
            "UNITS": f"{gpkg}|layername=blocks",
            "UNIT_KEY": "block_id",
            "TABLES": [str(demo_dir / f"bloecke_{y}.csv") for y in (2014, 2025)],
            "INDICATORS": "kinderarmut_sgb2_u15",
            "LEVEL_FIELDS": "sr_id",
            "DISCLOSURE": "true",
            "OUTPUT_1": f"ogr:dbname='{out}' table=\"spaces\" (geom)",
            "OUTPUT_COUNTY": f"ogr:dbname='{out}' table=\"county\" (geom)",
        },
    )
    version = default_catalogue().version
    assert json.loads(res["results"]["METHOD"])["catalogue_version"] == version
    layer = QgsVectorLayer(f"{out}|layername=spaces", "s", "ogr")
    assert layer.isValid() and layer.featureCount() > 10
    record = json.loads(next(layer.getFeatures())["sp_method"])
    assert record["catalogue_version"] == version and record["disclosure"] is True
    abstract = layer.metadata().abstract()
    assert abstract and json.loads(abstract)["catalogue_version"] == version
    assert any("catalogue_version=" + version in k for k in layer.metadata().keywords("sozialplanung"))
    flags = {f["kinderarmut_sgb2_u15_flag_2025"] for f in layer.getFeatures()}
    flags = {x for x in flags if not isnull(x)}
    assert flags <= {"", "unreliable", "incomplete", "suppressed", "no_denominator", "missing"} and flags
