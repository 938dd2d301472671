"""The CSV dialect of a backup: readable in Excel and LibreOffice, and restored exactly.

The stdlib csv module cannot tell an empty field from "" when reading, so a backup could not
keep NULL and empty text apart. This small dialect can, and writes one form per value:

* NULL is an empty, unquoted field; text is always in double quotes, so ``""`` is empty text;
* booleans are ``1`` / ``0`` (numbers in every locale's spreadsheet, as SQLite stores them);
* integers as digits; dates and datetimes in ISO 8601 (``2027-02-01``);
* binary data (the programme's logo) as base64 in quotes;
* UTF-8 with a BOM, CRLF line ends, ``,`` or ``;`` (Swedish Excel) between fields.

A value written and read back is the same value, so export → restore → export gives the
same bytes.
"""

from __future__ import annotations

import base64
import binascii
import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, TypeDecorator

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

BOM = "\ufeff"
LINE_END = "\r\n"


class CsvProblem(MentorappError):
    """A field or line that does not parse; its message becomes part of the refusal."""


@dataclass(frozen=True)
class Field:
    value: str
    quoted: bool


_KINDS = {
    bool: "bool",
    int: "int",
    float: "float",
    date: "date",
    datetime: "datetime",
    bytes: "bytes",
    str: "text",
}


def kind(column: Column) -> str:
    """How a column's values are written; a new column type must be added here on purpose."""
    sql_type = column.type
    while isinstance(sql_type, TypeDecorator):  # e.g. SQLModel's AutoString around String
        sql_type = sql_type.impl_instance
    try:
        return _KINDS[sql_type.python_type]
    except (KeyError, NotImplementedError) as exc:
        raise TypeError(f"backup has no CSV form for {column.type!r} ({column})") from exc


def _quote(text: str) -> str:
    return '"' + text.replace('"', '""') + '"'


def encode(value: Any, value_kind: str) -> str:
    if value is None:
        return ""
    if value_kind == "text":
        return _quote(str(value))
    if value_kind == "bytes":
        return _quote(base64.b64encode(bytes(value)).decode("ascii"))
    if value_kind == "bool":
        return "1" if value else "0"
    if value_kind in ("date", "datetime"):
        return value.isoformat()
    if value_kind == "float":
        return repr(float(value))
    return str(int(value))


_INTEGER = re.compile(r"-?[0-9]+")


def decode(field: Field, value_kind: str, nullable: bool) -> Any:
    raw = field.value
    if raw == "" and not field.quoted:
        if not nullable:
            raise CsvProblem(N_("the field is empty, but this column needs a value"))
        return None
    if value_kind == "text":
        return raw
    try:
        if value_kind == "bytes":
            return base64.b64decode(raw, validate=True)
        if value_kind == "bool" and raw in ("0", "1"):
            return raw == "1"
        if value_kind == "int" and _INTEGER.fullmatch(raw):
            return int(raw)
        if value_kind == "float":
            return float(raw)
        if value_kind == "date":
            return date.fromisoformat(raw)
        if value_kind == "datetime":
            return datetime.fromisoformat(raw)
    except (ValueError, binascii.Error):
        pass
    raise CsvProblem(
        N_("“{value}” is not a valid value here ({kind} expected)"), value=raw[:40], kind=value_kind
    )


def format_line(cells: list[str], delimiter: str) -> str:
    return delimiter.join(cells) + LINE_END


def parse(text: str, delimiter: str) -> list[list[Field]]:
    """Split the text into rows of fields, remembering which fields were quoted."""
    if text.startswith(BOM):
        text = text[1:]
    unquoted = re.compile(f'[^"{re.escape(delimiter)}\r\n]*')
    rows: list[list[Field]] = []
    position, length = 0, len(text)
    while position < length:
        row: list[Field] = []
        while True:
            if position < length and text[position] == '"':
                value, position = _quoted(text, position, len(rows) + 1)
                row.append(Field(value, True))
            else:
                match = unquoted.match(text, position)
                assert match is not None
                position = match.end()
                row.append(Field(match.group(), False))
            if position < length and text[position] == delimiter:
                position += 1
                continue
            break
        if text.startswith(LINE_END, position):
            position += 2
        elif position < length and text[position] in "\r\n":
            position += 1
        elif position < length:
            raise CsvProblem(N_("row {row}: a stray quote or character"), row=len(rows) + 1)
        rows.append(row)
    return rows


def _quoted(text: str, start: int, row: int) -> tuple[str, int]:
    """The value of the quoted field at ``start`` and the position after its closing quote."""
    parts: list[str] = []
    position = start + 1
    while True:
        close = text.find('"', position)
        if close < 0:
            raise CsvProblem(N_("row {row}: a quote is never closed"), row=row)
        parts.append(text[position:close])
        if text.startswith('"', close + 1):
            parts.append('"')
            position = close + 2
            continue
        return "".join(parts), close + 1
