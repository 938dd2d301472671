"""Rules for a programme and its rounds: what a valid one looks like, and how to describe it.

Plain values and checks with no database, shared by the service and the GUI's dialogs.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from mentorapp.domain.languages import ui_languages
from mentorapp.domain.text import fold, is_email
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_, _, format_date, ngettext

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort


@dataclass
class ProgrammeDraft:
    organisation: str
    name: str
    contact_name: str = ""
    contact_email: str = ""
    default_language: str = "sv"
    meetings_per_round: int = 4
    months_per_round: int = 4
    logo: bytes | None = None  # PNG or JPEG for the workbook's cover


@dataclass
class CohortDraft:
    name: str
    start: date
    end: date
    application_deadline: date | None = None


def validate_programme(draft: ProgrammeDraft) -> None:
    if not draft.organisation.strip():
        raise ValidationError(N_("Please enter the organisation's name."), field="organisation")
    if not draft.name.strip():
        raise ValidationError(N_("Please give the programme a name."), field="name")
    if draft.contact_email.strip() and not is_email(draft.contact_email):
        raise ValidationError(
            N_("“{email}” is not a complete e-mail address (like name@example.se)."),
            field="contact_email",
            email=draft.contact_email.strip(),
        )
    if draft.default_language not in LANGUAGES:
        raise ValidationError(
            N_("Choose one of the languages Mentorapp speaks: {languages}."),
            field="default_language",
            languages=", ".join(row.native_name for row in ui_languages()),
        )
    if not 1 <= draft.meetings_per_round <= 12:
        raise ValidationError(
            N_("The number of meetings per round must be between 1 and 12."),
            field="meetings_per_round",
        )
    check_logo(draft.logo)
    if not 1 <= draft.months_per_round <= 24:
        raise ValidationError(
            N_("A round must last between 1 and 24 months."), field="months_per_round"
        )


def check_logo(data: bytes | None) -> None:
    """A logo must be a PNG or JPEG image of a sensible size: it goes on every cover."""
    if data is None:
        return
    if not (data.startswith(b"\x89PNG\r\n\x1a\n") or data.startswith(b"\xff\xd8\xff")):
        raise ValidationError(N_("The logo must be a PNG or JPEG image."), field="logo")
    if len(data) > 5_000_000:
        raise ValidationError(
            N_("The logo is larger than 5 MB. Save a smaller version and choose it again."),
            field="logo",
        )


def validate_cohort(draft: CohortDraft, existing_names: list[str]) -> None:
    name = draft.name.strip()
    if not name:
        raise ValidationError(N_("Please give the round a name, such as “Spring 2027”."), "name")
    if fold(name) in {fold(other) for other in existing_names}:
        raise ValidationError(
            N_("There is already a round called “{name}”. Choose another name."), "name", name=name
        )
    if draft.end <= draft.start:
        raise ValidationError(N_("The round must end after it starts."), field="end")
    if draft.application_deadline and draft.application_deadline > draft.start:
        raise ValidationError(
            N_("The application deadline must be on or before the day the round starts."),
            field="application_deadline",
        )


def describe_round_timing(cohort: Cohort, today: date) -> str:
    """One sentence about where the round is in time, for the overview."""
    if cohort.application_deadline and today <= cohort.application_deadline:
        days = (cohort.application_deadline - today).days
        return ngettext(
            "Applications are open; {n} day left until the deadline.",
            "Applications are open; {n} days left until the deadline.",
            days,
        ).format(n=days)
    if today < cohort.start:
        days = (cohort.start - today).days
        return ngettext(
            "The round starts in {n} day.", "The round starts in {n} days.", days
        ).format(n=days)
    if today <= cohort.end:
        week = (today - cohort.start).days // 7 + 1
        weeks = max((cohort.end - cohort.start).days // 7 + 1, week)
        return _("The round is running: week {week} of {weeks}.").format(week=week, weeks=weeks)
    return _("The round ended on {date}.").format(date=format_date(cohort.end, "long"))


def suggest_round_name(start: date) -> str:
    """“Spring 2027” or “Autumn 2027”, from the month the round starts."""
    season = _("Spring {year}") if start.month <= 6 else _("Autumn {year}")
    return season.format(year=start.year)
