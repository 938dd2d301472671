"""Helpers for the workbook tests: a round with accepted groups, and reading PDFs back."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from itertools import count
from pathlib import Path

from pypdf import PdfReader

from mentorapp.domain.models import (
    Enrolment,
    GroupMember,
    MatchGroup,
    Person,
    PlannedMeeting,
    Programme,
)
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from mentorapp.workspace.services import Services

DATA = Path(__file__).parent / "data"
NAMES = ["Łukasz Żółć", "Nguyễn Thị Đặng", "Şükrü Çelik", "Ștefan Năstase", "Åsa Öberg"]
_emails = count(1)


def tiny_png() -> bytes:
    """A small two-colour logo, wider than it is high."""
    from PIL import Image

    image = Image.new("RGB", (240, 80), "#1d5c6b")
    image.paste((240, 180, 60), (160, 0, 240, 80))
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def make_round(services: Services, logo: bytes | None = None) -> int:
    """A programme with a contact person and one round, "Vår 2027"; returns the round's id."""
    programme = services.programmes.save_programme(
        ProgrammeDraft(
            organisation="Föreningen Broar",
            name="Mentorskap 2027",
            contact_name="Åsa Öberg",
            contact_email="asa.oberg@broar.example",
        )
    )
    if logo is not None:
        with services.database.transaction() as session:
            stored = session.get(Programme, programme.id)
            stored.logo = logo
    draft = CohortDraft("Vår 2027", date(2027, 2, 1), date(2027, 5, 31), date(2027, 1, 10))
    return services.programmes.save_cohort(programme.id, draft).id


def add_group(
    services: Services,
    cohort_id: int,
    mentor: str,
    adepts: list[str],
    language: str = "sv",
    meetings: dict[int, date] | None = None,
) -> int:
    """An accepted group written straight into the tables; returns the group's id."""
    with services.database.transaction() as session:

        def enrol(name: str, role: str) -> int:
            first, last = name.rsplit(" ", 1) if " " in name else (name, "")
            person = Person(first_name=first, last_name=last, email=f"p{next(_emails)}@x.example")
            session.add(person)
            session.flush()
            enrolment = Enrolment(
                person_id=person.id, cohort_id=cohort_id, role=role, status="accepted"
            )
            session.add(enrolment)
            session.flush()
            return enrolment.id

        group = MatchGroup(
            cohort_id=cohort_id, mentor_enrolment_id=enrol(mentor, "mentor"), language=language
        )
        session.add(group)
        session.flush()
        for adept in adepts:
            session.add(GroupMember(group_id=group.id, adept_enrolment_id=enrol(adept, "adept")))
        for number, planned_on in (meetings or {}).items():
            session.add(PlannedMeeting(group_id=group.id, number=number, planned_on=planned_on))
        return group.id


def pdf_text(path: Path) -> str:
    """The PDF's text, by pdftotext where installed (as a reader would copy it), else pypdf."""
    if shutil.which("pdftotext"):
        result = subprocess.run(
            ["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True, check=True
        )
        return result.stdout.decode("utf-8")
    return "\n".join(page.extract_text() for page in PdfReader(path).pages)


def page_texts(path: Path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]
