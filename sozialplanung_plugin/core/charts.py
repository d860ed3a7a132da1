"""Small trend charts for profile sheets (plain SVG text) and the sheets' class and source texts.

Numbers, units and marks come from core.fields. No QGIS here: the layout code only places the written SVG
file in a picture item, so charts look the same in QGIS 3.22, QGIS 4 / Qt6 and in a notebook. Suppressed values
are never drawn or written as numbers: a suppressed year is a gap in the line with a '•' mark on the axis.
"""

from __future__ import annotations

from .fields import FLAG_SUPPRESSED, SUPPRESSED_MARK, fmt_de, is_missing, nice_ticks, tick_decimals


def class_range_labels(breaks, vmin, vmax, decimals=1, unit=""):
    """Labels for n = len(breaks)+1 classes with the data's min and max as outer limits."""
    limits = [vmin, *breaks, vmax]
    n = len(limits) - 1
    return [f"{fmt_de(limits[i], decimals)} – {fmt_de(limits[i + 1], decimals, unit)}" for i in range(n)]


def mask_suppressed(values, flags):
    """Values with every suppressed entry (flag 'suppressed') replaced by None, whatever number it held."""
    flags = list(flags) if flags is not None else [None] * len(values)
    return [None if (f == FLAG_SUPPRESSED or is_missing(v)) else float(v) for v, f in zip(values, flags)]


# --------------------------------------------------------------------------------------------- sheet texts
def short_sources(sources):
    """Data sources for a sheet's footer: each up to its first ',', ';', '(' or ' /', without repeats."""
    import re

    out = []
    for src in sources:
        head = re.split(r"[,;(]| /", str(src or ""), maxsplit=1)[0].strip()
        if head and head not in out:
            out.append(head)
    return out


# --------------------------------------------------------------------------------------------- plain SVG charts
def _esc(text):
    return str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def svg_trend_chart(
    years,
    series,
    *,
    width_mm=110.0,
    height_mm=56.0,
    unit="",
    decimals=1,
    suppressed_years=(),
    font="DejaVu Sans",
    font_size=2.7,
):
    """A small line chart as SVG text (no matplotlib): a thousand of them take well under a second.

    ``series``: list of (label, values, style dict: color, lw, ls, ms); values None are gaps. Suppressed
    years get a dotted line and a '•' on the axis, never a point. Sizes in mm (viewBox units = mm), text stays
    text (searchable in the PDF). QtSvg (SVG Tiny) renders it: only lines, polylines, circles and text.
    """
    w, h = float(width_mm), float(height_mm)
    fs = font_size
    xs = [int(y) for y in years]
    left, right, top = 13.0, 3.0, 9.0
    # year labels turned by 45 degrees when two years are closer than a label is wide (room below the axis)
    min_step = min((b - a for a, b in zip(xs, xs[1:])), default=0)
    span_years = max(xs[-1] - xs[0], 1) if xs else 1
    turned = bool(min_step) and min_step / (span_years * 1.1) * (w - left - right) < font_size * 2.3
    bottom = 11.0 if turned else 8.0
    pw, ph = w - left - right, h - top - bottom
    finite = [float(v) for _, vals, _ in series for v in vals if not is_missing(v)]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 1.0)
    span = (hi - lo) or max(abs(hi), 1.0)
    lo, hi = lo - 0.08 * span, hi + 0.08 * span
    if 0 < lo < 0.35 * hi:
        lo = 0.0
    ticks, step = nice_ticks(lo, hi)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    x0, x1 = (xs[0], xs[-1]) if xs else (0, 1)
    pad = max(0.6, 0.04 * (x1 - x0))
    x0, x1 = x0 - pad, x1 + pad

    def px(x):
        return left + (x - x0) / (x1 - x0) * pw

    def py(y):
        return top + (1 - (y - lo) / (hi - lo)) * ph

    tick_dec = tick_decimals(ticks, step, decimals)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{w}mm" '
        f'height="{h}mm" viewBox="0 0 {w} {h}">',
        f'<rect x="0" y="0" width="{w}" height="{h}" fill="#ffffff" stroke="none"/>',
        f'<g font-family="{font}" font-size="{fs}" fill="#333333">',
    ]
    for t in ticks:
        y = py(t)
        out.append(
            f'<line x1="{left:.2f}" y1="{y:.2f}" x2="{left + pw:.2f}" y2="{y:.2f}" stroke="#dddddd" '
            f'stroke-width="0.2"/>'
        )
        out.append(
            f'<text x="{left - 1.2:.2f}" y="{y + fs * 0.35:.2f}" text-anchor="end">{_esc(fmt_de(t, tick_dec))}</text>'
        )
    if unit:
        out.append(f'<text x="1" y="{top - 2.5:.2f}">{_esc(unit)}</text>')
    base = top + ph
    out.append(
        f'<line x1="{left:.2f}" y1="{base:.2f}" x2="{left + pw:.2f}" y2="{base:.2f}" stroke="#555555" '
        f'stroke-width="0.25"/>'
    )
    # year labels: upright when they fit, else all of them turned by 45 degrees (none dropped)
    for x in xs:
        out.append(
            f'<line x1="{px(x):.2f}" y1="{base:.2f}" x2="{px(x):.2f}" y2="{base + 1:.2f}" stroke="#555555" '
            f'stroke-width="0.25"/>'
        )
        if turned:
            tx, ty = px(x) + fs * 0.3, base + 1.4 + fs * 0.5
            out.append(
                f'<text x="{tx:.2f}" y="{ty:.2f}" text-anchor="end" '
                f'transform="rotate(-45 {tx:.2f} {ty:.2f})">{x}</text>'
            )
        else:
            out.append(f'<text x="{px(x):.2f}" y="{base + 1.4 + fs:.2f}" text-anchor="middle">{x}</text>')
    for y in suppressed_years:
        xx = px(int(y))
        out.append(
            f'<line x1="{xx:.2f}" y1="{top:.2f}" x2="{xx:.2f}" y2="{base:.2f}" stroke="#999999" '
            f'stroke-width="0.3" stroke-dasharray="0.6,0.8"/>'
        )
        # an annotation, not a data point: small grey text on a white ground at the top of the dotted line
        label = f"{SUPPRESSED_MARK} gesperrt"
        half = len(label) * fs * 0.28
        anchor = min(max(xx, left + half), left + pw - half)
        out.append(
            f'<rect x="{anchor - half - 0.4:.2f}" y="{top - fs * 0.2:.2f}" width="{2 * half + 0.8:.2f}" '
            f'height="{fs * 1.2:.2f}" fill="#ffffff" stroke="none"/>'
        )
        out.append(
            f'<text x="{anchor:.2f}" y="{top + fs * 0.75:.2f}" text-anchor="middle" '
            f'font-size="{fs * 0.9:.2f}" fill="#666666">{label}</text>'
        )
    # series: polylines between consecutive known values; a gap breaks the line
    legend_x = left
    for label, values, style in series:
        color = style.get("color", "#b2182b")
        lw = style.get("lw", 1.6) * 0.3
        dash = ' stroke-dasharray="1.2,0.8"' if style.get("ls", "-") == "--" else ""
        pts = [(px(x), py(float(v))) if not is_missing(v) else None for x, v in zip(xs, values)]
        seg = []
        for p in pts + [None]:
            if p is None:
                if len(seg) > 1:
                    coords = " ".join(f"{a:.2f},{b:.2f}" for a, b in seg)
                    out.append(
                        f'<polyline points="{coords}" fill="none" stroke="{color}" stroke-width="{lw:.2f}"{dash}/>'
                    )
                seg = []
            else:
                seg.append(p)
        r = style.get("ms", 3) * 0.22
        for p in pts:
            if p is not None:
                out.append(f'<circle cx="{p[0]:.2f}" cy="{p[1]:.2f}" r="{r:.2f}" fill="{color}" stroke="none"/>')
        ly = 3.2
        out.append(
            f'<line x1="{legend_x:.2f}" y1="{ly:.2f}" x2="{legend_x + 5:.2f}" y2="{ly:.2f}" stroke="{color}" '
            f'stroke-width="{lw:.2f}"{dash}/>'
        )
        out.append(f'<text x="{legend_x + 6:.2f}" y="{ly + fs * 0.35:.2f}">{_esc(label)}</text>')
        legend_x += 9 + len(str(label)) * fs * 0.55
    out.append("</g></svg>")
    return "\n".join(out)
