"""The languages Mentorapp knows: one row each, read by everything that depends on a language.

Two kinds of language meet here. A *UI language* is one Mentorapp speaks: it has a gettext
catalog (``translations/<code>/LC_MESSAGES/mentorapp.po``), a guide and a workbook text
(``resources/guide/<code>.toml``, ``resources/workbook/<code>.toml``). A *meeting language* is
one a mentor and an adept can meet in, which matching requires them to share. Swedish and
English are both kinds today; a new UI language is one more row here (``ui=True``) plus its files,
and need not be a meeting language, which would change every score.

Modules that keep a list of codes use ``UI_CODES`` or ``MEETING_CODES``: views that read the
table on every use, so a row added later (a test's pseudo-language) is seen everywhere.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import overload


def N_(message: str) -> str:
    """Mark a name for extraction, as ``i18n.N_`` does (``i18n`` reads this table, so this
    module cannot import it); it is translated where it is shown."""
    return message


FALLBACK = "en"  # the source language: what a missing translation, name or text falls back to
AFTER_Z = tuple(chr(ord("z") + n) for n in (1, 2, 3, 4, 5))  # sort weights for letters after Z


@dataclass(frozen=True)
class Language:
    """Everything Mentorapp needs to know about one language."""

    code: str  # ISO 639-1, as stored in files, settings and the database: "sv"
    native_name: str  # "Svenska": how a choice of language shows it in every UI language
    name: str  # N_("Swedish"): its name in the current UI language, through gettext
    babel_locale: str  # "sv_SE": dates and numbers in the UI and in the workbook
    qt_locale: str  # "sv_SE": Qt's own widgets (date fields, standard dialogs)
    qt_catalog: str | None  # "qtbase_sv": Qt's own messages; None where Qt's source suffices
    # Collation: letters that sort after Z in this order, then letters that sort as others.
    after_z: str = ""
    sorts_as: tuple[tuple[str, str], ...] = ()
    words: tuple[str, ...] = ()  # what people write for it in a form (besides its code)
    ui: bool = True  # Mentorapp speaks it: a catalog, a guide and a workbook text
    meeting: bool = False  # pairs can meet in it, so matching counts it
    speaking: str = ""  # N_("speaking Swedish"): a need named in matching's advice

    @property
    def pdf_language(self) -> str:
        """The BCP 47 tag a PDF's ``/Lang`` wants: "sv-SE"."""
        return self.babel_locale.replace("_", "-")

    def collation_letters(self) -> dict[str, str]:
        """Lower-case letter → its sort weight: after Z, or the letter it sorts as."""
        letters = {letter: AFTER_Z[n] for n, letter in enumerate(self.after_z)}
        for letter, other in self.sorts_as:
            letters[letter] = letters.get(other, other)
        return letters


TABLE: tuple[Language, ...] = (
    Language(
        code="sv",
        native_name="Svenska",
        name=N_("Swedish"),
        babel_locale="sv_SE",
        qt_locale="sv_SE",
        qt_catalog="qtbase_sv",
        # Å Ä Ö are letters of their own after Z; Æ Ø Ü borrow a Swedish letter's place.
        after_z="åäö",
        sorts_as=(("æ", "ä"), ("ø", "ö"), ("ü", "y")),
        words=("svenska", "swedish"),
        meeting=True,
        speaking=N_("speaking Swedish"),
    ),
    Language(
        code="en",
        native_name="English",
        name=N_("English"),
        babel_locale="en_GB",
        qt_locale="en_GB",
        qt_catalog=None,  # Qt is written in English
        words=("engelska", "english"),
        meeting=True,
        speaking=N_("speaking English"),
    ),
)


def get(code: str) -> Language:
    """The row of ``code``; KeyError for a code the table does not have."""
    for row in TABLE:
        if row.code == code:
            return row
    raise KeyError(code)


def get_or_fallback(code: str | None) -> Language:
    """The row of ``code``, or English's for anything else (as the UI falls back to English)."""
    for row in TABLE:
        if row.code == code:
            return row
    return get(FALLBACK)


class Codes(Sequence[str]):
    """The codes of the rows ``keep`` accepts, in table order, read from the table when used.

    Compares equal to a tuple of the same codes; recomputed only when the table changes."""

    def __init__(self, keep: Callable[[Language], bool]) -> None:
        self._keep = keep
        self._table: tuple[Language, ...] | None = None
        self._codes: tuple[str, ...] = ()

    def codes(self) -> tuple[str, ...]:
        if self._table is not TABLE:
            self._codes = tuple(row.code for row in TABLE if self._keep(row))
            self._table = TABLE
        return self._codes

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self.codes()[index]

    def __len__(self) -> int:
        return len(self.codes())

    def __iter__(self) -> Iterator[str]:
        return iter(self.codes())

    def __contains__(self, value: object) -> bool:
        return value in self.codes()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Codes | tuple):
            return self.codes() == tuple(other)
        return NotImplemented

    def __hash__(self) -> int:
        return hash(self.codes())

    def __repr__(self) -> str:
        return repr(self.codes())


UI_CODES = Codes(lambda row: row.ui)
MEETING_CODES = Codes(lambda row: row.meeting)


def ui_languages() -> tuple[Language, ...]:
    return tuple(row for row in TABLE if row.ui)


def meeting_languages() -> tuple[Language, ...]:
    return tuple(row for row in TABLE if row.meeting)


_WORDS: dict[tuple[Language, ...], dict[str, str]] = {}


def meeting_language_words() -> dict[str, str]:
    """Every word a form may use for a meeting language (case-folded) → its code."""
    words = _WORDS.get(TABLE)
    if words is None:
        _WORDS.clear()
        words = _WORDS[TABLE] = {
            word.casefold(): row.code
            for row in meeting_languages()
            for word in (row.code, *row.words)
        }
    return words
