"""Input checks shared by the algorithms: counts in layer fields, the geometry type of a layer, broken geometries.

Why here and not in each algorithm: the same defects (residents stored as text, negative counts, a point layer
given as blocks, self-intersecting polygons) reach several algorithms, and each must answer with the same clear
message (layer, field, feature, value, what to do) instead of a traceback or a silent wrong result.
"""

import math

from qgis.core import QgsGeometry, QgsProcessingException, QgsWkbTypes
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import GeometryType, WkbType
from ..core.fields import count_from_text, is_blank
from ..core.i18n import fill
from .base import FIELD_TYPES, plain_value

MAX_LISTED = 5


def is_null(value):
    """NULL attribute: None, a null QVariant, NaN, an empty or 'NULL' text (core.fields.is_blank)."""
    return is_blank(plain_value(value))


class CountField:
    """Reads one count field (residents, other counts) of a layer feature by feature and collects defects.

    ``value(attribute, feature_label)`` returns a float (NaN for NULL) and remembers values that are no number
    or negative; ``check()`` then raises one message naming the layer, the field, the first features and their
    values and what to do. Numbers stored as text ('531') are accepted; '531 EW' is not.
    """

    def __init__(self, layer_name, field, what=None, *, allow_negative=False, fields=None):
        self.layer_name, self.field, self.what = layer_name, field, what
        self.allow_negative = allow_negative
        self.not_numbers, self.negative = [], []
        if fields is not None:
            self._check_type(fields)

    def _check_type(self, fields):
        """Numbers or text only: a field of another type (JSON, lists, dates) reads as NULL everywhere."""
        idx = fields.lookupField(self.field)
        if idx < 0:
            return
        f = fields.field(idx)
        if f.isNumeric() or f.type() == FIELD_TYPES["string"]:
            return
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungChecks",
                "Layer '{layer}', field '{field}'{what} has the type {type}, not numbers: its values cannot be "
                "read as counts (a GeoJSON column mixing numbers and text becomes JSON). Make the column numbers "
                "only (or text only) and run again.",
            ).format(
                layer=self.layer_name,
                field=self.field,
                what=f" ({self.what})" if self.what else "",
                type=f.typeName() or f.type(),
            )
        )

    def value(self, raw, feature_label):
        raw = plain_value(raw)
        if is_blank(raw):
            return math.nan
        if isinstance(raw, bool):
            self.not_numbers.append((feature_label, raw))
            return math.nan
        if isinstance(raw, (int, float)):
            v = float(raw)
        elif isinstance(raw, str):
            v = count_from_text(raw)
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
        fill(QCoreApplication.translate("SozialplanungChecks", "feature {f}: '{v}'"), f=f, v=v)
        for f, v in items[:MAX_LISTED]
    )
    return shown + (" ..." if len(items) > MAX_LISTED else "")


def _kind(source):
    """'point' | 'line' | 'polygon' | 'none' and its words for a message."""
    wkb = source.wkbType()
    gtype = QgsWkbTypes.geometryType(wkb)
    if gtype == GeometryType.Polygon:
        return "polygon", QCoreApplication.translate("SozialplanungChecks", "polygons")
    if gtype == GeometryType.Point:
        return "point", QCoreApplication.translate("SozialplanungChecks", "points")
    if gtype == GeometryType.Line:
        return "line", QCoreApplication.translate("SozialplanungChecks", "lines")
    if gtype == GeometryType.Null or wkb == WkbType.NoGeometry:
        return "none", QCoreApplication.translate("SozialplanungChecks", "no geometry (a table)")
    return "other", QgsWkbTypes.displayString(wkb)


def require_polygons(source, layer_name, what):
    """Refuse a layer whose geometries are not polygons (points, lines, a table without geometry)."""
    kind, words = _kind(source)
    if kind == "polygon":
        return
    raise QgsProcessingException(
        QCoreApplication.translate(
            "SozialplanungChecks",
            "Layer '{layer}' has {kind}, but {what} must be polygons (areas). Choose the polygon layer of the "
            "{what}; a table of counts is joined to the polygons by key (e.g. in 'Aggregate indicators').",
        ).format(layer=layer_name, kind=words, what=what)
    )


def require_geometry(source, layer_name, what, allowed):
    """Refuse a layer whose geometry type is not one of ``allowed`` ('point', 'line', 'polygon')."""
    kind, words = _kind(source)
    if kind in allowed:
        return
    names = {
        "point": QCoreApplication.translate("SozialplanungChecks", "points"),
        "line": QCoreApplication.translate("SozialplanungChecks", "lines"),
        "polygon": QCoreApplication.translate("SozialplanungChecks", "polygons"),
    }
    raise QgsProcessingException(
        QCoreApplication.translate(
            "SozialplanungChecks",
            "Layer '{layer}' has {kind}, but {what} must be {allowed}. Choose the right layer.",
        ).format(
            layer=layer_name,
            kind=words,
            what=what,
            allowed=QCoreApplication.translate("SozialplanungChecks", " or ").join(names[a] for a in allowed),
        )
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


def require_plausible_crs(source, layer_name):
    """Refuse a layer without a valid CRS, or declared in degrees while its coordinates are metres."""
    crs = source.sourceCrs()
    if not crs.isValid():
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungChecks",
                "Layer '{}' has no valid coordinate reference system. Assign the one it was made in (Layer "
                "Properties > Source > Assigned CRS, e.g. EPSG:25832) and run again.",
            ).format(layer_name)
        )
    if not crs.isGeographic():
        return
    ext = source.sourceExtent()
    if ext.isNull() or ext.isEmpty() and ext.width() == 0 and ext.height() == 0:
        return
    if ext.xMinimum() < -180.5 or ext.xMaximum() > 180.5 or ext.yMinimum() < -90.5 or ext.yMaximum() > 90.5:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungChecks",
                "Layer '{layer}' is declared as {crs} (degrees), but its coordinates reach {x:.0f}, {y:.0f}: "
                "these are metres. Assign the CRS the layer was made in (Layer Properties > Source > Assigned "
                "CRS, e.g. EPSG:25832 for ETRS89 / UTM 32N) and run again.",
            ).format(
                layer=layer_name,
                crs=crs.authid() or crs.description(),
                x=ext.xMaximum() if abs(ext.xMaximum()) > 180.5 else ext.xMinimum(),
                y=ext.yMaximum() if abs(ext.yMaximum()) > 90.5 else ext.yMinimum(),
            )
        )


def require_unique_keys(values, field, layer_name):
    """Refuse a key field that gives two features the same key (results would be joined to the wrong unit)."""
    import pandas as pd

    keys = pd.Series(values).astype(object)
    keys = keys[keys.notna() & (keys.astype(str).str.strip() != "")]
    dup = keys[keys.astype(str).duplicated(keep=False)]
    if len(dup):
        first = str(dup.iloc[0])
        n = int((keys.astype(str) == first).sum())
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungChecks",
                "Layer '{layer}', key field '{field}': the key '{key}' occurs {n} times ({more} keys occur more "
                "than once). Each unit needs its own key: correct the keys or choose the right key field.",
            ).format(layer=layer_name, field=field, key=first, n=n, more=dup.astype(str).nunique())
        )


def year_list(value, what):
    """Years from a parameter value ('2020, 2024', '2020 2024' or a list of years; core.inputs.year_list), sorted;
    a part that is no year is refused, naming it (an InputError: the algorithm's message), not silently dropped
    ('2024-20x' was read as 2024). ``what``: the parameter's label."""
    from ..core.inputs import year_list as parse

    return parse(value, what)


def skipped_message(skipped, catalogue, info, none=False):
    """Indicators not computed (all of them: none=True): the variables the tables lack, how to add a header as
    an alias (catalogue overlay), and the headers of the tables no catalogue variable knows."""
    from ..core.inputs import skipped_note

    lacking, unknown = skipped_note(skipped, catalogue, info)
    head = (
        QCoreApplication.translate("SozialplanungChecks", "None of the chosen indicators can be computed")
        if none
        else QCoreApplication.translate("SozialplanungChecks", "{n} indicator(s) not computed").format(n=len(skipped))
    )
    return QCoreApplication.translate(
        "SozialplanungChecks",
        "{head}: the tables lack {lacking}. If a table has such a column under another header, add that header to "
        "the variable's aliases in a county catalogue file (an overlay of the default catalogue) and choose it as "
        "Indicator catalogue. Headers of the tables that no catalogue variable knows: {unknown}.",
    ).format(head=head, lacking=lacking, unknown=unknown or "-")
