"""Who still owes an answer: per survey, who it was handed to, who answered, who is missing.

The people are those the survey is for (``impact.population.round_people``), the same base as
the impact report's response rate, so the two never disagree. "Sent" is what the coordinator
did: handed the paper form out, or drafted a reminder (Mentorapp never sends e-mail). A
reminder goes through the meeting reminders' path (``running.reminders``, the set
"survey:<key>"), and only to those who have not answered and have not left the round.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import Enrolment, SurveySent
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.impact.answer_checks import check_person_survey, may_answer
from mentorapp.impact.answers import SurveyPerson, survey_people
from mentorapp.impact.population import round_people
from mentorapp.running.reminder_recipients import SURVEY
from mentorapp.running.reminders import WAYS, Draft, ReminderService, note_draft_in

HANDED = "handed"
SENT_WAYS = (HANDED, *WAYS)  # on paper, or as a reminder is drafted: mail, copy, csv


@dataclass(frozen=True)
class SurveyStatus:
    survey: str
    people: tuple[SurveyPerson, ...]  # everyone the survey is for
    sent: int  # how many of them it was handed to or reminded of
    answered: int
    missing: tuple[SurveyPerson, ...]  # those of ``people`` without an answer
    rate: float | None  # answered / people (None when the survey is for nobody yet)


def _ids(enrolment_ids: Iterable[int]) -> list[int]:
    ids = list(dict.fromkeys(enrolment_ids))
    if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
        raise ValidationError(N_("This participant is not in this round."), "enrolment")
    return ids


def _add_sent(session: Session, ids: list[int], survey: str, way: str, on: date) -> None:
    session.add_all(SurveySent(enrolment_id=i, survey=survey, sent_on=on, way=way) for i in ids)


class OwedService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._reminders = ReminderService(database)

    def status(self, cohort_id: int, survey: str) -> SurveyStatus:
        """The survey's people with the counts and the response rate shown beside them."""
        with self._db.reading() as session:
            people = tuple(survey_people(session, cohort_id, survey))
        missing = tuple(p for p in people if p.answered_on is None)
        answered = len(people) - len(missing)
        sent = sum(1 for p in people if p.sent_on is not None)
        rate = answered / len(people) if people else None
        return SurveyStatus(survey, people, sent, answered, missing, rate)

    def mark_sent(
        self,
        enrolment_ids: Iterable[int],
        survey: str,
        way: str = HANDED,
        on: date | None = None,
    ) -> int:
        """Note that the survey was handed to these people (all or none); returns how many."""
        check_person_survey(survey)
        way = _way(way)
        on = _day(on)
        ids = _ids(enrolment_ids)
        with self._db.transaction() as session:
            # Everyone of a round is checked against that round's people, read once.
            rounds = dict(
                session.exec(
                    select(Enrolment.id, Enrolment.cohort_id).where(col(Enrolment.id).in_(ids))
                ).all()
            )
            people = {cohort: round_people(session, cohort) for cohort in set(rounds.values())}
            for enrolment_id in ids:
                cohort_id = rounds.get(enrolment_id)
                may_answer(session, enrolment_id, survey, cohort_id, people.get(cohort_id or 0))
            _add_sent(session, ids, survey, way, on)
        return len(ids)

    def draft_reminder(
        self,
        cohort_id: int,
        survey: str,
        language: str | None = None,
        today: date | None = None,
        only: set[int] | None = None,
    ) -> Draft:
        """A reminder to those who have not answered (``only``: those of them)."""
        check_person_survey(survey)
        return self._reminders.draft(cohort_id, SURVEY + survey, language, today, only=only)

    def note_reminder(self, draft: Draft, way: str, on: date | None = None) -> int:
        """Note the reminder on each person's history and that the survey was sent to them,
        in one transaction; returns how many people."""
        if not draft.who.startswith(SURVEY):
            raise ValidationError(N_("This reminder is not about a survey."), "who")
        survey = check_person_survey(draft.who[len(SURVEY) :])
        if way not in WAYS:
            raise ValidationError(
                N_("“{way}” is not a way of drafting: choose one of {choices}."),
                "way",
                way=str(way)[:40],
                choices=", ".join(WAYS),
            )
        on = _day(on)
        ids = [r.enrolment_id for shared in draft.shared for r in shared.recipients]
        with self._db.transaction() as session:
            count = note_draft_in(session, draft, way, on)
            _add_sent(session, list(dict.fromkeys(ids)), survey, way, on)
        return count


def _way(way: str) -> str:
    if way not in SENT_WAYS:
        raise ValidationError(
            N_("“{way}” is not a way a survey is handed out: choose one of {choices}."),
            "way",
            way=str(way)[:40],
            choices=", ".join(SENT_WAYS),
        )
    return way


def _day(on: date | None) -> date:
    today = date.today()
    if on is None:
        return today
    if not isinstance(on, date) or on > today:
        raise ValidationError(
            N_("{day} is in the future: note the day the survey was handed out."),
            "on",
            day=str(on)[:20],
        )
    return on
