"""Small builders shared by the import tests: CSV bytes, a valid row, table counts."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func
from sqlmodel import select

from mentorapp.db import Database
from mentorapp.domain.models import (
    Cohort,
    Enrolment,
    Organisation,
    Person,
    Programme,
    StatusChange,
)

# The project's shared sample files when the checkout sits beside shared/, else the copies
# kept with the tests (the same files), so the samples are always tested.
_SHARED = Path(__file__).parents[2].parent / "shared" / "samples"
SAMPLES = _SHARED if _SHARED.is_dir() else Path(__file__).parents[1] / "data" / "samples"

HEADER = ["First name", "Last name", "Email", "City", "Languages", "Field of education", "Industry"]


def row(first: str = "Amal", email: str | None = None, **changes: str) -> list[str]:
    """A valid adept row for HEADER; keyword arguments replace single values."""
    values = {
        "first": first,
        "last": "Yousef",
        "email": email or f"{first.lower()}@example.com",
        "city": "Malmö",
        "languages": "sv",
        "field": "Ekonomi",
        "industry": "Handel",
    }
    values.update(changes)
    return list(values.values())


def quote(cell: str, delimiter: str) -> str:
    if any(c in cell for c in (delimiter, '"', "\n", "\r")) or cell != cell.strip():
        return '"' + cell.replace('"', '""') + '"'
    return cell


def csv_text(rows: list[list[str]], delimiter: str = ",", line_end: str = "\n") -> str:
    return "".join(delimiter.join(quote(c, delimiter) for c in r) + line_end for r in rows)


def csv_bytes(
    rows: list[list[str]],
    delimiter: str = ",",
    encoding: str = "utf-8",
    line_end: str = "\n",
) -> bytes:
    return csv_text(rows, delimiter, line_end).encode(encoding)


def counts(database: Database) -> dict[str, int]:
    with database.reading() as session:
        return {
            model.__name__: session.exec(select(func.count()).select_from(model)).one()
            for model in (Programme, Cohort, Organisation, Person, Enrolment, StatusChange)
        }


def people(database: Database) -> dict[str, Person]:
    with database.reading() as session:
        return {p.email: p for p in session.exec(select(Person))}


def enrolments(database: Database) -> list[Enrolment]:
    with database.reading() as session:
        return list(session.exec(select(Enrolment).order_by(Enrolment.id)))
