"""Plugin load time in real QGIS desktop (virtual X screen), beside plugins that ship with QGIS.

Each run is a fresh QGIS with a new profile in which all Python plugins are switched off; the probe then loads and starts one plugin (loadPlugin +
startPlugin = classFactory + initGui, which registers the Processing provider) and times it. Median of 5 runs.
"""

import json
import os
import platform
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PLUGINS = ["sozialplanung_plugin", "processing", "db_manager", "MetaSearch"]
RUNS = 5


def one_run(name, tmp):
    out = Path(tmp) / f"{name}.json"
    env = {k: v for k, v in os.environ.items() if k not in ("QT_QPA_PLATFORM", "QGIS_CUSTOM_CONFIG_PATH")}
    env.update(
        HOME=str(Path(tmp) / "home"),
        QGIS_PLUGINPATH=str(ROOT),
        PYTHONNOUSERSITE="1",
        BENCH_PLUGINS=name,
        BENCH_OUT=str(out),
    )
    # A fresh profile with every Python plugin switched off (--noplugins would also skip --code)
    ini = Path(tmp) / "home/.local/share/QGIS/QGIS3/profiles/default/QGIS/QGIS3.ini"
    ini.parent.mkdir(parents=True, exist_ok=True)
    ini.write_text("[PythonPlugins]\n" + "".join(f"{p}=false\n" for p in PLUGINS), encoding="utf-8")
    wall = time.perf_counter()
    subprocess.run(
        [
            "xvfb-run",
            "-a",
            "-s",
            "-screen 0 1280x800x24",
            "qgis.bin",
            "--nologo",
            "--noversioncheck",
            "--code",
            str(ROOT / "bench" / "desktop_load_probe.py"),
        ],
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    data = json.loads(out.read_text())[name]
    data["qgis_wall"] = time.perf_counter() - wall
    return data


def main():
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(RUNS):
            for name in PLUGINS:  # interleaved so machine load hits all alike
                rows.setdefault(name, []).append(one_run(name, tmp))
    ours = statistics.median(r["seconds"] for r in rows["sozialplanung_plugin"])
    lines = [
        "## Plugin load time (QGIS desktop)",
        "",
        f"Measured {time.strftime('%Y-%m-%d')} on {platform.node()} ({os.cpu_count()} cores), QGIS 3.22 desktop "
        "under Xvfb, each run a fresh QGIS with a new profile in which all Python plugins are off, then `loadPlugin` + `startPlugin` "
        f"(classFactory, initGui, provider registration) timed; median of {RUNS} runs, interleaved.",
        "",
        "| plugin | load + start (ms, median) | ratio to Sozialplanung | modules imported | whole QGIS start-to-quit (s) |",
        "|---|---:|---:|---:|---:|",
    ]
    for name in PLUGINS:
        secs = statistics.median(r["seconds"] for r in rows[name])
        mods = statistics.median(r["new_modules"] for r in rows[name])
        wall = statistics.median(r["qgis_wall"] for r in rows[name])
        ok = all(r["ok"] for r in rows[name])
        lines.append(
            f"| {name}{'' if ok else ' (failed)'} | {secs * 1000:.0f} | {secs / ours:.2f} | {mods:.0f} | {wall:.1f} |"
        )
    lines += [
        "",
        "No pandas, numpy, scipy or matplotlib is imported at load (checked by the lifecycle test and "
        "`make lint`); they are imported when an algorithm runs.",
        "",
    ]
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "load.md").write_text("\n".join(lines), encoding="utf-8")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
