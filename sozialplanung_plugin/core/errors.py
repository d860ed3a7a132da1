"""Errors the core raises for bad input; algorithms turn them into QgsProcessingException."""


class InputError(ValueError):
    """Bad input a planner can fix. The message says where (file, row, column, field) and what to do."""

    def __init__(self, message, *, row=None, column=None, source=None):
        super().__init__(message)
        self.row = row
        self.column = column
        self.source = source
