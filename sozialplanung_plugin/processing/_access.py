"""Layer glue shared by the infrastructure algorithms (facilitysupply, networkaccess, accessgaps, zensusgrid).

Reads QGIS layers into the plain arrays core.network / core.facilities / core.zensus_grid take: lines as one
vertex array (from WKB, no per-vertex Python objects), points (point on surface for polygons), the social space
of each point, facilities with type, capacity and dates, population with target-group variables from the
layer's fields or from statistics tables. Heavy modules are imported inside the functions.
"""

import struct

from qgis.core import (
    QgsCoordinateTransform,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsSpatialIndex,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import GeometryType
from ..core import fields as F
from .base import layer_label, plain_value


def key_text(value):
    """Attribute value -> key text (None for NULL; core.fields.key_text: keys are always text)."""
    return F.key_text(plain_value(value))


def transform_to(source, crs, context):
    """A transform from the source's CRS to ``crs`` (None when they are equal)."""
    src = source.sourceCrs()
    if src == crs:
        return None
    return QgsCoordinateTransform(src, crs, context.transformContext())


def require_projected(alg, source, what):
    """Refuse a layer in degrees: distances must be metres."""
    from ..core.errors import InputError

    crs = source.sourceCrs()
    if crs.isGeographic():
        raise InputError(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "The {what} '{layer}' is in {crs} with coordinates in degrees; distances would be degrees, not metres. "
                "Reproject it to a projected CRS in metres (e.g. EPSG:25832 ETRS89 / UTM 32N: Vector > Data "
                "Management > Reproject Layer) and run again.",
            ).format(
                what=what,
                layer=layer_label(source),
                crs=crs.authid() or QCoreApplication.translate("SozialplanungAlgorithm", "a CRS"),
            )
        )
    return crs


# --------------------------------------------------------------------------------------------------------
# lines
# --------------------------------------------------------------------------------------------------------
def read_lines(alg, source, fields, crs, context, feedback, progress_span=(0, 20)):
    """Vertices of all line features in ``crs`` in the layout of core.network.polylines, and the listed
    attribute values per line: (coords, offsets, part_line, {field: [values]}, feature ids)."""
    import numpy as np

    tr = transform_to(source, crs, context)
    idx = [source.fields().lookupField(f) for f in fields]
    request = QgsFeatureRequest()
    if fields:
        request.setSubsetOfAttributes(idx)
    else:
        request.setNoAttributes()
    chunks, counts, part_line = [], [], []
    attrs = {f: [] for f in fields}
    fids = []
    total = max(source.featureCount(), 1)
    start, end = progress_span
    line = 0
    for i, feat in enumerate(source.getFeatures(request)):
        if i % 2000 == 0:
            alg.check_canceled(feedback)
            feedback.setProgress(start + (end - start) * i / total)
        g = feat.geometry()
        if g.isNull() or g.isEmpty():
            continue
        if QgsWkbTypes.isCurvedType(g.wkbType()):
            g = QgsGeometry(g.constGet().segmentize())
        if g.type() != GeometryType.Line:
            continue
        if tr is not None:
            g = QgsGeometry(g)
            g.transform(tr)
        parts = _line_parts(bytes(g.asWkb()))
        if not parts:
            continue
        for arr in parts:
            chunks.append(arr)
            counts.append(len(arr))
            part_line.append(line)
        vals = feat.attributes()
        for f, j in zip(fields, idx):
            attrs[f].append(plain_value(vals[j]))
        fids.append(feat.id())
        line += 1
    if not chunks:
        return np.zeros((0, 2)), np.zeros(1, np.int64), np.zeros(0, np.int64), attrs, fids
    coords = np.concatenate(chunks)
    offsets = np.r_[0, np.cumsum(counts)].astype(np.int64)
    return coords, offsets, np.asarray(part_line, np.int64), attrs, fids


def _line_parts(wkb):
    """(n, 2) vertex arrays of a (Multi)LineString in ISO WKB (Z and M dropped)."""
    import numpy as np

    out = []

    def one(pos):
        order = "<" if wkb[pos] == 1 else ">"
        (gtype,) = struct.unpack_from(order + "I", wkb, pos + 1)
        base = gtype % 1000
        dims = 2 + (1 if (gtype // 1000) in (1, 2) else 0) + (2 if gtype // 1000 == 3 else 0)
        if gtype & 0x80000000 or gtype & 0x40000000:  # EWKB flags
            base = gtype & 0xFF
            dims = 2 + (1 if gtype & 0x80000000 else 0) + (1 if gtype & 0x40000000 else 0)
        pos += 5
        if base == 2:
            (n,) = struct.unpack_from(order + "I", wkb, pos)
            pos += 4
            arr = np.frombuffer(wkb, dtype=order + "f8", count=n * dims, offset=pos).reshape(n, dims)[:, :2]
            if n >= 2:
                out.append(arr.astype(float))
            return pos + 8 * n * dims
        if base == 5:
            (n,) = struct.unpack_from(order + "I", wkb, pos)
            pos += 4
            for _ in range(n):
                pos = one(pos)
            return pos
        raise ValueError(f"unexpected WKB type {gtype}")

    one(0)
    return out


# --------------------------------------------------------------------------------------------------------
# points
# --------------------------------------------------------------------------------------------------------
def read_points(alg, source, fields, crs, context, feedback, progress_span=(0, 10)):
    """One point per feature in ``crs`` (point on surface for polygons, the first point of a multipoint) and
    the listed attribute values: (xy (n, 2), {field: [values]}, feature ids). Features without geometry are
    left out."""
    import numpy as np

    tr = transform_to(source, crs, context)
    idx = [source.fields().lookupField(f) for f in fields]
    request = QgsFeatureRequest()
    if fields:
        request.setSubsetOfAttributes(idx)
    xs, ys, fids = [], [], []
    attrs = {f: [] for f in fields}
    total = max(source.featureCount(), 1)
    start, end = progress_span
    for i, feat in enumerate(source.getFeatures(request)):
        if i % 2000 == 0:
            alg.check_canceled(feedback)
            feedback.setProgress(start + (end - start) * i / total)
        g = feat.geometry()
        if g.isNull() or g.isEmpty():
            continue
        if g.type() == GeometryType.Polygon:
            g = g.pointOnSurface()
        elif g.type() == GeometryType.Point and g.isMultipart():
            g = QgsGeometry.fromPointXY(g.asMultiPoint()[0])
        elif g.type() != GeometryType.Point:
            g = g.centroid()
        if tr is not None:
            g = QgsGeometry(g)
            g.transform(tr)
        p = g.asPoint()
        xs.append(p.x())
        ys.append(p.y())
        vals = feat.attributes()
        for f, j in zip(fields, idx):
            attrs[f].append(plain_value(vals[j]))
        fids.append(feat.id())
    return np.column_stack([np.asarray(xs, float), np.asarray(ys, float)]), attrs, fids


class Spaces:
    """The social spaces: keys, names, municipality keys, geometries (in ``crs``) and a lookup of points."""

    def __init__(self, alg, source, key_field, name_field, mun_field, mun_chars, crs, context):
        self.crs = crs
        tr = transform_to(source, crs, context)
        self.keys, self.names, self.municipality, self.geoms = [], {}, {}, {}
        self.index = QgsSpatialIndex()
        self._engines = {}
        for feat in source.getFeatures():
            k = key_text(feat[key_field])
            g = feat.geometry()
            if k is None or g.isNull() or g.isEmpty():
                continue
            if k in self.geoms:
                raise QgsProcessingException(
                    alg.tr(
                        "The key field '{f}' has the value '{k}' twice. Each social space needs its own key."
                    ).format(f=key_field, k=k)
                )
            g = QgsGeometry(g)
            if tr is not None:
                g.transform(tr)
            self.keys.append(k)
            self.geoms[k] = g
            if name_field:
                self.names[k] = key_text(feat[name_field])
            if mun_field:
                m = key_text(feat[mun_field])
                self.municipality[k] = (m[:mun_chars] if (m and mun_chars) else m) or None
            f = feat.__class__(feat)
            f.setId(len(self.keys) - 1)
            f.setGeometry(g)
            self.index.addFeature(f)
        if not self.keys:
            raise QgsProcessingException(
                alg.tr("Layer '{}' has no social space with a key and a geometry.").format(layer_label(source))
            )

    def code_of_points(self, xy):
        """Index of the space holding each point (-1 = none)."""
        import numpy as np
        from qgis.core import QgsPointXY

        out = np.full(len(xy), -1, dtype=np.int64)
        for i, (x, y) in enumerate(xy):
            pt = QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y)))
            for fid in self.index.intersects(pt.boundingBox()):
                eng = self._engines.get(fid)
                if eng is None:
                    eng = QgsGeometry.createGeometryEngine(self.geoms[self.keys[fid]].constGet())
                    eng.prepareGeometry()
                    self._engines[fid] = eng
                if eng.intersects(pt.constGet()):
                    out[i] = fid
                    break
        return out


# --------------------------------------------------------------------------------------------------------
# population
# --------------------------------------------------------------------------------------------------------
def population_values(alg, attrs, pop_field, keys, tables, year, table_key, feedback):
    """Count variables per population unit (rows in the order of ``keys``): the layer's fields named like
    catalogue variables, the population field as 'ew', and the variables of statistics tables joined by key
    (the table of ``year``, else the latest earlier one). Returns (DataFrame, note)."""
    import numpy as np
    import pandas as pd

    from ..core.inputs import load_catalogue_any, read_tables

    frame = pd.DataFrame(index=pd.Index(keys if keys is not None else range(len(attrs[pop_field])), dtype=object))
    note = f"field '{pop_field}'"
    from . import _checks as ck

    def counts(name, vals):  # '531 EW' or a negative count is an error naming the feature, not a silent NaN
        reader = ck.CountField(getattr(alg, "_population_layer", "population"), name)
        labels = keys if keys is not None else range(len(vals))
        out = np.array([reader.value(v, k) for v, k in zip(vals, labels)], dtype=float)
        reader.check()
        return out

    if pop_field:
        frame["ew"] = counts(pop_field, attrs[pop_field])
    for name, vals in attrs.items():
        if name == pop_field or name.startswith("__"):
            continue
        frame[name] = counts(name, vals)
    if tables:
        _inds, _ver, catalogue = load_catalogue_any(None)
        by_year, _info = read_tables(tables, "", table_key, catalogue, feedback.pushWarning if feedback else None)
        years = sorted(y for y in by_year if year is None or y <= year) or sorted(by_year)
        use = years[-1]
        values, _status = by_year[use]
        joined = values.reindex(frame.index.astype(str))
        matched = int(joined.notna().any(axis=1).sum())
        if matched == 0:
            raise QgsProcessingException(
                alg.tr(
                    "No key of the population layer is in the statistics table of {y} (keys such as '{a}' in the "
                    "layer, '{b}' in the table). Choose the key field that matches the table."
                ).format(y=use, a=frame.index[0] if len(frame) else "", b=values.index[0] if len(values) else "")
            )
        for col in joined.columns:
            frame[col] = joined[col].to_numpy(dtype=float)
        note += f"; table of {use} ({matched} of {len(frame)} units matched)"
    if "ew" in frame and frame["ew"].isna().all():
        raise QgsProcessingException(alg.tr("The population field '{}' holds no numbers.").format(pop_field))
    frame = frame.replace([np.inf, -np.inf], np.nan)
    return frame, note


def read_facilities(alg, source, type_field, capacity_field, opened_field, closed_field, crs, context, feedback):
    """Facilities: points (xy), raw type values, capacity values, opening and closing values, feature ids."""
    fields = list(dict.fromkeys(f for f in (type_field, capacity_field, opened_field, closed_field) if f))
    xy, attrs, fids = read_points(alg, source, fields, crs, context, feedback)
    n = len(fids)
    return (
        xy,
        attrs[type_field],
        attrs[capacity_field] if capacity_field else [None] * n,
        attrs[opened_field] if opened_field else [None] * n,
        attrs[closed_field] if closed_field else [None] * n,
        fids,
    )


def file_list(alg, parameters, name, context):
    """Paths of a multiple-file parameter (empty entries dropped)."""
    paths = alg.parameterAsFileList(parameters, name, context)
    raw = parameters.get(name)
    if not paths and raw:
        paths = list(raw) if isinstance(raw, (list, tuple)) else [raw]
    return [str(p) for p in paths if p]
