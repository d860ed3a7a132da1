"""Small trend charts for profile sheets (plain SVG text) and the sheets' class and source texts.

Numbers, units and marks come from core.fields. No QGIS here: the layout code only places the written SVG
file in a picture item, so charts look the same in QGIS 3.22, QGIS 4 / Qt6 and in a notebook. Suppressed values
are never drawn or written as numbers: a suppressed year is a gap in the line with a '•' mark on the axis.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, SupportsFloat

from .fields import FLAG_SUPPRESSED, SUPPRESSED_MARK, fmt_de, is_missing, nice_ticks, tick_decimals


def class_range_labels(
    breaks: Sequence[float], vmin: float, vmax: float, decimals: int = 1, unit: str = ""
) -> list[str]:
    """Labels for n = len(breaks)+1 classes with the data's min and max as outer limits."""
    limits = [vmin, *breaks, vmax]
    n = len(limits) - 1
    return [f"{fmt_de(limits[i], decimals)} – {fmt_de(limits[i + 1], decimals, unit)}" for i in range(n)]


def mask_suppressed(values: Sequence[SupportsFloat | None], flags: Iterable[str | None] | None) -> list[float | None]:
    """Values with every suppressed entry (flag 'suppressed') replaced by None, whatever number it held."""
    flags = list(flags) if flags is not None else [None] * len(values)
    return [None if (f == FLAG_SUPPRESSED or v is None or is_missing(v)) else float(v) for v, f in zip(values, flags)]


# --------------------------------------------------------------------------------------------- sheet texts
def short_sources(sources: Iterable[str | None]) -> list[str]:
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
    years: Sequence[int],
    series: Sequence[tuple[str, Sequence[float | None], Mapping[str, Any]]],
    *,
    width_mm: float = 110.0,
    height_mm: float = 56.0,
    unit: str = "",
    decimals: int = 1,
    suppressed_years: Iterable[int] = (),
    font: str = "DejaVu Sans",
    font_size: float = 2.7,
    value_range: tuple[float, float] | None = None,
) -> str:
    """A small line chart as SVG text (no matplotlib): a thousand of them take well under a second.

    ``value_range`` (lo, hi): the y axis for these values instead of the chart's own, so that the charts of all
    sheets of one indicator share one scale and compare side by side.

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
    finite = [float(v) for _, vals, _ in series for v in vals if v is not None and not is_missing(v)]
    lo, hi = (min(finite), max(finite)) if finite else (0.0, 1.0)
    if value_range is not None and not any(is_missing(v) for v in value_range):
        lo, hi = min(float(value_range[0]), lo), max(float(value_range[1]), hi)
    span = (hi - lo) or max(abs(hi), 1.0)
    lo, hi = lo - 0.08 * span, hi + 0.08 * span
    if 0 < lo < 0.35 * hi:
        lo = 0.0
    ticks, step = nice_ticks(lo, hi)
    lo, hi = min(lo, ticks[0]), max(hi, ticks[-1])
    x0: float
    x1: float
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
        pts = [(px(x), py(float(v))) if v is not None and not is_missing(v) else None for x, v in zip(xs, values)]
        seg: list[tuple[float, float]] = []
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


# --------------------------------------------------------------------------------------------- spine chart
#: colours of a space's mark in the spine chart by its judgement (core.strengths)
SPINE_COLOURS = {"weakness": "#d7301f", "strength": "#1a9850", "notable": "#2c7fb8", "": "#ffffff"}


def svg_spine_chart(
    rows: Sequence[Mapping[str, Any]],
    *,
    width_mm: float = 186.0,
    row_mm: float = 5.2,
    title: str = "",
    font: str = "DejaVu Sans",
    font_size: float = 2.6,
    footer_lines: Sequence[str] = (),
) -> str:
    """An area-profile spine chart (InstantAtlas style) as SVG text: one row per indicator.

    Each row: the label, the space's value and the county's as text; then the spine: the range of all spaces
    (light grey), their 20th-80th percentiles (darker grey), the county as the centre line, and the space's value
    as a mark coloured by its judgement (weakness red, strength green, notable blue, otherwise white; a small
    grey ring when the value is not reliable enough to judge). Unfavourable values lie left of the centre and
    favourable right (indicators without polarity: higher right). A suppressed value has no mark, only
    '• gesperrt', never a number. The scale of each row is symmetric around the county value.

    ``rows``: dicts with label, value_text, county_text, value, county, lo, hi, p20, p80, polarity,
    judgement, status (see core.strengths.spine_rows). ``footer_lines``: text lines below the legend (e.g. the
    strengths and weaknesses), wrapped by the caller.
    """
    fs = font_size
    w = float(width_mm)
    left_label, col_v, col_c = 0.36 * w, 0.11 * w, 0.11 * w
    x_spine0 = left_label + col_v + col_c + 2.0
    x_spine1 = w - 2.0
    spine_w = x_spine1 - x_spine0
    mid = x_spine0 + spine_w / 2
    top = 4.5 + (5.0 if title else 0.0)
    n = len(rows)
    legend_y = top + n * row_mm + 4.0
    legend2_y = legend_y + fs * 1.6  # second legend line: the range and the grey ring
    h = legend2_y + 4.0 + len(footer_lines) * fs * 1.45 + (3.5 if footer_lines else 0.0)
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" version="1.2" baseProfile="tiny" width="{w}mm" '
        f'height="{h:.2f}mm" viewBox="0 0 {w} {h:.2f}">',
        f'<rect x="0" y="0" width="{w}" height="{h:.2f}" fill="#ffffff" stroke="none"/>',
        f'<g font-family="{font}" font-size="{fs}" fill="#222222">',
    ]
    if title:
        out.append(
            f'<text x="0" y="{fs * 1.6:.2f}" font-size="{fs * 1.45:.2f}" font-weight="bold">{_esc(title)}</text>'
        )
    head_y = top - 1.2
    out.append(f'<text x="0" y="{head_y:.2f}" font-weight="bold">Kennzahl</text>')
    out.append(
        f'<text x="{left_label + col_v - 1:.2f}" y="{head_y:.2f}" text-anchor="end" font-weight="bold">Sozialraum</text>'
    )
    out.append(
        f'<text x="{left_label + col_v + col_c - 1:.2f}" y="{head_y:.2f}" text-anchor="end" '
        f'font-weight="bold">Kreis</text>'
    )
    out.append(f'<text x="{x_spine0:.2f}" y="{head_y:.2f}" fill="#666666">ungünstiger</text>')
    out.append(f'<text x="{mid:.2f}" y="{head_y:.2f}" text-anchor="middle" fill="#666666">Kreis</text>')
    out.append(f'<text x="{x_spine1:.2f}" y="{head_y:.2f}" text-anchor="end" fill="#666666">günstiger</text>')
    for i, r in enumerate(rows):
        y0 = top + i * row_mm
        yc = y0 + row_mm / 2
        if i % 2 == 0:
            out.append(f'<rect x="0" y="{y0:.2f}" width="{w}" height="{row_mm:.2f}" fill="#f6f6f6" stroke="none"/>')
        ty = yc + fs * 0.35
        out.append(f'<text x="0.8" y="{ty:.2f}">{_esc(r.get("label", ""))}</text>')
        out.append(
            f'<text x="{left_label + col_v - 1:.2f}" y="{ty:.2f}" text-anchor="end">{_esc(r.get("value_text", ""))}</text>'
        )
        out.append(
            f'<text x="{left_label + col_v + col_c - 1:.2f}" y="{ty:.2f}" text-anchor="end" '
            f'fill="#555555">{_esc(r.get("county_text", ""))}</text>'
        )
        county, lo, hi = r.get("county"), r.get("lo"), r.get("hi")
        if county is None or lo is None or hi is None or is_missing(county) or is_missing(lo) or is_missing(hi):
            out.append(f'<text x="{mid:.2f}" y="{ty:.2f}" text-anchor="middle" fill="#888888">–</text>')
            continue
        half = max(abs(float(lo) - county), abs(float(hi) - county), 1e-9)
        sign = -1.0 if r.get("polarity") == "higher_worse" else 1.0

        def px(v, county=county, half=half, sign=sign):
            return mid + sign * (float(v) - county) / half * (spine_w / 2)

        bar_h = row_mm * 0.42
        a, b = sorted((px(lo), px(hi)))
        out.append(
            f'<rect x="{a:.2f}" y="{yc - bar_h / 2:.2f}" width="{max(b - a, 0.2):.2f}" height="{bar_h:.2f}" '
            f'fill="#e3e3e3" stroke="none"/>'
        )
        p20, p80 = r.get("p20"), r.get("p80")
        if not (is_missing(p20) or is_missing(p80)):
            a, b = sorted((px(p20), px(p80)))
            out.append(
                f'<rect x="{a:.2f}" y="{yc - bar_h / 2:.2f}" width="{max(b - a, 0.2):.2f}" height="{bar_h:.2f}" '
                f'fill="#b9b9b9" stroke="none"/>'
            )
        out.append(
            f'<line x1="{mid:.2f}" y1="{y0 + 0.5:.2f}" x2="{mid:.2f}" y2="{y0 + row_mm - 0.5:.2f}" '
            f'stroke="#222222" stroke-width="0.35"/>'
        )
        if r.get("status") == FLAG_SUPPRESSED:
            out.append(
                f'<text x="{mid + 2:.2f}" y="{ty:.2f}" fill="#666666" font-size="{fs * 0.9:.2f}">'
                f"{SUPPRESSED_MARK} gesperrt</text>"
            )
            continue
        v = r.get("value")
        if is_missing(v):
            continue
        x = min(max(px(v), x_spine0), x_spine1)
        rad = row_mm * 0.27
        reliable = r.get("status") not in ("unreliable", "incomplete")
        fill = SPINE_COLOURS.get(r.get("judgement") or "", "#ffffff") if reliable else "#ffffff"
        stroke = "#222222" if reliable else "#999999"
        out.append(
            f'<circle cx="{x:.2f}" cy="{yc:.2f}" r="{rad:.2f}" fill="{fill}" stroke="{stroke}" stroke-width="0.3"/>'
        )
    # legend: the marks on one line, the range and the grey ring on a second (text widths estimated generously,
    # DejaVu Sans averages about 0.6 of the font size per character)
    lx = 0.8
    for label, colour in (
        ("Schwäche", SPINE_COLOURS["weakness"]),
        ("Stärke", SPINE_COLOURS["strength"]),
        ("auffällig (ohne Polarität)", SPINE_COLOURS["notable"]),
        ("unauffällig", "#ffffff"),
    ):
        out.append(
            f'<circle cx="{lx + 1.2:.2f}" cy="{legend_y:.2f}" r="{row_mm * 0.22:.2f}" fill="{colour}" '
            f'stroke="#222222" stroke-width="0.3"/>'
        )
        out.append(f'<text x="{lx + 3:.2f}" y="{legend_y + fs * 0.35:.2f}">{_esc(label)}</text>')
        lx += 7 + len(label) * fs * 0.62
    lx = 0.8
    out.append(
        f'<rect x="{lx:.2f}" y="{legend2_y - 1.1:.2f}" width="6" height="2.2" fill="#e3e3e3" stroke="none"/>'
        f'<rect x="{lx + 1.5:.2f}" y="{legend2_y - 1.1:.2f}" width="3" height="2.2" fill="#b9b9b9" stroke="none"/>'
    )
    text = "Spanne der Sozialräume, dunkel: 20.–80. Perzentil"
    out.append(f'<text x="{lx + 7:.2f}" y="{legend2_y + fs * 0.35:.2f}">{text}</text>')
    lx += 7 + len(text) * fs * 0.62 + 3
    out.append(
        f'<circle cx="{lx + 1.2:.2f}" cy="{legend2_y:.2f}" r="{row_mm * 0.22:.2f}" fill="#ffffff" '
        f'stroke="#999999" stroke-width="0.3"/>'
    )
    out.append(f'<text x="{lx + 3:.2f}" y="{legend2_y + fs * 0.35:.2f}">nicht beurteilt (kleine Bezugsgröße)</text>')
    for k, line in enumerate(footer_lines):
        bold = ' font-weight="bold"' if line.endswith(":") else ""
        out.append(f'<text x="0.8" y="{legend2_y + 7.0 + k * fs * 1.45:.2f}"{bold}>{_esc(line)}</text>')
    out.append("</g></svg>")
    return "\n".join(out)
