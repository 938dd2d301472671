"""Turn the bytes of a CSV file into a header and numbered rows, whatever tool wrote it.

Form tools and Excel versions disagree on encoding, delimiter and line ends, so all of that is
detected here rather than asked of the coordinator. Row numbers are those a spreadsheet shows
(header = 1, a quoted value with line breaks is still one row), so a reported problem can be
found in the file.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import islice

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


class ImportFileError(MentorappError):
    """The file as a whole cannot be read; nothing was imported."""

    title = N_("The file could not be read")


@dataclass(frozen=True)
class CsvTable:
    headers: list[str]
    rows: list[tuple[int, list[str]]]  # (spreadsheet row number, cells; at least len(headers))
    encoding: str  # "utf-8-sig" | "utf-8" | "utf-16" | "cp1252"
    delimiter: str  # "," | ";" | "\t"


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
    width = len(headers)
    rows = [
        (number, cells + [""] * (width - len(cells)))
        for number, cells in records[header_index + 1 :]
        if any(cells)
    ]
    return CsvTable(headers=headers, rows=rows, encoding=encoding, delimiter=delimiter)


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
        text, encoding = _strict(data, "utf-8-sig"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = _strict(data, "utf-16"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            text, encoding = _strict(data, "cp1252"), "cp1252"
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
    return cell.strip()
