"""Small trend charts for profile sheets (matplotlib, Agg backend) and German number formatting.

No QGIS here: the layout code only places the written SVG/PNG file in a picture item, so charts look the
same in QGIS 3.22, QGIS 4 / Qt6 and in a notebook. Suppressed values are never drawn or written as numbers:
a suppressed year is a gap in the line with a '•' mark on the axis.
"""

from __future__ import annotations

import math
from pathlib import Path

SUPPRESSED_MARK = "•"
SUPPRESSED = "suppressed"


def is_missing(x):
    return x is None or (isinstance(x, float) and math.isnan(x))


def fmt_de(x, decimals=1, unit=""):
    """German number text: thousands dot, decimal comma ('1.234,5'); '' for missing values."""
    if is_missing(x):
        return ""
    txt = f"{float(x):,.{int(decimals)}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    if txt in ("-0", "-0,0", "-0,00"):
        txt = txt[1:]
    if unit:
        txt = f"{txt} {unit}" if unit != "%" else f"{txt} %"
    return txt


def range_label(low, high, decimals=1, unit="", first=False, last=False):
    """Legend text of one class: '8,0 – 12,5 %', 'bis 8,0 %', 'über 12,5 %'."""
    if first and last:
        return "alle"
    if first:
        return f"bis {fmt_de(high, decimals, unit)}"
    if last:
        return f"über {fmt_de(low, decimals, unit)}"
    return f"{fmt_de(low, decimals)} – {fmt_de(high, decimals, unit)}"


def class_range_labels(breaks, vmin, vmax, decimals=1, unit=""):
    """Labels for n = len(breaks)+1 classes with the data's min and max as outer limits."""
    limits = [vmin, *breaks, vmax]
    n = len(limits) - 1
    return [f"{fmt_de(limits[i], decimals)} – {fmt_de(limits[i + 1], decimals, unit)}" for i in range(n)]


def mask_suppressed(values, flags):
    """Values with every suppressed entry (flag 'suppressed') replaced by None, whatever number it held."""
    flags = list(flags) if flags is not None else [None] * len(values)
    return [None if (f == SUPPRESSED or is_missing(v)) else float(v) for v, f in zip(values, flags)]


class TrendChart:
    """Reusable line-chart renderer: one figure, redrawn per space (creating figures is the slow part)."""

    def __init__(self, width_mm=85.0, height_mm=48.0, dpi=150, font_size=7.5):
        import matplotlib

        matplotlib.use("Agg", force=False)
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure

        self.dpi = dpi
        self.fig = Figure(figsize=(width_mm / 25.4, height_mm / 25.4), dpi=dpi)
        FigureCanvasAgg(self.fig)
        self.font_size = font_size
        self.ax = self.fig.add_axes([0.14, 0.23, 0.83, 0.6])

    def render(self, path, years, series, *, unit="", decimals=1, suppressed_years=(), fmt=None):
        """Draw ``series`` (list of (label, values, style-dict)) over ``years`` and write ``path``.

        values may hold None for gaps (suppressed or missing). Artists are reused between calls (no
        ``ax.clear()``, which costs more than drawing). Returns the path written.
        """
        from matplotlib.ticker import FuncFormatter, MaxNLocator

        ax = self.ax
        fs = self.font_size
        xs = [int(y) for y in years]
        if not getattr(self, "_ready", False):
            ax.yaxis.set_major_locator(MaxNLocator(nbins=4))
            self._decimals = decimals
            ax.yaxis.set_major_formatter(
                FuncFormatter(lambda v, _pos: fmt_de(v, self._decimals if abs(v) < 100 else 0))
            )
            ax.tick_params(axis="both", labelsize=fs)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            ax.grid(axis="y", color="#dddddd", linewidth=0.6)
            self._lines, self._marks, self._legend, self._ready = [], [], None, True
        self._decimals = decimals
        for line in self._lines:
            line.set_visible(False)
        for mark in self._marks:
            mark.remove()
        self._marks = []
        lows, highs = [], []
        for i, (label, values, style) in enumerate(series):
            ys = [float("nan") if is_missing(v) else float(v) for v in values]
            finite = [y for y in ys if y == y]
            if finite:
                lows.append(min(finite))
                highs.append(max(finite))
            if i >= len(self._lines):
                self._lines.append(ax.plot([], [])[0])
            line = self._lines[i]
            line.set_data(xs, ys)
            line.set(
                label=label,
                linewidth=style.get("lw", 1.6),
                color=style.get("color", "#b2182b"),
                linestyle=style.get("ls", "-"),
                marker=style.get("marker", "o"),
                markersize=style.get("ms", 3),
                visible=True,
            )
        gaps = [b - a for a, b in zip(xs, xs[1:])]
        ax.set_xticks(xs)
        ax.set_xticklabels([str(x) for x in xs], fontsize=fs, rotation=45 if gaps and min(gaps) < 3 else 0)
        pad = max(0.6, 0.04 * (xs[-1] - xs[0])) if xs else 1
        ax.set_xlim((xs[0] - pad, xs[-1] + pad) if xs else (0, 1))
        lo, hi = (min(lows), max(highs)) if lows else (0.0, 1.0)
        span = (hi - lo) or max(abs(hi), 1.0)
        lo, hi = lo - 0.08 * span, hi + 0.08 * span
        if lo > 0 and lo < 0.35 * hi:
            lo = 0.0
        ax.set_ylim(lo, hi)
        ax.set_ylabel(unit, fontsize=fs)
        for y in suppressed_years:
            self._marks.append(ax.axvline(int(y), color="#aaaaaa", linewidth=0.8, linestyle=":"))
            self._marks.append(
                ax.annotate(
                    SUPPRESSED_MARK,
                    (int(y), 0.5),
                    xycoords=("data", "axes fraction"),
                    ha="center",
                    va="center",
                    fontsize=fs + 3,
                    color="#555555",
                    bbox={"boxstyle": "circle,pad=0.1", "fc": "white", "ec": "none"},
                )
            )
        if self._legend is not None:
            self._legend.remove()
            self._legend = None
        if len(series) > 1:
            self._legend = ax.legend(
                handles=self._lines[: len(series)],
                fontsize=fs - 0.5,
                frameon=False,
                loc="upper left",
                ncol=len(series),
                bbox_to_anchor=(-0.02, 1.3),
                handlelength=1.5,
                columnspacing=1.0,
            )
        path = Path(path)
        fmt = fmt or path.suffix.lstrip(".").lower() or "svg"
        self.fig.savefig(
            str(path), format=fmt, dpi=self.dpi, facecolor="white", metadata={"Date": None} if fmt == "svg" else None
        )
        return path


def trend_chart(
    path,
    years,
    values,
    flags=None,
    *,
    reference=None,
    unit="",
    decimals=1,
    label="Sozialraum",
    width_mm=85.0,
    height_mm=48.0,
    dpi=150,
):
    """One-off chart: the space's values over the years (suppressed years as gaps) plus optional references.

    ``reference``: dict label -> list of values (e.g. {'Kreis': [...]}) drawn grey and dashed.
    """
    years = list(years)
    shown = mask_suppressed(values, flags)
    supp = [y for y, f in zip(years, flags or [None] * len(years)) if f == SUPPRESSED]
    series = [(label, shown, {"color": "#b2182b"})]
    greys = ["#555555", "#999999"]
    for i, (name, vals) in enumerate((reference or {}).items()):
        series.append((name, list(vals), {"color": greys[i % 2], "ls": "--", "ms": 2, "lw": 1.1}))
    return TrendChart(width_mm, height_mm, dpi).render(
        path, years, series, unit=unit, decimals=decimals, suppressed_years=supp
    )


# --------------------------------------------------------------------------------------------- table cells
UNIT_TEXT = {
    "%": "%",
    "pp": "%-Pkt.",
    "per 100": "je 100",
    "per 1000": "je 1.000",
    "per 100,000": "je 100.000",
    "‰": "‰",
    "EW/km²": "EW/km²",
    "m²": "m²",
    "m²/EW": "m²/EW",
}
COUNT_UNITS = {"absolute", "persons", "cases", "households", ""}
MISSING_TEXT = "–"


def unit_text(unit):
    """German unit text for labels and headers ('' for counts)."""
    unit = unit or ""
    return "" if unit in COUNT_UNITS else UNIT_TEXT.get(unit, unit)


def decimals_for(unit):
    """Counts without decimals, rates and densities with one."""
    return 0 if (unit or "") in COUNT_UNITS else 1


def cell_text(value, flag=None, decimals=1, unit=""):
    """A value as printed on a sheet: suppressed -> '•' (whatever number the cell holds), missing -> '–',
    unreliable (small denominator) -> '(12,3)', incomplete sum (lower bound) -> '≥ 12,3'."""
    if flag == SUPPRESSED:
        return SUPPRESSED_MARK
    if is_missing(value):
        return MISSING_TEXT
    txt = fmt_de(value, decimals, unit)
    if flag == "unreliable":
        return f"({txt})"
    if flag == "incomplete":
        return f"≥ {txt}"
    return txt


def split_year_field(name):
    """'kinderarmut_sgb2_u15_2025' -> ('kinderarmut_sgb2_u15', 2025); no year suffix -> (name, None)."""
    base, sep, tail = str(name).rpartition("_")
    if sep and len(tail) == 4 and tail.isdigit() and 1900 < int(tail) < 2100:
        return base, int(tail)
    return str(name), None


def flag_field(name):
    """The flag field of an indicator value field: '<id>_<year>' -> '<id>_flag_<year>', '<id>' -> '<id>_flag'."""
    base, year = split_year_field(name)
    return f"{base}_flag_{year}" if year else f"{base}_flag"


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
def nice_ticks(lo, hi, target=4):
    """Round tick values covering lo..hi (steps 1, 2, 2.5, 5 x 10^k), about ``target`` of them."""
    if hi <= lo:
        hi = lo + (abs(lo) or 1.0)
    raw = (hi - lo) / max(target, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    start = math.floor(lo / step) * step
    ticks, t = [], start
    while t <= hi + step * 1e-9:
        ticks.append(round(t, 10))
        t += step
    if ticks[-1] < hi:
        ticks.append(round(t, 10))
    return ticks, step


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
    value_range=None,
):
    """A small line chart as SVG text (no matplotlib): a thousand of them take well under a second.

    ``value_range`` (lo, hi): the y axis for these values instead of the chart's own, so that the charts of all
    sheets of one indicator share one scale and compare side by side.

    ``series``: list of (label, values, style) as for TrendChart.render; values None are gaps. Suppressed
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
    if value_range is not None and not any(is_missing(v) for v in value_range):
        lo, hi = min(float(value_range[0]), lo), max(float(value_range[1]), hi)
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

    tick_dec = decimals if step < 1 or any(abs(t - round(t)) > 1e-9 for t in ticks) else 0
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
