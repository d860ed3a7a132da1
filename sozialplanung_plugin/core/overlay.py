"""The county's own catalogue file (the overlay over the default catalogue): read, change, write, and built
from an exported XLSX/CSV table. Used by the catalogue dock; plain Python (no QGIS).

The file keeps the catalogue format (docs/catalogue.md): indicators are matched by id; an entry for a default
indicator overrides its fields; `disable:` switches default indicators off. Written atomically.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .catalogue import Catalogue

HEADER = (
    "# Own indicators of the county (overlay over the Sozialplanung default catalogue).\n"
    "# Written by the indicator catalogue dock; may be edited by hand (see docs/catalogue.md).\n"
)


def read_overlay(path: str | os.PathLike[str] | None) -> dict[str, Any]:
    """The overlay data of a county file (a new, empty one when the file does not exist yet)."""
    from .catalogue import read_catalogue_yaml

    if not path or not os.path.exists(path):
        return {"catalogue": {"name": "Eigene Indikatoren", "version": "1"}, "indicators": []}
    data, _sha = read_catalogue_yaml(path)  # a broken file: InputError naming the line and the YAML problem
    data.setdefault("indicators", [])
    if data["indicators"] is None:
        data["indicators"] = []
    return data


def write_overlay(path: str | os.PathLike[str], data: Mapping[str, object]) -> None:
    """Write the overlay as YAML with a header, atomically (a crash never leaves half a file)."""
    import yaml

    text = HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=110)
    folder = os.path.dirname(os.path.abspath(path))
    os.makedirs(folder, exist_ok=True)
    tmp = str(path) + ".part"
    with open(tmp, "w", encoding="utf-8") as fh:
        fh.write(text)
    os.replace(tmp, path)


def with_indicator(data: dict[str, Any], entry: dict[str, Any]) -> dict[str, Any]:
    """A copy of the overlay data with the indicator entry added or replaced (by id), re-enabled if disabled."""
    import copy

    data = copy.deepcopy(data)
    inds = [e for e in data.get("indicators") or [] if isinstance(e, dict)]
    for k, e in enumerate(inds):
        if str(e.get("id")) == entry["id"]:
            inds[k] = entry
            break
    else:
        inds.append(entry)
    data["indicators"] = inds
    if data.get("disable"):
        data["disable"] = [d for d in data["disable"] if str(d) != entry["id"]]
        if not data["disable"]:
            data.pop("disable")
    return data


def without_indicator(data: dict[str, Any], ind_id: str, in_default: bool) -> dict[str, Any]:
    """A copy without the indicator: its overlay entry is removed; a default indicator is listed in `disable`."""
    import copy

    data = copy.deepcopy(data)
    data["indicators"] = [
        e for e in data.get("indicators") or [] if not (isinstance(e, dict) and str(e.get("id")) == ind_id)
    ]
    if in_default:
        dis = [str(d) for d in data.get("disable") or []]
        if ind_id not in dis:
            dis.append(ind_id)
        data["disable"] = dis
    return data


# ------------------------------------------------------------------------------------------------------
# XLSX/CSV as exported by sozialplanung:exportcatalogue (German column headings) -> overlay data
# ------------------------------------------------------------------------------------------------------
#: column heading of the export -> indicator field
TABLE_COLUMNS = {
    "ID": "id",
    "Name": "name",
    "Kurzname": "short_name",
    "Name (englisch)": "name_en",
    "Themenfeld": "topic",
    "Art": "kind",
    "Zähler": "numerator",
    "Nenner": "denominator",
    "Basisindikator": "base_indicator",
    "Veränderung": "change",
    "Zeitraum (Jahre)": "period_years",
    "Einheit": "unit",
    "Faktor": "multiplier",
    "Polarität": "polarity",
    "Beschreibung": "description",
    "Interpretation": "interpretation",
    "Quelle": "source",
    "Aktualisierung": "update_interval",
    "Stichtag": "reference_date",
    "Mindestnenner": "min_denominator",
    "Geheimhaltungsschwelle": "disclosure_threshold",
    "Handlungsfelder": "action_fields",
    "Hinweise": "notes",
    "Literatur": "literature",
}
_LISTS = ("numerator", "denominator", "action_fields")
_NUMBERS = ("multiplier", "min_denominator", "disclosure_threshold", "period_years")


def read_table_rows(path: str | os.PathLike[str]) -> tuple[list[dict[str, object]], list[str]]:
    """Rows (dicts by heading) of the sheet 'Indikatoren' (or the first sheet) or of a ';'/','-separated CSV."""
    from .errors import InputError
    from .i18n import tr

    name = os.path.basename(str(path))
    if str(path).lower().endswith(".xlsx"):
        import openpyxl

        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
        ws = wb["Indikatoren"] if "Indikatoren" in wb.sheetnames else wb.worksheets[0]
        rows = [["" if c is None else c for c in r] for r in ws.iter_rows(values_only=True)]
        wb.close()
    else:
        import csv
        import io

        raw = open(path, "rb").read()
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = raw.decode("cp1252")
        first = text.splitlines()[0] if text else ""
        sep = ";" if first.count(";") >= first.count(",") else ","
        rows = list(csv.reader(io.StringIO(text), delimiter=sep))
    rows = [r for r in rows if any(str(c).strip() for c in r)]
    if not rows:
        raise InputError(tr("Catalogue table '{name}' is empty.", name=name), source=name)
    heads = [str(h).strip() for h in rows[0]]
    if "ID" not in heads:
        raise InputError(
            tr(
                "Catalogue table '{name}': no column 'ID' in the first row. Use a table exported by "
                "'Export indicator catalogue' (columns ID, Name, Themenfeld, Zähler, Nenner ...).",
                name=name,
            ),
            source=name,
        )
    return [dict(zip(heads, r)) for r in rows[1:]], heads


def _cell_value(key, value):
    if value is None:
        return ""
    if key in _LISTS:
        return [s.strip() for s in str(value).replace(";", ",").split(",") if s.strip()]
    if key in _NUMBERS:
        if isinstance(value, (int, float)):
            return int(value) if float(value).is_integer() else float(value)
        text = str(value).strip()
        if "," in text or re.fullmatch(r"-?\d{1,3}(\.\d{3})+", text):  # German: 1.000 / 0,5 / 1.234,5
            text = text.replace(".", "").replace(",", ".")
        if not text:
            return ""
        try:
            x = float(text)
        except ValueError:
            return str(value).strip()  # left as text: the validator names the field
        return int(x) if x.is_integer() else x
    return str(value).strip()


def overlay_from_table(path: str | os.PathLike[str], default: Catalogue) -> dict[str, Any]:
    """Overlay data from an exported (and edited) table: rows differing from `default` become entries.

    Rows equal to the default indicator are left out (the default keeps evolving with plugin updates); a row
    with 'Aktiv' = 'nein' switches the indicator off. Errors name the row.
    """
    from .errors import InputError
    from .i18n import tr

    rows, heads = read_table_rows(path)
    name = os.path.basename(str(path))
    known = [h for h in heads if h in TABLE_COLUMNS]
    entries, disable = [], []
    for n, row in enumerate(rows, start=2):
        ind_id = str(row.get("ID") or "").strip()
        if not ind_id:
            raise InputError(
                tr(
                    "Catalogue table '{name}', row {n}: the column ID is empty. Give every indicator "
                    "an id (lower case letters, digits and _).",
                    name=name,
                    n=n,
                ),
                row=n,
                source=name,
            )
        if str(row.get("Aktiv", "ja")).strip().lower() in ("nein", "no", "false", "0"):
            disable.append(ind_id)
            continue
        entry = {}
        for h in known:
            key = TABLE_COLUMNS[h]
            v = _cell_value(key, row.get(h))
            if v in ("", []) and key not in _LISTS:
                continue
            entry[key] = v
        base = default.indicators.get(ind_id)
        if base is not None:
            changed = {k: v for k, v in entry.items() if k == "id" or _norm(v) != _norm(getattr(base, k, ""))}
            if entry.get("kind", base.kind) == "dynamics":
                changed.pop("numerator", None)
                changed.pop("denominator", None)
            if len(changed) == 1:
                continue
            entries.append(changed)
        else:
            if entry.get("kind") == "dynamics":
                entry.pop("numerator", None)
                entry.pop("denominator", None)
            entries.append(entry)
    data: dict[str, Any] = {
        "catalogue": {"name": f"Eigene Indikatoren ({name})", "version": "1"},
        "indicators": entries,
    }
    if disable:
        data["disable"] = disable
    return data


def _norm(v):
    if isinstance(v, list):
        return [str(x).strip() for x in v]
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return float(v)
    try:
        return float(str(v).replace(",", "."))
    except ValueError:
        return str(v).strip()
