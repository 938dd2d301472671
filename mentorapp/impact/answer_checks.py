"""The checks every stored survey answer passes: the survey, the values, the day, who.

Kept apart from ``impact.answers`` (which stores them) because the import, the forms and the
commands ask the same questions before anything is written.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from sqlmodel import Session

from mentorapp.domain.dates import add_months
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Cohort, Enrolment, Person
from mentorapp.errors import Translated, ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.impact.population import RoundPeople, round_people
from mentorapp.impact.survey_content import load_content
from mentorapp.impact.survey_model import AUDIENCES, PARTNER_SURVEYS, SURVEY_KEYS, Survey
from mentorapp.impact.survey_values import check_value

SOURCES = ("entry", "import")
PERSON_SURVEYS = tuple(key for key in SURVEY_KEYS if key not in PARTNER_SURVEYS)
CONTENT_LANGUAGES = ("sv", "en")
# How long before a round starts an answer may be dated: a baseline is asked at the kick-off
# at the earliest, but a round may be planned (and its dates moved) a long way ahead.
MONTHS_BEFORE_ROUND = 12
KICK_OFF = "t0"  # the one survey an accepted adept not (yet) placed in a group may answer


def survey_name(survey: str) -> str:
    """The survey's title in the current language, for a sentence ("the end survey")."""
    language = current_language()
    content = load_content(language if language in CONTENT_LANGUAGES else "en")
    return content.survey(survey).title


def built_in_survey(survey: str) -> Survey:
    """The survey's built-in structure (its item keys are the same in every language)."""
    language = current_language()
    return load_content(language if language in CONTENT_LANGUAGES else "en").survey(survey)


def check_survey(survey: str) -> str:
    if survey not in SURVEY_KEYS:
        raise ValidationError(
            N_("“{survey}” is not a survey. Choose one of: {choices}."),
            "survey",
            survey=str(survey)[:40],
            choices=", ".join(SURVEY_KEYS),
        )
    return survey


def check_person_survey(survey: str) -> str:
    """A survey answered by adepts or mentors (the partner survey is an organisation's)."""
    if survey not in PERSON_SURVEYS:
        raise ValidationError(
            N_("“{survey}” is not a survey of the participants. Choose one of: {choices}."),
            "survey",
            survey=str(survey)[:40],
            choices=", ".join(PERSON_SURVEYS),
        )
    return survey


def check_values(survey: str, values: Mapping[str, str]) -> dict[str, str]:
    """The answers as stored: every key an item of the survey, every value normalised; blank
    ones dropped. At least one answer must be left."""
    structure = built_in_survey(survey)
    result = {}
    for key, value in values.items():
        item = structure.item(key) if isinstance(key, str) else None
        if item is None:
            raise ValidationError(
                N_("“{item}” is not a question of “{survey}”. Its questions are: {choices}."),
                "item",
                item=str(key)[:60],
                survey=structure.title,
                choices=", ".join(i.key for i in structure.items),
            )
        raw: object = value  # a script may pass a number or None
        checked = check_value(item, "" if raw is None else str(raw))
        if checked != "":
            result[key] = checked
    if not result:
        raise ValidationError(
            N_(
                "No question of “{survey}” is answered. Fill in at least one, or remove the "
                "answers."
            ),
            "values",
            survey=structure.title,
        )
    return result


def check_day(answered_on: date, cohort: Cohort, today: date | None = None) -> date:
    """Not in the future, and not long before the round."""
    today = today or date.today()
    if not isinstance(answered_on, date):
        raise ValidationError(N_("Give the day the survey was answered."), "answered_on")
    if answered_on > today:
        raise ValidationError(
            N_("The survey cannot have been answered on {day}: that is in the future."),
            "answered_on",
            day=answered_on.isoformat(),
        )
    earliest = add_months(cohort.start, -MONTHS_BEFORE_ROUND)
    if answered_on < earliest:
        raise ValidationError(
            N_(
                "The survey cannot have been answered on {day}, long before the round "
                "“{round}” started."
            ),
            "answered_on",
            day=answered_on.isoformat(),
            round=cohort.name,
        )
    return answered_on


def check_source(source: str) -> str:
    if source not in SOURCES:
        raise ValidationError(
            N_("“{source}” is not a way answers come in: choose one of {choices}."),
            "source",
            source=str(source)[:40],
            choices=", ".join(SOURCES),
        )
    return source


def may_answer(
    session: Session,
    enrolment_id: int,
    survey: str,
    cohort_id: int | None = None,
    people: RoundPeople | None = None,
) -> tuple[Enrolment, Cohort]:
    """The enrolment, when it is of the round (``cohort_id``) and the survey's audience and
    took part (or was accepted, and so is handed the kick-off survey: only that one, since an
    adept never placed has no end or follow-up to tell of). Never an erased person's stub:
    nothing personal may be stored on it again. ``people``: the round's, when the caller
    checks many answers of one round (read once, not per answer)."""
    enrolment = (
        session.get(Enrolment, enrolment_id)
        if isinstance(enrolment_id, int) and not isinstance(enrolment_id, bool)
        else None
    )
    if enrolment is None or (cohort_id is not None and enrolment.cohort_id != cohort_id):
        raise ValidationError(N_("This participant is not in this round."), "enrolment")
    cohort = session.get(Cohort, enrolment.cohort_id)
    assert cohort is not None and enrolment.id is not None
    if is_erased_enrolment(session, enrolment):
        raise ValidationError(
            N_("This person's data has been erased, so no answers can be stored for them."),
            "enrolment",
        )
    name = person_name(session, enrolment)
    audience = AUDIENCES[survey]
    if enrolment.role != audience:
        raise ValidationError(
            N_("{name} is not asked “{survey}”: it is for the round's {audience}."),
            "enrolment",
            name=name,
            survey=survey_name(survey),
            audience=_audience_word(audience),
        )
    if people is None or cohort_id is None:
        people = round_people(session, enrolment.cohort_id)
    accepted = enrolment.status == EnrolmentStatus.ACCEPTED.value and survey == KICK_OFF
    took_part = accepted or enrolment.id in people.of_role(audience)
    if not took_part:
        raise ValidationError(
            N_("{name} did not take part in the round “{round}”, so there is nothing to answer."),
            "enrolment",
            name=name,
            round=cohort.name,
        )
    return enrolment, cohort


def is_erased_enrolment(session: Session, enrolment: Enrolment) -> bool:
    """Whether the enrolment is an erased person's anonymous stub (``privacy.is_erased``)."""
    from mentorapp.people.privacy import is_erased  # privacy imports the answers module

    person = session.get(Person, enrolment.person_id)
    return person is None or is_erased(person.email)


def _audience_word(audience: str) -> Translated:
    return Translated(N_("adepts") if audience == Role.ADEPT.value else N_("mentors"))


def person_name(session: Session, enrolment: Enrolment) -> str:
    person = session.get(Person, enrolment.person_id)
    if person is None:
        return str(enrolment.id)
    return f"{person.first_name} {person.last_name}".strip() or person.email
