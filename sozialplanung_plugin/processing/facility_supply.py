"""Facility supply per social space, municipality and county: counts, capacities, ratios per target group.

Thin glue: facilities (points, or polygons by point on surface) are placed in the social spaces, their types
read through the facility types file (core.facilities), the target groups summed from a population layer
(blocks or grid cells: its fields, or statistics tables joined by key) or taken from the spaces' own fields;
the core computes the indicators per year (facilities open on 31 December) in the field contract.
"""

import json

from qgis.core import (
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core.fields import fmt_de, parse_facility_field
from . import _access as A
from . import _checks as ck
from . import _params as P
from .base import SozialplanungAlgorithm, plain_value


class FacilitySupply(SozialplanungAlgorithm):
    ALG_ID = "facilitysupply"
    GROUP = "infrastructure"

    FACILITIES = "FACILITIES"
    TYPE_FIELD = "TYPE_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OPENED_FIELD = "OPENED_FIELD"
    CLOSED_FIELD = "CLOSED_FIELD"
    SPACES = "SPACES"
    SPACE_KEY = "SPACE_KEY"
    SPACE_NAME = "SPACE_NAME"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    POPULATION = "POPULATION"
    POPULATION_KEY = "POPULATION_KEY"
    POPULATION_FIELD = "POPULATION_FIELD"
    TABLES = "TABLES"
    YEARS = "YEARS"
    TYPES = "TYPES"
    TYPES_FILE = "TYPES_FILE"
    COUNTY_NAME = "COUNTY_NAME"
    OUTPUT = "OUTPUT"
    OUTPUT_MUNICIPALITIES = "OUTPUT_MUNICIPALITIES"
    OUTPUT_COUNTY = "OUTPUT_COUNTY"
    CATALOGUE_OUT = "CATALOGUE_OUT"

    def displayName(self):
        return self.tr("Facility supply per social space")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.FACILITIES,
                self.tr("Facilities (points or polygons)"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TYPE_FIELD, self.tr("Facility type field"), parentLayerParameterName=self.FACILITIES
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CAPACITY_FIELD,
                self.tr("Capacity field (places, staff, hours; empty = count facilities)"),
                parentLayerParameterName=self.FACILITIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SPACES, self.tr("Social spaces"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(self.SPACE_KEY, self.tr("Key field"), parentLayerParameterName=self.SPACES)
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.SPACE_NAME, self.tr("Name field"), parentLayerParameterName=self.SPACES, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MUNICIPALITY_FIELD,
                self.tr("Municipality key field of the spaces"),
                parentLayerParameterName=self.SPACES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.POPULATION,
                self.tr("Population (blocks or grid cells; empty = the spaces' fields)"),
                [ProcessingSourceType.VectorPolygon, ProcessingSourceType.VectorPoint],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Residents field of the population layer"),
                parentLayerParameterName=self.POPULATION,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            )
        )
        self.addParameter(
            P.years(
                QgsProcessingParameterString(
                    self.YEARS, self.tr("Years (facilities open on 31 December; e.g. 2024, 2025)"), "2025"
                )
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.OPENED_FIELD,
                self.tr("Opening date field"),
                parentLayerParameterName=self.FACILITIES,
                optional=True,
            ),
            QgsProcessingParameterField(
                self.CLOSED_FIELD,
                self.tr("Closing date field"),
                parentLayerParameterName=self.FACILITIES,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality key = first N characters (0 = whole value)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            ),
            QgsProcessingParameterField(
                self.POPULATION_KEY,
                self.tr("Key field of the population layer (matches the tables)"),
                parentLayerParameterName=self.POPULATION,
                optional=True,
            ),
            QgsProcessingParameterMultipleLayers(
                self.TABLES,
                self.tr("Statistics tables with the target groups (CSV/XLSX)"),
                ProcessingSourceType.File,
                optional=True,
            ),
            P.facility_types(
                QgsProcessingParameterString(
                    self.TYPES, self.tr("Facility types (none = every type in the layer)"), optional=True
                ),
                self.TYPES_FILE,
            ),
            QgsProcessingParameterFile(
                self.TYPES_FILE,
                self.tr("Facility types file (empty = shipped default)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            ),
            QgsProcessingParameterString(self.COUNTY_NAME, self.tr("Name of the county"), "Kreis", optional=True),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Supply per social space"), ProcessingSourceType.VectorPolygon
            )
        )
        for name, label in (
            (self.OUTPUT_MUNICIPALITIES, self.tr("Supply per municipality")),
            (self.OUTPUT_COUNTY, self.tr("Supply of the county")),
        ):
            self.addParameter(
                QgsProcessingParameterFeatureSink(
                    name, label, ProcessingSourceType.VectorPolygon, optional=True, createByDefault=False
                )
            )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.CATALOGUE_OUT,
                self.tr("Catalogue of the supply indicators (YAML overlay, e.g. for the monitoring store)"),
                "YAML (*.yaml)",
                optional=True,
                createByDefault=False,
            )
        )
        P.arrange(self, advanced=[self.SPACE_NAME, self.OUTPUT_COUNTY, self.CATALOGUE_OUT])  # issue 19: few basic
        self.addOutput(QgsProcessingOutputNumber("FACILITIES_PLACED", self.tr("Facilities in a social space")))
        self.addOutput(QgsProcessingOutputNumber("FACILITIES_OUTSIDE", self.tr("Facilities outside every space")))
        self.addOutput(QgsProcessingOutputString("METHOD_RECORD", self.tr("Method record (JSON)")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd

        from ..core import facilities as fac
        from ._outputs import save_file_metadata

        types = fac.load_facility_types(self.parameterAsFile(parameters, self.TYPES_FILE, context) or None)
        facilities = self.require_layer(self.parameterAsSource(parameters, self.FACILITIES, context), self.FACILITIES)
        spaces_src = self.require_layer(self.parameterAsSource(parameters, self.SPACES, context), self.SPACES)
        ck.require_polygons(spaces_src, spaces_src.sourceName(), self.tr("social spaces"))
        type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
        cap_field = self.parameterAsString(parameters, self.CAPACITY_FIELD, context)
        opened = self.parameterAsString(parameters, self.OPENED_FIELD, context)
        closed = self.parameterAsString(parameters, self.CLOSED_FIELD, context)
        key_field = self.parameterAsString(parameters, self.SPACE_KEY, context)
        name_field = self.parameterAsString(parameters, self.SPACE_NAME, context)
        mun_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context)
        mun_chars = self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context)
        self.require_fields(facilities, [type_field, cap_field, opened, closed])
        self.require_fields(spaces_src, [key_field, name_field, mun_field])
        self.require_features(facilities)
        self.require_features(spaces_src)
        years = ck.year_list(
            self.parameterAsString(parameters, self.YEARS, context), self.parameterDefinition(self.YEARS).description()
        )
        if not years:
            raise QgsProcessingException(self.tr("Give at least one year (e.g. 2025)."))
        crs = spaces_src.sourceCrs()

        # 1. spaces and facilities (nothing is written before everything is read and checked)
        feedback.setProgressText(self.tr("Reading social spaces and facilities"))
        spaces = A.Spaces(self, spaces_src, key_field, name_field, mun_field, mun_chars, crs, context)
        fxy, ftype_raw, fcap_raw, fopen, fclose, ffids = A.read_facilities(
            self, facilities, type_field, cap_field, opened, closed, crs, context, feedback
        )
        ftype = types.resolve(ftype_raw, field_name=type_field, feature_ids=ffids)
        fcap = fac.parse_capacity(fcap_raw, field_name=cap_field, feature_ids=ffids) if cap_field else None
        wanted = [t.strip() for t in self.parameterAsString(parameters, self.TYPES, context).split(",") if t.strip()]
        type_list = self._type_list(types, ftype, wanted)
        fcode = spaces.code_of_points(fxy)
        outside = int((fcode < 0).sum())
        if outside:
            feedback.pushWarning(
                self.tr("{n} of {m} facilities lie outside every social space and are not counted.").format(
                    n=outside, m=len(fcode)
                )
            )
        feedback.setProgress(25)

        # 2. target groups per space
        feedback.setProgressText(self.tr("Target groups per social space"))
        groups = sorted({types.types[t].target for t in type_list})
        targets_by_year, pop_note, target_notes = self._targets(
            parameters, context, feedback, types, groups, spaces, years, crs
        )
        feedback.setProgress(45)

        # 3. the core, per year and level
        units = pd.Index(spaces.keys, dtype=object)
        mun = pd.Series({k: spaces.municipality.get(k) for k in spaces.keys}, dtype=object)
        mun_keys = sorted({m for m in mun if m})
        ids = fac.supply_indicator_ids(type_list, cap_field != "")
        use_cap = bool(cap_field)
        cap = fcap if use_cap else np.zeros(len(ftype))
        res_sp, res_mun, res_cty = {}, {}, {}
        county_key = self.parameterAsString(parameters, self.COUNTY_NAME, context) or "Kreis"
        for year in years:
            import datetime as dt

            is_open = fac.open_on(fopen, fclose, dt.date(year, 12, 31), feature_ids=ffids, fields=(opened, closed))
            sel = is_open & (fcode >= 0) & np.isin(ftype, type_list)
            unit_of = np.asarray(spaces.keys, dtype=object)[np.maximum(fcode, 0)]
            n, c, m = fac.supply_counts(unit_of[sel], ftype[sel], cap[sel], units, type_list)
            tg = targets_by_year[year].reindex(units)
            sp = fac.supply_indicators(n, c, m, tg, types, use_capacity=use_cap)
            county = fac.supply_indicators(
                _total(n, county_key),
                _total(c, county_key),
                _total(m, county_key),
                _total(tg, county_key),
                types,
                use_capacity=use_cap,
            )
            mun_frame = None
            if mun_keys:
                mi = mun.reindex(units)
                mun_frame = fac.supply_indicators(
                    n.groupby(mi).sum().reindex(mun_keys),
                    c.groupby(mi).sum().reindex(mun_keys),
                    m.groupby(mi).sum().reindex(mun_keys),
                    tg.groupby(mi).sum(min_count=1).reindex(mun_keys),
                    types,
                    use_capacity=use_cap,
                )
                res_mun[year] = fac.references(mun_frame, ids, county=county)
            res_sp[year] = fac.references(
                sp, ids, county=county, municipality=mun_frame, unit_municipality=mun if mun_keys else None
            )
            res_cty[year] = county
        meta = {
            "method": "facilities open on 31 December of each year, placed in the social space holding their point "
            "(polygons: point on surface); supply ratio = summed capacity (or number of facilities) / summed "
            "target group x base of the type; references from summed counts of the municipality and county",
            "facility_types_file": types.origin,
            "facility_types_version": types.version,
            "types": {t: _type_record(types.types[t], target_notes) for t in type_list},
            "years": years,
            "capacity_field": cap_field or None,
            "population": pop_note,
            "facilities_outside": outside,
        }
        feedback.setProgress(70)

        # 4. writing
        dest = self._write(
            parameters, self.OUTPUT, context, feedback, res_sp, units, spaces, types, type_list, meta, "sr"
        )
        results = {self.OUTPUT: dest}
        if self.OUTPUT_MUNICIPALITIES in parameters and parameters[self.OUTPUT_MUNICIPALITIES] and res_mun:
            results[self.OUTPUT_MUNICIPALITIES] = self._write(
                parameters,
                self.OUTPUT_MUNICIPALITIES,
                context,
                feedback,
                res_mun,
                pd.Index(mun_keys, dtype=object),
                spaces,
                types,
                type_list,
                meta,
                "mun",
                groups_of=mun,
            )
        if self.OUTPUT_COUNTY in parameters and parameters[self.OUTPUT_COUNTY]:
            results[self.OUTPUT_COUNTY] = self._write(
                parameters,
                self.OUTPUT_COUNTY,
                context,
                feedback,
                res_cty,
                pd.Index([county_key], dtype=object),
                spaces,
                types,
                type_list,
                meta,
                "county",
                groups_of=pd.Series(county_key, index=units),
            )
        save_file_metadata(dest, meta, feedback)
        if parameters.get(self.CATALOGUE_OUT):
            results[self.CATALOGUE_OUT] = self._write_catalogue(parameters, context, types, type_list, use_cap)
        feedback.setProgress(100)
        results.update(
            {
                "FACILITIES_PLACED": int((fcode >= 0).sum()),
                "FACILITIES_OUTSIDE": outside,
                "METHOD_RECORD": json.dumps(meta, ensure_ascii=False, default=str),
            }
        )
        return results

    # ------------------------------------------------------------------------------------------------
    def _write_catalogue(self, parameters, context, types, type_list, use_cap):
        """The supply indicators as a catalogue overlay (core.facilities.catalogue_overlay), YAML."""
        import yaml

        from ..core.catalogue import default_catalogue
        from ..core.facilities import catalogue_overlay

        path = self.parameterAsFileOutput(parameters, self.CATALOGUE_OUT, context)
        overlay = catalogue_overlay(
            types, type_list, use_capacity=use_cap, known_variables=default_catalogue().variables
        )
        with open(path, "w", encoding="utf-8") as fh:
            fh.write(
                "# Supply indicators of 'facilitysupply' as a catalogue overlay (generated; docs/accessibility.md)\n"
            )
            yaml.safe_dump(overlay, fh, allow_unicode=True, sort_keys=False)
        return path

    def _type_list(self, types, ftype, wanted):
        present = [t for t in types.types if t in set(ftype.tolist())]
        if wanted:
            unknown = [w for w in wanted if w not in types.types]
            if unknown:
                raise QgsProcessingException(
                    self.tr("Unknown facility type(s) {u}; the facility types file has {k}.").format(
                        u=", ".join(unknown), k=", ".join(types.types)
                    )
                )
            return wanted
        if not present:
            raise QgsProcessingException(self.tr("The facilities layer holds no facility of a known type."))
        return present

    def _targets(self, parameters, context, feedback, types, groups, spaces, years, crs):
        """Target groups per space and year: from the population layer (summed by the space holding each unit's
        point) or from the spaces' own fields."""
        import pandas as pd

        from ..core import facilities as fac

        pop = self.parameterAsSource(parameters, self.POPULATION, context)
        needed = sorted(
            {v for g in groups for v in types.target_groups[g].variables + types.target_groups[g].estimate_from}
        )
        tables = A.file_list(self, parameters, self.TABLES, context)
        out, notes = {}, {}
        if pop is None:
            src = self.parameterAsSource(parameters, self.SPACES, context)
            names = src.fields().names()
            fields = [v for v in needed if v in names]
            key_field = self.parameterAsString(parameters, self.SPACE_KEY, context)
            rows = {}
            for feat in src.getFeatures():
                k = A.key_text(feat[key_field])
                if k is not None:
                    rows[k] = [plain_value(feat[f]) for f in fields]
            values = pd.DataFrame.from_dict(rows, orient="index", columns=fields).apply(pd.to_numeric, errors="coerce")
            tg, notes = fac.target_populations(values, types, groups)
            for y in years:
                out[y] = tg
            return out, f"fields {', '.join(fields)} of the social spaces", notes
        pop_field = self.parameterAsString(parameters, self.POPULATION_FIELD, context)
        pop_key = self.parameterAsString(parameters, self.POPULATION_KEY, context)
        self.require_fields(pop, [pop_field, pop_key])
        if tables and not pop_key:
            raise QgsProcessingException(
                self.tr("Statistics tables need the key field of the population layer to join them.")
            )
        names = pop.fields().names()
        fields = [f for f in [pop_field, pop_key] if f] + [v for v in needed if v in names and v != pop_field]
        xy, attrs, _fids = A.read_points(self, pop, fields, crs, context, feedback, (25, 35))
        self._population_layer = pop.sourceName()
        codes = spaces.code_of_points(xy)
        keys = [A.key_text(v) for v in attrs[pop_key]] if pop_key else None
        value_attrs = {f: attrs[f] for f in fields if f != pop_key}
        note = ""
        for y in years:
            values, note = A.population_values(self, value_attrs, pop_field, keys, tables, y, None, feedback)
            tg, notes = fac.target_populations(values.reset_index(drop=True), types, groups)
            tg["__space"] = [spaces.keys[c] if c >= 0 else None for c in codes]
            out[y] = tg.groupby("__space").sum(min_count=1)
        return out, f"population layer '{pop.sourceName()}': {note}", notes

    def _write(
        self, parameters, name, context, feedback, results, index, spaces, types, type_list, meta, level, groups_of=None
    ):
        import pandas as pd

        from ..core.aggregate import to_wide

        frame = to_wide(results).reindex(index)
        lead = pd.DataFrame(index=index)
        lead["key"] = [str(k) for k in index]
        if level == "sr":
            lead["name"] = [spaces.names.get(k) for k in index]
            lead["municipality"] = [spaces.municipality.get(k) for k in index]
        else:
            lead["name"] = [str(k) for k in index]
        lead["sp_method"] = json.dumps(dict(meta, level=level), ensure_ascii=False, default=str)
        full = pd.concat([lead, frame], axis=1)
        aliases = self._aliases(full.columns, types)
        fields = self.fields_for_frame(full, aliases)
        if level == "sr":
            geoms = {k: _multi(spaces.geoms[k]) for k in index}
        else:
            geoms = {}
            for k in index:
                members = [spaces.geoms[s] for s, g in groups_of.items() if g == k and s in spaces.geoms]
                geoms[k] = _multi(QgsGeometry.unaryUnion(members)) if members else QgsGeometry()
        sink, dest = self.parameterAsSink(parameters, name, context, fields, WkbType.MultiPolygon, spaces.crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, name))
        self.write_frame(sink, fields, full, geometries=geoms, feedback=feedback)
        del sink
        return dest

    def _aliases(self, columns, types):
        """Field aliases such as 'Kita: Plätze je 1.000 Kinder unter 6 Jahren 2025'."""
        out = {}
        for col in columns:
            f = parse_facility_field(col, types.types, ("angebote", "kapazitaet", "versorgung"))
            if f is None or f.year is None:
                continue
            kind, tid, part, year = f.measure, f.type_id, f"_{f.part}" if f.part else "", f.year
            t = types.types[tid]
            group = types.target_groups[t.target].label
            base = fmt_de(t.per, 0)
            label = {
                "angebote": self.tr("{t}: facilities").format(t=t.label),
                "kapazitaet": self.tr("{t}: {c}").format(t=t.label, c=t.capacity or self.tr("capacity")),
                "versorgung": self.tr("{t}: {c} per {b} {g}").format(
                    t=t.label, c=(t.capacity or self.tr("facilities")), b=base, g=group
                ),
            }[kind]
            part_label = {
                "": "",
                "_num": " – " + self.tr("numerator"),
                "_den": " – " + self.tr("denominator"),
                "_flag": " – " + self.tr("flag"),
                "_ref_county": " – " + self.tr("county"),
                "_dev_county": " – " + self.tr("deviation from county"),
                "_ratio_county": " – " + self.tr("ratio to county"),
                "_ref_mun": " – " + self.tr("municipality"),
                "_dev_mun": " – " + self.tr("deviation from municipality"),
                "_ratio_mun": " – " + self.tr("ratio to municipality"),
            }.get(part, " " + part.strip("_"))
            out[col] = f"{label}{part_label} {year}"
        return out


def _total(frame, key):
    return frame.sum(min_count=1).to_frame(key).T


def _multi(g):
    g = QgsGeometry(g)
    g.convertToMultiType()
    return g


def _type_record(t, notes):
    return {
        "name": t.name,
        "target": t.target,
        "target_estimate": notes.get(t.target, ""),
        "per": t.per,
        "capacity": t.capacity,
        "threshold_m": t.threshold_m,
        "threshold_min": t.threshold_min,
    }
