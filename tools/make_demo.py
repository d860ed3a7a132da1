#!/usr/bin/env python3
"""Build the bundled demo county (Rheinisch-Bergischer Kreis) in sozialplanung_plugin/resources/demo.

Real: the 8 municipalities, their (generalised) VG250 boundaries and their population, and the published
per-municipality table of children under 15 and children in SGB II (2009, 2014). Everything below the
municipality (blocks, social spaces, block counts) is synthetic, made from a fixed seed, so that re-running
gives byte-identical CSVs and GeoPackage.

Run:  PYTHONNOUSERSITE=1 /usr/bin/python3 tools/make_demo.py [--out DIR] [--source-dir /work/shared]
"""

import argparse
import json
import math
import shutil
import sqlite3
import sys
import warnings
from pathlib import Path

import numpy as np
from pyproj import Transformer
from shapely.geometry import GeometryCollection, MultiPoint, MultiPolygon, Point, Polygon, shape
from shapely.ops import transform, unary_union, voronoi_diagram
from shapely.strtree import STRtree

warnings.filterwarnings("ignore", message="STRtree will be changed")
SEED = 20151201  # RBK Grundsatzkonzept year; any fixed number would do
REPO = Path(__file__).resolve().parents[1]
DEMO_DIR = REPO / "sozialplanung_plugin" / "resources" / "demo"
SOURCE_EXTRACT = "vg250_rbk_source.geojson"
FIXTURE_NAME = "rbk_sgb2_kinder_2009_2014.csv"
YEARS = [2009, 2014, 2023, 2024, 2025]
LATEST = 2025
TARGET_BLOCKS = 2500
MIN_BLOCK_M2 = 2500.0

# variable id -> header as delivered (docs/architecture.md); order = column order in the CSVs
VARIABLES = [
    ("ew", "Einwohner insgesamt"),
    ("ew_u15", "Einwohner unter 15 Jahre"),
    ("ew_u18", "Einwohner unter 18 Jahre"),
    ("ew_u20", "Einwohner unter 20 Jahre"),
    ("ew_u21", "Einwohner unter 21 Jahre"),
    ("ew_15_25", "Einwohner 15 bis unter 25 Jahre"),
    ("ew_15_65", "Einwohner 15 bis unter 65 Jahre"),
    ("ew_20_65", "Einwohner 20 bis unter 65 Jahre"),
    ("ew_u65", "Einwohner unter 65 Jahre"),
    ("ew_65plus", "Einwohner 65 Jahre und älter"),
    ("ew_80plus", "Einwohner 80 Jahre und älter"),
    ("auslaender", "Ausländer"),
    ("sgb2_lb", "Leistungsberechtigte SGB II"),
    ("sgb2_u15", "Kinder im SGB II Bezug unter 15 Jahre"),
    ("alo", "Arbeitslose SGB II und III"),
    ("alo_u25", "Arbeitslose unter 25 Jahre"),
    ("alo_lz", "Langzeitarbeitslose"),
    ("gs_65plus", "Grundsicherung im Alter 65+"),
    ("zuzuege", "Zuzüge"),
    ("fortzuege", "Fortzüge"),
    ("hh", "Haushalte"),
    ("hh_kinder", "Haushalte mit Kindern unter 18"),
    ("hh_alleinerz", "Alleinerziehenden-Haushalte"),
    ("hze", "Hilfen zur Erziehung"),
]
MISSING_2009 = {"hze", "hh", "hh_kinder", "hh_alleinerz"}  # not yet delivered in 2009 (realistic)
SUPPRESSED_1_2 = {"gs_65plus", "hze"}  # the delivering office shows 1 and 2 as '.'

# fixture municipality names -> AGS (the table shortens 'Leichlingen (Rhld.)')
FIXTURE_NAMES = {
    "Bergisch Gladbach": "05378004",
    "Burscheid": "05378008",
    "Kürten": "05378012",
    "Leichlingen": "05378016",
    "Odenthal": "05378020",
    "Overath": "05378024",
    "Rösrath": "05378028",
    "Wermelskirchen": "05378032",
}

# Synthetic population totals of earlier years relative to the latest year, per municipality.
YEAR_FACTOR = {
    2009: [0.982, 1.035, 1.030, 1.012, 1.010, 0.995, 0.975, 1.040],
    2014: [0.968, 1.003, 0.994, 0.985, 0.985, 0.975, 0.965, 1.003],
    2023: [0.996, 1.002, 1.003, 0.999, 1.004, 0.998, 0.994, 1.004],
    2024: [0.998, 1.001, 1.001, 1.000, 1.002, 0.999, 0.997, 1.002],
    2025: [1.0] * 8,
}
# Real sub-centres of Bergisch Gladbach (lon, lat): Bensberg, Refrath. Others get seeded random sub-centres.
BG_SUBCENTRES = [(7.160, 50.962), (7.100, 50.957)]
# Deprived neighbourhoods (hotspots) per municipality: mostly in Bergisch Gladbach.
HOTSPOTS = {
    "05378004": 4,
    "05378008": 1,
    "05378012": 0,
    "05378016": 1,
    "05378020": 0,
    "05378024": 1,
    "05378028": 1,
    "05378032": 1,
}
# later years relative to the published 2014 municipal figures (synthetic trends)
U15_SHARE_FACTOR = {2023: 1.00, 2024: 1.005, 2025: 1.01}
SGB2_RATE_FACTOR = {2023: 1.04, 2024: 1.06, 2025: 1.07}  # Buergergeld, refugees from Ukraine
# share 65+ in the latest year per municipality (synthetic, near the real order of magnitude) and year factors
SHARE_65 = {
    "05378004": 0.220,
    "05378008": 0.232,
    "05378012": 0.235,
    "05378016": 0.240,
    "05378020": 0.250,
    "05378024": 0.222,
    "05378028": 0.212,
    "05378032": 0.242,
}
OLD_YEAR = {2009: 0.88, 2014: 0.92, 2023: 0.985, 2024: 0.993, 2025: 1.0}
ALO_YEAR = {2009: 1.12, 2014: 1.0, 2023: 0.93, 2024: 0.98, 2025: 1.03}
SPACE_SIZE = 4200  # target residents per social space


# ----------------------------------------------------------------------------------------------- helpers
def apportion(total, weights, caps=None):
    """Split an integer total by weights with the largest-remainder method, never above caps.

    Exact sums are the point: block counts must add up to published municipal figures.
    Ties are broken by position, so the result is deterministic.
    """
    w = np.clip(np.asarray(weights, dtype=float), 0, None)
    n = len(w)
    total = int(total)
    caps = np.full(n, 10**12, dtype=np.int64) if caps is None else np.asarray(caps, dtype=np.int64)
    if total < 0 or total > caps.sum():
        raise ValueError(f"cannot apportion {total} with capacity {caps.sum()}")
    out = np.zeros(n, dtype=np.int64)
    idx = np.arange(n)
    while out.sum() < total:
        remaining = total - int(out.sum())
        room = caps - out
        active = (room > 0) & (w > 0)
        if not active.any():
            active = room > 0
            ww = active.astype(float)
        else:
            ww = np.where(active, w, 0.0)
        quota = ww / ww.sum() * remaining
        base = np.minimum(np.floor(quota).astype(np.int64), room)
        out += base
        left = total - int(out.sum())
        if left <= 0:
            break
        frac = quota - np.floor(quota)
        room = caps - out
        cand = active & (room > 0)
        order = np.lexsort((idx, -frac))
        order = order[cand[order]][:left]
        out[order] += 1
    return out


def parts(geom):
    if geom.is_empty:
        return []
    if isinstance(geom, Polygon):
        return [geom]
    if isinstance(geom, (MultiPolygon, GeometryCollection)):
        res = []
        for g in geom.geoms:
            res.extend(parts(g))
        return res
    return []


def round_coords(geom, nd=2):
    return transform(lambda x, y, z=None: (np.round(x, nd), np.round(y, nd)), geom)


def shared_length(a, b):
    inter = a.intersection(b)
    return inter.length if not inter.is_empty else 0.0


def sample_in(poly, rng, n, centre=None, sigma=None):
    """Points inside poly: uniform, or Gaussian around a centre (rejection sampling)."""
    minx, miny, maxx, maxy = poly.bounds
    pts = []
    tries = 0
    while len(pts) < n and tries < 200 * n + 1000:
        tries += 1
        if centre is None:
            x, y = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        else:
            x, y = rng.normal(centre[0], sigma), rng.normal(centre[1], sigma)
        if poly.contains(Point(x, y)):
            pts.append((x, y))
    return pts


# ----------------------------------------------------------------------------------------------- geometry
def load_source(source_dir, out_dir):
    """Read the 8 RBK municipalities; keep a raw extract in the demo folder so rebuilds work without it."""
    extract = out_dir / SOURCE_EXTRACT
    src = Path(source_dir) / "data" / "nrw_gemeinden" / "municipality_nrw.geojson" if source_dir else None
    if src is not None and src.exists():
        data = json.loads(src.read_text(encoding="utf-8"))
        feats = [f for f in data["features"] if str(f["properties"]["AGS"]).startswith("05378")]
        feats.sort(key=lambda f: f["properties"]["AGS"])
        doc = {"type": "FeatureCollection", "crs": data.get("crs"), "source": data.get("source"), "features": feats}
        extract.write_text(json.dumps(doc, ensure_ascii=False, sort_keys=True, indent=1) + "\n", encoding="utf-8")
    elif not extract.exists():
        if not (DEMO_DIR / SOURCE_EXTRACT).exists():
            sys.exit(f"neither {src} nor {extract} found")
        shutil.copyfile(DEMO_DIR / SOURCE_EXTRACT, extract)
    doc = json.loads(extract.read_text(encoding="utf-8"))
    tr = Transformer.from_crs(4326, 25832, always_xy=True)
    munis = []
    for f in doc["features"]:
        p = f["properties"]
        geom = round_coords(transform(tr.transform, shape(f["geometry"])))
        cx = float(p["destatis"]["center_lon"].replace(",", "."))
        cy = float(p["destatis"]["center_lat"].replace(",", "."))
        munis.append(
            {
                "ags": p["AGS"],
                "name": p["GEN"],
                "population": int(p["destatis"]["population"]),
                "geom": geom,
                "centre": tr.transform(cx, cy),
            }
        )
    return munis


def clean_partition(munis):
    """Make the generalised municipalities a gap- and overlap-free partition.

    The source is simplified per polygon (not topologically): neighbours overlap by up to 0.2 km².
    Overlaps go to the municipality with the lower AGS; enclosed gaps and stray parts go to the neighbour
    with the longest shared border.
    """
    done = []
    for m in munis:
        g = m["geom"]
        if done:
            g = g.difference(unary_union(done))
        done.append(g)
    geoms = list(done)  # no rounding here: it would reopen micro-overlaps along the new borders
    county = unary_union(geoms)
    orphans = []
    for hole_poly in parts(county):
        for ring in hole_poly.interiors:
            orphans.append(Polygon(ring))
    for i, g in enumerate(geoms):
        ps = sorted(parts(g), key=lambda p: -p.area)
        geoms[i] = ps[0]
        orphans.extend(ps[1:])
    for o in orphans:
        lens = [shared_length(o, g) for g in geoms]
        j = int(np.argmax(lens))
        if lens[j] > 0:
            merged = parts(unary_union([geoms[j], o]).buffer(0))
            geoms[j] = max(merged, key=lambda p: p.area)
    for m, g in zip(munis, geoms):
        m["geom"] = g
    return munis


def make_centres(m, rng):
    """Main centre (+ sub-centres): (x, y, sigma_m, weight)."""
    big = m["ags"] == "05378004"
    centres = [(m["centre"][0], m["centre"][1], 1400.0 if big else 800.0, 1.0)]
    if big:
        tr = Transformer.from_crs(4326, 25832, always_xy=True)
        for lon, lat in BG_SUBCENTRES:
            x, y = tr.transform(lon, lat)
            centres.append((x, y, 900.0, 0.7))
    else:
        k = 2 if m["population"] < 25000 else 3
        cands = sample_in(m["geom"], rng, 200)
        for x, y in cands:
            if len(centres) > k:
                break
            if (
                all(math.hypot(x - c[0], y - c[1]) > 2500 for c in centres)
                and m["geom"].exterior.distance(Point(x, y)) > 600
            ):
                centres.append((x, y, 450.0, 0.35))
    return centres


def density(xy, centres):
    """Relative residential density at points: Gaussian settlement kernels plus a thin rural floor."""
    xy = np.asarray(xy)
    d = np.full(len(xy), 0.015)
    for x, y, s, w in centres:
        d += w * np.exp(-((xy[:, 0] - x) ** 2 + (xy[:, 1] - y) ** 2) / (2 * s * s))
    return d


def make_blocks(m, n_blocks, rng):
    """Voronoi cells of seeded points, clipped to the municipality and repaired to single polygons."""
    poly = m["geom"]
    centres = m["centres"]
    n_urban = int(n_blocks * (0.62 if m["ags"] == "05378004" else 0.5))
    wsum = sum(c[3] for c in centres)
    pts = []
    for x, y, s, w in centres:
        pts += sample_in(poly, rng, int(round(n_urban * w / wsum)), (x, y), s)
    pts += sample_in(poly, rng, n_blocks - len(pts))
    # drop near-duplicates (tiny cells)
    arr = np.array(pts)
    keep = [0]
    for i in range(1, len(arr)):
        if np.min(np.hypot(*(arr[keep] - arr[i]).T)) > 45:
            keep.append(i)
    arr = arr[keep]
    env = Polygon.from_bounds(*poly.buffer(5000).bounds)
    cells = voronoi_diagram(MultiPoint([tuple(p) for p in arr]), envelope=env)
    blocks = []
    for c in cells.geoms:
        inter = c.intersection(poly)
        blocks.extend(parts(inter))
    return repair_blocks(blocks, poly)


def repair_blocks(blocks, poly):
    """Merge tiny pieces into the neighbour with the longest shared border until all are large enough."""
    blocks = [b for b in blocks if b.area > 0]
    while True:
        blocks.sort(key=lambda b: (round(b.area, 3), b.centroid.x, b.centroid.y))
        small = [i for i, b in enumerate(blocks) if b.area < MIN_BLOCK_M2]
        if not small:
            break
        i = small[0]
        b = blocks[i]
        best, best_len = None, 0.0
        for j, o in enumerate(blocks):
            if j == i or not o.intersects(b):
                continue
            ln = shared_length(b, o)
            if ln > best_len:
                best, best_len = j, ln
        if best is None:
            # isolated sliver (should not happen); keep it rather than lose area
            blocks[i] = b
            break
        merged = unary_union([blocks[best], b])
        ps = parts(merged)
        if len(ps) != 1:
            raise RuntimeError("merge produced several parts")
        blocks[best] = ps[0]
        del blocks[i]
    total = sum(b.area for b in blocks)
    if abs(total - poly.area) > 1.0:
        raise RuntimeError(f"block areas {total} != municipality area {poly.area}")
    return blocks


def adjacency(geoms):
    """Rook adjacency (shared border of positive length)."""
    tree = STRtree(geoms)
    nb = [set() for _ in geoms]
    for i, g in enumerate(geoms):
        hits = tree.query_items(g) if hasattr(tree, "query_items") else tree.query(g)  # shapely 1.8 / 2.x
        for j in sorted(int(h) for h in hits):
            j = int(j)
            if j <= i:
                continue
            if shared_length(g, geoms[j]) > 0.01:
                nb[i].add(j)
                nb[j].add(i)
    return [sorted(s) for s in nb]


def grow_spaces(xy, pop, nb, k, rng, lo=3000, hi=12000):
    """Contiguous social spaces by simultaneous region growing; the smallest region grows first."""
    n = len(pop)
    best = None
    for _attempt in range(60):
        # seeds: population-weighted k-means++-like spread
        w = pop + 1e-3
        seeds = [int(rng.choice(n, p=w / w.sum()))]
        while len(seeds) < k:
            d2 = np.min([((xy - xy[s]) ** 2).sum(1) for s in seeds], axis=0) * w
            seeds.append(int(rng.choice(n, p=d2 / d2.sum())))
        # a few Lloyd steps on population-weighted centroids
        cent = xy[seeds].copy()
        for _ in range(8):
            lab = np.argmin(((xy[:, None, :] - cent[None]) ** 2).sum(2), axis=1)
            for r in range(k):
                mask = lab == r
                if pop[mask].sum() > 0:
                    cent[r] = (xy[mask] * pop[mask, None]).sum(0) / pop[mask].sum()
        seeds = [int(np.argmin(((xy - c) ** 2).sum(1))) for c in cent]
        if len(set(seeds)) < k:
            continue
        label = np.full(n, -1)
        rpop = np.zeros(k)
        frontier = [set() for _ in range(k)]
        for r, s in enumerate(seeds):
            label[s] = r
            rpop[r] = pop[s]
        for r, s in enumerate(seeds):
            frontier[r].update(j for j in nb[s] if label[j] < 0)
        alive = set(range(k))
        while alive:
            r = min(alive, key=lambda q: (rpop[q], q))
            fr = [j for j in frontier[r] if label[j] < 0]
            if not fr:
                alive.discard(r)
                continue
            c = cent[r]
            j = min(fr, key=lambda q: (((xy[q] - c) ** 2).sum(), q))
            label[j] = r
            rpop[r] += pop[j]
            frontier[r].discard(j)
            frontier[r].update(q for q in nb[j] if label[q] < 0)
        if (label < 0).any():
            continue
        spread = rpop.max() / max(rpop.min(), 1)
        ok = rpop.min() >= lo and rpop.max() <= hi
        if ok and (best is None or spread < best[0]):
            best = (spread, label.copy())
            if spread < 1.8:
                break
    if best is None:
        return None
    return best[1]


# ----------------------------------------------------------------------------------------------- numbers
def smooth_field(xy, rng, scale, n_nodes=60):
    """A spatially autocorrelated random field (sum of random Gaussian bumps), standardised."""
    minx, miny = xy.min(0)
    maxx, maxy = xy.max(0)
    f = np.zeros(len(xy))
    for _ in range(n_nodes):
        cx, cy = rng.uniform(minx, maxx), rng.uniform(miny, maxy)
        f += rng.normal() * np.exp(-((xy[:, 0] - cx) ** 2 + (xy[:, 1] - cy) ** 2) / (2 * scale**2))
    return (f - f.mean()) / (f.std() + 1e-9)


def read_fixture(path):
    """Published table: {(ags, year): (ew_u15, sgb2_u15)} and the county row."""
    raw = path.read_bytes().decode("cp1252").splitlines()
    res, county = {}, {}
    for line in raw[1:]:
        cells = line.split(";")
        if len(cells) < 6 or not cells[1].strip():
            continue

        def num(s):
            return int(s.replace(".", ""))

        vals = {2009: (num(cells[1]), num(cells[2])), 2014: (num(cells[4]), num(cells[5]))}
        if cells[0] == "Rhein-Berg":
            county = vals
        else:
            for y, v in vals.items():
                res[(FIXTURE_NAMES[cells[0]], y)] = v
    return res, county


def block_numbers(blocks_by_muni, munis, fixture, rng):
    """All count variables per block and year (dict year -> dict var -> int array over all blocks)."""
    ags_all = np.concatenate([[m["ags"]] * len(blocks_by_muni[m["ags"]]["geoms"]) for m in munis])
    xy = np.concatenate([blocks_by_muni[m["ags"]]["xy"] for m in munis])
    w25 = np.concatenate([blocks_by_muni[m["ags"]]["w"] for m in munis])
    pops = np.concatenate([blocks_by_muni[m["ags"]]["pop"] for m in munis])
    area = np.concatenate([[g.area for g in blocks_by_muni[m["ags"]]["geoms"]] for m in munis])
    n = len(xy)
    # deprivation: hotspots in towns + a weaker smooth random field; lower in the countryside
    dens = np.where(area > 0, w25 / area, 0.0)
    med = np.median(dens[dens > 0])
    urban = np.clip(np.log10(np.maximum(dens, 1e-12) / med), -1.0, 1.0)
    dep = 0.45 * smooth_field(xy, rng, 1500.0) + 0.5 * urban
    for m in munis:
        mask = ags_all == m["ags"]
        cs = m["centres"] if m["ags"] == "05378004" else m["centres"][:1]  # towns, not villages
        near = np.min([np.hypot(xy[:, 0] - c[0], xy[:, 1] - c[1]) for c in cs], axis=0) < 2000
        idx = np.where(mask & near & (dens >= np.quantile(dens[mask], 0.85)))[0]
        for _ in range(HOTSPOTS[m["ags"]]):
            h = xy[rng.choice(idx)]
            dep += 2.2 * np.exp(-((xy - h) ** 2).sum(1) / (2 * 450.0**2))
    dep = (dep - dep.mean()) / dep.std()
    family = smooth_field(xy, rng, 2500.0)  # young-family suburbs vs. ageing areas
    old = -0.6 * family + 0.8 * smooth_field(xy, rng, 1800.0)
    new_estate = (rng.random(n) < 0.04) & (w25 > 0)
    drift = rng.normal(0, 0.12, n)
    county_rate = {
        yy: sum(v[1] for (a, y2), v in fixture.items() if y2 == yy)
        / sum(v[0] for (a, y2), v in fixture.items() if y2 == yy)
        for yy in (2009, 2014)
    }
    out = {}
    for y in YEARS:
        t = (LATEST - y) / 16.0

        def noise(s):
            return np.exp(rng.normal(0, s, n))

        v = {}
        # residents
        ew = np.zeros(n, dtype=np.int64)
        for i, m in enumerate(munis):
            mask = ags_all == m["ags"]
            total = m["population"] if y == LATEST else round(m["population"] * YEAR_FACTOR[y][i])
            wy = w25 * np.exp(-drift * t * 16 / 10) * (noise(0.04) if y != LATEST else 1.0)
            if y <= 2014:
                wy = np.where(new_estate, 0.0, wy)
            ew[mask] = pops[mask] if y == LATEST else apportion(total, wy[mask])
        v["ew"] = ew
        if y == 2014:
            ew2014 = {m["ags"]: int(ew[ags_all == m["ags"]].sum()) for m in munis}
        age_t = 1 + 0.25 * family
        d = np.clip(dep, -2.0, 3.0)
        fy = y if y in (2009, 2014) else 2014
        # municipal level of deprivation: published SGB II child rate relative to the county's
        lev = {m["ags"]: (fixture[(m["ags"], fy)][1] / fixture[(m["ags"], fy)][0]) / county_rate[fy] for m in munis}
        k_y = (y - 2009) / 16.0  # 0 in 2009, 1 in 2025

        def by_muni(weights, rate=None, denom=None, target=None, caps=None, lev_exp=0.0):
            """Apportion per municipality; totals from a published target or rate * level^e * sum(denom)."""
            res = np.zeros(n, dtype=np.int64)
            for m in munis:
                mask = ags_all == m["ags"]
                if target is not None:
                    tot = int(target[m["ags"]])
                elif rate is not None:
                    r = rate[m["ags"]] if isinstance(rate, dict) else rate
                    tot = int(round(r * lev[m["ags"]] ** lev_exp * denom[mask].sum()))
                else:
                    tot = int(round(weights[mask].sum()))
                cp = None if caps is None else caps[mask]
                if cp is not None and tot > cp.sum():
                    if target is not None:
                        raise RuntimeError(f"published total {tot} does not fit {m['name']} {y}")
                    tot = int(cp.sum())
                res[mask] = apportion(tot, weights[mask], cp)
            return res

        if y in (2009, 2014):
            t_u15 = {m["ags"]: fixture[(m["ags"], y)][0] for m in munis}
        else:
            t_u15 = {
                m["ags"]: round(
                    ew[ags_all == m["ags"]].sum()
                    * U15_SHARE_FACTOR[y]
                    * fixture[(m["ags"], 2014)][0]
                    / ew2014[m["ags"]]
                )
                for m in munis
            }
        sh_u15 = np.exp(0.16 * family + 0.08 * d) * noise(0.06)
        v["ew_u15"] = by_muni(ew * sh_u15, target=t_u15, caps=(ew * 0.35).astype(np.int64) + (ew > 0))
        a1518 = by_muni(ew * 0.031 * age_t * noise(0.1), caps=ew - v["ew_u15"])
        v["ew_u18"] = v["ew_u15"] + a1518
        a1820 = by_muni(ew * 0.021 * noise(0.15), caps=ew - v["ew_u18"])
        v["ew_u20"] = v["ew_u18"] + a1820
        a20 = by_muni(ew * 0.0105 * noise(0.2), caps=ew - v["ew_u20"])
        v["ew_u21"] = v["ew_u20"] + a20
        sh65 = {a: s * OLD_YEAR[y] for a, s in SHARE_65.items()}
        v["ew_65plus"] = by_muni(ew * np.exp(0.18 * old - 0.05 * d) * noise(0.06), sh65, ew, caps=ew - v["ew_u21"])
        v["ew_80plus"] = by_muni(
            v["ew_65plus"] * np.exp(0.1 * old) * noise(0.15), 0.27 + 0.05 * k_y, v["ew_65plus"], caps=v["ew_65plus"]
        )
        v["ew_u65"] = ew - v["ew_65plus"]
        v["ew_15_65"] = v["ew_u65"] - v["ew_u15"]
        v["ew_20_65"] = v["ew_u65"] - v["ew_u20"]
        a2025 = by_muni(ew * 0.052 * noise(0.2) * np.exp(0.1 * d), caps=v["ew_20_65"])
        v["ew_15_25"] = (v["ew_u20"] - v["ew_u15"]) + a2025
        v["auslaender"] = by_muni(
            ew * np.exp(0.45 * d) * noise(0.12),
            0.085 + 0.05 * k_y,
            ew,
            caps=(ew * 0.7).astype(np.int64) + (ew > 0),
            lev_exp=0.4,
        )
        if y in (2009, 2014):
            t_sgb = {m["ags"]: fixture[(m["ags"], y)][1] for m in munis}
        else:
            t_sgb = {
                m["ags"]: round(
                    v["ew_u15"][ags_all == m["ags"]].sum()
                    * SGB2_RATE_FACTOR[y]
                    * fixture[(m["ags"], 2014)][1]
                    / fixture[(m["ags"], 2014)][0]
                )
                for m in munis
            }
        v["sgb2_u15"] = by_muni(
            v["ew_u15"] * np.exp(0.6 * d) * noise(0.25),
            target=t_sgb,
            caps=(v["ew_u15"] * 0.7).astype(np.int64) + (v["ew_u15"] > 0),
        )
        adults = by_muni(
            v["ew_15_65"] * np.exp(0.6 * d) * noise(0.2),
            0.062,
            v["ew_15_65"],
            caps=(v["ew_15_65"] * 0.5).astype(np.int64) + (v["ew_15_65"] > 0),
            lev_exp=0.8,
        )
        v["sgb2_lb"] = v["sgb2_u15"] + adults
        v["alo"] = by_muni(
            v["ew_15_65"] * np.exp(0.4 * d) * noise(0.10),
            0.05 * ALO_YEAR[y],
            v["ew_15_65"],
            caps=(v["ew_15_65"] * 0.25).astype(np.int64) + (v["ew_15_65"] > 0),
            lev_exp=0.4,
        )
        v["alo_u25"] = by_muni(v["alo"] * noise(0.3), 0.095, v["alo"], caps=np.minimum(v["alo"], v["ew_15_25"]))
        v["alo_lz"] = by_muni(v["alo"] * np.exp(0.15 * d) * noise(0.2), 0.36, v["alo"], caps=v["alo"], lev_exp=0.2)
        v["gs_65plus"] = by_muni(
            v["ew_65plus"] * np.exp(0.6 * d) * noise(0.3),
            0.02 + 0.012 * k_y,
            v["ew_65plus"],
            caps=v["ew_65plus"],
            lev_exp=0.6,
        )
        v["zuzuege"] = by_muni(ew * np.exp(0.2 * d) * noise(0.3), 0.060, ew, caps=ew, lev_exp=0.1)
        v["fortzuege"] = by_muni(ew * np.exp(0.2 * d) * noise(0.3), 0.058, ew, caps=ew, lev_exp=0.1)
        hh_size = np.clip(2.05 + 0.25 * family - 0.05 * d, 1.6, 2.7) * noise(0.04)
        v["hh"] = by_muni(ew / hh_size, 1 / 2.12, ew, caps=ew, lev_exp=-0.05)
        v["hh"] = np.where((ew > 0) & (v["hh"] == 0), 1, v["hh"])
        v["hh_kinder"] = by_muni(v["ew_u18"] / 1.65, caps=np.minimum(v["hh"], v["ew_u18"]))
        v["hh_alleinerz"] = by_muni(
            v["hh_kinder"] * np.exp(0.35 * d) * noise(0.2), 0.18, v["hh_kinder"], caps=v["hh_kinder"], lev_exp=0.3
        )
        v["hze"] = by_muni(
            v["ew_u21"] * np.exp(0.6 * d) * noise(0.3), 0.018, v["ew_u21"], caps=v["ew_u21"], lev_exp=0.6
        )
        if y == 2009:
            for k in MISSING_2009:
                del v[k]
        out[y] = v
    return out, area, dep


# ----------------------------------------------------------------------------------------------- output
def fmt_int(x, var):
    x = int(x)
    if x == 0:
        return "-"
    if var in SUPPRESSED_1_2 and x in (1, 2):
        return "."
    return f"{x:,}".replace(",", ".")


def fmt_dec(x):
    s = f"{x:,.2f}"
    return s.replace(",", "X").replace(".", ",").replace("X", ".")


def write_csv(path, year, keys, area_ha, values):
    cols = [(vid, head) for vid, head in VARIABLES if vid in values]
    lines = [
        f"Bevölkerung und Sozialleistungen nach statistischen Blöcken, Stand 31.12.{year}",
        ";".join(["Blocknummer", "Fläche in ha"] + [h for _, h in cols]),
    ]
    for i, k in enumerate(keys):
        lines.append(";".join([k, fmt_dec(area_ha[i])] + [fmt_int(values[vid][i], vid) for vid, _ in cols]))
    note = "(1) Einwohner mit Hauptwohnsitz (ohne Nebenwohnsitze). Zeichen: - = genau null, . = geheim zu halten"
    if year == 2014:
        note += (
            ". Abweichende Stichtage wie im Grundsatzkonzept: Einwohner unter 15 Jahre 31.12.2013, "
            "Kinder im SGB II Bezug 31.10.2014"
        )
    lines.append(note)
    lines.append(
        "Quelle: Rheinisch-Bergischer Kreis, synthetische Demodaten des Plugins Sozialplanung (keine amtlichen Zahlen)"
    )
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))


def write_gpkg(path, layers):
    """Write layers with geopandas, then pin timestamps so the file is byte-identical on rebuild."""
    import geopandas as gpd

    if path.exists():
        path.unlink()
    for name, gdf in layers:
        gdf.to_file(path, layer=name, driver="GPKG")
    con = sqlite3.connect(path)
    con.execute("UPDATE gpkg_contents SET last_change = '2025-12-31T00:00:00.000Z'")
    con.commit()
    con.execute("VACUUM")
    con.close()
    return gpd


BUILD_VERSIONS = "build_versions.json"


def library_versions():
    """GEOS, PROJ, GDAL, SQLite and numpy of this build: the files are byte-identical only on the same versions
    (tests/core/test_demo_data.py compares exactly there and with a tolerance elsewhere)."""
    import pyproj
    import shapely

    geos = getattr(shapely, "geos_version_string", None)
    if geos is None:  # shapely 1.8
        from shapely.geos import geos_version_string as geos
    try:
        from osgeo import gdal

        gdal_version = gdal.__version__
    except ImportError:  # pragma: no cover - GDAL's Python bindings come with QGIS
        import fiona

        gdal_version = fiona.__gdal_version__
    return {
        "gdal": gdal_version,
        "geos": geos,
        "numpy": np.__version__,
        "proj": pyproj.proj_version_str,
        "sqlite": sqlite3.sqlite_version,
    }


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", type=Path, default=DEMO_DIR)
    ap.add_argument(
        "--source-dir",
        default="/work/shared",
        help="shared data folder ('' = none); without it the copies bundled in the demo folder are used",
    )
    ap.add_argument("--skip-gpkg", action="store_true", help="only write CSVs (used by the fast test)")
    args = ap.parse_args(argv)
    out = args.out
    out.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(SEED)

    munis = clean_partition(load_source(args.source_dir, out))
    fixture_src = Path(args.source_dir) / "fixtures" / FIXTURE_NAME if args.source_dir else None
    if fixture_src is not None and fixture_src.exists():
        shutil.copyfile(fixture_src, out / FIXTURE_NAME)
    elif out.resolve() != DEMO_DIR.resolve():
        shutil.copyfile(DEMO_DIR / FIXTURE_NAME, out / FIXTURE_NAME)
    fixture, _county = read_fixture(out / FIXTURE_NAME)

    pop_total = sum(m["population"] for m in munis)
    area_total = sum(m["geom"].area for m in munis)
    blocks_by_muni = {}
    for m in munis:
        m["centres"] = make_centres(m, rng)
        share = 0.7 * m["population"] / pop_total + 0.3 * m["geom"].area / area_total
        geoms = make_blocks(m, int(round(TARGET_BLOCKS * share)), rng)
        xy = np.array([[g.representative_point().x, g.representative_point().y] for g in geoms])
        dens = density(xy, m["centres"])
        w = dens * np.array([g.area for g in geoms]) * np.exp(rng.normal(0, 0.45, len(geoms)))
        # forest and fields: many low-density blocks have nobody living there
        low = dens < np.quantile(dens, 0.45)
        w = np.where(low & (rng.random(len(geoms)) < 0.45), 0.0, w)
        # high-rise estates: a few dense blocks get much more
        top = np.argsort(-dens)[: max(2, len(geoms) // 120)]
        w[top] *= 4.0
        pop = apportion(m["population"], w)
        nb = adjacency(geoms)
        k = max(2, int(round(m["population"] / SPACE_SIZE)))
        label = None
        while label is None:
            label = grow_spaces(xy, pop.astype(float), nb, k, rng)
            if label is None:
                print(f"  {m['name']}: no balanced partition into {k} spaces, trying {k - 1}", file=sys.stderr)
                k -= 1
        # number spaces north to south, blocks by space then north to south
        cent = np.array([xy[label == r].mean(0) for r in range(k)])
        sorder = sorted(range(k), key=lambda r: (-round(cent[r][1], -2), cent[r][0]))
        rank = {r: i + 1 for i, r in enumerate(sorder)}
        border = sorted(range(len(geoms)), key=lambda i: (rank[label[i]], -round(xy[i][1], -1), xy[i][0]))
        blocks_by_muni[m["ags"]] = {
            "geoms": [geoms[i] for i in border],
            "xy": xy[border],
            "w": w[border],
            "sr": [rank[label[i]] for i in border],
            "pop": pop[border],
        }
        print(f"{m['ags']} {m['name']}: {len(geoms)} blocks, {k} spaces", file=sys.stderr)

    values, area, dep = block_numbers(blocks_by_muni, munis, fixture, rng)
    keys, rows = [], []
    for m in munis:
        b = blocks_by_muni[m["ags"]]
        for i, g in enumerate(b["geoms"]):
            keys.append(f"{m['ags']}{i + 1:04d}")
            rows.append((m, g, b["sr"][i]))
    assert (values[LATEST]["ew"] == np.concatenate([blocks_by_muni[m["ags"]]["pop"] for m in munis])).all()
    for y in YEARS:
        write_csv(out / f"bloecke_{y}.csv", y, keys, area / 1e4, values[y])
    if args.skip_gpkg:
        return 0

    import geopandas as gpd

    crs = "EPSG:25832"
    blocks = gpd.GeoDataFrame(
        {
            "block_id": keys,
            "ags": [m["ags"] for m, _, _ in rows],
            "municipality": [m["name"] for m, _, _ in rows],
            "sr_id": [f"{m['ags']}-{sr:02d}" for m, _, sr in rows],
            "sr_name": [f"{m['name']} {sr:02d}" for m, _, sr in rows],
            "residents": values[LATEST]["ew"].astype("int64"),
        },
        geometry=[g for _, g, _ in rows],
        crs=crs,
    )
    spaces = blocks.dissolve(
        by="sr_id", aggfunc={"sr_name": "first", "ags": "first", "municipality": "first", "residents": "sum"}
    ).reset_index()
    spaces = spaces[["sr_id", "sr_name", "ags", "municipality", "residents", "geometry"]]
    mun = gpd.GeoDataFrame(
        {
            "ags": [m["ags"] for m in munis],
            "name": [m["name"] for m in munis],
            "population": [m["population"] for m in munis],
        },
        geometry=[m["geom"] for m in munis],
        crs=crs,
    )
    county = gpd.GeoDataFrame(
        {"ags": ["05378"], "name": ["Rheinisch-Bergischer Kreis"], "population": [pop_total]},
        geometry=[unary_union([m["geom"] for m in munis])],
        crs=crs,
    )
    write_gpkg(
        out / "rbk_demo.gpkg",
        [("blocks", blocks), ("social_spaces", spaces), ("municipalities", mun), ("county", county)],
    )
    (out / BUILD_VERSIONS).write_text(json.dumps(library_versions(), indent=1, sort_keys=True) + "\n")
    print(f"{len(blocks)} blocks, {len(spaces)} social spaces -> {out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
