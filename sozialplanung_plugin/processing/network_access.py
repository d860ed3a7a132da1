"""Network accessibility: from every origin to the nearest facilities of each type over a line network.

Thin glue: the line layer is read as one vertex array, origins (blocks at their point on surface, grid cells,
any points with residents) and the facilities open at the reference date are snapped to it, and core.network
runs one multi-source Dijkstra per facility type (no loop over origins, no origin x facility matrix). Per social
space core.facilities gives the population-weighted mean and 90th percentile, the share of the target group
within the type's threshold and the two-step floating catchment index, in the field contract.
"""

import json

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsGeometry,
    QgsPointXY,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
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
from ..core.i18n import fill
from . import _access as A
from . import _checks as ck
from . import _params as P
from .base import SozialplanungAlgorithm, make_field

MODES = ["distance", "time"]
DECAYS = ["none", "gaussian", "linear"]


class NetworkAccess(SozialplanungAlgorithm):
    ALG_ID = "networkaccess"
    GROUP = "infrastructure"

    ORIGINS = "ORIGINS"
    ORIGIN_KEY = "ORIGIN_KEY"
    POPULATION_FIELD = "POPULATION_FIELD"
    TABLES = "TABLES"
    FACILITIES = "FACILITIES"
    TYPE_FIELD = "TYPE_FIELD"
    CAPACITY_FIELD = "CAPACITY_FIELD"
    OPENED_FIELD = "OPENED_FIELD"
    CLOSED_FIELD = "CLOSED_FIELD"
    YEAR = "YEAR"
    NETWORK = "NETWORK"
    MODE = "MODE"
    SPEED_FIELD = "SPEED_FIELD"
    CLASS_FIELD = "CLASS_FIELD"
    DEFAULT_SPEED = "DEFAULT_SPEED"
    ONEWAY_FIELD = "ONEWAY_FIELD"
    CONNECTOR_SPEED = "CONNECTOR_SPEED"
    TOLERANCE = "TOLERANCE"
    MAX_SNAP = "MAX_SNAP"
    K = "K"
    FCA = "FCA"
    DECAY = "DECAY"
    TYPES = "TYPES"
    TYPES_FILE = "TYPES_FILE"
    SPACES = "SPACES"
    SPACE_KEY = "SPACE_KEY"
    SPACE_NAME = "SPACE_NAME"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    OUTPUT = "OUTPUT"
    OUTPUT_ORIGINS = "OUTPUT_ORIGINS"

    def displayName(self):
        return self.tr("Network accessibility of facilities")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.ORIGINS,
                self.tr("Origins with residents (blocks, grid cells or points)"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.POPULATION_FIELD,
                self.tr("Residents field of the origins"),
                parentLayerParameterName=self.ORIGINS,
                type=ProcessingFieldParameterDataType.Numeric,
            )
        )
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
                self.tr("Capacity field (floating catchment; empty = 1 per facility)"),
                parentLayerParameterName=self.FACILITIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NETWORK, self.tr("Line network (streets, paths)"), [ProcessingSourceType.VectorLine]
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("Cost"),
                [self.tr("walking distance (m)"), self.tr("travel time (min) at the speeds of the lines")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.SPACES, self.tr("Social spaces (results per space)"), [ProcessingSourceType.VectorPolygon]
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
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Reference year (facilities open on 31 December)"),
                ProcessingNumberParameterType.Integer,
                2025,
                minValue=1900,
                maxValue=2100,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.ORIGIN_KEY,
                self.tr("Key field of the origins (joins the statistics tables)"),
                parentLayerParameterName=self.ORIGINS,
                optional=True,
            ),
            QgsProcessingParameterMultipleLayers(
                self.TABLES,
                self.tr("Statistics tables with the target groups (CSV/XLSX)"),
                ProcessingSourceType.File,
                optional=True,
            ),
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
            QgsProcessingParameterField(
                self.SPEED_FIELD,
                self.tr("Speed field of the lines (km/h)"),
                parentLayerParameterName=self.NETWORK,
                type=ProcessingFieldParameterDataType.Numeric,
                optional=True,
            ),
            QgsProcessingParameterField(
                self.CLASS_FIELD,
                self.tr("Road class field (e.g. OSM 'highway')"),
                parentLayerParameterName=self.NETWORK,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.DEFAULT_SPEED,
                self.tr("Speed of lines without speed or known class (km/h)"),
                ProcessingNumberParameterType.Double,
                30.0,
                minValue=0.0,
            ),
            QgsProcessingParameterField(
                self.ONEWAY_FIELD,
                self.tr("One-way field (travel time only; yes/-1/no, FT/TF)"),
                parentLayerParameterName=self.NETWORK,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.CONNECTOR_SPEED,
                self.tr("Speed from a point to the network (km/h)"),
                ProcessingNumberParameterType.Double,
                4.5,
                minValue=0.1,
            ),
            QgsProcessingParameterNumber(
                self.TOLERANCE,
                self.tr("Join line ends closer than (m)"),
                ProcessingNumberParameterType.Double,
                0.0,
                minValue=0.0,
            ),
            QgsProcessingParameterNumber(
                self.MAX_SNAP,
                self.tr("Points farther from the network than (m) are not on it"),
                ProcessingNumberParameterType.Double,
                500.0,
                minValue=0.0,
            ),
            QgsProcessingParameterNumber(
                self.K,
                self.tr("Nearest facilities per type per origin"),
                ProcessingNumberParameterType.Integer,
                1,
                minValue=1,
                maxValue=10,
            ),
            QgsProcessingParameterBoolean(self.FCA, self.tr("Two-step floating catchment (2SFCA)"), True),
            QgsProcessingParameterEnum(
                self.DECAY,
                self.tr("Distance decay of the floating catchment"),
                [self.tr("none (step)"), self.tr("Gaussian"), self.tr("linear")],
                defaultValue=0,
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
            QgsProcessingParameterField(
                self.MUNICIPALITY_FIELD,
                self.tr("Municipality key field of the spaces"),
                parentLayerParameterName=self.SPACES,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality key = first N characters (0 = whole value)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Accessibility per social space"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT_ORIGINS,
                self.tr("Origins with the cost to the nearest facilities"),
                ProcessingSourceType.VectorPoint,
                optional=True,
                createByDefault=False,
            )
        )
        P.arrange(self, advanced=[self.SPACE_NAME, self.OUTPUT_ORIGINS])  # issue 19: few basic parameters
        self.addOutput(QgsProcessingOutputNumber("ORIGINS_ON_NETWORK", self.tr("Origins on the network")))
        self.addOutput(QgsProcessingOutputNumber("ORIGINS_OFF_NETWORK", self.tr("Origins off the network")))
        self.addOutput(QgsProcessingOutputString("REPORT", self.tr("Report (per type)")))
        self.addOutput(QgsProcessingOutputString("METHOD_RECORD", self.tr("Method record (JSON)")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import datetime as dt

        import numpy as np
        import pandas as pd

        from ..core import facilities as fac
        from ..core import network as netw
        from ._outputs import save_file_metadata

        types = fac.load_facility_types(self.parameterAsFile(parameters, self.TYPES_FILE, context) or None)
        origins = self.require_layer(self.parameterAsSource(parameters, self.ORIGINS, context), self.ORIGINS)
        facilities = self.require_layer(self.parameterAsSource(parameters, self.FACILITIES, context), self.FACILITIES)
        network = self.require_layer(self.parameterAsSource(parameters, self.NETWORK, context), self.NETWORK)
        spaces_src = self.require_layer(self.parameterAsSource(parameters, self.SPACES, context), self.SPACES)
        ck.require_polygons(spaces_src, spaces_src.sourceName(), self.tr("social spaces"))
        ck.require_geometry(network, network.sourceName(), self.tr("the network"), ("line",))
        p = {
            k: self.parameterAsString(parameters, getattr(self, k), context)
            for k in (
                "POPULATION_FIELD",
                "ORIGIN_KEY",
                "TYPE_FIELD",
                "CAPACITY_FIELD",
                "OPENED_FIELD",
                "CLOSED_FIELD",
                "SPEED_FIELD",
                "CLASS_FIELD",
                "ONEWAY_FIELD",
                "SPACE_KEY",
                "SPACE_NAME",
                "MUNICIPALITY_FIELD",
                "TYPES",
            )
        }
        self.require_fields(origins, [p["POPULATION_FIELD"], p["ORIGIN_KEY"]])
        self.require_fields(facilities, [p["TYPE_FIELD"], p["CAPACITY_FIELD"], p["OPENED_FIELD"], p["CLOSED_FIELD"]])
        self.require_fields(network, [p["SPEED_FIELD"], p["CLASS_FIELD"], p["ONEWAY_FIELD"]])
        self.require_fields(spaces_src, [p["SPACE_KEY"], p["SPACE_NAME"], p["MUNICIPALITY_FIELD"]])
        for layer in (origins, facilities, network, spaces_src):
            self.require_features(layer)
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        year = self.parameterAsInt(parameters, self.YEAR, context)
        k = self.parameterAsInt(parameters, self.K, context)
        want_fca = self.parameterAsBoolean(parameters, self.FCA, context)
        decay = DECAYS[self.parameterAsEnum(parameters, self.DECAY, context)]
        max_snap = self.parameterAsDouble(parameters, self.MAX_SNAP, context)
        connector_speed = self.parameterAsDouble(parameters, self.CONNECTOR_SPEED, context)
        tables = A.file_list(self, parameters, self.TABLES, context)
        if tables and not p["ORIGIN_KEY"]:
            raise QgsProcessingException(self.tr("Statistics tables need the key field of the origins to join them."))
        crs = A.require_projected(self, network, self.tr("line network"))

        # 1. the network
        feedback.setProgressText(self.tr("Reading the line network"))
        line_fields = [f for f in (p["SPEED_FIELD"], p["CLASS_FIELD"], p["ONEWAY_FIELD"]) if f]
        coords, offsets, part_line, lattrs, _lfids = A.read_lines(self, network, line_fields, crs, context, feedback)
        speed = None
        if mode == "time":
            default = self.parameterAsDouble(parameters, self.DEFAULT_SPEED, context)
            speed = np.full(len(_lfids), default)
            if p["CLASS_FIELD"]:
                speed = netw.speeds_from_classes(
                    lattrs[p["CLASS_FIELD"]], types.speeds_kmh, default, field=p["CLASS_FIELD"]
                )
            if p["SPEED_FIELD"]:
                given = pd.to_numeric(pd.Series(lattrs[p["SPEED_FIELD"]]), errors="coerce").to_numpy(dtype=float)
                speed = np.where(np.isfinite(given), given, speed)
        oneway = netw.oneway_codes(lattrs[p["ONEWAY_FIELD"]]) if (p["ONEWAY_FIELD"] and mode == "time") else None
        net = netw.build_network(
            coords,
            offsets,
            part_line,
            mode=mode,
            speed_kmh=speed,
            oneway=oneway,
            tolerance=self.parameterAsDouble(parameters, self.TOLERANCE, context),
            source=self.tr("line network '{}'").format(network.sourceName()),
        )
        feedback.pushInfo(
            self.tr("Network: {s} segments, {n} nodes, {c} connected parts.").format(
                s=net.n_segments, n=net.n_nodes, c=int(net.components().max()) + 1
            )
        )
        feedback.setProgress(20)

        # 2. origins with their target groups, facilities open at the reference date
        feedback.setProgressText(self.tr("Reading origins and facilities"))
        spaces = A.Spaces(
            self,
            spaces_src,
            p["SPACE_KEY"],
            p["SPACE_NAME"],
            p["MUNICIPALITY_FIELD"],
            self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context),
            crs,
            context,
        )
        fxy, ftype_raw, fcap_raw, fopen, fclose, ffids = A.read_facilities(
            self,
            facilities,
            p["TYPE_FIELD"],
            p["CAPACITY_FIELD"],
            p["OPENED_FIELD"],
            p["CLOSED_FIELD"],
            crs,
            context,
            feedback,
        )
        ftype = types.resolve(ftype_raw, field_name=p["TYPE_FIELD"], feature_ids=ffids)
        fcap = (
            fac.parse_capacity(fcap_raw, field_name=p["CAPACITY_FIELD"], feature_ids=ffids)
            if p["CAPACITY_FIELD"]
            else np.ones(len(ffids))
        )
        is_open = fac.open_on(
            fopen, fclose, dt.date(year, 12, 31), feature_ids=ffids, fields=(p["OPENED_FIELD"], p["CLOSED_FIELD"])
        )
        wanted = [t.strip() for t in p["TYPES"].split(",") if t.strip()]
        unknown = [w for w in wanted if w not in types.types]
        if unknown:
            raise QgsProcessingException(
                self.tr("Unknown facility type(s) {u}; the facility types file has {k}.").format(
                    u=", ".join(unknown), k=", ".join(types.types)
                )
            )
        type_list = wanted or [t for t in types.types if t in set(ftype[is_open].tolist())]
        if not type_list:
            raise QgsProcessingException(self.tr("No facility of a known type is open on 31 December {}.").format(year))
        groups = sorted({types.types[t].target for t in type_list})
        needed = sorted(
            {v for g in groups for v in types.target_groups[g].variables + types.target_groups[g].estimate_from}
        )
        names = origins.fields().names()
        o_fields = [f for f in [p["POPULATION_FIELD"], p["ORIGIN_KEY"]] if f] + [
            v for v in needed if v in names and v != p["POPULATION_FIELD"]
        ]
        oxy, oattrs, ofids = A.read_points(self, origins, o_fields, crs, context, feedback, (20, 30))
        self._population_layer = origins.sourceName()
        okeys = [A.key_text(v) for v in oattrs[p["ORIGIN_KEY"]]] if p["ORIGIN_KEY"] else None
        values, pop_note = A.population_values(
            self,
            {f: oattrs[f] for f in o_fields if f != p["ORIGIN_KEY"]},
            p["POPULATION_FIELD"],
            okeys,
            tables,
            year,
            None,
            feedback,
        )
        persons, target_notes = fac.target_populations(values.reset_index(drop=True), types, groups)
        codes = spaces.code_of_points(oxy)
        feedback.setProgress(35)

        # 3. shortest paths: one router for all types, one multi-source run per type (and rank)
        feedback.setProgressText(self.tr("Shortest paths"))
        sel = np.flatnonzero(is_open & np.isin(ftype, type_list))
        ext = network.sourceExtent()
        if len(oxy) and not ext.isNull():
            gap_x = np.maximum(np.maximum(ext.xMinimum() - oxy[:, 0], oxy[:, 0] - ext.xMaximum()), 0.0)
            gap_y = np.maximum(np.maximum(ext.yMinimum() - oxy[:, 1], oxy[:, 1] - ext.yMaximum()), 0.0)
            nearest = float(np.hypot(gap_x, gap_y).min())
            if nearest > max_snap:  # no origin can reach the network: the layers do not cover the same area
                raise QgsProcessingException(
                    self.tr(
                        "The network '{net}' lies at least {d:.0f} m from every origin, more than the largest "
                        "distance to the network ({snap:.0f} m). Check that the network covers the area and that "
                        "both layers have the right CRS."
                    ).format(net=network.sourceName(), d=nearest, snap=max_snap)
                )
        router = netw.Router(net, oxy, fxy[sel], max_snap=max_snap, connector_speed_kmh=connector_speed)
        on = router.origin_snap.snapped
        off = int((~on).sum())
        if off:
            feedback.pushWarning(
                fill(
                    self.tr(
                        "{n} of {m} origins lie farther than {d:g} m from the network; they count as not reaching any "
                        "facility."
                    ),
                    n=off,
                    m=len(on),
                    d=max_snap,
                )
            )
        fac_off = int((~router.facility_snap.snapped).sum())
        if fac_off:
            feedback.pushWarning(
                fill(
                    self.tr("{n} facilities lie farther than {d:g} m from the network and are left out."),
                    n=fac_off,
                    d=max_snap,
                )
            )
        n_sp = len(spaces.keys)
        mun = [spaces.municipality.get(key) for key in spaces.keys]
        mun_keys = sorted({m for m in mun if m})
        mcode_of_space = np.array([mun_keys.index(m) if m in mun_keys else -1 for m in mun], dtype=np.int64)
        mcodes = np.where(codes >= 0, mcode_of_space[np.maximum(codes, 0)], -1) if mun_keys else None
        ccodes = np.zeros(len(codes), dtype=np.int64)
        per_origin = {}
        sp_cols, mun_cols, cty_cols = {}, {}, {}
        report = []
        ids = []
        for i, tid in enumerate(type_list):
            self.check_canceled(feedback)
            t = types.types[tid]
            local = np.flatnonzero(ftype[sel] == tid)
            cost, near = router.nearest(local, k=k)
            per_origin[tid] = (cost, np.where(near >= 0, np.asarray(ffids)[sel][np.maximum(near, 0)], -1))
            w = persons[t.target].to_numpy(dtype=float)
            thr = t.threshold(mode)
            sp_cols.update(fac.access_indicators(codes, n_sp, cost[:, 0], w, tid, thr, mode))
            if mcodes is not None:
                mun_cols.update(fac.access_indicators(mcodes, len(mun_keys), cost[:, 0], w, tid, thr, mode))
            cty_cols.update(fac.access_indicators(ccodes, 1, cost[:, 0], w, tid, thr, mode))
            prefix = "zeit" if mode == "time" else "distanz"
            ids += [f"{prefix}_{tid}", f"{prefix}_p90_{tid}", f"erreichbar_{tid}"]  # references: not for counts
            if want_fca:
                catch = t.catchment(mode)
                o_i, f_i, c_i = router.pairs(local, catch)
                supply = np.nan_to_num(fcap[sel][local])
                access, _ratio = fac.two_step_fca(o_i, np.searchsorted(local, f_i), c_i, w, supply, catch, decay=decay)
                access = np.where(on, access, np.nan)
                per_origin[tid] = per_origin[tid] + (access,)
                sp_cols.update(fac.fca_indicator(codes, n_sp, access, w, tid, t.per))
                if mcodes is not None:
                    mun_cols.update(fac.fca_indicator(mcodes, len(mun_keys), access, w, tid, t.per))
                cty_cols.update(fac.fca_indicator(ccodes, 1, access, w, tid, t.per))
                ids.append(f"fca_{tid}")
            reached = int(np.isfinite(cost[:, 0]).sum())
            report.append(
                f"{t.label}: {len(local)} facilities open, {reached} of {len(cost)} origins reach one; "
                f"{fac.fmt_int_de(cty_cols[f'ausserhalb_{tid}'][0])} of "
                f"{fac.fmt_int_de(cty_cols[f'erreichbar_{tid}_den'][0])} {types.target_groups[t.target].label} "
                f"beyond {fac.fmt_int_de(thr)} {net.unit}"
            )
            feedback.setProgress(35 + 45 * (i + 1) / len(type_list))
        index = pd.Index(spaces.keys, dtype=object)
        county = pd.DataFrame(cty_cols, index=["county"])
        mun_frame = pd.DataFrame(mun_cols, index=pd.Index(mun_keys, dtype=object)) if mun_keys else None
        sp = fac.references(
            pd.DataFrame(sp_cols, index=index),
            ids,
            county=county,
            municipality=mun_frame,
            unit_municipality=pd.Series(mun, index=index) if mun_keys else None,
        )
        meta = {
            "method": "multi-source Dijkstra over the line network (scipy.sparse.csgraph) per facility type; "
            "origins and facilities snapped to the nearest point of the nearest line, connector counted; "
            "space values weighted by the type's target group per origin; persons off the network or without a "
            "reachable facility count as beyond the threshold; 2SFCA (Luo & Wang 2003) within the type's "
            "catchment",
            "mode": mode,
            "unit": net.unit,
            "year": year,
            "reference_date": f"{year}-12-31",
            "decay": decay if want_fca else None,
            "k": k,
            "max_snap_m": max_snap,
            "connector_speed_kmh": connector_speed if mode == "time" else None,
            "one_way": bool(oneway is not None),
            "network": {"segments": net.n_segments, "nodes": net.n_nodes},
            "origins": {"count": len(on), "off_network": off},
            "facilities": {"open": int(len(sel)), "off_network": fac_off},
            "population": pop_note,
            "facility_types_file": types.origin,
            "types": {
                t: {
                    "threshold": types.types[t].threshold(mode),
                    "catchment": types.types[t].catchment(mode),
                    "target": types.types[t].target,
                    "target_estimate": target_notes.get(types.types[t].target, ""),
                    "per": types.types[t].per,
                }
                for t in type_list
            },
        }
        feedback.setProgress(82)

        # 4. writing
        from ..core.aggregate import to_wide

        frame = to_wide({year: sp}).reindex(index)
        lead = pd.DataFrame(index=index)
        lead["key"] = [str(key) for key in index]
        lead["name"] = [spaces.names.get(key) for key in index]
        lead["municipality"] = mun
        lead["sp_method"] = json.dumps(meta, ensure_ascii=False, default=str)
        full = pd.concat([lead, frame], axis=1)
        aliases = self._aliases(full.columns, types, mode)
        fields = self.fields_for_frame(full, aliases)
        geoms = {}
        for key in index:
            g = QgsGeometry(spaces.geoms[key])
            g.convertToMultiType()
            geoms[key] = g
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.MultiPolygon, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        self.write_frame(sink, fields, full, geometries=geoms, feedback=feedback, progress_span=(82, 92))
        del sink
        save_file_metadata(dest, meta, feedback)
        results = {self.OUTPUT: dest}
        if parameters.get(self.OUTPUT_ORIGINS):
            results[self.OUTPUT_ORIGINS] = self._write_origins(
                parameters, context, crs, oxy, ofids, okeys, router, per_origin, type_list, k, mode, want_fca
            )
        feedback.setProgress(100)
        results.update(
            {
                "ORIGINS_ON_NETWORK": int(on.sum()),
                "ORIGINS_OFF_NETWORK": off,
                "REPORT": "\n".join(report),
                "METHOD_RECORD": json.dumps(meta, ensure_ascii=False, default=str),
            }
        )
        for line in report:
            feedback.pushInfo(line)
        return results

    def _write_origins(self, parameters, context, crs, oxy, ofids, okeys, router, per_origin, type_list, k, mode, fca):
        from qgis.core import QgsFields

        unit = "min" if mode == "time" else "m"
        fields = QgsFields()
        fields.append(make_field("origin_fid", "int"))
        fields.append(make_field("key", "string"))
        fields.append(make_field("on_network", "bool"))
        fields.append(make_field("connector_m", "double", self.tr("Distance to the network (m)")))
        for tid in type_list:
            for r in range(1, k + 1):
                fields.append(make_field(f"cost_{tid}_{r}", "double", f"{tid} {r} ({unit})"))
                fields.append(make_field(f"fid_{tid}_{r}", "int"))
            if fca:
                fields.append(make_field(f"fca_{tid}", "double", self.tr("{} 2SFCA (per person)").format(tid)))
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT_ORIGINS, context, fields, WkbType.Point, crs)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT_ORIGINS))
        snap = router.origin_snap
        buf = []
        for i, (x, y) in enumerate(oxy):
            attrs = [int(ofids[i]), okeys[i] if okeys else None, bool(snap.snapped[i])]
            attrs.append(float(snap.distance[i]) if snap.distance[i] == snap.distance[i] else None)
            for tid in type_list:
                data = per_origin[tid]
                cost, near = data[0], data[1]
                for r in range(k):
                    c = cost[i, r]
                    attrs.append(float(c) if c == c else None)
                    attrs.append(int(near[i, r]) if near[i, r] >= 0 else None)
                if fca:
                    a = data[2][i]
                    attrs.append(float(a) if a == a else None)
            f = QgsFeature(fields)
            f.setAttributes(attrs)
            f.setGeometry(QgsGeometry.fromPointXY(QgsPointXY(float(x), float(y))))
            buf.append(f)
        sink.addFeatures(buf, QgsFeatureSink.Flag.FastInsert)
        del sink
        return dest

    def _aliases(self, columns, types, mode):
        """Field aliases such as 'Kita: share of Kinder unter 6 Jahren within 500 m 2025'."""
        unit = "min" if mode == "time" else "m"
        measures = ("distanz_p90", "zeit_p90", "distanz", "zeit", "erreichbar", "ausserhalb", "fca")
        out = {}
        for col in columns:
            f = parse_facility_field(col, types.types, measures)
            if f is None or f.year is None:
                continue
            kind, tid, part, year = f.measure, f.type_id, f"_{f.part}" if f.part else "", f.year
            t = types.types[tid]
            group = types.target_groups[t.target].label
            thr = fmt_de(t.threshold(mode), 0)
            label = {
                "distanz": self.tr("{t}: mean distance to the nearest (m)"),
                "zeit": self.tr("{t}: mean travel time to the nearest (min)"),
                "distanz_p90": self.tr("{t}: 90th percentile of the distance (m)"),
                "zeit_p90": self.tr("{t}: 90th percentile of the travel time (min)"),
                "erreichbar": self.tr("{t}: share of {g} within {d} {u} (%)"),
                "ausserhalb": self.tr("{t}: {g} beyond {d} {u}"),
                "fca": self.tr("{t}: 2SFCA, {c} per {b} {g} within reach"),
            }[kind].format(
                t=t.label,
                g=group,
                d=thr,
                u=unit,
                c=t.capacity or self.tr("facilities"),
                b=fmt_de(t.per, 0),
            )
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
