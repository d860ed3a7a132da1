"""What the operation mixins of the store use of each other, for the type checker only.

``api.Store`` is assembled from ``StoreConnection`` and the mixins (catalogue, units, values, targets, carrying,
facilities); each mixin calls the query helpers of the connection and some operations of the other mixins. The
mixins cannot inherit from those classes (the order of ``Store``'s bases would no longer give a method order), so
they all inherit from ``StoreBase``, which declares what they share. At run time the class is empty; mypy checks
every declaration here against its implementation (an override with another signature is an error).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from contextlib import AbstractContextManager

    import pandas as pd

    from .common import Cursor
    from .dialects import PgDialect, SqliteDialect


class StoreBase:
    """The shared declarations of the store classes (nothing at run time)."""

    if TYPE_CHECKING:
        dialect: SqliteDialect | PgDialect
        srid: int

        # StoreConnection
        def transaction(self) -> AbstractContextManager[Cursor]: ...
        def _q(self, sql: Any, params: Iterable[Any] = (), cur: Cursor | None = None) -> Cursor: ...
        def _all(self, sql: Any, params: Iterable[Any] = (), cur: Cursor | None = None) -> list[Any]: ...

        # CatalogueMixin
        def catalogue(self) -> tuple[str, str, dict[str, object]] | None: ...
        def _check_catalogue(
            self, record: tuple[str, str, dict[str, object]] | None
        ) -> tuple[str, str, dict[str, object]]: ...
        @staticmethod
        def _catalogue_ids(definition: dict[str, Any]) -> tuple[dict[str, Any], set[str]]: ...

        # UnitsMixin
        def units(self, level: str, at: object = None, with_geometry: bool = True) -> pd.DataFrame: ...
        def assignment(
            self, level: str = "block", parent_level: str = "space", at: object = None
        ) -> dict[str, str]: ...
        def _fid_maps(self, level: str, dates: Iterable[str]) -> Any: ...

        # ValuesMixin
        def read_slice(
            self,
            level: str,
            ref_date: object,
            variables: Iterable[str] | None = None,
            *,
            geometry_at: object = None,
            provenance: bool = False,
        ) -> pd.DataFrame: ...
        def read_series(
            self,
            level: str,
            keys: Iterable[str] | None = None,
            variables: Iterable[str] | None = None,
            *,
            start: object = None,
            end: object = None,
            geometry_at: object = None,
            provenance: bool = False,
        ) -> pd.DataFrame: ...
        def dates(self, level: str | None = None, variables: Iterable[str] | None = None) -> list[str]: ...
        def _write(
            self,
            df: pd.DataFrame,
            *,
            level: str,
            record: tuple[str, str, dict[str, object]],
            source: str | None,
            source_sha256: str | None,
            operation: str,
            progress: Any,
            chunk_size: int,
        ) -> Any: ...
