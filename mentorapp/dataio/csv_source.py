"""Turn the bytes of a CSV file into a header and numbered rows, whatever tool wrote it.

Form tools and Excel versions disagree on encoding, delimiter and line ends, so all of that is
detected here rather than asked of the coordinator. Row numbers are those a spreadsheet shows
(header = 1, a quoted value with line breaks is still one row), so a reported problem can be
found in the file.

A file that mixes two encodings (a UTF-8 export with a row pasted from a program that saves
Windows text, or the other way round) is read in the encoding most of it uses; the values in
the other one are not guessed at but listed in ``CsvTable.damaged`` with both readings, so
the importer reports them as row problems instead of storing mojibake such as "Ã…sa".
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

from mentorapp.dataio.csv_files import from_spreadsheet_cell
from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

DELIMITERS = (",", ";", "\t")
_SNIFF_ROWS = 20
# Control characters other than tab and line ends; a few are tolerated (pasted from Word),
# many mean the file is not text at all.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MAX_CONTROL_SHARE = 0.01
_SEP_HINT = re.compile(r"sep=([,;\t])[ ]*(?:\r\n|\n|\r)", re.IGNORECASE)
_WORKBOOK_MAGIC = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0")  # .xlsx/.ods (zip), old .xls
# A valid UTF-8 sequence of two to four bytes (RFC 3629: no overlong forms, no surrogates).
# Windows text almost never forms one by chance: it needs a capital letter followed by a
# symbol such as “ or ©, so their number tells a damaged UTF-8 file from a Windows file.
_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|\xe0[\xa0-\xbf][\x80-\xbf]|[\xe1-\xec\xee\xef][\x80-\xbf]{2}"
    rb"|\xed[\x80-\x9f][\x80-\xbf]|\xf0[\x90-\xbf][\x80-\xbf]{2}|[\xf1-\xf3][\x80-\xbf]{3}"
    rb"|\xf4[\x80-\x8f][\x80-\xbf]{2}"
)
_HIGH_BYTE = re.compile(rb"[\x80-\xff]")
# Bytes of the file's other encoding are carried through parsing as escapes (U+DC80–U+DCFF,
# Python's "surrogateescape"), which no decoded text contains.
_ESCAPED = re.compile("[\udc80-\udcff]+")
_SHOWN = 40  # characters of a damaged value quoted in a message
_MOSTLY_BAD = 40  # more bad bytes than this (and than good sequences): not UTF-8 at all


class ImportFileError(MentorappError):
    """The file as a whole cannot be read; nothing was imported."""

    title = N_("The file could not be read")


@dataclass(frozen=True)
class Damage:
    """A cell with bytes in the file's other encoding, and the word they are in, read both
    ways (“�sa” as UTF-8, “Åsa” as Windows text); the cell itself holds the UTF-8 reading."""

    row: int
    column: int  # index of the cell in its row
    utf8: str
    windows: str


MIXED_ENCODING = N_(
    "This value is in another text encoding than the rest of the file, so it cannot be read "
    "safely: as UTF-8 it says “{utf8}”, as Windows text “{windows}”. Type the value again in "
    "a spreadsheet program and save the file as “CSV UTF-8 (comma delimited)”."
)


@dataclass(frozen=True)
class CsvTable:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells; at least len(headers))
    encoding: str  # "utf-8-sig" | "utf-8" | "utf-16" | "cp1252"
    delimiter: str  # "," | ";" | "\t"
    damaged: tuple[Damage, ...] = ()  # cells in the other encoding of a mixed file


def read_table(data: bytes) -> CsvTable:
    """Decode, detect the delimiter and parse; raise ImportFileError for anything unreadable."""
    text, encoding = _decode(data)
    hint = _SEP_HINT.match(text)
    if hint:  # Excel's "sep=;" line: it names the delimiter and Excel does not show it as a row
        text = text[hint.end() :]
    delimiter = hint.group(1) if hint else _detect_delimiter(text)
    records = _parse(text, delimiter)
    header_index = next((i for i, (_n, cells) in enumerate(records) if any(cells)), None)
    if header_index is None:
        raise ImportFileError(_EMPTY)
    _number, headers = records[header_index]
    _check_header(headers)
    width = len(headers)
    rows = [
        (number, cells + [""] * (width - len(cells)))
        for number, cells in records[header_index + 1 :]
        if any(cells)
    ]
    damaged = tuple(_damaged(rows))
    return CsvTable(headers, rows, encoding, delimiter, damaged)


def _check_header(headers: list[str]) -> None:
    for cell in headers:
        if _ESCAPED.search(cell):
            utf8, windows = _readings(cell)
            raise ImportFileError(
                N_(
                    "The column names in the first row are in another text encoding than the "
                    "rest of the file, so they cannot be read safely: “{utf8}” as UTF-8, "
                    "“{windows}” as Windows text. Save the file as “CSV UTF-8 (comma "
                    "delimited)” and import that file."
                ),
                utf8=utf8,
                windows=windows,
            )


def _damaged(rows: list[tuple[int, list[str]]]) -> Iterator[Damage]:
    """The cells holding the other encoding's bytes; each cell keeps its UTF-8 reading."""
    for number, cells in rows:
        for index, cell in enumerate(cells):
            if _ESCAPED.search(cell):
                word = next(w for w in cell.split() if _ESCAPED.search(w))
                yield Damage(number, index, *_readings(word))
                # stripped again: the UTF-8 reading may end in a no-break space
                cells[index] = _ESCAPED.sub(lambda m: _unescape(m.group(), "utf-8"), cell).strip()


def _readings(text: str) -> tuple[str, str]:
    """``text`` with its escaped bytes read as UTF-8 and as Windows text, cut to a length
    that fits in a message."""
    first = _ESCAPED.search(text)
    if len(text) > _SHOWN and first is not None:
        start = max(0, first.start() - _SHOWN // 2)
        text = ("…" if start else "") + text[start : start + _SHOWN] + "…"
    utf8 = _ESCAPED.sub(lambda m: _unescape(m.group(), "utf-8"), text)
    windows = _ESCAPED.sub(lambda m: _unescape(m.group(), "cp1252"), text)
    return utf8, windows


def _unescape(escaped: str, encoding: str) -> str:
    return escaped.encode("ascii", "surrogateescape").decode(encoding, "replace")


_EMPTY = N_(
    "The file is empty: it has no header row and no applications. Export the applications "
    "again as a CSV file and import that file."
)


def _decode(data: bytes) -> tuple[str, str]:
    if data.startswith(_WORKBOOK_MAGIC):
        raise ImportFileError(
            N_(
                "This is a spreadsheet workbook, not a CSV file. Open it in Excel (or another "
                "spreadsheet program), choose Save As → “CSV UTF-8 (comma delimited)” and "
                "import the saved file."
            )
        )
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = _utf8_or_windows(data[len(codecs.BOM_UTF8) :], announced=True)
        encoding = "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        text, encoding = _utf8_or_windows(data, announced=False)
    if "\x00" in text:
        raise ImportFileError(
            N_(
                "The file contains NUL characters, which a CSV file never has: it is not a "
                "text file, or it was saved as “Unicode text” without a byte order mark. Save "
                "it again as “CSV UTF-8 (comma delimited)” and import that file."
            )
        )
    controls = len(_CONTROL.findall(text))
    if controls > _MAX_CONTROL_SHARE * len(text):
        raise ImportFileError(_NOT_TEXT)
    if controls:
        text = _CONTROL.sub(" ", text)
    if not text.strip():
        raise ImportFileError(_EMPTY)
    return text, encoding


_NOT_TEXT = N_(
    "This file is not a text file, so it cannot be a CSV file. Choose the CSV file you "
    "exported from the form or spreadsheet (in Excel: Save As → “CSV UTF-8”)."
)


def _utf8_or_windows(data: bytes, announced: bool) -> tuple[str, str]:
    """UTF-8 first. A file that is UTF-8 except for some bytes is a UTF-8 file with damage;
    one without a single UTF-8 sequence is Windows text (Windows-1252, a superset of
    Latin-1's letters). In a mix, the encoding with more characters wins and the other's are
    escaped, to be reported (never guessed); a tie goes to UTF-8, which flags the rest."""
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sequences = list(_UTF8_MULTIBYTE.finditer(data))
    invalid = len(_HIGH_BYTE.findall(data)) - sum(m.end() - m.start() for m in sequences)
    if announced:
        if invalid > max(len(sequences), _MOSTLY_BAD):
            raise ImportFileError(_BAD_TEXT)
        return data.decode("utf-8", "surrogateescape"), "utf-8"
    if sequences and len(sequences) >= invalid:
        return data.decode("utf-8", "surrogateescape"), "utf-8"
    parts: list[str] = []
    start = 0
    for match in sequences:
        parts += [_strict(data[start : match.start()], "cp1252"), _escape(match.group())]
        start = match.end()
    parts.append(_strict(data[start:], "cp1252"))
    return "".join(parts), "cp1252"


def _escape(data: bytes) -> str:
    return data.decode("ascii", "surrogateescape")


def _strict(data: bytes, encoding: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise ImportFileError(_NOT_TEXT if encoding == "cp1252" else _BAD_TEXT) from exc


_BAD_TEXT = N_(
    "The text in this file is damaged: it does not match the encoding the file announces. "
    "Save it again as “CSV UTF-8 (comma delimited)” and import that file."
)


def _reader(text: str, delimiter: str, strict: bool = False) -> Iterator[list[str]]:
    return csv.reader(
        io.StringIO(text, newline=""), delimiter=delimiter, skipinitialspace=True, strict=strict
    )


def _detect_delimiter(text: str) -> str:
    """The delimiter that splits the header into the most columns that the next rows repeat."""
    best, best_score = DELIMITERS[0], (False, -1, -1)
    for delimiter in DELIMITERS:
        filled = (r for r in _reader(text, delimiter) if any(c.strip() for c in r))
        try:
            records = list(islice(filled, _SNIFF_ROWS + 1))
        except csv.Error:
            continue
        if not records:
            return delimiter  # only blank rows and delimiters: an empty file
        width = len(records[0])
        matches = sum(1 for r in records[1:] if len(r) == width)
        score = (width > 1, matches, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _parse(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """Every record with its spreadsheet row number; cells trimmed, line breaks as "\\n"."""
    lines: list[str] = []

    def source() -> Iterator[str]:
        for line in io.StringIO(text, newline=""):
            lines.append(line)
            yield line

    reader = csv.reader(source(), delimiter=delimiter, skipinitialspace=True)
    records: list[tuple[int, list[str]]] = []
    number = 0
    while True:
        lines.clear()
        try:
            record = next(reader)
        except StopIteration:
            return records
        except csv.Error as exc:
            raise ImportFileError(
                N_(
                    "Row {row} could not be read ({detail}). Open the file in a spreadsheet "
                    "program, check that row and save the file as CSV again."
                ),
                row=number + 1,
                detail=str(exc),
            ) from exc
        number += 1
        if len(lines) > 1:
            _check_quotes("".join(lines), delimiter, number)
        records.append((number, [_clean(cell) for cell in record]))


def _check_quotes(source: str, delimiter: str, number: int) -> None:
    """A record over several lines must be properly quoted; otherwise a stray quotation mark
    has swallowed the following rows, and importing them as one value would lose them."""
    try:
        list(_reader(source, delimiter, strict=True))
    except csv.Error as exc:
        raise ImportFileError(
            N_(
                'Row {row} has a quotation mark (") that is not closed where it should be, '
                "so the following lines run together into one value. Check the quotation "
                "marks on that row, or open the file in a spreadsheet program and save it as "
                "CSV again."
            ),
            row=number,
        ) from exc


def _clean(cell: str) -> str:
    if "\r" in cell:
        cell = cell.replace("\r\n", "\n").replace("\r", "\n")
    # Our exports mark a formula-like cell as text with a leading "'"; the value is without it.
    return from_spreadsheet_cell(cell.strip())
