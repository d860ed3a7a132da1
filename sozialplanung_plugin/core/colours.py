"""Colour arithmetic for map legends: sRGB <-> CIELAB (D65) and the CIEDE2000 colour difference.

Plain Python (no numpy needed): used to check that the classes of a legend can be told apart (issue 19: the
Berlin MSS status x dynamics scheme must keep every pair of classes at least 10 apart, also in greyscale).
Formulas: IEC 61966-2-1 (sRGB), CIE 15:2004 (L*a*b*), Sharma, Wu and Dalal 2005 (CIEDE2000).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence

_WHITE = (0.95047, 1.0, 1.08883)  # D65


def hex_to_rgb(colour: str) -> tuple[float, ...]:
    c = colour.lstrip("#")
    return tuple(int(c[i : i + 2], 16) / 255.0 for i in (0, 2, 4))


def rgb_to_hex(rgb: Iterable[float]) -> str:
    return "#" + "".join(f"{round(min(max(v, 0.0), 1.0) * 255):02x}" for v in rgb)


def _lin(v):
    return v / 12.92 if v <= 0.04045 else ((v + 0.055) / 1.055) ** 2.4


def _gamma(v):
    return 12.92 * v if v <= 0.0031308 else 1.055 * v ** (1 / 2.4) - 0.055


def rgb_to_lab(rgb: Iterable[float]) -> tuple[float, float, float]:
    r, g, b = (_lin(v) for v in rgb)
    x = 0.4124564 * r + 0.3575761 * g + 0.1804375 * b
    y = 0.2126729 * r + 0.7151522 * g + 0.0721750 * b
    z = 0.0193339 * r + 0.1191920 * g + 0.9503041 * b

    def f(t):
        return t ** (1 / 3) if t > (6 / 29) ** 3 else t / (3 * (6 / 29) ** 2) + 4 / 29

    fx, fy, fz = f(x / _WHITE[0]), f(y / _WHITE[1]), f(z / _WHITE[2])
    return (116 * fy - 16, 500 * (fx - fy), 200 * (fy - fz))


def lab_to_rgb(lab: Sequence[float]) -> tuple[float, ...]:
    L, a, b = lab
    fy = (L + 16) / 116
    fx, fz = fy + a / 500, fy - b / 200

    def finv(t):
        return t**3 if t > 6 / 29 else 3 * (6 / 29) ** 2 * (t - 4 / 29)

    x, y, z = finv(fx) * _WHITE[0], finv(fy) * _WHITE[1], finv(fz) * _WHITE[2]
    r = 3.2404542 * x - 1.5371385 * y - 0.4985314 * z
    g = -0.9692660 * x + 1.8760108 * y + 0.0415560 * z
    bb = 0.0556434 * x - 0.2040259 * y + 1.0572252 * z
    return tuple(_gamma(v) for v in (r, g, bb))


def in_gamut(rgb: Iterable[float], eps: float = 1e-6) -> bool:
    return all(-eps <= v <= 1 + eps for v in rgb)


def hex_to_lab(colour: str) -> tuple[float, float, float]:
    return rgb_to_lab(hex_to_rgb(colour))


def grey_lab(colour: str) -> tuple[float, float, float]:
    """The colour printed in greyscale: its lightness L* alone (a* = b* = 0)."""
    return (hex_to_lab(colour)[0], 0.0, 0.0)


def delta_e_2000(lab1: Sequence[float], lab2: Sequence[float]) -> float:
    """CIEDE2000 difference of two L*a*b* colours (kL = kC = kH = 1)."""
    L1, a1, b1 = lab1
    L2, a2, b2 = lab2
    C1, C2 = math.hypot(a1, b1), math.hypot(a2, b2)
    Cm = (C1 + C2) / 2
    G = 0.5 * (1 - math.sqrt(Cm**7 / (Cm**7 + 25**7)))
    a1p, a2p = (1 + G) * a1, (1 + G) * a2
    C1p, C2p = math.hypot(a1p, b1), math.hypot(a2p, b2)
    h1p = math.degrees(math.atan2(b1, a1p)) % 360 if C1p else 0.0
    h2p = math.degrees(math.atan2(b2, a2p)) % 360 if C2p else 0.0
    dLp, dCp = L2 - L1, C2p - C1p
    if C1p * C2p == 0:
        dhp = 0.0
    elif abs(h2p - h1p) <= 180:
        dhp = h2p - h1p
    else:
        dhp = h2p - h1p - 360 if h2p > h1p else h2p - h1p + 360
    dHp = 2 * math.sqrt(C1p * C2p) * math.sin(math.radians(dhp / 2))
    Lpm, Cpm = (L1 + L2) / 2, (C1p + C2p) / 2
    if C1p * C2p == 0:
        hpm = h1p + h2p
    elif abs(h1p - h2p) <= 180:
        hpm = (h1p + h2p) / 2
    else:
        hpm = (h1p + h2p + 360) / 2 if h1p + h2p < 360 else (h1p + h2p - 360) / 2
    T = (
        1
        - 0.17 * math.cos(math.radians(hpm - 30))
        + 0.24 * math.cos(math.radians(2 * hpm))
        + 0.32 * math.cos(math.radians(3 * hpm + 6))
        - 0.20 * math.cos(math.radians(4 * hpm - 63))
    )
    d_theta = 30 * math.exp(-(((hpm - 275) / 25) ** 2))
    Rc = 2 * math.sqrt(Cpm**7 / (Cpm**7 + 25**7))
    Sl = 1 + 0.015 * (Lpm - 50) ** 2 / math.sqrt(20 + (Lpm - 50) ** 2)
    Sc = 1 + 0.045 * Cpm
    Sh = 1 + 0.015 * Cpm * T
    Rt = -math.sin(math.radians(2 * d_theta)) * Rc
    return math.sqrt((dLp / Sl) ** 2 + (dCp / Sc) ** 2 + (dHp / Sh) ** 2 + Rt * (dCp / Sc) * (dHp / Sh))


def delta_e(c1: str, c2: str) -> float:
    """CIEDE2000 difference of two '#rrggbb' colours."""
    return delta_e_2000(hex_to_lab(c1), hex_to_lab(c2))


def min_difference(colours: Sequence[str]) -> tuple[float, tuple[str, str] | None]:
    """(smallest difference, the pair) over all pairs of a list of colours."""
    best: tuple[float, tuple[str, str] | None] = (math.inf, None)
    for i, a in enumerate(colours):
        for b in colours[i + 1 :]:
            d = delta_e(a, b)
            if d < best[0]:
                best = (d, (a, b))
    return best


# ------------------------------------------------------------------------------------------------------------
# the Berlin MSS status x dynamics scheme (bivariate)
# ------------------------------------------------------------------------------------------------------------
#: Status by lightness (hoch light ... sehr niedrig dark: L* 94, 77, 60, 43), dynamics by hue (positiv blue, stabil
#: warm grey, negativ red). Found by a search over CIELAB for the largest smallest CIEDE2000 difference of the 12
#: classes inside the sRGB gamut: 11.2 (at least 10 demanded); in greyscale the status levels stay >= 16.7 apart.
MSS_COLOURS = {
    11: "#d6f3fe",
    13: "#f8edd7",
    15: "#fee9e8",
    21: "#6fcae8",
    23: "#c7bda8",
    25: "#f6aba8",
    31: "#3a9cb8",
    33: "#99907c",
    35: "#c57e7c",
    41: "#106f86",
    43: "#6d6552",
    45: "#955352",
}
#: Status index alone (4 classes): the lightness steps of the 'negativ' column (a light-to-dark red).
MSS_STATUS_COLOURS = {1: "#fee9e8", 2: "#f6aba8", 3: "#c57e7c", 4: "#955352"}
#: Dynamics alone (3 classes): the hues at the middle lightness.
MSS_DYNAMICS_COLOURS = {1: "#3a9cb8", 3: "#99907c", 5: "#c57e7c"}
#: A second channel for print in greyscale: dynamics as a pattern over the fill (positiv dots, negativ hatching).
MSS_DYNAMICS_PATTERN = {1: "dots", 3: None, 5: "hatch"}


def mss_colour(code: object) -> str | None:
    """Fill colour of a combined MSS class (11 ... 45), None for other codes."""
    try:
        return MSS_COLOURS.get(int(code))  # type: ignore[call-overload]  # typeshed's int() takes no object; TypeError is caught
    except (TypeError, ValueError):
        return None
