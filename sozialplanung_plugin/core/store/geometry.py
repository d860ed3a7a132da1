"""Geometries without QGIS: WKB promotion to MultiPolygon, bounds and area, GeoPackage geometry blobs.

shapely is imported lazily (only for geometries that are not already little-endian 2D polygons), so most of a
bulk registration runs on a small struct/numpy WKB reader.
"""

from __future__ import annotations

import struct
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, overload

from ..errors import InputError
from ..i18n import tr

if TYPE_CHECKING:
    from shapely.geometry.base import BaseGeometry


def wkb_loads(data: bytes | bytearray | memoryview) -> BaseGeometry:
    from shapely import wkb

    return wkb.loads(bytes(data))


def wkb_dumps(geom: BaseGeometry) -> bytes:
    """Little-endian 2D WKB; works with shapely 1.8 (Debian 12) and 2.x."""
    from shapely import wkb

    return wkb.dumps(geom, big_endian=False, output_dimension=2)


def to_multipolygon_wkb(
    geom: BaseGeometry | bytes | bytearray | memoryview | str | None,
) -> tuple[bytes, tuple[tuple[float, float, float, float], float]]:
    """(WKB of a 2D little-endian MultiPolygon, (bounds, area)) from shapely geometry, WKB or WKT.

    Polygons are promoted by prefixing the MultiPolygon header; bounds and area come from a small numpy WKB
    reader, because shapely 1.8 (Debian 12) needs ~0.5 ms per geometry for bounds alone.
    """
    if isinstance(geom, (bytes, bytearray, memoryview)):
        data = bytes(geom)
    elif isinstance(geom, str):
        from shapely import wkt

        data = wkt.loads(geom).wkb
    elif geom is None:
        raise InputError(tr("A unit has no geometry. Every spatial unit needs a polygon."))
    else:
        data = geom.wkb
    if len(data) < 9:
        raise InputError(tr("A unit has an empty geometry. Every spatial unit needs a polygon."))
    gtype = struct.unpack_from("<I" if data[0] == 1 else ">I", data, 1)[0]
    if data[0] != 1 or gtype not in (3, 6):  # big endian, Z/M or EWKB: normalise via shapely
        g = wkb_loads(data)
        if g.geom_type not in ("Polygon", "MultiPolygon"):
            raise InputError(tr("A unit has a {type} geometry; spatial units must be polygons.", type=g.geom_type))
        data = wkb_dumps(g)
        gtype = struct.unpack_from("<I", data, 1)[0]
    if gtype == 3:
        data = b"\x01" + struct.pack("<II", 6, 1) + data
    bounds, area = wkb_bounds_area(data)
    if area <= 0:
        raise InputError(tr("A unit has an empty geometry (no area). Every spatial unit needs a polygon."))
    return data, (bounds, area)


def to_point_wkb(
    geom: BaseGeometry | bytes | bytearray | memoryview | str | None, what: str | None = None
) -> tuple[bytes, tuple[tuple[float, float, float, float], float]]:
    """(WKB of a 2D little-endian Point, (bounds, 0.0)) from shapely geometry, WKB or WKT; a one-point MultiPoint
    is taken as its point. Anything else is refused: facilities are stored as points (polygons: use a point on
    the surface before writing). `what` names the facility in messages (default: 'A facility', translated)."""
    if geom is None:
        raise InputError(tr("{what} has no geometry. Every facility needs a point.", what=what or tr("A facility")))
    if isinstance(geom, (bytes, bytearray, memoryview)):
        data = bytes(geom)
        if len(data) == 21 and data[0] == 1 and struct.unpack_from("<I", data, 1)[0] == 1:
            x, y = struct.unpack_from("<2d", data, 5)
            if x == x and y == y:  # not an empty point (NaN coordinates)
                return data, ((x, y, x, y), 0.0)
        g = wkb_loads(data)
    elif isinstance(geom, str):
        from shapely import wkt

        g = wkt.loads(geom)
    else:
        g = geom
    if g.geom_type == "MultiPoint" and len(g.geoms) == 1:
        g = g.geoms[0]
    if g.geom_type != "Point" or g.is_empty:
        raise InputError(
            tr(
                "{what} has a {type} geometry; facilities are stored as points.",
                what=what or tr("A facility"),
                type=g.geom_type,
            )
        )
    data = wkb_dumps(g)
    x, y = struct.unpack_from("<2d", data, 5)
    return data, ((x, y, x, y), 0.0)


def wkb_bounds_area(data: bytes) -> tuple[tuple[float, float, float, float], float]:
    """Bounds (minx, miny, maxx, maxy) and area of a little-endian 2D MultiPolygon WKB (shoelace formula)."""
    import numpy as np

    npoly = struct.unpack_from("<I", data, 5)[0]
    pos = 9
    area = 0.0
    mins, maxs = [], []
    for _ in range(npoly):
        nrings = struct.unpack_from("<I", data, pos + 5)[0]
        pos += 9
        for r in range(nrings):
            npts = struct.unpack_from("<I", data, pos)[0]
            pos += 4
            xy = np.frombuffer(data, dtype="<f8", count=2 * npts, offset=pos).reshape(-1, 2)
            pos += 16 * npts
            if npts == 0:
                continue
            x, y = xy[:, 0], xy[:, 1]
            a = 0.5 * abs(float(np.dot(x[:-1], y[1:]) - np.dot(x[1:], y[:-1])))
            area += a if r == 0 else -a
            if r == 0:
                mins.append(xy.min(axis=0))
                maxs.append(xy.max(axis=0))
    if not mins:
        return (0.0, 0.0, 0.0, 0.0), 0.0
    lo, hi = np.min(mins, axis=0), np.max(maxs, axis=0)
    return (float(lo[0]), float(lo[1]), float(hi[0]), float(hi[1])), area


# GeoPackage geometry blob (GeoPackage 1.2, clause 2.1.3): 'GP', version 0, flags, srs_id, envelope, WKB.
def gpkg_blob(wkb: bytes, srid: int, bounds: tuple[float, float, float, float]) -> bytes:
    flags = 0b00000011  # little endian, envelope [minx, maxx, miny, maxy]
    minx, miny, maxx, maxy = bounds
    return b"GP\x00" + bytes([flags]) + struct.pack("<i", srid) + struct.pack("<4d", minx, maxx, miny, maxy) + wkb


_ENVELOPE_SIZE = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


@overload
def gpkg_blob_to_wkb(blob: bytes | bytearray | memoryview) -> bytes: ...
@overload
def gpkg_blob_to_wkb(blob: None) -> None: ...
def gpkg_blob_to_wkb(blob: bytes | bytearray | memoryview | None) -> bytes | None:
    if blob is None:
        return None
    blob = bytes(blob)
    if blob[:2] != b"GP":
        return blob
    flags = blob[3]
    return blob[8 + _ENVELOPE_SIZE[(flags >> 1) & 7] :]


@overload
def blob_envelope(blob: bytes | bytearray | memoryview) -> tuple[float, float, float, float]: ...
@overload
def blob_envelope(blob: None) -> None: ...
def blob_envelope(blob: bytes | bytearray | memoryview | None) -> tuple[float, float, float, float] | None:
    """(minx, maxx, miny, maxy) of a GeoPackage blob; used by the R-tree triggers (ST_MinX etc.)."""
    if blob is None:
        return None
    blob = bytes(blob)
    flags = blob[3]
    endian = "<" if flags & 1 else ">"
    if (flags >> 1) & 7:
        return struct.unpack(endian + "4d", blob[8:40])
    g = wkb_loads(gpkg_blob_to_wkb(blob))
    minx, miny, maxx, maxy = g.bounds
    return minx, maxx, miny, maxy


def st_isempty(blob: bytes | bytearray | memoryview | None) -> int | None:
    if blob is None:
        return None
    return 1 if bytes(blob)[3] & 0b00010000 else 0


def srs_definition(srid: int) -> tuple[str, str]:
    try:
        import pyproj

        crs = pyproj.CRS.from_epsg(srid)
        return crs.name, crs.to_wkt("WKT1_GDAL")
    except Exception:  # pyproj missing or unknown code: GeoPackage allows 'undefined'
        return f"EPSG:{srid}", "undefined"


def locate_points(points_wkb: Sequence[bytes], polygons_wkb: Iterable[bytes]) -> list[int]:
    """For each point (WKB) the index of the first polygon (WKB) that covers it, or -1; an R-tree (shapely STRtree)
    keeps it fast for thousands of blocks. Works with shapely 1.8 (Debian 12: the tree returns geometries) and
    2.x (indices)."""
    import warnings

    polys = [wkb_loads(w) for w in polygons_wkb]
    if not polys:
        return [-1] * len(points_wkb)
    from shapely.errors import ShapelyDeprecationWarning
    from shapely.strtree import STRtree

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ShapelyDeprecationWarning)  # 1.8 announces the 2.0 API we also handle
        tree = STRtree(polys)
        position = {id(p): i for i, p in enumerate(polys)}
        out = []
        for w in points_wkb:
            pt = wkb_loads(w)
            found = -1
            hits = sorted(position[id(h)] if hasattr(h, "geom_type") else int(h) for h in tree.query(pt))
            for i in hits:
                if polys[i].covers(pt):
                    found = i
                    break
            out.append(found)
    return out
