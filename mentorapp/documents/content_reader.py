"""Typed reading of a parsed TOML table that says exactly where a value is wrong.

Organisations edit the workbook text by hand, so a mistake must be reported with the file,
the place (``sessions[3].exercises[0].steps``) and what was expected there, not as a
``KeyError`` deep inside the renderer.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_, _

Phrase = tuple[str, dict[str, Any]]  # a translatable template and its parameters


class WorkbookContentError(MentorappError):
    """The workbook text could not be used; the message names the file and the place."""

    title = N_("The workbook text could not be read")

    def __init__(self, template: str, phrases: dict[str, Phrase] | None = None, **params: Any):
        self.phrases = phrases or {}
        english = {key: text.format(**values) for key, (text, values) in self.phrases.items()}
        super().__init__(template, **params, **english)

    def user_message(self) -> str:
        params = dict(self.params)
        for key, (text, values) in self.phrases.items():
            params[key] = _(text).format(**values)
        return _(self.template).format(**params)


MISSING = N_("{path}: “{place}” is missing. It should be {expected}.")
WRONG = N_("{path}: “{place}” should be {expected}, but it is {found}.")

A_TEXT = N_("a text that is not empty")
A_TABLE = N_("a table (a [section])")
A_FLAG = N_("true or false")
A_NUMBER = N_("a whole number {low}–{high}")
TEXTS = N_("a list of texts")
TEXTS_EXACTLY = N_("a list of exactly {count} texts")
TABLES = N_("a list of tables ([[…]] sections)")
TABLES_EXACTLY = N_("a list of exactly {count} tables ([[…]] sections)")
ONE_OF = N_("one of: {options}")


def describe(value: Any) -> Phrase:
    """What was found instead, in words a coordinator understands."""
    if isinstance(value, bool):
        return N_("true or false"), {}
    if isinstance(value, int | float):
        return N_("the number {value}"), {"value": value}
    if isinstance(value, str):
        return (N_("an empty text"), {}) if not value.strip() else (N_("a text"), {})
    if isinstance(value, list):
        return N_("a list of {count} values"), {"count": len(value)}
    if isinstance(value, dict):
        return N_("a table"), {}
    return N_("something else"), {}


class Reader:
    """One table of the file, with its place, e.g. ``sessions[2]``."""

    def __init__(
        self,
        file: Path,
        data: dict[str, Any],
        place: str = "",
        error: type[WorkbookContentError] = WorkbookContentError,
    ) -> None:
        self.file = file
        self.data = data
        self.place = place
        self.error = error  # a subclass gives another file kind its own title

    def where(self, key: str | int) -> str:
        if isinstance(key, int):
            return f"{self.place}[{key}]"
        return f"{self.place}.{key}" if self.place else key

    def fail(self, place: str, expected: Phrase, value: Any) -> WorkbookContentError:
        return self.error(
            WRONG, {"expected": expected, "found": describe(value)}, path=self.file, place=place
        )

    def get(self, key: str, expected: Phrase) -> Any:
        if key not in self.data:
            raise self.error(
                MISSING, {"expected": expected}, path=self.file, place=self.where(key)
            )
        return self.data[key]

    def text(self, key: str) -> str:
        value = self.get(key, (A_TEXT, {}))
        if not isinstance(value, str) or not value.strip():
            raise self.fail(self.where(key), (A_TEXT, {}), value)
        return value.strip()

    def choice(self, key: str, options: tuple[str, ...]) -> str:
        expected: Phrase = (ONE_OF, {"options": ", ".join(options)})
        value = self.get(key, expected)
        if value not in options:
            found = describe(value) if not isinstance(value, str) else ("“{v}”", {"v": value})
            raise self.error(
                WRONG, {"expected": expected, "found": found}, path=self.file, place=self.where(key)
            )
        return value

    def flag(self, key: str) -> bool:
        value = self.get(key, (A_FLAG, {}))
        if not isinstance(value, bool):
            raise self.fail(self.where(key), (A_FLAG, {}), value)
        return value

    def whole(self, key: str, low: int, high: int) -> int:
        expected: Phrase = (A_NUMBER, {"low": low, "high": high})
        value = self.get(key, expected)
        if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
            raise self.fail(self.where(key), expected, value)
        return value

    def texts(
        self, key: str, count: int | None = None, allow_empty: bool = False
    ) -> tuple[str, ...]:
        """A list of non-empty texts; ``count`` asks for exactly that many."""
        expected: Phrase = (TEXTS_EXACTLY, {"count": count}) if count else (TEXTS, {})
        value = self.get(key, expected)
        place = self.where(key)
        if not isinstance(value, list) or (count and len(value) != count):
            raise self.fail(place, expected, value)
        if not value and not allow_empty:
            raise self.fail(place, expected, value)
        for index, item in enumerate(value):
            if not isinstance(item, str) or not item.strip():
                raise self.fail(f"{place}[{index}]", (A_TEXT, {}), item)
        return tuple(item.strip() for item in value)

    def table(self, key: str) -> Reader:
        value = self.get(key, (A_TABLE, {}))
        if not isinstance(value, dict):
            raise self.fail(self.where(key), (A_TABLE, {}), value)
        return Reader(self.file, value, self.where(key), self.error)

    def tables(self, key: str, count: int | None = None) -> list[Reader]:
        """A list of tables (``[[key]]``), at least one; ``count`` asks for exactly that many."""
        expected: Phrase = (TABLES_EXACTLY, {"count": count}) if count else (TABLES, {})
        value = self.get(key, expected)
        place = self.where(key)
        if not isinstance(value, list) or not value or (count and len(value) != count):
            raise self.fail(place, expected, value)
        readers = []
        for index, item in enumerate(value):
            if not isinstance(item, dict):
                raise self.fail(f"{place}[{index}]", (A_TABLE, {}), item)
            readers.append(Reader(self.file, item, f"{place}[{index}]", self.error))
        return readers
