"""The Sozialbericht as an editable Word document (DOCX), optionally also as PDF (LibreOffice).

Reads the layers of the pipeline (indicators of the spaces, municipalities and the county; index; typology;
target attainment), renders one overview map per indicator at print resolution, runs the strengths–weaknesses
analysis and local Moran's I, and hands everything as plain tables to core.report_content / core.report_docx.
"""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsProcessingParameterVectorLayer,
    QgsProject,
)

from ..compat import (
    ProcessingAlgorithmFlag,
    ProcessingFieldParameterDataType,
    ProcessingNumberParameterType,
    ProcessingParameterFlag,
    ProcessingSourceType,
)
from . import _atomic
from . import _params as P
from .base import SozialplanungAlgorithm, to_shapely

KEY_INDICATORS = [
    "kinderarmut_sgb2_u15",
    "sgb2_quote",
    "grundsicherung_alter",
    "arbeitslose_anteil",
    "jugendarbeitslosigkeit",
    "langzeitarbeitslose_anteil",
    "alleinerziehende_hh",
    "anteil_u18",
    "anteil_65plus",
    "auslaenderanteil",
]
HOTSPOT_INDICATORS = ["kinderarmut_sgb2_u15", "sgb2_quote"]
INDEX_CLASS_FIELDS = ("mss_class", "si_class", "idx_class")
DEFAULT_COPYRIGHT = "Kartengrundlage: © GeoBasis-DE / BKG"


def key_fields(names, catalogue, wanted=KEY_INDICATORS):
    """'<id>_<year>' of the key indicators at the layer's latest year (else every rate of the catalogue)."""
    from ..core.fields import split_year
    from .strengths_weaknesses import default_indicator_fields

    rates = default_indicator_fields(names, catalogue)
    if not rates:
        return []
    year = split_year(rates[0])[1]
    chosen = [f"{i}_{year}" for i in wanted if f"{i}_{year}" in names]
    return chosen or rates


def read_level(alg, layer, key_field, name_field, feedback, span, with_geometry=False):
    """A layer as a core.report_content.Level frame indexed by its keys (text)."""
    import pandas as pd

    from ..core.report_content import Level

    got = alg.layer_frame(layer, None, feedback, span, with_geometry=with_geometry)
    frame, geoms = got if with_geometry else (got, None)
    names = layer.fields().names()
    kf = key_field if key_field in names else next((n for n in ("key", "sr_id", "ags", "id") if n in names), None)
    if kf is None:
        raise QgsProcessingException(
            alg.tr("Layer '{}' has no key field ('key'). Use the output of 'Aggregate indicators'.").format(
                layer.name()
            )
        )
    keys = frame[kf].map(lambda v: None if v is None else str(v))
    nf = name_field if name_field in names else ("name" if "name" in names else None)
    out = frame.copy()
    out.index = pd.Index(keys.to_numpy(), name="key")
    out["name"] = frame[nf].to_numpy() if nf else out.index.to_numpy()
    geo = {k: geoms[fid] for k, fid in zip(keys, frame.index)} if with_geometry else None
    return Level(out), geo


def method_record(layer):
    """The method record (JSON) an index layer carries: custom property, metadata abstract or sidecar file."""
    import json

    from . import _indices as ix

    for text in (layer.customProperty("sozialplanung/method"), layer.metadata().abstract()):
        if text:
            try:
                return json.loads(str(text))
            except ValueError:
                pass
    sidecar, _qml = ix.sidecar_paths(layer.source())
    path, name = ix.file_of(layer.source())
    for cand in [sidecar] + ([os.path.join(os.path.dirname(path), f"{name}.method.json")] if path and name else []):
        if cand and os.path.exists(cand):
            with open(cand, encoding="utf-8") as fh:
                return json.load(fh)
    return None


class ReportDocument(SozialplanungAlgorithm):
    ALG_ID = "reportdocument"
    GROUP = "reports"

    INPUT = "INPUT"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    FIELDS = "FIELDS"
    MUNICIPALITY_INDICATORS = "MUNICIPALITY_INDICATORS"
    COUNTY = "COUNTY"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARY_NAME = "BOUNDARY_NAME"
    INDEX = "INDEX"
    INDEX_CLASS_FIELD = "INDEX_CLASS_FIELD"
    TYPOLOGY = "TYPOLOGY"
    TARGETS = "TARGETS"
    COUNTY_NAME = "COUNTY_NAME"
    BASE_YEAR = "BASE_YEAR"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    HOTSPOTS = "HOTSPOTS"
    CATALOGUE = "CATALOGUE"
    SOURCE = "SOURCE"
    TEMPLATE = "TEMPLATE"
    DPI = "DPI"
    OUTPUT = "OUTPUT"
    OUTPUT_PDF = "OUTPUT_PDF"

    def displayName(self):
        return self.tr("Sozialbericht as a Word document (DOCX)")

    def flags(self):
        # map figures are rendered by print layouts, which live in the main thread
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
            P.indicator_fields(
                QgsProcessingParameterField(
                    self.FIELDS,
                    self.tr("Indicator fields (empty = the key indicators, latest year)"),
                    parentLayerParameterName=self.INPUT,
                    type=ProcessingFieldParameterDataType.Numeric,
                    allowMultiple=True,
                    optional=True,
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.MUNICIPALITY_INDICATORS,
                self.tr("Municipalities with indicators (from 'Aggregate indicators')"),
                [ProcessingSourceType.Vector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.COUNTY, self.tr("County with indicators"), [ProcessingSourceType.Vector], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.BOUNDARIES,
                self.tr("Municipal boundaries (maps)"),
                [ProcessingSourceType.VectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BOUNDARY_NAME,
                self.tr("Municipality name field"),
                parentLayerParameterName=self.BOUNDARIES,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.INDEX, self.tr("Composite index"), [ProcessingSourceType.VectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.TYPOLOGY, self.tr("Action-field typology"), [ProcessingSourceType.Vector], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterVectorLayer(
                self.TARGETS,
                self.tr("Target attainment (from 'Evaluate targets')"),
                [ProcessingSourceType.Vector],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.COUNTY_NAME, self.tr("Name of the county (empty = from the county layer)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Sozialbericht (Word document)"), "Word (*.docx)"
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT_PDF,
                self.tr("The same as PDF (needs LibreOffice)"),
                "PDF (*.pdf)",
                optional=True,
                createByDefault=False,
            )
        )
        advanced = [
            QgsProcessingParameterField(
                self.KEY_FIELD, self.tr("Key field (empty = 'key')"), parentLayerParameterName=self.INPUT, optional=True
            ),
            QgsProcessingParameterField(
                self.NAME_FIELD,
                self.tr("Name field (empty = 'name')"),
                parentLayerParameterName=self.INPUT,
                optional=True,
            ),
            QgsProcessingParameterField(
                self.INDEX_CLASS_FIELD,
                self.tr("Index class field (empty = mss_class, si_class or idx_class)"),
                parentLayerParameterName=self.INDEX,
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.BASE_YEAR,
                self.tr("Compare with the year (empty = the first year of the layer)"),
                ProcessingNumberParameterType.Integer,
                None,
                optional=True,
                minValue=1900,
                maxValue=2100,
            ),
            QgsProcessingParameterNumber(
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality = first N characters of the key (0 = none)"),
                ProcessingNumberParameterType.Integer,
                8,
                minValue=0,
            ),
            QgsProcessingParameterBoolean(
                self.HOTSPOTS, self.tr("Cluster maps (local Moran's I) of child poverty and SGB II"), True
            ),
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            ),
            QgsProcessingParameterString(
                self.SOURCE, self.tr("Source and copyright note"), DEFAULT_COPYRIGHT, optional=True
            ),
            QgsProcessingParameterFile(
                self.TEMPLATE,
                self.tr("Word template with the styles (.docx; empty = built-in styles)"),
                fileFilter="Word (*.docx)",
                optional=True,
            ),
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution of the maps (dpi)"),
                ProcessingNumberParameterType.Integer,
                300,
                minValue=96,
                maxValue=600,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        for name, text in (
            ("CHAPTERS", self.tr("Chapters")),
            ("FIGURES", self.tr("Figures")),
            ("TABLES", self.tr("Tables")),
            ("PDF_PAGES", self.tr("Pages of the PDF")),
        ):
            self.addOutput(QgsProcessingOutputNumber(name, text))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        import datetime as dt

        from ..core import report_content as rc
        from ..core import report_docx as rd

        # the map figures: a temporary folder removed however the run ends (success, refused input, cancel)
        with _atomic.work_folder("sozialbericht-") as work:
            inp = self.gather(parameters, context, feedback, work)
            feedback.setProgressText(self.tr("Writing the document"))
            report = rc.build_sozialbericht(inp)
            out_path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
            template = self.parameterAsFile(parameters, self.TEMPLATE, context) or None
            self.check_canceled(feedback)
            n = rd.write_docx(report, out_path, template=template)
            feedback.setProgress(90)
            results = {self.OUTPUT: out_path, "CHAPTERS": n["chapters"], "FIGURES": n["figures"], "TABLES": n["tables"]}
            pdf = (
                self.parameterAsFileOutput(parameters, self.OUTPUT_PDF, context)
                if parameters.get(self.OUTPUT_PDF)
                else ""
            )
            if pdf:
                feedback.setProgressText(self.tr("Converting to PDF (LibreOffice)"))
                rd.convert_to_pdf(out_path, pdf)
                results[self.OUTPUT_PDF] = pdf
                results["PDF_PAGES"] = _pdf_pages(pdf)
            feedback.pushInfo(
                self.tr("{c} chapters, {f} figures, {t} tables written to {p} ({d}).").format(
                    c=n["chapters"], f=n["figures"], t=n["tables"], p=out_path, d=dt.date.today().isoformat()
                )
            )
        feedback.setProgress(100)
        return results

    def gather(self, parameters, context, feedback, work):
        """Everything the report needs as plain data (core.report_content.ReportInput) and the map figures."""
        import datetime as dt

        import pandas as pd

        from ..core import fields as F
        from ..core import report_content as rc
        from ..core import strengths as sw
        from ..core.catalogue import default_catalogue, load_catalogue
        from . import _report_maps as M

        layer = self.require_layer(self.parameterAsVectorLayer(parameters, self.INPUT, context), self.INPUT)
        self.require_features(layer)
        names = layer.fields().names()
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(cat_path) if cat_path else default_catalogue()
        fields = self.parameter_as_field_names(parameters, self.FIELDS, context) or key_fields(names, catalogue)
        if not fields:
            raise QgsProcessingException(
                self.tr(
                    "Layer '{}' has no indicator fields named '<id>_<year>' of the catalogue. Use the output of "
                    "'Aggregate indicators'."
                ).format(layer.name())
            )
        inds, years = [], set()
        for f in fields:
            base, year = F.split_year(f)
            if year is None or base not in catalogue.indicators:
                raise QgsProcessingException(
                    self.tr("Field '{}' is not an indicator field '<id>_<year>' of the catalogue.").format(f)
                )
            inds.append(catalogue.indicators[base])
            years.add(year)
        if len(years) > 1:
            raise QgsProcessingException(
                self.tr("The indicator fields are of different years ({}); the report describes one year.").format(
                    ", ".join(map(str, sorted(years)))
                )
            )
        year = years.pop()
        all_years = sorted({y for n in names for b, y in [F.split_year(n)] if y and b in catalogue.indicators})
        base_year = (
            self.parameterAsInt(parameters, self.BASE_YEAR, context)
            if parameters.get(self.BASE_YEAR) not in (None, "")
            else (all_years[0] if all_years else None)
        )
        if base_year is not None and base_year not in all_years:
            raise QgsProcessingException(
                self.tr("The comparison year {b} has no fields; years in the layer: {a}.").format(
                    b=base_year, a=", ".join(map(str, all_years))
                )
            )
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context) or "key"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "name"
        chars = self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context)
        spaces, geoms = read_level(self, layer, key_field, name_field, feedback, (0, 10), with_geometry=True)
        if chars:
            spaces.parent = pd.Series([k[:chars] for k in spaces.frame.index], index=spaces.frame.index)
        mun_layer = self.parameterAsVectorLayer(parameters, self.MUNICIPALITY_INDICATORS, context)
        muns = read_level(self, mun_layer, "key", "name", feedback, (10, 12))[0] if mun_layer else None
        cty_layer = self.parameterAsVectorLayer(parameters, self.COUNTY, context)
        county = read_level(self, cty_layer, "key", "name", feedback, (12, 14))[0] if cty_layer else None
        county_name = self.parameterAsString(parameters, self.COUNTY_NAME, context) or (
            str(county.frame["name"].iloc[0]) if county is not None and len(county.frame) else "Kreis"
        )
        self.check_canceled(feedback)

        # strengths and weaknesses (default rule)
        feedback.setProgressText(self.tr("Strengths and weaknesses"))
        data = spaces.frame.drop(columns=["name"])
        long = sw.assess(data, inds, year, first_year=base_year, catalogue=catalogue)
        long.insert(1, "name", long["key"].map(spaces.frame["name"]))

        # maps
        dpi = self.parameterAsInt(parameters, self.DPI, context)
        project = context.project() or QgsProject.instance()
        bound_layer = self.parameterAsVectorLayer(parameters, self.BOUNDARIES, context)
        bname = self.parameterAsString(parameters, self.BOUNDARY_NAME, context)
        boundary = M.boundary_layer(bound_layer, bname)
        keys = list(spaces.frame.index)
        glist = [geoms[k] for k in keys]
        crs = layer.crs()
        maps = {}
        self._keep = [boundary]
        for i, ind in enumerate(inds):
            self.check_canceled(feedback)
            feedback.setProgressText(self.tr("Map {n} of {t}: {name}").format(n=i + 1, t=len(inds), name=ind.name))
            vals = [rc.value_of(spaces, k, ind.id, year)[0] for k in keys]
            flags = [rc.value_of(spaces, k, ind.id, year)[1] for k in keys]
            mem, legend, note = M.choropleth(keys, glist, crs, vals, flags, ind, year)
            self._keep.append(mem)
            entries = [(mem, legend)] + ([(boundary, "Gemeindegrenze")] if boundary else [])
            lay = M.figure_layout(project, [boundary, mem], M.extent_of([mem]), crs, entries, note=note)
            maps[ind.id] = M.export_png(lay, os.path.join(work, f"karte_{ind.id}.png"), dpi)
            feedback.setProgress(15 + 45 * (i + 1) / len(inds))

        # index
        index = None
        idx_layer = self.parameterAsVectorLayer(parameters, self.INDEX, context)
        if idx_layer is not None:
            from . import _layouts as L

            inames = idx_layer.fields().names()
            cf = self.parameterAsString(parameters, self.INDEX_CLASS_FIELD, context) or next(
                (c for c in INDEX_CLASS_FIELDS if c in inames), None
            )
            if cf is None:
                raise QgsProcessingException(
                    self.tr("The index layer has no class field (mss_class, si_class, idx_class); choose it.")
                )
            lf = L.class_label_field(cf, inames)
            ilevel, igeoms = read_level(self, idx_layer, "key", "name", feedback, (60, 62), with_geometry=True)
            classes = pd.to_numeric(ilevel.frame[cf], errors="coerce").reindex(keys)
            labels = ilevel.frame[lf].reindex(keys) if lf else None
            codes = sorted(int(c) for c in classes.dropna().unique())
            colours = L.ramp(len(codes), "higher_worse")
            cats = {}
            for c, col in zip(codes, colours):
                lab = labels[classes == c].dropna().astype(str).mode() if labels is not None else []
                cats[c] = (lab.iloc[0] if len(lab) else f"Klasse {c}", col)
            record = method_record(idx_layer)
            title = (
                "Sozialindex (Monitoring Soziale Stadtentwicklung)"
                if (record or {}).get("function") == "berlin_mss"
                else "Sozialindex"
            )
            mem = M.categories_layer(
                keys,
                [igeoms.get(k, geoms[k]) for k in keys],
                crs,
                [None if c != c else int(c) for c in classes],
                cats,
                title,
            )
            self._keep.append(mem)
            entries = [(mem, title)] + ([(boundary, "Gemeindegrenze")] if boundary else [])
            lay = M.figure_layout(project, [boundary, mem], M.extent_of([mem]), crs, entries)
            index = {
                "name": "Sozialindex",
                "classes": classes,
                "labels": labels,
                "record": record,
                "figure": M.export_png(lay, os.path.join(work, "karte_index.png"), dpi),
            }

        # typology
        typology = None
        ty_layer = self.parameterAsVectorLayer(parameters, self.TYPOLOGY, context)
        if ty_layer is not None:
            tlevel = read_level(self, ty_layer, "key", "name", feedback, (62, 64))[0]
            from ..core.typology import action_field_label

            tfields = {}
            for fld in ty_layer.fields():
                n = fld.name()
                if n.startswith("hf_") and n not in ("hf_count", "hf_fields", "hf_incomplete") and not n.endswith("_n"):
                    fid = n[3:]
                    tfields[fid] = fld.alias() or action_field_label(fid, catalogue)
            typology = {"frame": tlevel.frame.reindex(keys), "fields": tfields}

        # hot spots
        hotspots = []
        if self.parameterAsBool(parameters, self.HOTSPOTS, context):
            from ..core import hotspots as hs
            from .hotspots import summary_de

            shapes = [to_shapely(g) for g in glist]
            weights = hs.queen_weights(shapes)
            for ind in inds:
                if ind.id not in HOTSPOT_INDICATORS:
                    continue
                vals = [rc.value_of(spaces, k, ind.id, year)[0] for k in keys]
                vals = [float("nan") if v is None else v for v in vals]
                res = hs.local_statistics(vals, weights, permutations=999, seed=12345)
                counts = {c: int((res.lisa_cluster == c).sum()) for c in range(7)}
                mem = M.categories_layer(keys, glist, crs, list(res.lisa_cluster), hs.LISA_CLUSTERS, "LISA-Cluster")
                self._keep.append(mem)
                entries = [(mem, f"LISA-Cluster: {ind.short_name or ind.name}")] + (
                    [(boundary, "Gemeindegrenze")] if boundary else []
                )
                lay = M.figure_layout(project, [boundary, mem], M.extent_of([mem]), crs, entries)
                hotspots.append(
                    {
                        "indicator": ind,
                        "figure": M.export_png(lay, os.path.join(work, f"lisa_{ind.id}.png"), dpi),
                        "summary": summary_de(
                            res,
                            ind.short_name or ind.name,
                            counts,
                            int((res.gi_cluster == 1).sum()),
                            int((res.gi_cluster == 2).sum()),
                            0,
                            "queen",
                            0,
                        ),
                    }
                )
        # targets
        targets = None
        tg_layer = self.parameterAsVectorLayer(parameters, self.TARGETS, context)
        if tg_layer is not None:
            targets = self.layer_frame(tg_layer, None, feedback, (64, 66))
        feedback.setProgress(70)
        inp = rc.ReportInput(
            county_name=county_name,
            year=year,
            first_year=base_year,
            catalogue=catalogue,
            indicators=inds,
            spaces=spaces,
            municipalities=muns,
            county=county,
            maps=maps,
            sw=long,
            rule_text=sw.Rule().describe_de(),
            index=index,
            typology=typology,
            hotspots=hotspots,
            targets=targets,
            source_note=self.parameterAsString(parameters, self.SOURCE, context) or "",
            disclosure_note=(
                "Fallzahlen unter 3 sind gesperrt, ebenso Werte, aus denen sie sich zurückrechnen ließen "
                "(sekundäre Geheimhaltung); gesperrte Werte erscheinen als • und fließen in keine Beurteilung ein."
            ),
            created=dt.date.today().strftime("%d.%m.%Y"),
        )
        return inp


def _pdf_pages(path):
    """Number of pages of a PDF (pdfinfo when present, else the page objects)."""
    import re
    import shutil
    import subprocess  # nosec B404 - pdfinfo by absolute path, argument list, no shell

    exe = shutil.which("pdfinfo")
    if exe:
        out = subprocess.run([exe, str(path)], capture_output=True, text=True).stdout  # nosec B603 - see above
        m = re.search(r"Pages:\s+(\d+)", out)
        if m:
            return int(m.group(1))
    with open(path, "rb") as fh:
        return len(re.findall(rb"/Type\s*/Page[^s]", fh.read()))
