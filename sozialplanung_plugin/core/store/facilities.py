"""Facilities (social infrastructure) as a versioned point layer, so that supply can be followed over the years.

Two kinds of time: a facility's own opening and closing dates (``opened``: first day open, ``closed``: first day
closed - as core.facilities.open_on reads them), and the record's versions (``valid_from``/``valid_to``): a
new capacity, type, name or location from a date is a new version and closes the old one, exactly like the
spatial units. "Open on date d" = the version valid on d, opened on or before d (or no date), not closed on or
before d. Each facility has a stable key across versions (the register's id).
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .common import ALWAYS, iso_date, normalise_date, utc_now
from .geometry import locate_points, to_point_wkb, wkb_loads

if TYPE_CHECKING:
    import pandas as pd

FACILITY_COLUMNS = ("type", "name", "capacity", "opened", "closed", "municipality", "attributes")


def _text(v):
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return None
    s = str(v).strip()
    return s or None


def _fdate(value, what, key):
    """ISO date of an opening/closing date (a year means 1 January, as core.facilities reads it), or None."""
    from ..facilities import parse_date

    if isinstance(value, float) and value.is_integer():  # a year in a column with gaps arrives as 2015.0
        value = int(value)
    try:
        d = parse_date(value, what=what)
    except InputError as err:
        raise InputError(tr("Facility '{key}': {error}", key=key, error=err)) from None
    return None if d is None else d.isoformat()


class FacilitiesMixin(StoreBase):
    """Versioned facilities (needs _q/_all/transaction of StoreConnection and units() of the unit mixin)."""

    def put_facilities(
        self,
        facilities: pd.DataFrame | Iterable[Mapping[str, object]],
        *,
        valid_from: object = None,
        key_column: str = "key",
        type_column: str = "type",
        name_column: str = "name",
        capacity_column: str = "capacity",
        opened_column: str = "opened",
        closed_column: str = "closed",
        geometry_column: str = "geometry",
        municipality_column: str | None = None,
        attribute_columns: Iterable[str] = (),
        replace: bool = False,
    ) -> dict[str, int]:
        """Register facilities (points) valid from a date; a changed facility gets a new version, all in one transaction.

        `facilities`: DataFrame or list of dicts: a key (text, stable across years), a type, a point (shapely, WKB or
        WKT), optionally name, capacity (places, doctors ...; empty = unknown), opened and closed dates, the
        municipality key (default: the municipality unit the point lies in, if the store has municipalities) and
        further attribute columns kept as JSON. `replace=True`: current facilities missing from the input are no
        longer in the register from `valid_from` (their version ends; to record a closure give its closed date).
        Returns counts {'added', 'changed', 'unchanged', 'ended'}.
        """
        import pandas as pd

        valid_from = normalise_date(valid_from, "valid-from date") if valid_from is not None else ALWAYS
        df = pd.DataFrame(facilities) if not isinstance(facilities, pd.DataFrame) else facilities
        for c in (key_column, type_column, geometry_column):
            if c not in df.columns:
                raise InputError(
                    tr(
                        "The facility table has no column '{column}'. Columns: {columns}.",
                        column=c,
                        columns=", ".join(map(str, df.columns)),
                    )
                )
        keys = list(df[key_column])
        bad = [k for k in keys if not isinstance(k, str) or not k.strip()]
        if bad:
            raise InputError(
                tr(
                    "Facility keys in column '{column}' must be non-empty text (found {found!r}); every facility "
                    "needs the id it keeps over the years.",
                    column=key_column,
                    found=bad[0],
                )
            )
        seen = set()
        for k in keys:
            if k in seen:
                raise InputError(
                    tr(
                        "Facility key '{key}' occurs more than once in column '{column}'. Nothing was written.",
                        key=k,
                        column=key_column,
                    )
                )
            seen.add(k)
        rows = {}
        opened_what = tr("opening date (column '{column}')", column=opened_column)
        closed_what = tr("closing date (column '{column}')", column=closed_column)
        for r in df.to_dict("records"):
            key = r[key_column]
            ftype = _text(r.get(type_column))
            if ftype is None:
                raise InputError(tr("Facility '{key}' has no type (column '{column}').", key=key, column=type_column))
            cap = r.get(capacity_column) if capacity_column in df.columns else None
            if isinstance(cap, str):
                cap = cap.strip().replace(",", ".") or None
            try:
                cap = None if cap is None or (isinstance(cap, float) and math.isnan(cap)) else float(cap)
            except ValueError:
                raise InputError(
                    tr("Facility '{key}': capacity '{capacity}' is not a number.", key=key, capacity=cap)
                ) from None
            if cap is not None and cap < 0:
                raise InputError(tr("Facility '{key}': the capacity {capacity:g} is negative.", key=key, capacity=cap))
            opened = _fdate(r.get(opened_column), opened_what, key)
            closed = _fdate(r.get(closed_column), closed_what, key)
            if opened and closed and closed <= opened:
                raise InputError(
                    tr(
                        "Facility '{key}' closes ({closed}) before or when it opens ({opened}).",
                        key=key,
                        closed=closed,
                        opened=opened,
                    )
                )
            attrs = {c: r.get(c) for c in attribute_columns}
            attrs = {
                c: (None if v is None or (isinstance(v, float) and math.isnan(v)) else v) for c, v in attrs.items()
            }
            wkb, info = to_point_wkb(r[geometry_column], tr("Facility '{key}'", key=key))
            rows[key] = {
                "type": ftype,
                "name": _text(r.get(name_column)) if name_column in df.columns else None,
                "capacity": cap,
                "opened": opened,
                "closed": closed,
                "municipality": _text(r.get(municipality_column)) if municipality_column else None,
                "attributes": json.dumps(attrs, ensure_ascii=False, sort_keys=True, default=str) if attrs else None,
                "wkb": wkb,
                "info": info,
            }
        if not municipality_column:
            self._locate_municipalities(rows, valid_from)
        d = self.dialect
        current = {}
        for rec in self._all(
            d.compose(
                "SELECT fid, facility_key, type, name, capacity, opened, closed, municipality, attributes, valid_from, "
                "{g} FROM sm_facilities WHERE valid_to IS NULL",
                g=d.geom_select("geom"),
            )
        ):
            fid, key, *vals, vf, wkb = rec
            current[key] = (fid, vals, iso_date(vf), d.wkb_out(wkb))
        ins = d.compose(
            "INSERT INTO sm_facilities (facility_key, type, name, capacity, opened, closed, municipality, attributes, "
            "valid_from, valid_to, geom) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, {g})",
            g=d.compose(d.geom_param(multi=False)),
        )
        counts = {"added": 0, "changed": 0, "unchanged": 0, "ended": 0}
        with self.transaction() as cur:
            new = []
            for key, r in rows.items():
                vals = [r[c] for c in FACILITY_COLUMNS]
                if key in current:
                    fid, old, old_from, old_wkb = current[key]
                    old = [old[0], old[1], old[2], iso_date(old[3]), iso_date(old[4]), old[5], _json_text(old[6])]
                    same_geom = old_wkb == r["wkb"] or wkb_loads(old_wkb).equals_exact(wkb_loads(r["wkb"]), 1e-6)
                    if old == vals and same_geom:
                        counts["unchanged"] += 1
                        continue
                    if old_from >= valid_from:
                        raise InputError(
                            tr(
                                "Facility '{key}' has a version valid from {old}; a change must be valid from a "
                                "later date than that, not {new}. Nothing was written.",
                                key=key,
                                old=old_from,
                                new=valid_from,
                            )
                        )
                    self._q("UPDATE sm_facilities SET valid_to = ? WHERE fid = ?", (valid_from, fid), cur)
                    counts["changed"] += 1
                else:
                    counts["added"] += 1
                new.append((key, *vals, valid_from, *d.geom_values(r["wkb"], r["info"], self.srid)))
            if new:
                cur.executemany(ins, new)
            if replace:
                for key in sorted(set(current) - set(rows)):
                    self._q("UPDATE sm_facilities SET valid_to = ? WHERE fid = ?", (valid_from, current[key][0]), cur)
                    counts["ended"] += 1
            if d.name == "gpkg" and (new or counts["ended"]):
                cur.execute("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_sm_facilities_geom")
                cur.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, last_change = ? "
                    "WHERE table_name IN ('sm_facilities', 'sm_current_facilities')",
                    (*cur.fetchone(), utc_now()),
                )
        return counts

    def _locate_municipalities(self, rows, at):
        """Municipality key of each facility from the municipality unit its point lies in (valid at `at`)."""
        units = self.units("municipality", at=None if at == ALWAYS else at)
        if not len(units):
            return
        keys = list(units["key"])
        for r, i in zip(rows.values(), locate_points([r["wkb"] for r in rows.values()], list(units["wkb"]))):
            if i >= 0:
                r["municipality"] = keys[i]

    def facilities(
        self,
        at: object = None,
        *,
        open_only: bool = True,
        types: Iterable[str] | None = None,
        with_geometry: bool = True,
    ) -> pd.DataFrame:
        """Facilities as they were on date `at` (default: the current versions, open today).

        `open_only`: only those open on that date (opened on or before it or unknown, not closed on or before it).
        Columns: fid, key, type, name, capacity, opened, closed, municipality, valid_from, valid_to, attributes
        (dict), and wkb, x, y with the geometry.
        """
        import datetime as _dt

        import pandas as pd

        d = self.dialect
        geom = d.compose(", {g}", g=d.geom_select("geom")) if with_geometry else d.compose("")
        conditions = []
        params: list[object] = []
        if at is None:
            conditions.append(d.compose("valid_to IS NULL"))
            day = _dt.date.today().isoformat()
        else:
            day = normalise_date(at, "date")
            conditions.append(d.compose("valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)"))
            params += [day, day]
        if open_only:
            conditions.append(d.compose("(opened IS NULL OR opened <= ?) AND (closed IS NULL OR closed > ?)"))
            params += [day, day]
        if types:
            w, p = d.in_list("type", types)
            conditions.append(w)
            params += p
        sql = d.compose(
            "SELECT fid, facility_key, type, name, capacity, opened, closed, municipality, valid_from, valid_to, "
            "attributes{g} FROM sm_facilities WHERE {w} ORDER BY facility_key",
            g=geom,
            w=d.join(" AND ", conditions),
        )
        cols = ["fid", "key", "type", "name", "capacity", "opened", "closed", "municipality", "valid_from", "valid_to"]
        cols += ["attributes"] + (["wkb"] if with_geometry else [])
        df = pd.DataFrame.from_records(self._all(sql, params), columns=cols)
        for c in ("opened", "closed", "valid_from", "valid_to"):
            df[c] = [iso_date(v) for v in df[c]]
        df["capacity"] = df["capacity"].astype(float)
        df["attributes"] = [json.loads(_json_text(a)) if a is not None else {} for a in df["attributes"]]
        if with_geometry:
            df["wkb"] = [d.wkb_out(v) for v in df["wkb"]]
            import struct

            xy = [struct.unpack_from("<2d", w, 5) for w in df["wkb"]]
            df["x"] = [p[0] for p in xy]
            df["y"] = [p[1] for p in xy]
        return df

    def facility_history(self, keys: Iterable[str] | None = None) -> pd.DataFrame:
        """Every version of the facilities (all of them, or of the given keys), oldest first."""
        d = self.dialect
        where = d.compose("true")
        params: list[object] = []
        if keys is not None:
            where, params = d.in_list("facility_key", list(keys))
        import pandas as pd

        sql = d.compose(
            "SELECT facility_key, type, name, capacity, opened, closed, municipality, valid_from, valid_to "
            "FROM sm_facilities WHERE {w} ORDER BY facility_key, valid_from",
            w=where,
        )
        cols = ["key", "type", "name", "capacity", "opened", "closed", "municipality", "valid_from", "valid_to"]
        df = pd.DataFrame.from_records(self._all(sql, params), columns=cols)
        for c in ("opened", "closed", "valid_from", "valid_to"):
            df[c] = [iso_date(v) for v in df[c]]
        return df

    def facilities_in_units(
        self, at: object, level: str = "space", *, types: Iterable[str] | None = None
    ) -> pd.DataFrame:
        """Open facilities on date `at` with the key of the unit (of `level`, valid that day) their point lies in
        (None outside every unit): the base of supply per unit and year."""
        fac = self.facilities(at, types=types)
        units = self.units(level, at=at)
        keys = list(units["key"])
        where = [keys[i] if i >= 0 else None for i in locate_points(list(fac["wkb"]), list(units["wkb"]))]
        out = fac.drop(columns=["wkb"])
        out.insert(1, "unit_key", where)
        return out


def _json_text(value):
    """JSON as the canonical text (PostgreSQL returns JSONB as a dict, SQLite as text)."""
    if value is None:
        return None
    if isinstance(value, str):
        value = json.loads(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
