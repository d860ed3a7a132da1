"""Processing script that runs the bad-input corpus inside one qgis_process (tests/qgis/test_bad_inputs.py).

Installed into the scripts folder of a temporary QGIS profile and started once as
``qgis_process run script:sozialplanung_bad_inputs -- MANIFEST=... RESULTS=...``: starting qgis_process for each of
the 180 cases would take 15 minutes on a shared machine. Each case runs with processing.run in that process, on
copies of its input files in a fresh folder, with an empty output folder; one JSON line per case is appended to
RESULTS (so a crash loses only the case it happened in): the exception type and message, the warnings, the files
left in the output folder, the inputs whose bytes changed and files that appeared beside the inputs.
"""

import hashlib
import json
import os
import shutil
import tempfile
import traceback

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFile,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)


class _Feedback(QgsProcessingFeedback):
    def __init__(self):
        super().__init__()
        self.warnings, self.errors = [], []

    def pushWarning(self, text):  # noqa: N802 - QGIS API
        self.warnings.append(text)

    def reportError(self, text, fatal=False):  # noqa: N802 - QGIS API
        self.errors.append(text)

    def pushInfo(self, text):  # noqa: N802 - QGIS API
        pass


def _sha(path):
    with open(path, "rb") as fh:
        return hashlib.sha256(fh.read()).hexdigest()


def _files(folder):
    out = []
    for root, _dirs, names in os.walk(folder):
        for n in names:
            out.append(os.path.relpath(os.path.join(root, n), folder))
    return sorted(out)


class BadInputsRunner(QgsProcessingAlgorithm):
    def name(self):
        return "sozialplanung_bad_inputs"

    def displayName(self):  # noqa: N802 - QGIS API
        return "Sozialplanung bad-input corpus (tests)"

    def createInstance(self):  # noqa: N802 - QGIS API
        return BadInputsRunner()

    def initAlgorithm(self, config=None):  # noqa: N802 - QGIS API
        self.addParameter(QgsProcessingParameterFile("MANIFEST", "cases.json"))
        self.addParameter(QgsProcessingParameterString("RESULTS", "results (JSON lines)"))
        self.addParameter(QgsProcessingParameterString("NAMES", "only these cases (comma list)", optional=True))
        self.addParameter(QgsProcessingParameterNumber("START", "skip the first cases", defaultValue=0))
        self.addParameter(QgsProcessingParameterString("LANGUAGE", "plugin language", optional=True))
        self.addParameter(QgsProcessingParameterString("CORPUS", "folder of the @in/ files", optional=True))
        self.addParameter(QgsProcessingParameterString("MALFORMED", "folder of the @malformed/ files", optional=True))
        self.addOutput(QgsProcessingOutputNumber("CASES", "cases run"))

    def processAlgorithm(self, parameters, context, feedback):  # noqa: N802 - QGIS API
        manifest = self.parameterAsFile(parameters, "MANIFEST", context)
        results = self.parameterAsString(parameters, "RESULTS", context)
        names = [n for n in (self.parameterAsString(parameters, "NAMES", context) or "").split(",") if n]
        start = self.parameterAsInt(parameters, "START", context)
        language = self.parameterAsString(parameters, "LANGUAGE", context)
        if language:
            from sozialplanung_plugin.toolbelt.i18n import install_translator

            self._translator = install_translator(language)
        with open(manifest, encoding="utf-8") as fh:
            cases = json.load(fh)
        if names:
            cases = [c for c in cases if c["name"] in names]
        corpus = self.parameterAsString(parameters, "CORPUS", context) or os.path.dirname(os.path.abspath(manifest))
        malformed = self.parameterAsString(parameters, "MALFORMED", context) or os.path.join(
            os.path.dirname(corpus), "malformed"
        )
        dirs = {"in": corpus, "malformed": malformed}
        work_root = tempfile.mkdtemp(prefix="sozialplanung-bad-inputs-")
        n = 0
        for case in cases[start:]:
            line = self._run(case, dirs, work_root)
            with open(results, "a", encoding="utf-8") as fh:
                fh.write(json.dumps(line, ensure_ascii=False) + "\n")
                fh.flush()
                os.fsync(fh.fileno())
            n += 1
        shutil.rmtree(work_root, ignore_errors=True)
        return {"CASES": n}

    def _run(self, case, dirs, work_root):
        import processing

        work = tempfile.mkdtemp(dir=work_root)
        indir, outdir = os.path.join(work, "in"), os.path.join(work, "out")
        os.makedirs(indir)
        os.makedirs(outdir)
        copied = {}

        def resolve(value):
            if isinstance(value, list):
                return [resolve(v) for v in value]
            if not isinstance(value, str) or not value.startswith("@"):
                return value
            where, _, rest = value[1:].partition("/")
            name, bar, tail = rest.partition("|")
            if where in dirs:
                src, dst = os.path.join(dirs[where], name), os.path.join(indir, name)
                if os.path.exists(src) and dst not in copied:
                    shutil.copyfile(src, dst)
                    copied[dst] = _sha(src)
                return dst + bar + tail
            if where == "out":
                return os.path.join(outdir, name)
            if where == "missing":
                return os.path.join(work, "missing", name)
            raise ValueError(value)

        params = {k: resolve(v) for k, v in case["params"].items()}
        before = _files(indir)
        fb = _Feedback()
        ctx = QgsProcessingContext()
        out = {"name": case["name"]}
        try:
            res = processing.run(f"sozialplanung:{case['algorithm']}", params, feedback=fb, context=ctx)
            out.update(status="ok", results={k: str(v) for k, v in res.items()})
        except Exception as err:  # noqa: BLE001 - the message is what is tested
            out.update(status="error", type=type(err).__name__, message=str(err))
            if type(err).__name__ != "QgsProcessingException":
                out["traceback"] = traceback.format_exc()
        del ctx
        out["warnings"] = fb.warnings
        out["errors"] = fb.errors
        out["left_in_output"] = _files(outdir)
        out["missing_folder_created"] = os.path.exists(os.path.join(work, "missing"))
        out["changed_inputs"] = [
            os.path.basename(p) for p, h in copied.items() if not os.path.exists(p) or _sha(p) != h
        ]
        out["new_beside_inputs"] = sorted(set(_files(indir)) - set(before))
        shutil.rmtree(work, ignore_errors=True)
        return out
