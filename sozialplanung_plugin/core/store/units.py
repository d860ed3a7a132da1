"""Spatial units of every level with versioned geometries (valid_from/valid_to) and their assignment to parents.

A changed geometry is a new version valid from a date; the old version is closed. Values belong to a unit
VERSION, so old values stay on the old boundary. The block -> space assignment is versioned the same way.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .common import ALWAYS, LEVELS, iso_date, normalise_date, normalise_level
from .geometry import to_multipolygon_wkb, wkb_loads

if TYPE_CHECKING:
    import pandas as pd

_AGS_PREFIX = re.compile(r"\d{8}")


def municipality_of(level: str, key: str) -> str | None:
    """The municipality key a unit belongs to by the German key conventions: a municipality's own key, none for
    the county, else the 8-digit AGS a block or social-space key starts with (053780040012 -> 05378004)."""
    if level == "municipality":
        return key
    if level == "county":
        return None
    m = _AGS_PREFIX.match(key)
    return m.group(0) if m else None


class UnitsMixin(StoreBase):
    """Unit registration and look-up (needs _q/_all/transaction of StoreConnection)."""

    def put_units(
        self,
        level: str,
        units: pd.DataFrame | Iterable[Mapping[str, object]],
        *,
        valid_from: object = None,
        key_column: str = "key",
        name_column: str = "name",
        geometry_column: str = "geometry",
        parent_column: str | None = None,
        parent_level: str | None = None,
        replace: bool = False,
        municipality_column: str | None = None,
    ) -> dict[str, int]:
        """Register units of one level valid from a date; a changed geometry closes the old version.

        `units`: DataFrame/GeoDataFrame or list of dicts with a key, a geometry (shapely, WKB or WKT) and
        optionally a name and the key of the parent unit (e.g. block -> social space). `replace=True`:
        current units of the level missing from `units` are closed at `valid_from`.
        `municipality_column`: the key of each unit's municipality (what row-level security on PostgreSQL goes
        by); default: a municipality's own key, none for the county, else the AGS the key starts with.
        Returns counts {'added', 'changed', 'unchanged', 'closed', 'assigned'}.
        """
        import pandas as pd

        level = normalise_level(level)
        valid_from = normalise_date(valid_from, "valid-from date") if valid_from is not None else ALWAYS
        df = pd.DataFrame(units) if not isinstance(units, pd.DataFrame) else units
        if key_column not in df.columns:
            raise InputError(
                tr(
                    "The unit table has no key column '{column}'. Columns: {columns}.",
                    column=key_column,
                    columns=", ".join(map(str, df.columns)),
                )
            )
        if geometry_column not in df.columns:
            gc = getattr(df, "_geometry_column_name", None)  # a GeoDataFrame's
            if gc is not None and gc in df.columns:
                geometry_column = gc
            else:
                raise InputError(tr("The unit table has no geometry column '{column}'.", column=geometry_column))
        keys = df[key_column]
        if not all(isinstance(k, str) for k in keys):
            raise InputError(
                tr(
                    "Unit keys in column '{column}' must be text (leading zeros matter); "
                    "read the table with the key column as text.",
                    column=key_column,
                )
            )
        dup = keys[keys.duplicated()]
        if len(dup):
            raise InputError(
                tr("Unit key '{key}' occurs more than once in column '{column}'.", key=dup.iloc[0], column=key_column)
            )
        names = df[name_column] if name_column in df.columns else [None] * len(df)
        parents = None
        if parent_column:
            if parent_column not in df.columns:
                raise InputError(tr("The unit table has no parent column '{column}'.", column=parent_column))
            parent_level = normalise_level(parent_level or LEVELS[min(LEVELS.index(level) + 1, 3)])
            parents = df[parent_column]
        if municipality_column:
            if municipality_column not in df.columns:
                raise InputError(
                    tr("The unit table has no municipality column '{column}'.", column=municipality_column)
                )
            munis = [None if m is None or m != m else str(m) for m in df[municipality_column]]
        else:
            munis = [municipality_of(level, k) for k in keys]
        geoms = [to_multipolygon_wkb(g) for g in df[geometry_column]]
        current = {}
        d = self.dialect
        for fid, key, name, vf, wkb in self._all(
            d.compose(
                "SELECT fid, key, name, valid_from, {g} FROM sm_units WHERE level = ? AND valid_to IS NULL",
                g=d.geom_select("geom"),
            ),
            (level,),
        ):
            current[key] = (fid, name, iso_date(vf), d.wkb_out(wkb))
        counts = {"added": 0, "changed": 0, "unchanged": 0, "closed": 0, "assigned": 0}
        ins = d.compose(
            "INSERT INTO sm_units (level, key, name, municipality, valid_from, valid_to, area_km2, geom) "
            "VALUES (?, ?, ?, ?, ?, NULL, ?, {g})",
            g=d.compose(d.geom_param()),
        )
        with self.transaction() as cur:
            rows = []
            for key, name, muni, (wkb, geom) in zip(keys, names, munis, geoms):
                name = None if name is None or (isinstance(name, float) and math.isnan(name)) else str(name)
                row = (level, key, name, muni, valid_from, geom[1] / 1e6, *d.geom_values(wkb, geom, self.srid))
                if key in current:
                    fid, old_name, old_from, old_wkb = current[key]
                    if old_wkb == wkb or wkb_loads(old_wkb).equals_exact(wkb_loads(wkb), 1e-6):
                        counts["unchanged"] += 1
                        if name is not None and name != old_name:
                            self._q("UPDATE sm_units SET name = ? WHERE fid = ?", (name, fid), cur)
                        continue
                    if old_from >= valid_from:
                        raise InputError(
                            tr(
                                "Unit '{key}' (level {level}) has a geometry valid from {old}; a "
                                "new geometry must be valid from a later date than that, not "
                                "{new}.",
                                key=key,
                                level=level,
                                old=old_from,
                                new=valid_from,
                            )
                        )
                    self._q("UPDATE sm_units SET valid_to = ? WHERE fid = ?", (valid_from, fid), cur)
                    counts["changed"] += 1
                else:
                    counts["added"] += 1
                rows.append(row)
            if rows:
                cur.executemany(ins, rows)
            if replace:
                gone = set(current) - set(keys)
                for key in sorted(gone):
                    self._q("UPDATE sm_units SET valid_to = ? WHERE fid = ?", (valid_from, current[key][0]), cur)
                counts["closed"] = len(gone)
            if parents is not None:
                counts["assigned"] = self._put_assignment(cur, level, parent_level, keys, parents, valid_from, replace)
            if self.dialect.name == "gpkg" and (rows or counts["closed"]):
                cur.execute("SELECT min(minx), min(miny), max(maxx), max(maxy) FROM rtree_sm_units_geom")
                b = cur.fetchone()
                cur.execute(
                    "UPDATE gpkg_contents SET min_x = ?, min_y = ?, max_x = ?, max_y = ?, "
                    "last_change = strftime('%Y-%m-%dT%H:%M:%fZ','now') "
                    "WHERE table_name = 'sm_units' OR table_name LIKE 'sm_current_%'",
                    b,
                )
        return counts

    def _put_assignment(self, cur, level, parent_level, keys, parents, valid_from, replace):
        current = {
            k: (p, iso_date(vf))
            for k, p, vf in self._q(
                "SELECT key, parent_key, valid_from FROM sm_assignment WHERE level = ? AND parent_level = ? "
                "AND valid_to IS NULL",
                (level, parent_level),
                cur,
            ).fetchall()
        }
        n = 0
        rows = []
        for key, parent in zip(keys, parents):
            if parent is None or (isinstance(parent, float) and math.isnan(parent)):
                continue
            parent = str(parent)
            old = current.get(key)
            if old and old[0] == parent:
                continue
            if old:
                if old[1] >= valid_from:
                    raise InputError(
                        tr(
                            "Unit '{key}' is assigned to '{parent}' from {old}; a new assignment "
                            "must start later than that, not {new}.",
                            key=key,
                            parent=old[0],
                            old=old[1],
                            new=valid_from,
                        )
                    )
                self._q(
                    "UPDATE sm_assignment SET valid_to = ? WHERE level = ? AND key = ? AND parent_level = ? "
                    "AND valid_to IS NULL",
                    (valid_from, level, key, parent_level),
                    cur,
                )
            rows.append((level, key, parent_level, parent, valid_from))
            n += 1
        cur.executemany(
            self.dialect.sql(
                "INSERT INTO sm_assignment (level, key, parent_level, parent_key, "
                "valid_from, valid_to) VALUES (?, ?, ?, ?, ?, NULL)"
            ),
            rows,
        )
        if replace:
            for key in set(current) - set(keys):
                self._q(
                    "UPDATE sm_assignment SET valid_to = ? WHERE level = ? AND key = ? AND parent_level = ? "
                    "AND valid_to IS NULL",
                    (valid_from, level, key, parent_level),
                    cur,
                )
        return n

    def units(self, level: str, at: object = None, with_geometry: bool = True) -> pd.DataFrame:
        """Units of a level valid at date `at` (default: the current versions). Geometry as WKB bytes."""
        import pandas as pd

        level = normalise_level(level)
        d = self.dialect
        geom = d.compose(", {g}", g=d.geom_select("geom")) if with_geometry else d.compose("")
        if at is None:
            sql = d.compose(
                "SELECT fid, key, name, valid_from, valid_to, area_km2{g} FROM sm_units WHERE level = ? "
                "AND valid_to IS NULL ORDER BY key",
                g=geom,
            )
            rows = self._all(sql, (level,))
        else:
            at = normalise_date(at, "date")
            sql = d.compose(
                "SELECT fid, key, name, valid_from, valid_to, area_km2{g} FROM sm_units WHERE level = ? "
                "AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?) ORDER BY key",
                g=geom,
            )
            rows = self._all(sql, (level, at, at))
        cols = ["fid", "key", "name", "valid_from", "valid_to", "area_km2"] + (["wkb"] if with_geometry else [])
        df = pd.DataFrame.from_records(rows, columns=cols)
        df["valid_from"] = [iso_date(v) for v in df["valid_from"]]
        df["valid_to"] = [iso_date(v) for v in df["valid_to"]]
        if with_geometry:
            df["wkb"] = [d.wkb_out(v) for v in df["wkb"]]
        return df

    def assignment(self, level: str = "block", parent_level: str = "space", at: object = None) -> dict[str, str]:
        """{child key: parent key} valid at date `at` (default: current)."""
        level, parent_level = normalise_level(level), normalise_level(parent_level)
        if at is None:
            rows = self._all(
                "SELECT key, parent_key FROM sm_assignment WHERE level = ? AND parent_level = ? AND valid_to IS NULL",
                (level, parent_level),
            )
        else:
            at = normalise_date(at, "date")
            rows = self._all(
                "SELECT key, parent_key FROM sm_assignment WHERE level = ? AND parent_level = ? "
                "AND valid_from <= ? AND (valid_to IS NULL OR valid_to > ?)",
                (level, parent_level, at, at),
            )
        return dict(rows)

    def _fid_maps(self, level, dates):
        """{date: {key: fid}} of the unit versions valid at each date."""
        rows = self._all("SELECT fid, key, valid_from, valid_to FROM sm_units WHERE level = ?", (level,))
        rows = [(fid, key, iso_date(vf), iso_date(vt)) for fid, key, vf, vt in rows]
        out = {}
        for d in dates:
            out[d] = {key: fid for fid, key, vf, vt in rows if vf <= d and (vt is None or vt > d)}
        return out
