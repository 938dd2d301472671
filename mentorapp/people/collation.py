"""Sorting and searching names the way the user's language expects.

SQLite's own ordering puts Ä before Å and its ``LIKE`` ignores case only for ASCII, so
names are sorted and searched in Python. Each language's row in ``domain.languages`` names
its own letters: Swedish has three after Z (Å, Ä, Ö) and treats Æ as Ä, Ø as Ö and Ü as Y;
other accented letters sort with their base letter. English folds every accent. Search never
strips diacritics ("asa" need not find "Åsa"), but it ignores case for every letter, Ł, Ş, Đ
and Turkish İ included.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from mentorapp.domain import languages

# Letters that have no Unicode decomposition but an obvious base letter (or letters).
_BASE_LETTERS = {
    "ł": "l",
    "đ": "d",
    "ð": "d",
    "ı": "i",
    "ß": "ss",
    "œ": "oe",
    "þ": "th",
    "ŋ": "n",
    "ħ": "h",
    "ŧ": "t",
    "ə": "e",
    "ø": "o",
    "æ": "ae",
}


def _fold(text: str) -> str:
    """Case-folded NFC text, with Turkish dotted and dotless i made one letter.

    ``casefold`` turns "İ" into "i" plus a dot above, and leaves "ı" alone although its
    capital is the plain "I"; so "ilkay" would miss "İlkay" and "YILMAZ" would miss "Yılmaz".
    """
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return folded.replace("i\u0307", "i").replace("ı", "i")


def _base(char: str) -> str:
    """``char`` without its accents: é → e, ő → o, ł → l (already case-folded)."""
    if char in _BASE_LETTERS:
        return _BASE_LETTERS[char]
    decomposed = unicodedata.normalize("NFD", char)
    base = "".join(c for c in decomposed if not unicodedata.combining(c))
    return "".join(_BASE_LETTERS.get(c, c) for c in base) or char


class _PrimaryTable(dict):
    """A ``str.translate`` table filled on first use of each character, so sorting thousands
    of names stays a C-speed loop after the first few hundred letters."""

    def __init__(self, letters: dict[str, str]) -> None:
        super().__init__()
        self._letters = letters

    def __missing__(self, code_point: int) -> str:
        char = chr(code_point)
        value = self._letters.get(char) or _base(char)
        self[code_point] = value
        return value


_PRIMARY: dict[str, _PrimaryTable] = {}
_PRIMARY_OF: list[tuple[languages.Language, ...]] = [()]  # the language table _PRIMARY is for


def _primary(language: str) -> _PrimaryTable:
    """The letter table of ``language``'s row in the language table (English's for a code it
    does not have), made once per language and again only if the table changes."""
    if _PRIMARY_OF[0] is not languages.TABLE:
        _PRIMARY.clear()
        _PRIMARY_OF[0] = languages.TABLE
    table = _PRIMARY.get(language)
    if table is None:
        letters = languages.get_or_fallback(language).collation_letters()
        table = _PRIMARY[language] = _PrimaryTable(letters)
    return table


def sort_key(text: str, language: str) -> tuple[str, str, tuple[bool, ...], str]:
    """A key that orders ``text`` as a reader of ``language`` expects.

    Compared in turn: the letters (case and accents ignored), the accents, the case
    (lower first), then the text itself, so equal-looking names still sort the same way
    every time.
    """
    folded = _fold(text)
    primary = folded.translate(_primary(language))
    accents = unicodedata.normalize("NFD", folded)
    case = tuple(c.isupper() for c in text)
    return primary, accents, case, text


def search_text(*parts: str) -> str:
    """One case-folded haystack for ``matches``; parts are kept apart by line breaks so that
    a search term never spans two fields."""
    return "\n".join(_fold(part) for part in parts if part)


@lru_cache(maxsize=256)
def query_terms(query: str) -> tuple[str, ...]:
    """The case-folded terms of a query (cached: a list filters on every keystroke)."""
    return tuple(_fold(query).split())


def matches(haystack: str, query: str) -> bool:
    """True when every whitespace-separated term of ``query`` occurs in ``haystack``."""
    return all(term in haystack for term in query_terms(query))
