"""Checks of a GeoPackage file before SQLite opens it, so that a wrong or damaged file gets a message in words.

SQLite reports a renamed PNG as "file is not a database" and a file cut off while copying only when a query
reaches a missing page ("database disk image is malformed"), perhaps deep inside an import. The 100-byte
header says both up front: the magic text, the page size and the page count of the complete file.
"""

from __future__ import annotations

import os
import struct

from ..errors import InputError
from ..i18n import tr

_MAGIC = b"SQLite format 3\x00"


def not_a_database_message(path: str | os.PathLike[str]) -> str:
    return tr(
        "'{path}' is not a GeoPackage: the file is not a SQLite database (another kind of file named .gpkg, or "
        "damaged). Choose the store's file, or a new file name for a new store.",
        path=path,
    )


def read_only_message(path: str | os.PathLike[str], new: bool) -> str:
    if new:
        return tr(
            "The store '{path}' cannot be created: its folder is read-only. Choose a folder you may write to.",
            path=path,
        )
    return tr(
        "The store '{path}' cannot be written: the file or its folder is read-only (SQLite writes a journal file "
        "beside the store while it changes it). Nothing was written. Copy the store into a folder you may write "
        "to, or ask for write access; reading algorithms work on a read-only store.",
        path=path,
    )


def check_sqlite_file(path: str | os.PathLike[str], empty_ok: bool) -> None:
    """InputError unless `path` looks like a complete SQLite file (an empty file is fine for a new store)."""
    size = os.path.getsize(path)
    if size == 0:
        if empty_ok:
            return
        raise InputError(tr("The store file '{path}' is empty: it holds no store. Check the path.", path=path))
    with open(path, "rb") as fh:
        head = fh.read(100)
    if not head.startswith(_MAGIC[: len(head)]) or len(head) < len(_MAGIC):
        raise InputError(not_a_database_message(path))
    if len(head) < 100:
        raise InputError(_truncated(path, size, None))
    page_size = struct.unpack(">H", head[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, pages = struct.unpack(">II", head[24:32])
    valid_for = struct.unpack(">I", head[92:96])[0]
    if page_size < 512 or page_size & (page_size - 1):
        raise InputError(not_a_database_message(path))
    if valid_for == change_counter and pages and size < pages * page_size:
        raise InputError(_truncated(path, size, pages * page_size))
    if size % page_size:
        raise InputError(_truncated(path, size, None))


def _truncated(path, size, expected):
    if expected:
        return tr(
            "The store file '{path}' is incomplete: it holds {size:,} of {expected:,} bytes (cut off while copying or "
            "saving?). Nothing was changed. Restore it from a backup (storebackup writes one) or copy it again.",
            path=path,
            size=size,
            expected=expected,
        )
    return tr(
        "The store file '{path}' is incomplete: it holds {size:,} (cut off while copying or saving?). "
        "Nothing was changed. Restore it from a backup (storebackup writes one) or copy it again.",
        path=path,
        size=size,
    )
