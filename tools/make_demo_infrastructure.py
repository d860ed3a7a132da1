"""Synthetic road network and social infrastructure for the demo county (deterministic; re-running gives the
same file). Writes sozialplanung_plugin/resources/demo/rbk_infrastructure.gpkg with two layers:

- ``roads``: streets along the block boundaries (the boundaries noded where they meet) and one short street
  into every inhabited block (to the point where its residents are counted), classes ``residential`` (beside
  inhabited blocks) and ``track`` (between fields and forest), and roads between the
  towns (``primary`` along the shortest block-boundary paths of a spanning tree of the town centres,
  ``secondary`` to each town's second-nearest town), with ``speed_kmh`` and a few one-way streets in the
  centre of Bergisch Gladbach (``oneway`` = yes, digitised direction);
- ``facilities``: 8 types (Kita with places, Grundschule, Jugendzentrum, Seniorentreff, Beratungsstelle, Hausarzt,
  Haltestelle, Lebensmittel), placed in blocks drawn with probability rising with their residents (denser where
  people live), with a capacity, an opening date and, for a few, a closing date.

Everything here is SYNTHETIC: no real facility, road or capacity of the Rheinisch-Bergischer Kreis.
Run: PYTHONNOUSERSITE=1 /usr/bin/python3 tools/make_demo_infrastructure.py
"""

import argparse
import sqlite3
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DEMO = ROOT / "sozialplanung_plugin" / "resources" / "demo"
SEED = 20251231
CRS = "EPSG:25832"

# type value in the layer, number of facilities, placement exponent on block residents, capacity range, decimals
TYPES = [
    ("Kita", 190, 1.0, (35, 130), 0),
    ("Grundschule", 60, 1.0, (140, 420), 0),
    ("Jugendzentrum", 22, 1.3, (25, 90), 0),
    ("Seniorentreff", 45, 1.0, (20, 70), 0),
    ("Beratungsstelle", 18, 2.0, (8, 45), 0),
    ("Hausarzt", 160, 1.2, (1, 3.5), 1),
    ("Haltestelle", 900, 0.7, (15, 220), 0),
    ("Lebensmittel", 95, 1.3, (400, 1600), 0),
]
SPEEDS = {"primary": 70, "secondary": 50, "residential": 30, "track": 15}


def load(path):
    import geopandas as gpd

    blocks = gpd.read_file(path, layer="blocks")
    munis = gpd.read_file(path, layer="municipalities")
    return blocks.sort_values("block_id").reset_index(drop=True), munis.sort_values("ags").reset_index(drop=True)


def street_pieces(blocks):
    """The block boundaries noded at every meeting point, simplified a little, as a list of LineStrings."""
    from shapely.geometry import LineString, MultiLineString
    from shapely.ops import unary_union

    noded = unary_union([g.boundary for g in blocks.geometry])
    lines = list(noded.geoms) if isinstance(noded, MultiLineString) else [noded]
    out = []
    for ln in lines:
        s = ln.simplify(2.0, preserve_topology=False)
        coords = [(round(x, 2), round(y, 2)) for x, y in s.coords]
        if len(coords) >= 2 and LineString(coords).length > 0.5:
            out.append(LineString(coords))
    out.sort(key=lambda ln: (ln.coords[0], ln.coords[-1], ln.length))
    return out


def access_streets(blocks):
    """One short street into every inhabited block, from its nearest boundary vertex to its inner point
    (where the block's residents are counted), so that blocks are reached as over their house streets."""
    from shapely.geometry import LineString

    out = []
    for g, r in zip(blocks.geometry, blocks["residents"]):
        if r <= 0:
            continue
        c = g.representative_point()
        ring = np.asarray(g.exterior.coords)
        v = ring[np.argmin(np.hypot(ring[:, 0] - c.x, ring[:, 1] - c.y))]
        if np.hypot(v[0] - c.x, v[1] - c.y) > 5:
            out.append(LineString([(round(v[0], 2), round(v[1], 2)), (round(c.x, 2), round(c.y, 2))]))
    return out


def classify(pieces, blocks):
    """'residential' beside an inhabited block, else 'track'."""
    from shapely.ops import unary_union

    inhabited = unary_union([g.buffer(1.0) for g, r in zip(blocks.geometry, blocks["residents"]) if r > 0])
    return ["residential" if inhabited.contains(ln.interpolate(0.5, normalized=True)) else "track" for ln in pieces]


def graph_of(pieces):
    import networkx as nx

    g = nx.Graph()
    for i, ln in enumerate(pieces):
        a, b = ln.coords[0], ln.coords[-1]
        if not g.has_edge(a, b) or g[a][b]["w"] > ln.length:
            g.add_edge(a, b, w=ln.length, piece=i)
    return g


def town_roads(pieces, blocks, munis, classes):
    """Pieces on the shortest paths between the town centres: a spanning tree (primary) and each town's link to
    its second-nearest town (secondary)."""
    import networkx as nx

    g = graph_of(pieces)
    main = max(nx.connected_components(g), key=len)
    nodes = np.array(sorted(main))
    centres = []
    for ags in munis["ags"]:
        b = blocks[blocks["ags"] == ags]
        w = b["residents"].to_numpy(float) ** 2
        pts = np.array([(p.x, p.y) for p in b.geometry.representative_point()])
        c = (pts * w[:, None]).sum(0) / w.sum()
        centres.append(tuple(nodes[np.argmin(np.hypot(nodes[:, 0] - c[0], nodes[:, 1] - c[1]))]))
    k = len(centres)
    dist = np.zeros((k, k))
    paths = {}
    for i in range(k):
        length, path = nx.single_source_dijkstra(g, centres[i], weight="w")
        for j in range(k):
            dist[i, j] = length[centres[j]]
            paths[(i, j)] = path[centres[j]]
    tree = nx.minimum_spanning_tree(nx.Graph([(i, j, {"weight": dist[i, j]}) for i in range(k) for j in range(i)]))
    links = [(min(i, j), max(i, j), "primary") for i, j in tree.edges()]
    for i in range(k):
        j = int(np.argsort(dist[i])[2])  # [0] is itself, [1] usually a tree neighbour
        links.append((min(i, j), max(i, j), "secondary"))
    for i, j, cls in sorted(set(links)):
        p = paths[(i, j)]
        for a, b in zip(p[:-1], p[1:]):
            piece = g[a][b]["piece"]
            if classes[piece] != "primary":
                classes[piece] = cls
    return centres


def oneway_streets(pieces, classes, centre, rng):
    """About one in eight residential streets within 900 m of Bergisch Gladbach's centre: one-way."""
    out = []
    for ln, cls in zip(pieces, classes):
        mid = ln.interpolate(0.5, normalized=True)
        near = np.hypot(mid.x - centre[0], mid.y - centre[1]) < 900
        out.append("yes" if (cls == "residential" and near and rng.random() < 0.125) else "no")
    return out


def random_point_in(poly, rng):
    """A random point of the block, moved to 8 m inside its boundary (facilities stand at streets)."""
    from shapely.geometry import Point
    from shapely.ops import nearest_points

    minx, miny, maxx, maxy = poly.bounds
    p = poly.representative_point()
    for _ in range(500):
        q = Point(rng.uniform(minx, maxx), rng.uniform(miny, maxy))
        if poly.contains(q):
            p = q
            break
    edge = nearest_points(poly.exterior, p)[0]
    d = edge.distance(p)
    if d > 8:
        p = Point(edge.x + (p.x - edge.x) * 8 / d, edge.y + (p.y - edge.y) * 8 / d)
    return round(p.x, 1), round(p.y, 1)


def place_facilities(blocks, rng):
    from shapely.geometry import Point

    rows = []
    residents = blocks["residents"].to_numpy(float)
    for name, n, exponent, (lo, hi), decimals in TYPES:
        w = np.where(residents > 0, residents**exponent, 0.0)
        picks = rng.choice(len(blocks), size=n, replace=True, p=w / w.sum())
        for k, b in enumerate(sorted(picks)):
            blk = blocks.iloc[b]
            x, y = random_point_in(blk.geometry, rng)
            cap = round(float(rng.uniform(lo, hi)), decimals)
            if decimals == 0:
                cap = float(int(round(cap / (5 if hi > 100 else 1))) * (5 if hi > 100 else 1))
            opened = f"{int(rng.integers(1975, 2021))}-{int(rng.integers(1, 13)):02d}-01"
            closed = None
            u = rng.random()
            if u < 0.05:
                opened = "2024-08-01"
            elif u < 0.09:
                closed = "2024-07-31"
            rows.append(
                {
                    "fac_id": f"{name[:3].upper()}{k + 1:04d}",
                    "type": name,
                    "name": f"{name} {blk['municipality']} {k + 1:03d}",
                    "capacity": cap,
                    "opened": opened,
                    "closed": closed,
                    "ags": blk["ags"],
                    "geometry": Point(x, y),
                }
            )
    return rows


def write_demo_grid(path, blocks=None, seed=SEED):
    """A synthetic Zensus 2022 grid table of the demo county in the published layout (100 m cells, ';',
    GITTER_ID_100m, x_mp_100m, y_mp_100m, EPSG:3035, '–' for secret cells): each block's residents spread
    over the cells whose centre lies in it. SYNTHETIC, for trying the grid import only."""
    from pyproj import Transformer
    from shapely.geometry import Point
    from shapely.ops import transform

    if blocks is None:
        blocks, _ = load(DEMO / "rbk_demo.gpkg")
    rng = np.random.default_rng(seed + 1)
    to3035 = Transformer.from_crs(25832, 3035, always_xy=True).transform
    rows = {}
    for g, r in zip(blocks.geometry, blocks["residents"]):
        if r <= 0:
            continue
        g3 = transform(to3035, g)
        minx, miny, maxx, maxy = g3.bounds
        xs = np.arange(np.floor(minx / 100) * 100 + 50, maxx, 100)
        ys = np.arange(np.floor(miny / 100) * 100 + 50, maxy, 100)
        cells = [(x, y) for x in xs for y in ys if g3.contains(Point(x, y))]
        if not cells:
            c = g3.representative_point()
            cells = [(np.floor(c.x / 100) * 100 + 50, np.floor(c.y / 100) * 100 + 50)]
        w = rng.gamma(0.7, 1.0, len(cells))
        share = np.floor(w / w.sum() * r).astype(int)
        share[np.argsort(-w)[: int(r - share.sum())]] += 1
        for (x, y), n in zip(cells, share):
            if n > 0:
                rows[(x, y)] = rows.get((x, y), 0) + int(n)
    lines = ["GITTER_ID_100m;x_mp_100m;y_mp_100m;Einwohner;Unter18;a65undaelter"]
    for (x, y), n in sorted(rows.items(), key=lambda kv: (kv[0][1], kv[0][0])):
        u18 = int(rng.binomial(n, 0.17))
        o65 = int(rng.binomial(n, 0.23))
        secret = n < 3
        lines.append(
            f"CRS3035RES100mN{int(y - 50)}E{int(x - 50)};{int(x)};{int(y)};{n};" + ("–;–" if secret else f"{u18};{o65}")
        )
    Path(path).write_text("\n".join(lines) + "\n", encoding="utf-8")
    return len(rows)


def main(argv=None):
    import geopandas as gpd

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=str(DEMO / "rbk_infrastructure.gpkg"))
    args = ap.parse_args(argv)
    rng = np.random.default_rng(SEED)
    blocks, munis = load(DEMO / "rbk_demo.gpkg")
    pieces = street_pieces(blocks)
    classes = classify(pieces, blocks)
    centres = town_roads(pieces, blocks, munis, classes)
    inner = access_streets(blocks)
    pieces, classes = pieces + inner, classes + ["residential"] * len(inner)
    bg = centres[list(munis["ags"]).index("05378004")]
    oneway = oneway_streets(pieces, classes, bg, rng)
    roads = gpd.GeoDataFrame(
        {
            "road_id": [f"R{i + 1:05d}" for i in range(len(pieces))],
            "class": classes,
            "speed_kmh": [SPEEDS[c] for c in classes],
            "oneway": oneway,
        },
        geometry=pieces,
        crs=CRS,
    )
    facilities = gpd.GeoDataFrame(place_facilities(blocks, rng), geometry="geometry", crs=CRS)
    out = Path(args.out)
    if out.exists():
        out.unlink()
    # no spatial index in the file (it would double its size; QGIS builds one in memory)
    roads.to_file(out, layer="roads", driver="GPKG", SPATIAL_INDEX="NO")
    facilities.to_file(out, layer="facilities", driver="GPKG", SPATIAL_INDEX="NO")
    con = sqlite3.connect(out)
    con.execute("UPDATE gpkg_contents SET last_change = '2025-12-31T00:00:00.000Z'")
    con.commit()
    con.execute("VACUUM")
    con.close()
    print(
        f"{out}: {len(roads)} road pieces ({', '.join(f'{c} {classes.count(c)}' for c in SPEEDS)}; "
        f"{oneway.count('yes')} one-way), {len(facilities)} facilities; {out.stat().st_size / 1e6:.2f} MB"
    )


if __name__ == "__main__":
    main()
