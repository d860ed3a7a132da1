"""Inside QGIS desktop (qgis.bin --code, all Python plugins off): time loading each plugin in BENCH_PLUGINS."""

import json
import os
import sys
import time

from qgis.core import QgsApplication
from qgis.PyQt.QtCore import QTimer
from qgis.utils import loadPlugin, startPlugin

results = {}
try:
    for name in os.environ["BENCH_PLUGINS"].split(","):
        before = set(sys.modules)
        start = time.perf_counter()
        ok = loadPlugin(name) and startPlugin(name)
        results[name] = {
            "ok": bool(ok),
            "seconds": time.perf_counter() - start,
            "new_modules": len(set(sys.modules) - before),
        }
finally:
    with open(os.environ["BENCH_OUT"], "w", encoding="utf-8") as fh:
        json.dump(results, fh)
    QTimer.singleShot(0, QgsApplication.instance().quit)
