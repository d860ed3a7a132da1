"""The indicator catalogue a store is bound to: reading a catalogue record, binding it, refusing another one.

A store holds values of ONE catalogue (by id); new versions of it are registered as they come, so that every
value can be traced to the definition it was computed with.
"""

from __future__ import annotations

import datetime as _dt
import json
import os
from typing import Any

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .common import utc_now


def catalogue_record(catalogue: object) -> tuple[str, str, dict[str, object]] | None:
    """(id, version, definition dict) from a catalogue object, a dict or a JSON file path.

    Duck-typed so that the store does not depend on the catalogue module's class layout: accepts an object
    with to_dict()/as_dict() or attributes id/version/indicators/variables, or a plain dict.
    """
    if catalogue is None:
        return None
    if isinstance(catalogue, (str, os.PathLike)) and os.path.exists(str(catalogue)):
        with open(catalogue, encoding="utf-8") as fh:
            catalogue = json.load(fh)
    d: dict[str, Any]
    if isinstance(catalogue, dict):
        d = dict(catalogue)
    else:
        found: Any = None
        for meth in ("to_dict", "as_dict", "to_json_dict"):
            if hasattr(catalogue, meth):
                found = getattr(catalogue, meth)()
                if isinstance(found, str):
                    found = json.loads(found)
                break
        if found is None:
            found = {
                "id": getattr(catalogue, "id", None),
                "version": getattr(catalogue, "version", None),
                "indicators": getattr(catalogue, "indicators", []),
                "variables": getattr(catalogue, "variables", []),
            }
        d = found
    head = d.get("catalogue")  # core.catalogue.to_dict()
    if not isinstance(head, dict):
        head = {}
    cid = (
        d.get("id")
        or d.get("catalogue_id")
        or d.get("name")
        or head.get("id")
        or head.get("name")
        or getattr(catalogue, "name", None)
    )
    version = d.get("version") or head.get("version") or getattr(catalogue, "version", None)
    if not cid or version is None:
        raise InputError(
            tr(
                "The indicator catalogue has no id or no version. The store needs both to tell "
                "catalogues apart; add 'id' and 'version' to the catalogue file."
            )
        )
    d["indicators"] = _items_to_dicts(d.get("indicators", []))
    d["variables"] = _items_to_dicts(d.get("variables", []))
    return str(cid), str(version), d


def _items_to_dicts(items):
    """Indicators/variables as a list of dicts with an 'id' (from a list, a dict by id, or objects)."""
    out = []
    if isinstance(items, dict):
        items = [
            dict(v, id=k) if isinstance(v, dict) else (v if not isinstance(v, str) else {"id": k, "name": v})
            for k, v in items.items()
        ]
    for it in items or []:
        if isinstance(it, str):
            out.append({"id": it})
        elif isinstance(it, dict):
            out.append(dict(it))
        else:
            if hasattr(it, "to_dict"):
                out.append(it.to_dict())
            elif hasattr(it, "__dataclass_fields__"):
                import dataclasses

                out.append(dataclasses.asdict(it))
            else:
                out.append({k: v for k, v in vars(it).items() if not k.startswith("_")})
    return out


def json_default(o: object) -> list[object] | str:
    if isinstance(o, (set, tuple)):
        return list(o)
    if isinstance(o, (_dt.date, _dt.datetime)):
        return o.isoformat()
    return str(o)


class CatalogueMixin(StoreBase):
    """Catalogue operations of the store (needs _q/_all/transaction of StoreConnection)."""

    def catalogue(self) -> tuple[str, str, dict[str, object]] | None:
        """The bound catalogue: (id, version, definition dict) of the latest registered version, or None."""
        rows = self._all(
            "SELECT c.catalogue_id, c.version, c.definition FROM sm_catalogue c "
            "JOIN sm_meta m ON m.key = 'catalogue_id' AND m.value = c.catalogue_id "
            "ORDER BY c.registered_at DESC"
        )
        if not rows:
            return None
        cid, ver, definition = rows[0]
        if isinstance(definition, str):
            definition = json.loads(definition)
        return cid, ver, definition

    def _bind_catalogue(self, cur, record):
        """Register the catalogue version; refuse a catalogue with another id (inside the write transaction).

        Writes only what is missing, so a role that may not change the store's metadata (a municipality on a
        shared PostgreSQL store) can write values of a catalogue version that is registered already.
        """
        cid, ver, definition = record
        bound = self._q("SELECT value FROM sm_meta WHERE key = 'catalogue_id'", (), cur).fetchone()
        if bound is None:
            self._q(
                "INSERT INTO sm_meta (key, value) VALUES ('catalogue_id', ?) ON CONFLICT (key) DO NOTHING", (cid,), cur
            )
            bound = self._q("SELECT value FROM sm_meta WHERE key = 'catalogue_id'", (), cur).fetchone()
        if bound[0] != cid:
            raise InputError(
                tr(
                    "This store holds values of the indicator catalogue '{bound}', the data were "
                    "computed with catalogue '{given}'. Nothing was written. Use the store's catalogue "
                    "or a separate store.",
                    bound=bound[0],
                    given=cid,
                )
            )
        known = self._q("SELECT 1 FROM sm_catalogue WHERE catalogue_id = ? AND version = ?", (cid, ver), cur).fetchone()
        if known is None:
            self._q(
                "INSERT INTO sm_catalogue (catalogue_id, version, definition, registered_at) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (catalogue_id, version) DO NOTHING",
                (cid, ver, json.dumps(definition, ensure_ascii=False, default=json_default), utc_now()),
                cur,
            )

    def register_catalogue(self, catalogue: object) -> None:
        with self.transaction() as cur:
            self._bind_catalogue(cur, catalogue_record(catalogue))

    def _check_catalogue(self, record):
        """Refuse another catalogue before any write. Returns the record to use."""
        bound = self._all("SELECT value FROM sm_meta WHERE key = 'catalogue_id'")
        if record is None:
            if not bound:
                raise InputError(
                    tr("The store has no indicator catalogue yet. Give the catalogue the values were computed with.")
                )
            current = self.catalogue()
            if current is None:  # an id in sm_meta without a registered version (no write leaves that)
                raise InputError(
                    tr("The store has no indicator catalogue yet. Give the catalogue the values were computed with.")
                )
            return current
        if bound and bound[0][0] != record[0]:
            raise InputError(
                tr(
                    "This store holds values of the indicator catalogue '{bound}', the data "
                    "were computed with catalogue '{given}' (version {version}). Nothing was "
                    "written. Use the store's catalogue or a separate store.",
                    bound=bound[0][0],
                    given=record[0],
                    version=record[1],
                )
            )
        return record

    @staticmethod
    def _catalogue_ids(definition):
        ind = {i["id"]: i for i in definition.get("indicators", []) if "id" in i}
        var = {v["id"] for v in definition.get("variables", []) if "id" in v}
        return ind, var
