"""Profile sheets (Sozialraum-Steckbriefe): one page per social space, as a QGIS atlas.

Everything the page shows per space is prepared once as plain data, then QGIS's own atlas export renders it:
- a coverage layer (one feature per space: name, municipality, index-class badge, free text, chart file),
- a table layer (one row per space and indicator: texts already formatted, suppressed values as '•'),
- one trend chart per space (core.charts.svg_trend_chart: plain SVG, text stays text) placed by a
  data-defined picture item.
So the layout added to the project stays a normal atlas a planner can restyle and export again by hand.
"""

import os
import re
from dataclasses import dataclass

from qgis.core import (
    QgsFeature,
    QgsFields,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutItemPicture,
    QgsLayoutObject,
    QgsLayoutTableColumn,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProcessingUtils,
    QgsProject,
    QgsProperty,
    QgsRuleBasedRenderer,
    QgsSpatialIndex,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import Qt

from ..compat import (
    ProcessingAlgorithmFlag,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from . import _checks as ck
from . import _layouts as L
from . import _params as P
from .base import SozialplanungAlgorithm, attr_number, attr_str, make_field, plain_value

DEFAULT_INDICATORS = [
    "sgb2_quote",
    "kinderarmut_sgb2_u15",
    "arbeitslose_anteil",
    "jugendarbeitslosigkeit",
    "langzeitarbeitslose_anteil",
    "grundsicherung_alter",
    "alleinerziehende_hh",
    "anteil_u18",
    "anteil_65plus",
    "auslaenderanteil",
    "einwohner",
]
DEFAULT_COPYRIGHT = "© GeoBasis-DE / BKG"
SYMBOL_NOTE = (
    "Zeichen: • gesperrt (Geheimhaltung, kleine Fallzahl; es wird keine Zahl ausgewiesen) · "
    "– keine Angabe · ( ) eingeschränkt aussagekräftig (kleine Bezugsgröße) · "
    "≥ Untergrenze (Summe unvollständig)."
)
COVERAGE_FIELDS = [
    ("sp_key", "string"),
    ("sp_name", "string"),
    ("sp_municipality", "string"),
    ("sp_class_label", "string"),
    ("sp_badge_color", "string"),
    ("sp_badge_fill", "string"),
    ("sp_text", "string"),
    ("sp_chart", "string"),
    ("sp_file", "string"),  # the file name stem of the space's sheet and spine chart, unique (file_stems)
]
ROW_FIELDS = [
    ("space_key", "string"),
    ("ord", "int"),
    ("indicator", "string"),
    ("value", "string"),
    ("count", "string"),
    ("mun", "string"),
    ("county", "string"),
    ("change", "string"),
]
FORMATS = ["pdf", "png"]


def memory_layer(geometry, crs, name, spec):
    """A memory layer with the given (name, kind) fields."""
    layer = QgsVectorLayer(geometry, name, "memory")
    if crs is not None:
        layer.setCrs(crs)
    fields = QgsFields()
    for fname, kind in spec:
        fields.append(make_field(fname, kind))
    layer.dataProvider().addAttributes(fields.toList())
    layer.updateFields()
    return layer


class ProfileAtlas(SozialplanungAlgorithm):
    ALG_ID = "profileatlas"
    GROUP = "maps"
    # the charts' folder when the layout is not added to a project; None: the Processing temporary folder
    # (municipalreport gives its own temporary folder, removed when its run ends)
    chart_folder = None

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    INDICATORS = "INDICATORS"
    YEARS = "YEARS"
    CHART_INDICATOR = "CHART_INDICATOR"
    CLASS_FIELD = "CLASS_FIELD"
    TEXT_FIELD = "TEXT_FIELD"
    DEFAULT_TEXT = "DEFAULT_TEXT"
    MUNICIPALITIES = "MUNICIPALITIES"
    MUNICIPALITY_NAME = "MUNICIPALITY_NAME"
    CATALOGUE = "CATALOGUE"
    REFERENCE_DATE = "REFERENCE_DATE"
    SOURCE = "SOURCE"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    ADD_TO_PROJECT = "ADD_TO_PROJECT"
    SPINE_PAGE = "SPINE_PAGE"
    OUTPUT = "OUTPUT"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"
    FOLDER_FORMAT = "FOLDER_FORMAT"
    SHARED_SCALE = "SHARED_SCALE"
    OFFERS_SUPPLY = "OFFERS_SUPPLY"
    OFFERS_ACCESS = "OFFERS_ACCESS"
    OFFERS_FACILITIES = "OFFERS_FACILITIES"

    def displayName(self):
        return self.tr("Profile sheets per social space (atlas, PDF)")

    def flags(self):
        # as QGIS's own layout exports (native:atlaslayouttopdf): layouts and their layers live in the main thread
        return super().flags() | ProcessingAlgorithmFlag.NoThreading | ProcessingAlgorithmFlag.CanCancel

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT,
                self.tr("Social spaces with indicators per year"),
                [ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Key field (empty = 'key')"), parentLayerParameterName=self.INPUT, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Name field (empty = 'name' if the layer has it, else the key)"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.INDICATORS,
                self.tr("Indicators of the table (none ticked = the key indicators)"),
                optional=True,
            )
        )
        self.addParameter(
            P.years(
                QgsProcessingParameterString(
                    self.YEARS,
                    self.tr("Years (empty = all years of the layer)"),
                    optional=True,
                ),
                layer_param=self.INPUT,
                empty="layer",
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.CHART_INDICATOR,
                self.tr("Indicator of the trend chart (empty = the first of the table)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CLASS_FIELD,
                self.tr("Index class field (badge)"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.TEXT_FIELD,
                self.tr("Free text field"),
                parentLayerParameterName=self.INPUT,
                type=ProcessingFieldParameterDataType.String,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.DEFAULT_TEXT,
                self.tr("Default free text (empty = a short automatic summary)"),
                optional=True,
                multiLine=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.MUNICIPALITIES,
                self.tr("Municipal boundaries"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.MUNICIPALITY_NAME,
                self.tr("Municipality name field"),
                parentLayerParameterName=self.MUNICIPALITIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE, self.tr("Reference date ({year} = the last year)"), "31.12.{year}", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SOURCE,
                self.tr("Source and copyright note"),
                DEFAULT_COPYRIGHT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                self.tr("Own layout template (.qpt; empty = profile_a4_portrait)"),
                fileFilter="QGIS layout template (*.qpt)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                ProcessingNumberParameterType.Integer,
                150,
                minValue=72,
                maxValue=600,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ADD_TO_PROJECT, self.tr("Add the atlas layout to the project (QGIS desktop)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.SPINE_PAGE,
                self.tr("Second page per space: strengths and weaknesses (spine chart)"),
                True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Profile sheets (one multipage PDF)"), "PDF (*.pdf)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(
                self.OUTPUT_FOLDER,
                self.tr("Folder for one file per social space"),
                optional=True,
                createByDefault=False,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.FOLDER_FORMAT, self.tr("Format of the files per social space"), ["PDF", "PNG"], defaultValue=0
            )
        )
        self.addParameter(
            P.advanced(
                P.helped(
                    QgsProcessingParameterBoolean(
                        self.SHARED_SCALE, self.tr("One y axis for the charts of all sheets"), True, optional=True
                    ),
                    self.tr("So that the sheets compare side by side; off: each chart spans its own values."),
                )
            )
        )
        self._offers_parameters()
        self.addOutput(QgsProcessingOutputNumber("PAGE_COUNT", self.tr("Number of profile sheets (social spaces)")))
        P.arrange(
            self,
            ids={
                self.INDICATORS: {"layer_param": self.INPUT},
                self.CHART_INDICATOR: {"multiple": False, "layer_param": self.INPUT},
            },
            advanced=[
                self.KEY_FIELD,
                self.NAME_FIELD,
                self.TEXT_FIELD,
                self.DEFAULT_TEXT,
                self.CATALOGUE,
                self.REFERENCE_DATE,
                self.SOURCE,
                self.TEMPLATE,
                self.DPI,
                self.ADD_TO_PROJECT,
                self.SPINE_PAGE,
                self.OUTPUT_FOLDER,
                self.FOLDER_FORMAT,
            ],
            helps={
                self.SOURCE: self.tr("The indicators' data sources are added to this note."),
                self.YEARS: self.tr(
                    "The last year is shown in the table. In batch mode and qgis_process: years separated by "
                    "commas, e.g. 2014, 2024, 2025."
                ),
            },
        )

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        """Phases: options (layer, indicators, years) -> per space as plain data (coverage and table layers,
        charts) -> the atlas layout -> export."""
        opt = self._options(parameters, context)
        project = context.project() or QgsProject.instance()
        self._keep = []
        lay = L.load_template(project, opt.template, "Sozialraum-Steckbriefe")
        pic = L.find_item(lay, "chart", required=False)
        chart_size = (110.0, 56.0)
        if isinstance(pic, QgsLayoutItemPicture):
            size = lay.convertToLayoutUnits(pic.sizeWithUnits())
            chart_size = (size.width(), size.height())
        # layouts for the desktop project: layers and charts kept beside the PDF (issue 19), else temporary
        target = L.desktop_project(context, opt.add_to_project)
        chart_dir = (
            os.path.splitext(os.path.abspath(opt.out_path))[0] + "_diagramme"
            if target is not None
            else self.chart_folder or os.path.join(QgsProcessingUtils.tempFolder(), f"profile_charts_{id(self)}")
        )
        os.makedirs(chart_dir, exist_ok=True)
        cov, rows = self._space_layers(opt, chart_dir, chart_size, feedback)
        boundary, locator_boundary = self._boundaries(opt)
        if target is not None:
            cov, rows, boundary, locator_boundary = self._persist_layers(
                opt.out_path, [cov, rows, boundary, locator_boundary], feedback
            )
        atlas = self._layout(opt, lay, pic, cov, rows, boundary, locator_boundary)
        self._keep += self._offers(parameters, context, lay, cov)  # "Angebote im Sozialraum" (page 2), optional
        if opt.spine_page:
            stems = {f["sp_key"]: f["sp_file"] for f in cov.getFeatures()}
            add_spine_page(
                lay, opt.layer, opt.key_field, opt.ind_ids, opt.catalogue, opt.last, chart_dir, feedback, stems
            )
        results = self._export(opt, lay, atlas, feedback)
        if opt.add_to_project:
            # every layer the layout uses, the table's rows too (memory layers: save them to keep the project)
            extra = L.persist_memory_layers([lay], L.layers_file(opt.out_path), feedback) if target is not None else []
            L.add_to_desktop_project(
                context, [lay], [cov, rows] + [b for b in (boundary, locator_boundary) if b] + extra
            )
        feedback.setProgress(100)
        return results

    # --- phases -----------------------------------------------------------------------------------------
    def _options(self, parameters, context):
        """The parameters, checked: the layer's indicators '<id>_<year>', the years, the chart indicator."""
        from ..core import fields as contract
        from ..core.catalogue import default_catalogue, load_catalogue

        layer = self.require_layer(self.parameterAsVectorLayer(parameters, self.INPUT, context), self.INPUT)
        self.require_features(layer)
        layer_fields = layer.fields().names()
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context) or "key"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or (
            "name" if "name" in layer_fields else ""
        )
        class_field = self.parameterAsString(parameters, self.CLASS_FIELD, context)
        text_field = self.parameterAsString(parameters, self.TEXT_FIELD, context)
        self.require_fields(layer, [key_field, name_field, class_field, text_field])
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(cat_path) if cat_path else default_catalogue()
        names = set(layer.fields().names())

        # years and indicators present as <id>_<year>
        present = {}
        for n in names:
            base, year = contract.split_year(n)
            if year is not None and base in catalogue.indicators:
                present.setdefault(base, set()).add(year)
        ind_param = [
            s.strip() for s in self.parameterAsString(parameters, self.INDICATORS, context).split(",") if s.strip()
        ]
        if ind_param:
            missing = [i for i in ind_param if i not in present]
            if missing:
                raise QgsProcessingException(
                    self.tr(
                        "Layer '{l}' has no fields '<id>_<year>' for the indicator(s) {m}. Indicators found: {f}. "
                        "Run 'Aggregate indicators' for them or correct the list."
                    ).format(l=layer.name(), m=", ".join(missing), f=", ".join(sorted(present)) or "none")
                )
            ind_ids = ind_param
        else:
            ind_ids = [i for i in DEFAULT_INDICATORS if i in present] or sorted(present)[:10]
        if not ind_ids:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{}' has no indicator fields named '<id>_<year>' (e.g. kinderarmut_sgb2_u15_2025). Use the "
                    "output of 'Aggregate indicators' (wide layout)."
                ).format(layer.name())
            )
        all_years = sorted(set().union(*(present[i] for i in ind_ids)))
        years_param = self.parameterAsString(parameters, self.YEARS, context)
        years = ck.year_list(years_param, self.parameterDefinition(self.YEARS).description()) or all_years
        bad = [y for y in years if y not in all_years]
        if bad:
            raise QgsProcessingException(
                self.tr("No indicator field for the year(s) {b}; years in the layer: {a}.").format(
                    b=", ".join(map(str, bad)), a=", ".join(map(str, all_years))
                )
            )
        chart_id = self.parameterAsString(parameters, self.CHART_INDICATOR, context).strip() or ind_ids[0]
        if chart_id not in present:
            raise QgsProcessingException(
                self.tr("The chart indicator '{c}' has no fields in layer '{l}'.").format(c=chart_id, l=layer.name())
            )
        muni = self.parameterAsVectorLayer(parameters, self.MUNICIPALITIES, context)
        muni_name = self.parameterAsString(parameters, self.MUNICIPALITY_NAME, context)
        if muni is not None:
            self.require_fields(muni, [muni_name])
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            L.template_path("profile_a4_portrait")
        )
        if not os.path.exists(template):
            raise QgsProcessingException(self.tr("The layout template {} does not exist.").format(template))
        return _AtlasOptions(
            layer=layer,
            names=names,
            key_field=key_field,
            name_field=name_field,
            class_field=class_field,
            text_field=text_field,
            ind_ids=ind_ids,
            catalogue=catalogue,
            inds={i: catalogue.indicators[i] for i in set(ind_ids) | {chart_id}},
            chart_id=chart_id,
            years=years,
            default_text=self.parameterAsString(parameters, self.DEFAULT_TEXT, context),
            muni=muni,
            muni_name=muni_name,
            ref_date=self.parameterAsString(parameters, self.REFERENCE_DATE, context),
            source_note=self.parameterAsString(parameters, self.SOURCE, context),
            template=template,
            dpi=self.parameterAsInt(parameters, self.DPI, context),
            add_to_project=self.parameterAsBoolean(parameters, self.ADD_TO_PROJECT, context),
            out_path=self.parameterAsFileOutput(parameters, self.OUTPUT, context),
            folder=self.parameterAsString(parameters, self.OUTPUT_FOLDER, context),
            folder_format=FORMATS[self.parameterAsEnum(parameters, self.FOLDER_FORMAT, context)],
            shared_scale=self.parameterAsBoolean(parameters, self.SHARED_SCALE, context),
            spine_page=self.parameterAsBoolean(parameters, self.SPINE_PAGE, context),
        )

    def _space_layers(self, opt, chart_dir, chart_size, feedback):
        """Per space as plain data: the coverage layer (name, municipality, badge, text, chart file) and the
        table layer (one row per space and indicator, texts formatted, suppressed values as '•')."""
        layer, names = opt.layer, opt.names
        muni_of = self._municipality_lookup(layer, opt.muni, opt.muni_name)
        cov = memory_layer(
            f"MultiPolygon?crs={layer.crs().authid()}", layer.crs(), "Sozialräume (Steckbriefe)", COVERAGE_FIELDS
        )
        rows = memory_layer("None", None, "Kennzahlen (Steckbriefe)", ROW_FIELDS)
        self._keep += [cov, rows]
        chart_ind = opt.inds[opt.chart_id]
        class_values, class_labels = [], {}
        label_field = L.class_label_field(opt.class_field, names) if opt.class_field else None
        if opt.class_field:
            for f in layer.getFeatures():
                if attr_str(f[opt.class_field]) is not None:
                    class_values.append(f[opt.class_field])
                    if label_field and attr_str(f[label_field]):
                        class_labels.setdefault(attr_str(f[opt.class_field]), attr_str(f[label_field]))
        badge_of = self._badges(class_values, class_labels, opt.class_field)
        total = max(layer.featureCount(), 1)
        cov_feats, row_feats = [], []
        feats = sorted(layer.getFeatures(), key=lambda f: str(f[opt.key_field]))
        stems = file_stems(str(f[opt.key_field]) for f in feats)
        scale = self._shared_scale(feats, names, opt.chart_id, opt.years) if opt.shared_scale else None
        for n, feat in enumerate(feats):
            self.check_canceled(feedback)
            key = str(feat[opt.key_field])
            name = attr_str(feat[opt.name_field]) if opt.name_field else key
            for order, ind_id in enumerate(opt.ind_ids):
                rf = QgsFeature(rows.fields())
                rf.setAttributes([key, order, *self._table_row(feat, names, opt.inds[ind_id], opt.first, opt.last)])
                row_feats.append(rf)
            vals, flags, refs = self._chart_series(feat, names, opt.chart_id, opt.years)
            path = os.path.join(chart_dir, f"chart_{n:05d}.svg")
            _write_chart(path, opt.years, vals, flags, refs, chart_ind, chart_size, value_range=scale)
            # free text
            text = attr_str(feat[opt.text_field]) if opt.text_field else None
            if not text:
                text = opt.default_text or self._summary(chart_ind, vals[-1], flags[-1], refs, opt.last)
            cls_label, colour = badge_of(feat[opt.class_field] if opt.class_field else None)
            cf = QgsFeature(cov.fields())
            cf.setAttributes([key, name, muni_of(feat), cls_label, colour, _tint(colour), text, path, stems[key]])
            cf.setGeometry(QgsGeometry(feat.geometry()))
            cov_feats.append(cf)
            feedback.setProgress(40 * (n + 1) / total)
        cov.dataProvider().addFeatures(cov_feats)
        cov.updateExtents()
        rows.dataProvider().addFeatures(row_feats)
        cov.setRenderer(self._highlight_renderer())
        return cov, rows

    def _table_row(self, feat, names, ind, first, last):
        """[label, value, count, municipality, county, change] of one indicator in the last year; a suppressed
        value is '•' whatever the layer holds."""
        from ..core import fields as contract

        def number(part, year):
            field = contract.field_name(ind.id, part, year)
            return attr_number(feat[field]) if field in names else None

        dec = contract.decimals_for(ind.unit)
        v, flag = self._value(feat, names, ind.id, last)
        num = number("num", last)
        count = (
            contract.cell_text(num, flag if flag == contract.FLAG_SUPPRESSED else None, 0) if ind.denominator else ""
        )
        mun, cty = number("ref_mun", last), number("ref_county", last)
        v0, flag0 = self._value(feat, names, ind.id, first)
        if first == last:
            change = ""
        elif contract.FLAG_SUPPRESSED in (flag, flag0):
            change = contract.SUPPRESSED_MARK
        elif v is None or v0 is None:
            change = contract.MISSING_TEXT
        else:
            d = v - v0
            change = ("+" if d > 0 else "") + contract.fmt_de(d, dec)
        unit = contract.unit_text(ind.unit)
        label = (ind.short_name or ind.name) + (f" ({unit})" if unit else "")
        return [
            label,
            contract.cell_text(v, flag, dec),
            count,
            contract.cell_text(mun, None, dec),
            contract.cell_text(cty, None, dec),
            change,
        ]

    def _chart_series(self, feat, names, chart_id, years):
        """The space's values and flags over the years (suppressed: None) and the references by label."""
        from ..core import fields as contract

        vals, flags = [], []
        for y in years:
            v, flag = self._value(feat, names, chart_id, y)
            vals.append(v)
            flags.append(flag)
        refs = {}
        for ref, label in (("mun", "Gemeinde"), ("county", "Kreis")):
            fields = [contract.field_name(chart_id, f"ref_{ref}", y) for y in years]
            series = [attr_number(feat[f]) if f in names else None for f in fields]
            if any(s is not None for s in series):
                refs[label] = series
        return vals, flags, refs

    def _boundaries(self, opt):
        """Municipality boundaries for the map and the locator map (copies of the given layer), or None."""
        if opt.muni is None:
            return None, None
        boundary = opt.muni.clone()
        boundary.setName("Gemeindegrenze")
        L.boundary_renderer(boundary, width=0.7, label_field=opt.muni_name or None, label_size=8)
        locator_boundary = opt.muni.clone()
        locator_boundary.setName("Gemeindegrenze (Lage im Kreis)")
        L.boundary_renderer(locator_boundary, width=0.3)
        self._keep += [boundary, locator_boundary]
        return boundary, locator_boundary

    def _layout(self, opt, lay, pic, cov, rows, boundary, locator_boundary):
        """The atlas over the coverage layer: maps, texts, badge, chart picture and table; returns the atlas."""
        from ..core import charts
        from ..core import fields as contract

        layer, first, last = opt.layer, opt.first, opt.last
        chart_ind = opt.inds[opt.chart_id]
        atlas = lay.atlas()
        atlas.setCoverageLayer(cov)
        atlas.setEnabled(True)
        atlas.setHideCoverage(False)
        atlas.setPageNameExpression('"sp_name"')
        atlas.setSortFeatures(True)
        atlas.setSortExpression('"sp_key"')
        atlas.setFilenameExpression("'steckbrief_' || \"sp_file\"")
        mp = L.find_item(lay, "map")
        mp.setCrs(layer.crs())
        mp.setLayers(([boundary] if boundary else []) + [cov])
        mp.setAtlasDriven(True)
        L.zoom_map(mp, cov.extent(), 1.0)
        loc = L.find_item(lay, "locator", required=False)
        if loc is not None:
            loc.setCrs(layer.crs())
            loc.setLayers(([locator_boundary] if locator_boundary else []) + [cov])
            loc.setAtlasDriven(False)
            L.zoom_map(loc, cov.extent(), 1.03)
        last_date = opt.ref_date.replace("{year}", str(last)) if opt.ref_date else ""
        L.set_text(lay, "title", '[% "sp_name" %]')
        L.set_text(
            lay,
            "subtitle",
            "[% if(\"sp_municipality\" IS NULL, '', 'Gemeinde ' || \"sp_municipality\" "
            "|| ' · ') %]Sozialraum [% \"sp_key\" %]" + (f" · Stand {last_date}" if last_date else ""),
        )
        badge = L.find_item(lay, "badge", required=False)
        if badge is not None:
            if opt.class_field:
                badge.setText('[% "sp_class_label" %]')
                # class colour as a thick frame, a light tint of it behind the text: dark text stays readable
                props = badge.dataDefinedProperties()
                props.setProperty(
                    QgsLayoutObject.DataDefinedProperty.BackgroundColor, QgsProperty.fromField("sp_badge_fill")
                )
                props.setProperty(
                    QgsLayoutObject.DataDefinedProperty.FrameColor, QgsProperty.fromField("sp_badge_color")
                )
                badge.setFrameEnabled(True)
                badge.setBackgroundEnabled(True)
            else:
                badge.setVisibility(False)
        L.set_text(lay, "free_text", '[% "sp_text" %]')
        L.set_text(lay, "table_title", f"Kennzahlen {last}")
        cunit = contract.unit_text(chart_ind.unit)
        L.set_text(
            lay,
            "chart_title",
            f"{chart_ind.short_name or chart_ind.name}" + (f" ({cunit})" if cunit else "") + f", {first}–{last}",
        )
        sources = charts.short_sources(opt.inds[i].source for i in opt.ind_ids)
        lines = ["Quelle: Daten: " + ", ".join(sources) if sources else "", opt.source_note or ""]
        L.set_text(lay, "source", "\n".join(x for x in lines if x))  # the copyright on a line of its own
        L.set_text(lay, "note", SYMBOL_NOTE)
        if isinstance(pic, QgsLayoutItemPicture):
            pic.dataDefinedProperties().setProperty(
                QgsLayoutObject.DataDefinedProperty.PictureSource, QgsProperty.fromField("sp_chart")
            )
        self._setup_table(lay, rows, first, last)
        return atlas

    def _export(self, opt, lay, atlas, feedback):
        """QGIS's own atlas export (progress and cancel per page): the PDF, and the files per space."""
        out_path, folder = opt.out_path, opt.folder
        settings = L.pdf_settings()
        settings.dpi = opt.dpi
        sub = _SubFeedback(feedback, 40, 100 if not folder else 75)
        os.makedirs(os.path.dirname(os.path.abspath(out_path)), exist_ok=True)
        tmp = out_path + ".part.pdf"
        result, error = QgsLayoutExporter.exportToPdf(atlas, tmp, settings, sub)
        if feedback.isCanceled():
            _remove(tmp)
            raise QgsProcessingException(self.tr("Canceled: nothing was written."))
        if result != QgsLayoutExporter.ExportResult.Success:
            _remove(tmp)
            raise QgsProcessingException(
                self.tr("The atlas could not be exported to {p}: {e}").format(p=out_path, e=error or result)
            )
        os.replace(tmp, out_path)
        if folder and feedback.isCanceled():
            raise QgsProcessingException(self.tr("Canceled: nothing was written."))
        self.last_layout = lay  # for bench/bench_atlas.py (plain re-export of the same atlas)
        results = {self.OUTPUT: out_path, "PAGE_COUNT": atlas.count()}
        if folder:
            # complete or absent as a set: the files are written into a hidden partial folder inside the folder
            # and moved into place with the PDF when the run succeeds (a failed, cancelled or killed run leaves
            # the folder as it was, never some of the new sheets)
            outputs = getattr(self, "_atomic_outputs", None)
            if outputs is not None:
                partial = outputs.redirect_folder(folder)
            else:
                os.makedirs(folder, exist_ok=True)
                partial = folder
            sub = _SubFeedback(feedback, 75, 100)
            if opt.folder_format == "pdf":
                result, error = QgsLayoutExporter.exportToPdfs(
                    atlas, os.path.join(partial, "steckbrief"), settings, sub
                )
            else:
                img = QgsLayoutExporter.ImageExportSettings()
                img.dpi = opt.dpi
                img.generateWorldFile = False
                img.exportMetadata = False  # else GDAL tries to write metadata into the PNG (error 6)
                result, error = QgsLayoutExporter.exportToImage(
                    atlas, os.path.join(partial, "steckbrief"), "png", img, sub
                )
            if feedback.isCanceled():
                raise QgsProcessingException(self.tr("Canceled: nothing was written."))
            if result != QgsLayoutExporter.ExportResult.Success:
                raise QgsProcessingException(
                    self.tr("The files per social space could not be written to {p}: {e}").format(
                        p=folder, e=(error or str(result)).replace(partial, folder)
                    )
                )
            results[self.OUTPUT_FOLDER] = folder
        return results

    # ------------------------------------------------------------------------------------------------
    def _shared_scale(self, feats, names, chart_id, years):
        """(lowest, highest) value of the chart indicator over all spaces, years and references (suppressed
        values left out): one y axis for every sheet, so the charts compare side by side."""
        values = []
        for feat in feats:
            for y in years:
                v, flag = self._value(feat, names, chart_id, y)
                if v is not None:
                    values.append(v)
                for ref in ("mun", "county"):
                    f = f"{chart_id}_ref_{ref}_{y}"
                    r = attr_number(feat[f]) if f in names else None
                    if r is not None:
                        values.append(r)
        return (min(values), max(values)) if values else None

    def _persist_layers(self, out_path, layers, feedback):
        """The atlas's layers written to a GeoPackage beside the PDF, so the layout added to the project keeps
        them through save, reopen and restart (a memory layer is empty after reopening). None stays None."""
        gpkg = L.layers_file(out_path)
        if L.is_temporary(out_path):
            feedback.pushWarning(
                self.tr(
                    "The PDF is a temporary file: the layers of the atlas added to the project are kept beside it "
                    "and are gone when QGIS closes. Choose a file for the PDF to keep them with the project."
                )
            )
        used, out = set(), []
        for layer in layers:
            out.append(None if layer is None else L.persist_layer(layer, gpkg, L.table_name(layer.name(), used)))
        self._keep += [lyr for lyr in out if lyr is not None]
        return out

    def _offers_parameters(self):
        """Optional layers of the section "Angebote im Sozialraum" (processing/_access_sheets.py)."""
        for name, label in (
            (self.OFFERS_SUPPLY, self.tr("Offers: supply per social space (from 'facilitysupply')")),
            (self.OFFERS_ACCESS, self.tr("Offers: accessibility per social space (from 'networkaccess')")),
            (self.OFFERS_FACILITIES, self.tr("Offers: facilities shown on the map")),
        ):
            p = QgsProcessingParameterVectorLayer(name, label, optional=True)
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)

    def _offers(self, parameters, context, lay, coverage):
        """A second page per space with the offers table and map, when supply or access layers are given."""
        supply = self.parameterAsVectorLayer(parameters, self.OFFERS_SUPPLY, context)
        access = self.parameterAsVectorLayer(parameters, self.OFFERS_ACCESS, context)
        if supply is None and access is None:
            return []
        from ..core.facilities import load_facility_types
        from . import _access_sheets as S

        types = load_facility_types()
        rows, shown, year = S.offer_rows_layer(supply, access, types)
        if not shown:
            return []
        facilities = self.parameterAsVectorLayer(parameters, self.OFFERS_FACILITIES, context)
        type_field = "type" if facilities is not None and "type" in facilities.fields().names() else ""
        keep = S.add_offers_page(lay, rows, coverage, types, shown, year, facilities=facilities, type_field=type_field)
        return [rows, *keep]

    @staticmethod
    def _value(feat, names, ind_id, year):
        """(value or None, flag) of one indicator and year; a suppressed value is None, never a number."""
        from ..core import fields as contract

        field, flag_field = contract.field_name(ind_id, "", year), contract.field_name(ind_id, "flag", year)
        if field not in names:
            return None, contract.FLAG_MISSING
        flag = attr_str(feat[flag_field]) if flag_field in names else None
        if flag == contract.FLAG_SUPPRESSED:
            return None, flag
        return attr_number(feat[field]), flag

    @staticmethod
    def _summary(ind, value, flag, refs, year):
        from ..core import fields as contract

        label = ind.short_name or ind.name
        if flag == contract.FLAG_SUPPRESSED:
            return f"{label} {year}: gesperrt (kleine Fallzahl)."
        if value is None:
            return f"{label} {year}: keine Angabe."
        unit = contract.unit_text(ind.unit)
        dec = contract.decimals_for(ind.unit)
        text = f"{label} {year}: {contract.fmt_de(value, dec, unit)}"
        county = (refs.get("Kreis") or [None])[-1]
        if county is not None:
            rel = "über" if value > county else ("unter" if value < county else "gleich")
            text += f", {rel} dem Kreiswert ({contract.fmt_de(county, dec, unit)})"
        return text + "."

    @staticmethod
    def _badges(values, labels=None, field=""):
        """Badge text and colour per class value. Colours: the class's rank among the values present on the
        ramp (numbers ascending, texts sorted). Text: the index's own label (label field) if there is one, else
        'k von n' for classes 1..n, else the value."""
        labels = labels or {}
        try:
            order = sorted({int(float(v)) for v in values})
            numeric = True
        except (TypeError, ValueError):
            order = sorted({str(v) for v in values})
            numeric = False
        colours = L.ramp(max(len(order), 1))
        one_to_n = numeric and order == list(range(1, len(order) + 1))
        mss = L.mss_kind(field, order) if numeric else None
        if mss:  # Berlin MSS: the colours of the bivariate map scheme and the classes in words
            from ..core import colours as C

            scheme = {"combined": C.MSS_COLOURS, "status": C.MSS_STATUS_COLOURS, "dynamics": C.MSS_DYNAMICS_COLOURS}
            colours = [scheme[mss][k] for k in order]
            labels = {**{str(k): L.mss_label(k, mss) for k in order}, **labels}  # the layer's labels first

        def badge(v):
            if attr_str(v) is None:
                return "keine Indexklasse", "#dddddd"
            key = int(float(v)) if numeric else str(v)
            colour = colours[order.index(key)] if key in order else "#dddddd"
            label = labels.get(attr_str(v)) or labels.get(str(key))
            if label:
                return f"Indexklasse\n{label}", colour
            if one_to_n:
                return f"Indexklasse\n{key} von {len(order)}", colour
            return f"Indexklasse\n{key}", colour

        return badge

    @staticmethod
    def _municipality_lookup(layer, muni, name_field):
        """Municipality name of a space by its point on surface (None without a municipalities layer)."""
        if muni is None or not name_field:
            return lambda feat: None
        from qgis.core import QgsCoordinateTransform

        index = QgsSpatialIndex(muni.getFeatures())
        geoms = {f.id(): (f.geometry(), f[name_field]) for f in muni.getFeatures()}
        tr = (
            QgsCoordinateTransform(layer.crs(), muni.crs(), QgsProject.instance())
            if layer.crs() != muni.crs()
            else None
        )

        def lookup(feat):
            pt = feat.geometry().pointOnSurface()
            if tr is not None:
                pt.transform(tr)
            for fid in index.intersects(pt.boundingBox()):
                g, name = geoms[fid]
                if g.contains(pt):
                    return attr_str(name)
            return None

        return lookup

    @staticmethod
    def _highlight_renderer():
        """The atlas space red-outlined (filled red in the locator), the other spaces light grey."""
        root = QgsRuleBasedRenderer.Rule(None)
        cur_loc = L.fill_symbol("#d7301f", "#7f0000", 0.3)
        cur_map = L.fill_symbol("#fcbba1", "#b2182b", 0.9)
        cur_map.setOpacity(0.85)
        other = L.fill_symbol("#f0f0f0", "#bdbdbd", 0.2)
        for sym in (cur_loc, cur_map):  # drawn after the grey neighbours (symbol levels)
            for layer in sym.symbolLayers():
                layer.setRenderingPass(1)
        root.appendChild(
            QgsRuleBasedRenderer.Rule(
                cur_loc, 0, 0, "$id = @atlas_featureid AND @map_id = 'locator'", "Sozialraum (Lage)"
            )
        )
        root.appendChild(
            QgsRuleBasedRenderer.Rule(cur_map, 0, 0, "$id = @atlas_featureid AND @map_id <> 'locator'", "Sozialraum")
        )
        root.appendChild(QgsRuleBasedRenderer.Rule(other, 0, 0, "$id <> @atlas_featureid", "weitere Sozialräume"))
        renderer = QgsRuleBasedRenderer(root)
        renderer.setUsingSymbolLevels(True)
        return renderer

    def _setup_table(self, lay, rows, first, last):
        """The indicator table: rows of the atlas space only, texts prepared (no number formatting in QGIS)."""
        frame = L.find_item(lay, "table", required=False)
        if frame is None:
            return
        table = frame.multiFrame() if hasattr(frame, "multiFrame") else frame
        table.setVectorLayer(rows)
        table.setDisplayOnlyVisibleFeatures(False)
        table.setFilterFeatures(True)
        table.setFeatureFilter("\"space_key\" = attribute(@atlas_feature, 'sp_key')")
        table.setMaximumNumberOfFeatures(60)
        spec = [
            ("indicator", "Kennzahl", Qt.AlignmentFlag.AlignLeft),
            ("value", "Sozialraum", Qt.AlignmentFlag.AlignRight),
            ("count", "Fälle", Qt.AlignmentFlag.AlignRight),
            ("mun", "Gemeinde", Qt.AlignmentFlag.AlignRight),
            ("county", "Kreis", Qt.AlignmentFlag.AlignRight),
        ]
        if first != last:
            spec.append(("change", f"± seit {first}", Qt.AlignmentFlag.AlignRight))
        # the indicator column wide, the numbers narrow (cell margins and grid included)
        # (a table frame is as wide as its columns: the target is the page width less the frame's left margin on
        # both sides)
        page_w = lay.pageCollection().page(0).rect().width()
        target = max(page_w - 2 * frame.pos().x(), 80.0)
        inner = target - 2 * table.cellMargin() * len(spec) - table.gridStrokeWidth() * (len(spec) + 1)
        weights = [2.6, 1.0, 0.8, 1.0, 1.0, 1.3][: len(spec)]
        widths = [inner * w / sum(weights) for w in weights]
        cols = []
        for (attr, heading, align), width in zip(spec, widths):
            col = QgsLayoutTableColumn(heading)
            col.setAttribute(attr)
            col.setHAlignment(align)
            col.setWidth(width)
            cols.append(col)
        table.setColumns(cols)
        table.setHeaderHAlignment(table.FollowColumn)
        table.refreshAttributes()


@dataclass
class _AtlasOptions:
    """The parameters of one run, checked: layer and fields, indicators and years, map, layout, outputs."""

    layer: object
    names: set
    key_field: str
    name_field: str
    class_field: str
    text_field: str
    ind_ids: list
    inds: dict
    chart_id: str
    years: list
    default_text: str
    muni: object
    muni_name: str
    ref_date: str
    source_note: str
    template: str
    dpi: int
    add_to_project: bool
    out_path: str
    folder: str
    folder_format: str
    catalogue: object = None
    shared_scale: bool = True
    spine_page: bool = False

    @property
    def first(self):
        return self.years[0]

    @property
    def last(self):
        return self.years[-1]


def _write_chart(path, years, vals, flags, refs, chart_ind, chart_size, value_range=None):
    """The space's trend chart as SVG: suppressed years are gaps with '•', the references dashed."""
    from ..core import charts
    from ..core import fields as contract

    shown = charts.mask_suppressed(vals, flags)
    supp_years = [y for y, f in zip(years, flags) if f == contract.FLAG_SUPPRESSED]
    series = [("Sozialraum", shown, {"color": "#b2182b"})]
    for i, (label, s) in enumerate(refs.items()):
        series.append((label, s, {"color": ["#4d4d4d", "#999999"][i % 2], "ls": "--", "ms": 2, "lw": 1.1}))
    with open(path, "w", encoding="utf-8") as fh:
        fh.write(
            charts.svg_trend_chart(
                years,
                series,
                width_mm=chart_size[0],
                height_mm=chart_size[1],
                unit=contract.unit_text(chart_ind.unit),
                decimals=contract.decimals_for(chart_ind.unit),
                suppressed_years=supp_years,
                value_range=value_range,
            )
        )


class _SubFeedback:
    """Maps an exporter's 0-100 % onto a span of the algorithm's progress; cancel passes through."""

    def __new__(cls, feedback, start, end):
        from qgis.core import QgsFeedback

        sub = QgsFeedback()
        sub.progressChanged.connect(lambda p: feedback.setProgress(start + (end - start) * p / 100.0))
        feedback.canceled.connect(sub.cancel)
        if feedback.isCanceled():
            sub.cancel()
        return sub


def _numeric_or_as_is(column):
    """The column as numbers when all of it converts, else unchanged (pandas 2.2+ deprecates errors='ignore')."""
    import pandas as pd

    try:
        return pd.to_numeric(column)
    except (ValueError, TypeError):
        return column


def _tint(colour, share=0.3):
    """'#rrggbb' mixed with white (share of the colour), for a badge background behind dark text."""
    c = colour.lstrip("#")
    rgb = [int(c[i : i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(255 - (255 - v) * share):02x}" for v in rgb)


def _remove(path):
    try:
        os.remove(path)
    except OSError:
        pass


# ---------------------------------------------------------------------------------------------------- spine page
def file_stems(keys):
    """{key: file name stem}: the key with every character but A-Z, a-z, 0-9, '_' and '-' as '_', and '_2', '_3' …
    added for keys that would otherwise share a name ('A 1' and 'A_1'): one sheet per space, none overwritten. A key
    that is a file name as it stands keeps it."""
    stems, used = {}, set()
    bases = {key: re.sub(r"[^A-Za-z0-9_-]", "_", key) for key in set(keys)}
    for key in sorted(bases, key=lambda k: (bases[k] != k, k)):
        base = bases[key]
        stem, n = base, 1
        while stem in used:
            n += 1
            stem = f"{base}_{n}"
        stems[key] = stem
        used.add(stem)
    return stems


def spine_file(folder, stem):
    """The spine chart file of a space by its file name stem (file_stems; the layout's expression builds it)."""
    return os.path.join(folder, f"spine_{stem}.svg")


def add_spine_page(lay, layer, key_field, ind_ids, catalogue, year, folder, feedback=None, stems=None):
    """A second atlas page per space: its strengths and weaknesses (core.strengths) as a spine chart with the
    texts below (core.charts.svg_spine_chart, one SVG per space in ``folder``, named by ``stems``, the atlas
    coverage's ``sp_file``; empty = file_stems of the layer's keys). Rates only (indicators with a denominator);
    suppressed values get no mark and no number."""
    import pandas as pd
    from qgis.core import QgsExpression, QgsLayoutItemPage, QgsLayoutPoint, QgsLayoutSize

    from ..compat import LayoutUnit
    from ..core import charts
    from ..core import strengths as sw
    from ..core.fields import field_name, split_year

    inds = [catalogue.indicators[i] for i in ind_ids if catalogue.indicators[i].denominator]
    if not inds:
        return None
    names = set(layer.fields().names())
    wanted = [key_field] + [
        n
        for i in inds
        for part in ("", "num", "den", "flag", "ref_county", "ref_mun")
        for n in [field_name(i.id, part, year)]
        if n in names
    ]
    first_year = {}
    for i in inds:  # the trend: the first year with a value field
        ys = sorted(y for n in names for base, y in [split_year(n)] if base == i.id and y is not None)
        first_year[i.id] = ys[0] if ys else None
        for y in ys[:1]:
            wanted += [n for n in (f"{i.id}_{y}", f"{i.id}_flag_{y}", f"{i.id}_ref_county_{y}") if n in names]
    wanted = list(dict.fromkeys(wanted))
    rows = []
    reference = reopen(layer) if layer.subsetString() else layer  # every space, also for sheets of a subset
    reference.setSubsetString("")
    for f in reference.getFeatures():
        rows.append([plain_value(f[n]) for n in wanted])
    frame = pd.DataFrame(rows, columns=wanted)
    frame[key_field] = frame[key_field].map(lambda v: None if v is None else str(v))
    frame = frame.dropna(subset=[key_field]).drop_duplicates(subset=[key_field]).set_index(key_field)
    frame = frame.apply(_numeric_or_as_is)
    long = pd.concat([sw.assess(frame, [i], year, first_year=first_year[i.id], catalogue=catalogue) for i in inds])
    units = {i.id: i.unit for i in inds}
    page0 = lay.pageCollection().page(0)
    size = page0.pageSize()
    width = lay.convertToLayoutUnits(size).width()
    margin = 12.0
    chart_w = width - 2 * margin
    os.makedirs(folder, exist_ok=True)
    per_line = sw.chars_per_line(chart_w, 3.0)
    stems = stems or file_stems(frame.index)
    for key in frame.index:
        if key not in stems:
            continue
        svg = charts.svg_spine_chart(
            sw.spine_rows(long, key, units),
            width_mm=chart_w,
            row_mm=7.0,
            font_size=3.0,
            footer_lines=sw.sw_lines(long, key, per_line),
        )
        with open(spine_file(folder, stems[key]), "w", encoding="utf-8") as fh:
            fh.write(svg)
    page = QgsLayoutItemPage(lay)
    page.setPageSize(size)
    lay.pageCollection().addPage(page)
    y0 = page.pos().y()  # after the sheet's other pages (e.g. the offers page of the access helper)
    L.add_label(lay, "sw_title", margin, y0 + 10, chart_w, 11, '[% "sp_name" %]: Stärken und Schwächen', 15, True)
    L.add_label(
        lay,
        "sw_subtitle",
        margin,
        y0 + 21.5,
        chart_w,
        7,
        f"Stand {year} · Vergleich mit allen Sozialräumen und dem Kreis",
        9.5,
        color="#444444",
    )
    pic = QgsLayoutItemPicture(lay)
    pic.setId("spine_chart")
    lay.addLayoutItem(pic)
    pic.attemptMove(QgsLayoutPoint(margin, y0 + 31, LayoutUnit.Millimeters))
    pic.attemptResize(QgsLayoutSize(chart_w, lay.convertToLayoutUnits(size).height() - 31 - 24, LayoutUnit.Millimeters))
    pic.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    from qgis.core import QgsLayoutItem

    pic.setReferencePoint(QgsLayoutItem.ReferencePoint.UpperLeft)
    expr = f"{QgsExpression.quotedString(os.path.join(folder, 'spine_'))} || \"sp_file\" || '.svg'"
    pic.dataDefinedProperties().setProperty(
        QgsLayoutObject.DataDefinedProperty.PictureSource, QgsProperty.fromExpression(expr)
    )
    L.add_label(
        lay,
        "sw_note",
        margin,
        y0 + lay.convertToLayoutUnits(size).height() - 22,
        chart_w - 30,
        10,
        sw.Rule().short_de(),
        6.5,
        color="#555555",
    )
    number = L.find_item(lay, "page_number", required=False)
    if number is not None:  # the sheet's page number on the second page too
        from qgis.PyQt.QtCore import Qt

        L.add_label(
            lay,
            "sw_page_number",
            width - margin - 22,
            y0 + lay.convertToLayoutUnits(size).height() - margin - 4,
            22,
            4,
            number.text(),
            7,
            halign=Qt.AlignmentFlag.AlignRight,
            color="#555555",
        )
    return long


def reopen(layer):
    """A new layer on the same data without the subset (memory layers: a copy). Not QgsVectorLayer.clone(): on a
    GeoPackage layer with some thousand fields it blocked for minutes (QGIS 3.22)."""
    if layer.providerType() == "memory":
        copy = layer.clone()
    else:
        copy = QgsVectorLayer(layer.source(), layer.name(), layer.providerType())
    return copy
