"""A day as people and form tools write it: "2026-10-02", "2/10", "2 okt 2026", "Oct 2, 2026".

Check-in forms and a coordinator typing into a table both give dates in whatever shape their
locale uses, so this reads the common ones in Swedish and English rather than asking for one.
Dates with slashes are ambiguous (02/10/2026 is 2 October in Sweden and Britain, 10/2/2026
is 2 October in the United States): the caller says which order it expects, and
``slash_order`` finds it from a whole column's values when the values themselves tell.
A date without a year takes the year that puts it nearest to a reference day.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from datetime import date, timedelta

DAY_FIRST, MONTH_FIRST = "day_first", "month_first"

_MONTHS: dict[str, int] = {}
for _number, _names in enumerate(
    (
        ("januari", "january", "jan"),
        ("februari", "february", "feb"),
        ("mars", "march", "mar"),
        ("april", "apr"),
        ("maj", "may"),
        ("juni", "june", "jun"),
        ("juli", "july", "jul"),
        ("augusti", "august", "aug"),
        ("september", "sept", "sep"),
        ("oktober", "october", "okt", "oct"),
        ("november", "nov"),
        ("december", "dec"),
    ),
    start=1,
):
    for _name in _names:
        _MONTHS[_name] = _number

# Words that may stand beside a date and say nothing about it: weekdays, "den", "the", "of".
_FILLER = {
    *("mandag", "tisdag", "onsdag", "torsdag", "fredag", "lordag", "sondag"),
    *("man", "tis", "ons", "tor", "tors", "fre", "lor", "son"),
    *("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"),
    *("mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"),
    *("den", "the", "of", "on"),
}
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})")
_SLASH = re.compile(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?")
_DOTTED = re.compile(r"(\d{1,2})[.-](\d{1,2})(?:[.-](\d{2}|\d{4}))?\.?")
# A time after the date, as form tools write their timestamps: "14:35:12", "2:35 PM",
# Google's "2:35:12 PM GMT+2".
_TIME = re.compile(
    r"[ T]+\d{1,2}[:.]\d{2}(?:[:.]\d{2}(?:[.,]\d+)?)?(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:Z|[+-]\d{2}:?\d{2}|(?:GMT|UTC)[+-]\d{1,2}(?::?\d{2})?|[A-Z]{2,5}))?$",
    re.IGNORECASE,
)
_ORDINAL = re.compile(r"(\d{1,2})(?:st|nd|rd|th|:a|:e)$")
_TOKEN = re.compile(r"[^\W_]+(?::[ae])?|\d+")


def _fold(text: str) -> str:
    """Lower case without accents, so "Lördag" and "lordag" are one word."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_day(text: str, reference: date, order: str = DAY_FIRST) -> date | None:
    """The day ``text`` names, or None when it names none (or one that does not exist).

    ``reference`` chooses the year of a date written without one (the nearest such day);
    ``order`` says how to read a date with slashes whose year comes last.
    """
    value = " ".join(text.split()).strip(" ,.")
    if not value:
        return None
    try:
        return _parse(value, reference, order)
    except ValueError:  # 31/2/2026, 2026-13-01: no such day
        return None


def day_of_timestamp(text: str, reference: date, order: str = DAY_FIRST) -> date | None:
    """The day of a form tool's timestamp ("2026-10-02 14:35:12", "10/2/26 2:35:12 PM")."""
    value = " ".join(text.split())
    return parse_day(_TIME.sub("", value), reference, order)


def _parse(value: str, reference: date, order: str) -> date | None:
    if match := _ISO.fullmatch(value):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _COMPACT.fullmatch(value):
        return date(int(match[1]), int(match[2]), int(match[3]))
    if match := _SLASH.fullmatch(value):
        first, second = int(match[1]), int(match[2])
        day, month = (second, first) if order == MONTH_FIRST and match[3] else (first, second)
        return _dated(day, month, match[3], reference)
    if match := _DOTTED.fullmatch(value):
        return _dated(int(match[1]), int(match[2]), match[3], reference)
    return _with_month_name(value, reference)


def _with_month_name(value: str, reference: date) -> date | None:
    """ "2 okt 2026", "den 2 oktober", "October 2, 2026", "fredag 2 okt." """
    tokens = [t for t in _TOKEN.findall(_fold(value)) if t not in _FILLER]
    month = day = year = None
    for token in tokens:
        if token in _MONTHS and month is None:
            month = _MONTHS[token]
            continue
        ordinal = _ORDINAL.fullmatch(token)
        digits = ordinal[1] if ordinal else token
        if not digits.isdigit():
            return None
        if len(digits) == 4 and year is None:
            year = digits
        elif len(digits) <= 2 and day is None:
            day = int(digits)
        else:
            return None
    if month is None or day is None:
        return None
    return _dated(day, month, year, reference)


def _dated(day: int, month: int, year: str | None, reference: date) -> date:
    if year is None:
        return _nearest(day, month, reference)
    full = int(year) + 2000 if len(year) == 2 else int(year)
    return date(full, month, day)


def _nearest(day: int, month: int, reference: date) -> date:
    """The day and month in the year that puts it nearest to ``reference``."""
    candidates = []
    for year in (reference.year - 1, reference.year, reference.year + 1):
        try:
            candidates.append(date(year, month, day))
        except ValueError:  # 29 February in a year without it
            continue
    if not candidates:
        raise ValueError("no such day")
    return min(candidates, key=lambda d: (abs(d - reference), d > reference))


def slash_order(values: Iterable[str]) -> tuple[str, bool]:
    """How the slash dates (with a year) among ``values`` are written, and whether that was
    guessed: a first number above 12 means day first, a second above 12 month first. When no
    value tells (or they disagree), day first, as Swedish and British tools write them; the
    second value is then True if some date read that way could also be read the other way."""
    day_first = month_first = ambiguous = False
    for raw in values:
        value = _TIME.sub("", " ".join(raw.split()))
        match = _SLASH.fullmatch(value.strip(" ,."))
        if match is None or match[3] is None:
            continue
        first, second = int(match[1]), int(match[2])
        if first > 12:
            day_first = True
        elif second > 12:
            month_first = True
        elif first != second:
            ambiguous = True
    if month_first and not day_first:
        return MONTH_FIRST, False
    return DAY_FIRST, ambiguous and not day_first


def within(day: date, start: date, end: date, margin_days: int) -> bool:
    """Whether ``day`` lies within ``margin_days`` of the period from ``start`` to ``end``."""
    margin = timedelta(days=margin_days)
    return start - margin <= day <= end + margin
