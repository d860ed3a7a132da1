"""Evaluate the store's targets: attainment per space and indicator, trend since the baseline, projection.

The arithmetic lives in core.store.Store.evaluate_targets (no QGIS); this algorithm writes one feature per
target (geometry of the unit valid at the evaluation date) and an HTML report for the planning conference.
"""

import html

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterString,
)

from ..compat import ProcessingSourceType, WkbType
from . import _store as st
from .base import SozialplanungAlgorithm

STATUSES = ["achieved", "on_track", "off_track", "missed", "no_data"]


class EvaluateTargets(SozialplanungAlgorithm):
    ALG_ID = "evaluatetargets"
    GROUP = "monitoring"

    DATE = "DATE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):
        return self.tr("Evaluate targets (attainment and trend)")

    def initAlgorithm(self, config=None):
        st.add_store_parameters(self, with_level=False)
        self.addParameter(
            QgsProcessingParameterString(
                self.DATE,
                self.tr("Evaluation date or year (empty = today)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Target attainment"), ProcessingSourceType.VectorAnyGeometry
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.REPORT, self.tr("Report (HTML)"), "HTML (*.html)", optional=True, createByDefault=False
            )
        )
        for s in STATUSES:
            self.addOutput(QgsProcessingOutputNumber(f"N_{s.upper()}", self.tr("Targets {}").format(s)))

    def compute(self, parameters, context, feedback):
        import pandas as pd

        from ..core.store import normalise_date

        date = self.parameterAsString(parameters, self.DATE, context).strip() or None
        at = normalise_date(date, "evaluation date") if date else None
        st.check_output_folder(self, parameters, self.OUTPUT, context)
        st.check_output_folder(self, parameters, self.REPORT, context)
        with st.store_session(self, parameters, context, feedback, write=False) as store:
            ev = store.evaluate_targets(at=at)
            if not len(ev):
                raise QgsProcessingException(
                    self.tr(
                        "The store has no targets. Import them first with 'Import targets into the monitoring store'."
                    )
                )
            feedback.setProgress(50)
            rec = store.catalogue()
            names = (
                {i["id"]: i.get("short_name") or i.get("name") or i["id"] for i in rec[2]["indicators"]} if rec else {}
            )
            units, geoms = {}, {}
            for level in sorted(ev["level"].unique()):
                u = store.units(level, at=at)
                for k, n, w in zip(u["key"], u["name"], u["wkb"]):
                    units[(level, k)] = n
                    geoms[(level, k)] = st.geometry_from_wkb(w)
            crs = st.store_crs(store)
        ev.insert(2, "indicator_name", ev["indicator"].map(names).fillna(ev["indicator"]))
        ev.insert(5, "unit_name", [units.get((lv, k)) for lv, k in zip(ev["level"], ev["unit_key"])])
        ev = ev.drop(columns=["baseline_value"]).rename(columns={"baseline_used_date": "baseline_date_used"})
        for c in ev.columns:
            if ev[c].dtype == object:
                ev[c] = ev[c].where(ev[c].notna(), None)
        for c in ("baseline", "current", "change", "attainment_pct", "trend_per_year", "projected"):
            ev[c] = pd.to_numeric(ev[c], errors="coerce").astype(float)
        ev["target_id"] = ev["target_id"].astype("int64")
        fields = self.fields_for_frame(ev)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        keyed = ev.copy()
        keyed.index = pd.Index(list(zip(ev["level"], ev["unit_key"])), tupleize_cols=False)
        self.write_frame(sink, fields, keyed, geometries=geoms, feedback=feedback, progress_span=(60, 90))
        counts = ev["status"].value_counts()
        results = {self.OUTPUT: dest}
        for s in STATUSES:
            results[f"N_{s.upper()}"] = int(counts.get(s, 0))
        report = self.parameterAsFileOutput(parameters, self.REPORT, context)
        if report:
            with open(report, "w", encoding="utf-8") as fh:
                fh.write(report_html(ev, at))
            results[self.REPORT] = report
        feedback.pushInfo(", ".join(f"{s}: {results[f'N_{s.upper()}']}" for s in STATUSES))
        return results


def _num(v, digits=1):
    try:
        if v is None or v != v:
            return "–"
    except TypeError:
        return "–"
    return f"{v:,.{digits}f}".replace(",", " ")


def report_html(ev, at):
    """A short HTML report: status counts per indicator, then one line per target."""
    label = {
        "achieved": "achieved / erreicht",
        "on_track": "on track / auf Kurs",
        "off_track": "off track / nicht auf Kurs",
        "missed": "missed / verfehlt",
        "no_data": "no data / keine Daten",
    }
    colour = {
        "achieved": "#1a9641",
        "on_track": "#a6d96a",
        "off_track": "#fdae61",
        "missed": "#d7191c",
        "no_data": "#bbbbbb",
    }
    out = [
        "<!DOCTYPE html><html><head><meta charset='utf-8'><title>Zielerreichung / Target attainment</title>",
        "<style>body{font-family:sans-serif;font-size:10pt}table{border-collapse:collapse}"
        "td,th{border:1px solid #999;padding:2px 6px}td.n{text-align:right}</style></head><body>",
        f"<h1>Zielerreichung / Target attainment</h1><p>Evaluated at / Stand: {html.escape(at or 'today')}. "
        f"{len(ev)} targets. Attainment = (current − baseline) / (target − baseline) × 100; trend = linear "
        f"regression per year since the baseline; projected = current + trend × years to the deadline.</p>",
        "<h2>Per indicator / je Indikator</h2><table><tr><th>Indicator</th>"
        + "".join(f"<th>{label[s]}</th>" for s in STATUSES)
        + "</tr>",
    ]
    for ind, part in ev.groupby("indicator_name"):
        c = part["status"].value_counts()
        out.append(
            f"<tr><td>{html.escape(str(ind))}</td>"
            + "".join(f"<td class='n'>{int(c.get(s, 0))}</td>" for s in STATUSES)
            + "</tr>"
        )
    out.append(
        "</table><h2>Targets / Ziele</h2><table><tr><th>Indicator</th><th>Unit</th><th>Target</th>"
        "<th>Deadline</th><th>Baseline</th><th>Current</th><th>Attainment %</th><th>Trend / year</th>"
        "<th>Projected</th><th>Status</th></tr>"
    )
    for r in ev.sort_values(["indicator_name", "unit_key", "deadline"]).to_dict("records"):
        sign = "≤" if r["direction"] == "at_most" else "≥"
        unit = html.escape(str(r["unit_name"] or r["unit_key"]))
        out.append(
            f"<tr><td>{html.escape(str(r['indicator_name']))}</td><td>{unit}</td>"
            f"<td class='n'>{sign} {_num(r['target_value'])}</td><td>{r['deadline']}</td>"
            f"<td class='n'>{_num(r['baseline'])} ({r['baseline_date_used'] or '–'})</td>"
            f"<td class='n'>{_num(r['current'])} ({r['current_date'] or '–'})</td>"
            f"<td class='n'>{_num(r['attainment_pct'], 0)}</td><td class='n'>{_num(r['trend_per_year'], 2)}</td>"
            f"<td class='n'>{_num(r['projected'])}</td>"
            f"<td style='background:{colour[r['status']]}'>{label[r['status']]}</td></tr>"
        )
    out.append("</table></body></html>")
    return "\n".join(out)
