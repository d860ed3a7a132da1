"""Overview map sheets: one choropleth page per indicator (or index class) field, all pages in one PDF.

Thin glue: classes are computed in Python (core.classify) so the suppression rule and the legend texts stay
in one place; the page is a layout template (.qpt, see _layouts.py and docs/map-sheets.md) filled by item id.
"""

import os
import textwrap

from qgis.core import (
    QgsFeature,
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterEnum,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
    QgsVectorLayer,
)

from ..compat import ProcessingAlgorithmFlag, ProcessingNumberParameterType, ProcessingSourceType
from . import _layouts as L
from . import _params as P
from .base import SozialplanungAlgorithm, make_field

PAPERS = [("A4", "landscape"), ("A4", "portrait"), ("A3", "landscape"), ("A3", "portrait")]
METHODS = ["quantile", "jenks", "equal", "sd", "classes"]
DEFAULT_COPYRIGHT = "© GeoBasis-DE / BKG"
DEFAULT_SUPPRESSED_NOTE = (
    "Schraffierte Flächen: Wert aus Datenschutzgründen gesperrt (kleine Fallzahl); es wird keine Zahl ausgewiesen."
)


class OverviewMapSheets(SozialplanungAlgorithm):
    ALG_ID = "overviewmapsheets"
    GROUP = "maps"

    INPUT = "INPUT"
    FIELDS = "FIELDS"
    NAME_FIELD = "NAME_FIELD"
    METHOD = "METHOD"
    CLASSES = "CLASSES"
    MUNICIPALITIES = "MUNICIPALITIES"
    MUNICIPALITY_NAME = "MUNICIPALITY_NAME"
    CATALOGUE = "CATALOGUE"
    TITLE = "TITLE"
    SUBTITLE = "SUBTITLE"
    REFERENCE_DATE = "REFERENCE_DATE"
    SOURCE = "SOURCE"
    SUPPRESSED_NOTE = "SUPPRESSED_NOTE"
    PAPER = "PAPER"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    ADD_TO_PROJECT = "ADD_TO_PROJECT"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Overview map sheets (one map per indicator)")

    def flags(self):
        # as QGIS's own layout exports (native:printlayouttopdf): layouts and their layers live in the main thread
        return super().flags() | ProcessingAlgorithmFlag.NoThreading | ProcessingAlgorithmFlag.CanCancel

    def initAlgorithm(self, config=None):
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INPUT, self.tr("Social spaces with indicator values"), [ProcessingSourceType.VectorPolygon]
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.FIELDS,
                self.tr("Indicators or index classes (one page each)"),
                parentLayerParameterName=self.INPUT,
                allowMultiple=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Name field of the social spaces"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.METHOD,
                self.tr("Class method"),
                [
                    self.tr("Quantiles"),
                    self.tr("Natural breaks (Jenks)"),
                    self.tr("Equal intervals"),
                    self.tr("Standard deviation"),
                    self.tr("Field already holds classes 1..n (index class)"),
                ],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.CLASSES,
                self.tr("Number of classes"),
                ProcessingNumberParameterType.Integer,
                5,
                minValue=2,
                maxValue=7,
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
                self.TITLE, self.tr("Title (empty = indicator name from the catalogue)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SUBTITLE, self.tr("Subtitle (empty = 'Sozialräume, Stand <reference date>')"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.REFERENCE_DATE,
                self.tr("Reference date ({year} = the field's year)"),
                "31.12.{year}",
                optional=True,
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
            QgsProcessingParameterString(
                self.SUPPRESSED_NOTE, self.tr("Note on suppressed values"), DEFAULT_SUPPRESSED_NOTE, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.PAPER,
                self.tr("Paper"),
                [self.tr("A4 landscape"), self.tr("A4 portrait"), self.tr("A3 landscape"), self.tr("A3 portrait")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.TEMPLATE,
                self.tr("Own layout template (.qpt; replaces the paper choice)"),
                fileFilter="QGIS layout template (*.qpt)",
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                ProcessingNumberParameterType.Integer,
                200,
                minValue=72,
                maxValue=600,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.ADD_TO_PROJECT, self.tr("Add the layouts to the project (QGIS desktop)"), True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(self.OUTPUT, self.tr("Overview map sheets (PDF)"), "PDF (*.pdf)")
        )
        self.addOutput(QgsProcessingOutputNumber("PAGE_COUNT", self.tr("Number of pages")))
        P.arrange(
            self,
            fields={self.FIELDS: ("",)},
            advanced=[
                self.CATALOGUE,
                self.TITLE,
                self.SUBTITLE,
                self.REFERENCE_DATE,
                self.SOURCE,
                self.SUPPRESSED_NOTE,
                self.TEMPLATE,
                self.DPI,
                self.ADD_TO_PROJECT,
            ],
            helps={
                self.SOURCE: self.tr("The indicator's data source is added to this note."),
                self.ADD_TO_PROJECT: self.tr(
                    "For finishing by hand; their layers are kept in a GeoPackage beside the PDF."
                ),
            },
        )

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        from ..core import charts
        from ..core import fields as contract
        from ..core.catalogue import default_catalogue, load_catalogue
        from ..core.classify import classify

        layer = self.require_layer(self.parameterAsVectorLayer(parameters, self.INPUT, context), self.INPUT)
        fields = self.parameter_as_field_names(parameters, self.FIELDS, context)
        if not fields:
            raise QgsProcessingException(self.tr("Choose at least one indicator field (one page per field)."))
        self.require_fields(layer, fields)
        self.require_features(layer)
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context)
        method = METHODS[self.parameterAsEnum(parameters, self.METHOD, context)]
        n_classes = self.parameterAsInt(parameters, self.CLASSES, context)
        muni = self.parameterAsVectorLayer(parameters, self.MUNICIPALITIES, context)
        muni_name = self.parameterAsString(parameters, self.MUNICIPALITY_NAME, context)
        if muni is not None:
            self.require_fields(muni, [muni_name])
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(cat_path) if cat_path else default_catalogue()
        title_param = self.parameterAsString(parameters, self.TITLE, context)
        subtitle_param = self.parameterAsString(parameters, self.SUBTITLE, context)
        ref_date = self.parameterAsString(parameters, self.REFERENCE_DATE, context)
        source_note = self.parameterAsString(parameters, self.SOURCE, context)
        supp_note = self.parameterAsString(parameters, self.SUPPRESSED_NOTE, context)
        size, orient = PAPERS[self.parameterAsEnum(parameters, self.PAPER, context)]
        template = self.parameterAsFile(parameters, self.TEMPLATE, context) or str(
            L.template_path(f"overview_{size.lower()}_{orient}")
        )
        if not os.path.exists(template):
            raise QgsProcessingException(self.tr("The layout template {} does not exist.").format(template))
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        add_to_project = self.parameterAsBoolean(parameters, self.ADD_TO_PROJECT, context)
        out_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)

        project = context.project() or QgsProject.instance()
        # keep everything alive until the PDF is written
        self._keep = []
        # layouts for the desktop project use layers written to a GeoPackage beside the PDF (issue 19)
        target = L.desktop_project(context, add_to_project)
        layers_gpkg, tables = (L.layers_file(out_path), set()) if target is not None else (None, None)
        if target is not None and L.is_temporary(out_path):
            feedback.pushWarning(
                self.tr(
                    "The PDF is a temporary file: the layers of the layouts added to the project are kept beside it "
                    "and are gone when QGIS closes. Choose a file for the PDF to keep them with the project."
                )
            )
        boundary = None
        if muni is not None:
            boundary = muni.clone()
            boundary.setName("Gemeindegrenze")
            # names a little larger on A3 than on A4 (by the template's page width)
            probe = L.load_template(project, template, "probe")
            page = probe.pageCollection().page(0).pageSize() if probe.pageCollection().pageCount() else None
            area = page.width() * page.height() if page is not None else 297.0 * 210.0
            scale = min(max((area / (297.0 * 210.0)) ** 0.25, 1.0), 1.4)  # A3: 1.19
            L.boundary_renderer(boundary, label_field=muni_name or None, label_size=9.0 * scale)
            if target is not None:
                boundary = L.persist_layer(boundary, layers_gpkg, L.table_name("gemeindegrenze", tables), feedback)
            self._keep.append(boundary)

        # one attribute read for all pages
        names = layer.fields().names()
        label_fields = {f: L.class_label_field(f, names) for f in fields} if method == "classes" else {}
        wanted = list(
            dict.fromkeys(
                fields
                + [contract.flag_field(f) for f in fields if contract.flag_field(f) in names]
                + [lf for lf in label_fields.values() if lf]
            )
        )
        frame, geoms = self.layer_frame(
            layer, wanted + ([name_field] if name_field else []), feedback, (0, 10), with_geometry=True
        )
        layouts, layers = [], []
        for page_no, field in enumerate(fields):
            self.check_canceled(feedback)
            ind_id, year = contract.split_year(field)
            indicator = catalogue.indicators.get(ind_id)
            unit = contract.unit_text(indicator.unit if indicator else "")
            decimals = contract.decimals_for(indicator.unit if indicator else "")
            ffield = contract.flag_field(field)
            flags = frame[ffield] if ffield in frame.columns else None
            values = frame[field].apply(lambda v: v if isinstance(v, (int, float)) else None).astype(float)
            suppressed = (flags == contract.FLAG_SUPPRESSED) if flags is not None else values.isna() & False
            values = values.where(~suppressed)
            if method == "classes":
                # the class values as they are (1..n, or codes such as the MSS 11..45), in ascending order;
                # labels from the index's label field (<base>_label beside <base>_class) where there is one
                codes = values.round().astype("Int64")
                distinct = sorted(int(v) for v in codes.dropna().unique())
                if not distinct:
                    raise QgsProcessingException(
                        self.tr("Field '{}' holds no class values (all empty or suppressed).").format(field)
                    )
                position = {v: i + 1 for i, v in enumerate(distinct)}
                cls = codes.map(
                    lambda v, position=position: (
                        position.get(int(v)) if v is not None and v == v and str(v) != "<NA>" else None
                    )
                ).astype("Int64")
                n = len(distinct)
                lf = label_fields.get(field)
                labels = []
                for v in distinct:
                    text = None
                    if lf:
                        found = frame.loc[codes == v, lf].dropna().astype(str)
                        found = found[found.str.strip() != ""]
                        text = found.mode().iloc[0] if len(found) else None
                    labels.append(text or f"Klasse {v}")
            else:
                if values.notna().sum() < n_classes:
                    raise QgsProcessingException(
                        self.tr(
                            "Field '{f}' has only {k} values (not suppressed, not empty) for {n} classes. "
                            "Choose fewer classes or another field."
                        ).format(f=field, k=int(values.notna().sum()), n=n_classes)
                    )
                result = classify(values, method, n_classes, decimals=decimals)
                for w in result.warnings:
                    feedback.pushWarning(f"{field}: {w}")
                cls = result.classes
                n = len(result.breaks) + 1
                valid = values.dropna()
                labels = charts.class_range_labels(
                    result.breaks, float(valid.min()), float(valid.max()), decimals, unit
                )
            counts = [int((cls == i).sum()) for i in range(1, n + 1)]
            labels = [f"{lab}  ({c})" for lab, c in zip(labels, counts)]
            n_supp = int(suppressed.sum())
            n_missing = int((cls.isna() & ~suppressed).sum())
            polarity = indicator.polarity if indicator else "higher_worse"
            colours = L.ramp(n, polarity if method != "classes" else "higher_worse")
            # Berlin MSS classes: the bivariate scheme (and its words when the layer has no label field)
            mss = L.mss_kind(field, distinct) if method == "classes" else None
            symbols = [L.mss_symbol(v, mss) for v in distinct] if mss else None
            if mss and not label_fields.get(field):
                labels = [f"{L.mss_label(v, mss)}  ({c})" for v, c in zip(distinct, counts)]

            title = title_param or (indicator.name if indicator else (layer.fields().field(field).alias() or field))
            if title_param and len(fields) > 1 and indicator:
                title = f"{title_param}: {indicator.name}"
            # a reference date needs the field's year if it has a {year} placeholder
            date_text = (
                ref_date.replace("{year}", str(year))
                if year
                else (ref_date if ref_date and "{year}" not in ref_date else "")
            )
            subtitle = subtitle_param or ("Sozialräume" + (f", Stand {date_text}" if date_text else ""))
            unit_part = f" in {unit}" if unit else ""
            legend_title = (
                indicator.short_name or indicator.name
                if indicator
                else (title_param or layer.fields().field(field).displayName())
            ) + unit_part
            if year:
                legend_title += f", {year}"

            # the page's own styled layer: a memory copy with the class as an integer field
            mem = QgsVectorLayer(
                f"MultiPolygon?crs={layer.crs().authid()}" if layer.crs().authid() else "MultiPolygon",
                legend_title,
                "memory",
            )
            mem.setCrs(layer.crs())
            cfields = [make_field("cls", "int"), make_field("name", "string")]
            mem.dataProvider().addAttributes(cfields)
            mem.updateFields()
            feats = []
            for fid in frame.index:
                f = QgsFeature(mem.fields())
                c = 0 if bool(suppressed.loc[fid]) else cls.loc[fid]
                f.setAttributes(
                    [
                        None if c is None or (c != c) or str(c) == "<NA>" else int(c),
                        str(frame.loc[fid, name_field]) if name_field else None,
                    ]
                )
                f.setGeometry(geoms[fid])
                feats.append(f)
            mem.dataProvider().addFeatures(feats)
            mem.setRenderer(
                L.class_renderer(
                    "cls", colours, labels, has_suppressed=n_supp > 0, has_missing=n_missing > 0, symbols=symbols
                )
            )
            if target is not None:
                mem = L.persist_layer(mem, layers_gpkg, L.table_name(legend_title, tables), feedback)
            self._keep.append(mem)
            layers.append(mem)

            lay = L.load_template(project, template, f"Übersichtskarte {title} {year or ''}".strip())
            mp = L.find_item(lay, "map")
            map_layers = ([boundary] if boundary is not None else []) + [mem]
            mp.setLayers(map_layers)
            mp.setCrs(layer.crs())
            mem.updateExtents()
            L.zoom_map(mp, mem.extent(), 1.04)
            L.set_text(lay, "title", title)
            L.set_text(lay, "subtitle", subtitle)
            data_source = ", ".join(charts.short_sources([indicator.source])) if indicator else ""
            src = "; ".join(s for s in [f"Daten: {data_source}" if data_source else "", (source_note or "")] if s)
            L.set_text(lay, "source", f"Quelle: {src}" if src else "")
            notes = []
            if n_supp and supp_note:
                notes.append(supp_note)
            if n_missing:
                notes.append(f"Weiß: keine Angabe ({n_missing} Sozialräume).")
            method_text = {
                "quantile": "Quantile (etwa gleich viele Sozialräume je Klasse)",
                "jenks": "natürliche Brüche (Jenks)",
                "equal": "gleiche Intervalle",
                "sd": "Standardabweichung um den Mittelwert",
                "classes": "Indexklassen",
            }[method]
            notes.insert(0, f"Klassenbildung: {method_text}; in Klammern die Zahl der Sozialräume.")
            if indicator is not None and indicator.description:
                notes.insert(0, indicator.description)
            L.set_text(lay, "note", "\n\n".join(notes))
            legend = L.find_item(lay, "legend", required=False)
            if legend is not None:
                # a long title wraps (legend wrap character) instead of running out of the legend box
                chars = max(int(legend.rect().width() / 2.3), 12)
                wrap = legend.wrapString() or "|"
                entries = [(mem, wrap.join(textwrap.wrap(legend_title, chars)))]
                if boundary is not None:
                    entries.append((boundary, "Gemeindegrenze"))
                legend.setTitle("")
                L.set_legend_layers(legend, entries)
            L.link_to_map(lay, mp)
            lay.refresh()
            layouts.append(lay)
            feedback.setProgress(10 + 20 * (page_no + 1) / len(fields))

        pages = L.write_pdf(layouts, out_path, feedback, dpi=dpi, progress_span=(30, 100))
        if add_to_project:
            L.add_to_desktop_project(context, layouts, ([boundary] if boundary is not None else []) + layers)
        return {self.OUTPUT: out_path, "PAGE_COUNT": pages}
