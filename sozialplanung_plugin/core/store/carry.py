"""Carrying values of old social spaces onto new boundaries through block-level population weights."""

from __future__ import annotations

import datetime as _dt
from collections.abc import Callable, Iterable

from ..errors import InputError
from ..i18n import tr
from .base import StoreBase
from .common import CHUNK_SIZE, normalise_date, normalise_level
from .values import WriteResult


class CarryMixin(StoreBase):
    """carry_values (needs the unit, value and catalogue mixins)."""

    def carry_values(
        self,
        *,
        from_at: object,
        to_at: object,
        ref_dates: Iterable[object] | None = None,
        variables: Iterable[str] | None = None,
        weight_variable: str = "ew",
        level: str = "space",
        block_level: str = "block",
        progress: Callable[[float], object] | None = None,
    ) -> WriteResult:
        """Carry values of old social spaces onto new ones through block-level weights (flagged estimated).

        Old spaces: versions valid at `from_at`, with the block -> space assignment valid then; new spaces:
        versions and assignment valid at `to_at`. For each date, an old space's counts (and numerators,
        denominators) are split onto its blocks in proportion to the blocks' `weight_variable` (population) at
        that date (nearest date with weights if missing), then summed per new space. Rates are recomputed from
        the carried numerator and denominator; rates without them are weight-averaged. New spaces whose
        version and blocks did not change are left alone.
        """
        import numpy as np
        import pandas as pd

        level, block_level = normalise_level(level), normalise_level(block_level)
        from_at, to_at = normalise_date(from_at, "old boundary date"), normalise_date(to_at, "new boundary date")
        rec = self.catalogue()
        if rec is None:
            raise InputError(tr("The store has no catalogue and no values yet; nothing to carry."))
        indicators, countvars = self._catalogue_ids(rec[2])
        old_assign = self.assignment(block_level, level, from_at)
        new_assign = self.assignment(block_level, level, to_at)
        if not old_assign or not new_assign:
            raise InputError(
                tr(
                    "The store has no block -> {level} assignment valid at "
                    "{date}. Register the blocks with their "
                    "{level} (put_units with a parent column) for both boundary versions.",
                    level=level,
                    date=from_at if not old_assign else to_at,
                )
            )
        old_units = self.units(level, from_at, with_geometry=False).set_index("key")["fid"]
        new_units = self.units(level, to_at, with_geometry=False).set_index("key")["fid"]
        blocks = pd.DataFrame({"block": sorted(set(old_assign) | set(new_assign))})
        blocks["old"] = blocks["block"].map(old_assign)
        blocks["new"] = blocks["block"].map(new_assign)
        # new spaces that kept their version and their blocks need no estimate
        old_members = blocks.dropna(subset=["old"]).groupby("old")["block"].apply(frozenset)
        new_members = blocks.dropna(subset=["new"]).groupby("new")["block"].apply(frozenset)
        unchanged = {
            k
            for k in new_members.index
            if k in old_units.index
            and k in new_units.index
            and old_units[k] == new_units[k]
            and old_members.get(k) == new_members[k]
        }
        missing_new = sorted(set(new_members.index) - set(new_units.index))
        if missing_new:
            raise InputError(
                tr(
                    "Blocks are assigned to {level} key(s) not registered as units valid at {date}: "
                    "{keys}. Register the new {level} geometries first.",
                    level=level,
                    date=to_at,
                    keys=", ".join(missing_new[:10]),
                )
            )
        if ref_dates is None:
            ref_dates = sorted({d for d in self.dates(level)})
        days = [normalise_date(d) for d in ref_dates]
        weights_all = self.read_series(block_level, variables=[weight_variable], geometry_at=None)
        if not len(weights_all):
            raise InputError(
                tr(
                    "The store has no block values of '{variable}' to weight with. Write the block populations first.",
                    variable=weight_variable,
                )
            )
        wdates = sorted(weights_all["ref_date"].unique())
        frames = []
        for i, d in enumerate(days):
            old = self.read_slice(level, d, variables, geometry_at=from_at)
            if not len(old):
                continue
            wd = min(wdates, key=lambda x: (abs((_dt.date.fromisoformat(x) - _dt.date.fromisoformat(d)).days), x > d))
            w = weights_all[weights_all["ref_date"] == wd].set_index("unit_key")["value"]
            b = blocks.dropna(subset=["old", "new"]).copy()
            b["w"] = b["block"].map(w).fillna(0.0)
            tot = b.groupby("old")["w"].transform("sum")
            cnt = b.groupby("old")["w"].transform("size")
            b["share"] = np.where(tot > 0, b["w"] / tot.where(tot > 0, 1), 1.0 / cnt)
            for var, ov in old.groupby("variable"):
                ov = ov.set_index("unit_key")
                bb = b[b["old"].isin(ov.index)].copy()
                if not len(bb):
                    continue
                for c in ("value", "numerator", "denominator", "suppressed", "unreliable", "interpolated"):
                    bb[c] = bb["old"].map(ov[c])
                grp = bb.groupby("new")
                res = pd.DataFrame(index=grp.size().index)
                for c in ("numerator", "denominator"):
                    part = bb[c] * bb["share"]
                    res[c] = part.groupby(bb["new"]).sum(min_count=1)
                    res.loc[bb[c].isna().groupby(bb["new"]).any(), c] = np.nan
                ind = indicators.get(var)
                if ind is None or not ind.get("denominator"):  # additive
                    part = bb["value"] * bb["share"]
                    res["value"] = part.groupby(bb["new"]).sum(min_count=1)
                    res.loc[bb["value"].isna().groupby(bb["new"]).any(), "value"] = np.nan
                else:
                    mult = ind.get("multiplier")
                    if mult is None:
                        ok = ov["numerator"].notna() & ov["denominator"].notna() & (ov["numerator"] != 0)
                        mult = (
                            float((ov.loc[ok, "value"] * ov.loc[ok, "denominator"] / ov.loc[ok, "numerator"]).median())
                            if ok.any()
                            else None
                        )
                    if mult is not None and res["denominator"].notna().any():
                        res["value"] = np.where(
                            res["denominator"] > 0,
                            res["numerator"] / res["denominator"].where(res["denominator"] > 0) * float(mult),
                            np.nan,
                        )
                    else:
                        wv = bb["w"] * bb["value"]
                        wsum = bb["w"].where(bb["value"].notna()).groupby(bb["new"]).sum()
                        res["value"] = wv.groupby(bb["new"]).sum(min_count=1) / wsum.where(wsum > 0)
                for f in ("suppressed", "unreliable", "interpolated"):
                    res[f] = bb[f].groupby(bb["new"]).max().astype(int)
                res["estimated"] = 1
                res["note"] = f"carried from {level} boundaries of {from_at} by {weight_variable} of {wd}"
                res["variable"] = var
                res["ref_date"] = d
                res.index.name = "unit_key"
                frames.append(res.reset_index())
            if progress is not None:
                progress(0.8 * (i + 1) / len(days))
        if not frames:
            raise InputError(
                tr("No {level} values found for the old boundaries ({date}) to carry.", level=level, date=from_at)
            )
        df = pd.concat(frames, ignore_index=True)
        df = df[~df["unit_key"].isin(unchanged)]
        df["unit_fid"] = df["unit_key"].map(new_units).astype("int64")
        r = (
            self._write(
                df,
                level=level,
                record=rec,
                source=f"carry {from_at} -> {to_at}",
                source_sha256=None,
                operation="carry",
                progress=None,
                chunk_size=CHUNK_SIZE,
            )
            if len(df)
            else WriteResult("unchanged", message=tr("All spaces kept their boundaries; nothing to carry."))
        )
        if progress is not None:
            progress(1.0)
        r.details.update(unchanged_spaces=sorted(unchanged), dates=days)
        return r
