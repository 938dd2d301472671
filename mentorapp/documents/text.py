"""Text helpers for the PDF: escaping for platypus markup and dates in the book's language."""

from __future__ import annotations

from datetime import date
from html import escape

from mentorapp.domain import languages


def esc(text: str) -> str:
    """Text as platypus paragraph markup: ``&``, ``<`` and ``>`` are printed, not parsed."""
    return escape(text, quote=False)


def locale_for(language: str) -> str:
    """The Babel locale of ``language``'s row in the language table (British English else)."""
    return languages.get_or_fallback(language).babel_locale


def long_date(value: date, language: str) -> str:
    """E.g. "måndag 15 februari 2027" or "Monday, 15 February 2027"."""
    from babel.dates import format_date

    return format_date(value, "full", locale=locale_for(language))


def date_range(start: date, end: date, language: str) -> str:
    """E.g. "1 februari – 31 maj 2027", with month names in full (Babel's intervals abbreviate)."""
    from babel.dates import format_date

    locale = locale_for(language)
    first = "d MMMM" if start.year == end.year else "d MMMM y"
    until = format_date(end, "d MMMM y", locale=locale)
    return f"{format_date(start, first, locale=locale)} – {until}"


def split_title(title: str) -> tuple[str, str]:
    """Split "Meeting 1: Getting to know…" into ("Meeting 1", "Getting to know…").

    A title without a colon gives ("", title).
    """
    head, colon, rest = title.partition(":")
    if colon and head.strip() and rest.strip():
        return head.strip(), rest.strip()
    return "", title
