"""File outputs that are either complete or absent: written under a temporary name, renamed on success.

Why: an algorithm that fails, is cancelled or is killed half-way must not leave a half-written GeoPackage, CSV
or PDF where the planner expects a result. Each file output of a run is created inside a hidden folder beside its
destination (``.sozialplanung-partial-<pid>-<random>/<name>``, same file name, so a GeoPackage's layer keeps its
name); when ``compute`` returns, every file of that folder (the output and its sidecars: .qml, method record) is
moved to the destination with ``os.replace`` (atomic within a file system) and the folder is removed. On an
error the folder is deleted. A folder left by a killed run is removed by the next run writing to the same folder
(its process no longer exists) -- unless the run was killed while moving its outputs into place: before the first
move every partial folder of the run gets a marker (``.committed``), and the next run completes the moves of a
marked folder, so a set of files (a folder output) is never left half old, half new. A folder output (the sheets
per social space of profileatlas, the reports per municipality of municipalreport) is written into such a hidden
folder inside the destination folder. Outputs into databases (``ogr:``/``postgres:`` URIs, a layer added to an
existing GeoPackage) and memory layers are written directly; so are outputs QGIS Desktop loads into the project when done
(their loading details, with post-processors, are keyed by the destination path): those are removed again if the
run fails, but a killed QGIS may leave them half-written.
"""

import gc
import os
import shutil
import tempfile
import traceback

from qgis.core import QgsProcessingException, QgsProcessingOutputLayerDefinition, QgsProperty
from qgis.PyQt.QtCore import QCoreApplication

from ..compat import PropertyType

PREFIX = ".sozialplanung-partial-"
COMMITTED = ".committed"  # in a partial folder: the run succeeded, its files are being moved into place
_NOT_FILES = ("memory:", "ogr:", "postgres", "postgis:", "spatialite:", "mssql:", "oracle:", "hana:", "dbname=")


def is_file_destination(value):
    """True for a plain file path (not a memory layer, a temporary output to be generated, or a database URI)."""
    if not isinstance(value, str) or not value.strip():
        return False
    low = value.strip().lower()
    if low == "temporary_output" or low.startswith(_NOT_FILES):
        return False
    return "|" not in value and "table=" not in low


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def work_folder(prefix):
    """A run's temporary work folder in the system's temp folder, removed however the run ends (a context
    manager); the folders of the same kind that killed runs left behind (their process is gone) go first, so
    that nothing piles up there either."""
    base = tempfile.gettempdir()
    try:
        names = os.listdir(base)
    except OSError:
        names = []
    for name in names:
        if not name.startswith(prefix):
            continue
        try:
            pid = int(name[len(prefix) :].split("-", 1)[0])
        except ValueError:
            continue
        path = os.path.join(base, name)
        if pid != os.getpid() and not _alive(pid) and os.path.isdir(path):
            shutil.rmtree(path, ignore_errors=True)
    return tempfile.TemporaryDirectory(prefix=f"{prefix}{os.getpid()}-", ignore_cleanup_errors=True)


def sweep_stale(folder):
    """Remove partial-output folders of runs whose process is gone (killed runs); returns how many."""
    removed = 0
    try:
        names = os.listdir(folder)
    except OSError:
        return 0
    for name in names:
        if not name.startswith(PREFIX):
            continue
        try:
            pid = int(name[len(PREFIX) :].split("-", 1)[0])
        except ValueError:
            continue
        path = os.path.join(folder, name)
        if pid != os.getpid() and not _alive(pid) and os.path.isdir(path):
            if os.path.exists(os.path.join(path, COMMITTED)):
                try:  # killed while its outputs were moved into place: complete the moves
                    _move_all(path, folder)
                except OSError:
                    pass
            shutil.rmtree(path, ignore_errors=True)
            removed += 1
    return removed


def _move_all(tmp, folder):
    """Move every file of a partial folder (not its marker) into ``folder``, then remove the partial folder."""
    for fname in sorted(os.listdir(tmp)):
        if fname != COMMITTED:
            os.replace(os.path.join(tmp, fname), os.path.join(folder, fname))
    shutil.rmtree(tmp, ignore_errors=True)


def _cannot_write(folder, err):
    return QgsProcessingException(
        QCoreApplication.translate(
            "SozialplanungAlgorithm", "Cannot write into the folder '{}' ({}). Choose a folder you may write to."
        ).format(folder, err.strerror or err)
    )


class AtomicOutputs:
    """The temporary folders of one run: (temporary folder, destination folder) pairs."""

    def __init__(self):
        self.pending = []
        self.created = []  # outputs written in place (loaded into a project): removed if the run fails
        self.created_dirs = []  # folders created for a folder output (deepest first): removed if the run fails

    # --- redirecting ----------------------------------------------------------------------------------
    def _temporary_folder(self, final_path):
        folder = os.path.dirname(os.path.abspath(final_path))
        if not os.path.isdir(folder):
            raise QgsProcessingException(
                QCoreApplication.translate(
                    "SozialplanungAlgorithm",
                    "The folder '{}' for the output '{}' does not exist. Create it or choose another place.",
                ).format(folder, os.path.basename(final_path))
            )
        sweep_stale(folder)
        try:
            tmp = tempfile.mkdtemp(prefix=f"{PREFIX}{os.getpid()}-", dir=folder)
        except OSError as err:
            raise _cannot_write(folder, err) from None
        self.pending.append((tmp, folder))
        return tmp

    def redirect_sink(self, alg, parameters, name, context):
        """Parameters with the sink ``name`` pointing into a temporary folder (unchanged for non-file outputs)."""
        value = parameters.get(name) if hasattr(parameters, "get") else None
        definition = value if isinstance(value, QgsProcessingOutputLayerDefinition) else None
        if definition is not None:
            prop = definition.sink
            if prop.propertyType() != PropertyType.Static:
                return parameters
            dest = prop.staticValue()
        else:
            dest = value
        if isinstance(dest, QgsProperty):
            dest = dest.staticValue()
        if not is_file_destination(dest):
            return parameters
        if definition is not None and definition.destinationProject is not None:
            # loaded into a project when done (QGIS Desktop): QGIS keeps the layer's post-processor under the
            # destination path, so the file is written in place and only removed again if the run fails
            if not os.path.exists(dest):
                self.created.append(os.path.abspath(dest))
            return parameters
        tmp = os.path.join(self._temporary_folder(dest), os.path.basename(dest))
        new = dict(parameters)
        if definition is not None:
            redirected = QgsProcessingOutputLayerDefinition(definition)
            redirected.sink = QgsProperty.fromValue(tmp)
            new[name] = redirected
        else:
            new[name] = tmp
        return new

    def redirect_file(self, path):
        """A temporary path for a file destination (unchanged for an empty path)."""
        if not is_file_destination(path):
            return path
        tmp = os.path.join(self._temporary_folder(path), os.path.basename(path))
        if os.path.isfile(path):
            # the algorithm sees what is there (a backup refuses to overwrite, a GeoPackage keeps its other
            # layers); what it writes replaces the destination only when it succeeds
            shutil.copy2(path, tmp)
        return tmp

    def redirect_folder(self, folder):
        """A hidden partial folder inside ``folder`` for a folder output (a file per space or per municipality): its
        files are moved into ``folder`` together with the run's other outputs when the run succeeds, and deleted
        when it fails, so ``folder`` holds either what it held before or the complete new set. ``folder`` is created
        when missing (and removed again if the run fails)."""
        if not is_file_destination(folder):
            return folder
        folder = os.path.abspath(folder)
        missing, p = [], folder
        while not os.path.isdir(p) and os.path.dirname(p) != p:
            missing.append(p)
            p = os.path.dirname(p)
        try:
            os.makedirs(folder, exist_ok=True)
        except OSError as err:
            raise _cannot_write(folder, err) from None
        self.created_dirs.extend(missing)
        return self._temporary_folder(os.path.join(folder, "-"))

    def final_text(self, text):
        """A message about a temporary path, told with the destination path the user gave."""
        for tmp, folder in self.pending:
            text = text.replace(tmp, folder)
        return text

    # --- finishing ------------------------------------------------------------------------------------
    def commit(self, results, context):
        """Move the outputs into place; results and layers-to-load point to the final paths."""
        self.created, self.created_dirs = [], []
        if not self.pending:
            return results
        gc.collect()  # sinks the algorithm no longer references are closed (files flushed)
        for tmp, _folder in self.pending:  # a run killed during the moves below is completed by the next run
            with open(os.path.join(tmp, COMMITTED), "wb"):
                pass
        mapping = []
        for tmp, folder in self.pending:
            _move_all(tmp, folder)
            mapping.append((tmp, folder))
        self.pending = []
        if context is not None:
            if context.project() is not None:
                _repoint_layers(context.project(), mapping)
            details = context.layersToLoadOnCompletion()
            # re-key only entries without a post-processor: QGIS deletes the post-processor of a removed key
            # (outputs with one are loaded into a project and were not redirected, see redirect_sink)
            renamed = {(_replace(k, mapping) if v.postProcessor() is None else k): v for k, v in details.items()}
            if list(renamed) != list(details):
                context.setLayersToLoadOnCompletion(renamed)
        return _replace(results, mapping)

    def discard(self, err=None):
        """Delete every partial output of this run (after releasing the sinks the error still references)."""
        if err is not None and err.__traceback__ is not None:
            traceback.clear_frames(err.__traceback__)
        gc.collect()
        for tmp, _folder in self.pending:
            shutil.rmtree(tmp, ignore_errors=True)
        for path in self.created:
            for extra in ("", "-journal", "-wal", "-shm", ".aux.xml"):
                try:
                    os.remove(path + extra)
                except OSError:
                    pass
        for path in self.created_dirs:
            try:
                os.rmdir(path)  # only when empty
            except OSError:
                pass
        self.pending, self.created, self.created_dirs = [], [], []


def _repoint_layers(project, mapping):
    """Layers an algorithm added to the project from a temporary output (map sheets, atlas) read the final file."""
    from qgis.core import QgsDataProvider

    for layer in project.mapLayers().values():
        source = layer.source()
        moved = _replace(source, mapping)
        if moved != source:
            layer.setDataSource(moved, layer.name(), layer.providerType(), QgsDataProvider.ProviderOptions())


def _replace(value, mapping):
    """``value`` with every temporary folder path replaced by its destination folder (str, list, dict)."""
    if isinstance(value, str):
        for tmp, folder in mapping:
            value = value.replace(tmp, folder)
        return value
    if isinstance(value, dict):
        return {k: _replace(v, mapping) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return type(value)(_replace(v, mapping) for v in value)
    return value
