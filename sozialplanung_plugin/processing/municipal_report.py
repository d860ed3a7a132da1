"""Municipal sub-reports (Sozialraumberichte): one PDF per municipality for its Sozialraumkonferenz.

Each report: a cover with the contents, one map of the municipality's spaces per key indicator (on the county's
classes, so colours mean the same in every report), the ranking of its spaces, their strengths and weaknesses,
the action fields with need and, where the infrastructure layers exist (facilitysupply, networkaccess,
accessgaps), supply and gaps, and the profile sheets of its spaces (profileatlas with the spine-chart page).
Pages come from editable layout templates (resources/templates/municipal_a4_*.qpt, see _report_layouts) and are
numbered 'Seite n von N' across the whole report.
"""

import os
import re
from dataclasses import dataclass

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFolderDestination,
    QgsProcessingParameterMultipleLayers,
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
from .base import SozialplanungAlgorithm

SYMBOLS = (
    "Zeichen: • gesperrt (Geheimhaltung, kleine Fallzahl; es wird keine Zahl ausgewiesen) · – keine Angabe · "
    "( ) eingeschränkt aussagekräftig (kleine Bezugsgröße) · ≥ Untergrenze (Summe unvollständig)."
)
INFRA_HOOK = (
    "Angebot und Lücken: Für diesen Bericht wurden keine Infrastrukturdaten übergeben. Mit den Algorithmen "
    "'Angebote je Raum' (facilitysupply), 'Erreichbarkeit im Netz' (networkaccess) und 'Versorgungslücken' "
    "(accessgaps) entsteht ein Layer der Sozialräume mit den Feldern angebote_<typ>_<jahr>, "
    "erreichbar_<typ>_<jahr> und luecke_<typ>_<jahr>; als INFRASTRUCTURE übergeben, füllt er die Spalten "
    "Angebot und Lücken dieser Seite."
)


def safe(text):
    return re.sub(r"[^A-Za-z0-9_-]+", "_", str(text)).strip("_") or "gemeinde"


@dataclass
class _Inputs:
    """The spaces with their indicators (one year), their geometries, the municipality and county levels."""

    layer: object
    catalogue: object
    inds: list
    year: int
    first: int | None  # the first year of the indicators (trends)
    chars: int
    key_field: str
    name_field: str
    spaces: object  # report_content.Level, with .parent = municipality key of each space
    geoms: dict
    muns: object
    county: object
    county_name: str


@dataclass
class _Index:
    """Class field, classes, class labels and values of the composite index per space (None = no index)."""

    class_field: str | None = None
    classes: object = None
    labels: object = None
    values: object = None


@dataclass
class _Shared:
    """What every municipality's report uses: project, templates (cover, map, table), county-wide content and
    map layers, the profile atlas."""

    project: object
    templates: tuple
    dpi: int
    date_text: str
    footer: str
    long: object  # strengths and weaknesses of all spaces
    index: _Index
    typology: tuple | None
    infra: object
    keys: list
    glist: list
    crs: object
    context_all: object
    boundary: object
    atlas_lay: object
    atlas_keys: list


@dataclass
class _Municipality:
    """One report's municipality: key (AGS), name, keys of its spaces."""

    ags: str
    name: str
    keys: list
    key_set: set


class MunicipalReport(SozialplanungAlgorithm):
    ALG_ID = "municipalreport"
    GROUP = "reports"

    INPUT = "INPUT"
    FIELDS = "FIELDS"
    BOUNDARIES = "BOUNDARIES"
    BOUNDARY_KEY = "BOUNDARY_KEY"
    BOUNDARY_NAME = "BOUNDARY_NAME"
    MUNICIPALITY_INDICATORS = "MUNICIPALITY_INDICATORS"
    COUNTY = "COUNTY"
    INDEX = "INDEX"
    INDEX_CLASS_FIELD = "INDEX_CLASS_FIELD"
    TYPOLOGY = "TYPOLOGY"
    INFRASTRUCTURE = "INFRASTRUCTURE"
    PROFILES = "PROFILES"
    KEY_FIELD = "KEY_FIELD"
    NAME_FIELD = "NAME_FIELD"
    MUNICIPALITY_CHARS = "MUNICIPALITY_CHARS"
    COUNTY_NAME = "COUNTY_NAME"
    TEMPLATE_FOLDER = "TEMPLATE_FOLDER"
    CATALOGUE = "CATALOGUE"
    SOURCE = "SOURCE"
    DPI = "DPI"
    OUTPUT_FOLDER = "OUTPUT_FOLDER"

    def displayName(self):
        return self.tr("Municipal sub-reports (one PDF per municipality)")

    def flags(self):
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
                    self.tr("Key indicator fields (empty = the key indicators, latest year)"),
                    parentLayerParameterName=self.INPUT,
                    type=ProcessingFieldParameterDataType.Numeric,
                    allowMultiple=True,
                    optional=True,
                )
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.BOUNDARIES,
                self.tr("Municipalities (selected only = reports for those)"),
                [ProcessingSourceType.VectorPolygon],
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BOUNDARY_KEY,
                self.tr("Municipality key field (AGS; start of the spaces' keys)"),
                parentLayerParameterName=self.BOUNDARIES,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.BOUNDARY_NAME, self.tr("Municipality name field"), parentLayerParameterName=self.BOUNDARIES
            )
        )
        for name, text, kind in (
            (
                self.MUNICIPALITY_INDICATORS,
                self.tr("Municipalities with indicators"),
                ProcessingSourceType.Vector,
            ),
            (self.COUNTY, self.tr("County with indicators"), ProcessingSourceType.Vector),
            (
                self.INDEX,
                self.tr("Composite index (class on the ranking and the sheets)"),
                ProcessingSourceType.VectorPolygon,
            ),
            (self.TYPOLOGY, self.tr("Action-field typology"), ProcessingSourceType.Vector),
        ):
            self.addParameter(QgsProcessingParameterVectorLayer(name, text, [kind], optional=True))
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INFRASTRUCTURE,
                self.tr("Infrastructure per space (facilitysupply, accessgaps)"),
                ProcessingSourceType.Vector,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.PROFILES, self.tr("Add the profile sheets of the spaces"), True)
        )
        self.addParameter(
            QgsProcessingParameterFolderDestination(self.OUTPUT_FOLDER, self.tr("Folder for the reports (PDF)"))
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
                self.MUNICIPALITY_CHARS,
                self.tr("Municipality of a space = first N characters of its key"),
                ProcessingNumberParameterType.Integer,
                8,
                minValue=1,
            ),
            QgsProcessingParameterString(
                self.COUNTY_NAME, self.tr("Name of the county (empty = from the county layer)"), optional=True
            ),
            QgsProcessingParameterFile(
                self.TEMPLATE_FOLDER,
                self.tr("Folder with own templates municipal_a4_*.qpt"),
                behavior=QgsProcessingParameterFile.Behavior.Folder,
                optional=True,
            ),
            QgsProcessingParameterFile(
                self.CATALOGUE,
                self.tr("Indicator catalogue (empty = default catalogue)"),
                fileFilter="YAML (*.yaml *.yml)",
                optional=True,
            ),
            QgsProcessingParameterString(
                self.SOURCE, self.tr("Source and copyright note"), "© GeoBasis-DE / BKG", optional=True
            ),
            QgsProcessingParameterNumber(
                self.DPI,
                self.tr("Resolution (dpi)"),
                ProcessingNumberParameterType.Integer,
                150,
                minValue=72,
                maxValue=600,
            ),
        ]
        for p in advanced:
            p.setFlags(p.flags() | ProcessingParameterFlag.Advanced)
            self.addParameter(p)
        self.addOutput(QgsProcessingOutputNumber("N_REPORTS", self.tr("Reports written")))
        self.addOutput(QgsProcessingOutputNumber("PAGES", self.tr("Pages in all")))
        self.addOutput(QgsProcessingOutputString("FILES", self.tr("Files (one per line)")))

    # ------------------------------------------------------------------------------------------------
    def compute(self, parameters, context, feedback):
        # the profile atlas's own PDF and its charts: a temporary folder removed however the run ends (success,
        # refused input, cancel, error), nothing left in the system's temporary folder
        with _atomic.work_folder("sozialraumbericht-") as work:
            self._work = work
            try:
                return self._compute(parameters, context, feedback)
            finally:
                self._work = None

    def _compute(self, parameters, context, feedback):
        """Phases: inputs and checks -> municipalities -> what all reports share (strengths, index, typology,
        infrastructure, map layers, profile atlas, templates) -> one report per municipality -> results."""
        inp = self._inputs(parameters, context, feedback)
        chosen, bname = self._municipalities(parameters, context, feedback, inp)
        boundary_full = self._whole_layer(parameters, self.BOUNDARIES, context)
        out_dir = self.parameterAsString(parameters, self.OUTPUT_FOLDER, context)
        self._keep = []
        sh = self._shared(parameters, context, feedback, inp, chosen, boundary_full, bname)
        # complete or absent as a set: the reports are written into a hidden partial folder inside the folder and
        # moved into place together when the run has succeeded; a failed, cancelled or killed run leaves the
        # folder as it was (never the reports of some municipalities)
        outputs = getattr(self, "_atomic_outputs", None)
        partial = outputs.redirect_folder(out_dir) if outputs is not None else out_dir
        if partial == out_dir:
            os.makedirs(out_dir, exist_ok=True)
        files, total_pages = [], 0
        for n_m, (ags, mname, _geom) in enumerate(chosen):
            self.check_canceled(feedback)
            feedback.setProgressText(self.tr("Report {n} of {t}: {m}").format(n=n_m + 1, t=len(chosen), m=mname))
            mkeys = [k for k in sh.keys if inp.spaces.parent[k] == ags]
            mun = _Municipality(ags, mname, mkeys, set(mkeys))
            fname = f"sozialraumbericht_{ags}_{safe(mname)}.pdf"
            total = self._municipal_report(inp, sh, mun, os.path.join(partial, fname), partial, out_dir)
            path = os.path.join(out_dir, fname)
            files.append(path)
            total_pages += total
            feedback.pushInfo(self.tr("{m}: {p} pages written to {f}.").format(m=mname, p=total, f=path))
            feedback.setProgress(30 + 70 * (n_m + 1) / len(chosen))
        if sh.atlas_lay is not None:
            sh.atlas_lay.atlas().endRender()
        self.check_canceled(feedback)  # a cancel during the last report: none of the reports is moved into place
        feedback.setProgress(100)
        return {self.OUTPUT_FOLDER: out_dir, "N_REPORTS": len(files), "PAGES": total_pages, "FILES": "\n".join(files)}

    # ------------------------------------------------------------------------------------------------
    # phase 1: inputs
    def _inputs(self, parameters, context, feedback):
        """The spaces with their indicators of one year, the municipality and county levels; refuses fields
        that are not indicator fields of the catalogue or of different years."""
        import pandas as pd

        from ..core import fields as F
        from ..core.catalogue import default_catalogue, load_catalogue
        from .report_document import key_fields, read_level

        layer = self.require_layer(self.parameterAsVectorLayer(parameters, self.INPUT, context), self.INPUT)
        self.require_features(layer)
        names = layer.fields().names()
        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        catalogue = load_catalogue(cat_path) if cat_path else default_catalogue()
        fields = self.parameter_as_field_names(parameters, self.FIELDS, context) or key_fields(names, catalogue)
        if not fields:
            raise QgsProcessingException(
                self.tr("Layer '{}' has no indicator fields '<id>_<year>' of the catalogue.").format(layer.name())
            )
        inds, year = self._indicators(fields, catalogue)
        all_years = sorted({y for n in names for b, y in [F.split_year(n)] if y and b in catalogue.indicators})
        chars = self.parameterAsInt(parameters, self.MUNICIPALITY_CHARS, context)
        key_field = self.parameterAsString(parameters, self.KEY_FIELD, context) or "key"
        name_field = self.parameterAsString(parameters, self.NAME_FIELD, context) or "name"
        spaces, geoms = read_level(self, layer, key_field, name_field, feedback, (0, 5), with_geometry=True)
        spaces.parent = pd.Series([k[:chars] for k in spaces.frame.index], index=spaces.frame.index)
        mun_layer = self.parameterAsVectorLayer(parameters, self.MUNICIPALITY_INDICATORS, context)
        muns = read_level(self, mun_layer, "key", "name", feedback, (5, 6))[0] if mun_layer else None
        cty_layer = self.parameterAsVectorLayer(parameters, self.COUNTY, context)
        county = read_level(self, cty_layer, "key", "name", feedback, (6, 7))[0] if cty_layer else None
        county_name = self.parameterAsString(parameters, self.COUNTY_NAME, context) or (
            str(county.frame["name"].iloc[0]) if county is not None and len(county.frame) else "Kreis"
        )
        return _Inputs(
            layer=layer,
            catalogue=catalogue,
            inds=inds,
            year=year,
            first=all_years[0] if all_years else None,
            chars=chars,
            key_field=key_field,
            name_field=name_field,
            spaces=spaces,
            geoms=geoms,
            muns=muns,
            county=county,
            county_name=county_name,
        )

    def _indicators(self, fields, catalogue):
        """The catalogue's indicators of the fields '<id>_<year>' and their one year."""
        from ..core import fields as F

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
                self.tr("The indicator fields are of different years ({}); a report describes one year.").format(
                    ", ".join(map(str, sorted(years)))
                )
            )
        return inds, years.pop()

    def _municipalities(self, parameters, context, feedback, inp):
        """The municipalities to report on (key, name, geometry; sorted), those with at least one space; the
        others are named in a warning, none at all is refused."""
        from ..core import fields as F

        bsource = self.require_layer(self.parameterAsSource(parameters, self.BOUNDARIES, context), self.BOUNDARIES)
        bkey = self.parameterAsString(parameters, self.BOUNDARY_KEY, context)
        bname = self.parameterAsString(parameters, self.BOUNDARY_NAME, context)
        self.require_fields(bsource, [bkey, bname])
        chosen = []
        for f in bsource.getFeatures():
            k = F.key_text(f[bkey])
            if k is not None:
                chosen.append((k, F.to_text(f[bname]) or k, f.geometry()))
        chosen.sort()
        with_spaces = {k for k in inp.spaces.parent}
        missing = [k for k, _n, _g in chosen if k not in with_spaces]
        for k in missing:
            feedback.pushWarning(
                self.tr("Municipality {} has no social space whose key starts with it; no report for it.").format(k)
            )
        chosen = [c for c in chosen if c[0] in with_spaces]
        if not chosen:
            raise QgsProcessingException(
                self.tr(
                    "No municipality matches the spaces' keys (first {n} characters, e.g. '{k}'). Check the "
                    "municipality key field and the number of characters."
                ).format(n=inp.chars, k=next(iter(inp.spaces.frame.index)))
            )
        return chosen, bname

    # ------------------------------------------------------------------------------------------------
    # phase 2: what all reports share
    def _shared(self, parameters, context, feedback, inp, chosen, boundary_full, bname):
        """County-wide content computed once: strengths and weaknesses, index, typology, infrastructure, the map
        layers, the profile atlas, the templates and the footer."""
        from ..core import charts
        from ..core import strengths as sw
        from . import _report_layouts as RL
        from . import _report_maps as M

        tfolder = self.parameterAsFile(parameters, self.TEMPLATE_FOLDER, context) or None
        source_note = self.parameterAsString(parameters, self.SOURCE, context) or ""
        # strengths and weaknesses of all spaces (percentiles county-wide)
        data = inp.spaces.frame.drop(columns=["name"])
        long = sw.assess(data, inp.inds, inp.year, first_year=inp.first, catalogue=inp.catalogue)
        long.insert(1, "name", long["key"].map(inp.spaces.frame["name"]))
        idx_layer = self.parameterAsVectorLayer(parameters, self.INDEX, context)
        index = self._index(parameters, context, feedback, idx_layer)
        typology = self._typology(parameters, context, feedback, inp)
        infra = self._infrastructure(parameters, context, feedback)
        # the county-wide map layers (one per indicator) and the grey surroundings
        keys = list(inp.spaces.frame.index)
        glist = [inp.geoms[k] for k in keys]
        crs = inp.layer.crs()
        context_all = M.context_layer(keys, glist, crs)
        boundary = M.boundary_layer(boundary_full, bname, label_size=8.0)
        self._keep += [context_all, boundary]
        atlas_lay, atlas_keys = None, []
        if self.parameterAsBool(parameters, self.PROFILES, context):
            atlas_lay, atlas_keys = self._atlas_of_chosen(
                inp, idx_layer, index.class_field, chosen, boundary_full, bname, context, feedback
            )
        templates = tuple(
            RL.template_file(name, tfolder) for name in ("municipal_a4_cover", "municipal_a4_map", "municipal_a4_table")
        )
        for t in templates:
            if not os.path.exists(t):
                raise QgsProcessingException(self.tr("The layout template {} does not exist.").format(t))
        footer = "\n".join(
            x
            for x in ["Quelle: Daten: " + ", ".join(charts.short_sources(i.source for i in inp.inds)), source_note]
            if x
        )
        return _Shared(
            project=context.project() or QgsProject.instance(),
            templates=templates,
            dpi=self.parameterAsInt(parameters, self.DPI, context),
            date_text=f"31.12.{inp.year}",
            footer=footer,
            long=long,
            index=index,
            typology=typology,
            infra=infra,
            keys=keys,
            glist=glist,
            crs=crs,
            context_all=context_all,
            boundary=boundary,
            atlas_lay=atlas_lay,
            atlas_keys=atlas_keys,
        )

    def _index(self, parameters, context, feedback, idx_layer):
        """Class, class label and value of the composite index per space (all None without an index layer)."""
        import pandas as pd

        from . import _layouts as L
        from .report_document import INDEX_CLASS_FIELDS, read_level

        index = _Index()
        if idx_layer is None:
            return index
        inames = idx_layer.fields().names()
        index.class_field = self.parameterAsString(parameters, self.INDEX_CLASS_FIELD, context) or next(
            (c for c in INDEX_CLASS_FIELDS if c in inames), None
        )
        ilevel = read_level(self, idx_layer, "key", "name", feedback, (7, 8))[0]
        if index.class_field is not None:
            index.classes = ilevel.frame[index.class_field]
            lf = L.class_label_field(index.class_field, inames)
            index.labels = ilevel.frame[lf] if lf else None
        vf = next((c for c in ("si_value", "idx_value", "idx") if c in inames), None)
        index.values = pd.to_numeric(ilevel.frame[vf], errors="coerce") if vf else None
        return index

    def _typology(self, parameters, context, feedback, inp):
        """The action-field typology: (frame, {action field id: its label}), None without a typology layer."""
        from .report_document import read_level

        ty_layer = self.parameterAsVectorLayer(parameters, self.TYPOLOGY, context)
        if ty_layer is None:
            return None
        tlevel = read_level(self, ty_layer, "key", "name", feedback, (8, 9))[0]
        from ..core.typology import action_field_label

        tfields = {}
        for fld in ty_layer.fields():
            n = fld.name()
            if n.startswith("hf_") and n not in ("hf_count", "hf_fields", "hf_incomplete") and not n.endswith("_n"):
                tfields[n[3:]] = fld.alias() or action_field_label(n[3:], inp.catalogue)
        return (tlevel.frame, tfields)

    def _infrastructure(self, parameters, context, feedback):
        """The infrastructure layers' fields (supply, access, gaps) side by side by key; None without any."""
        from .report_document import read_level

        infra = None
        for infra_layer in self.parameterAsLayerList(parameters, self.INFRASTRUCTURE, context) or []:
            part = read_level(self, infra_layer, "key", "name", feedback, (9, 10))[0]
            if infra is None:
                infra = part
            else:  # the fields of several layers (supply, access, gaps) side by side, by key
                new = [c for c in part.frame.columns if c not in infra.frame.columns]
                infra.frame = infra.frame.join(part.frame[new], how="outer")
        return infra

    def _atlas_of_chosen(self, inp, idx_layer, class_field, chosen, boundary_full, bname, context, feedback):
        """Profile sheets: one atlas of the chosen municipalities' spaces (with the spine page), rendered per
        municipality."""
        from .profile_atlas import reopen

        feedback.setProgressText(self.tr("Profile sheets"))
        source_layer = reopen(idx_layer if idx_layer is not None else inp.layer)
        if len(chosen) < len({k for k in inp.spaces.parent}):
            # only the spaces of the chosen municipalities (the spine page still compares with all spaces)
            kf = inp.key_field if inp.key_field in source_layer.fields().names() else "key"
            cond = " OR ".join(f"\"{kf}\" LIKE '{a}%'" for a, _n, _g in chosen)
            source_layer.setSubsetString(cond)
        self._keep.append(source_layer)
        return self._profile_atlas(
            source_layer, inp.key_field, inp.name_field, class_field, boundary_full, bname, context, feedback
        )

    # ------------------------------------------------------------------------------------------------
    # phase 3: one report
    def _municipal_report(self, inp, sh, mun, pdf_path, partial, out_dir):
        """The report of one municipality: cover, maps, ranking, strengths and weaknesses, action fields, profile
        sheets; written to pdf_path. Returns its number of pages."""
        cover = self._cover(inp, sh, mun)
        sections = [
            ("Überblick und Inhalt", [cover]),
            ("Karten der Schlüsselkennzahlen", self._map_pages(inp, sh, mun)),
            ("Rangfolge der Sozialräume", [self._ranking_page(inp, sh, mun)]),
            ("Stärken und Schwächen", [self._strengths_page(inp, sh, mun)]),
            ("Handlungsfelder", [self._action_page(inp, sh, mun)]),
        ]
        return self._export(inp, sh, mun, cover, sections, pdf_path, partial, out_dir)

    def _cover(self, inp, sh, mun):
        """The cover: title, subtitle, the symbols' key and a map of the municipality's spaces in the county."""
        from qgis.core import QgsSingleSymbolRenderer

        from ..core import strengths as sw
        from . import _layouts as L
        from . import _report_maps as M

        cover = L.load_template(sh.project, sh.templates[0], f"Sozialraumbericht {mun.name}")
        L.set_text(cover, "title", f"Sozialraumbericht {mun.name}")
        L.set_text(
            cover,
            "subtitle",
            f"Teilbericht zum Sozialbericht {inp.county_name} {inp.year} · für die Sozialraumkonferenz\n"
            f"{len(mun.keys)} Sozialräume · Stand {sh.date_text}",
        )
        L.set_text(cover, "note", SYMBOLS + "\n\n" + sw.Rule().short_de())
        L.set_text(cover, "source", sh.footer)
        cmap = L.find_item(cover, "map", required=False)
        if cmap is not None:
            hl = M.context_layer(mun.keys, [inp.geoms[k] for k in mun.keys], sh.crs, mun.name)
            hl.setRenderer(QgsSingleSymbolRenderer(L.fill_symbol("#fc8d59", "#b30000", 0.3)))
            self._keep.append(hl)
            cmap.setCrs(sh.crs)
            cmap.setLayers([x for x in (sh.boundary, hl, sh.context_all) if x is not None])
            L.zoom_map(cmap, M.extent_of([sh.context_all]), 1.03)
        return cover

    def _map_pages(self, inp, sh, mun):
        """One map page per key indicator: the municipality's spaces on the county's classes, with a note."""
        from ..core import fields as F
        from ..core import report_content as rc
        from . import _layouts as L
        from . import _report_maps as M

        spaces, year = inp.spaces, inp.year
        map_lays = []
        for ind in inp.inds:
            vals = [rc.value_of(spaces, k, ind.id, year)[0] for k in sh.keys]
            flg = [rc.value_of(spaces, k, ind.id, year)[1] for k in sh.keys]
            mem, legend, note = M.choropleth(sh.keys, sh.glist, sh.crs, vals, flg, ind, year, only=mun.key_set)
            self._keep.append(mem)
            lay = L.load_template(sh.project, sh.templates[1], f"{mun.name}: {ind.name}")
            L.set_text(lay, "title", ind.name)
            L.set_text(
                lay, "subtitle", f"{mun.name} · Sozialräume · Stand {sh.date_text} · Klassen wie im ganzen Kreis"
            )
            sub = rc.Level(spaces.frame.loc[mun.keys], spaces.parent)
            mline = ""
            if inp.muns is not None and mun.ags in inp.muns.frame.index:
                unit = F.unit_text(ind.unit)
                mline = (
                    f"{mun.name} {year}: {rc.cell(inp.muns, mun.ags, ind, year)}" + (f" {unit}" if unit else "") + ". "
                )
            L.set_text(
                lay,
                "note",
                mline + rc.summary_text(ind, sub, None, inp.county, year, inp.first) + "\n\n" + note,
            )
            L.set_text(lay, "source", sh.footer)
            mp = L.find_item(lay, "map")
            mp.setCrs(sh.crs)
            mp.setLayers([x for x in (sh.boundary, mem, sh.context_all) if x is not None])
            L.zoom_map(mp, M.extent_of([mem]), 1.08)
            leg = L.find_item(lay, "legend", required=False)
            if leg is not None:
                L.set_legend_layers(leg, [(mem, legend)] + ([(sh.boundary, "Gemeindegrenze")] if sh.boundary else []))
            L.link_to_map(lay, mp)
            lay.refresh()
            map_lays.append(lay)
        return map_lays

    def _ranking_page(self, inp, sh, mun):
        """The ranking of the municipality's spaces among all spaces of the county."""
        from . import _layouts as L
        from . import _report_layouts as RL

        rank_lay = L.load_template(sh.project, sh.templates[2], f"{mun.name}: Rangfolge")
        header, rows, widths = self._ranking(inp, sh.index, mun.keys)
        L.set_text(rank_lay, "title", "Rangfolge der Sozialräume")
        L.set_text(
            rank_lay,
            "subtitle",
            f"{mun.name} · Stand {sh.date_text} · Rang unter allen {len(sh.keys)} Sozialräumen des Kreises "
            "(1 = ungünstigster)",
        )
        L.set_text(rank_lay, "note", SYMBOLS)
        L.set_text(rank_lay, "source", sh.footer)
        RL.fill_table(rank_lay, header, rows, widths, ["r", "l", "l"] + ["r"] * (len(header) - 3), joints=_joints)
        RL.repeat_on_pages(rank_lay, ["title", "subtitle", "source", "page_number"])
        return rank_lay

    def _strengths_page(self, inp, sh, mun):
        """Strengths and weaknesses of each space, the most marked first."""
        from ..core import strengths as sw
        from . import _layouts as L
        from . import _report_layouts as RL

        sw_lay = L.load_template(sh.project, sh.templates[2], f"{mun.name}: Stärken und Schwächen")
        L.set_text(sw_lay, "title", "Stärken und Schwächen der Sozialräume")
        L.set_text(sw_lay, "subtitle", f"{mun.name} · Stand {sh.date_text}")
        L.set_text(sw_lay, "note", sw.Rule().short_de())
        L.set_text(sw_lay, "source", sh.footer)
        long = sh.long
        srows = []
        for k in mun.keys:
            part = long[long["key"] == k]
            texts = {}
            for kind in (sw.WEAKNESS, sw.STRENGTH):
                sel = part[part["judgement"] == kind]
                sel = sel.reindex(sel["z"].abs().sort_values(ascending=False).index)
                texts[kind] = "\n".join(sel["text"]) or "–"
            srows.append([f"{inp.spaces.get(k, 'name') or k}\n{k}", texts[sw.WEAKNESS], texts[sw.STRENGTH]])
        RL.fill_table(sw_lay, ["Sozialraum", "Schwächen", "Stärken"], srows, [32, 80, 70], ["l", "l", "l"])
        RL.repeat_on_pages(sw_lay, ["title", "subtitle", "source", "page_number"])
        return sw_lay

    def _action_page(self, inp, sh, mun):
        """Action fields: need (typology), supply and gaps (infrastructure) in the municipality."""
        from . import _layouts as L
        from . import _report_layouts as RL

        af_lay = L.load_template(sh.project, sh.templates[2], f"{mun.name}: Handlungsfelder")
        L.set_text(af_lay, "title", "Handlungsfelder: Bedarf, Angebot, Lücken")
        L.set_text(af_lay, "subtitle", f"{mun.name} · Stand {sh.date_text}")
        L.set_text(af_lay, "source", sh.footer)
        header, arows, note = self._action_fields(inp.spaces, mun.keys, sh.typology, sh.infra, inp.year)
        L.set_text(af_lay, "note", note)
        RL.fill_table(af_lay, header, arows, [44, 52, 48, 38], ["l", "l", "l", "l"])
        RL.repeat_on_pages(af_lay, ["title", "subtitle", "source", "page_number"])
        return af_lay

    def _export(self, inp, sh, mun, cover, sections, pdf_path, partial, out_dir):
        """Page plan, contents on the cover, 'Seite n von N' across the report, the PDF; returns the page count."""
        from . import _layouts as L
        from . import _report_layouts as RL

        plan = []
        toc_lines, page = [], 1
        for title, lays in sections:
            start = page
            for lay in lays:
                for p in range(lay.pageCollection().pageCount()):
                    plan.append((lay, p, False))
                    page += 1
            if title != "Überblick und Inhalt":
                toc_lines.append(f"{title} … Seite {start}")
            if title == "Karten der Schlüsselkennzahlen":
                for i, ind in enumerate(inp.inds):
                    toc_lines.append(f"    {ind.short_name or ind.name} … {start + i}")
        prof_pages = []
        atlas_lay = sh.atlas_lay
        if atlas_lay is not None:
            per_sheet = atlas_lay.pageCollection().pageCount()
            idxs = [i for i, k in enumerate(sh.atlas_keys) if k in mun.key_set]
            if idxs:
                toc_lines.append(f"Steckbriefe der Sozialräume … Seite {page}")
                for i in idxs:
                    for p in range(per_sheet):
                        prof_pages.append((atlas_lay, (i, p), True))
                first_idx = idxs[0]
        total = len(plan) + len(prof_pages)
        L.set_text(cover, "toc", "\n".join(toc_lines))
        for lay in (lay for _title, lays in sections for lay in lays):
            start = next(i for i, (lx, _p, _a) in enumerate(plan) if lx is lay) + 1
            RL.set_page_numbers(lay, start, total)
        if prof_pages:
            self._atlas_page_numbers(atlas_lay, first_idx, per_sheet, len(plan) + 1, total)
        try:
            RL.export_pages(plan + prof_pages, pdf_path, sh.dpi)
        except QgsProcessingException as err:
            raise QgsProcessingException(str(err).replace(partial, out_dir)) from None
        return total

    # ------------------------------------------------------------------------------------------------
    @staticmethod
    def _whole_layer(parameters, name, context):
        """The layer behind a feature-source parameter, all its features (a selection only chooses the reports)."""
        from qgis.core import QgsProcessingFeatureSourceDefinition, QgsProcessingUtils, QgsVectorLayer

        value = parameters.get(name)
        if isinstance(value, QgsProcessingFeatureSourceDefinition):
            value = value.source.staticValue()
        if isinstance(value, QgsVectorLayer):
            return value
        return QgsProcessingUtils.mapLayerFromString(str(value), context) if value else None

    def _profile_atlas(self, layer, key_field, name_field, class_field, boundaries, bname, context, feedback):
        """The profile atlas of all spaces (profileatlas, spine page on), its layout and keys in atlas order."""
        from .profile_atlas import ProfileAtlas

        alg = ProfileAtlas()
        alg.initAlgorithm()
        alg.chart_folder = os.path.join(self._work, "diagramme")  # removed with the run's temporary folder
        tmp = os.path.join(self._work, "steckbriefe.pdf")
        params = {
            "INPUT": layer,
            "KEY_FIELD": key_field,
            "NAME_FIELD": name_field if name_field in layer.fields().names() else "",
            "CLASS_FIELD": class_field or "",
            "INDICATORS": "",
            "MUNICIPALITIES": boundaries,
            "MUNICIPALITY_NAME": bname,
            "SPINE_PAGE": True,
            "ADD_TO_PROJECT": False,
            "OUTPUT": tmp,
        }
        alg.processAlgorithm(params, context, _quiet(feedback))
        self._keep.append(alg)
        lay = getattr(alg, "last_layout", None)
        if lay is None:
            raise QgsProcessingException(self.tr("The profile sheets could not be prepared."))
        atlas = lay.atlas()
        atlas.updateFeatures()
        keys = []
        atlas.beginRender()
        for i in range(atlas.count()):
            atlas.seekTo(i)
            keys.append(str(atlas.layout().reportContext().feature()["sp_key"]))
        atlas.endRender()
        return lay, keys

    @staticmethod
    def _atlas_page_numbers(lay, first_idx, per_sheet, offset, total):
        """'Seite n von N' on the profile sheets of one municipality (page 1 and the spine page)."""
        from qgis.core import QgsLayoutItemLabel

        for item in lay.items():
            if isinstance(item, QgsLayoutItemLabel) and item.id() in ("page_number", "sw_page_number"):
                extra = item.page()
                item.setText(
                    f"Seite [% (@atlas_featurenumber - {first_idx + 1}) * {per_sheet} + {offset + extra} %] von {total}"
                )

    @staticmethod
    def _ranking(inp, index, mkeys):
        """Header, rows and widths of the ranking table: rank in the county (index value, else the first
        indicator), space, index class, the key indicators' values."""
        import pandas as pd

        from ..core import fields as F
        from ..core import report_content as rc

        spaces, year = inp.spaces, inp.year
        classes, labels, values = index.classes, index.labels, index.values
        show = inp.inds[:5]
        header = ["Rang", "Sozialraum", "Indexklasse"] + [
            (i.short_name or i.name) + (f" ({F.unit_text(i.unit)})" if F.unit_text(i.unit) else "") for i in show
        ]
        if values is not None:
            score = values.reindex(spaces.frame.index)
            order = score.rank(ascending=False, method="min")
        else:
            first = show[0]
            v = pd.Series(
                [rc.value_of(spaces, k, first.id, year)[0] for k in spaces.frame.index], index=spaces.frame.index
            )
            order = v.rank(ascending=first.polarity == "higher_better", method="min")
        rows = []
        for k in sorted(mkeys, key=lambda k: order.get(k) if order.get(k) == order.get(k) else 1e9):
            r = order.get(k)
            cls = ""
            if classes is not None and k in classes.index and classes[k] is not None and classes[k] == classes[k]:
                lab = labels[k] if labels is not None and k in labels.index else None
                cls = str(lab if lab not in (None, "") and lab == lab else classes[k])
            row = ["" if r != r or r is None else str(int(r)), str(spaces.get(k, "name") or k), cls]
            row += [rc.cell(spaces, k, i, year) for i in show]
            rows.append(row)
        widths = [11, 34, 27] + [(182 - 72) / max(len(show), 1)] * len(show)
        return header, rows, widths

    def _action_fields(self, spaces, mkeys, typology, infra, year):
        """Header, rows and note of the action-field page: need (typology), supply and gaps (infrastructure)."""
        from ..core import facilities as fac
        from ..core import fields as F

        header = ["Handlungsfeld", "Sozialräume mit Bedarf", "Angebot", "Lücken"]
        if typology is None:
            return header, [["–", "keine Handlungsfeld-Typisierung übergeben", "", ""]], INFRA_HOOK
        frame, tfields = typology
        types = None
        if infra is not None:
            try:
                types = fac.load_facility_types()
            except Exception:  # the types file is optional here: without it, no supply columns
                types = None
        rows = []
        for fid, fname in tfields.items():
            col = f"hf_{fid}"
            need = [k for k in mkeys if k in frame.index and F.to_number(frame.at[k, col]) == 1]
            need_txt = ", ".join(str(spaces.get(k, "name") or k) for k in need) or "keine"
            supply_txt, gap_txt = "", ""
            if infra is not None and types is not None:
                ftypes = [
                    t
                    for t in types.types.values()
                    if t.action_field
                    and (t.action_field == fid or fid.startswith(t.action_field) or t.action_field.startswith(fid))
                ]
                s_parts, g_parts = [], []
                for t in ftypes:
                    a = f"angebote_{t.id}_{year}"
                    lk = f"luecke_{t.id}_{year}"
                    if a in infra.frame.columns:
                        n = sum(F.to_number(infra.get(k, a)) or 0 for k in mkeys)
                        s_parts.append(f"{t.label}: {F.fmt_de(n, 0)}")
                    if lk in infra.frame.columns:
                        gaps = [k for k in mkeys if F.to_number(infra.get(k, lk)) == 3]
                        if gaps:
                            g_parts.append(f"{t.label}: " + ", ".join(str(spaces.get(k, "name") or k) for k in gaps))
                supply_txt = "\n".join(s_parts) or "–"
                gap_txt = "\n".join(g_parts) or ("keine" if s_parts else "–")
            rows.append([fname, f"{len(need)}: {need_txt}" if need else "keine", supply_txt, gap_txt])
        note = (
            "Bedarf nach den Regeln der Handlungsfeld-Typisierung. Angebot: Einrichtungen der zugeordneten Typen in "
            "den Sozialräumen der Gemeinde; Lücken: Sozialräume mit hohem Bedarf und schlechter Erreichbarkeit."
            if infra is not None
            else INFRA_HOOK
        )
        return header, rows, note


_BREAKS = (("zeit", 1), ("jugend", 1), ("arbeits", 1), ("sicherung", 0), ("erziehende", 0), ("beschäftigten", 1))


def _joints(word):
    """Where a long compound may be broken in a table heading ('Jugendarbeits-' / 'losigkeit', 'Grund-' /
    'sicherung'): the positions after or before the joints of _BREAKS; the table breaks at the last that fits
    (_report_layouts.fit_headings)."""
    low, cuts = word.lower(), set()
    for token, after in _BREAKS:
        i = low.find(token)
        if i > 0 or (after and i == 0):
            cuts.add(i + len(token) if after else i)
    return sorted(cuts)


def _quiet(feedback):
    """A feedback for a sub-step: cancel passes through, its progress and texts stay out of the log."""
    from qgis.core import QgsProcessingFeedback

    sub = QgsProcessingFeedback()
    feedback.canceled.connect(sub.cancel)
    return sub
