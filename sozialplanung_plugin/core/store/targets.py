"""Targets of the planning conference and their evaluation (attainment, trend since the baseline, projection)."""

from __future__ import annotations

import datetime as _dt
import math
from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .catalogue import catalogue_record
from .common import iso_date, normalise_date, normalise_direction, normalise_level, years_between

if TYPE_CHECKING:
    import pandas as pd


class TargetsMixin(StoreBase):
    """Targets (needs _all/transaction of StoreConnection, the catalogue and value mixins)."""

    def put_targets(self, targets: pd.DataFrame | Iterable[Mapping[str, object]], *, catalogue: object = None) -> int:
        """Upsert targets (indicator, level, unit_key, target_value, direction, deadline, baseline_date,
        baseline_value, note). Direction defaults from the indicator's polarity (higher_worse -> at_most)."""
        import pandas as pd

        df = pd.DataFrame(targets) if not isinstance(targets, pd.DataFrame) else targets.copy()
        need = [c for c in ("indicator", "unit_key", "target_value", "deadline") if c not in df.columns]
        if need:
            raise InputError(
                tr(
                    "The targets table lacks the column(s) {columns}. Expected indicator, "
                    "level, unit_key, target_value, direction, deadline, baseline_date, baseline_value.",
                    columns=", ".join(need),
                )
            )
        rec = self._check_catalogue(catalogue_record(catalogue)) if catalogue is not None else self.catalogue()
        indicators = self._catalogue_ids(rec[2])[0] if rec else {}
        rows = []
        known_units = {}
        for i, r in enumerate(df.to_dict("records"), start=1):
            ind = str(r["indicator"]).strip()
            if indicators and ind not in indicators:
                raise InputError(
                    tr(
                        "targets row {row}: indicator '{indicator}' is not in the store's catalogue. Nothing was "
                        "written.",
                        row=i,
                        indicator=ind,
                    )
                )
            level = normalise_level(r.get("level") or "space")
            if level not in known_units:
                known_units[level] = {
                    k for (k,) in self._all("SELECT DISTINCT key FROM sm_units WHERE level = ?", (level,))
                }
            key = r["unit_key"]
            if not isinstance(key, str):
                raise InputError(
                    tr("targets row {row}: the unit key {key!r} must be text (leading zeros matter).", row=i, key=key)
                )
            if key not in known_units[level]:
                raise InputError(
                    tr(
                        "targets row {row}: unit '{key}' is not in the store at level '{level}'. Nothing was written.",
                        row=i,
                        key=key,
                        level=level,
                    )
                )
            try:
                tv = (
                    float(str(r["target_value"]).strip().replace(",", "."))
                    if isinstance(r["target_value"], str)
                    else float(r["target_value"])
                )
            except (TypeError, ValueError) as exc:
                raise InputError(
                    tr("targets row {row}: target value '{value}' is not a number.", row=i, value=r["target_value"])
                ) from exc
            direction = r.get("direction")
            if direction is None or (isinstance(direction, float) and math.isnan(direction)) or direction == "":
                pol = indicators.get(ind, {}).get("polarity", "higher_worse")
                direction = "at_least" if pol == "higher_better" else "at_most"
            direction = normalise_direction(direction)
            bd = r.get("baseline_date")
            bd = (
                None
                if bd is None or (isinstance(bd, float) and math.isnan(bd)) or bd == ""
                else normalise_date(bd, "baseline date")
            )
            bv = r.get("baseline_value")
            if isinstance(bv, str):
                bv = bv.strip().replace(",", ".")
            try:
                bv = None if bv is None or bv == "" or (isinstance(bv, float) and math.isnan(bv)) else float(bv)
            except ValueError as exc:
                raise InputError(
                    tr("targets row {row}: baseline value '{value}' is not a number.", row=i, value=bv)
                ) from exc
            note = r.get("note")
            note = None if note is None or (isinstance(note, float) and math.isnan(note)) else str(note)
            rows.append((ind, level, key, tv, direction, normalise_date(r["deadline"], "deadline"), bd, bv, note))
        with self.transaction() as cur:
            cur.executemany(
                self.dialect.sql(
                    "INSERT INTO sm_targets (indicator, level, unit_key, target_value, direction, deadline, "
                    "baseline_date, baseline_value, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) "
                    "ON CONFLICT (indicator, level, unit_key, deadline) DO UPDATE SET "
                    "target_value = excluded.target_value, direction = excluded.direction, "
                    "baseline_date = excluded.baseline_date, baseline_value = excluded.baseline_value, "
                    "note = excluded.note"
                ),
                rows,
            )
        return len(rows)

    def targets(self) -> pd.DataFrame:
        import pandas as pd

        cur = self._q(
            "SELECT target_id, indicator, level, unit_key, target_value, direction, deadline, "
            "baseline_date, baseline_value, note FROM sm_targets ORDER BY indicator, level, unit_key, "
            "deadline"
        )
        df = pd.DataFrame.from_records(cur.fetchall(), columns=[c[0] for c in cur.description])
        for c in ("deadline", "baseline_date"):
            df[c] = [iso_date(v) for v in df[c]]
        return df

    def evaluate_targets(self, at: object = None) -> pd.DataFrame:
        """Attainment per target: baseline, current value, trend per year, projection, status.

        status: 'achieved' (current value meets the target), 'missed' (deadline passed, not met), 'on_track'
        (the linear trend since the baseline reaches the target by the deadline), 'off_track', 'no_data'.
        attainment_pct = 100 * (current - baseline) / (target - baseline); when the baseline already meets the
        target there is no gap to close: 100 while the target stays met, else 0.
        """
        import numpy as np
        import pandas as pd

        at = normalise_date(at, "evaluation date") if at is not None else None
        targets = self.targets()
        out = []
        series_cache = {}
        for t in targets.to_dict("records"):
            cache_key = (t["level"], t["indicator"])
            if cache_key not in series_cache:
                series_cache[cache_key] = self.read_series(
                    t["level"], variables=[t["indicator"]], end=at, geometry_at=at
                )
            s = series_cache[cache_key]
            s = s[(s["unit_key"] == t["unit_key"]) & s["value"].notna()].sort_values("ref_date")
            res = dict(t)
            res.update(
                baseline=None,
                baseline_used_date=None,
                current=None,
                current_date=None,
                change=None,
                attainment_pct=None,
                trend_per_year=None,
                projected=None,
                status="no_data",
            )
            bdate, bval = t["baseline_date"], t["baseline_value"]
            if bval is None or (isinstance(bval, float) and math.isnan(bval)):
                if bdate is not None:
                    hit = s[s["ref_date"] == bdate]
                    bval = float(hit["value"].iloc[0]) if len(hit) else None
                elif len(s):
                    bdate, bval = s["ref_date"].iloc[0], float(s["value"].iloc[0])
            if bval is not None and bdate is None and len(s):
                bdate = s["ref_date"].iloc[0]
            later = s[s["ref_date"] >= bdate] if bdate is not None else s.iloc[0:0]
            if bval is None or not len(later):
                out.append(res)
                continue
            cur_date, cur_val = later["ref_date"].iloc[-1], float(later["value"].iloc[-1])
            tv = float(t["target_value"])
            res.update(
                baseline=bval, baseline_used_date=bdate, current=cur_val, current_date=cur_date, change=cur_val - bval
            )
            meets = (lambda v: v <= tv) if t["direction"] == "at_most" else (lambda v: v >= tv)
            gap = tv - bval
            if meets(bval):  # nothing to close at the baseline: 100 % while it stays met, else 0 %
                res["attainment_pct"] = 100.0 if meets(cur_val) else 0.0
            else:
                res["attainment_pct"] = 100.0 * (cur_val - bval) / gap
            xs = [0.0] + [years_between(bdate, d) for d in later["ref_date"] if d != bdate]
            ys = [bval] + [float(v) for d, v in zip(later["ref_date"], later["value"]) if d != bdate]
            if len(xs) >= 2 and max(xs) > 0:
                slope = float(np.polyfit(xs, ys, 1)[0])
            else:
                slope = None
            res["trend_per_year"] = slope
            if slope is not None:
                res["projected"] = cur_val + slope * years_between(cur_date, t["deadline"])
            eval_date = at or _dt.date.today().isoformat()
            if meets(cur_val):
                res["status"] = "achieved"
            elif t["deadline"] < eval_date:
                res["status"] = "missed"
            elif res["projected"] is not None and meets(res["projected"]):
                res["status"] = "on_track"
            else:
                res["status"] = "off_track"
            out.append(res)
        cols = list(targets.columns) + [
            "baseline",
            "baseline_used_date",
            "current",
            "current_date",
            "change",
            "attainment_pct",
            "trend_per_year",
            "projected",
            "status",
        ]
        return pd.DataFrame(out, columns=cols)
