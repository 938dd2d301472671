"""Which column of a check-in form's answers holds what, and what is missing from the headers.

The form tools name their columns after the questions a programme wrote ("Datum för träffen",
"Mentorns e-post", "Which meeting was it?") and add columns of their own (a timestamp, the
responder's account, an id). This module reads the header row alone, without the round: it
finds the e-mail, group, meeting, date, comment and timestamp columns, lists the columns left
out, and says which missing column keeps every row from being read. It is kept apart from
reading the rows (``checkin_rows``) so the words that recognise a question can grow without
touching the rules for a meeting.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from mentorapp.dataio.columns import looks_like_addresses, normalise_header
from mentorapp.dataio.csv_source import CsvTable
from mentorapp.dataio.row_rules import RowProblem
from mentorapp.i18n import N_, _

__all__ = ["WORD", "Columns", "find_columns", "fold", "header_problems"]

# Headers compared without case and accents ("Tidstämpel" = "tidstampel").
_TIMESTAMPS = (  # the form tool's time of answering, best first
    ("completion time", "slutforandetid"),
    ("timestamp", "tidstampel", "submitted", "inskickad", "skickad"),
    ("start time", "starttid"),
)
_IGNORED = {  # the form tools' other columns of their own
    "id",
    "name",
    "namn",
    "last modified time",
    "senaste andringstid",
    "score",
    "poang",
    "total points",
    "points",
}
_ACCOUNT = {"email", "e-post"}  # Microsoft Forms: the responder's account, or "anonymous"
_EXACT = {
    "traffdatum": "date",
    "motesdatum": "date",
    "traffnummer": "number",
    "motesnummer": "number",
    "#": "number",
}
# Words of a question that name what its column holds, in this order of precedence: "Datum för
# träffen" is a date, "Kommentar till mentorn" a comment, "Mentorns e-post" the group.
_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("date", ("datum", "date", "when", "nar", "dag", "day")),
    (
        "comment",
        (
            *("kommentar", "comment", "note", "anteckning", "ovrigt", "other", "remark"),
            *("feedback", "pratade", "talk", "discuss", "beratta", "tell"),
        ),
    ),
    ("group", ("mentor", "grupp", "group", "par", "pair")),
    (
        "email",
        ("e-post", "epost", "email", "e-mail", "mejl", "mail", "e-postadress", "mejladress"),
    ),
    ("number", ("traff", "meeting", "mote", "number", "nummer", "nr", "session", "vilken")),
)
# A word of a question or an answer ("#" is one); checkin_rows reads meeting numbers with it.
WORD = re.compile(r"[^\W_]+(?:-[^\W_]+)*|#")
_LABELS = {
    "person": N_("E-mail or group"),
    "number": N_("Meeting"),
    "date": N_("Date"),
}


def fold(text: str) -> str:
    """A header or a name as compared: lower case, no accents, single spaces."""
    decomposed = unicodedata.normalize("NFD", normalise_header(text))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@dataclass(frozen=True)
class Columns:
    """Where each thing a row says is: a column's index, or None if the file has none."""

    person: int | None  # e-mail column
    group: int | None
    number: int | None
    day: int | None
    comment: int | None
    timestamp: int | None
    headers: list[str]

    @property
    def when(self) -> int | None:
        """The column a row's day comes from: its date, else the form's timestamp."""
        return self.day if self.day is not None else self.timestamp

    def header(self, index: int | None, key: str) -> str:
        if index is None:
            return _(_LABELS[key])
        return self.headers[index] or _("column {number}").format(number=index + 1)


def _key(name: str) -> str | None:
    if name in _EXACT:
        return _EXACT[name]
    tokens = WORD.findall(name)
    for key, words in _WORDS:
        if any(_has(word, tokens) for word in words):
            return key
    return None


def _has(word: str, tokens: Sequence[str]) -> bool:
    """A word of the question, or one it begins (for words of four letters or more)."""
    return any(t == word or (len(word) >= 4 and t.startswith(word)) for t in tokens)


def find_columns(table: CsvTable) -> tuple[Columns, list[str]]:
    """Which column holds what, and the headers of the columns that are left out."""
    names = [fold(header) for header in table.headers]
    found: dict[str, list[int]] = {}
    timestamps: list[tuple[int, int]] = []  # (rank, index)
    accounts: list[int] = []
    for index, name in enumerate(names):
        rank = next((r for r, group in enumerate(_TIMESTAMPS) if name in group), None)
        if rank is not None:
            timestamps.append((rank, index))
        elif name in _ACCOUNT:
            accounts.append(index)
        elif name and name not in _IGNORED and (key := _key(name)) is not None:
            found.setdefault(key, []).append(index)
    emails = found.get("email", []) + accounts
    # A question answered with addresses beats a form's account column ("anonymous").
    person = max(
        emails,
        key=lambda i: (looks_like_addresses(table.rows, i), i not in accounts, -i),
        default=None,
    )
    columns = Columns(
        person=person,
        group=_first(found, "group"),
        number=_first(found, "number"),
        day=_first(found, "date"),
        comment=_first(found, "comment"),
        timestamp=min(timestamps)[1] if timestamps else None,
        headers=table.headers,
    )
    used = {
        columns.person,
        columns.group,
        columns.number,
        columns.day,
        columns.comment,
        columns.timestamp,
    }
    ignored = [
        header or _("column {number} (no header)").format(number=index + 1)
        for index, header in enumerate(table.headers)
        if index not in used and (header or any(cells[index] for _n, cells in table.rows))
    ]
    return columns, ignored


def _first(found: dict[str, list[int]], key: str) -> int | None:
    indexes = found.get(key)
    return indexes[0] if indexes else None


def header_problems(columns: Columns, count: int) -> list[RowProblem]:
    problems = []
    if columns.person is None and columns.group is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["person"]),
                N_(
                    "The file has no column that says whose meeting it was, so no row can be "
                    "read. Add a column “Email” with the mentor's or the adept's e-mail "
                    "address, or a column “Mentor” with the mentor's name or e-mail address."
                ),
            )
        )
    if columns.number is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["number"]),
                N_(
                    "The file has no column with the meeting's number, so no row can be read. "
                    "Add a column “Meeting” with a number from 1 to {count}."
                ),
                {"count": count},
            )
        )
    if columns.day is None and columns.timestamp is None:
        problems.append(
            RowProblem(
                1,
                _(_LABELS["date"]),
                N_(
                    "The file has neither a date column nor the form's time of answering, so "
                    "no meeting has a day. Add a column “Date” with the day each meeting was "
                    "held."
                ),
            )
        )
    return problems
