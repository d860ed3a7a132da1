"""Shared glue of the index algorithms (compositeindex, actionfieldtypology, indexsensitivity).

Parses the small text parameters (directions, weights, domains), resolves catalogue polarity for field
names such as ``sgb2_quote_2025`` or ``sgb2_quote_chg_2014_2025``, reads a layer once (attributes,
geometries and a pandas frame of the needed fields), writes the result layer, the JSON sidecar and the
graduated style. No module-level import of pandas/numpy (QGIS start-up stays fast).
"""

import json
import math
import os
import re

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import GeometryType, save_style_to_database
from ..core.fields import indicator_of, number_from_text
from ..core.i18n import fill
from ..toolbelt.log import log_error

DIRECTION_WORDS = {
    "higher_worse": "higher_worse",
    "worse": "higher_worse",
    "+": "higher_worse",
    "plus": "higher_worse",
    "higher_better": "higher_better",
    "better": "higher_better",
    "-": "higher_better",
    "minus": "higher_better",
    "neutral": "neutral",
}


def label(what):
    """The parameter name ``what`` (English, as the callers pass it) in the user's language."""
    labels = {
        "Directions": QCoreApplication.translate("SozialplanungAlgorithm", "Directions"),
        "Weights": QCoreApplication.translate("SozialplanungAlgorithm", "Weights"),
        "Goalposts": QCoreApplication.translate("SozialplanungAlgorithm", "Goalposts"),
        "Reference values": QCoreApplication.translate("SozialplanungAlgorithm", "Reference values"),
        "Domain weights": QCoreApplication.translate("SozialplanungAlgorithm", "Domain weights"),
        "Field map": QCoreApplication.translate("SozialplanungAlgorithm", "Field map"),
    }
    return labels.get(what, what)


def split_items(text):
    """'a=1; b=2' or 'a=1, b=2' or one per line -> ['a=1', 'b=2'] (empty items dropped)."""
    return [p.strip() for p in re.split(r"[;\n]", text or "") if p.strip()]


def parse_pairs(text, what, number=False):
    """'key=value; key2=value2' -> {key: value}; numbers checked when ``number``. Errors name the item."""
    out = {}
    for item in split_items(text):
        if "=" not in item:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "{what}: '{item}' is not of the form name=value (separate entries with ';').",
                ).format(what=label(what), item=item)
            )
        k, v = (s.strip() for s in item.split("=", 1))
        if not k:
            raise QgsProcessingException(
                QCoreApplication.translate("SozialplanungAlgorithm", "{what}: an entry has no name before '='.").format(
                    what=label(what)
                )
            )
        if number:
            x = number_from_text(v)  # '1,5' or '1.5'
            if x is None:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "{what}: '{v}' for '{k}' is not a number."
                    ).format(what=label(what), v=v, k=k)
                )
            v = x
            if not math.isfinite(v):
                raise QgsProcessingException(
                    QCoreApplication.translate("SozialplanungAlgorithm", "{what}: '{k}' has no finite number.").format(
                        what=label(what), k=k
                    )
                )
        out[k] = v
    return out


def parse_domains(text, fields):
    """'armut: f1, f2; arbeit: f3' -> {field: domain}; every listed field must be an indicator, every
    domain must have one. ``catalogue`` means: take the catalogue's first action field (returns None)."""
    if not (text or "").strip():
        return {}
    if text.strip().lower() == "catalogue":
        return None
    mapping = {}
    for item in split_items(text):
        if ":" not in item:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Domains: '{item}' is not of the form 'domain: field1, field2' (separate domains with ';').",
                ).format(item=item)
            )
        dom, rest = item.split(":", 1)
        dom = dom.strip()
        members = [m.strip() for m in rest.split(",") if m.strip()]
        if not dom:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm", "Domains: '{item}' has no domain name before ':'."
                ).format(item=item)
            )
        if not members:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Domain '{dom}' has no indicator. List its indicator fields after ':' or remove the domain.",
                ).format(dom=dom)
            )
        for m in members:
            if m not in fields:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm",
                        "Domain '{dom}' lists '{m}', which is not one of the chosen indicator fields ({fields}). "
                        "Add it to the indicators or correct the name.",
                    ).format(dom=dom, m=m, fields=", ".join(fields))
                )
            if m in mapping and mapping[m] != dom:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "Indicator '{m}' is listed in two domains ('{a}' and '{b}')."
                    ).format(m=m, a=mapping[m], b=dom)
                )
            mapping[m] = dom
    missing = [f for f in fields if f not in mapping]
    if missing:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm",
                "Indicator(s) {fields} belong to no domain. With domains given, list every indicator field in one "
                "domain.",
            ).format(fields=", ".join(missing))
        )
    return mapping


def parse_domain_lists(text, fields):
    """Domains as {domain: [fields]} in the order given (for GISD dimensions / IoD domains)."""
    mapping = parse_domains(text, fields) or {}
    out = {}
    for f in fields:
        if f in mapping:
            out.setdefault(mapping[f], []).append(f)
    return out


def load_catalogue(path=None):
    """The catalogue (default, or default overlaid by a county file) and its version."""
    from ..core import catalogue as cat

    c = cat.load_catalogue(path) if path else cat.load_catalogue()
    return c, getattr(c, "version", None)


def build_specs(
    fields,
    catalogue,
    directions_text="",
    weights_text="",
    domains_text="",
    log_fields=(),
    log_offset=0.0,
    goalposts_text="",
    reference_text="",
    feedback=None,
):
    """Indicator specs (as dicts for core.index) with polarity from the catalogue, overridable by text.

    Checks that name the indicator: unknown direction word, negative or non-numeric weight, a direction or
    weight for a field that is not an indicator.
    """
    inds = dict(getattr(catalogue, "indicators", {}) or {}) if catalogue is not None else {}
    ids = set(inds)
    directions = parse_pairs(directions_text, "Directions")
    weights = parse_pairs(weights_text, "Weights", number=True)
    goal = parse_pairs(goalposts_text, "Goalposts")
    refs = parse_pairs(reference_text, "Reference values", number=True)
    by_id = {}
    for f in fields:
        cid = indicator_of(f, ids)
        if cid:
            by_id.setdefault(cid, []).append(f)
    for what, mapping in (
        ("Directions", directions),
        ("Weights", weights),
        ("Goalposts", goal),
        ("Reference values", refs),
    ):
        for k in mapping:
            if k not in fields and k not in by_id:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "{what}: '{k}' is not one of the chosen indicator fields ({fields})."
                    ).format(what=label(what), k=k, fields=", ".join(fields))
                )
    domains = parse_domains(domains_text, list(fields))
    specs, notes = [], []
    for f in fields:
        cid = indicator_of(f, ids)
        word = directions.get(f, directions.get(cid)) if cid else directions.get(f)
        if word is not None:
            direction = DIRECTION_WORDS.get(str(word).strip().lower())
            if direction is None:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm",
                        "Indicator '{f}': direction '{word}' unknown; use higher_worse (+) or higher_better (-).",
                    ).format(f=f, word=word)
                )
            source = "given"
        elif cid:
            direction = inds[cid].polarity
            source = f"catalogue ({cid})"
        else:
            direction = "higher_worse"
            source = "default (not in the catalogue)"
            notes.append(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Indicator '{f}' is not in the catalogue: taken as 'higher_worse' (more = more need). "
                    "Set its direction under 'Directions' if that is wrong.",
                ).format(f=f)
            )
        if direction == "neutral":
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Indicator '{f}' is neutral (context) in the catalogue; it cannot enter an index without a "
                    "direction. Give it one under 'Directions' (e.g. {f}=higher_worse) or leave it out.",
                ).format(f=f)
            )
        w = weights.get(f, weights.get(cid) if cid else None)
        if w is not None and w < 0:
            raise QgsProcessingException(
                fill(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm",
                        "Indicator '{f}': weight {w:g} is negative; weights must be 0 or more.",
                    ),
                    f=f,
                    w=w,
                )
            )
        if domains is None:  # 'catalogue'
            afs = list(getattr(inds.get(cid), "action_fields", []) or []) if cid else []
            dom = afs[0] if afs else "index"
        else:
            dom = domains.get(f, "index")
        spec = {"field": f, "id": cid or f, "direction": direction, "domain": dom, "weight": w}
        if f in log_fields:
            spec["transform"] = "log"
            spec["log_offset"] = float(log_offset or 0.0)
        gp = goal.get(f, goal.get(cid) if cid else None)
        if gp is not None:
            parts = [number_from_text(p) for p in re.split(r"[:/]", str(gp)) if p.strip()]
            if len(parts) < 2 or parts[0] is None or parts[1] is None:
                raise QgsProcessingException(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "Goalposts of '{f}': give lower:upper, e.g. {f}=0:30 (got '{gp}')."
                    ).format(f=f, gp=gp)
                )
            spec["goalposts"] = parts[:2]
        rv = refs.get(f, refs.get(cid) if cid else None)
        if rv is not None:
            spec["reference_value"] = rv
        spec["_direction_source"] = source
        specs.append(spec)
    # a domain whose weights sum to 0: name the domain and its indicators
    by_dom = {}
    for s in specs:
        by_dom.setdefault(s["domain"], []).append(s)
    for dom, members in by_dom.items():
        ws = [m["weight"] for m in members if m["weight"] is not None]
        if len(ws) == len(members) and sum(ws) <= 0:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Domain '{dom}': the weights of its indicators ({fields}) sum to 0; give at least one a positive "
                    "weight.",
                ).format(dom=dom, fields=", ".join(m["field"] for m in members))
            )
    if feedback is not None:
        for n in notes:
            feedback.pushWarning(n)
    return specs, notes


def core_specs(specs):
    """Specs without the private keys (for core.index / the method record)."""
    return [{k: v for k, v in s.items() if not k.startswith("_")} for s in specs]


def check_domain_weights(domain_weights, specs):
    doms = {s["domain"] for s in specs}
    for d, w in domain_weights.items():
        if d not in doms:
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "Domain '{d}' has a weight but no indicator (domains with indicators: {domains}). "
                    "Assign indicators to it under 'Domains' or remove its weight.",
                ).format(d=d, domains=", ".join(sorted(doms)))
            )
        if w < 0:
            raise QgsProcessingException(
                fill(
                    QCoreApplication.translate(
                        "SozialplanungAlgorithm", "Domain '{d}': weight {w:g} is negative; weights must be 0 or more."
                    ),
                    d=d,
                    w=w,
                )
            )
    if domain_weights and len(domain_weights) == len(doms) and sum(domain_weights.values()) <= 0:
        raise QgsProcessingException(
            QCoreApplication.translate(
                "SozialplanungAlgorithm", "The domain weights sum to 0; give at least one domain a positive weight."
            )
        )


# --------------------------------------------------------------------------------------------------
# layer in, layer out


_PLAIN_TYPES = (int, float, str, bool)


class LayerRows:
    """Features of a source read once: attributes, geometries, and a frame of selected fields."""

    def __init__(self, alg, source, needed, feedback, span=(0, 30)):
        import pandas as pd

        from .base import plain_value

        self.fields = source.fields()
        self.wkb_type = source.wkbType()
        self.crs = source.sourceCrs()
        names = self.fields.names()
        idx = [names.index(n) for n in needed]
        self.attrs, self.geoms, rows = [], [], []
        total = max(source.featureCount(), 1)
        for i, feat in enumerate(source.getFeatures()):
            if i % 500 == 0:
                alg.check_canceled(feedback)
                feedback.setProgress(span[0] + (span[1] - span[0]) * i / total)
            a = feat.attributes()
            self.attrs.append(a)
            self.geoms.append(feat.geometry() if feat.hasGeometry() else None)
            rows.append([v if v is None or type(v) in _PLAIN_TYPES else plain_value(v) for v in (a[j] for j in idx)])
        self.frame = pd.DataFrame(rows, columns=list(needed))
        for c in self.frame.columns:
            conv = pd.to_numeric(self.frame[c], errors="coerce")
            if conv.notna().sum() == self.frame[c].notna().sum():
                self.frame[c] = conv

    def output_fields(self, result, aliases=None):
        """Input fields (minus names the result replaces) + one field per result column."""
        from .base import SozialplanungAlgorithm

        replaced = [c for c in result.columns if self.fields.lookupField(c) >= 0]
        keep = [i for i in range(self.fields.count()) if self.fields.at(i).name() not in replaced]
        base = QgsFields()
        for i in keep:
            base.append(self.fields.at(i))
        fields = SozialplanungAlgorithm.fields_for_frame(result, aliases, base_fields=base)
        return fields, keep, replaced

    def write(self, alg, sink, fields, keep, result, feedback, span=(70, 100)):
        import pandas.api.types as ptypes

        from .base import qgis_value

        columns = []
        for c in result.columns:
            col = result[c]
            if ptypes.is_float_dtype(col.dtype):
                columns.append([None if v != v else v for v in col.tolist()])
            else:
                columns.append([qgis_value(v) for v in col.astype(object).where(col.notna(), None).tolist()])
        values = list(zip(*columns)) if columns else [()] * len(self.attrs)
        total = max(len(self.attrs), 1)
        for i, attrs in enumerate(self.attrs):
            if i % 500 == 0:
                alg.check_canceled(feedback)
                feedback.setProgress(span[0] + (span[1] - span[0]) * i / total)
            feat = QgsFeature(fields)
            feat.setAttributes([attrs[j] for j in keep] + list(values[i]))
            if self.geoms[i] is not None:
                feat.setGeometry(self.geoms[i])
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)


def municipality_series(frame, field, chars):
    """Municipality per unit from a field, optionally only its first ``chars`` characters (e.g. the AGS
    prefix of a social-space key like '05378004-01')."""
    if not field:
        return None
    s = frame[field].map(lambda v: None if v is None or v != v else str(v))
    if chars and chars > 0:
        s = s.map(lambda v: v[:chars] if v is not None else None)
    return s


def file_of(dest):
    """(file path, layer name) of a sink destination, or (None, None) for memory layers."""
    if not dest or str(dest).startswith("memory:") or not isinstance(dest, str):
        return None, None
    try:
        parts = QgsProviderRegistry.instance().decodeUri("ogr", dest)
    except Exception:  # pragma: no cover
        parts = {}
    path = parts.get("path") or dest.split("|")[0]
    if not path or not os.path.exists(path):
        return None, None
    return path, parts.get("layerName") or None


def sidecar_paths(dest):
    """Default method-record sidecar and .qml paths beside a file output (None for memory outputs)."""
    path, layer = file_of(dest)
    if path is None:
        return None, None
    stem, _ext = os.path.splitext(path)
    single = not layer or layer == os.path.basename(stem)
    if single:
        return path + ".method.json", stem + ".qml"
    return f"{path}.{layer}.method.json", f"{stem}_{layer}.qml"


def write_json(path, record):
    tmp = path + ".tmp"
    try:
        with open(tmp, "w", encoding="utf-8") as fh:
            json.dump(record, fh, ensure_ascii=False, indent=1, default=str)
        os.replace(tmp, path)
    finally:  # a record that cannot be written leaves no half '.tmp' beside the output
        if os.path.exists(tmp):
            os.remove(tmp)


# --------------------------------------------------------------------------------------------------
# style and metadata


def graduated_renderer(class_field, classes, labels, reverse=False):
    """Graduated renderer on an integer class field: one range [c - 0.5, c + 0.5] per class, a yellow-to-
    red ramp (darker = more need; ``reverse`` when class 1 is the most need), labels from the result."""
    from qgis.core import (
        QgsGradientColorRamp,
        QgsGraduatedSymbolRenderer,
        QgsRendererRange,
        QgsSymbol,
    )
    from qgis.PyQt.QtGui import QColor

    ramp = QgsGradientColorRamp(QColor("#ffffcc"), QColor("#bd0026"))
    ranges = []
    n = len(classes)
    for i, c in enumerate(classes):
        t = (i / (n - 1)) if n > 1 else 1.0
        if reverse:
            t = 1.0 - t
        sym = QgsSymbol.defaultSymbol(GeometryType.Polygon)
        sym.setColor(ramp.color(t))
        ranges.append(QgsRendererRange(float(c) - 0.5, float(c) + 0.5, sym, labels.get(c, str(c))))
    renderer = QgsGraduatedSymbolRenderer(class_field, ranges)
    renderer.setSourceColorRamp(ramp)
    return renderer


def decorate_layer(layer, style, record, aliases=None):
    """Renderer, field aliases, method record in metadata (abstract + history) and a custom property."""

    if style and layer.geometryType() == GeometryType.Polygon:
        if style.get("scheme") in ("combined", "status", "dynamics"):  # Berlin MSS: the bivariate scheme
            from ._layouts import mss_renderer

            layer.setRenderer(mss_renderer(style["field"], style["labels"], style["scheme"]))
        else:
            layer.setRenderer(
                graduated_renderer(style["field"], style["classes"], style["labels"], style.get("reverse", False))
            )
    fields = layer.fields()
    for name, alias in (aliases or {}).items():
        i = fields.lookupField(name)
        if i >= 0:
            layer.setFieldAlias(i, alias)
    text = json.dumps(record, ensure_ascii=False, default=str, indent=1)
    md = layer.metadata()
    md.setTitle(record.get("title", md.title()))
    md.setAbstract(text)
    md.setKeywords(
        {
            "sozialplanung": [
                f"schema={record.get('schema')}",
                f"plugin_version={record.get('plugin_version')}",
                f"catalogue_version={record.get('catalogue_version')}",
            ]
        }
    )
    md.setHistory([f"{record.get('created', '')} sozialplanung:{record.get('algorithm', {}).get('id', '')}"])
    layer.setMetadata(md)
    layer.setCustomProperty("sozialplanung/method", text)
    layer.triggerRepaint()


def save_style_files(dest, style, record, qml_path, aliases=None):
    """Write the .qml beside a file output and make it the default style inside a GeoPackage."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(dest, "result", "ogr")
    if not layer.isValid():
        return None
    decorate_layer(layer, style, record, aliases)
    written = None
    if qml_path:
        _msg, ok = layer.saveNamedStyle(qml_path)
        written = qml_path if ok else None
    path, _ = file_of(dest)
    if path and path.lower().endswith(".gpkg"):
        save_style_to_database(layer, "sozialplanung", "Sozialplanung index classes")
    return written


def make_post_processor(style, record, aliases=None):
    """A post-processor that styles and documents the output when QGIS loads it (kept alive by the alg)."""
    from qgis.core import QgsProcessingLayerPostProcessorInterface

    class _Post(QgsProcessingLayerPostProcessorInterface):
        def postProcessLayer(self, layer, context, feedback):
            decorate_layer(layer, style, record, aliases)

    return keep_alive(_Post())


_KEEP = []


def keep_alive(post):
    """Keep a layer post-processor's Python object alive until QGIS has loaded the layer (the algorithm may be
    gone by then); the last 20 are kept."""
    _KEEP.append(post)
    del _KEEP[:-20]
    return post


def finish_output(alg, context, feedback, dest, style, record, sidecar_param_path, aliases=None):
    """After the sink is closed: sidecar JSON, .qml / default style, decoration of the loaded layer.

    Returns (sidecar path or '', qml path or '')."""
    from qgis.core import QgsProcessingUtils

    default_json, default_qml = sidecar_paths(dest)
    sidecar = sidecar_param_path or default_json
    if sidecar:
        write_json(sidecar, record)
    qml = ""
    if default_qml:
        try:
            qml = save_style_files(dest, style, record, default_qml, aliases) or ""
        except Exception as err:  # a style problem must not lose the result
            feedback.pushWarning(
                QCoreApplication.translate("SozialplanungAlgorithm", "Style not saved: {error}").format(
                    error=log_error(err, "Saving the index style")
                )
            )
    layer = QgsProcessingUtils.mapLayerFromString(dest, context) if dest else None
    if layer is not None and default_qml is None:
        decorate_layer(layer, style, record, aliases)
    if context.willLoadLayerOnCompletion(dest):
        post = make_post_processor(style, record, aliases)
        context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)
    return sidecar or "", qml
