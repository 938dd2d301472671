"""``list``: the applicants of a round, as a table or as JSON for scripts."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from mentorapp.i18n import _, current_language

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.people.records import ParticipantRow
    from mentorapp.workspace.services import Services

ROLES = ("adept", "mentor")


def register(subparsers: argparse._SubParsersAction) -> None:
    people = subparsers.add_parser("list", help=_("list the applicants of a round"))
    people.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    people.add_argument("--role", choices=ROLES, help=_("only adepts or only mentors"))
    people.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    people.set_defaults(handler=list_people)


def list_people(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.people.pipeline import name_order
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        rows = services.participants.rows(cohort.id, args.role)
    language = current_language()
    rows.sort(key=lambda row: name_order(row, language))
    if args.json:
        print(json.dumps([as_json(row) for row in rows], indent=2))
    else:
        print(table(rows, show_role=args.role is None))
    return 0


def find_cohort(services: Services, name: str | None) -> Cohort:
    """The round called ``name`` (any case), or the current round when no name is given."""
    return services.programmes.round_named(name)


def as_json(row: ParticipantRow) -> dict[str, Any]:
    """One participant for scripts: stored codes, not translated labels."""
    item: dict[str, Any] = {
        "email": row.email,
        "first_name": row.first_name,
        "last_name": row.last_name,
        "role": row.role,
        "status": row.status,
        "status_changed_on": row.status_changed_on.isoformat() if row.status_changed_on else None,
        "phone": row.phone,
        "city": row.city,
        "digital": row.digital,
        "languages": list(row.languages),
        "education_level": row.education_level,
        "education_field": row.education_field,
        "education_field_text": row.education_field_text,
        "industry": row.industry,
        "industry_text": row.industry_text,
        "years_experience": row.years_experience,
        "job_title": row.job_title,
        "gender": row.gender,
    }
    if row.role == "mentor":
        item.update(capacity=row.capacity, employer=row.employer)
    else:
        item.update(goal=row.goal, preferred_mentor_gender=row.preferred_mentor_gender)
    return item


def table(rows: list[ParticipantRow], show_role: bool) -> str:
    """Aligned columns with translated headers; mentors' columns only when there are mentors."""
    from mentorapp.domain.enums import role_label, status_label

    columns: list[tuple[str, Any]] = [
        (_("Last name"), lambda r: r.last_name),
        (_("First name"), lambda r: r.first_name),
        (_("E-mail"), lambda r: r.email),
        (_("City"), lambda r: r.city),
        (_("Status"), lambda r: status_label(r.status)),
    ]
    if show_role:
        columns.insert(0, (_("Role"), lambda r: role_label(r.role)))
    if any(r.role == "mentor" for r in rows):
        columns += [
            (_("Employer"), lambda r: r.employer if r.role == "mentor" else ""),
            (_("Number of adepts"), lambda r: str(r.capacity) if r.role == "mentor" else ""),
        ]
    cells = [[header for header, _cell in columns]]
    cells += [[cell(row) for _header, cell in columns] for row in rows]
    widths = [max(len(line[i]) for line in cells) for i in range(len(columns))]
    lines = [
        "  ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip()
        for line in cells
    ]
    lines.insert(1, "  ".join("-" * width for width in widths))
    return "\n".join(lines)
