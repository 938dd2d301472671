"""What a backup's values may mean: the rules that Mentorapp keeps when it writes a value.

A value can be of the right type and still impossible — a role "boss", a status "hacked", a
capacity of −5 — and the rest of Mentorapp trusts the file not to hold one (the pipeline
counts statuses, matching fills a mentor's places, the workbook prints meeting numbers).
The backup reader checks each row against these rules after the row is decoded, so a backup
that was edited by hand or by a program is refused by table, row and column before anything
is written. The rules are those of the services and dialogs that write the values; they are
no stricter, so every backup Mentorapp wrote restores (an erased person's stub included).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from functools import cache
from typing import Any

from mentorapp.dataio.backup_csv import CsvProblem, excerpt
from mentorapp.domain.codes import education_fields, industries
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import LANGUAGES, N_
from mentorapp.impact.survey_model import OUTCOME_KINDS, SURVEY_KEYS
from mentorapp.people.fields import LANGUAGE_CODES
from mentorapp.planning.budget_lines import CATEGORY_KEYS, KINDS, MAX_ORE, kind_of
from mentorapp.planning.goals import MODES, OUTCOME_BY_KEY, UNITS

Check = Callable[[Any], None]
MAX_LOGO_BYTES = 5_000_000  # as programme_rules.check_logo
PAIR_RULES = ("locked", "never")


def one_of(allowed: Callable[[], Sequence[str]] | Sequence[str]) -> Check:
    def check(value: Any) -> None:
        choices = allowed() if callable(allowed) else allowed
        if value is not None and value not in choices:
            raise CsvProblem(
                N_("“{value}” is not one of the values Mentorapp uses here ({allowed})"),
                value=excerpt(value),
                allowed=excerpt(", ".join(choice or "“”" for choice in choices)),
            )

    return check


def between(low: int, high: int | None = None) -> Check:
    def check(value: Any) -> None:
        if value is None or (low <= value and (high is None or value <= high)):
            return
        if high is None:
            raise CsvProblem(
                N_("{value} is less than {low}, the least allowed"), value=value, low=low
            )
        raise CsvProblem(
            N_("{value} is outside what Mentorapp allows here ({low}–{high})"),
            value=value,
            low=low,
            high=high,
        )

    return check


def meeting_languages(value: str) -> None:
    """ "" (an erased person) or known codes once each, in the order Mentorapp writes them."""
    codes = value.split(",") if value else []
    if codes != [code for code in LANGUAGE_CODES if code in codes]:
        raise CsvProblem(
            N_("“{value}” is not a list of meeting languages Mentorapp knows ({allowed})"),
            value=excerpt(value),
            allowed=", ".join(LANGUAGE_CODES),
        )


def logo(value: bytes | None) -> None:
    if value is None:
        return
    if not (value.startswith(b"\x89PNG\r\n\x1a\n") or value.startswith(b"\xff\xd8\xff")):
        raise CsvProblem(N_("the logo is not a PNG or JPEG image"))
    if len(value) > MAX_LOGO_BYTES:
        raise CsvProblem(N_("the logo is larger than 5 MB"))


def json_object(value: str) -> None:
    """ "" or a JSON object: the erasure of a person reads a group's score notes as one."""
    if not value:
        return
    try:
        if isinstance(json.loads(value), dict):
            return
    except (ValueError, RecursionError):
        pass
    raise CsvProblem(N_("“{value}” is not the notes Mentorapp writes here"), value=excerpt(value))


@cache
def _education_codes() -> tuple[str, ...]:
    return ("", *(code.code for code in education_fields()))


@cache
def _industry_codes() -> tuple[str, ...]:
    return ("", *(code.code for code in industries()))


ROLES = tuple(role.value for role in Role)
STATUSES = tuple(status.value for status in EnrolmentStatus)

COLUMN_RULES: dict[tuple[str, str], Check] = {
    ("programme", "default_language"): one_of(LANGUAGES),
    ("programme", "meetings_per_round"): between(1, 12),
    ("programme", "months_per_round"): between(1, 24),
    ("programme", "logo"): logo,
    ("checklistentry", "stage"): one_of(tuple(stage.key for stage in STAGES)),
    ("person", "languages"): meeting_languages,
    ("person", "education_field"): one_of(_education_codes),
    ("person", "industry"): one_of(_industry_codes),
    ("person", "years_experience"): between(0),
    ("enrolment", "role"): one_of(ROLES),
    ("enrolment", "status"): one_of(STATUSES),
    ("enrolment", "capacity"): between(1, 3),
    ("statuschange", "from_status"): one_of(STATUSES),
    ("statuschange", "to_status"): one_of(STATUSES),
    ("eligibilitycriterion", "role"): one_of(ROLES),
    ("matchgroup", "language"): one_of(LANGUAGE_CODES),
    ("matchgroup", "score"): between(0, 100),
    ("matchgroup", "parts"): json_object,
    ("groupmember", "score"): between(0, 100),
    ("pairrule", "rule"): one_of(PAIR_RULES),
    ("plannedmeeting", "number"): between(1, 12),
    # The programme plan as planning.plan writes it.
    ("programmeplan", "pairs_per_round"): between(1, 500),
    ("programmeplan", "gatherings_per_round"): between(0, 20),
    ("programmeplan", "mode"): one_of(MODES),
    ("programmeplan", "languages"): meeting_languages,
    ("plangoal", "unit"): one_of(UNITS),
    ("plangoal", "measure"): one_of(("", *OUTCOME_BY_KEY)),
    ("budgetline", "kind"): one_of(KINDS),
    ("budgetline", "category"): one_of(CATEGORY_KEYS),
    ("budgetline", "planned"): between(0, MAX_ORE),
    ("budgetline", "actual"): between(0, MAX_ORE),
    ("budgetline", "rate"): between(0, MAX_ORE),
    # Interviews as people.interviews writes them.
    ("interview", "minutes"): between(5, 480),
    ("interview", "state"): one_of(("booked", "held", "cancelled")),
    ("interview", "decision"): one_of(("", "accepted", "waitlisted", "declined")),
    ("interviewanswer", "score"): between(1, 5),
    # The running period as running/ writes it.
    ("plannedmeeting", "state"): one_of(("planned", "held", "moved", "cancelled")),
    ("plannedmeeting", "minutes"): between(1, 600),
    ("plannedmeeting", "mode"): one_of(("", "in_person", "digital")),
    ("plannedmeeting", "sequence"): between(0),
    ("programme", "health_rules"): json_object,
    ("gathering", "minutes"): between(5, 1440),
    ("gathering", "sequence"): between(0),
    ("remindernote", "way"): one_of(("mail", "copy", "csv")),
    # Follow-up and impact as impact/ writes them.
    ("surveyresponse", "survey"): one_of(SURVEY_KEYS),
    ("surveyresponse", "source"): one_of(("entry", "import")),
    ("surveysent", "survey"): one_of(SURVEY_KEYS),
    ("surveysent", "way"): one_of(("handed", "mail", "copy", "csv")),
    ("outcome", "kind"): one_of(OUTCOME_KINDS),
    ("outcome", "in_field"): one_of(("", "yes", "partly", "no")),
    ("outcome", "through_programme"): one_of(("", "yes", "no")),
    ("referencefigure", "share"): between(0, 1),
}


def _cohort(row: dict[str, Any]) -> tuple[str, CsvProblem] | None:
    start, end, deadline = row["start"], row["end"], row["application_deadline"]
    if end <= start:
        return "end", CsvProblem(N_("the round ends on {end}, before it starts"), end=end)
    if deadline is not None and deadline > start:
        return "application_deadline", CsvProblem(
            N_("the application deadline {deadline} is after the round starts"), deadline=deadline
        )
    return None


def _enrolment(row: dict[str, Any]) -> tuple[str, CsvProblem] | None:
    if row["role"] != Role.MENTOR and row["capacity"] != 1:
        return "capacity", CsvProblem(N_("only a mentor can take more than one adept"))
    return None


def _budget_line(row: dict[str, Any]) -> tuple[str, CsvProblem] | None:
    if row["kind"] != kind_of(row["category"]):
        return "kind", CsvProblem(
            N_("a line of category “{category}” is never a “{kind}”"),
            category=excerpt(row["category"]),
            kind=excerpt(row["kind"]),
        )
    return None


ROW_RULES: dict[str, Callable[[dict[str, Any]], tuple[str, CsvProblem] | None]] = {
    "cohort": _cohort,
    "enrolment": _enrolment,
    "budgetline": _budget_line,
}


def column_checks(table: str, columns: list[str]) -> list[tuple[str, Check]]:
    """The checks of ``table``'s columns as (column, check), in column order."""
    return [(c, COLUMN_RULES[(table, c)]) for c in columns if (table, c) in COLUMN_RULES]


def row_problem(table: str, row: dict[str, Any]) -> tuple[str, CsvProblem] | None:
    """(column, problem) for a rule that spans columns, once each column is valid alone."""
    rule = ROW_RULES.get(table)
    return rule(row) if rule else None
