"""The spine chart of the profile dock: one space's indicators against the range of all spaces and the county,
its marks coloured by the strengths–weaknesses judgement (core.strengths, core.charts.svg_spine_chart).

The distribution needs every space of the layer: read once per layer and year (cached), then each click only
draws. pandas is imported on the first use, not at QGIS start-up.
"""

from qgis.core import QgsFeatureRequest
from qgis.PyQt.QtCore import QByteArray, QRectF, QSize
from qgis.PyQt.QtGui import QPainter
from qgis.PyQt.QtSvg import QSvgRenderer
from qgis.PyQt.QtWidgets import QSizePolicy, QWidget

from ..processing.base import plain_value
from . import common


class SpineData:
    """The strengths–weaknesses table of all spaces of a layer for one year (rates of the catalogue)."""

    def __init__(self, layer, catalogue, year):
        import pandas as pd

        from ..core import strengths as sw
        from ..core.fields import field_name, split_year

        self.year = year
        self.long = None
        self.units = {}
        names = common.layer_field_names(layer)
        key_field = next((n for n in ("key", "sr_id", "id") if n in names), None)
        inds = []
        for n in names:
            base, y = split_year(n)
            ind = catalogue.indicators.get(base) if catalogue is not None else None
            if y == year and ind is not None and ind.kind == "status" and ind.denominator:
                inds.append(ind)
        if key_field is None or not inds:
            return
        order = list(catalogue.indicators)
        inds.sort(key=lambda i: order.index(i.id))
        wanted = [key_field] + [
            field_name(i.id, part, year)
            for i in inds
            for part in ("", "num", "den", "flag", "ref_county", "ref_mun")
            if field_name(i.id, part, year) in names
        ]
        req = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
        req.setSubsetOfAttributes(wanted, layer.fields())
        rows = []
        for f in layer.getFeatures(req):
            rows.append([plain_value(f[n]) for n in wanted])
        frame = pd.DataFrame(rows, columns=wanted)
        frame[key_field] = frame[key_field].map(lambda v: None if v is None else str(v))
        frame = frame.dropna(subset=[key_field]).drop_duplicates(subset=[key_field]).set_index(key_field)
        for c in frame.columns:
            if not c.startswith(tuple(f"{i.id}_flag" for i in inds)):
                frame[c] = pd.to_numeric(frame[c], errors="coerce")
        self.long = pd.concat([sw.assess(frame, [i], year, catalogue=catalogue) for i in inds], ignore_index=True)
        self.units = {i.id: i.unit for i in inds}

    def svg(self, key, width_mm=120.0):
        from ..core import charts
        from ..core import strengths as sw

        if self.long is None:
            return None
        rows = sw.spine_rows(self.long, str(key), self.units)
        if not rows:
            return None
        return charts.svg_spine_chart(rows, width_mm=width_mm, row_mm=5.6, font_size=2.9)


class SpineChart(QWidget):
    """Draws the spine chart SVG, scaled to the widget's width (aspect kept)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("spine")
        self.setMinimumHeight(120)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.renderer = QSvgRenderer(self)
        self.svg_text = ""
        self._cache = {}

    def sizeHint(self):  # noqa: N802
        return QSize(320, 220)

    def show_space(self, layer, key, catalogue, year):
        """Draw the spine chart of space ``key`` (nothing when the layer has no rates of that year)."""
        text = ""
        if layer is not None and key is not None and year is not None:
            cache_key = (layer.id(), int(year))
            data = self._cache.get(cache_key)
            if data is None:
                data = SpineData(layer, catalogue, int(year))
                self._cache = {cache_key: data}  # one layer and year at a time
            text = data.svg(key) or ""
        self.svg_text = text
        self.renderer.load(QByteArray(text.encode("utf-8")) if text else QByteArray())
        self.setAccessibleDescription(self.summary())
        self.update()

    def clear(self):
        self.show_space(None, None, None, None)

    def invalidate(self):
        """Forget the cached distribution (the layer's values changed)."""
        self._cache = {}

    def summary(self):
        """The marks as text (screen readers, tests): '<label>: <judgement>' per row."""
        import re

        if not self.svg_text:
            return ""
        return "; ".join(re.findall(r'<text x="0.8" y="[^"]+">([^<]+)</text>', self.svg_text))

    def paintEvent(self, _event):  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), self.palette().base())
        if self.svg_text and self.renderer.isValid():
            size = self.renderer.defaultSize()
            if size.width() > 0:
                scale = min(self.width() / size.width(), self.height() / size.height())
                w, h = size.width() * scale, size.height() * scale
                self.renderer.render(p, QRectF(0, 0, w, h))
        p.end()
