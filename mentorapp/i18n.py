"""Translations and locale-aware formatting.

English is the source language. Catalogs are gettext ``.po`` files managed with Babel in
``translations/``; they are compiled in memory on first use, so a source checkout and a
bundle behave alike and no generated ``.mo`` file has to be shipped.
"""

from __future__ import annotations

import gettext
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, time
from functools import cache

from mentorapp.domain import languages
from mentorapp.paths import translations_dir

DOMAIN = "mentorapp"
LANGUAGES: languages.Codes = languages.UI_CODES  # the UI languages, from the one table
DEFAULT_LANGUAGE = languages.FALLBACK

_current = DEFAULT_LANGUAGE
_translations: gettext.NullTranslations = gettext.NullTranslations()


@cache
def load_catalog(language: str) -> gettext.NullTranslations:
    """``translations/<language>/LC_MESSAGES/mentorapp.po`` as a live catalog."""
    from mentorapp.po_catalog import PoTranslations

    po_path = translations_dir() / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if not po_path.is_file():
        return gettext.NullTranslations()
    return PoTranslations(po_path)


def normalise_language(value: str | None) -> str:
    """Map a locale name such as ``sv_SE.UTF-8`` to one of our languages (English otherwise)."""
    if not value:
        return DEFAULT_LANGUAGE
    code = value.replace("-", "_").split("_")[0].split(".")[0].lower()
    return code if code in LANGUAGES else DEFAULT_LANGUAGE


def set_language(language: str) -> None:
    global _current, _translations
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    _current = language
    _translations = load_catalog(language)


# A document printed in another language than the window's (the programme plan in English
# from a Swedish window) speaks it in its own thread only: the window and other threads keep
# theirs.
_speaking = threading.local()


@contextmanager
def speaking(language: str) -> Iterator[None]:
    """Within the block, this thread's messages, dates and numbers are in ``language``."""
    if language not in LANGUAGES:
        raise ValueError(f"unsupported language: {language!r}")
    previous = getattr(_speaking, "language", None)
    _speaking.language = language
    try:
        yield
    finally:
        _speaking.language = previous


def _active() -> gettext.NullTranslations:
    language = getattr(_speaking, "language", None)
    return load_catalog(language) if language else _translations


def current_language() -> str:
    return getattr(_speaking, "language", None) or _current


def babel_locale(language: str | None = None) -> str:
    return languages.get(language or current_language()).babel_locale


def _(message: str) -> str:
    return _active().gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _active().ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a constant for extraction; it is translated where it is shown."""
    return message


def format_date(value: date | None, style: str = "medium") -> str:
    if value is None:
        return ""
    from babel.dates import format_date as babel_format_date

    return babel_format_date(value, style, locale=babel_locale())


def format_date_range(start: date | None, end: date | None) -> str:
    if start is None or end is None:
        return format_date(start or end)
    from babel.dates import format_interval

    return format_interval(start, end, "yMMMd", locale=babel_locale())


def format_number(value: float) -> str:
    from babel.numbers import format_decimal

    return format_decimal(value, locale=babel_locale())


def format_percent(share: float) -> str:
    from babel.numbers import format_percent as babel_format_percent

    return babel_format_percent(share, locale=babel_locale())


def format_time(value: time | datetime | None) -> str:
    """A clock time as the UI language writes it (13:30 in both Swedish and English)."""
    if value is None:
        return ""
    from babel.dates import format_time as babel_format_time

    return babel_format_time(value, "short", locale=babel_locale())


def format_datetime(value: datetime | None) -> str:
    """A date and a time, e.g. for an interview booking."""
    if value is None:
        return ""
    return f"{format_date(value.date())} {format_time(value)}"


def format_money(ore: int | None, currency: str = "SEK") -> str:
    """An amount kept in öre, in the UI language's currency format (e.g. "12 500,00 kr")."""
    if ore is None:
        return ""
    from decimal import Decimal

    from babel.numbers import format_currency

    return format_currency(Decimal(ore) / 100, currency, locale=babel_locale())
