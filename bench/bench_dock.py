"""Catalogue dock with a 500-indicator catalogue: time to open, time per keystroke in the search box.

Goal (issue 6): the dock opens in <= 200 ms and filters each keystroke in <= 50 ms.
Peer, measured in the same run on the same items: Qt's stock filtering (QTreeView + QStandardItemModel +
QSortFilterProxyModel with recursive filtering, case-insensitive fixed string on the name column).
Keystrokes are real key events (QTest.keyClick) followed by processing all events, so the time includes the
tree's repaint. Runs alone: PYTHONNOUSERSITE=1 QT_QPA_PLATFORM=offscreen /usr/bin/python3 bench/bench_dock.py
Writes bench/results/dock.md.
"""

import datetime
import os
import platform
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["QGIS_CUSTOM_CONFIG_PATH"] = tempfile.mkdtemp(prefix="bench-dock-")

N_INDICATORS = 500
OPEN_RUNS = 15
SEARCHES = ["kinderarmut", "altere menschen", "sgb quote 2", "wohnen dichte", "zzz", "bevölkerung"]

WORDS = [
    "Kinderarmut",
    "Altersarmut",
    "SGB II-Quote",
    "Arbeitslosigkeit",
    "Wohngeld",
    "Bevölkerung",
    "Dichte",
    "Ältere Menschen",
    "Jugendliche",
    "Alleinerziehende",
    "Übergang",
    "Schule",
    "Gesundheit",
    "Pflege",
    "Wahlbeteiligung",
    "Fluktuation",
    "Wanderung",
    "Haushalte",
    "Migration",
    "Beschäftigung",
]


def make_catalogue(n):
    """The default catalogue plus generated indicators up to n, over the default's count variables."""
    from sozialplanung_plugin.core import catalogue as cm

    base = cm.default_catalogue()
    variables = sorted(base.variables)
    topics = list(cm.TOPICS)
    fields = list(base.action_fields)
    entries = []
    for i in range(n - len(base.indicators)):
        w1, w2 = WORDS[i % len(WORDS)], WORDS[(i * 7 + 3) % len(WORDS)]
        entries.append(
            {
                "id": f"gen_{i:03d}",
                "name": f"{w1} und {w2} {i}",
                "short_name": f"{w1[:8]} {i}",
                "description": f"Anteil {w2} an {w1}, erzeugt für den Benchmark (Nr. {i}).",
                "topic": topics[i % len(topics)],
                "numerator": [variables[i % len(variables)]],
                "denominator": [variables[(i + 1) % len(variables)]],
                "unit": "%",
                "multiplier": 100,
                "polarity": "higher_worse",
                "action_fields": [fields[i % len(fields)]],
            }
        )
    cat = cm.catalogue_from_dict({"indicators": entries}, source="bench.yaml", base=base)
    cm.validate_catalogue(cat)
    return cat, {"indicators": entries}


_APP = []  # the QgsApplication must outlive every widget (a local would be collected first -> crash)


def run():
    from qgis.core import QgsApplication

    app = QgsApplication([], True)
    app.initQgis()
    _APP.append(app)
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QStandardItem, QStandardItemModel
    from qgis.PyQt.QtTest import QTest
    from qgis.PyQt.QtWidgets import QApplication, QTreeView

    try:
        from qgis.PyQt.QtCore import QSortFilterProxyModel
    except ImportError:  # Qt6 keeps it in QtCore too; fallback for odd builds
        from qgis.PyQt.QtWidgets import QSortFilterProxyModel

    from sozialplanung_plugin.ui.catalogue_dock import CatalogueDock

    t0 = time.perf_counter()
    cat, overlay = make_catalogue(N_INDICATORS)
    t_make = time.perf_counter() - t0
    assert len(cat.indicators) == N_INDICATORS, len(cat.indicators)
    overlay["catalogue"] = {"name": "Benchmark", "version": "1"}

    # parsing the county file with 500 - 43 own indicators (what the dock does on first show with a big overlay)
    import yaml

    from sozialplanung_plugin.core import catalogue as cm

    tmp = Path(tempfile.mkdtemp(prefix="bench-dock-cat-"))
    path = tmp / "county.yaml"
    path.write_text(yaml.safe_dump(overlay, allow_unicode=True, sort_keys=False), encoding="utf-8")
    parse = []
    for _ in range(5):
        t = time.perf_counter()
        cm.load_catalogue(str(path))
        parse.append(time.perf_counter() - t)

    def flush():
        QApplication.processEvents()

    # --- open: construct, fill, show and paint, through the real path (county file set in the settings) --------
    from sozialplanung_plugin.ui import common

    common.set_overlay_path(str(path))
    cold, cold_full = [], []
    for k in range(3):  # catalogue not parsed yet: the first opening in a session without the pre-warm task
        common.forget_catalogue()
        flush()
        t = time.perf_counter()
        dock = CatalogueDock(None, settings_name=f"benchcold{k}")
        dock.resize(380, 760)
        dock.show()
        flush()
        cold.append(time.perf_counter() - t)  # usable: the shipped catalogue is shown, county file parsing
        while len(dock.visible_ids()) < N_INDICATORS and time.perf_counter() - t < 30:
            QApplication.processEvents()  # ... goes on in a background task
            time.sleep(0.002)
        cold_full.append(time.perf_counter() - t)
        dock.close()
        dock.deleteLater()
    open_times, docks = [], []
    for k in range(OPEN_RUNS):  # parsed by the pre-warm task (or an earlier opening): fill and paint only
        flush()
        t = time.perf_counter()
        dock = CatalogueDock(None, settings_name=f"bench{k}")
        dock.resize(380, 760)
        dock.show()
        flush()
        open_times.append(time.perf_counter() - t)
        docks.append(dock)
        rows = sum(dock.tree.topLevelItem(i).childCount() for i in range(dock.tree.topLevelItemCount()))
        assert rows == N_INDICATORS, rows
    for d in docks[:-1]:
        d.close()
        d.deleteLater()
    dock = docks[-1]
    flush()

    # --- peer: Qt stock proxy filtering --------------------------------------------------------------
    peer_open = []
    for _ in range(OPEN_RUNS):
        flush()
        t = time.perf_counter()
        model = QStandardItemModel()
        model.setHorizontalHeaderLabels(["Indicator", "Unit"])
        for topic, inds in cat.by_topic().items():
            parent = QStandardItem(topic)
            for ind in inds:
                parent.appendRow([QStandardItem(ind.name), QStandardItem(ind.unit)])
            model.appendRow([parent, QStandardItem("")])
        proxy = QSortFilterProxyModel()
        proxy.setSourceModel(model)
        proxy.setRecursiveFilteringEnabled(True)
        proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        view = QTreeView()
        view.setUniformRowHeights(True)
        view.setModel(proxy)
        view.expandAll()
        view.resize(380, 600)
        view.show()
        flush()
        peer_open.append(time.perf_counter() - t)
        view.close()

    # --- keystrokes ----------------------------------------------------------------------------------
    def type_in(widget, text, on_key=None):
        times = []
        widget.clear()
        flush()
        for ch in text:
            t = time.perf_counter()
            if ch.isascii():
                QTest.keyClick(widget, ch)
            else:
                widget.insert(ch)
            if on_key is not None:
                on_key()
            flush()
            times.append(time.perf_counter() - t)
        return times

    ours = []
    for s in SEARCHES:
        ours += type_in(dock.search, s)
    dock.search.clear()

    from qgis.PyQt.QtWidgets import QLineEdit

    peer_edit = QLineEdit()
    peer_edit.show()
    peer_edit.textChanged.connect(lambda text: proxy.setFilterFixedString(text))
    view.show()
    peer = []
    for s in SEARCHES:
        peer += type_in(peer_edit, s)

    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {
        "make": t_make,
        "parse": parse,
        "cold": cold,
        "cold_full": cold_full,
        "open": open_times,
        "peer_open": peer_open,
        "keys": ours,
        "peer_keys": peer,
        "peak_mb": peak_mb,
        "qt": _qt_version(),
    }


def _qt_version():
    from qgis.core import Qgis
    from qgis.PyQt.QtCore import QT_VERSION_STR

    return f"QGIS {Qgis.QGIS_VERSION.split('-')[0]}, Qt {QT_VERSION_STR}"


def ms(x):
    return f"{x * 1000:.1f}"


def write(res):
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    o, po, k, pk = res["open"], res["peer_open"], res["keys"], res["peer_keys"]
    ok_open = max(o) <= 0.2
    ok_keys = max(k) <= 0.05
    lines = [
        "## Catalogue dock (bench/bench_dock.py)",
        "",
        f"Measured {now} on {platform.node()} ({platform.machine()}, {os.cpu_count()} cores, shared with other "
        f"jobs), Python {platform.python_version()}, {res['qt']}, offscreen platform.",
        "",
        f"Job: a catalogue of {N_INDICATORS} indicators (the 43 default ones plus generated ones with German names, "
        "8 topic fields, 9 action fields). *Open* = construct the dock, fill the tree from the parsed catalogue, "
        f"show and paint ({OPEN_RUNS} runs). *Keystroke* = one real key event in the search box, filtering and "
        f"repaint ({len(k)} keystrokes over the searches {', '.join(repr(s) for s in SEARCHES)}). Peer, same run, "
        "same items: Qt's QTreeView + QStandardItemModel + QSortFilterProxyModel (recursive, case-insensitive "
        "fixed string on the name only; no umlaut folding, no multi-word or description search).",
        "",
        "| measure | ours median (ms) | ours max (ms) | Qt proxy peer median (ms) | peer max (ms) | goal |",
        "|---|---:|---:|---:|---:|---|",
        f"| open the dock | {ms(statistics.median(o))} | {ms(max(o))} | {ms(statistics.median(po))} | "
        f"{ms(max(po))} | <= 200 ms: {'met' if ok_open else 'NOT met'} |",
        f"| filter per keystroke | {ms(statistics.median(k))} | {ms(max(k))} | {ms(statistics.median(pk))} | "
        f"{ms(max(pk))} | <= 50 ms: {'met' if ok_keys else 'NOT met'} |",
        "",
        f"| open the dock, catalogue not parsed yet (cold): usable | {ms(statistics.median(res['cold']))} | "
        f"{ms(max(res['cold']))} | – | – | {'met' if max(res['cold']) <= 0.2 else 'NOT met'} (see below) |",
        f"| cold: county indicators shown (background task done) | {ms(statistics.median(res['cold_full']))} | "
        f"{ms(max(res['cold_full']))} | – | – | (no goal) |",
        "",
        f"- *open* uses the real path: the county file with {N_INDICATORS - 43} own indicators is set in the "
        "settings and the dock reads the parsed catalogue from the cache of ui.common. The cache is filled by a "
        "background task 3 s after QGIS has started (CatalogueDock.schedule_prewarm), so a planner normally "
        "meets the warm case. *Cold* (3 runs): opened before that task has run; the dock shows the shipped "
        "catalogue at once and parses the large county file in a background task (the GUI never waits), then "
        f"adds the county's indicators. load_catalogue alone takes median {ms(statistics.median(res['parse']))} ms, "
        f"max {ms(max(res['parse']))} ms (core.catalogue: reading the two YAML files is about half of it, "
        "building and validating the rest).",
        f"- ratios, ours / peer (median): open {statistics.median(o) / statistics.median(po):.2f}x, "
        f"keystroke {statistics.median(k) / statistics.median(pk):.2f}x.",
        f"- peak memory of the process (ru_maxrss, includes QGIS): {res['peak_mb']:.0f} MB.",
        "",
    ]
    out = ROOT / "bench" / "results" / "dock.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    write(run())
    sys.stdout.flush()
    os._exit(0)  # skip tearing down Qt objects in random order at interpreter exit
