"""Social spaces drawn by hand: dissolve blocks by an assignment field and check the result.

The validation report is a table (defect, space_id, block_ids, detail) plus a readable summary, so a planner sees
which blocks to fix: unassigned blocks, spaces that fall apart, gaps and overlaps in the block layer, spaces crossing
a municipal boundary, spaces below the population floor or above the ceiling, invalid geometries (repaired).
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import ArrayLike

from . import graph
from .errors import InputError
from .fields import is_blank
from .i18n import tr

if TYPE_CHECKING:
    import pandas as pd
    from shapely.geometry.base import BaseGeometry

DEFECTS = {
    "invalid_geometry_repaired": "invalid block geometry, repaired",
    "unassigned": "block without a social space",
    "multipart_space": "social space falls apart into parts that do not touch",
    "gap": "gap between blocks (area not covered by any block)",
    "overlap": "blocks overlap",
    "crosses_municipality": "social space crosses a municipal boundary",
    "below_floor": "fewer residents than the floor",
    "above_ceiling": "more residents than the ceiling",
    "name_conflict": "blocks of one space carry different names",
    "empty_geometry": "block without geometry (left out)",
}
REPORT_COLUMNS = ["defect", "space_id", "block_ids", "detail"]


def defect_text(defect: str) -> str:
    """The readable description of a defect in the user's language (DEFECTS holds the English)."""
    texts = {
        "invalid_geometry_repaired": tr("invalid block geometry, repaired"),
        "unassigned": tr("block without a social space"),
        "multipart_space": tr("social space falls apart into parts that do not touch"),
        "gap": tr("gap between blocks (area not covered by any block)"),
        "overlap": tr("blocks overlap"),
        "crosses_municipality": tr("social space crosses a municipal boundary"),
        "below_floor": tr("fewer residents than the floor"),
        "above_ceiling": tr("more residents than the ceiling"),
        "name_conflict": tr("blocks of one space carry different names"),
        "empty_geometry": tr("block without geometry (left out)"),
    }
    return texts.get(defect, DEFECTS.get(defect, defect))


def dissolve(
    geoms: Sequence[BaseGeometry | None], labels: Iterable[Hashable], close: float = 0.0
) -> dict[Hashable, BaseGeometry]:
    """Union of the blocks per label; close > 0 fills gaps narrower than 2*close (streets) before the union.

    Returns {label: geometry} in first-seen label order.
    """
    from shapely.ops import unary_union

    groups: dict[Hashable, list[int]] = {}
    for k, lab in enumerate(labels):
        groups.setdefault(lab, []).append(k)
    out = {}
    for lab, members in groups.items():
        parts = [g for g in (geoms[k] for k in members) if g is not None and not g.is_empty]
        if close > 0:
            u = unary_union([g.buffer(close, 2) for g in parts]).buffer(-close, 2)
        else:
            u = unary_union(parts)
        out[lab] = u
    return out


def outline_polsby_popper(geom: BaseGeometry | None) -> float:
    """Polsby-Popper 4*pi*A/P^2 of the outline (holes filled, parts added up); nan for empty geometries."""
    from shapely.geometry import Polygon

    parts = graph.polygon_parts(geom)
    if not parts:
        return float("nan")
    area = sum(Polygon(p.exterior).area for p in parts)
    per = sum(p.exterior.length for p in parts)
    return 4.0 * math.pi * area / per**2 if per > 0 else float("nan")


def _separate_parts(geom, tolerance=0.0):
    """Number of pieces of a geometry whose polygons are further apart than ``tolerance`` (parts touching in
    a point, as a repaired bow tie, are one piece)."""
    parts = graph.polygon_parts(geom)
    if len(parts) < 2:
        return len(parts)
    root = list(range(len(parts)))

    def find(i):
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    for i in range(len(parts)):
        for j in range(i + 1, len(parts)):
            if find(i) != find(j) and parts[i].distance(parts[j]) <= max(tolerance, 0.0):
                root[find(i)] = find(j)
    return len({find(i) for i in range(len(parts))})


@dataclass
class SpaceValidation:
    """Result of validate_assignment()."""

    spaces: pd.DataFrame  # one row per space
    geometries: dict  # space_id -> dissolved geometry
    report: pd.DataFrame  # with REPORT_COLUMNS
    blocks: list = field(default_factory=list)  # block geometries after repair

    @property
    def ok(self) -> bool:
        return len(self.report) == 0

    def summary(self) -> str:
        return summarise(len(self.spaces), self.report)


def summarise(n_spaces: int, report: pd.DataFrame) -> str:
    """Readable summary of a validation report (REPORT_COLUMNS); 'no defects found' only for an empty report."""
    if len(report) == 0:
        return tr("{n} social spaces, no defects found.", n=n_spaces)
    lines = [tr("{n} social spaces, {defects} defects:", n=n_spaces, defects=len(report))]
    for defect, cnt in report["defect"].value_counts().items():
        lines.append(f"- {defect_text(defect)}: {cnt}")
    for _, row in report.head(20).iterrows():
        sid = tr("space {space}: ", space=row["space_id"]) if row["space_id"] else ""
        lines.append(f"  {row['defect']}: {sid}{row['detail']} " + tr("(blocks {blocks})", blocks=row["block_ids"]))
    if len(report) > 20:
        lines.append("  " + tr("... {n} more in the report table", n=len(report) - 20))
    return "\n".join(lines)


def validate_assignment(
    geoms: Sequence[BaseGeometry | None],
    block_ids: Sequence[object],
    space_ids: Sequence[object],
    *,
    names: Sequence[object] | None = None,
    municipalities: Sequence[object] | None = None,
    population: ArrayLike | None = None,
    counts: Mapping[str, ArrayLike] | None = None,
    floor: float | None = None,
    ceiling: float | None = None,
    tolerance: float = 0.0,
    contiguity: str = "rook",
    min_gap_area: float = 1.0,
    min_overlap_area: float = 1.0,
    close: float | None = None,
    check_gaps: bool = True,
) -> SpaceValidation:
    """Dissolve blocks by their space id, sum counts per space and list the defects.

    geoms: shapely polygons (projected CRS); block_ids, space_ids, names, municipalities: one value per block;
    population: residents per block (checked against floor/ceiling); counts: {field: values} summed per space;
    tolerance: blocks closer than this count as touching (streets between blocks), and gaps narrower than it are
    not reported; min_gap_area/min_overlap_area: smaller slivers are ignored (map units squared).
    """
    import pandas as pd

    n = len(geoms)
    block_ids = [str(b) for b in block_ids]
    if len(block_ids) != n or len(space_ids) != n:
        raise InputError(tr("Block ids, space ids and geometries must have the same number of rows."))
    rows = []

    def add(defect, space_id, blocks, detail):
        rows.append(
            {
                "defect": defect,
                "space_id": "" if space_id is None else str(space_id),
                "block_ids": ", ".join(block_ids[b] for b in blocks),
                "detail": detail,
            }
        )

    close = (tolerance / 2.0) if close is None else close  # streets narrower than the tolerance are closed
    geoms, repaired = graph.repair_geometries(geoms)
    for k, reason in repaired:
        add("invalid_geometry_repaired", "", [k], tr("{reason}; repaired with make_valid/buffer(0)", reason=reason))

    sid = ["" if is_blank(v) else str(v) for v in space_ids]
    unassigned = [k for k in range(n) if sid[k] == ""]
    for k in unassigned:
        add("unassigned", "", [k], tr("no social space id"))

    adj = graph.block_adjacency(geoms, tolerance=tolerance, contiguity=contiguity)

    # spaces that fall apart
    codes: dict[str, int] = {}
    lab = np.array([codes.setdefault(s, len(codes)) if s else -1 for s in sid], dtype=np.int64)
    inside = (lab[adj.i] == lab[adj.j]) & (lab[adj.i] >= 0)
    _, comp = adj.components(inside)
    space_list = list(codes)
    n_components = {}
    for s in space_list:
        members = np.flatnonzero(lab == codes[s])
        parts: dict[int, list[int]] = {}
        for k in members.tolist():
            parts.setdefault(comp[k], []).append(k)
        n_components[s] = len(parts)
        if len(parts) > 1:
            ordered = sorted(parts.values(), key=lambda p: (-len(p), p[0]))
            for p in ordered[1:]:
                add(
                    "multipart_space",
                    s,
                    p,
                    tr(
                        "{n} separate parts; these {blocks} blocks do not touch the largest part ({largest} blocks)",
                        n=len(parts),
                        blocks=len(p),
                        largest=len(ordered[0]),
                    ),
                )

    # overlaps between blocks (None and empty blocks have no bounds: they overlap nothing)
    bounds = graph.block_bounds(geoms)
    good = ~np.isnan(bounds).any(axis=1)
    ci, cj = graph.candidate_pairs(np.where(good[:, None], bounds, 0.0), 0.0)
    keep = good[ci] & good[cj]
    for a, b in zip(ci[keep].tolist(), cj[keep].tolist()):
        ga, gb = geoms[a], geoms[b]
        if ga is None or gb is None:  # never: they have bounds
            continue
        if ga.relate(gb)[0] == "2":
            area = ga.intersection(gb).area
            if area >= min_overlap_area:
                add("overlap", "", [a, b], tr("overlap of {area:.1f} square map units", area=area))

    # gaps: holes in the union of all blocks (after closing gaps narrower than the tolerance)
    if check_gaps and n:
        from shapely.geometry import Polygon
        from shapely.ops import unary_union

        c = close
        present = [g for g in geoms if g is not None]
        union = unary_union([g.buffer(c, 2) for g in present]).buffer(-c, 2) if c > 0 else unary_union(present)
        holes = [Polygon(r) for p in graph.polygon_parts(union) for r in p.interiors]
        holes = [h for h in holes if h.area >= min_gap_area]
        if holes:
            index = graph.BoxIndex(geoms)
            for h in holes:
                near = [(k, geoms[k]) for k in index.query(h)]
                around = [k for k, g in near if g is not None and g.distance(h) <= max(tolerance, 1e-9)]
                spaces_around = sorted({sid[k] for k in around if sid[k]})
                add(
                    "gap",
                    ", ".join(spaces_around),
                    around,
                    tr(
                        "gap of {area:.1f} square map units at ({x:.1f}, {y:.1f})",
                        area=h.area,
                        x=h.representative_point().x,
                        y=h.representative_point().y,
                    ),
                )

    # per-space sums and attribute checks
    pop = None if population is None else np.asarray(population, dtype=float)
    muni = None if municipalities is None else ["" if is_blank(m) else str(m) for m in municipalities]
    nm = None if names is None else ["" if is_blank(v) else str(v) for v in names]
    counts = counts or {}
    geoms_by_space = dissolve([geoms[k] for k in range(n) if sid[k]], [s for s in sid if s], close=close)
    table = []
    for s in space_list:
        members = np.flatnonzero(lab == codes[s])
        row: dict[str, Any] = {"space_id": s, "n_blocks": len(members)}
        if nm is not None:
            vals = sorted({nm[k] for k in members if nm[k]})
            row["name"] = vals[0] if vals else ""
            if len(vals) > 1:
                add("name_conflict", s, members.tolist(), tr("names: {names}", names="; ".join(vals)))
        if muni is not None:
            ms = sorted({muni[k] for k in members})
            row["municipality"] = ms[0] if len(ms) == 1 else "+".join(ms)
            if len(ms) > 1:
                for m_ in ms:
                    add(
                        "crosses_municipality",
                        s,
                        [k for k in members.tolist() if muni[k] == m_],
                        tr(
                            "blocks in municipality {municipality} (space spans {municipalities})",
                            municipality=m_,
                            municipalities=", ".join(ms),
                        ),
                    )
        if pop is not None:
            residents = float(np.nansum(pop[members]))
            row["population"] = residents
            if floor is not None and residents < floor:
                add(
                    "below_floor",
                    s,
                    members.tolist(),
                    tr("{residents:.0f} residents < floor {floor}", residents=residents, floor=f"{floor:g}"),
                )
            if ceiling is not None and residents > ceiling:
                add(
                    "above_ceiling",
                    s,
                    members.tolist(),
                    tr("{residents:.0f} residents > ceiling {ceiling}", residents=residents, ceiling=f"{ceiling:g}"),
                )
        for name, values in counts.items():
            v = np.asarray(values, dtype=float)
            row[name] = float(np.nansum(v[members]))
        g = geoms_by_space[s]
        row["area"] = g.area
        row["n_parts"] = len(graph.polygon_parts(g))
        n_apart = _separate_parts(g, tolerance) if row["n_parts"] > n_components[s] else 0
        if n_apart > n_components[s]:
            # the blocks touch, yet the space lies in more pieces: a block of its own has a detached part
            pieces = [k for k in members.tolist() if _separate_parts(geoms[k], tolerance) > 1]
            add(
                "multipart_space",
                s,
                pieces or members.tolist(),
                tr(
                    "{n} separate parts: {pieces} block(s) consist of parts that do not touch (multipart blocks); "
                    "split them into single blocks or assign the detached part to the space around it",
                    n=n_apart,
                    pieces=len(pieces),
                )
                if pieces
                else tr("{n} separate parts: parts separated by less than the neighbour distance", n=n_apart),
            )
        row["polsby_popper"] = outline_polsby_popper(g)
        table.append(row)
    spaces = pd.DataFrame(table)
    report = pd.DataFrame(rows, columns=REPORT_COLUMNS)
    flags = report.groupby("space_id")["defect"].apply(lambda d: ",".join(sorted(set(d)))) if len(report) else {}
    if len(spaces):
        spaces["defects"] = [flags.get(s, "") if len(report) else "" for s in spaces["space_id"]]
    return SpaceValidation(spaces, geoms_by_space, report, geoms)
