"""Errors the core raises for bad input; algorithms turn them into QgsProcessingException."""

from __future__ import annotations


class InputError(ValueError):
    """Bad input a planner can fix. The message says where (file, row, column, field) and what to do."""

    def __init__(
        self, message: str, *, row: int | None = None, column: str | int | None = None, source: str | None = None
    ) -> None:
        super().__init__(message)
        self.row = row
        self.column = column
        self.source = source

    #: set by core.aggregate when no indicator can be computed: indicator id -> the variables it lacks
    skipped: dict[str, list[str]]
