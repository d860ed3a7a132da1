"""Indicator layers for the map: a copy of the data layer with a graduated style on the indicator field."""

from qgis.core import (
    QgsClassificationQuantile,
    QgsFeatureRequest,
    QgsFillSymbol,
    QgsGraduatedSymbolRenderer,
    QgsStyle,
    QgsVectorLayer,
)

#: colour ramp by polarity: dark = unfavourable for higher_worse (Reds), dark = favourable (Greens)
RAMPS = {"higher_worse": "Reds", "higher_better": "Greens", "neutral": "Blues"}
CLASSES = 5
PROPERTY = "sozialplanung/indicator"


def indicator_layer(source, ind, field, year=None, name=None, subset=None):
    """A new layer over the same data as `source` (memory layers are copied) styled on `field`.

    Never changes the source layer. `subset` is an expression for long layouts (e.g. "year" = 2025).
    """
    name = name or (f"{ind.name} {year}" if year else ind.name)
    if source.providerType() == "memory":
        request = QgsFeatureRequest()
        if subset:
            request.setFilterExpression(subset)
        layer = source.materialize(request)
        layer.setName(name)
    else:
        layer = QgsVectorLayer(source.source(), name, source.providerType())
        parts = [p for p in (source.subsetString(), subset) if p]
        if parts:
            layer.setSubsetString(" AND ".join(f"({p})" for p in parts))
    if not layer.isValid():
        return None
    style_graduated(layer, field, ind)
    layer.setCustomProperty(PROPERTY, ind.id)
    layer.setCustomProperty(PROPERTY + "_year", year if year is not None else "")
    return layer


def style_graduated(layer, field, ind, classes=CLASSES):
    """Quantile classes (equal counts) on the field, colour ramp by the indicator's polarity."""
    symbol = QgsFillSymbol.createSimple({"outline_color": "#606060", "outline_width": "0.2"})
    renderer = QgsGraduatedSymbolRenderer(field)
    renderer.setSourceSymbol(symbol)
    method = QgsClassificationQuantile()
    method.setLabelPrecision(1)
    if ind.unit and ind.unit not in ("absolute", "persons", "index"):
        method.setLabelFormat(f"%1 – %2 {ind.unit}")
    renderer.setClassificationMethod(method)
    ramp = QgsStyle.defaultStyle().colorRamp(RAMPS.get(ind.polarity, "Blues"))
    if ramp is not None:
        renderer.setSourceColorRamp(ramp)
    renderer.updateClasses(layer, classes)
    if ramp is not None:
        renderer.updateColorRamp(ramp)
    layer.setRenderer(renderer)
    layer.triggerRepaint()
    return renderer
