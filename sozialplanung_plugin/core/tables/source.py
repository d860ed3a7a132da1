"""From a file to rows and columns: bytes -> text (encoding), separator, cells of CSV and XLSX files.

The reader looks at a table in two ways. The first lines (title, header) and the last ones (footnotes) are
split into rows in Python (Row: the 1-based line as a text editor shows it, and the cells). The body in between
- thousands of rows - is read column by column (Body): by pandas' C parser for CSV text, from the rows for XLSX.
Both give the same cells: the csv module's rules (quotes, line ends \\n, \\r\\n, \\r), blank cells as None.
"""

import csv
import difflib
import functools
import io
import itertools
import os
import re
from dataclasses import dataclass

from ..errors import InputError
from ..i18n import tr

_LINE_END = re.compile(r"\r\n|\r|\n")


@dataclass
class Row:
    """One record of a table as split in Python."""

    line: int  # 1-based line / row number as the user sees it (the first line of a record)
    cells: list  # str / int / float / None (blank)
    nfields: int  # number of fields in the file line (CSV) or cells (XLSX)


# ---------------------------------------------------------------------------------------------------------
# Bytes -> text
# ---------------------------------------------------------------------------------------------------------


def read_text(path, encoding, sep):
    """The decoded text of a CSV file, its encoding, its separator (detected when not given), notes on the
    decoding (lines read in another encoding than the rest) and the file's bytes as Encoded (None when the text
    was not decoded by one codec that pandas can be given the bytes of, see Encoded)."""
    name = os.path.basename(str(path))
    with open(path, "rb") as fh:
        data = fh.read()
    kind = not_a_table(data)
    if kind:
        raise InputError(
            tr(
                "{name}: this is not a text table but {kind}, although the name ends in '{ext}'. Choose the file "
                "with the statistics. Save it as CSV (semicolon) or XLSX if it holds a table.",
                name=name,
                kind=kind,
                ext=os.path.splitext(name)[1],
            ),
            source=name,
        )
    wide = encoding and encoding.lower().replace("_", "-").startswith(("utf-16", "utf16", "utf-32", "utf32"))
    if not encoding:
        wide = utf16_without_bom(data)
        if wide:
            encoding = wide
    if not wide and b"\x00" in data[:4096] and not (data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff")):
        raise InputError(
            tr("{name}: this is not a text table (binary content). Save it as CSV (semicolon) or XLSX.", name=name),
            source=name,
        )
    text, enc, notes = decode(data, encoding, name)
    if sep is None:
        sep = detect_sep(text)
    elif sep in ("\\t", "tab", "TAB"):
        sep = "\t"
    return text, enc, sep, notes, Encoded.of(data, enc)


class Encoded:
    """The bytes a text was decoded from, by one codec: UTF-8 (with or without BOM) or a codec of one byte per
    character (cp1252, latin-1).

    pandas' C parser reads UTF-8 bytes: the file's own bytes when they are UTF-8 or ASCII in a one-byte codec
    (the same bytes). Bytes of a one-byte codec that are not ASCII (umlauts in a label column) are read as UTF-8
    too, with encoding_errors='surrogateescape', and the text cells decoded again (see recode_texts): that saves
    encoding the body to UTF-8, which pandas would then decode."""

    def __init__(self, data, codec, skip):
        self.data, self.codec, self.skip = data, codec, skip

    @classmethod
    def of(cls, data, enc):
        """Encoded for the encoding decode() reported, or None."""
        if enc in ("utf-8", "utf-8-sig"):
            return cls(data, "utf-8", 3 if enc == "utf-8-sig" and data.startswith(b"\xef\xbb\xbf") else 0)
        if enc in ("cp1252", "latin-1"):
            return cls(data, enc, 0)
        return None

    def body(self, text, start, stop):
        """(bytes, codec) of text[start:stop] from the file: codec None when the bytes are UTF-8 (or ASCII), else
        the one-byte codec whose bytes pandas reads with surrogateescape (see recode_texts); (None, None) when the
        text must be encoded (pandas does not escape here, see _pandas_escapes)."""
        if self.codec == "utf-8":
            b0 = self.skip + len(text[:start].encode("utf-8"))
            b1 = len(self.data) - len(text[stop:].encode("utf-8"))
            return self.data[b0:b1], None
        raw = self.data[start:stop]  # one byte per character
        if raw.isascii():
            return raw, None
        return (raw, self.codec) if _pandas_escapes() else (None, None)


@functools.cache
def _pandas_escapes():
    """pandas' C parser decodes the text cells with encoding_errors='surrogateescape' (pandas 1.3 and later): a
    byte that is no UTF-8 becomes the lone surrogate U+DC80 + byte, from which recode_texts gets the byte back."""
    try:
        cols = _read_columns(
            b"K\xfcrten;\xc3\xbc;1\n",
            dict(encoding="utf-8", encoding_errors="surrogateescape", sep=";", header=None, dtype=object, engine="c"),
        )
        return [cols[j][0] for j in range(3)] == ["K\udcfcrten", "\u00fc", "1"]
    except Exception:  # noqa: BLE001 - an older pandas: the body is encoded to UTF-8 instead
        return False


def recode_texts(texts, codec):
    """Texts of cells pandas read from bytes of the one-byte codec as UTF-8 with surrogateescape (see Encoded),
    decoded from their bytes again: the same texts as the codec gives (each byte one character).

    Every text's bytes come back exactly (PEP 383: surrogateescape undoes itself, and a valid UTF-8 sequence
    encodes to its own bytes); all texts are joined with NUL (no cell holds one: a text with NUL is not read by
    pandas) and decoded at once. The list is returned as it is when every text is ASCII."""
    if codec is None or not texts:
        return texts
    joined = "\x00".join(texts)
    if joined.isascii():
        return texts
    if joined.count("\x00") != len(texts) - 1:  # pragma: no cover - the reader gives pandas no text with NUL
        return [t.encode("utf-8", "surrogateescape").decode(codec) for t in texts]
    data = joined.encode("utf-8", "surrogateescape")
    if len(texts) < 256:
        return data.decode(codec).split("\x00")
    # many texts (a key column): only those with a byte that is not ASCII made again, found on the bytes
    import numpy as np

    arr = np.frombuffer(data, dtype=np.uint8)
    which = np.unique(np.searchsorted(np.flatnonzero(arr == 0), np.flatnonzero(arr >= 128)))
    out = list(texts)
    for i in which.tolist():
        out[i] = texts[i].encode("utf-8", "surrogateescape").decode(codec)
    return out


#: how files that are not tables begin (their magic numbers), and what they are
_MAGIC = [
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (b"%PDF-", "a PDF document"),
    (b"II*\x00", "a TIFF image"),
    (b"MM\x00*", "a TIFF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office file (.xls or .doc: save it as .xlsx or CSV)"),
    (b"SQLite format 3\x00", "an SQLite database or GeoPackage"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
    (b"Rar!\x1a\x07", "a RAR archive"),
]


def not_a_table(data):
    """What a file is when its first bytes say it is no text (a PNG image, a PDF, ...), else '' (in the user's
    language)."""
    for magic, kind in _MAGIC:
        if data.startswith(magic):
            if magic.startswith(b"PK") and b"xl/workbook.xml" in data:
                return tr("an Excel workbook (rename it to .xlsx)")
            if magic.startswith(b"PK") and b"content.xml" in data and b"opendocument" in data:
                return tr("an OpenDocument file (save it as .xlsx or CSV)")
            return _kind_text(kind)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return tr("a WebP image")
    return ""


def _kind_text(kind):
    """The English kind of _MAGIC in the user's language."""
    texts = {
        "a PNG image": tr("a PNG image"),
        "a JPEG image": tr("a JPEG image"),
        "a GIF image": tr("a GIF image"),
        "a PDF document": tr("a PDF document"),
        "a TIFF image": tr("a TIFF image"),
        "a ZIP archive": tr("a ZIP archive"),
        "an old Office file (.xls or .doc: save it as .xlsx or CSV)": tr(
            "an old Office file (.xls or .doc: save it as .xlsx or CSV)"
        ),
        "an SQLite database or GeoPackage": tr("an SQLite database or GeoPackage"),
        "a gzip archive": tr("a gzip archive"),
        "a 7-Zip archive": tr("a 7-Zip archive"),
        "a RAR archive": tr("a RAR archive"),
    }
    return texts.get(kind, kind)


def utf16_without_bom(data):
    """'utf-16-le' / 'utf-16-be' for UTF-16 text without a byte order mark (every other byte 0), else None."""
    sample = data[:4096]
    sample = sample[: len(sample) // 2 * 2]
    if len(sample) < 4 or sample.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = sample[0::2], sample[1::2]
    for zeros, other, enc in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
        if zeros.count(0) >= 0.6 * len(zeros) and other.count(0) <= 0.02 * len(other):
            try:
                data.decode(enc)
            except UnicodeDecodeError:
                return None
            return enc
    return None


def decode(data, encoding, name):
    """(text, encoding, notes) of the bytes: the given encoding, or detected (BOM, UTF-8, cp1252).

    A file that is UTF-8 except for some lines (two exports pasted together) is read line by line: each line as
    UTF-8 when it is valid UTF-8, else as cp1252; the notes name those lines."""
    if encoding:
        try:
            return data.decode(encoding), encoding, []
        except (UnicodeDecodeError, LookupError) as exc:
            raise InputError(
                tr(
                    "{name}: cannot read the file with the encoding '{encoding}' ({error}). "
                    "Leave the encoding empty to detect it, or try cp1252 or utf-8.",
                    name=name,
                    encoding=encoding,
                    error=exc,
                ),
                source=name,
            ) from None
    if data.startswith(b"\xef\xbb\xbf"):
        try:
            return data[3:].decode("utf-8", errors="strict"), "utf-8-sig", []
        except UnicodeDecodeError:
            text, notes = _mixed(data[3:], name)
            return text, "utf-8-sig+cp1252", notes
    if data.startswith(b"\xff\xfe") or data.startswith(b"\xfe\xff"):
        return data.decode("utf-16"), "utf-16", []
    try:
        if len(data) > 1 << 16:  # the first 64 KB tell a file that is not UTF-8 without decoding all of it
            try:
                data[: 1 << 16].decode("utf-8")
            except UnicodeDecodeError as exc:
                if exc.start < (1 << 16) - 4:  # not a character cut at the end of the piece
                    raise
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # valid UTF-8 sequences besides bytes that are not: each multi-byte sequence is one character (looked for
    # only when a UTF-8 lead byte of German text or punctuation occurs at all: cp1252 files skip the decoding)
    if any(b in data for b in (b"\xc3", b"\xc2", b"\xe2")) and len(
        data.decode("utf-8", errors="surrogateescape")
    ) < len(data):
        text, notes = _mixed(data, name)
        return text, "utf-8+cp1252", notes
    if not _has_c1_bytes(data):
        return data.decode("latin-1"), "cp1252", []  # no byte where cp1252 and latin-1 differ: the same text
    try:
        return data.decode("cp1252"), "cp1252", []
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1", []


def _has_c1_bytes(data):
    """A byte 0x80-0x9f (where cp1252 has other characters than latin-1) in data."""
    import numpy as np

    if data.isascii():
        return False
    arr = np.frombuffer(data, dtype=np.int8)
    step = 1 << 18  # in pieces that stay in the cache, up to the first such byte
    return any(np.count_nonzero(arr[a : a + step] < -96) for a in range(0, len(arr), step))  # 0x80-0x9f: -128..-97


def _mixed(data, name):
    """Text of bytes that are UTF-8 in some lines and cp1252 in others, decided line by line."""
    parts, odd = [], []
    for i, line in enumerate(data.splitlines(keepends=True), start=1):
        try:
            parts.append(line.decode("utf-8"))
        except UnicodeDecodeError:
            try:
                parts.append(line.decode("cp1252"))
            except UnicodeDecodeError:
                parts.append(line.decode("latin-1"))
            odd.append(i)
    shown = ", ".join(map(str, odd[:8])) + (" ..." if len(odd) > 8 else "")
    note = tr(
        "{name}: the file is UTF-8, but {n} line(s) are not ({lines}): read as cp1252 (Windows). Check "
        "their umlauts, and save the file in one encoding (UTF-8).",
        name=name,
        n=len(odd),
        lines=shown,
    )
    return "".join(parts), [note]


def detect_sep(text):
    """';', tab or ',': the one giving the most lines of equal width (ties prefer ';')."""
    lines = _first_lines(text, 200)
    best, best_score = ";", -1
    joined = "\n".join(lines)
    quoted = '"' in joined
    for cand in (";", "\t", ","):
        if cand not in joined:
            continue  # every line one field: no score
        if quoted:
            counts = [len(r) for r in csv.reader(lines, delimiter=cand)]
        else:  # the csv module's count without quotes
            counts = [ln.count(cand) + 1 for ln in lines]
        counts = [c for c in counts if c > 1]
        if not counts:
            continue
        mode = max(set(counts), key=counts.count)
        score = counts.count(mode) * (1 if mode > 1 else 0)
        if score > best_score:
            best, best_score = cand, score
    return best


def _first_lines(text, n):
    """[ln for ln in text.splitlines() if ln.strip()][:n], without splitting a long text to its end."""
    size = 1 << 16
    while size < len(text):
        lines = text[:size].splitlines()[:-1]  # the last line of the piece may be cut: dropped
        lines = [ln for ln in lines if ln.strip()]
        if len(lines) >= n:
            return lines[:n]
        size *= 4
    return [ln for ln in text.splitlines() if ln.strip()][:n]


# ---------------------------------------------------------------------------------------------------------
# CSV text -> rows (Python)
# ---------------------------------------------------------------------------------------------------------


def needs_csv_module(text, sep):
    """Quotes (and NUL bytes, separators of more than one character) need the csv module's rules."""
    return '"' in text or "\x00" in text or len(sep) != 1


def text_rows(text, sep, name, limit=None, csv_module=None, _prefix=False):
    """The rows of a CSV text (csv module rules; errors with the line number); the first `limit` records only
    when given. Returns (rows, complete): complete is True when the rows reach the end of the text.
    csv_module: needs_csv_module(text, sep) when the caller knows it."""
    if csv_module is None:
        csv_module = needs_csv_module(text, sep)
    stop = len(text)
    if limit is not None:
        # the first lines only (a record may span lines: twice as many, and all when they do not suffice)
        for k, m in enumerate(_LINE_END.finditer(text), start=1):
            if k == (2 * limit if csv_module else limit):
                stop = m.end()
                break
    if not csv_module:
        rows = _split_plain(text[:stop], sep)
        if rows is not None:
            return rows, stop == len(text)
    elif stop < len(text) and not _prefix:
        rows, complete = text_rows(text[:stop], sep, name, limit, True, _prefix=True)
        if len(rows) >= limit and not complete:
            return rows, False
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    complete = True
    while True:
        if limit is not None and len(rows) >= limit:
            complete = next(reader, None) is None
            break
        start = reader.line_num + 1
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(
                tr(
                    '{name}, line {line}: the line cannot be split into cells ({error}). Check for an unclosed quote (").',
                    name=name,
                    line=start,
                    error=exc,
                ),
                row=start,
                source=name,
            ) from None
        cells = [c if c and not c.isspace() else None for c in rec]
        rows.append(Row(start, cells, len(rec)))
    if _prefix:
        return rows, complete  # a piece of the text: its last record may go on
    if complete and rows and reader.line_num - rows[-1].line >= 2 and any(c and "\n" in c for c in rows[-1].cells):
        raise InputError(
            tr(
                '{name}, line {line}: a quote (") opened in this line is never closed, so the '
                "rest of the file was read as one cell. Remove the stray quote or close it.",
                name=name,
                line=rows[-1].line,
            ),
            row=rows[-1].line,
            source=name,
        )
    return rows, complete


def _split_plain(text, sep):
    """Rows of a CSV text without quotes, split with str.split: the same rows as csv.reader, ~10x faster.

    None when a line is too long for the csv module (which then gives its message).
    """
    # io.StringIO(newline="") splits at \r\n, \r and \n only (not at the other str.splitlines breaks)
    lines = _LINE_END.split(text)
    if lines and lines[-1] == "":
        lines.pop()
    if lines and max(map(len, lines)) >= csv.field_size_limit():
        return None
    # a line that may hold an empty or blank field is cleaned cell by cell (a false alarm costs only time)
    space = re.compile(r"\s").search
    double = sep + sep
    rows = []
    append = rows.append
    for i, ln in enumerate(lines, start=1):
        if not ln:
            append(Row(i, [], 0))
            continue
        rec = ln.split(sep)
        if double in ln or ln[0] == sep or ln[-1] == sep or space(ln):
            append(Row(i, [c if c and not c.isspace() else None for c in rec], len(rec)))
        else:
            append(Row(i, rec, len(rec)))
    return rows


def line_starts(text, n):
    """Offsets of the first n line starts (line 1 at offset 0)."""
    out = [0]
    for m in _LINE_END.finditer(text):
        if len(out) >= n:
            break
        out.append(m.end())
    return out


def previous_line(text, stop, lo):
    """(begin, end) of the line that ends just before offset stop (its terminator excluded); lo = lowest begin."""
    if text.startswith("\r\n", stop - 2) and stop - 2 >= lo:
        end = stop - 2
    elif stop - 1 >= lo and text[stop - 1] in "\r\n":
        end = stop - 1
    else:
        end = stop
    begin = max(text.rfind("\n", lo, end), text.rfind("\r", lo, end)) + 1
    return max(begin, lo), end


def line_row(line, sep):
    """The cells of one line (no line break inside), as text_rows() splits them; None when a quote in the line
    is not closed in it (the record then goes on in the next line)."""
    if '"' not in line:
        rec = line.split(sep) if line else []
    else:
        if line.count('"') % 2:
            return None
        rec = next(csv.reader([line], delimiter=sep), [])
    return Row(0, [c if c and not c.isspace() else None for c in rec], len(rec))


# ---------------------------------------------------------------------------------------------------------
# The body, column by column
# ---------------------------------------------------------------------------------------------------------


class Column:
    """The cells of one body column: integers (pandas read every cell as one), plain German numbers (floats, see
    body_of_text) or codes into distinct cells.

    ints: int64 array, or None; floats: float64 array, or None (the cells' texts kept as byte spans, made into
    codes and distinct texts only when asked for, see FloatCells); codes: int array (-1 = blank cell), uniques:
    the distinct cells (str, or XLSX values; with per_cell the cells themselves, not deduplicated: equal XLSX
    numbers of different meaning).
    """

    __slots__ = ("ints", "floats", "texts", "_codes", "_uniques", "per_cell", "joined")

    def __init__(self, ints=None, codes=None, uniques=None, per_cell=False, floats=None, texts=None, joined=None):
        self.ints, self._codes, self._uniques, self.per_cell = ints, codes, uniques, per_cell
        self.floats, self.texts = floats, texts
        self.joined = joined  # "".join(uniques) when the body reader made it already (else None)

    @property
    def codes(self):
        if self._codes is None and self.texts is not None:
            self._codes, self._uniques = self.texts.codes(self.floats)
        return self._codes

    @property
    def uniques(self):
        if self._uniques is None and self.texts is not None:
            self._codes, self._uniques = self.texts.codes(self.floats)
        return self._uniques

    def nonblank(self):
        """Boolean array: the cell is not blank."""
        import numpy as np

        if self.ints is not None:
            return np.ones(len(self.ints), dtype=bool)
        if self.floats is not None:
            return np.ones(len(self.floats), dtype=bool)
        return self.codes >= 0

    def cells(self):
        """The cells as a list (None where blank), as the Python rows hold them."""
        import numpy as np

        if self.ints is not None:
            return self.ints.tolist()
        look = np.empty(len(self.uniques) + 1, dtype=object)
        look[: len(self.uniques)] = self.uniques
        look[-1] = None
        return look[self.codes].tolist()

    def as_codes(self):
        """The same cells as codes into distinct texts (integers as their text)."""
        import pandas as pd

        if self.ints is None:
            return self
        codes, uniques = pd.factorize(self.ints)
        return Column(codes=codes.astype("int64"), uniques=[str(u) for u in uniques.tolist()])

    def cell(self, i):
        if self.ints is not None:
            return int(self.ints[i])
        c = self.codes[i]
        return None if c < 0 else self.uniques[c]


class FloatCells:
    """Where the texts of a column of plain German numbers are: the body's bytes and each cell's span in them.

    The reader needs the texts only for the raw column of StatTable.long (or a column used otherwise than for
    values): codes() makes them, each distinct text once. The spans come from the grid of the body's
    separators (grid[i, j]: the byte after cell j of line i; crlf: the lines ending in '\r\n'), made when
    first needed. de: per cell, whether _detect_decimal would call its text German ('12,3', '1.234,56',
    '1.234.567'; '1.234' and '12,345' tell nothing)."""

    __slots__ = ("raw", "de", "_spans", "_grid", "_j", "_crlf")

    def __init__(self, raw, de, spans=None, grid=None, j=None, crlf=None):
        self.raw, self.de, self._spans, self._grid, self._j, self._crlf = raw, de, spans, grid, j, crlf

    def spans(self):
        """(starts, ends): the byte span of every cell."""
        import numpy as np

        if self._spans is None:
            grid, j = self._grid, self._j
            ends = grid[:, j].copy()
            if j == grid.shape[1] - 1 and self._crlf is not None:
                ends -= self._crlf
            starts = grid[:, j - 1] + 1 if j else np.concatenate(([0], grid[:-1, -1] + 1))
            self._spans = starts, ends
        return self._spans

    def starts_at(self, rows):
        """The first byte of the cells in the lines rows (an index array)."""
        if self._spans is not None:
            return self._spans[0][rows]
        import numpy as np

        grid, j = self._grid, self._j
        if j:
            return grid[rows, j - 1] + 1
        return np.where(rows > 0, grid[rows - 1, -1] + 1, 0)  # the first cell of a line: after the line before

    def take(self, keep):
        starts, ends = self.spans()
        return FloatCells(self.raw, self.de[keep], spans=(starts[keep], ends[keep]))

    def codes(self, values):
        """(codes, distinct texts): a text is told by its value (with the sign of a zero) and its length."""
        import numpy as np
        import pandas as pd

        if not len(values):
            return np.empty(0, dtype=np.int64), []
        starts, ends = self.spans()
        by_value = pd.factorize(np.ascontiguousarray(values).view(np.int64))[0].astype(np.int64)
        codes = pd.factorize(by_value * 64 + (ends - starts))[0].astype(np.int64)
        first = _first_of_codes(codes)
        raw = self.raw
        return codes, [raw[a:b].decode("ascii") for a, b in zip(starts[first].tolist(), ends[first].tolist())]


class Body:
    """The body rows of a table as columns: lines (1-based line / row of each record) and one Column each."""

    def __init__(self, lines, columns):
        self.lines = lines
        self.columns = columns
        self.n = len(lines)

    @property
    def width(self):
        return len(self.columns)

    def column(self, j):
        """Column j (an all-blank column beyond the widest row)."""
        import numpy as np

        if j < len(self.columns):
            return self.columns[j]
        return Column(codes=np.full(self.n, -1, dtype=np.int64), uniques=[])

    def take(self, keep):
        """The body restricted to the records where keep (a boolean array) is True."""
        import numpy as np

        cols = []
        for c in self.columns:
            if c.ints is not None:
                cols.append(Column(ints=c.ints[keep]))
            elif c.floats is not None:
                cols.append(Column(floats=c.floats[keep], texts=c.texts.take(keep)))
            elif not c.per_cell and _one_row_each(c):
                # every cell in a row of its own (a key column read as text): it stays so, only the rows kept
                sub = c.codes[keep]
                present = sub >= 0
                codes = np.full(len(sub), -1, dtype=np.int64)
                codes[present] = np.arange(int(present.sum()))
                kept = keep[c.codes >= 0]  # of the cells (one per row, in row order) those in rows kept
                cols.append(Column(codes=codes, uniques=list(itertools.compress(c.uniques, kept.tolist()))))
            else:
                cols.append(Column(codes=c.codes[keep], uniques=c.uniques, per_cell=c.per_cell))
        return Body(self.lines[keep], cols)


def _one_row_each(col):
    """Each distinct cell of a text Column in one row, in row order (codes 0, 1, 2, ... apart from blanks)."""
    import numpy as np

    used = col.codes[col.codes >= 0]
    return len(used) == len(col.uniques) and np.array_equal(used, np.arange(len(used)))


def body_of_rows(rows, width):
    """Body of Python rows (XLSX, small or unusual CSV text)."""
    import numpy as np
    import pandas as pd

    n = len(rows)
    lines = np.array([r.line for r in rows], dtype=np.int64)
    matrix = np.empty((n, width), dtype=object)
    if n and width:
        matrix[:] = [r.cells if len(r.cells) == width else r.cells + [None] * (width - len(r.cells)) for r in rows]
    cols = []
    for j in range(width):
        cells = matrix[:, j]
        if all(v is None or v.__class__ is str for v in cells):
            codes, uniques = pd.factorize(np.ascontiguousarray(cells)) if n else (np.empty(0, np.int64), [])
            cols.append(Column(codes=np.asarray(codes, dtype=np.int64), uniques=list(uniques)))
        else:
            # XLSX numbers and dates: cell by cell (1, 1.0 and a percent 1.0 must stay apart)
            codes = np.arange(n, dtype=np.int64)
            codes[[v is None for v in cells]] = -1
            cols.append(Column(codes=codes, uniques=cells.tolist(), per_cell=True))
    return Body(lines, cols)


#: a body cell pandas may read as an integer: the shortest form (checked after reading, see _digits_add_up)
_INT_CELL = r"(?:-?[1-9]\d{0,14}|0)"
#: the cells of one column of the sample joined by line breaks, every one such an integer
_INT_CELLS = re.compile(f"{_INT_CELL}(?:\n{_INT_CELL})*")


def int_candidates(rows, width):
    """Columns whose cells in the sample rows are all plain integers: pandas reads these as int64 (a hint only:
    a column pandas then reads otherwise is read as text again, see body_of_text)."""
    if not rows:
        return set()
    columns = list(itertools.zip_longest(*[r.cells for r in rows], fillvalue=None))
    return {
        j for j, cells in enumerate(columns[:width]) if None not in cells and _INT_CELLS.fullmatch("\n".join(cells))
    }


#: columns of plain German numbers read by pandas as numbers (False: as text, parsed by the reader; the tests
#: compare both)
FLOAT_COLUMNS = True
#: a plain German number as parse_cell reads it in bulk (cells._PLAIN[',']); the sample's cells joined by line breaks
_DE_CELL = r"-?(?:\d{1,3}(?:\.\d{3})+|\d+)(?:,\d+)?"
_DE_CELLS = re.compile(f"{_DE_CELL}(?:\n{_DE_CELL})*")
_DECIMALS = re.compile(r",(\d+)")
_UNGROUPED = re.compile(r"^-?\d{4}", re.MULTILINE)


def float_candidates(rows, width, skip=()):
    """Columns whose cells in the sample rows are all plain German numbers of one form, with a decimal comma or
    thousands dots: {column: (decimals, grouped)}, decimals the digits after the comma (0: none), grouped
    whether the integer part has thousands dots. pandas reads these as numbers (decimal=',', thousands='.'),
    body_of_text checks every cell's form on the bytes (a hint only, as int_candidates)."""
    if not rows:
        return {}
    columns = list(itertools.zip_longest(*[r.cells for r in rows], fillvalue=None))
    out = {}
    for j, cells in enumerate(columns[:width]):
        if j in skip or None in cells:
            continue
        joined = "\n".join(cells)
        if ("," not in joined and "." not in joined) or not _DE_CELLS.fullmatch(joined):
            continue
        decimals = set(map(len, _DECIMALS.findall(joined)))
        if len(decimals) > 1 or (decimals and joined.count(",") != len(cells)):
            continue  # decimals of more than one length, or cells without any
        grouped = "." in joined
        if grouped and _UNGROUPED.search(joined):
            continue  # thousands dots in some cells, not in others
        out[j] = (decimals.pop() if decimals else 0, grouped)
    return out


def body_of_text(
    text, start, stop, first_line, sep, *, width, text_cols, int_cols, quoted, encoded=None, float_forms=None
):
    """Body of the CSV text[start:stop] (whole lines, line first_line first) read by pandas' C parser.

    Of the first `width` columns, text_cols are read as text (keys, labels), int_cols left to pandas (int64 when
    every cell is an integer), float_forms ({column: (decimals, grouped)}, see float_candidates) read as numbers
    with decimal=',' and thousands='.', the others as text made into codes of distinct cells (see
    _object_codes). Returns None when pandas cannot give exactly the csv module's cells (a quote not closed, a
    record over several lines, ...): the caller then splits the rows in Python. Integer cells not in their
    shortest form ('+12', '012', ' 12') are found by counting characters and read as text; a column read as
    numbers whose cells are not all plain German numbers of its form (see _float_cells) is read as text too.
    encoded: the file's bytes (Encoded), handed to pandas instead of the text encoded again.
    """
    import numpy as np
    import pandas as pd

    if stop <= start:
        return Body(np.empty(0, dtype=np.int64), [])
    raw, recode = encoded.body(text, start, stop) if encoded is not None else (None, None)
    if raw is None:
        try:
            # bytes: pandas' C parser reads UTF-8 directly (a str would be copied twice)
            raw = text[start:stop].encode("utf-8")
        except UnicodeEncodeError:  # pragma: no cover - decoded text holds no lone surrogates
            return None
    n_chars = stop - start
    float_forms = {j: f for j, f in (float_forms or {}).items() if j < width} if not quoted else {}
    numbers = dict(decimal=",", thousands=".") if float_forms else {}
    escapes = dict(encoding_errors="surrogateescape") if recode else {}

    def read(names, dtype, usecols=None):
        return _read_columns(
            raw,
            dict(
                encoding="utf-8",
                sep=sep,
                header=None,
                names=names,
                usecols=usecols,
                dtype=dtype,
                na_filter=False,
                skip_blank_lines=False,
                quoting=csv.QUOTE_MINIMAL if quoted else csv.QUOTE_NONE,
                engine="c",
                low_memory=False,
                **numbers,
                **escapes,
            ),
        )

    dtype = {j: object for j in range(width) if j not in int_cols and j not in float_forms}
    try:
        try:
            frame = read(None, dtype)
        except pd.errors.ParserError as exc:
            if "Expected" not in str(exc) or quoted:
                return None
            # a row wider than the first one: all columns named
            wide = max(ln.count(sep) for ln in _LINE_END.split(text[start:stop])) + 1
            frame = read(list(range(wide)), dtype)
    except Exception:  # noqa: BLE001 - any parser trouble: the rows are split in Python, with their messages
        return None
    n_cols = len(frame)
    n_lines = len(frame[0]) if n_cols else 0
    numeric = (np.dtype(np.int64), np.dtype(np.float64))
    floats = {j: f for j, f in float_forms.items() if frame[j].dtype in numeric}
    arr = spans = n_special = body_digits = None
    if floats:
        arr = np.frombuffer(raw, dtype=np.uint8)
        # the columns where a cell may begin with '-': a negative number or -0.0, or (read as integers) a 0
        signed = {
            j
            for j in floats
            if bool(np.signbit(frame[j]).any() if frame[j].dtype.kind == "f" else (frame[j] <= 0).any())
        }
        found = _float_cells(arr, raw, sep, n_lines, n_cols, floats, signed)
        spans, n_special, body_digits = found or ({}, None, None)
    cats = [
        j
        for j in range(n_cols)
        if j not in dtype and frame[j].dtype != np.int64 and frame[j].dtype != object and j not in floats
    ]
    cats += [j for j in floats if j not in spans]  # read as numbers, but not all plain German numbers
    if cats:
        # pandas read floats or yes/no ('1.234', '1.5', 'True'): those columns as text
        again = _read_again(read, n_cols, cats)
        if again is None:
            return None
        for j in cats:
            frame[j] = again[j]
    specials = (sep, '"', "\r", "\n") if quoted else (sep, "\r", "\n")
    has_ints = any(frame[j].dtype == np.int64 and not (spans and j in spans) for j in range(n_cols))
    cols, chars, digits, float_digits = [], 0, 0, 0
    for j in range(n_cols):
        s = frame[j]
        if spans and j in spans:
            cells, n_digits, n_chars_j = spans[j]
            values = np.asarray(s, dtype=np.float64)
            zero = np.flatnonzero(values == 0) if s.dtype.kind == "i" else ()
            if len(zero):  # '-0' read as the integer 0: float('-0') is -0.0 (pandas' floats keep the sign)
                values[zero[arr[cells.starts_at(zero)] == 45]] = -0.0
            cols.append(Column(floats=values, texts=cells))
            chars += n_chars_j
            float_digits += n_digits
            continue
        if s.dtype == np.int64:
            cols.append(Column(ints=s))
            continue
        if j in text_cols:
            # keys: mostly distinct, taken as they are (not deduplicated)
            uniques = recode_texts(np.asarray(s, dtype=object).tolist(), recode)
            codes = np.arange(len(uniques), dtype=np.int64)
        else:
            codes, uniques = _codes(s, recode)
        # the distinct texts joined once for the checks below (and a key column's later ones)
        joined = "".join(uniques) if quoted or j in text_cols or has_ints or spans else None
        if quoted and uniques and ("\n" in joined or "\r" in joined):
            return None  # a record over several lines (a quoted line break): line numbers need the rows
        if has_ints:  # the characters of the text cells, for the check of the integer cells below
            chars += _text_chars(codes, uniques, specials, joined)
        if spans:  # the digits of the text cells, for the check of the number cells below
            digits += _text_digits(codes, uniques, joined)
        cols.append(_column_of_codes(codes, uniques, joined))
    ints = [j for j, c in enumerate(cols) if c.ints is not None]
    if ints:
        # the characters of the text apart from separators, quotes and line breaks
        specials_n = n_special if n_special is not None else _count_chars(raw, text, start, stop, specials)
        total = n_chars - specials_n
        int_chars = _int_chars(cols[j].ints for j in ints)
        if int_chars + chars != total:
            # an integer cell with a '+', a leading zero or a blank: these columns as text after all
            again = _read_again(read, n_cols, ints)
            if again is None:
                return None
            for j in ints:
                codes, uniques = _codes(again[j], recode)
                if spans:
                    digits += _text_digits(codes, uniques)
                cols[j] = _column_of_codes(codes, uniques)
            ints = []
    if spans:
        # every digit of the body where it belongs: the cells read as numbers hold digits wherever their form
        # has no '-', ',' or '.' (checked there), so they have at most the digits their form says
        want = digits + float_digits
        if ints:
            want += int_chars - sum(int(np.count_nonzero(cols[j].ints < 0)) for j in ints)
        if want != body_digits:
            fl = [j for j, c in enumerate(cols) if c.floats is not None]
            again = _read_again(read, n_cols, fl)
            if again is None:
                return None
            for j in fl:
                cols[j] = _column_of_codes(*_codes(again[j], recode))
    lines = np.arange(first_line, first_line + n_lines, dtype=np.int64)
    return Body(lines, cols)


def _float_cells(arr, raw, sep, n_lines, n_cols, forms, signed=None):
    """({column: (FloatCells, digits, characters)}, separators and line ends, digits of the body), or None.

    The columns in forms whose every cell is a plain German number of the column's form (decimals, grouped),
    see float_candidates: where their texts are, and how many digits and characters their cells have by the
    form (the totals of a block of columns with its first column, 0 with the others). The cells' other bytes
    must be digits: the caller checks that by comparing all digits of the body (arr, the bytes raw) with the
    digits every column should have. None when the lines do not all hold n_cols cells by the separators.

    With n_cols cells on every line, pandas split the lines as the bytes say (no quotes; a '\r' is only the
    end of a '\r\n'). pandas' number (precise_xstrtod: the digits as an integer, divided once by a power of
    ten) is float() of the text when the digits are at most 15. The columns of one form are checked
    together."""
    import numpy as np

    ends_nl = raw.endswith(b"\n")
    want = n_lines * n_cols - (not ends_nl)  # the separators and '\n' that n_lines lines of n_cols cells have
    if not n_lines:
        return None
    # the separators, the '\n' and the digits of the body, piece by piece (small arrays that stay in the cache)
    pos = np.empty(want + (not ends_nl), dtype=np.int64)
    step = 1 << 17
    delim, other = np.empty(step, dtype=bool), np.empty(step, dtype=bool)
    scratch = np.empty(step, dtype=np.uint8)
    n_delims = n_digits = 0
    for a in range(0, len(arr), step):
        piece = arr[a : a + step]
        m = len(piece)
        d, o, t = delim[:m], other[:m], scratch[:m]
        np.equal(piece, ord(sep), out=d)
        np.equal(piece, 10, out=o)
        d |= o
        found = np.flatnonzero(d)
        if n_delims + len(found) > want:
            return None  # (with n_cols cells on every line by these separators, pandas made no line at a lone '\r')
        np.add(found, a, out=pos[n_delims : n_delims + len(found)])
        n_delims += len(found)
        np.subtract(piece, 48, out=t)
        np.less(t, 10, out=d)
        n_digits += int(np.count_nonzero(d))
    if n_delims != want:
        return None
    if not ends_nl:
        pos[-1] = len(arr)
    # pandas gives no line more cells than n_cols (it refuses such a line, or n_cols is the widest line's), and a
    # '\r' alone ends a line for it: with as many separators and '\n' as n_lines lines of n_cols cells need,
    # every '\n'-line holds n_cols cells and pandas' lines are these lines (no '\r' alone)
    grid = pos.reshape(n_lines, n_cols)  # grid[i, j]: the byte after cell j of line i; grid[i, -1] a '\n'
    line_ends = grid[:, -1] if ends_nl else grid[:-1, -1]
    crlf = arr[line_ends - 1] == 13  # '\r\n': the '\r' is not in the last cell
    n_cr = int(np.count_nonzero(crlf))
    if n_cr:
        crlf = crlf.astype(np.int64) if ends_nl else np.append(crlf, False).astype(np.int64)
    else:
        crlf = None
    by_form = {}
    for j, form in forms.items():
        by_form.setdefault(form, []).append(j)
    out = {}
    for (d, grouped), js in by_form.items():
        js = sorted(js)
        neg = signed is None or any(j in signed for j in js)
        found = _form_block(arr, grid, js, d, grouped, crlf, neg)
        if found is None and len(js) > 1:  # one column (or more) out of its form: the columns one by one
            parts = [([j], _form_block(arr, grid, [j], d, grouped, crlf, signed is None or j in signed)) for j in js]
        else:
            parts = [(js, found)]
        for jj, one in parts:
            if one is None:
                continue
            digits, chars, de = one
            for r, j in enumerate(jj):
                cells = FloatCells(raw, de[r] if de is not None else _all_true(n_lines), grid=grid, j=j, crlf=crlf)
                # the block's digits and characters go with its first column (the caller adds them up)
                out[j] = (cells, digits if r == 0 else 0, chars if r == 0 else 0)
    return out, n_delims + n_cr, n_digits


def _all_true(n):
    import numpy as np

    return np.ones(n, dtype=bool)


def _form_block(arr, grid, js, d, grouped, crlf, signed=True):
    """(digits, characters, de) of the columns js (sorted) of one form when every cell is of the form (see
    _float_cells), else None: the digits of all their cells by the form, the characters of all their cells, and
    per column and line whether _detect_decimal would call the cell German (None: every cell). Worked through in
    blocks of lines, so that the arrays stay small. signed: a cell may begin with '-' (else not looked for)."""
    import numpy as np

    n_lines, n_cols = grid.shape
    k = len(js)
    cols = np.array(js)
    run = js[-1] - js[0] + 1 == k and js[0] > 0  # neighbouring columns: slices, not copies
    last = js[-1] == n_cols - 1 and crlf is not None
    de = np.zeros((k, n_lines), dtype=bool) if d in (0, 3) else None
    digits = chars = 0
    step = max(256, 16384 // k)
    for a in range(0, n_lines, step):
        b = min(a + step, n_lines)
        if run:
            ends = grid[a:b, js[0] : js[-1] + 1]
            prev = grid[a:b, js[0] - 1 : js[-1]]
        else:
            ends = grid[a:b, cols]
            if js[0]:
                prev = grid[a:b, cols - 1]
            else:
                prev = np.empty_like(ends)
                prev[:, 1:] = grid[a:b, cols[1:] - 1]
                prev[:, 0] = grid[a - 1 : b - 1, -1] if a else np.concatenate(([-1], grid[: b - 1, -1]))
        n_int = ends - prev  # the length of each cell + 1
        if last:  # the '\r' of a '\r\n' is not in the last cell
            n_int[:, -1] -= crlf[a:b]
        chars += int(n_int.sum()) - n_int.size
        n_int -= (d + 2) if d else 1  # the integer part's length (with a '-')
        if signed:
            neg = arr[prev + 1] == 45  # '-'
            if neg.any():
                n_int = n_int - neg
        if int(n_int.min()) < 1:
            return None
        end = None  # the byte after the integer part
        if d:
            end = ends - (d + 1)
            if last:
                end[:, -1] -= crlf[a:b]
            if np.count_nonzero(arr[end] == 44) != end.size:  # ','
                return None
        if grouped:
            if not (n_int & 3).all():  # 1-3 digits, then groups of a dot and 3 digits
                return None
            dots = n_int >> 2
            if end is None:
                end = ends
                if last:
                    end = ends.copy()
                    end[:, -1] -= crlf[a:b]
            for q in range(1, int(dots.max()) + 1):
                if not ((arr[end - 4 * q] == 46) >= (dots >= q)).all():  # a '.' where the form has one
                    return None
            n_int -= dots
            if de is not None:
                de[:, a:b] = (dots > 0 if d else dots >= 2).T
        if int(n_int.max()) + d > 15:
            return None
        digits += int(n_int.sum()) + d * n_int.size
    return digits, chars, de


def _cell_lengths(codes, uniques, joined):
    """Characters of all cells of a text column coded as ``codes`` into ``uniques`` (``joined``: them joined)."""
    import numpy as np

    if len(codes) == len(uniques):  # every distinct cell once (a key column)
        return len(joined)
    lens = np.fromiter(map(len, uniques), dtype=np.int64, count=len(uniques))
    return int(np.dot(np.bincount(codes[codes >= 0], minlength=len(uniques)), lens))


def _text_digits(codes, uniques, joined=None):
    """ASCII digits in the cells of a text column (its bytes in UTF-8 or a one-byte codec); joined: the distinct
    texts joined, when at hand."""
    import numpy as np

    if not uniques:
        return 0
    if joined is None:
        joined = "".join(uniques)
    if joined.isascii() and joined.isdigit():  # digits only (keys): every character
        return _cell_lengths(codes, uniques, joined)
    if len(codes) == len(uniques):  # every distinct cell once (a key column)
        b = joined.encode("utf-8", "surrogatepass")
        return len(b) - len(b.translate(None, b"0123456789"))
    b = joined.encode("utf-8", "surrogatepass")
    if len(b.translate(None, b"0123456789")) == len(b):
        return 0
    per = np.array(
        [len(u) - len(u.translate(_NO_DIGITS)) for u in uniques],
        dtype=np.int64,
    )
    return int(np.dot(np.bincount(codes[codes >= 0], minlength=len(uniques)), per))


_NO_DIGITS = {c: None for c in range(48, 58)}


def _count_chars(raw, text, start, stop, chars):
    """How often the characters `chars` occur in text[start:stop], whose bytes are raw (ASCII characters are
    the same bytes in UTF-8 and in one-byte codecs)."""
    import numpy as np

    if all(c.isascii() for c in chars):
        arr = np.frombuffer(raw, dtype=np.uint8)
        return sum(int(np.count_nonzero(arr == ord(c))) for c in chars)
    body = text[start:stop]
    return sum(body.count(c) for c in chars)


def _read_again(read, n_cols, which):
    """The columns `which` read again as text, or None."""
    try:
        return read(list(range(n_cols)), {j: object for j in which}, usecols=which)
    except Exception:  # noqa: BLE001
        return None


def _codes(s, recode=None):
    """(codes, distinct texts) of a column pandas read as text (recode: the one-byte codec of bytes pandas read
    with surrogateescape, see Encoded)."""
    import numpy as np

    codes, uniques = _object_codes(np.asarray(s, dtype=object))
    return codes, recode_texts(uniques, recode)


def _read_columns(raw, kwargs):
    """{column: array} of the CSV bytes raw read by pandas' C parser (read_csv's arguments kwargs).

    The columns as the parser's engine gives them, without the DataFrame read_csv makes of them (which copies
    columns of one type into one block: a fifth of the time for 20 columns of text). Where the engine does not
    give them so (another pandas), the columns of read_csv's DataFrame."""
    import numpy as np
    import pandas as pd

    reader = pd.read_csv(io.BytesIO(raw), iterator=True, **kwargs)
    try:
        out = reader._engine.read(None)
    except AttributeError:
        out = None
    finally:
        reader.close()
    if isinstance(out, tuple) and len(out) == 3 and isinstance(out[2], dict):
        names, data = list(out[1]), out[2]
        if all(isinstance(data.get(n), np.ndarray) for n in names) and len({len(data[n]) for n in names}) <= 1:
            return {n: data[n] for n in names}
    frame = pd.read_csv(io.BytesIO(raw), **kwargs)
    return {n: frame[n].to_numpy() for n in frame.columns}


def _object_codes(arr):
    """(codes, distinct cells) of an object array of str, in the order of their first occurrence.

    pandas' C parser makes one str object per distinct text of a column, so equal cells are the same object:
    codes of the object addresses (integers, hashed in C) cost a quarter of hashing the texts. A text made twice
    (another parser) gets two codes, which costs time but not correctness: every caller treats the distinct
    cells as a list of texts (parsed, looked up), never as a set. Falls back to hashing the texts where the
    addresses are not at hand (not CPython).
    """
    import ctypes
    import sys

    import numpy as np
    import pandas as pd

    n = len(arr)
    if n == 0:
        return np.empty(0, dtype=np.int64), []
    if sys.implementation.name != "cpython" or not arr.flags.c_contiguous or arr.dtype != object:
        codes, uniques = pd.factorize(arr)
        return np.asarray(codes, dtype=np.int64), list(uniques)
    addresses = np.ctypeslib.as_array((ctypes.c_ssize_t * n).from_address(arr.ctypes.data))
    codes, distinct = pd.factorize(addresses)
    codes = np.asarray(codes, dtype=np.int64)
    if ctypes.sizeof(ctypes.py_object) != ctypes.sizeof(ctypes.c_ssize_t):  # pragma: no cover
        return codes, arr[_first_of_codes(codes)].tolist()
    # the distinct addresses as the objects there (arr keeps them alive; the list takes its own references)
    distinct = np.ascontiguousarray(distinct, dtype=np.intp)
    return codes, (ctypes.py_object * len(distinct)).from_buffer(distinct)[:]


def _first_of_codes(codes):
    """Where each code of pd.factorize's codes (numbered as first seen, none -1) occurs first: where the
    running maximum of the codes reaches it."""
    import numpy as np

    if not len(codes):
        return np.empty(0, dtype=np.int64)
    top = np.maximum.accumulate(codes)
    return np.searchsorted(top, np.arange(int(top[-1]) + 1))


def _int_chars(arrays):
    """Characters of integer cells written in their shortest form ('-' and digits); -1 for |v| >= 2**53."""
    import numpy as np

    chars = 0
    for arr in arrays:
        if not arr.size:
            continue
        if int(arr.min()) <= -(2**53) or int(arr.max()) >= 2**53:
            return -1
        mag = np.abs(arr)
        chars += arr.size + int(np.count_nonzero(arr < 0))
        power, top = 10, int(mag.max())
        while power <= top:  # one more digit for every cell at or above 10, 100, 1000, ...
            chars += int(np.count_nonzero(mag >= power))
            power *= 10
    return chars


def _text_chars(codes, uniques, specials, joined=None):
    """Characters of the cells of a text column apart from separators, quotes and line breaks; joined: the
    distinct texts joined, when at hand."""
    import numpy as np

    if not uniques:
        return 0
    if joined is None:
        joined = "".join(uniques)
    if joined.isascii() and joined.isdigit():  # digits only (keys): every character
        return _cell_lengths(codes, uniques, joined)
    if len(codes) == len(uniques):  # every distinct cell once (a key column): the characters of them all
        return len(joined) - sum(joined.count(x) for x in specials)
    lens = np.fromiter(map(len, uniques), dtype=np.int64, count=len(uniques))
    if any(x in joined for x in specials):
        lens -= np.array([sum(u.count(x) for x in specials) for u in uniques], dtype=np.int64)
    return int(np.dot(np.bincount(codes[codes >= 0], minlength=len(uniques)), lens))


def _column_of_codes(codes, uniques, joined=None):
    """Column of pandas codes and distinct texts; blank texts become the blank code -1. joined: the texts
    joined, when at hand (kept with the Column while its texts stay the same: an empty text adds nothing)."""
    import numpy as np

    codes = np.asarray(codes, dtype=np.int64)
    # a text of blanks only puts a blank into the joined texts: letters and digits only (a key column) have none
    spaces = not (joined is not None and joined.isalnum()) and any(map(str.isspace, uniques))
    if not spaces and all(uniques):
        return Column(codes=codes, uniques=uniques, joined=joined)
    n = len(uniques)
    if spaces:
        keep = np.fromiter(map(len, uniques), dtype=np.int64, count=n) > 0
        keep &= ~np.fromiter(map(str.isspace, uniques), dtype=bool, count=n)
    else:  # only empty texts are blank: found by the list's own search (usually one, near the start)
        at = uniques.index("")
        if "" not in uniques[at + 1 :]:  # one empty text (pandas makes one): its code out, the later ones down
            shifted = codes - (codes > at) if at else codes - 1  # pandas codes: none is -1 here
            if at:
                shifted[codes == at] = -1
            return Column(codes=shifted, uniques=uniques[:at] + uniques[at + 1 :], joined=joined)
        keep = np.ones(n, dtype=bool)
        at = -1
        while True:
            try:
                at = uniques.index("", at + 1)
            except ValueError:
                break
            keep[at] = False
    remap = np.full(len(uniques) + 1, -1, dtype=np.int64)
    remap[:-1][keep] = np.arange(int(keep.sum()))
    return Column(codes=remap[codes], uniques=list(itertools.compress(uniques, keep.tolist())))


# ---------------------------------------------------------------------------------------------------------
# XLSX -> rows
# ---------------------------------------------------------------------------------------------------------


class PercentNumber(float):
    """A number from an Excel cell formatted as percent (already multiplied by 100)."""


class FormulaCell:
    """An XLSX cell with a formula but no stored result (the file was written by a program that does not
    calculate): read as missing, with a warning, never silently."""

    __slots__ = ("formula",)

    def __init__(self, formula):
        self.formula = formula

    def __str__(self):
        return self.formula

    def __repr__(self):
        return f"FormulaCell({self.formula!r})"


def _formulas(path, title):
    """{(row, column index): formula} of the formula cells of a sheet; {} when the workbook has no formula."""
    import zipfile

    import openpyxl

    try:
        with zipfile.ZipFile(path) as z:
            if not any(b"<f" in z.read(n) for n in z.namelist() if n.startswith("xl/worksheets/")):
                return {}
        wb = openpyxl.load_workbook(path, read_only=True, data_only=False)
    except Exception:  # noqa: BLE001 - the values were read; without formulas nothing more to say
        return {}
    try:
        out = {}
        for i, row in enumerate(wb[title].iter_rows(), start=1):
            for j, c in enumerate(row):
                v = getattr(c, "value", None)
                if isinstance(v, str) and v.startswith("="):
                    out[(i, j)] = v
        return out
    finally:
        wb.close()


def xlsx_merged_spans(path, title):
    """{(row, column index): first column index} of the cells a horizontal merged range covers (right of its
    first cell), from the sheet's <mergeCells> (openpyxl's read-only mode does not give them); {} without."""
    import re
    import zipfile

    from openpyxl.utils.cell import range_boundaries

    try:
        with zipfile.ZipFile(path) as z:
            book = z.read("xl/workbook.xml").decode("utf-8", "replace")
            rels = z.read("xl/_rels/workbook.xml.rels").decode("utf-8", "replace")
            rid = None
            for m in re.finditer(r"<(?:\w+:)?sheet\b[^>]*>", book):
                tag = m.group(0)
                name = re.search(r'\bname="([^"]*)"', tag)
                if name and _xml_text(name.group(1)) == title:
                    rid = re.search(r'\br:id="([^"]*)"|\b\w+:id="([^"]*)"', tag)
                    rid = rid and (rid.group(1) or rid.group(2))
                    break
            target = None
            for m in re.finditer(r"<Relationship\b[^>]*>", rels):
                tag = m.group(0)
                if rid and f'Id="{rid}"' in tag:
                    target = re.search(r'Target="([^"]*)"', tag).group(1)
            if target is None:
                return {}
            target = target.lstrip("/")
            sheet_xml = z.read(target if target.startswith("xl/") else "xl/" + target)
    except (KeyError, OSError, zipfile.BadZipFile, AttributeError):
        return {}
    spans = {}
    for ref in re.findall(rb'<(?:\w+:)?mergeCell\b[^>]*\bref="([A-Z]+[0-9]+:[A-Z]+[0-9]+)"', sheet_xml):
        c0, r0, c1, r1 = range_boundaries(ref.decode())
        for r in range(r0, r1 + 1):
            for c in range(c0 + 1, c1 + 1):
                spans[(r, c - 1)] = c0 - 1
    return spans


def _xml_text(text):
    return text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')


def _xlsx_number(cell_value, number_format):
    if number_format and "%" in str(number_format) and isinstance(cell_value, (int, float)):
        return cell_value * 100.0, "%"
    return cell_value, ""


def xlsx_rows(path, sheet):
    """Rows of an XLSX sheet (sheet: name, 0-based index or None = first) and the sheet's name."""
    name = os.path.basename(str(path))
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - Debian ships python3-openpyxl with the plugin's deps
        raise InputError(
            tr("{name}: reading XLSX needs the Python package openpyxl (Debian: python3-openpyxl).", name=name)
        ) from None
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:
        import zipfile

        if isinstance(exc, zipfile.BadZipFile):  # zipfile's words are English: say it in ours
            error = tr("it is no ZIP archive, as every .xlsx file is")
        elif isinstance(exc, KeyError):
            error = tr("the ZIP archive holds no Excel workbook")
        else:
            error = exc
        raise InputError(
            tr(
                "{name}: the file cannot be opened as an Excel workbook ({error}). Save it again as "
                ".xlsx or as CSV (semicolon).",
                name=name,
                error=error,
            ),
            source=name,
        ) from None
    try:
        if sheet is None:
            ws = wb.worksheets[0]
        elif isinstance(sheet, int):
            if not 0 <= sheet < len(wb.worksheets):
                raise InputError(
                    tr(
                        "{name}: there is no sheet number {number}; the workbook has {n} sheets ({sheets}).",
                        name=name,
                        number=sheet + 1,
                        n=len(wb.worksheets),
                        sheets=", ".join(wb.sheetnames),
                    ),
                    source=name,
                )
            ws = wb.worksheets[sheet]
        else:
            if sheet not in wb.sheetnames:
                close = difflib.get_close_matches(str(sheet), wb.sheetnames, n=1)
                raise InputError(
                    tr(
                        "{name}: there is no sheet '{sheet}'. Sheets: {sheets}{suggestion}.",
                        name=name,
                        sheet=sheet,
                        sheets=", ".join(wb.sheetnames),
                        suggestion=tr(" (did you mean '{name}'?)", name=close[0]) if close else "",
                    ),
                    source=name,
                )
            ws = wb[sheet]
        try:
            ws.reset_dimensions()
        except AttributeError:
            pass
        rows, empty = [], []
        for i, row in enumerate(ws.iter_rows(), start=1):
            cells = []
            for c in row:
                v = getattr(c, "value", None)
                if v is None:
                    empty.append((i, len(cells)))
                if isinstance(v, str):
                    v = v if v.strip() else None
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    v, unit = _xlsx_number(v, getattr(c, "number_format", None))
                    if unit:
                        v = PercentNumber(v)
                cells.append(v)
            rows.append(Row(i, cells, len(cells)))
        formulas = _formulas(path, ws.title) if empty else {}
        for i, j in empty:
            if (i, j) in formulas:  # a formula whose result the file does not hold
                rows[i - 1].cells[j] = FormulaCell(formulas[(i, j)])
        for r in rows:
            while r.cells and r.cells[-1] is None:
                r.cells.pop()
            r.nfields = len(r.cells)
        return rows, ws.title
    finally:
        wb.close()
