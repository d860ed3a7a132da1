"""Export the indicator catalogue (default plus a county's overlay) to XLSX, CSV or YAML.

For the planning conference: the XLSX has the sheets Indikatoren, Variablen and Info (version, files); the CSV
opens directly in German Excel (cp1252, ';') or keeps every character (UTF-8 with BOM); the YAML is a complete,
self-contained catalogue that can be edited and loaded again as a county catalogue.
"""

import os

from qgis.core import (
    QgsProcessingException,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from ..compat import ProcessingFileParameterBehavior
from .base import SozialplanungAlgorithm

CSV_ENCODINGS = ["cp1252", "utf-8-sig"]


class ExportCatalogue(SozialplanungAlgorithm):
    ALG_ID = "exportcatalogue"
    GROUP = "catalogue"
    ICON = "catalogue.svg"

    CATALOGUE = "CATALOGUE"
    CSV_ENCODING = "CSV_ENCODING"
    CONTENT = "CONTENT"
    OUTPUT = "OUTPUT"

    def displayName(self):
        return self.tr("Export indicator catalogue")

    def initAlgorithm(self, config=None):
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
            QgsProcessingParameterEnum(
                self.CSV_ENCODING,
                self.tr("CSV encoding"),
                [self.tr("cp1252 (German Excel)"), self.tr("UTF-8 with BOM")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterEnum(
                self.CONTENT,
                self.tr("CSV content"),
                [self.tr("indicators"), self.tr("count variables")],
                defaultValue=0,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Catalogue file"), self.tr("Excel (*.xlsx);;CSV (*.csv);;YAML (*.yaml)")
            )
        )
        self.addOutput(QgsProcessingOutputString("VERSION", self.tr("Catalogue version")))
        self.addOutput(QgsProcessingOutputNumber("INDICATOR_COUNT", self.tr("Number of indicators")))
        self.addOutput(QgsProcessingOutputNumber("VARIABLE_COUNT", self.tr("Number of count variables")))

    def compute(self, parameters, context, feedback):
        from ..core.catalogue import load_catalogue

        cat_path = self.parameterAsFile(parameters, self.CATALOGUE, context)
        encoding = CSV_ENCODINGS[self.parameterAsEnum(parameters, self.CSV_ENCODING, context)]
        which = ["indicators", "variables"][self.parameterAsEnum(parameters, self.CONTENT, context)]
        out = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not out:
            raise QgsProcessingException(self.tr("Choose an output file (.xlsx, .csv or .yaml)."))
        ext = os.path.splitext(out)[1].lower()
        if ext not in (".xlsx", ".csv", ".yaml", ".yml"):
            raise QgsProcessingException(
                self.tr("The output file must end in .xlsx, .csv or .yaml, not '{}'.").format(ext or out)
            )
        cat = load_catalogue(cat_path) if cat_path else load_catalogue()
        feedback.setProgress(40)
        self.check_canceled(feedback)
        if ext == ".xlsx":
            cat.to_xlsx(out)
        elif ext == ".csv":
            cat.to_csv(out, encoding=encoding, which=which)
        else:
            cat.to_yaml(out)
        feedback.pushInfo(
            self.tr("Catalogue {version}: {n} indicators ({d} disabled), {v} count variables -> {out}").format(
                version=cat.version, n=len(cat.indicators), d=len(cat.disabled), v=len(cat.variables), out=out
            )
        )
        feedback.setProgress(100)
        return {
            self.OUTPUT: out,
            "VERSION": cat.version,
            "INDICATOR_COUNT": len(cat.indicators),
            "VARIABLE_COUNT": len(cat.variables),
        }
