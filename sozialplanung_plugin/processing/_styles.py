"""Output layers that read at a glance (issue 19): a name that says what they are ("Indikatoren Sozialräume 2025",
two runs distinguishable) and a choropleth style, in the project and stored in a GeoPackage as its default style.

Used by aggregateindicators (one layer per level); the index algorithms style their outputs in _indices.
"""

from qgis.core import QgsProcessingLayerPostProcessorInterface, QgsProject, QgsRuleBasedRenderer, QgsVectorLayer
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import save_style_to_database
from . import _layouts as L

#: The indicator a new layer is drawn with when the run computed it (the first of these), else the first one.
LEAD_INDICATORS = ("kinderarmut_sgb2_u15", "sgb2_quote", "arbeitslose_anteil", "altersarmut_65plus")
_POST = []  # post-processors must outlive the run (QGIS does not own them)


def level_label(level_name, first_field=None, county_name=""):
    """German name of an output level: the lowest assignment level is the social spaces."""
    fixed = {"municipality": "Gemeinden", "target": "Zielgebiete", "units": "Einheiten"}
    if level_name in fixed:
        return fixed[level_name]
    if level_name == "county":
        return county_name or "Kreis"
    return "Sozialräume" if level_name == first_field else f"Ebene {level_name}"


def output_name(label, year):
    return f"Indikatoren {label}" + (f" {year}" if year else "")


def unique_name(name, layer=None, project=None):
    """``name``, or ``name (2)``... when another layer of the project already has it (two runs, two names)."""
    project = project or QgsProject.instance()
    taken = {lyr.name() for lyr in project.mapLayers().values() if layer is None or lyr.id() != layer.id()}
    candidate, n = name, 1
    while candidate in taken:
        n += 1
        candidate = f"{name} ({n})"
    return candidate


def lead_indicator(computed, wanted=(), rates=None):
    """The indicator to draw: the first rate the planner asked for, else a key indicator, else the first rate,
    else the first one (a count such as the residents only when nothing else was computed)."""
    rates = set(computed) if rates is None else set(rates)
    for ind in list(wanted) + list(LEAD_INDICATORS) + list(computed):
        if ind in computed and ind in rates:
            return ind
    return next(iter(computed), None)


def indicator_renderer(frame, indicator, year, n_classes=5):
    """Quantile choropleth of one indicator field '<id>_<year>' on the written layer: suppressed values grey and
    hatched (never a class), missing values white, classes from the values that are not suppressed, labels in
    German number format. None when the field has too few values."""
    import pandas as pd

    from ..core import fields as contract
    from ..core.classify import assign_classes, quantile_breaks

    field = contract.field_name(indicator.id, "", year)
    flag = contract.field_name(indicator.id, "flag", year)
    if field not in frame.columns:
        return None, None
    values = pd.to_numeric(frame[field], errors="coerce")
    if flag in frame.columns:
        values = values.where(frame[flag].astype(str) != contract.FLAG_SUPPRESSED)
    valid = values.dropna()
    if valid.nunique() < 2:
        return None, None
    breaks = sorted(set(quantile_breaks(valid, n_classes)))
    classes = assign_classes(valid, breaks)
    counts = [int((classes == i).sum()) for i in range(1, len(breaks) + 2)]
    unit = contract.unit_text(indicator.unit)
    decimals = contract.decimals_for(indicator.unit)
    from ..core import charts

    labels = charts.class_range_labels(breaks, float(valid.min()), float(valid.max()), decimals, unit)
    labels = [f"{lab}  ({c})" for lab, c in zip(labels, counts)]
    colours = L.ramp(len(labels), indicator.polarity or "higher_worse")
    not_supp = f"coalesce(\"{flag}\", '') <> '{contract.FLAG_SUPPRESSED}'" if flag in frame.columns else "TRUE"
    title = f"{indicator.short_name or indicator.name}" + (f" in {unit}" if unit else "") + f", {year}"
    top = QgsRuleBasedRenderer.Rule(None)
    root = QgsRuleBasedRenderer.Rule(None, 0, 0, "", title)  # the legend says which indicator is drawn
    top.appendChild(root)
    limits = [None, *breaks, None]
    for i, (col, lab) in enumerate(zip(colours, labels)):
        lo, hi = limits[i], limits[i + 1]
        parts = [f'"{field}" IS NOT NULL', not_supp]
        if lo is not None:
            parts.append(f'"{field}" > {lo!r}')
        if hi is not None:
            parts.append(f'"{field}" <= {hi!r}')
        root.appendChild(QgsRuleBasedRenderer.Rule(L.fill_symbol(col), 0, 0, " AND ".join(parts), lab))
    if flag in frame.columns and (frame[flag].astype(str) == contract.FLAG_SUPPRESSED).any():
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                L.suppressed_symbol(), 0, 0, f"\"{flag}\" = '{contract.FLAG_SUPPRESSED}'", L.SUPPRESSED_LABEL
            )
        )
    if values.isna().any():
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                L.fill_symbol("#ffffff", "#bdbdbd", 0.15),
                0,
                0,
                f'"{field}" IS NULL' + (f" AND {not_supp}" if flag in frame.columns else ""),
                L.MISSING_LABEL,
            )
        )
    return QgsRuleBasedRenderer(top), title


def style_output(context, dest, name, renderer, feedback=None):
    """Name and style of an output: on a temporary layer now, on a layer QGIS loads when the run ends (a
    post-processor; the name made unique in the project), and as the default style inside a GeoPackage file."""
    from ._indices import file_of

    layer = context.temporaryLayerStore().mapLayer(dest) if context.temporaryLayerStore() else None
    if layer is not None:
        layer.setName(name)
        if renderer is not None:
            layer.setRenderer(renderer.clone())
    path, table = file_of(dest)
    if renderer is not None and path and path.lower().endswith(".gpkg"):
        stored = QgsVectorLayer(dest, name, "ogr")
        if stored.isValid():
            stored.setRenderer(renderer.clone())
            message = save_style_to_database(stored, table or name, name)
            if message and feedback is not None:
                feedback.pushWarning(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "The style of '{layer}' was not stored in {gpkg}: {error}"
                    ).format(layer=name, gpkg=path, error=message)
                )
    if context.willLoadLayerOnCompletion(dest):
        details = context.layerToLoadOnCompletionDetails(dest)
        details.name = name
        post = _Styler(name, renderer.clone() if renderer is not None else None, details.postProcessor())
        _POST.append(post)
        del _POST[:-40]
        details.setPostProcessor(post)


class _Styler(QgsProcessingLayerPostProcessorInterface):
    """Renames (unique in the project) and styles the loaded layer; runs a previous post-processor first."""

    def __init__(self, name, renderer, previous=None):
        super().__init__()
        self.name, self.renderer, self.previous = name, renderer, previous

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        if self.previous is not None:
            self.previous.postProcessLayer(layer, context, feedback)
        layer.setName(unique_name(self.name, layer))
        if self.renderer is not None:  # a feature renderer: the outputs styled here are vector layers
            layer.setRenderer(self.renderer.clone())
            layer.triggerRepaint()
