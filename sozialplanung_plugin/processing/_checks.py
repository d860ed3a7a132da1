"""Input checks shared by the algorithms: counts in layer fields, the geometry type of a layer, broken geometries.

Why here and not in each algorithm: the same defects (residents stored as text, negative counts, a point layer
given as blocks, self-intersecting polygons) reach several algorithms, and each must answer with the same clear
message (layer, field, feature, value, what to do) instead of a traceback or a silent wrong result.
"""

import math

from qgis.core import QgsGeometry, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication, QVariant

from ..compat import GeometryType, WkbType

MAX_LISTED = 5


def is_null(value):
    """NULL attribute (None, a null QVariant, NaN or an empty/'NULL' text)."""
    if value is None:
        return True
    if isinstance(value, QVariant):
        return value.isNull()
    if isinstance(value, float):
        return math.isnan(value)
    if isinstance(value, str):
        return value.strip() in ("", "NULL")
    return False


def _number_from_text(text):
    """A count written as text ('531', '1.234', '12,5'); None when the text is not only a number."""
    t = text.strip().replace("\u00a0", "").replace(" ", "")
    if not t:
        return None
    import re

    if re.fullmatch(r"[+-]?\d+", t):
        return float(t)
    if re.fullmatch(r"[+-]?\d{1,3}(\.\d{3})+", t):  # German thousands dots
        return float(t.replace(".", ""))
    if re.fullmatch(r"[+-]?\d+,\d+", t):  # German decimal comma
        return float(t.replace(",", "."))
    if re.fullmatch(r"[+-]?\d*\.\d+", t):
        return float(t)
    return None


class CountField:
    """Reads one count field (residents, other counts) of a layer feature by feature and collects defects.

    ``value(attribute, feature_label)`` returns a float (NaN for NULL) and remembers values that are no number
    or negative; ``check()`` then raises one message naming the layer, the field, the first features and their
    values and what to do. Numbers stored as text ('531') are accepted; '531 EW' is not.
    """

    def __init__(self, layer_name, field, what=None, *, allow_negative=False):
        self.layer_name, self.field, self.what = layer_name, field, what
        self.allow_negative = allow_negative
        self.not_numbers, self.negative = [], []

    def value(self, raw, feature_label):
        if is_null(raw):
            return math.nan
        if isinstance(raw, QVariant):
            raw = raw.value()
        if isinstance(raw, bool):
            self.not_numbers.append((feature_label, raw))
            return math.nan
        if isinstance(raw, (int, float)):
            v = float(raw)
        elif isinstance(raw, str):
            v = _number_from_text(raw)
            if v is None:
                self.not_numbers.append((feature_label, raw))
                return math.nan
        else:
            try:
                v = float(raw)
            except (TypeError, ValueError):
                self.not_numbers.append((feature_label, raw))
                return math.nan
        if not math.isfinite(v):
            self.not_numbers.append((feature_label, raw))
            return math.nan
        if v < 0 and not self.allow_negative:
            self.negative.append((feature_label, raw))
        return v

    def check(self):
        """Raise a QgsProcessingException when a value was no number or negative."""
        if self.not_numbers:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungChecks",
                    "Layer '{layer}', field '{field}'{what}: {n} feature(s) hold no number ({examples}). "
                    "The field must hold plain counts: remove units and text (e.g. with the Field Calculator: "
                    "to_int(regexp_replace(\"{field}\", '[^0-9]', ''))) or choose the right field.",
                ).format(
                    layer=self.layer_name,
                    field=self.field,
                    what=f" ({self.what})" if self.what else "",
                    n=len(self.not_numbers),
                    examples=_examples(self.not_numbers),
                )
            )
        if self.negative:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungChecks",
                    "Layer '{layer}', field '{field}'{what}: {n} feature(s) hold a negative count ({examples}). "
                    "Counts cannot be negative: correct the values (0 for none) or choose the right field.",
                ).format(
                    layer=self.layer_name,
                    field=self.field,
                    what=f" ({self.what})" if self.what else "",
                    n=len(self.negative),
                    examples=_examples(self.negative),
                )
            )


def _examples(items):
    shown = ", ".join(
        QCoreApplication.translate("SozialplanungChecks", "feature {f}: '{v}'").format(f=f, v=v)
        for f, v in items[:MAX_LISTED]
    )
    return shown + (" ..." if len(items) > MAX_LISTED else "")


def require_polygons(source, layer_name, what):
    """Refuse a layer whose geometries are not polygons (points, lines, a table without geometry)."""
    wkb = source.wkbType()
    gtype = QgsWkbTypes.geometryType(wkb)
    if gtype == GeometryType.Polygon:
        return
    if gtype == GeometryType.Null or wkb == WkbType.NoGeometry:
        kind = QCoreApplication.translate("SozialplanungChecks", "no geometry (a table)")
    elif gtype == GeometryType.Point:
        kind = QCoreApplication.translate("SozialplanungChecks", "points")
    elif gtype == GeometryType.Line:
        kind = QCoreApplication.translate("SozialplanungChecks", "lines")
    else:
        kind = QgsWkbTypes.displayString(wkb)
    raise QgsProcessingException(
        QCoreApplication.translate(
            "SozialplanungChecks",
            "Layer '{layer}' has {kind}, but {what} must be polygons (areas). Choose the polygon layer of the "
            "{what}; a table of counts is joined to the polygons by key (e.g. in 'Aggregate indicators').",
        ).format(layer=layer_name, kind=kind, what=what)
    )


def repaired(geometry):
    """(geometry, reason): a valid polygonal copy of an invalid geometry (make-valid), reason '' if it was valid.

    Self-intersections ('bow ties'), spikes and rings that cross are repaired with GEOS make-valid; only the
    polygon parts are kept (make-valid may add lines or points where the ring touched itself). The geometry is
    None when nothing polygonal remains.
    """
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None, QCoreApplication.translate("SozialplanungChecks", "no geometry")
    if geometry.isGeosValid():
        return geometry, ""
    errors = geometry.validateGeometry()
    reason = errors[0].what() if errors else QCoreApplication.translate("SozialplanungChecks", "invalid geometry")
    fixed = geometry.makeValid()
    if fixed.isNull() or fixed.isEmpty():
        return None, reason
    if QgsWkbTypes.geometryType(fixed.wkbType()) != GeometryType.Polygon or QgsWkbTypes.isMultiType(fixed.wkbType()):
        parts = [p for p in fixed.asGeometryCollection() if p.type() == GeometryType.Polygon and not p.isEmpty()]
        if not parts:
            return None, reason
        fixed = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else parts[0]
    if fixed.isNull() or fixed.isEmpty() or not fixed.isGeosValid():
        fixed = fixed.buffer(0, 2)
        if fixed.isNull() or fixed.isEmpty():
            return None, reason
    return fixed, reason
