"""Import a statistics table (CSV/XLSX as offices deliver it) as a QGIS table layer with value/status/raw.

The reading itself is core.tables.read_table (no QGIS); this algorithm only turns the result into a table
layer and a report (footnotes, header notes, symbols found, warnings, unmatched keys).
"""

from qgis.core import (
    QgsFeature,
    QgsFeatureSink,
    QgsFields,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..compat import (
    ProcessingFileParameterBehavior,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
    WkbType,
)
from ..core.fields import to_number
from . import _params as P
from .base import SozialplanungAlgorithm, make_field

LAYOUTS = ["wide", "long"]
ENCODINGS = [None, "cp1252", "utf-8", "utf-8-sig", "utf-16"]
SEPARATORS = [None, ";", ",", "\t"]


class ImportTable(SozialplanungAlgorithm):
    ALG_ID = "importtable"
    GROUP = "indicators"

    INPUT = "INPUT"
    KEY = "KEY"
    SHEET = "SHEET"
    LAYOUT = "LAYOUT"
    USE_CATALOGUE = "USE_CATALOGUE"
    CATALOGUE = "CATALOGUE"
    YEAR = "YEAR"
    ENCODING = "ENCODING"
    SEPARATOR = "SEPARATOR"
    HEADER_ROW = "HEADER_ROW"
    KEY_WIDTH = "KEY_WIDTH"
    COMPARE_LAYER = "COMPARE_LAYER"
    COMPARE_FIELD = "COMPARE_FIELD"
    OUTPUT = "OUTPUT"
    REPORT = "REPORT"

    def displayName(self):
        return self.tr("Import statistics table")

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterFile(
                self.INPUT,
                self.tr("Statistics table (CSV or XLSX)"),
                ProcessingFileParameterBehavior.File,
                fileFilter=self.tr("Tables (*.csv *.txt *.tsv *.xlsx *.xlsm);;All files (*.*)"),
            )
        )
        self.addParameter(
            QgsProcessingParameterString(self.KEY, self.tr("Key column header (empty = detect)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterString(self.SHEET, self.tr("Sheet (XLSX; empty = first sheet)"), optional=True)
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.LAYOUT,
                self.tr("Output layout"),
                [self.tr("wide: one row per key"), self.tr("long: one row per cell")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.USE_CATALOGUE, self.tr("Map headers to the catalogue's count variables"), defaultValue=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("County catalogue file (overlays the default)"),
                ProcessingFileParameterBehavior.File,
                fileFilter=self.tr("YAML (*.yaml *.yml)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.YEAR,
                self.tr("Year of a table whose headers carry none (0 = none)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
                maxValue=2100,
                optional=True,
            )
        )
        adv = [
            QgsProcessingParameterEnum(
                self.ENCODING,
                self.tr("Encoding"),
                [self.tr("detect"), "cp1252 (Windows, Excel)", "UTF-8", self.tr("UTF-8 with BOM"), "UTF-16"],
                defaultValue=0,
            ),
            QgsProcessingParameterEnum(
                self.SEPARATOR,
                self.tr("Separator"),
                [self.tr("detect"), self.tr("semicolon ;"), self.tr("comma ,"), self.tr("tab")],
                defaultValue=0,
            ),
            QgsProcessingParameterNumber(
                self.HEADER_ROW,
                self.tr("Header line (0 = detect)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.KEY_WIDTH,
                self.tr("Pad numeric keys to this many digits (0 = auto)"),
                ProcessingNumberParameterType.Integer,
                0,
                minValue=0,
                maxValue=40,
                optional=True,
            ),
        ]
        for p in adv:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.COMPARE_LAYER,
                self.tr("Layer to compare the keys with"),
                [ProcessingSourceType.Vector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.COMPARE_FIELD,
                self.tr("Key field of that layer"),
                parentLayerParameterName=self.COMPARE_LAYER,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Imported table"), ProcessingSourceType.Vector)
        )
        self.addParameter(
            QgsProcessingParameterFeatureSink(
                self.REPORT, self.tr("Import report"), ProcessingSourceType.Vector, optional=True
            )
        )
        self.addOutput(QgsProcessingOutputNumber("KEY_COUNT", self.tr("Number of keys")))
        self.addOutput(QgsProcessingOutputNumber("CELL_COUNT", self.tr("Number of cells read")))
        self.addOutput(QgsProcessingOutputString("YEARS", self.tr("Years found")))
        self.addOutput(QgsProcessingOutputString("VARIABLES", self.tr("Variables found")))
        self.addOutput(QgsProcessingOutputString("STATUS_COUNTS", self.tr("Cells per status (JSON)")))
        self.addOutput(QgsProcessingOutputString("CATALOGUE_VERSION", self.tr("Catalogue version used")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_TABLE", self.tr("Keys only in the table")))
        self.addOutput(QgsProcessingOutputNumber("UNMATCHED_LAYER", self.tr("Keys only in the layer")))
        P.arrange(self, advanced=[self.CATALOGUE, self.COMPARE_LAYER, self.COMPARE_FIELD], helps={})

    def compute(self, parameters, context, feedback):
        import json

        from ..core.catalogue import load_catalogue
        from ..core.tables import match_keys, read_table

        path = self.parameterAsFile(parameters, self.INPUT, context)
        if not path:
            raise QgsProcessingException(self.tr("Choose a statistics table (CSV or XLSX)."))
        key = self.parameterAsString(parameters, self.KEY, context).strip() or None
        sheet = self.parameterAsString(parameters, self.SHEET, context).strip() or None
        layout = LAYOUTS[self.parameterAsEnum(parameters, self.LAYOUT, context)]
        use_cat = self.parameterAsBool(parameters, self.USE_CATALOGUE, context)
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        year = self._int_or_none(parameters, self.YEAR, context)
        encoding = ENCODINGS[self.parameterAsEnum(parameters, self.ENCODING, context)]
        sep = SEPARATORS[self.parameterAsEnum(parameters, self.SEPARATOR, context)]
        header_row = self._int_or_none(parameters, self.HEADER_ROW, context)
        key_width = self._int_or_none(parameters, self.KEY_WIDTH, context)
        compare = self.parameterAsSource(parameters, self.COMPARE_LAYER, context)
        compare_field = self.parameterAsString(parameters, self.COMPARE_FIELD, context)
        if compare is not None and not compare_field:
            raise QgsProcessingException(self.tr("Choose the key field of the layer to compare keys with."))
        if compare is not None:
            self.require_fields(compare, [compare_field], self.tr("key field"))

        catalogue = None
        if use_cat or cat_path:
            catalogue = load_catalogue(cat_path) if cat_path else load_catalogue()
        feedback.setProgress(5)
        if sheet is not None and sheet.isdigit():
            sheet = int(sheet) - 1
        table = read_table(
            path,
            key=key,
            sheet=sheet,
            encoding=encoding,
            sep=sep,
            year=year,
            variables=catalogue,
            header_row=header_row,
            key_width=key_width,
        )
        from ..core.checks import negative_counts

        for y in table.years or [None]:  # counts of catalogue variables are never negative
            negative_counts(
                table.wide(y)[0], source=str(path).replace("\\", "/").rsplit("/", 1)[-1], columns=table.columns, year=y
            )
        self.check_canceled(feedback)
        feedback.setProgress(40)

        if layout == "wide":
            fields, rows = self._wide_rows(table)
        else:
            fields, rows = self._long_rows(table)
        sink, dest = self.parameterAsSink(parameters, self.OUTPUT, context, fields, WkbType.NoGeometry)
        if sink is None:
            raise QgsProcessingException(self.invalidSinkError(parameters, self.OUTPUT))
        total = max(len(rows), 1)
        for i, attrs in enumerate(rows):
            if i % 1000 == 0:
                self.check_canceled(feedback)
                feedback.setProgress(40 + 50 * i / total)
            feat = QgsFeature(fields)
            feat.setAttributes(attrs)
            sink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)

        report = []
        for line in table.title:
            report.append(("title", "", line, None))
        for mk, text in table.footnote_map.items():
            report.append(("footnote", mk, text, None))
        for line in table.footnotes:
            m = next((mk for mk, text in table.footnote_map.items() if line.endswith(text) and text), None)
            if m is None:
                report.append(("footnote", "", line, None))
        for col in table.columns:
            if col.notes:
                report.append(("header_note", col.header, "; ".join(col.notes), None))
            if not col.mapped and catalogue is not None:
                report.append(
                    (
                        "unmapped_header",
                        col.header,
                        self.tr("not a catalogue variable; kept as '{}'").format(col.variable),
                        None,
                    )
                )
        counts = table.status_counts()
        from ..core.tables import STATUS_CODES

        for status, n in sorted(counts.items(), key=lambda kv: -kv[1]):
            report.append(("status", status, STATUS_CODES.get(status, ""), int(n)))
        for w in table.warnings:
            report.append(("warning", "", w, None))
            feedback.pushWarning(w)
        unmatched_t = unmatched_l = 0
        if compare is not None:
            layer_keys = [f[compare_field] for f in compare.getFeatures()]
            m = match_keys(table.keys, layer_keys)
            unmatched_t, unmatched_l = len(m.only_in_table), len(m.only_in_layer)
            report.append(("keys_matched", "", self.tr("{} keys in both").format(len(m.matched)), len(m.matched)))
            for k in m.only_in_table:
                report.append(("key_only_in_table", k, "", None))
            for k in m.only_in_layer:
                report.append(("key_only_in_layer", k, "", None))
            for h in m.hints:
                report.append(("warning", "", h, None))
            (feedback.pushWarning if not m.ok else feedback.pushInfo)(m.message())

        results = {
            self.OUTPUT: dest,
            "KEY_COUNT": len(table.keys),
            "CELL_COUNT": len(table.long),
            "YEARS": ", ".join(str(y) for y in table.years),
            "VARIABLES": ", ".join(table.variables),
            "STATUS_COUNTS": json.dumps(counts, sort_keys=True),
            "CATALOGUE_VERSION": catalogue.version if catalogue is not None else "",
            "UNMATCHED_TABLE": unmatched_t,
            "UNMATCHED_LAYER": unmatched_l,
        }
        rfields = QgsFields()
        rfields.append(make_field("kind", "string"))
        rfields.append(make_field("item", "string"))
        rfields.append(make_field("detail", "string"))
        rfields.append(make_field("count", "int"))
        rsink, rdest = self.parameterAsSink(parameters, self.REPORT, context, rfields, WkbType.NoGeometry)
        if rsink is not None:
            for row in report:
                feat = QgsFeature(rfields)
                feat.setAttributes(list(row))
                rsink.addFeature(feat, QgsFeatureSink.Flag.FastInsert)
            results[self.REPORT] = rdest
        for row in report:
            if row[0] in ("footnote", "header_note", "title"):
                feedback.pushInfo(f"{row[0]}: {row[1]} {row[2]}".replace("  ", " "))
        feedback.pushInfo(
            self.tr("{keys} keys, {vars} variables, years {years}; cells by status: {counts}").format(
                keys=len(table.keys),
                vars=len(table.variables),
                years=results["YEARS"] or "-",
                counts=", ".join(f"{k} {v}" for k, v in sorted(counts.items())),
            )
        )
        feedback.setProgress(100)
        return results

    # ----------------------------------------------------------------------------------------------
    def _int_or_none(self, parameters, name, context):
        if parameters.get(name) in (None, ""):
            return None
        v = self.parameterAsInt(parameters, name, context)
        return v or None

    _value = staticmethod(to_number)  # NaN -> NULL

    def _wide_rows(self, table):
        values, status = table.wide()
        raw = self._raw_wide(table, list(values.columns))
        fields = QgsFields()
        fields.append(make_field("key", "string", table.key_column))
        labels = table.labels if table.labels is not None else None
        label_cols = list(labels.columns) if labels is not None else []
        used = {"key"}
        label_names = []
        for c in label_cols:
            name = _unique(_field_name(c), used)
            label_names.append(name)
            fields.append(make_field(name, "string", c))
        for c in values.columns:
            fields.append(make_field(_unique(c, used), "double"))
            fields.append(make_field(_unique(f"{c}_status", used), "string"))
            fields.append(make_field(_unique(f"{c}_raw", used), "string"))
        rows = []
        for k in values.index:
            attrs = [k] + [str(labels.at[k, c]) for c in label_cols]
            vrow, srow = values.loc[k], status.loc[k]
            for c in values.columns:
                attrs.extend([self._value(vrow[c]), srow[c], raw.get((k, c), "")])
            rows.append(attrs)
        return fields, rows

    @staticmethod
    def _raw_wide(table, columns):
        import pandas as pd

        lg = table.long
        multi = len(table.years) > 1
        out = {}
        for k, y, v, r in zip(lg["key"], lg["year"], lg["variable"], lg["raw"]):
            col = f"{v}_{int(y)}" if (multi and not pd.isna(y)) else v
            out[(k, col)] = r
        return out

    def _long_rows(self, table):
        fields = QgsFields()
        for name, kind in (
            ("key", "string"),
            ("year", "int"),
            ("variable", "string"),
            ("value", "double"),
            ("status", "string"),
            ("raw", "string"),
        ):
            fields.append(make_field(name, kind))
        import pandas as pd

        lg = table.long
        rows = []
        for k, y, v, val, st, r in zip(lg["key"], lg["year"], lg["variable"], lg["value"], lg["status"], lg["raw"]):
            year = None if pd.isna(y) else int(y)
            rows.append([k, year, v, self._value(val), st, r])
        return fields, rows


def _field_name(text):
    from ..core.tables import header_slug

    return header_slug(text)


def _unique(name, used):
    base, i = name, 2
    while name.lower() in used:
        name = f"{base}_{i}"
        i += 1
    used.add(name.lower())
    return name
