"""``status``: move applications of a round to another pipeline status, as the GUI does.

Every move is a dated history row with its reason (``PipelineService.change_status``), so a
script that accepts or declines applicants leaves the same trace as the coordinator's clicks.
All or nothing: one address that did not apply to the round (or is ambiguous) changes nobody.

JSON shape::

    {"changed": [{"email": email, "from": status, "to": status}]}

"from" and "to" are the stored status keys; applications already at ``--to`` are left
alone and not listed.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING

from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.people.records import ParticipantRow

STATUSES = tuple(status.value for status in EnrolmentStatus)
ROLES = tuple(role.value for role in Role)
NOT_IN_ROUND = {
    None: N_("{emails} did not apply to “{round}”, so nothing was changed."),
    Role.ADEPT.value: N_(
        "{emails} did not apply to “{round}” as an adept, so nothing was changed."
    ),
    Role.MENTOR.value: N_(
        "{emails} did not apply to “{round}” as a mentor, so nothing was changed."
    ),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    status = subparsers.add_parser(
        "status", help=_("move applications of a round to another status")
    )
    status.add_argument("emails", nargs="+", metavar=_("EMAIL"), help=_("the applicants' e-mails"))
    status.add_argument("--cohort", required=True, metavar=_("ROUND"), help=_("the round's name"))
    status.add_argument("--to", required=True, choices=STATUSES, help=_("the new status"))
    status.add_argument(
        "--reason", default="", metavar=_("TEXT"), help=_("why, shown in the history")
    )
    status.add_argument(
        "--role", choices=ROLES, help=_("which application, for someone who applied in both roles")
    )
    status.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    status.set_defaults(handler=change_status)


def change_status(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.workspace.services import Services

    with Services.to_write(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        rows = services.participants.rows(cohort.id, args.role)
        chosen = choose(rows, args.emails, cohort, args.role)
        moving = [row for row in chosen if row.status != args.to]
        services.pipeline.change_status([row.enrolment_id for row in moving], args.to, args.reason)
    if args.json:
        changed = [{"email": row.email, "from": row.status, "to": args.to} for row in moving]
        print(json.dumps({"changed": changed}, indent=2))
    else:
        print(summary(cohort.name, args.to, moving, len(chosen) - len(moving)))
    return 0


def choose(
    rows: list[ParticipantRow], emails: list[str], cohort: Cohort, role: str | None
) -> list[ParticipantRow]:
    """The round's application for each address (in the one form addresses are compared in),
    or a refusal naming every address that did not apply or applied in both roles."""
    from mentorapp.domain.text import normalise_email

    by_email: dict[str, list[ParticipantRow]] = {}
    for row in rows:
        by_email.setdefault(normalise_email(row.email), []).append(row)
    wanted = list(dict.fromkeys(normalise_email(email) for email in emails))
    missing = [email for email in wanted if email not in by_email]
    if missing:
        raise ValidationError(
            NOT_IN_ROUND[role],
            "email",
            emails=_quoted(missing),
            round=cohort.name,
        )
    both = [email for email in wanted if len(by_email[email]) > 1]
    if both:
        raise ValidationError(
            N_(
                "{emails} applied to “{round}” both as an adept and as a mentor, so nothing "
                "was changed: choose one with --role adept or --role mentor."
            ),
            "email",
            emails=_quoted(both),
            round=cohort.name,
        )
    return [by_email[email][0] for email in wanted]


def _quoted(emails: list[str]) -> str:
    return ", ".join(f"“{email}”" for email in emails)


def summary(round_name: str, to_status: str, moved: list[ParticipantRow], already: int) -> str:
    """What was moved, one line per application, in the current UI language."""
    from mentorapp.domain.enums import status_label

    target = status_label(to_status)
    count = len(moved)
    lines = [
        ngettext(
            "Moved {count} application in {round} to “{status}”.",
            "Moved {count} applications in {round} to “{status}”.",
            count,
        ).format(count=count, round=round_name, status=target)
    ]
    lines += [
        _("  {name} <{email}>: {before} → {after}").format(
            name=row.name, email=row.email, before=status_label(row.status), after=target
        )
        for row in moved
    ]
    if already:
        lines.append(
            ngettext(
                "{count} application was “{status}” already and was left as it was.",
                "{count} applications were “{status}” already and were left as they were.",
                already,
            ).format(count=already, status=target)
        )
    return "\n".join(lines)
