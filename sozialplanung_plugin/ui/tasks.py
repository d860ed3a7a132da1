"""Running Processing algorithms from the docks in the background (QgsProcessingAlgRunnerTask).

The same algorithms as in the toolbox; progress shows in the QGIS task manager and the GUI never blocks.
"""

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)

_RUNNING = set()  # keep tasks, contexts and feedbacks alive until the task has finished


class AlgorithmRun:
    """One algorithm run as a task. on_done(ok, results, context, error_text) is called in the main thread."""

    def __init__(self, alg_id, params, on_done, description=None, project=None):
        registry = QgsApplication.processingRegistry()
        self.alg = registry.createAlgorithmById(alg_id)
        if self.alg is None:
            raise LookupError(alg_id)
        self.context = QgsProcessingContext()
        self.context.setProject(project or QgsProject.instance())
        self.feedback = QgsProcessingFeedback()
        self.on_done = on_done
        self.finished = False
        self.ok = None
        self.results = None
        self.task = QgsProcessingAlgRunnerTask(self.alg, params, self.context, self.feedback)
        if description:
            self.task.setDescription(description)
        self.task.executed.connect(self._executed)

    def start(self):
        _RUNNING.add(self)
        QgsApplication.taskManager().addTask(self.task)
        return self

    def cancel(self):
        if not self.finished:
            self.task.cancel()

    def _executed(self, ok, results):
        self.finished, self.ok, self.results = True, bool(ok), results
        error = "" if ok else (self.feedback.textLog() or "").strip().splitlines()[-1:] or [""]
        try:
            self.on_done(bool(ok), results or {}, self.context, error if isinstance(error, str) else error[0])
        finally:
            _RUNNING.discard(self)
