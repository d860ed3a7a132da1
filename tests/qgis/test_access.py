"""The infrastructure algorithms in real QGIS: facilitysupply, networkaccess, accessgaps, zensusgrid.

Small hand-made layers where every number is known, bad inputs as clear errors, and the demo county."""

import math
import subprocess

import pytest
from qgis.core import (
    QgsProcessingException,
    QgsVectorLayer,
)

from ..helpers import access_params, hand_layers
from ..helpers import square_wkt as square
from ..helpers import wkt_layer as layer

DEMO = "sozialplanung_plugin/resources/demo/"


@pytest.fixture
def hand(qgis_app):
    return hand_layers()


def feats_by(lay, key="key"):
    return {f[key]: f for f in lay.getFeatures()}


# --------------------------------------------------------------------------------------------------------
# networkaccess on the lattice
# --------------------------------------------------------------------------------------------------------
def test_networkaccess_by_hand(run_alg, hand):
    res = run_alg("networkaccess", access_params(*hand))
    out = feats_by(res["OUTPUT"])
    s1, s2 = out["S1"], out["S2"]
    # Kita at (0,0): (100,0) 100 m (20 children), (100,400) 500 m (10), (430,130) 530 m + 30 m connector (30)
    assert s1["distanz_kita_2025"] == pytest.approx((20 * 100 + 10 * 500) / 30)
    assert s1["erreichbar_kita_2025"] == pytest.approx(100.0)  # 500 m is within the 500 m threshold
    assert s2["distanz_kita_2025"] == pytest.approx(560.0)
    assert s2["erreichbar_kita_2025"] == pytest.approx(0.0) and s2["ausserhalb_kita_2025"] == pytest.approx(30)
    assert s1["distanz_p90_kita_2025"] == pytest.approx(500.0)
    # county reference from all 60 children: 30 within
    assert s1["erreichbar_kita_ref_county_2025"] == pytest.approx(50.0)
    assert s2["erreichbar_kita_dev_county_2025"] == pytest.approx(-50.0)
    # 2SFCA, catchment 1,500 m: all 60 children share the 50 places -> 50/60 per child, x 1,000
    assert s1["fca_kita_2025"] == pytest.approx(50 / 60 * 1000)
    # GP at (400,400) for all residents: (100,0) 700 m, (100,400) 300 m, (430,130) 270 + 30 = 300 m
    assert s1["distanz_hausarzt_2025"] == pytest.approx((200 * 700 + 300 * 300) / 500)
    assert s2["distanz_hausarzt_2025"] == pytest.approx(300)
    assert s1["erreichbar_hausarzt_2025"] == pytest.approx(100.0)  # threshold 1,000 m
    assert s1["fca_hausarzt_2025"] == pytest.approx(2.5 / 1000 * 10000)
    origins = {f["origin_fid"]: f for f in res["OUTPUT_ORIGINS"].getFeatures()}
    assert sorted(round(f["cost_kita_1"], 6) for f in origins.values()) == [100, 500, 560]
    assert {round(f["connector_m"], 6) for f in origins.values()} == {0, 30}
    assert res["ORIGINS_OFF_NETWORK"] == 0


def test_networkaccess_travel_time_and_two_nearest(run_alg, hand):
    roads, fac, spaces, origins = hand
    two = layer(
        "Point",
        [("art", "string"), ("plaetze", "string")],
        [("POINT(0 0)", ["Kita", "50"]), ("POINT(400 0)", ["Kita", ""])],
    )
    res = run_alg("networkaccess", access_params(roads, two, spaces, origins, MODE=1, CLASS_FIELD="class", K=2))
    # residential streets: 30 km/h = 500 m per minute; connector 30 m at 4.5 km/h = 0.4 min
    costs = sorted(
        (round(f["cost_kita_1"], 6), round(f["cost_kita_2"], 6)) for f in res["OUTPUT_ORIGINS"].getFeatures()
    )
    assert costs == [(0.2, 0.6), (0.66, 1.46), (1.0, 1.4)]
    out = feats_by(res["OUTPUT"])
    assert out["S2"]["zeit_kita_2025"] == pytest.approx(0.66)
    assert out["S2"]["erreichbar_kita_2025"] == pytest.approx(100.0)  # threshold 10 min


def test_networkaccess_origin_off_the_network(run_alg, hand):
    roads, fac, spaces, _ = hand
    origins = layer(
        "Point", [("ew", "int"), ("ew_u6", "int")], [("POINT(100 0)", [10, 5]), ("POINT(200 1400)", [10, 5])]
    )
    res = run_alg("networkaccess", access_params(roads, fac, spaces, origins, MAX_SNAP=200))
    assert res["ORIGINS_OFF_NETWORK"] == 1
    # the off-network origin lies outside the spaces here; inside it would count as beyond the threshold
    s1 = feats_by(res["OUTPUT"])["S1"]
    assert s1["erreichbar_kita_2025"] == pytest.approx(100.0)


# --------------------------------------------------------------------------------------------------------
# bad inputs: clear errors, nothing written
# --------------------------------------------------------------------------------------------------------
def test_network_in_degrees_is_a_clear_error(run_alg, hand):
    _, fac, spaces, origins = hand
    roads = layer("LineString", [("class", "string")], [("LINESTRING(7.1 50.9, 7.2 50.9)", ["x"])], "EPSG:4326")
    with pytest.raises(QgsProcessingException, match="degrees"):
        run_alg("networkaccess", access_params(roads, fac, spaces, origins))


def test_empty_network_is_a_clear_error(run_alg, hand):
    _, fac, spaces, origins = hand
    roads = layer("LineString", [("class", "string")], [])
    with pytest.raises(QgsProcessingException, match="no features"):
        run_alg("networkaccess", access_params(roads, fac, spaces, origins))
    roads = layer("LineString", [("class", "string")], [("LINESTRING(5 5, 5 5)", ["x"])])
    with pytest.raises(QgsProcessingException, match="no segment of positive length|no lines"):
        run_alg("networkaccess", access_params(roads, fac, spaces, origins))


def test_type_not_in_the_file_and_capacity_text_are_clear_errors(run_alg, hand):
    roads, _, spaces, origins = hand
    fac = layer("Point", [("art", "string"), ("plaetze", "string")], [("POINT(0 0)", ["Schwimmbad", "5"])])
    with pytest.raises(QgsProcessingException, match="'Schwimmbad'.*Known types"):
        run_alg("networkaccess", access_params(roads, fac, spaces, origins))
    fac = layer("Point", [("art", "string"), ("plaetze", "string")], [("POINT(0 0)", ["Kita", "50 Plätze"])])
    with pytest.raises(QgsProcessingException, match="capacity field 'plaetze'.*'50 Plätze'"):
        run_alg("networkaccess", access_params(roads, fac, spaces, origins))
    with pytest.raises(QgsProcessingException, match="capacity field 'plaetze'"):
        run_alg(
            "facilitysupply",
            {
                "FACILITIES": fac,
                "TYPE_FIELD": "art",
                "CAPACITY_FIELD": "plaetze",
                "SPACES": spaces,
                "SPACE_KEY": "sr",
                "POPULATION": origins,
                "POPULATION_FIELD": "ew",
                "YEARS": "2025",
                "OUTPUT": "memory:",
            },
        )


# --------------------------------------------------------------------------------------------------------
# facilitysupply
# --------------------------------------------------------------------------------------------------------
def test_facilitysupply_by_hand(run_alg, hand, tmp_path):
    _, _, spaces, origins = hand
    fac = layer(
        "Point",
        [("art", "string"), ("plaetze", "double"), ("auf", "string"), ("zu", "string")],
        [
            ("POINT(10 10)", ["Kita", 40, "2010-01-01", None]),
            ("POINT(20 20)", ["KiTa", 30, "2025-08-01", None]),  # opened in 2025
            ("POINT(300 10)", ["Kindergarten", 25, None, "2024-07-31"]),  # closed in 2024
            ("POINT(310 10)", ["Hausarzt", 2.5, None, None]),
        ],
    )
    res = run_alg(
        "facilitysupply",
        {
            "FACILITIES": fac,
            "TYPE_FIELD": "art",
            "CAPACITY_FIELD": "plaetze",
            "OPENED_FIELD": "auf",
            "CLOSED_FIELD": "zu",
            "SPACES": spaces,
            "SPACE_KEY": "sr",
            "SPACE_NAME": "name",
            "MUNICIPALITY_FIELD": "ags",
            "POPULATION": origins,
            "POPULATION_FIELD": "ew",
            "YEARS": "2023, 2025",
            "OUTPUT": "memory:",
            "OUTPUT_COUNTY": "memory:",
            "CATALOGUE_OUT": str(tmp_path / "angebote.yaml"),
        },
    )
    out = feats_by(res["OUTPUT"])
    s1, s2 = out["S1"], out["S2"]
    # children under 6: S1 20 + 10 = 30, S2 30
    assert s1["angebote_kita_2023"] == 1 and s1["kapazitaet_kita_2023"] == 40
    assert s1["angebote_kita_2025"] == 2 and s1["kapazitaet_kita_2025"] == 70
    assert s1["versorgung_kita_2025"] == pytest.approx(70 / 30 * 1000)
    assert s1["versorgung_kita_den_2025"] == pytest.approx(30)
    assert s2["angebote_kita_2023"] == 1 and s2["angebote_kita_2025"] == 0
    assert s2["versorgung_kita_2025"] == pytest.approx(0.0)
    assert s2["versorgung_hausarzt_2025"] == pytest.approx(2.5 / 500 * 10000)
    assert s1["versorgung_kita_ref_county_2025"] == pytest.approx(70 / 60 * 1000)
    assert s1["versorgung_kita_ratio_county_2025"] == pytest.approx(2.0)
    county = next(res["OUTPUT_COUNTY"].getFeatures())
    assert county["versorgung_kita_2023"] == pytest.approx(65 / 60 * 1000)
    assert res["FACILITIES_OUTSIDE"] == 0
    # the supply indicators as a catalogue overlay: the store and the sheets take them like any indicator
    from sozialplanung_plugin.core.catalogue import load_catalogue

    cat = load_catalogue(res["CATALOGUE_OUT"])
    ind = cat.indicators["versorgung_kita"]
    assert (ind.unit, ind.multiplier, ind.denominator, ind.topic) == (
        "per 1,000",
        1000,
        ["ew_u6"],
        "Erziehung und Bildung",
    )
    assert cat.indicators["versorgung_hausarzt"].unit == "per 10,000" and "angebote_kita" in cat.indicators


# --------------------------------------------------------------------------------------------------------
# accessgaps
# --------------------------------------------------------------------------------------------------------
def test_accessgaps_by_hand(run_alg, hand, tmp_path):
    res = run_alg("networkaccess", access_params(*hand))
    need = layer("None", [("key", "string"), ("si_class", "int")], [("", ["S1", 1]), ("", ["S2", 4])])
    gaps = run_alg(
        "accessgaps",
        {
            "INPUT": res["OUTPUT"],
            "NEED": need,
            "NEED_FIELD": "si_class",
            "NEED_OP": 1,
            "NEED_VALUE": 3,
            "MIN_SHARE": 80,
            "OUTPUT": "memory:",
            "REPORT": "memory:",
            "MAPS": str(tmp_path / "gaps.pdf"),
            "FACILITIES": hand[1],
            "TYPE_FIELD": "art",
        },
    )
    out = feats_by(gaps["OUTPUT"])
    assert out["S2"]["luecke_kita_2025"] == 3  # need (class 4 >= 3) and 0 % within 500 m
    assert out["S1"]["luecke_kita_2025"] == 0  # 100 % within, no need
    assert out["S2"]["bedarf_kita_2025"] == 1 and out["S1"]["bedarf_kita_2025"] == 0
    assert gaps["SUMMARY"].splitlines()[0] == (
        "Kita: 1 von 2 Sozialräumen mit hohem Bedarf und schlechter Erreichbarkeit (1 mit hohem Bedarf); in 1 von 1 "
        "Gemeinden. 30 Kinder unter 6 Jahren wohnen außerhalb von 500 m Weg (davon 30 in Sozialräumen mit hohem "
        "Bedarf)."
    )
    rows = {f["type"]: f for f in gaps["REPORT"].getFeatures()}
    assert rows["kita"]["spaces_gap"] == 1 and rows["kita"]["persons_beyond"] == pytest.approx(30)
    text = subprocess.run(["pdftotext", str(tmp_path / "gaps.pdf"), "-"], capture_output=True, text=True).stdout
    assert "Erreichbarkeit: Kindertageseinrichtung" in text and "Erreichbarkeit: Hausärztliche Praxis" in text
    assert gaps["PAGES"] == 2


def test_accessgaps_without_need_field_is_a_clear_error(run_alg, hand):
    res = run_alg("networkaccess", access_params(*hand))
    with pytest.raises(QgsProcessingException, match="No need field for the type 'kita'.*hf_familie"):
        run_alg("accessgaps", {"INPUT": res["OUTPUT"], "OUTPUT": "memory:"})


# --------------------------------------------------------------------------------------------------------
# zensusgrid
# --------------------------------------------------------------------------------------------------------
GRID = (
    "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;Unter18\n"
    "CRS3035RES100mN3000000E4000000;4000050;3000050;12;3\n"
    "CRS3035RES100mN3000000E4000100;4000150;3000050;2;–\n"
    "CRS3035RES100mN3000000E4000200;4000250;3000050;40;9\n"
    "CRS3035RES100mN3000100E4000000;4000050;3000150;7;1\n"
)


def test_zensusgrid_containment_and_area_shares(run_alg, tmp_path):
    path = tmp_path / "Zensus2022_Bevoelkerung_100m-Gitter.csv"
    path.write_text(GRID, encoding="utf-8")
    # area A: x 4000000..4000150 (cells 1, 4 by centre; half of cell 2), area B: x 4000150..4000300
    areas = layer(
        "Polygon",
        [("id", "string")],
        [
            (square(4000000, 3000000, 4000150, 3000200), ["A"]),
            (square(4000150, 3000000, 4000300, 3000100), ["B"]),
        ],
        "EPSG:3035",
    )
    res = run_alg(
        "zensusgrid",
        {"INPUT": [str(path)], "AREAS": areas, "AREA_KEY": "id", "OUTPUT": "memory:", "OUTPUT_AREAS": "memory:"},
    )
    out = feats_by(res["OUTPUT_AREAS"])
    # cell 2 (centre x 4000150) lies on the border: its centre is in B (half-open rows/columns)
    assert out["A"]["einwohner_2022"] == 19 and out["B"]["einwohner_2022"] == 42
    assert out["B"]["unter18_2022"] == 9 and out["B"]["unter18_flag_2022"] == "incomplete"  # '–' not added as 0
    assert out["A"]["unter18_flag_2022"] == ""
    assert res["CELLS"] == 4 and res["OUTPUT"].featureCount() == 4
    res = run_alg(
        "zensusgrid",
        {
            "INPUT": [str(path)],
            "AREAS": areas,
            "AREA_KEY": "id",
            "METHOD": 1,
            "GEOMETRY": 1,
            "OUTPUT": "memory:",
            "OUTPUT_AREAS": "memory:",
        },
    )
    out = feats_by(res["OUTPUT_AREAS"])
    assert out["A"]["einwohner_2022"] == pytest.approx(12 + 1 + 7)  # half of cell 2
    assert out["B"]["einwohner_2022"] == pytest.approx(1 + 40)
    assert next(res["OUTPUT"].getFeatures()).geometry().area() == pytest.approx(100 * 100)


def test_zensusgrid_bad_table_is_a_clear_error(run_alg, tmp_path):
    path = tmp_path / "grid.csv"
    path.write_text("id,x,y\n1,2,3\n", encoding="utf-8")
    with pytest.raises(QgsProcessingException, match="no ';'"):
        run_alg("zensusgrid", {"INPUT": [str(path)], "OUTPUT": "memory:"})


# --------------------------------------------------------------------------------------------------------
# the demo county
# --------------------------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def demo_access(root_dir, qgis_app):
    import processing
    from qgis.core import QgsProcessingContext, QgsProcessingFeedback

    d = str(root_dir / DEMO)
    params = {
        "ORIGINS": f"{d}/rbk_demo.gpkg|layername=blocks",
        "POPULATION_FIELD": "residents",
        "ORIGIN_KEY": "block_id",
        "TABLES": [f"{d}/bloecke_2025.csv"],
        "FACILITIES": f"{d}/rbk_infrastructure.gpkg|layername=facilities",
        "TYPE_FIELD": "type",
        "CAPACITY_FIELD": "capacity",
        "OPENED_FIELD": "opened",
        "CLOSED_FIELD": "closed",
        "NETWORK": f"{d}/rbk_infrastructure.gpkg|layername=roads",
        "SPACES": f"{d}/rbk_demo.gpkg|layername=social_spaces",
        "SPACE_KEY": "sr_id",
        "SPACE_NAME": "sr_name",
        "MUNICIPALITY_FIELD": "ags",
        "YEAR": 2025,
        "OUTPUT": "memory:",
        "OUTPUT_ORIGINS": "memory:",
    }
    res = processing.run(
        "sozialplanung:networkaccess", params, feedback=QgsProcessingFeedback(), context=QgsProcessingContext()
    )
    return res, params


def test_demo_county_access(demo_access):
    res, _ = demo_access
    spaces = list(res["OUTPUT"].getFeatures())
    assert len(spaces) == 68
    for t in ("kita", "grundschule", "jugendzentrum", "seniorentreff", "beratungsstelle", "hausarzt"):
        shares = [f[f"erreichbar_{t}_2025"] for f in spaces]
        assert all(0 <= s <= 100 for s in shares)
        # the county value is the pooled share of the spaces (summed persons, never averaged shares)
        num = sum(f[f"erreichbar_{t}_num_2025"] for f in spaces)
        den = sum(f[f"erreichbar_{t}_den_2025"] for f in spaces)
        assert spaces[0][f"erreichbar_{t}_ref_county_2025"] == pytest.approx(num / den * 100)
    # the origins' own costs give the space means back
    origins = list(res["OUTPUT_ORIGINS"].getFeatures())
    assert len(origins) == 2421 and res["ORIGINS_OFF_NETWORK"] == 0
    assert all(f["cost_kita_1"] is not None and f["cost_kita_1"] >= f["connector_m"] - 1e-6 for f in origins)
    assert "Kita:" in res["REPORT"]


def _snap(ax, px, py):
    """Nearest point of the nearest segment (brute force): (segment, fraction, distance)."""
    import numpy as np

    dx, dy = ax[:, 2] - ax[:, 0], ax[:, 3] - ax[:, 1]
    t = np.clip(((px - ax[:, 0]) * dx + (py - ax[:, 1]) * dy) / (dx * dx + dy * dy), 0, 1)
    d = np.hypot(px - (ax[:, 0] + t * dx), py - (ax[:, 1] + t * dy))
    i = int(np.argmin(d))
    return i, float(t[i]), float(d[i])


def test_demo_county_costs_equal_networkx(demo_access):
    """Every origin's cost to its nearest Kita equals networkx multi-source Dijkstra within 0.1 m (segments
    split at the snapped points by brute force, plain networkx graph)."""
    import networkx as nx
    import numpy as np

    res, params = demo_access
    roads = QgsVectorLayer(params["NETWORK"], "r", "ogr")
    fac = QgsVectorLayer(params["FACILITIES"], "f", "ogr")
    seg = {}
    for f in roads.getFeatures():
        geom = f.geometry()
        for part in geom.asMultiPolyline() if geom.isMultipart() else [geom.asPolyline()]:
            for a, b in zip(part[:-1], part[1:]):
                ka, kb = (a.x(), a.y()), (b.x(), b.y())
                if ka != kb:
                    seg.setdefault((min(ka, kb), max(ka, kb)), None)
    segs = list(seg)
    ax = np.array([[a[0], a[1], b[0], b[1]] for a, b in segs])

    def is_open(f):
        closed = f["closed"]
        closed = None if closed is None or str(closed) in ("", "NULL") else str(closed)
        return str(f["opened"]) <= "2025-12-31" and (closed is None or closed > "2025-12-31")

    kitas = [f.geometry().asPoint() for f in fac.getFeatures() if f["type"] == "Kita" and is_open(f)]
    origins = list(res["OUTPUT_ORIGINS"].getFeatures())
    on_seg = {}
    points = [("f", k, p) for k, p in enumerate(kitas)] + [
        ("o", o["origin_fid"], o.geometry().asPoint()) for o in origins
    ]
    snapped = {}
    for kind, ident, p in points:
        i, t, d = _snap(ax, p.x(), p.y())
        on_seg.setdefault(i, []).append((t, (kind, ident)))
        snapped[(kind, ident)] = d
    g = nx.Graph()
    for i, (a, b) in enumerate(segs):
        length = math.hypot(a[0] - b[0], a[1] - b[1])
        chain = [(0.0, a)] + sorted(on_seg.get(i, [])) + [(1.0, b)]
        for (t0, n0), (t1, n1) in zip(chain[:-1], chain[1:]):
            w = (t1 - t0) * length
            if not g.has_edge(n0, n1) or g[n0][n1]["w"] > w:
                g.add_edge(n0, n1, w=w)
    for k in range(len(kitas)):
        g.add_edge(("f", k), ("kita", k), w=snapped[("f", k)])
    dist = nx.multi_source_dijkstra_path_length(g, [("kita", k) for k in range(len(kitas))], weight="w")
    diffs = [abs(dist[("o", o["origin_fid"])] + snapped[("o", o["origin_fid"])] - o["cost_kita_1"]) for o in origins]
    assert len(diffs) == 2421 and max(diffs) < 0.1


def test_networkaccess_through_qgis_process(qgis_process, root_dir, tmp_path):
    d = str(root_dir / DEMO)
    out = qgis_process(
        "networkaccess",
        {
            "ORIGINS": f"{d}/rbk_demo.gpkg|layername=blocks",
            "POPULATION_FIELD": "residents",
            "FACILITIES": f"{d}/rbk_infrastructure.gpkg|layername=facilities",
            "TYPE_FIELD": "type",
            "NETWORK": f"{d}/rbk_infrastructure.gpkg|layername=roads",
            "SPACES": f"{d}/rbk_demo.gpkg|layername=social_spaces",
            "SPACE_KEY": "sr_id",
            "TYPES": "hausarzt,lebensmittel",
            "FCA": "false",
            "OUTPUT": str(tmp_path / "access.gpkg"),
        },
    )
    assert out["results"]["ORIGINS_ON_NETWORK"] == 2421
    lay = QgsVectorLayer(str(tmp_path / "access.gpkg"), "a", "ogr")
    names = lay.fields().names()
    assert "erreichbar_hausarzt_2025" in names and "fca_hausarzt_2025" not in names and lay.featureCount() == 68
    bad = qgis_process("networkaccess", {"ORIGINS": f"{d}/rbk_demo.gpkg|layername=blocks"}, expect_ok=False)
    assert bad.returncode != 0


# --------------------------------------------------------------------------------------------------------
# storefacilities: the facilities as a versioned layer of the monitoring store
# --------------------------------------------------------------------------------------------------------
def register(rows):
    """Kitas of a register: rows (key, type value, places, opened, closed, x)."""
    return layer(
        "Point",
        [("kid", "string"), ("art", "string"), ("plaetze", "string"), ("auf", "string"), ("zu", "string")],
        [(f"POINT({x} 100)", [k, t, c, o, z]) for k, t, c, o, z, x in rows],
    )


def test_storefacilities_versions_and_supply_over_the_years(run_alg, hand, tmp_path):
    """Register 2019: K1 (2015, 50 places, west), K2 (opened 2020-08-01, 30, west), K3 (2010, closed
    2021-08-01, 20, east); register 2022: K1 has 60 places, K4 opens 2022-03-01 (25, east), K3 is gone.
    Open on 31.12. by hand: 2019 S1 K1 (50), S2 K3 (20) | 2020 S1 K1+K2 (80), S2 K3 (20) | 2021 S1 80, S2 none |
    2022 S1 K1 60 + K2 30 = 90, S2 K4 25."""
    _, _, spaces, _ = hand
    store = str(tmp_path / "monitoring.gpkg")
    run_alg("storeunits", {"INPUT": spaces, "STORE": store, "LEVEL": 1, "KEY_FIELD": "sr", "NAME_FIELD": "name"})
    common = {
        "STORE": store,
        "KEY_FIELD": "kid",
        "TYPE_FIELD": "art",
        "NAME_FIELD": "",
        "CAPACITY_FIELD": "plaetze",
        "OPENED_FIELD": "auf",
        "CLOSED_FIELD": "zu",
        "LEVEL": 1,
    }
    first = register(
        [
            ("K1", "Kita", "50", "2015", None, 100),
            ("K2", "KiTa", "30", "2020-08-01", None, 200),
            ("K3", "Kindergarten", "20", "01.01.2010", "2021-08-01", 300),
        ]
    )
    res = run_alg("storefacilities", {**common, "INPUT": first, "VALID_FROM": "2019"})
    assert (res["ADDED"], res["CHANGED"], res["UNCHANGED"], res["ENDED"]) == (3, 0, 0, 0)
    second = register(
        [
            ("K1", "Kita", "60", "2015", None, 100),
            ("K2", "KiTa", "30", "2020-08-01", None, 200),
            ("K4", "Kita", "25", "2022-03-01", None, 350),
        ]
    )
    res = run_alg(
        "storefacilities",
        {
            **common,
            "INPUT": second,
            "VALID_FROM": "2022",
            "REPLACE": True,
            "YEARS": "2019, 2020, 2021, 2022",
            "OUTPUT": "memory:",
        },
    )
    assert (res["ADDED"], res["CHANGED"], res["UNCHANGED"], res["ENDED"]) == (1, 1, 1, 1)
    table = {
        (f["unit_key"], f["year"]): (f["type"], f["facilities"], f["capacity"]) for f in res["OUTPUT"].getFeatures()
    }
    assert table == {
        ("S1", 2019): ("kita", 1, 50.0),
        ("S2", 2019): ("kita", 1, 20.0),
        ("S1", 2020): ("kita", 2, 80.0),
        ("S2", 2020): ("kita", 1, 20.0),
        ("S1", 2021): ("kita", 2, 80.0),
        ("S1", 2022): ("kita", 2, 90.0),
        ("S2", 2022): ("kita", 1, 25.0),
    }
    from sozialplanung_plugin.core.store import Store

    s = Store.open(store, read_only=True)
    try:
        history = s.facility_history(["K1"])
        assert list(history["capacity"]) == [50.0, 60.0] and list(history["valid_to"]) == [
            "2022-12-31",
            None,
        ]  # a year is its 31 December
    finally:
        s.close()
    # the same register again writes nothing
    res = run_alg("storefacilities", {**common, "INPUT": second, "VALID_FROM": "2023"})
    assert (res["ADDED"], res["CHANGED"], res["UNCHANGED"], res["ENDED"]) == (0, 0, 3, 0)


def test_storefacilities_bad_register_writes_nothing(run_alg, tmp_path):
    store = tmp_path / "monitoring.gpkg"
    common = {"STORE": str(store), "KEY_FIELD": "kid", "TYPE_FIELD": "art", "CAPACITY_FIELD": "plaetze"}
    bad_type = register([("K1", "Schwimmbad", "5", None, None, 100)])
    with pytest.raises(QgsProcessingException, match="'Schwimmbad'.*Known types"):
        run_alg("storefacilities", {**common, "INPUT": bad_type})
    bad_capacity = register([("K1", "Kita", "ca. 30", None, None, 100)])
    with pytest.raises(QgsProcessingException, match="capacity field 'plaetze'.*'ca. 30'"):
        run_alg("storefacilities", {**common, "INPUT": bad_capacity})
    twice = register([("K1", "Kita", "5", None, None, 100), ("K1", "Kita", "6", None, None, 200)])
    with pytest.raises(QgsProcessingException, match="'K1' occurs more than once"):
        run_alg("storefacilities", {**common, "INPUT": twice})
    assert not store.exists()  # refused before the store was created


def test_demo_facilities_in_the_store_give_the_supply_counts(run_alg, root_dir, tmp_path):
    """The demo's 1,490 facilities as a versioned layer of a store (as `make demo` step 5d3 does): the facilities
    open on 31.12. per social space and year read back from the store equal facilitysupply's counts
    angebote_<type>_<year> for 2023-2025 (5 % opened 2024-08-01, 4 % closed 2024-07-31)."""
    import shutil

    for name in ("rbk_demo.gpkg", "rbk_infrastructure.gpkg"):  # copies: the shipped files are never opened
        shutil.copy(root_dir / DEMO / name, tmp_path / name)
    spaces = f"{tmp_path / 'rbk_demo.gpkg'}|layername=social_spaces"
    facilities = f"{tmp_path / 'rbk_infrastructure.gpkg'}|layername=facilities"
    store = str(tmp_path / "monitoring.gpkg")
    run_alg("storeunits", {"INPUT": spaces, "STORE": store, "LEVEL": 1, "KEY_FIELD": "sr_id"})
    res = run_alg(
        "storefacilities",
        {
            "INPUT": facilities,
            "STORE": store,
            "KEY_FIELD": "fac_id",
            "TYPE_FIELD": "type",
            "NAME_FIELD": "name",
            "CAPACITY_FIELD": "capacity",
            "OPENED_FIELD": "opened",
            "CLOSED_FIELD": "closed",
            "MUNICIPALITY_FIELD": "ags",
            "VALID_FROM": "2023-01-01",
            "LEVEL": 1,
            "YEARS": "2023, 2024, 2025",
            "OUTPUT": "memory:",
        },
    )
    assert res["ADDED"] == 1490
    stored = {
        (f["unit_key"], f["year"], f["type"]): (f["facilities"], f["capacity"]) for f in res["OUTPUT"].getFeatures()
    }
    supply = run_alg(
        "facilitysupply",
        {
            "FACILITIES": facilities,
            "TYPE_FIELD": "type",
            "CAPACITY_FIELD": "capacity",
            "OPENED_FIELD": "opened",
            "CLOSED_FIELD": "closed",
            "SPACES": spaces,
            "SPACE_KEY": "sr_id",
            "POPULATION": f"{tmp_path / 'rbk_demo.gpkg'}|layername=blocks",
            "POPULATION_FIELD": "residents",
            "POPULATION_KEY": "block_id",
            "TABLES": [str(root_dir / DEMO / f"bloecke_{y}.csv") for y in (2023, 2024, 2025)],
            "YEARS": "2023, 2024, 2025",
            "OUTPUT": "memory:",
        },
    )
    expected = {}
    for f in supply["OUTPUT"].getFeatures():
        for year in (2023, 2024, 2025):
            for t in ("kita", "grundschule", "hausarzt", "lebensmittel"):
                n = f[f"angebote_{t}_{year}"]
                if n:
                    expected[(f["key"], year, t)] = (n, pytest.approx(f[f"kapazitaet_{t}_{year}"]))
    assert len(expected) > 300
    assert {k: v for k, v in stored.items() if k[2] in ("kita", "grundschule", "hausarzt", "lebensmittel")} == expected
    # supply changes between the years: the register's dates are used
    kitas = {y: sum(v[0] for k, v in stored.items() if k[1] == y and k[2] == "kita") for y in (2023, 2024, 2025)}
    assert kitas[2023] != kitas[2025]


def test_profile_sheet_offers_page_by_hand(run_alg, hand, tmp_path):
    """The section "Angebote im Sozialraum" (second page per space) with the lattice numbers: S2 has no Kita,
    0 % of its 30 children within 500 m (county 50 %), 30 beyond; the GP (2.5 doctors) lies in S2."""
    from ..helpers import pdf_pages

    roads, fac, spaces, origins = hand
    access = run_alg("networkaccess", access_params(roads, fac, spaces, origins))["OUTPUT"]
    supply = run_alg(
        "facilitysupply",
        {
            "FACILITIES": fac,
            "TYPE_FIELD": "art",
            "CAPACITY_FIELD": "plaetze",
            "SPACES": spaces,
            "SPACE_KEY": "sr",
            "SPACE_NAME": "name",
            "MUNICIPALITY_FIELD": "ags",
            "POPULATION": origins,
            "POPULATION_FIELD": "ew",
            "YEARS": "2025",
            "OUTPUT": "memory:",
        },
    )["OUTPUT"]
    sheets = layer(  # the profile sheet's own first page needs an indicator of the catalogue
        "Polygon",
        [("key", "string"), ("name", "string"), ("sgb2_quote_2025", "double")],
        [(square(-50, -50, 250, 450), ["S1", "West", 8.0]), (square(250, -50, 450, 450), ["S2", "Ost", 12.0])],
    )
    pdf = tmp_path / "profiles.pdf"
    run_alg(
        "profileatlas",
        {
            "INPUT": sheets,
            "KEY_FIELD": "key",
            "NAME_FIELD": "name",
            "OFFERS_SUPPLY": supply,
            "OFFERS_ACCESS": access,
            "OFFERS_FACILITIES": fac,
            "OUTPUT": str(pdf),
        },
    )
    assert pdf_pages(pdf) == 6  # per space: the sheet, its offers page, its spine page (in that order)
    pages = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True).stdout.split("\f")
    ost = next(p for p in pages if "Ost: Angebote im Sozialraum" in p)
    assert ["Angebote im Sozialraum" in p for p in pages[:6]] == [False, True, False, False, True, False]
    assert ["Stärken und Schwächen" in p for p in pages[:6]] == [False, False, True, False, False, True]
    for heading in ("Angebot", "Anzahl (Kap.)", "Versorgung", "Reichweite %", "Gemeinde %", "Kreis %", "außerhalb"):
        assert heading in ost, heading
    kita = next(line for line in ost.splitlines() if line.strip().startswith("Kita")).split()
    # count (capacity), supply, municipality, county supply; share, municipality, county share; persons beyond
    # (county supply 50 places / 60 children x 1,000 = 833.3; the one municipality is the county)
    assert kita == ["Kita", "0", "(0)", "0,0", "833,3", "833,3", "0", "50", "50", "30"], kita
    gp = next(line for line in ost.splitlines() if line.strip().startswith("Hausarzt")).split()
    # 2.5 doctors per 500 residents of S2 x 10,000 = 50; county 2.5 / 1,000 x 10,000 = 25; all within 1,000 m
    assert gp == ["Hausarzt", "1", "(2,5)", "50,0", "25,0", "25,0", "100", "100", "100", "0"], gp
