"""Who gets a reminder: the people of each set in a round, each with their placeholders' facts.

The sets are groups that need a check-in, groups not started, mentors without a first
meeting, groups with a meeting coming up, a gathering's invitees, and those who have not
answered a survey ("survey:t1"). Someone who left the round, or an erased stub, gets none.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import Cohort, Enrolment, Gathering, GatheringGuest, Person, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.impact.answer_checks import PERSON_SURVEYS
from mentorapp.impact.answers import survey_people
from mentorapp.impact.survey_content import load_content
from mentorapp.people.collation import sort_key
from mentorapp.people.privacy import is_erased
from mentorapp.running.board import GroupHealth, RunningService, health_of
from mentorapp.running.gathering_guests import LEFT
from mentorapp.running.health import Health
from mentorapp.running.meetings import MeetingService
from mentorapp.running.reminder_text import LANGUAGES, Facts
from mentorapp.running.schedule import GroupSchedule

GATHERING = "gathering:"
SURVEY = "survey:"  # + a survey key: those the survey is for who have not answered it
# The sets a reminder goes to, and the template each one takes.
SETS = {
    "needs_check_in": "needs_check_in",
    "not_started": "not_started",
    "mentors_without_first_meeting": "mentor_first_meeting",
    "meeting_upcoming": "meeting_upcoming",
}
# "A meeting coming up": planned within this many days from today.
UPCOMING_DAYS = 14


@dataclass(frozen=True)
class Recipient:
    enrolment_id: int
    first_name: str
    name: str
    email: str
    role: str
    language: str  # the group's meeting language, or the programme's
    facts: Facts  # what the placeholders say for this person


@dataclass(frozen=True)
class GatheringChoice:
    id: int
    title: str
    day: date
    cancelled: bool


def template_key(who: str) -> str:
    """The template a set takes; an unknown set is refused with the choices."""
    if who in SETS:
        return SETS[who]
    if who.startswith(GATHERING):
        return "gathering"
    if who.startswith(SURVEY) and who[len(SURVEY) :] in PERSON_SURVEYS:
        return "survey_missing"
    raise ValidationError(
        N_("“{who}” is not a set of people to remind. Choose one of: {choices}."),
        "who",
        who=str(who)[:80],
        choices=", ".join([*SETS, GATHERING + "ID", *(SURVEY + key for key in PERSON_SURVEYS)]),
    )


@dataclass(frozen=True)
class SurveyFacts(Facts):
    """A survey reminder's facts: {title} is the survey's title in the message's language."""

    titles: tuple[tuple[str, str], ...] = ()  # (language, title)

    def values(self, language: str) -> dict[str, str]:
        values = super().values(language)
        values["title"] = dict(self.titles).get(language, self.title)
        return values


class RecipientFinder:
    """The people of a set, as ``ReminderService`` drafts for them."""

    def __init__(self, database: Database) -> None:
        self._db = database
        self._running = RunningService(database)
        self._meetings = MeetingService(database)

    def recipients(self, cohort_id: int, who: str, today: date | None = None) -> list[Recipient]:
        """The people of ``who`` in the round, each once, with their placeholders' facts."""
        template_key(who)
        today = today or date.today()
        with self._db.reading() as session:
            cohort, programme = find_round(session, cohort_id)
        base = Facts(
            round=cohort.name,
            coordinator=programme.contact_name,
            programme=programme.name,
        )
        if who.startswith(GATHERING):
            return self._invitees(cohort_id, who, base, programme.default_language)
        if who.startswith(SURVEY):
            return self._not_answered(cohort_id, who[len(SURVEY) :], base)
        # As RunningService.groups reads them, with the round's kick-off beside them.
        schedule = self._meetings.schedule(cohort_id)
        groups = health_of(schedule, today, self._running.rules_of_round(cohort_id))
        found: list[Recipient] = []
        for item in groups:
            group = item.group
            if item.health == Health.ENDED or not _in_set(who, item, today):
                continue
            facts = _group_facts(base, item, who, schedule.kickoff, today)
            people = (group.mentor,) if who == "mentors_without_first_meeting" else group.people
            for person in people:
                # Someone who withdrew (or an erased stub) gets no reminder from the group.
                if is_erased(person.email) or person.status in LEFT:
                    continue
                found.append(
                    Recipient(
                        enrolment_id=person.enrolment_id,
                        first_name=person.first_name,
                        name=person.name,
                        email=person.email,
                        role=person.role,
                        language=_language(group.language, programme.default_language),
                        facts=replace(facts, name=person.first_name),
                    )
                )
        return list({r.enrolment_id: r for r in found}.values())

    def _invitees(
        self, cohort_id: int, who: str, base: Facts, default_language: str
    ) -> list[Recipient]:
        wanted = who[len(GATHERING) :]
        # SQLite's integers end at 2**63; a longer number is no gathering of ours either.
        gathering_id = (
            int(wanted) if wanted.isascii() and wanted.isdigit() and len(wanted) < 19 else -1
        )
        with self._db.reading() as session:
            gathering = session.get(Gathering, gathering_id) if gathering_id > 0 else None
            if gathering is None or gathering.cohort_id != cohort_id:
                raise ValidationError(
                    N_("There is no gathering {id} in this round."),
                    "who",
                    id=who[len(GATHERING) :][:40],
                )
            if gathering.cancelled:
                raise ValidationError(
                    N_("“{title}” is cancelled, so there is nothing to invite to."),
                    "who",
                    title=gathering.title,
                )
            query = (
                select(Enrolment, Person)
                .join(GatheringGuest, col(GatheringGuest.enrolment_id) == Enrolment.id)
                .join(Person, col(Person.id) == Enrolment.person_id)
                .where(
                    col(GatheringGuest.gathering_id) == gathering_id,
                    col(GatheringGuest.invited).is_(True),
                    col(Enrolment.status).not_in(LEFT),
                )
            )
            guests = list(session.exec(query))
        languages = self._group_languages(cohort_id)
        facts = replace(
            base,
            title=gathering.title,
            date=gathering.starts_at.date(),
            time=None if gathering.all_day else gathering.starts_at.time(),
            place=gathering.place,
        )
        found = []
        for enrolment, person in guests:
            assert enrolment.id is not None
            if is_erased(person.email):
                continue
            found.append(
                Recipient(
                    enrolment_id=enrolment.id,
                    first_name=person.first_name,
                    name=f"{person.first_name} {person.last_name}".strip(),
                    email=person.email,
                    role=enrolment.role,
                    language=_language(languages.get(enrolment.id, ""), default_language),
                    facts=replace(facts, name=person.first_name),
                )
            )
        language = current_language()
        found.sort(key=lambda r: (sort_key(r.name, language), r.enrolment_id))
        return found

    def _not_answered(self, cohort_id: int, survey: str, base: Facts) -> list[Recipient]:
        """Those the survey is for who have not answered it, in the order of its list."""
        titles = tuple((lang, load_content(lang).survey(survey).title) for lang in LANGUAGES)
        with self._db.reading() as session:
            people = survey_people(session, cohort_id, survey)
        facts = SurveyFacts(**vars(base), titles=titles)
        return [
            Recipient(
                enrolment_id=person.enrolment_id,
                first_name=person.first_name,
                name=person.name,
                email=person.email,
                role=person.role,
                language=_language(person.language, ""),
                facts=replace(
                    facts, name=person.first_name, title=dict(titles).get(person.language, "")
                ),
            )
            for person in people
            if person.answered_on is None
            and person.status not in LEFT
            and not is_erased(person.email)
        ]

    def _group_languages(self, cohort_id: int) -> dict[int, str]:
        """Each group member's meeting language (a guest in a group reads it in that one)."""
        result = {}
        for group in self._meetings.schedule(cohort_id).groups:
            for person in group.people:
                result[person.enrolment_id] = group.language
        return result

    def gathering_choices(self, cohort_id: int) -> list[GatheringChoice]:
        """The round's gatherings, earliest first, for choosing whose invitees to remind."""
        with self._db.reading() as session:
            query = (
                select(Gathering)
                .where(col(Gathering.cohort_id) == cohort_id)
                .order_by(col(Gathering.starts_at), col(Gathering.id))
            )
            return [
                GatheringChoice(g.id, g.title, g.starts_at.date(), g.cancelled)
                for g in session.exec(query)
                if g.id is not None
            ]


# -- helpers -----------------------------------------------------------------------------------


def find_round(session: Session, cohort_id: int) -> tuple[Cohort, Programme]:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise ValidationError(N_("That round no longer exists."))
    programme = session.get(Programme, cohort.programme_id)
    assert programme is not None
    return cohort, programme


def _language(group_language: str, default: str) -> str:
    for candidate in (group_language, default):
        if candidate in LANGUAGES:
            return candidate
    return LANGUAGES[0]


def _in_set(who: str, item: GroupHealth, today: date) -> bool:
    if who == "needs_check_in":
        return item.health == Health.NEEDS_CHECK_IN
    if who == "not_started":
        return item.health == Health.NOT_STARTED
    if who == "mentors_without_first_meeting":
        return item.assessment.last_held is None
    if who == "meeting_upcoming":
        meeting = _upcoming(item.group, today)
        return meeting is not None
    return False


def _upcoming(group: GroupSchedule, today: date) -> date | None:
    """The day of the group's next meeting with a planned date within UPCOMING_DAYS."""
    days = [
        m.planned_on
        for m in group.meetings
        if m.state in ("planned", "moved")
        and m.planned_on is not None
        and today <= m.planned_on <= today + timedelta(days=UPCOMING_DAYS)
    ]
    return min(days, default=None)


def _group_facts(
    base: Facts, item: GroupHealth, who: str, kickoff: date | None, today: date
) -> Facts:
    """{date} is the last meeting held for a check-in, the next one for a meeting coming
    up, and the kick-off otherwise."""
    group = item.group
    day: date | None
    if who == "needs_check_in":
        day = item.assessment.last_held or kickoff
    elif who == "meeting_upcoming":
        day = _upcoming(group, today)
    else:
        day = kickoff
    return replace(
        base,
        mentor=group.mentor.first_name,
        adepts=tuple(a.first_name for a in group.adepts),
        date=day,
    )
