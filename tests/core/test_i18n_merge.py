"""The .ts merge driver (tools/i18n_merge.py): union of messages, a translation changed on one side only survives."""

import importlib.util
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
spec = importlib.util.spec_from_file_location("i18n_merge", ROOT / "tools" / "i18n_merge.py")
i18n_merge = importlib.util.module_from_spec(spec)
spec.loader.exec_module(i18n_merge)


def ts(path, messages):
    body = "".join(
        f"<message><source>{src}</source><translation>{tr}</translation></message>" for src, tr in messages.items()
    )
    path.write_text(
        f'<?xml version="1.0" encoding="utf-8"?><TS version="2.1" language="de"><context><name>A</name>'
        f"{body}</context></TS>",
        encoding="utf-8",
    )
    return str(path)


def merged(path):
    root = ET.parse(path).getroot()
    return {m.findtext("source"): m.findtext("translation") for m in root.iter("message")}


def test_a_translation_corrected_on_one_branch_is_kept_and_new_messages_of_both_join(tmp_path):
    base = ts(tmp_path / "base.ts", {"store": "Monitoring-Speicher", "flag": "unterdrückt", "year": "Jahr"})
    ours = ts(tmp_path / "ours.ts", {"store": "Monitoring-Speicher", "flag": "gesperrt", "year": "Jahr", "a": "A"})
    theirs = ts(
        tmp_path / "theirs.ts", {"store": "Monitoring-Datenbank", "flag": "unterdrückt", "year": "Jahre", "b": "B"}
    )
    assert i18n_merge.main(base, ours, theirs) == 0
    assert merged(ours) == {
        "store": "Monitoring-Datenbank",  # changed there only
        "flag": "gesperrt",  # changed here only
        "year": "Jahre",  # changed there only
        "a": "A",
        "b": "B",
    }


def test_both_changed_keeps_the_current_branch(tmp_path):
    base = ts(tmp_path / "base.ts", {"store": "Speicher"})
    ours = ts(tmp_path / "ours.ts", {"store": "Monitoring-Datenbank"})
    theirs = ts(tmp_path / "theirs.ts", {"store": "Monitoring-Speicher"})
    assert i18n_merge.main(base, ours, theirs) == 0
    assert merged(ours) == {"store": "Monitoring-Datenbank"}
