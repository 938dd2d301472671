"""The CSV dialect of a backup: readable in Excel and LibreOffice, and restored exactly.

The stdlib csv module cannot tell an empty field from "" when reading, so a backup could not
keep NULL and empty text apart. This small dialect can, and writes one form per value:

* NULL is an empty, unquoted field; text is always in double quotes, so ``""`` is empty text;
* booleans are ``1`` / ``0`` (numbers in every locale's spreadsheet, as SQLite stores them);
* integers as digits; dates and datetimes in ISO 8601 (``2027-02-01``);
* binary data (the programme's logo) as base64 in quotes;
* UTF-8 with a BOM, CRLF line ends, ``,`` or ``;`` (Swedish Excel) between fields.

A value written and read back is the same value, so export → restore → export gives the
same bytes. Reading is a stream of rows with a ceiling on the fields of a row, so a hostile
line of a million delimiters is refused at the first field too many instead of filling memory.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from sqlalchemy import Column, TypeDecorator

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_

BOM = "\ufeff"
LINE_END = "\r\n"
EXCERPT_CHARS = 80
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f]")
_BIDI_CONTROLS = re.compile(r"[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def excerpt(value: object, limit: int = EXCERPT_CHARS) -> str:
    """``value`` as a message may quote it: on one line, without direction overrides, and at
    most ``limit`` characters (the last one "…" when cut). Every message that quotes a
    backup's content goes through here, so a hostile file cannot make a message huge."""
    text = str(value)
    cut = len(text) > limit * 4
    text = text[: limit * 4]  # the rest is never shown: don't scan a gigabyte
    text = _BIDI_CONTROLS.sub("", _UNPRINTABLE.sub(" ", text))
    return text if len(text) <= limit and not cut else text[: limit - 1] + "…"


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
        N_("“{value}” is not a valid value here ({kind} expected)"),
        value=excerpt(raw),
        kind=value_kind,
    )


def format_line(cells: list[str], delimiter: str) -> str:
    return delimiter.join(cells) + LINE_END


def parse(text: str, delimiter: str) -> list[list[Field]]:
    """Split the text into rows of fields, remembering which fields were quoted."""
    return list(iter_rows(text, delimiter))


def iter_rows(text: str, delimiter: str, max_fields: int | None = None) -> Iterator[list[Field]]:
    """The rows of ``text`` one at a time; a row with more than ``max_fields`` fields is
    refused as soon as its field after the last allowed one begins."""
    unquoted = re.compile(f'[^"{re.escape(delimiter)}\r\n]*')
    number = 0
    position, length = int(text.startswith(BOM)), len(text)  # no copy of the text without it
    while position < length:
        number += 1
        row: list[Field] = []
        while True:
            if max_fields is not None and len(row) == max_fields:
                raise CsvProblem(
                    N_("row {row} has more than {count} fields"),
                    row=number,
                    count=max_fields,
                )
            if position < length and text[position] == '"':
                value, position = _quoted(text, position, number)
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
            raise CsvProblem(N_("row {row}: a stray quote or character"), row=number)
        yield row


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
