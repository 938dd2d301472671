"""Export a round's adepts or mentors as a CSV file in the import format.

The file uses the import format's English headers, UTF-8 with a BOM (so Excel shows å, ä and ö)
and commas, so an exported file imports again unchanged: into a new database, another
programme or after a coordinator corrected it in a spreadsheet. A cell that would start a
formula is marked as text with a leading "'" (``csv_files.spreadsheet_cell``), which the
importer takes off again; the file is readable by its owner only.
"""

from __future__ import annotations

from pathlib import Path

from sqlmodel import col, select

from mentorapp.dataio.csv_files import write_csv
from mentorapp.db import Database
from mentorapp.domain.codes import education_field_label, industry_label
from mentorapp.domain.models import Enrolment, Organisation, Person
from mentorapp.i18n import current_language
from mentorapp.people.fields import FIELDS, FieldSpec
from mentorapp.programme.programmes import find_round


def export_fields(role: str) -> list[FieldSpec]:
    """The import format's fields for ``role``, in the format's order."""
    return [spec for spec in FIELDS if role in spec.roles]


def participant_rows(database: Database, cohort_name: str, role: str) -> list[list[str]]:
    """One list of cells per application, in the order the applications came in."""
    language = current_language()
    with database.reading() as session:
        cohort = find_round(session, cohort_name)
        query = (
            select(Enrolment, Person, Organisation.name)
            .join(Person, col(Person.id) == Enrolment.person_id)
            .outerjoin(Organisation, col(Organisation.id) == Person.organisation_id)
            .where(Enrolment.cohort_id == cohort.id, Enrolment.role == role)
            .order_by(col(Enrolment.id))
        )
        rows = session.exec(query).all()
    keys = [spec.key for spec in export_fields(role)]
    result = []
    for enrolment, person, employer in rows:
        values = {
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "phone": person.phone,
            "city": person.city,
            "digital": "yes" if person.digital else "no",
            "languages": ", ".join(code for code in person.languages.split(",") if code),
            "education_level": person.education_level,
            "education_field": person.education_field_text
            or education_field_label(person.education_field, language),
            "industry": person.industry_text or industry_label(person.industry, language),
            "years_experience": ""
            if person.years_experience is None
            else str(person.years_experience),
            "job_title": person.job_title,
            "employer": employer or "",
            "capacity": str(enrolment.capacity),
            "goal": enrolment.goal,
            "gender": person.gender,
            "preferred_mentor_gender": enrolment.preferred_mentor_gender,
        }
        result.append([values[key] for key in keys])
    return result


def write_participants_csv(database: Database, cohort_name: str, role: str, path: Path) -> int:
    """Write the file (replacing it only once complete) and return the number of rows."""
    rows = participant_rows(database, cohort_name, role)
    return write_csv(path, [spec.label for spec in export_fields(role)], rows)
