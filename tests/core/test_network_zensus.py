"""core.zensus_grid: Zensus 2022 grid tables as published, cells into polygons (containment and area shares)."""

import numpy as np
import pytest

from sozialplanung_plugin.core import zensus_grid as zg
from sozialplanung_plugin.core.errors import InputError

TABLE = (
    "GITTER_ID_100m;x_mp_100m;y_mp_100m;Insgesamt_Bevoelkerung;Unter18;a65undaelter;Anteil_unter18;"
    "werterlaeuternde_Zeichen\n"
    "CRS3035RES100mN3100000E4100000;4100050;3100050;12;3;–;25,0;\n"
    "CRS3035RES100mN3100000E4100100;4100150;3100050;7;–;2;–;KLAMMERN\n"
    "CRS3035RES100mN3100100E4100000;4100050;3100150;250;41;60;16,4;\n"
    "CRS3035RES100mN3100100E4100100;4100150;3100150;3;.;0;0,0;\n"
)


def write(tmp_path, text, name="Zensus2022_Alter_100m-Gitter.csv", encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def test_read_grid_table_as_published(tmp_path):
    g = zg.read_zensus_grid(write(tmp_path, TABLE))
    assert g.resolution == 100 and len(g) == 4
    assert g.ids[0] == "CRS3035RES100mN3100000E4100000"
    assert g.x.tolist() == [4100050, 4100150, 4100050, 4100150]
    assert g.variables == ["insgesamt_bevoelkerung", "unter18", "a65undaelter", "anteil_unter18"]
    assert g.values["insgesamt_bevoelkerung"].tolist() == [12, 7, 250, 3]
    assert np.isnan(g.values["unter18"][1]) and g.status["unter18"][1] == "suppressed"  # '–' is secret, not 0
    assert np.isnan(g.values["unter18"][3]) and g.status["unter18"][3] == "suppressed_or_unknown"
    assert g.values["anteil_unter18"].tolist()[:1] == [25.0] and g.values["anteil_unter18"][2] == pytest.approx(16.4)
    assert g.status["a65undaelter"][1] == "low_reliability" and g.values["a65undaelter"][1] == 2  # KLAMMERN
    assert g.status["insgesamt_bevoelkerung"][1] == "low_reliability"
    assert g.status["a65undaelter"][3] == "ok" and g.values["a65undaelter"][3] == 0


def test_population_table_without_coordinates_and_cp1252(tmp_path):
    text = "GITTER_ID_1km;Einwohner\nCRS3035RES1000mN2689000E4337000;5\nCRS3035RES1000mN2690000E4337000;-1\n"
    g = zg.read_zensus_grid(write(tmp_path, text, encoding="cp1252"))
    assert g.resolution == 1000
    assert g.x.tolist() == [4337500, 4337500] and g.y.tolist() == [2689500, 2690500]
    assert g.values["einwohner"][0] == 5 and np.isnan(g.values["einwohner"][1])  # 2011 style secret -1
    assert g.status["einwohner"][1] == "suppressed"


@pytest.mark.parametrize(
    "text, message",
    [
        ("id;x;y;Einwohner\nA;1;2;3\n", "no column GITTER_ID_100m"),
        ("GITTER_ID_100m,x_mp_100m,y_mp_100m,Einwohner\n", "no ';'"),
        ("GITTER_ID_100m;x_mp_100m;y_mp_100m\n", "no value column"),
        (
            "GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner\nCRS3035RES100mN1E1;4100050;3100050;viele\n",
            "line 2, column 4 \\(Einwohner\\): 'viele'",
        ),
        ("GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner\nCRS3035RES100mN1E1;4100O50;3100050;4\n", "line 2"),
        ("", "empty"),
    ],
)
def test_bad_grid_tables_are_clear_errors(tmp_path, text, message):
    with pytest.raises(InputError, match=message):
        zg.read_zensus_grid(write(tmp_path, text))


# --------------------------------------------------------------------------------------------------------
# cells into polygons
# --------------------------------------------------------------------------------------------------------
def grid(n=20, res=100.0, x0=4100000.0, y0=3100000.0):
    cx, cy = np.meshgrid(x0 + res * (np.arange(n) + 0.5), y0 + res * (np.arange(n) + 0.5))
    return cx.ravel(), cy.ravel()


def test_containment_of_squares_with_a_hole():
    x, y = grid()
    x0, y0 = 4100000.0, 3100000.0
    outer = [(x0, y0), (x0 + 1000, y0), (x0 + 1000, y0 + 1000), (x0, y0 + 1000)]
    hole = [(x0 + 300, y0 + 300), (x0 + 700, y0 + 300), (x0 + 700, y0 + 700), (x0 + 300, y0 + 700)]
    right = [(x0 + 1000, y0), (x0 + 2000, y0), (x0 + 2000, y0 + 500), (x0 + 1000, y0 + 500)]
    xy, off, own = zg.rings([[outer, hole], [right]])
    lab = zg.label_cells(x, y, 100.0, xy, off, own)
    assert (lab == 0).sum() == 100 - 16 and (lab == 1).sum() == 50
    centre = (x > x0 + 300) & (x < x0 + 700) & (y > y0 + 300) & (y < y0 + 700)
    assert (lab[centre] == -1).all()


def random_polygon(rng, cx, cy, r, n=9):
    ang = np.sort(rng.uniform(0, 2 * np.pi, n))
    rad = rng.uniform(0.3, 1.0, n) * r
    return np.column_stack([cx + rad * np.cos(ang), cy + rad * np.sin(ang)])


def test_containment_equals_point_in_polygon():
    from matplotlib.path import Path

    rng = np.random.default_rng(4)
    x, y = grid(60)
    polys = [
        random_polygon(rng, 4100000 + rng.uniform(800, 5200), 3100000 + rng.uniform(800, 5200), 900) for _ in range(12)
    ]
    xy, off, own = zg.rings([[p] for p in polys])
    lab = zg.label_cells(x, y, 100.0, xy, off, own)
    pts = np.column_stack([x, y])
    inside = np.array([Path(p).contains_points(pts) for p in polys])  # (12, cells)
    for j in range(len(polys)):
        only = inside[j] & (inside.sum(axis=0) == 1)
        assert (lab[only] == j).all()
    assert ((lab >= 0) == inside.any(axis=0)).mean() > 0.999


def test_area_shares_exact_on_axis_and_close_otherwise():
    import shapely.geometry as shapely

    x, y = grid(10)
    x0, y0 = 4100000.0, 3100000.0
    half = [(x0 + 50, y0), (x0 + 450, y0), (x0 + 450, y0 + 200), (x0 + 50, y0 + 200)]
    xy, off, own = zg.rings([[half]])
    sh = zg.area_shares(x, y, 100.0, xy, off, own)
    by_cell = dict(zip(sh["cell"], sh["share"]))
    c00 = int(np.flatnonzero((x == x0 + 50) & (y == y0 + 50))[0])
    c10 = int(np.flatnonzero((x == x0 + 150) & (y == y0 + 50))[0])
    assert by_cell[c00] == pytest.approx(0.5) and by_cell[c10] == pytest.approx(1.0)
    assert sum(by_cell.values()) == pytest.approx(400 * 200 / 100**2)
    tri = [(x0 + 30, y0 + 20), (x0 + 870, y0 + 140), (x0 + 310, y0 + 930)]
    xy, off, own = zg.rings([[tri]])
    sh = zg.area_shares(x, y, 100.0, xy, off, own, sub=20)
    poly = shapely.Polygon(tri)
    for cell, share in zip(sh["cell"], sh["share"]):
        box = shapely.box(x[cell] - 50, y[cell] - 50, x[cell] + 50, y[cell] + 50)
        assert share == pytest.approx(poly.intersection(box).area / 100**2, abs=1 / 20)
    assert sh["share"].sum() == pytest.approx(poly.area / 100**2, rel=0.01)


def test_sum_cells_marks_secret_cells(tmp_path):
    g = zg.read_zensus_grid(write(tmp_path, TABLE))
    sums, flags, n = zg.sum_cells([0, 0, 1, -1], g.values, g.status, 3)
    assert sums["insgesamt_bevoelkerung"].tolist() == [19, 250, 0]
    assert sums["unter18"].tolist() == [3, 41, 0] and flags["unter18"].tolist() == ["incomplete", "", ""]
    assert n.tolist() == [2, 1, 0]
