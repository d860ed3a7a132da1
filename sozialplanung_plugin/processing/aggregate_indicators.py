"""Aggregate indicators from statistical blocks to higher levels (social spaces, municipalities, county).

Thin glue: reads the unit layer and the statistics tables, computes the unit -> target assignments (fields,
or containment of each unit's point on surface in a target polygon layer), calls core.aggregate (and
core.disclosure) and writes one layer per level. Heavy modules are imported inside the methods.
"""

import json
import re
from dataclasses import dataclass, field

from qgis.core import (
    QgsDistanceArea,
    QgsFeatureRequest,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterMatrix,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsSpatialIndex,
    QgsUnitTypes,
)

from ..compat import AreaUnit, ProcessingNumberParameterType, ProcessingParameterFlag, ProcessingSourceType, WkbType
from ..core.i18n import fill
from . import _checks as ck
from . import _params as P
from ._outputs import apply_decoration, field_aliases, save_file_metadata
from .base import SozialplanungAlgorithm, attr_key, attr_keys, attr_str, layer_label, plain_value

LAYOUTS = ["wide", "long"]
MAX_FIELD_LEVELS = 3


class AggregateIndicators(SozialplanungAlgorithm):
    ALG_ID = "aggregateindicators"
    GROUP = "indicators"

    UNITS = "UNITS"
    UNIT_KEY = "UNIT_KEY"
    TABLES = "TABLES"
    TABLE_KEY = "TABLE_KEY"
    YEARS = "YEARS"
    CATALOGUE = "CATALOGUE"
    INDICATORS = "INDICATORS"
    LEVEL_FIELDS = "LEVEL_FIELDS"
    LEVEL_NAME_FIELDS = "LEVEL_NAME_FIELDS"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    TARGET_LAYER = "TARGET_LAYER"
    TARGET_KEY = "TARGET_KEY"
    TARGET_NAME = "TARGET_NAME"
    COUNTY = "COUNTY"
    COUNTY_NAME = "COUNTY_NAME"
    LAYOUT = "LAYOUT"
    REFERENCES = "REFERENCES"
    DISCLOSURE = "DISCLOSURE"
    THRESHOLD = "THRESHOLD"
    SUPPRESS_ZERO = "SUPPRESS_ZERO"
    PROTECTION_SHARE = "PROTECTION_SHARE"
    PROTECTION_WIDTH = "PROTECTION_WIDTH"
    DISCLOSURE_REPORT = "DISCLOSURE_REPORT"
    MISSING_AS_ZERO = "MISSING_AS_ZERO"
    DISSOLVE = "DISSOLVE"
    OUTPUT_UNITS = "OUTPUT_UNITS"
    OUTPUT_TARGET = "OUTPUT_TARGET"
    OUTPUT_COUNTY = "OUTPUT_COUNTY"
    REPORT = "REPORT"
    CHANGES = "CHANGES"

    def displayName(self):
        return self.tr("Aggregate indicators across levels and years")

    @staticmethod
    def output_level(n):
        return f"OUTPUT_{n}"

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.UNITS, self.tr("Spatial units (e.g. statistical blocks)"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.UNIT_KEY,
                self.tr("Unit key field (as in the tables' key column)"),
                parentLayerParameterName=self.UNITS,
            )
        )
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.TABLES, self.tr("Statistics tables (CSV/XLSX files)"), ProcessingSourceType.File
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.TABLE_KEY, self.tr("Key column in the tables (empty = detect)"), optional=True
            )
        )
        self.addParameter(
            P.years(
                QgsProcessingParameterString(
                    self.YEARS, self.tr("Years of tables without a year column, in order"), optional=True
                ),
                ordered=True,
                empty="tables",
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml);;JSON (*.json)",
                optional=True,
            )
        )
        self.addParameter(
            P.indicator_ids(
                QgsProcessingParameterString(
                    self.INDICATORS, self.tr("Indicators (none ticked = all that can be computed)"), optional=True
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LEVEL_FIELDS,
                self.tr("Assignment fields, lowest level first (e.g. sr_id, ags)"),
                parentLayerParameterName=self.UNITS,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.LEVEL_NAME_FIELDS,
                self.tr("Name fields of these levels (same order)"),
                parentLayerParameterName=self.UNITS,
                allowMultiple=True,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MUNICIPALITY_FIELD,
                self.tr("Municipality field (reference level; default: ags)"),
                parentLayerParameterName=self.UNITS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TARGET_LAYER,
                self.tr("Target areas (units assigned by their point on surface)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_KEY,
                self.tr("Key field of the target areas"),
                parentLayerParameterName=self.TARGET_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TARGET_NAME,
                self.tr("Name field of the target areas"),
                parentLayerParameterName=self.TARGET_LAYER,
                optional=True,
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.COUNTY, self.tr("Add the county level (all units)"), True))
        self.addParameter(
            QgsProcessingParameterString(self.COUNTY_NAME, self.tr("County name"), "Kreis", optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LAYOUT,
                self.tr("Layout of years"),
                [self.tr("wide: one row per unit, <id>_<year>"), self.tr("long: one row per unit and year")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterMatrix(
                self.CHANGES,
                self.tr("Change periods (empty = first to last year)"),
                numberRows=1,
                hasFixedNumberRows=False,
                headers=[self.tr("From (year)"), self.tr("To (year)")],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.REFERENCES, self.tr("Reference values of county and municipality"), True)
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DISCLOSURE,
                self.tr("Disclosure control: suppress small counts"),
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.THRESHOLD,
                self.tr("Suppress counts below (empty = the catalogue's threshold)"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1,
            )
        )
        self.addParameter(QgsProcessingParameterBoolean(self.SUPPRESS_ZERO, self.tr("Suppress zero counts too"), False))
        for name, label, default, maximum in (
            (self.PROTECTION_SHARE, self.tr("Protection interval: share of the suppressed value (0-1)"), 0.0, 1.0),
            (self.PROTECTION_WIDTH, self.tr("Protection interval: width in counts (0 = the threshold)"), 0.0, 1e6),
        ):
            p = QgsProcessingParameterNumber(
                name,
                label,
                ProcessingNumberParameterType.Double,
                default,
                optional=True,
                minValue=0.0,
                maxValue=maximum,
            )
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.MISSING_AS_ZERO, self.tr("Units without a table row count as zero"), False
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.DISSOLVE, self.tr("Dissolve the unit geometries per output unit"), True)
        )
        for n in range(1, MAX_FIELD_LEVELS + 1):
            p = QgsProcessingParameterFeatureSink(
                self.output_level(n),
                self.tr("Indicators of level {}").format(n),
                ProcessingSourceType.VectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_TARGET,
                self.tr("Indicators of the target areas"),
                ProcessingSourceType.VectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_COUNTY,
                self.tr("Indicators of the county"),
                ProcessingSourceType.VectorAnyGeometry,
                optional=True,
                createByDefault=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_UNITS,
                self.tr("Indicators of the units themselves"),
                ProcessingSourceType.VectorAnyGeometry,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT,
                self.tr("Report of unmatched keys"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.DISCLOSURE_REPORT,
                self.tr("Disclosure report: protection interval per suppressed cell (internal, holds the values)"),
                ProcessingSourceType.Vector,
                optional=True,
                createByDefault=False,
            )
        )
        P.arrange(
            self,
            advanced=[
                self.TABLE_KEY,
                self.YEARS,
                self.CATALOGUE,
                self.MUNICIPALITY_FIELD,
                self.TARGET_LAYER,
                self.TARGET_KEY,
                self.TARGET_NAME,
                self.COUNTY,
                self.COUNTY_NAME,
                self.LAYOUT,
                self.CHANGES,
                self.REFERENCES,
                self.THRESHOLD,
                self.SUPPRESS_ZERO,
                self.MISSING_AS_ZERO,
                self.DISSOLVE,
                self.output_level(3),
                self.OUTPUT_TARGET,
                self.OUTPUT_UNITS,
                self.REPORT,
                self.PROTECTION_SHARE,
                self.PROTECTION_WIDTH,
                self.DISCLOSURE_REPORT,
            ],
            helps={
                self.DISCLOSURE: self.tr(
                    "On for everything that is published. Switch it off only for internal work: small counts are "
                    "then shown as they are."
                ),
                self.THRESHOLD: self.tr(
                    "Empty: each indicator's threshold from the catalogue (3 unless the county set another). A "
                    "number here applies to all indicators as a minimum."
                ),
                self.LEVEL_FIELDS: self.tr(
                    "One output layer per field: level 1 = the first field (e.g. the social space id), level 2 "
                    "the next (e.g. the municipality key)."
                ),
                self.MISSING_AS_ZERO: self.tr("Else a sum with such a unit is marked incomplete (a lower bound)."),
                self.CHANGES: self.tr(
                    "One row per period, From and To years of the tables (e.g. 2009 | 2014, 2014 | 2025); empty: "
                    "from the first to the last year. As text (batch, qgis_process): 2009-2014, 2014-2025, or the "
                    "cells row by row: 2009,2014,2014,2025."
                ),
            },
        )
        self.addOutput(QgsProcessingOutputString("METHOD", self.tr("Method and catalogue version (JSON)")))
        self.addOutput(QgsProcessingOutputString("INDICATORS_COMPUTED", self.tr("Indicators computed")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_TABLE_KEYS", self.tr("Table keys without a unit")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_UNIT_KEYS", self.tr("Units without a table row")))
        self.addOutput(QgsProcessingOutputNumber("SUPPRESSED_CELLS", self.tr("Cells suppressed")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        """Phases: options -> catalogue and tables -> units -> key report -> levels -> the core -> one layer
        per level -> report and results."""
        from ..core.inputs import parse_change_pairs

        opt = self._options(parameters, context)
        feedback.setProgressText(self.tr("Reading catalogue and tables"))
        inputs = self._inputs(parameters, context, feedback)
        feedback.setProgressText(self.tr("Reading units"))
        units = self._read_units(
            opt.source,
            opt.key_field,
            opt.level_fields,
            opt.name_fields,
            opt.target is not None or opt.dissolve,
            context,
            feedback,
        )
        report = self._key_report(opt, inputs, units["keys"], feedback)
        plan = self._levels(parameters, opt, units, report, context, feedback)
        feedback.setProgress(30)
        change_pairs = parse_change_pairs(self._changes_value(parameters, context), sorted(inputs.tables))
        feedback.setProgressText(self.tr("Aggregating"))
        out = self._aggregate(opt, inputs, plan, change_pairs, feedback)
        any_meta = next(iter(out.values())).meta
        results = self._write_levels(parameters, context, feedback, opt, inputs, units, plan, out)
        # unused level outputs stay unset
        if opt.disclosure:
            feedback.pushInfo(
                self.tr("Disclosure control: {} cells suppressed (threshold {}).").format(
                    any_meta.get("disclosure_cells_suppressed", 0),
                    opt.threshold if opt.threshold is not None else self.tr("from the catalogue"),
                )
            )
            self._disclosure_report(parameters, context, feedback, out, results, opt.source.sourceCrs())
        if parameters.get(self.REPORT) not in (None, ""):
            dest = self._write_report(parameters, context, report, opt.source.sourceCrs())
            if dest is not None:
                results[self.REPORT] = dest
        feedback.setProgress(100)
        method = dict(any_meta)
        method.pop("level", None)
        results.update(
            {
                "METHOD": json.dumps(method, ensure_ascii=False, default=str),
                "INDICATORS_COMPUTED": ",".join(any_meta["indicators"]),
                "UNMATCHED_TABLE_KEYS": report.n_table_only,
                "UNMATCHED_UNIT_KEYS": report.n_units_only,
                "SUPPRESSED_CELLS": int(any_meta.get("disclosure_cells_suppressed", 0)),
            }
        )
        return results

    # --- phases -----------------------------------------------------------------------------------------
    def _options(self, parameters, context):
        """The parameters, read once and checked (fields exist, at least one target level)."""
        source = self.require_layer(self.parameterAsSource(parameters, self.UNITS, context), self.UNITS)
        key_field = self.parameterAsString(parameters, self.UNIT_KEY, context)
        level_fields = self.parameter_as_field_names(parameters, self.LEVEL_FIELDS, context)
        name_fields = self.parameter_as_field_names(parameters, self.LEVEL_NAME_FIELDS, context)
        mun_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context)
        if len(level_fields) > MAX_FIELD_LEVELS:
            raise QgsProcessingException(self.tr("At most {} assignment fields can be given.").format(MAX_FIELD_LEVELS))
        if name_fields and len(name_fields) != len(level_fields):
            raise QgsProcessingException(
                self.tr(
                    "Give one name field per assignment field ({} assignment fields, {} name fields), or none."
                ).format(len(level_fields), len(name_fields))
            )
        if mun_field and mun_field not in level_fields:
            level_fields = list(level_fields) + [mun_field]
            name_fields = list(name_fields) + [None] if name_fields else []
        self.require_fields(source, [key_field, *level_fields, *[n for n in name_fields if n]])
        if source.featureCount() == 0:
            raise QgsProcessingException(self.tr("The unit layer has no features. Choose a layer with units."))
        target = self.parameterAsSource(parameters, self.TARGET_LAYER, context)
        target_key = self.parameterAsString(parameters, self.TARGET_KEY, context)
        target_name = self.parameterAsString(parameters, self.TARGET_NAME, context)
        if target is not None:
            if not target_key:
                raise QgsProcessingException(self.tr("Choose the key field of the target polygon layer."))
            self.require_fields(target, [target_key, target_name])
            ck.require_polygons(target, layer_label(target), self.tr("target areas"))
            ck.require_plausible_crs(target, layer_label(target))
        ck.require_plausible_crs(source, layer_label(source))
        # empty: each indicator's own threshold from the catalogue (default 3); given: at least this for all
        given = parameters.get(self.THRESHOLD)
        opt = _AggregateOptions(
            source=source,
            key_field=key_field,
            level_fields=level_fields,
            name_fields=name_fields,
            mun_field=mun_field,
            target=target,
            target_key=target_key,
            target_name=target_name,
            county=self.parameterAsBool(parameters, self.COUNTY, context),
            county_name=self.parameterAsString(parameters, self.COUNTY_NAME, context) or "Kreis",
            layout=LAYOUTS[self.parameterAsEnum(parameters, self.LAYOUT, context)],
            references=self.parameterAsBool(parameters, self.REFERENCES, context),
            disclosure=self.parameterAsBool(parameters, self.DISCLOSURE, context),
            threshold=None
            if given is None or given == ""
            else self.parameterAsInt(parameters, self.THRESHOLD, context),
            suppress_zero=self.parameterAsBool(parameters, self.SUPPRESS_ZERO, context),
            missing_rows="zero" if self.parameterAsBool(parameters, self.MISSING_AS_ZERO, context) else "incomplete",
            dissolve=self.parameterAsBool(parameters, self.DISSOLVE, context),
            protection_share=self.parameterAsDouble(parameters, self.PROTECTION_SHARE, context),
            protection_width=self.parameterAsDouble(parameters, self.PROTECTION_WIDTH, context) or None,
        )
        if not level_fields and target is None and not opt.county:
            raise QgsProcessingException(
                self.tr("No target level: choose assignment fields, a target polygon layer or the county level.")
            )
        return opt

    def _changes_value(self, parameters, context):
        """The change periods as given: a text (the old '2009-2014, 2014-2025' or a command line's
        '2009,2014,2014,2025') as it is, a table From | To as its flat list of cells (core.inputs reads both)."""
        value = parameters.get(self.CHANGES)
        if value is None or isinstance(value, str):
            return value or ""
        # the dialog's empty table row comes as [NULL] (a null QVariant): plain values, so that it reads as empty
        return [plain_value(v) for v in self.parameterAsMatrix(parameters, self.CHANGES, context) or []]

    def _inputs(self, parameters, context, feedback):
        """The catalogue, the tables by year and the chosen indicators (all when none is named)."""
        from ..core.inputs import load_catalogue_any, read_tables

        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        indicators, cat_version, catalogue = load_catalogue_any(cat_path or None)
        all_indicators = list(indicators)
        paths = [p for p in self.parameterAsFileList(parameters, self.TABLES, context) if p]
        if not paths:
            raise QgsProcessingException(self.tr("Choose at least one statistics table."))
        tables, info = read_tables(
            paths,
            self.parameterAsString(parameters, self.YEARS, context),
            self.parameterAsString(parameters, self.TABLE_KEY, context),
            catalogue,
            feedback.pushWarning,
        )
        feedback.setProgress(15)
        self.check_canceled(feedback)
        wanted = [
            s.strip()
            for s in re.split(r"[,;\s]+", self.parameterAsString(parameters, self.INDICATORS, context) or "")
            if s.strip()
        ]
        if wanted:
            known = {i.id: i for i in indicators}
            unknown = [w for w in wanted if w not in known]
            if unknown:
                raise QgsProcessingException(
                    self.tr("Unknown indicator id(s): {}. The catalogue has: {}.").format(
                        ", ".join(unknown), ", ".join(sorted(known))
                    )
                )
            indicators = [known[w] for w in wanted]
        return _Inputs(indicators, all_indicators, cat_version, catalogue, tables, info, wanted)

    def _key_report(self, opt, inputs, keys, feedback):
        """Table keys against unit keys per table and year: report rows, warnings; no match at all stops."""
        from ..core.fields import match_keys

        report = _KeyReport()
        last = None  # (table keys, report): consecutive years usually have the same keys
        for name, year, _table in inputs.info:
            tkeys = inputs.tables[year][0].index
            if last is not None and last[0].equals(tkeys):
                rep = last[1]
            else:
                rep = match_keys(tkeys, keys)
                last = (tkeys, rep)
            report.n_table_only += len(rep.only_in_table)
            report.n_units_only += len(rep.only_in_layer)
            report.rows += [
                ("table_only", name, year, k, self.tr("table row without a unit")) for k in rep.only_in_table
            ]
            report.rows += [
                ("units_only", name, year, k, self.tr("unit without a table row")) for k in rep.only_in_layer
            ]
            if not rep.ok:
                feedback.pushWarning(f"{name} ({year}): {rep.message()}")
            if not rep.matched:
                raise QgsProcessingException(
                    self.tr("{name}: no key of the table matches the unit key field '{field}'. {msg}").format(
                        name=name, field=opt.key_field, msg=rep.message()
                    )
                )
        return report

    def _levels(self, parameters, opt, units, report, context, feedback):
        """The output levels, lowest first: units, target polygons, assignment fields, county; their sinks,
        names and areas."""
        import pandas as pd

        from ..core import aggregate as ag

        keys = units["keys"]
        plan = _LevelPlan()
        for n, f in enumerate(opt.level_fields, start=1):
            assign = units["fields"][f]
            unassigned = assign.index[assign.isna()]
            report.rows += [
                ("unassigned", f, None, k, self.tr("unit has no value in '{}'").format(f)) for k in unassigned
            ]
            level_name = "municipality" if (f == opt.mun_field or (not opt.mun_field and f.lower() == "ags")) else f
            plan.add(
                ag.Level(level_name, assign.dropna()),
                self.output_level(n) if n <= MAX_FIELD_LEVELS else None,
                units["names"].get(opt.name_fields[n - 1]) if opt.name_fields and opt.name_fields[n - 1] else None,
            )
        if opt.target is not None:
            assign, target_names, plan.target_geoms = self._containment(
                units, opt.target, opt.target_key, opt.target_name, opt.source.sourceCrs(), context, feedback
            )
            report.rows += [
                ("outside_targets", "target", None, k, self.tr("unit point lies in no target"))
                for k in assign.index[assign.isna()]
            ]
            plan.add(ag.Level("target", assign.dropna()), self.OUTPUT_TARGET, target_names, first=True)
        if opt.county:
            # only units of the layer (table rows without a unit are reported, not counted)
            plan.add(
                ag.Level("county", pd.Series(opt.county_name, index=keys), key=opt.county_name),
                self.OUTPUT_COUNTY,
                pd.Series({opt.county_name: opt.county_name}),
            )
        if parameters.get(self.OUTPUT_UNITS) not in (None, ""):
            # only the layer's units: table rows without a unit are reported, never published
            plan.add(ag.Level("units", pd.Series(list(keys), index=keys)), self.OUTPUT_UNITS, None, first=True)
        for lv in plan.levels:
            lv.area = _level_area(lv, units["area"])
        return plan

    def _aggregate(self, opt, inputs, plan, change_pairs, feedback):
        """core.aggregate over all levels; returns level name -> LevelResult."""
        from ..core import aggregate as ag
        from ..core.errors import InputError

        try:
            out = ag.aggregate_levels(
                inputs.tables,
                plan.levels,
                inputs.indicators,
                disclosure=opt.disclosure,
                threshold=opt.threshold,
                suppress_zero=opt.suppress_zero,
                protection_share=opt.protection_share,
                protection_width=opt.protection_width,
                references=opt.references,
                municipality_level="municipality",
                layout=opt.layout,
                county_level="county" if opt.county else None,
                missing_rows=opt.missing_rows,
                catalogue_version=inputs.cat_version,
                catalogue=inputs.all_indicators,
                change_pairs=change_pairs,
            )
        except InputError as err:
            if getattr(err, "skipped", None):
                raise QgsProcessingException(
                    ck.skipped_message(err.skipped, inputs.catalogue, inputs.info, none=True)
                ) from err
            raise QgsProcessingException(str(err)) from err
        feedback.setProgress(55)
        any_meta = next(iter(out.values())).meta
        skipped = any_meta["skipped_indicators"]
        if skipped:
            feedback.pushWarning(ck.skipped_message(skipped, inputs.catalogue, inputs.info))
        feedback.pushInfo(self.tr("Indicators computed: {}").format(", ".join(any_meta["indicators"])))
        return out

    def _write_levels(self, parameters, context, feedback, opt, inputs, units, plan, out):
        """One layer per level (key, name, units, area, method, indicator fields), geometries where wanted."""
        import pandas as pd

        results, geoms_by_level = {}, {}
        crs = opt.source.sourceCrs()
        ind_by_id = {i.id: i for i in inputs.indicators}
        levels = plan.levels
        for i, (lv, sink_name, names) in enumerate(zip(levels, plan.sinks, plan.names)):
            self.check_canceled(feedback)
            res = out[lv.name]
            geoms = None
            if opt.dissolve or lv.name == "target":
                geoms = (
                    plan.target_geoms
                    if lv.name == "target"
                    else self._dissolve(lv, levels[:i], geoms_by_level, units, feedback)
                )
                geoms_by_level[lv.name] = geoms
            frame = res.frame
            lead = pd.DataFrame(index=frame.index)
            lead["key"] = frame.index.astype(str)
            if names is not None:
                lead["name"] = [None if pd.isna(x) else str(x) for x in names.reindex(frame.index)]
            lead["n_units"] = _unit_counts(lv, units["keys"]).reindex(frame.index).fillna(0).astype("int64")
            if lv.area is not None:
                lead["area_km2"] = lv.area.reindex(frame.index).astype(float)
            meta = dict(res.meta, level_field=lv.name)
            lead["sp_method"] = json.dumps(meta, ensure_ascii=False, default=str)
            full = pd.concat([lead, frame], axis=1)
            aliases = field_aliases(full.columns, ind_by_id, self.tr)
            fields = self.fields_for_frame(full, aliases)
            if fields.count() > 1999:
                feedback.pushWarning(
                    self.tr(
                        "Level {lv}: {n} fields. GeoPackage and SQLite allow at most 1999 columns: choose the long "
                        "layout, fewer indicators or fewer years for file outputs."
                    ).format(lv=lv.name, n=fields.count())
                )
            wkb = WkbType.MultiPolygon if geoms is not None else WkbType.NoGeometry
            sink, dest = self.parameterAsSink(parameters, sink_name, context, fields, wkb, crs)
            if sink is None:
                continue
            self.write_frame(
                sink,
                fields,
                full,
                geometries=geoms,
                feedback=feedback,
                progress_span=(55 + 40 * i / len(levels), 55 + 40 * (i + 1) / len(levels)),
            )
            del sink  # closes a file output, so that its metadata can be stored next to it
            results[sink_name] = dest
            self._decorate(dest, aliases, meta, context)
            self._name_and_style(
                dest, lv.name, full, opt.level_fields, opt.county_name, inputs.tables, inputs.wanted, ind_by_id, context
            )
            save_file_metadata(dest, meta, feedback)
        return results

    def _write_report(self, parameters, context, report, crs):
        """The key report as a table (kind, source, year, key, message); its destination or None."""
        import pandas as pd

        frame = pd.DataFrame(report.rows, columns=["kind", "source", "year", "key", "message"])
        frame["year"] = frame["year"].astype("Int64")
        fields = self.fields_for_frame(frame.astype({"year": "float"}))
        sink, dest = self.parameterAsSink(parameters, self.REPORT, context, fields, WkbType.NoGeometry, crs)
        if sink is None:
            return None
        self.write_frame(sink, fields, frame.astype({"year": "float"}))
        return dest

    # ------------------------------------------------------------------------------------------------
    def _name_and_style(self, dest, level, frame, level_fields, county_name, tables, wanted, ind_by_id, context):
        """'Indikatoren Sozialräume 2025' and a choropleth of a key indicator in its latest year (issue 19), on the
        layer in the project and as the GeoPackage's default style; wide layout only (long: the name)."""
        from . import _styles

        year = max(tables) if tables else None
        label = _styles.level_label(level, level_fields[0] if level_fields else None, county_name)
        name = _styles.output_name(label, year)
        renderer = None
        present = [c for c in ind_by_id if c in frame.columns or f"{c}_{year}" in frame.columns]
        lead = _styles.lead_indicator(present, wanted, rates=[c for c in present if ind_by_id[c].denominator])

        if lead is not None and year is not None and f"{lead}_{year}" in frame.columns:
            renderer, _title = _styles.indicator_renderer(frame, ind_by_id[lead], year)
        _styles.style_output(context, dest, name, renderer)

    def _disclosure_report(self, parameters, context, feedback, out, results, crs):
        """Protection interval per suppressed cell: a summary line, and the table if asked for."""
        import pandas as pd

        parts = [r.disclosure for r in out.values() if r.disclosure is not None and len(r.disclosure)]
        if not parts:
            return
        rep = pd.concat(parts, ignore_index=True)
        prim = rep[rep["kind"] == "primary"]
        width = (prim["high"] - prim["low"]).min() if len(prim) else float("nan")
        feedback.pushInfo(
            fill(
                self.tr(
                    "Protection intervals: {ok} of {n} primary cells keep theirs against an attacker who solves the "
                    "linear bounds of all published totals (narrowest interval {w:g}); {s} secondary cells."
                ),
                ok=int(prim["protected"].sum()),
                n=len(prim),
                w=width,
                s=int((rep["kind"] != "primary").sum()),
            )
        )
        if not prim["protected"].all():
            feedback.pushWarning(
                self.tr("{} primary cells keep a narrower interval than required: see the disclosure report.").format(
                    int((~prim["protected"]).sum())
                )
            )
        if parameters.get(self.DISCLOSURE_REPORT) in (None, ""):
            return
        rep = rep.astype({"protected": bool})
        fields = self.fields_for_frame(rep)
        sink, dest = self.parameterAsSink(parameters, self.DISCLOSURE_REPORT, context, fields, WkbType.NoGeometry, crs)
        if sink is not None:
            self.write_frame(sink, fields, rep)
            results[self.DISCLOSURE_REPORT] = dest

    def _decorate(self, dest, aliases, meta, context):
        """Field aliases and the method record on the output layer (memory now, files when loaded)."""
        layer = context.temporaryLayerStore().mapLayer(dest) if context.temporaryLayerStore() else None
        if layer is not None:
            apply_decoration(layer, aliases, meta)
        if context.willLoadLayerOnCompletion(dest):
            post = _Decorator(aliases, meta)
            # QGIS does not take ownership: keep it past the run (the dialog's copy of the algorithm may be gone
            # before the layer is loaded)
            _POST_PROCESSORS.append(post)
            del _POST_PROCESSORS[:-20]
            context.layerToLoadOnCompletionDetails(dest).setPostProcessor(post)

    def _read_units(self, source, key_field, level_fields, name_fields, need_geometry, context, feedback):
        """Keys, assignment fields, names and areas (km²) of the units; geometries when needed."""
        import numpy as np
        import pandas as pd

        da = QgsDistanceArea()
        da.setSourceCrs(source.sourceCrs(), context.transformContext())
        da.setEllipsoid(context.ellipsoid() or "NONE")
        factor = QgsUnitTypes.fromUnitToUnitFactor(da.areaUnits(), AreaUnit.SquareKilometers)
        fields = source.fields()
        idx_key = fields.lookupField(key_field)
        idx_levels = [fields.lookupField(f) for f in level_fields]
        names = [n for n in name_fields if n]
        idx_names = [fields.lookupField(n) for n in names]
        request = QgsFeatureRequest()
        request.setSubsetOfAttributes([idx_key, *idx_levels, *idx_names])
        # one pass that only collects (20,000 blocks: the per-feature Python work is the cost); keys,
        # assignments and names are converted column by column afterwards
        rows, areas, glist = [], [], []
        measure, nan = da.measureArea, float("nan")
        total = max(source.featureCount(), 1)
        for i, feat in enumerate(source.getFeatures(request)):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(15 + 10 * i / total)
            rows.append(feat.attributes())
            g = feat.geometry()
            areas.append(nan if g.isNull() else measure(g))
            if need_geometry:
                glist.append(g)
        all_keys = attr_keys([a[idx_key] for a in rows])
        keep = [k is not None for k in all_keys]
        if all(keep):
            keys = all_keys
        else:
            keys = [k for k in all_keys if k is not None]
            rows = [a for a, t in zip(rows, keep) if t]
            areas = [x for x, t in zip(areas, keep) if t]
            glist = [g for g, t in zip(glist, keep) if t]
        cols = {f: attr_keys([a[j] for a in rows]) for f, j in zip(level_fields, idx_levels)}
        name_cols = {n: [attr_str(v) for v in (a[j] for a in rows)] for n, j in zip(names, idx_names)}
        geoms = dict(zip(keys, glist)) if need_geometry else {}
        areas = np.asarray(areas, dtype=float) * factor
        key_index = pd.Index(keys)
        if key_index.has_duplicates:
            dup = key_index[key_index.duplicated()].unique()[:5]
            raise QgsProcessingException(
                self.tr("The unit key field '{f}' has duplicate values ({d}). Each unit needs its own key.").format(
                    f=key_field, d=", ".join(dup)
                )
            )
        out = {
            "keys": key_index,
            "area": pd.Series(areas, index=key_index, dtype=float),
            "geoms": geoms,
            "fields": {f: pd.Series(cols[f], index=key_index, dtype=object) for f in level_fields},
            "names": {},
        }
        for f, n in zip(level_fields, name_fields or []):
            if n:
                s = pd.Series(name_cols[n], index=key_index, dtype=object)
                a = out["fields"][f]
                out["names"][n] = s.groupby(a).first()
        return out

    def _containment(self, units, target, key_field, name_field, crs, context, feedback):
        """Assign each unit to the target polygon containing its point on surface."""
        import pandas as pd
        from qgis.core import QgsCoordinateTransform

        transform = None
        if target.sourceCrs() != crs:
            transform = QgsCoordinateTransform(target.sourceCrs(), crs, context.transformContext())
        index = QgsSpatialIndex()
        tgeoms, tkeys, tnames = {}, {}, {}
        for feat in target.getFeatures():
            g = QgsGeometry(feat.geometry())
            if transform is not None:
                g.transform(transform)
            feat.setGeometry(g)
            index.addFeature(feat)
            tgeoms[feat.id()] = g
            tkeys[feat.id()] = attr_key(feat[key_field])
            tnames[feat.id()] = str(feat[name_field]) if name_field and feat[name_field] is not None else None
        engines = {}
        assign = {}
        for i, (k, g) in enumerate(units["geoms"].items()):
            if i % 1000 == 0:
                self.check_canceled(feedback)
            p = g.pointOnSurface()
            hit = None
            for fid in index.intersects(p.boundingBox()):
                eng = engines.get(fid)
                if eng is None:
                    eng = QgsGeometry.createGeometryEngine(tgeoms[fid].constGet())
                    eng.prepareGeometry()
                    engines[fid] = eng
                if eng.intersects(p.constGet()):
                    hit = tkeys[fid]
                    break
            assign[k] = hit
        assign = pd.Series(assign, dtype=object).reindex(units["keys"])
        names = pd.Series({tkeys[f]: tnames[f] for f in tkeys}) if name_field else None
        out_geoms = {}
        for f, g in tgeoms.items():
            g = QgsGeometry(g)
            g.convertToMultiType()
            out_geoms[tkeys[f]] = g
        return assign, names, out_geoms

    def _dissolve(self, level, lower_levels, geoms_by_level, units, feedback):
        """Union of member geometries; from the next lower dissolved level when it nests (much faster)."""
        from ..core import aggregate as ag

        target = ag.base_assignment(level, units["keys"])
        members, source = None, units["geoms"]
        for lower in reversed(lower_levels):
            if lower.name in geoms_by_level and lower.name != "target":
                low = ag.base_assignment(lower, units["keys"])
                mapping, nested = ag.parent_mapping(low, target)
                if nested and low.index.equals(target.index):
                    members = mapping
                    source = geoms_by_level[lower.name]
                break
        if members is None:
            members = target
        out = {}
        groups = members.groupby(members).groups
        for i, (t, idx) in enumerate(groups.items()):
            if i % 50 == 0:
                self.check_canceled(feedback)
            parts = [source[k] for k in idx if k in source and not source[k].isNull()]
            g = QgsGeometry.unaryUnion(parts) if len(parts) > 1 else (QgsGeometry(parts[0]) if parts else QgsGeometry())
            if not g.isNull():
                g.convertToMultiType()
            out[str(t)] = g
        return out


@dataclass
class _AggregateOptions:
    """The parameters of one run, read and checked once."""

    source: object
    key_field: str
    level_fields: list
    name_fields: list
    mun_field: str
    target: object
    target_key: str
    target_name: str
    county: bool
    county_name: str
    layout: str
    references: bool
    disclosure: bool
    threshold: int | None
    suppress_zero: bool
    missing_rows: str
    dissolve: bool
    protection_share: float = 0.0
    protection_width: float | None = None


@dataclass
class _Inputs:
    """Catalogue and tables: the chosen and all indicators, the catalogue version, tables by year."""

    indicators: list
    all_indicators: list
    cat_version: object
    catalogue: object  # the alias source of the tables' headers
    tables: dict
    info: list
    wanted: list


@dataclass
class _KeyReport:
    """Report rows (kind, source, year, key, message) and the unmatched key counts."""

    rows: list = field(default_factory=list)
    n_table_only: int = 0
    n_units_only: int = 0


@dataclass
class _LevelPlan:
    """The output levels (lowest first) with their sinks and names; the target polygons' geometries."""

    levels: list = field(default_factory=list)
    sinks: list = field(default_factory=list)
    names: list = field(default_factory=list)
    target_geoms: dict = field(default_factory=dict)

    def add(self, level, sink, names, first=False):
        at = 0 if first else len(self.levels)
        self.levels.insert(at, level)
        self.sinks.insert(at, sink)
        self.names.insert(at, names)


_POST_PROCESSORS = []


class _Decorator(QgsProcessingLayerPostProcessorInterface):
    """Decorates a file output when QGIS loads it at the end of the run."""

    def __init__(self, aliases, meta):
        super().__init__()
        self.aliases, self.meta = aliases, meta

    def postProcessLayer(self, layer, context, feedback):  # noqa: N802
        apply_decoration(layer, self.aliases, self.meta)


def _level_area(level, area):
    import pandas as pd

    from ..core import aggregate as ag

    a = ag.base_assignment(level, area.index)
    return (
        pd.Series(area.to_numpy(), index=a.reindex(area.index).to_numpy()).groupby(level=0).sum(min_count=1)
        if len(a)
        else None
    )


def _unit_counts(level, keys):
    from ..core import aggregate as ag

    a = ag.base_assignment(level, keys)
    return a.value_counts()
