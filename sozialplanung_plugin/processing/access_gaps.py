"""Access gaps: need against reach per facility type, with gap classes per social space and a summary.

Thin glue: reads the spaces with the fields of 'networkaccess' (share of the target group within the type's
threshold) and a need criterion (an index class, the typology's action field per type, or any indicator
threshold), and core.facilities gives the gap classes and the summary in the typology's words, with absolute
numbers beside the rates. Optionally one overview map sheet per type (_access_maps).
"""

import json

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
)

from ..compat import (
    ProcessingAlgorithmFlag,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from ..core.fields import parse_facility_field
from . import _access as A
from . import _params as P
from .base import SozialplanungAlgorithm, make_field, plain_value

OPS = [">", ">=", "<", "<=", "="]


class AccessGaps(SozialplanungAlgorithm):
    ALG_ID = "accessgaps"
    GROUP = "infrastructure"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NEED = "NEED"
    NEED_KEY = "NEED_KEY"
    NEED_FIELD = "NEED_FIELD"
    NEED_OP = "NEED_OP"
    NEED_VALUE = "NEED_VALUE"
    MIN_SHARE = "MIN_SHARE"
    YEAR = "YEAR"
    TYPES = "TYPES"
    TYPES_FILE = "TYPES_FILE"
    MUNICIPALITY_FIELD = "MUNICIPALITY_FIELD"
    FACILITIES = "FACILITIES"
    TYPE_FIELD = "TYPE_FIELD"
    OPENED_FIELD = "OPENED_FIELD"
    CLOSED_FIELD = "CLOSED_FIELD"
    MUNICIPALITIES = "MUNICIPALITIES"
    MUNICIPALITY_NAME = "MUNICIPALITY_NAME"
    SOURCE = "SOURCE"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"
    MAPS = "MAPS"

    def displayName(self):
        return self.tr("Access gaps: need against reach")

    def flags(self):
        # the optional map sheets are layouts: like QGIS's own layout exports they run in the main thread
        return super().flags() | ProcessingAlgorithmFlag.NoThreading

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT,
                self.tr("Social spaces with accessibility (from 'networkaccess')"),
                [ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Key field (empty = 'key')"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.NEED,
                self.tr("Layer with the need (empty = the spaces themselves)"),
                [ProcessingSourceType.VectorAnyGeometry, ProcessingSourceType.Vector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NEED_FIELD,
                self.tr("Need field (empty = the typology's action field)"),
                parentLayerParameterName=self.NEED,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(self.NEED_OP, self.tr("High need where the field is"), OPS, defaultValue=1)
        )
        self.addParameter(
            QgsProcessingParameterNumber(self.NEED_VALUE, self.tr("than"), ProcessingNumberParameterType.Double, 1.0)
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.MIN_SHARE,
                self.tr("Poor access: share within the threshold below (%)"),
                ProcessingNumberParameterType.Double,
                80.0,
                minValue=0.0,
                maxValue=100.0,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.NEED_KEY,
                self.tr("Key field of the need layer (empty = same name as the key field)"),
                parentLayerParameterName=self.NEED,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year (0 = the latest in the layer)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
                maxValue=2100,
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
                self.tr("Municipality field (empty = 'municipality' if present)"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            ),
            QgsProcessingParameterFeatureSource(
                self.FACILITIES,
                self.tr("Facilities (drawn on the map sheets)"),
                [ProcessingSourceType.VectorPoint, ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            QgsProcessingParameterField(
                self.TYPE_FIELD,
                self.tr("Facility type field"),
                parentLayerParameterName=self.FACILITIES,
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
            QgsProcessingParameterVectorLayer(
                self.MUNICIPALITIES,
                self.tr("Municipal boundaries (map sheets)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            ),
            QgsProcessingParameterField(
                self.MUNICIPALITY_NAME,
                self.tr("Municipality name field"),
                parentLayerParameterName=self.MUNICIPALITIES,
                optional=True,
            ),
            QgsProcessingParameterString(
                self.SOURCE,
                self.tr("Source and copyright note of the map sheets"),
                "© GeoBasis-DE / BKG",
                optional=True,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.OUTPUT, self.tr("Gap classes per social space"), ProcessingSourceType.VectorPolygon
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT, self.tr("Gap summary per facility type"), ProcessingSourceType.Vector, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.MAPS,
                self.tr("Overview map sheets per facility type (PDF)"),
                "PDF (*.pdf)",
                optional=True,
                createByDefault=False,
            )
        )
        self.addOutput(QgsProcessingOutputString("SUMMARY", self.tr("Summary")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import numpy as np
        import pandas as pd

        from ..core import facilities as fac

        types = fac.load_facility_types(self.parameterAsFile(parameters, self.TYPES_FILE, context) or None)
        layer = self.require_layer(self.parameterAsVectorLayer(parameters, self.INPUT, context), self.INPUT)
        self.require_features(layer)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context) or "key"
        names = layer.fields().names()
        mun_field = self.parameterAsString(parameters, self.MUNICIPALITY_FIELD, context) or (
            "municipality" if "municipality" in names else ""
        )
        self.require_fields(layer, [key_field, mun_field])
        found = {}
        for n in names:
            f = parse_facility_field(n, types.types, ("erreichbar",))
            if f is not None and not f.part and f.year is not None:
                found.setdefault(f.type_id, set()).add(f.year)
        if not found:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{}' has no fields 'erreichbar_<type>_<year>'. Use the output of 'Network accessibility "
                    "of facilities'."
                ).format(layer.name())
            )
        year = self.parameterAsInt(parameters, self.YEAR, context) or max(max(v) for v in found.values())
        wanted = [t.strip() for t in self.parameterAsString(parameters, self.TYPES, context).split(",") if t.strip()]
        bad = [w for w in wanted if w not in found or year not in found[w]]
        if bad:
            raise QgsProcessingException(
                self.tr("No access fields for the type(s) {b} in {y}; the layer has {h}.").format(
                    b=", ".join(bad), y=year, h=", ".join(f"{t} {sorted(v)}" for t, v in sorted(found.items()))
                )
            )
        type_list = wanted or [t for t in types.types if t in found and year in found[t]]
        if not type_list:
            raise QgsProcessingException(self.tr("No access fields for the year {}.").format(year))
        mode = "time" if any(f"zeit_{t}_{year}" in names for t in type_list) else "distance"

        # the spaces' access and the need
        wanted_fields = [key_field] + ([mun_field] if mun_field else []) + ["name"] * ("name" in names)
        for t in type_list:
            wanted_fields += [
                f
                for f in (f"erreichbar_{t}_{year}", f"ausserhalb_{t}_{year}", f"erreichbar_{t}_den_{year}")
                if f in names
            ]
        frame, geoms = self.layer_frame(layer, list(dict.fromkeys(wanted_fields)), feedback, (0, 20), True)
        keys = [A.key_text(v) for v in frame[key_field]]
        frame.index = pd.Index(keys, dtype=object)
        geoms = {k: geoms[fid] for k, fid in zip(keys, list(geoms))}
        need_frame, need_text = self._need(parameters, context, types, type_list, frame.index, key_field, year)
        min_share = self.parameterAsDouble(parameters, self.MIN_SHARE, context)

        out = pd.DataFrame(index=frame.index)
        out["key"] = [str(k) for k in frame.index]
        out["name"] = frame["name"].to_numpy() if "name" in frame else None
        out["municipality"] = frame[mun_field].to_numpy() if mun_field else None
        lines, rows = [], []
        for t in type_list:
            share = pd.to_numeric(frame[f"erreichbar_{t}_{year}"], errors="coerce").to_numpy(dtype=float)
            poor = np.where(np.isnan(share), np.nan, (share < min_share).astype(float))
            need = need_frame[t].to_numpy(dtype=float)
            cls = fac.gap_classes(need, poor)
            beyond = pd.to_numeric(frame.get(f"ausserhalb_{t}_{year}"), errors="coerce")
            beyond = beyond.to_numpy(dtype=float) if beyond is not None else np.zeros(len(cls))
            group = types.target_groups[types.types[t].target].label
            text, numbers = fac.gap_summary(
                types.types[t], group, cls, beyond, out["municipality"] if mun_field else None, mode=mode
            )
            lines.append(text)
            rows.append(dict(numbers, text=text, year=year, need=need_text[t], min_share=min_share))
            out[f"bedarf_{t}_{year}"] = np.where(np.isnan(need), None, need).astype(object)
            out[f"luecke_{t}_{year}"] = np.where(cls >= 0, cls, -1)
            out[f"luecke_{t}_flag_{year}"] = np.where(cls >= 0, "", "missing").astype(object)
        meta = {
            "method": "gap class per space and type: 3 high need and poor access, 2 poor access, 1 high need with "
            "access, 0 neither, -1 access unknown; poor access = share of the target group within the type's "
            f"threshold below {min_share:g} %",
            "year": year,
            "mode": mode,
            "need": need_text,
            "facility_types_file": types.origin,
            "summary": lines,
        }
        out["sp_method"] = json.dumps(meta, ensure_ascii=False, default=str)
        aliases = {}
        for t in type_list:
            label = types.types[t].label
            aliases[f"luecke_{t}_{year}"] = self.tr("{t}: gap class {y} (3 need and poor access)").format(
                t=label, y=year
            )
            aliases[f"bedarf_{t}_{year}"] = self.tr("{t}: high need {y}").format(t=label, y=year)
        # bedarf as integer 0/1 (None = unknown)
        for t in type_list:
            col = f"bedarf_{t}_{year}"
            out[col] = pd.array([None if v is None else int(v > 0) for v in out[col]], dtype="Int64")
        fields = self.fields_for_frame(out, aliases)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, layer.wkbType(), layer.crs())
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        self.write_frame(sink, fields, out, geometries=geoms, feedback=feedback, progress_span=(40, 60))
        del sink
        results = {self.OUTPUT: dest, "SUMMARY": "\n".join(lines)}
        if parameters.get(self.REPORT):
            results[self.REPORT] = self._report(parameters, context, rows)
        maps_path = self.parameterAsFileOutput(parameters, self.MAPS, context) if parameters.get(self.MAPS) else ""
        if maps_path:
            from . import _access_maps as M

            facilities = self.parameterAsSource(parameters, self.FACILITIES, context)
            type_field = self.parameterAsString(parameters, self.TYPE_FIELD, context)
            opened = self.parameterAsString(parameters, self.OPENED_FIELD, context)
            closed = self.parameterAsString(parameters, self.CLOSED_FIELD, context)
            if facilities is not None:
                self.require_fields(facilities, [type_field, opened, closed])
            muni = self.parameterAsVectorLayer(parameters, self.MUNICIPALITIES, context)
            muni_name = self.parameterAsString(parameters, self.MUNICIPALITY_NAME, context)
            if muni is not None:
                self.require_fields(muni, [muni_name])
            pages = M.access_map_sheets(
                self,
                context,
                feedback,
                maps_path,
                layer,
                frame,
                geoms,
                out,
                types,
                type_list,
                year,
                mode,
                rows,
                facilities=facilities,
                type_field=type_field,
                opened_field=opened,
                closed_field=closed,
                municipalities=muni,
                municipality_name=muni_name,
                source_note=self.parameterAsString(parameters, self.SOURCE, context),
            )
            results[self.MAPS] = maps_path
            results["PAGES"] = pages
        for line in lines:
            feedback.pushInfo(line)
        feedback.setProgress(100)
        return results

    def _need(self, parameters, context, types, type_list, index, key_field, year):
        """High need (1/0, NaN unknown) per space and type, and a text saying how it was decided."""
        import numpy as np
        import pandas as pd

        need_src = self.parameterAsSource(parameters, self.NEED, context) or self.parameterAsSource(
            parameters, self.INPUT, context
        )
        need_key = self.parameterAsString(parameters, self.NEED_KEY, context) or key_field
        need_field = self.parameterAsString(parameters, self.NEED_FIELD, context)
        op = OPS[self.parameterAsEnum(parameters, self.NEED_OP, context)]
        value = self.parameterAsDouble(parameters, self.NEED_VALUE, context)
        names = need_src.fields().names()
        self.require_fields(need_src, [need_key, need_field])
        per_type = {}
        for t in type_list:
            if need_field:
                per_type[t] = need_field
                continue
            af = types.types[t].action_field
            candidates = [f"hf_{af}", f"hf_{af}_{year}"] if af else []
            hit = next((c for c in candidates if c in names), None)
            if hit is None:
                raise QgsProcessingException(
                    self.tr(
                        "No need field for the type '{t}': choose a need field (e.g. an index class or an indicator) "
                        "or a typology layer with the action field {c} (from 'actionfieldtypology')."
                    ).format(t=t, c=" / ".join(candidates) or self.tr("(none set in the facility types file)"))
                )
            per_type[t] = hit
        fields = sorted(set(per_type.values()))
        rows = {}
        for feat in need_src.getFeatures():
            k = A.key_text(feat[need_key])
            if k is not None:
                rows[k] = [plain_value(feat[f]) for f in fields]
        table = pd.DataFrame.from_dict(rows, orient="index", columns=fields).reindex(index)
        cmp = {">": np.greater, ">=": np.greater_equal, "<": np.less, "<=": np.less_equal, "=": np.equal}[op]
        out, text = {}, {}
        for t, f in per_type.items():
            v = pd.to_numeric(table[f], errors="coerce").to_numpy(dtype=float)
            with np.errstate(invalid="ignore"):
                hit = cmp(v, value).astype(float)
            hit[np.isnan(v)] = np.nan
            out[t] = hit
            text[t] = f"{f} {op} {value:g}"
        if all(np.isnan(v).all() for v in out.values()):
            raise QgsProcessingException(
                self.tr("No key of the spaces is found in the need layer's key field '{}'.").format(need_key)
            )
        return pd.DataFrame(out, index=index), text

    def _report(self, parameters, context, rows):
        spec = [
            ("type", "string"),
            ("label", "string"),
            ("year", "int"),
            ("spaces_gap", "int"),
            ("spaces_need", "int"),
            ("spaces", "int"),
            ("municipalities_gap", "int"),
            ("municipalities", "int"),
            ("persons_beyond", "double"),
            ("persons_beyond_in_need", "double"),
            ("threshold", "double"),
            ("unit", "string"),
            ("need", "string"),
            ("min_share", "double"),
            ("text", "string"),
        ]
        fields = QgsFields()
        for name, kind in spec:
            fields.append(make_field(name, kind))
        from ..compat import WkbType

        sink, dest = self.parameterAsSink(parameters, self.REPORT, context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.REPORT))
        feats = []
        for r in rows:
            f = QgsFeature(fields)
            f.setAttributes([r.get(name) for name, _ in spec])
            feats.append(f)
        sink.addFeatures(feats, QgsFeatureSink.Flag.FastInsert)
        del sink
        return dest
