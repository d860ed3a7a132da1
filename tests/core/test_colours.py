"""Colour differences of the legends (issue 19): the Berlin MSS status x dynamics classes must be told apart in
print and in greyscale. CIEDE2000 checked against the published test pairs (Sharma, Wu, Dalal 2005)."""

import itertools

import pytest

from sozialplanung_plugin.core import colours as C

# (L1, a1, b1, L2, a2, b2, dE00) from Sharma, Wu and Dalal (2005), table 1
SHARMA = [
    (50.0000, 2.6772, -79.7751, 50.0000, 0.0000, -82.7485, 2.0425),
    (50.0000, 3.1571, -77.2803, 50.0000, 0.0000, -82.7485, 2.8615),
    (50.0000, 2.5000, 0.0000, 50.0000, 0.0000, -2.5000, 4.3065),
    (50.0000, 2.5000, 0.0000, 73.0000, 25.0000, -18.0000, 27.1492),
    (50.0000, 2.5000, 0.0000, 56.0000, -27.0000, -3.0000, 31.9030),
    (60.2574, -34.0099, 36.2677, 60.4626, -34.1751, 39.4387, 1.2644),
    (22.7233, 20.0904, -46.6940, 23.0331, 14.9730, -42.5619, 2.0373),
    (90.8027, -2.0831, 1.4410, 91.1528, -1.6435, 0.0447, 1.4441),
    (2.0776, 0.0795, -1.1350, 0.9033, -0.0636, -0.5514, 0.9082),
]


@pytest.mark.parametrize("row", SHARMA)
def test_ciede2000_matches_the_published_pairs(row):
    assert C.delta_e_2000(row[:3], row[3:6]) == pytest.approx(row[6], abs=1e-4)
    assert C.delta_e_2000(row[3:6], row[:3]) == pytest.approx(row[6], abs=1e-4)  # symmetric


def test_srgb_to_lab_reference_values():
    assert C.hex_to_lab("#ffffff") == pytest.approx((100.0, 0.0, 0.0), abs=0.01)
    assert C.hex_to_lab("#ff0000") == pytest.approx((53.24, 80.09, 67.20), abs=0.02)
    assert C.hex_to_lab("#808080")[0] == pytest.approx(53.59, abs=0.02)
    for colour in C.MSS_COLOURS.values():  # the round trip keeps the colour
        assert C.rgb_to_hex(C.lab_to_rgb(C.hex_to_lab(colour))) == colour


def pairs(scheme):
    return list(itertools.combinations(sorted(scheme.items()), 2))


def test_mss_twelve_classes_differ_by_at_least_10():
    assert sorted(C.MSS_COLOURS) == [10 * s + d for s in (1, 2, 3, 4) for d in (1, 3, 5)]
    diffs = {(a, b): C.delta_e(ca, cb) for (a, ca), (b, cb) in pairs(C.MSS_COLOURS)}
    worst = min(diffs, key=diffs.get)
    print(f"smallest CIEDE2000 of the 66 pairs: {diffs[worst]:.2f} between classes {worst}")
    assert diffs[worst] >= 10, (worst, diffs[worst])


def test_mss_status_differs_by_at_least_10_in_greyscale():
    """Printed in greyscale only lightness remains: classes of different status stay >= 10 apart, and status
    darkens with need (hoch lightest, sehr niedrig darkest), whatever the dynamics."""
    worst = min(
        C.delta_e_2000(C.grey_lab(ca), C.grey_lab(cb))
        for (a, ca), (b, cb) in pairs(C.MSS_COLOURS)
        if a // 10 != b // 10
    )
    print(f"smallest greyscale difference between status levels: {worst:.2f}")
    assert worst >= 10
    for d in (1, 3, 5):
        lightness = [C.hex_to_lab(C.MSS_COLOURS[10 * s + d])[0] for s in (1, 2, 3, 4)]
        assert lightness == sorted(lightness, reverse=True)
    # within one status the dynamics is told apart by hue (>= 10) and, in greyscale, by the pattern
    assert {C.MSS_DYNAMICS_PATTERN[d] for d in (1, 3, 5)} == {"dots", None, "hatch"}


def test_status_and_dynamics_alone_differ_by_at_least_10():
    for scheme in (C.MSS_STATUS_COLOURS, C.MSS_DYNAMICS_COLOURS):
        assert min(C.delta_e(ca, cb) for (_a, ca), (_b, cb) in pairs(scheme)) >= 10
    grey = [C.grey_lab(c) for _k, c in sorted(C.MSS_STATUS_COLOURS.items())]
    assert min(C.delta_e_2000(x, y) for x, y in itertools.combinations(grey, 2)) >= 10


def test_the_old_ramp_failed():
    """The former yellow-to-red ramp over the 12 classes: neighbours only a few steps apart (why it changed)."""
    from sozialplanung_plugin.core import colours as c

    def ramp(t):  # the old QgsGradientColorRamp #ffffcc -> #bd0026, linear in RGB
        a, b = c.hex_to_rgb("#ffffcc"), c.hex_to_rgb("#bd0026")
        return c.rgb_to_hex(tuple(x + (y - x) * t for x, y in zip(a, b)))

    old = [ramp(i / 11) for i in range(12)]
    assert c.min_difference(old)[0] < 10
