"""Reminders without a mail server: who gets one, in what words, and a note of each draft.

Mentorapp never sends e-mail. This service finds the people of a set (groups that need a
check-in, groups not started, mentors without a first meeting, groups with a meeting coming
up, a gathering's invitees), writes each one's message from the built-in or the coordinator's
wording, and notes on each person's history what was drafted and when, so the coordinator
can tell later who was reminded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date, timedelta

from sqlmodel import Session, col, delete, select

from mentorapp.db import Database
from mentorapp.domain.models import (
    Cohort,
    Enrolment,
    Gathering,
    GatheringGuest,
    Person,
    Programme,
    ReminderNote,
    ReminderTemplate,
)
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.people.collation import sort_key
from mentorapp.people.privacy import is_erased
from mentorapp.running.board import GroupHealth, RunningService, health_of
from mentorapp.running.gatherings import LEFT
from mentorapp.running.health import Health
from mentorapp.running.meetings import MeetingService
from mentorapp.running.reminder_text import (
    LANGUAGES,
    Facts,
    MailtoLinks,
    Message,
    Wording,
    built_in,
    check_wording,
    mailto_links,
    render,
    render_shared,
    require_key,
)
from mentorapp.running.schedule import GroupSchedule

WAYS = ("mail", "copy", "csv")
GATHERING = "gathering:"
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
class DraftMessage:
    recipient: Recipient
    language: str
    subject: str
    body: str
    values: dict[str, str]  # the placeholders' texts, for the mail merge file


@dataclass(frozen=True)
class SharedMessage:
    """One message for everyone of a language, all in Bcc (for the mailto links)."""

    language: str
    subject: str
    body: str
    recipients: tuple[Recipient, ...]
    links: MailtoLinks

    @property
    def emails(self) -> list[str]:
        return [r.email for r in self.recipients]


@dataclass(frozen=True)
class Draft:
    who: str
    key: str  # the template's key
    recipients: tuple[Recipient, ...]
    messages: tuple[DraftMessage, ...]
    shared: tuple[SharedMessage, ...]

    @property
    def emails(self) -> list[str]:
        return [r.email for r in self.recipients]


@dataclass(frozen=True)
class NoteRow:
    drafted_on: date
    template: str
    way: str
    subject: str


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
    raise ValidationError(
        N_("“{who}” is not a set of people to remind. Choose one of: {choices}."),
        "who",
        who=str(who)[:80],
        choices=", ".join([*SETS, GATHERING + "ID"]),
    )


class ReminderService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._running = RunningService(database)
        self._meetings = MeetingService(database)

    # -- who -------------------------------------------------------------------------------

    def recipients(self, cohort_id: int, who: str, today: date | None = None) -> list[Recipient]:
        """The people of ``who`` in the round, each once, with their placeholders' facts."""
        template_key(who)
        today = today or date.today()
        with self._db.reading() as session:
            cohort, programme = _round(session, cohort_id)
        base = Facts(
            round=cohort.name,
            coordinator=programme.contact_name,
            programme=programme.name,
        )
        if who.startswith(GATHERING):
            return self._invitees(cohort_id, who, base, programme.default_language)
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

    # -- wording ---------------------------------------------------------------------------

    def template(self, programme_id: int, key: str, language: str) -> Wording:
        """The coordinator's saved wording, or the built-in one."""
        require_key(key)
        language = _checked_language(language)
        with self._db.reading() as session:
            own = _own(session, programme_id, key, language)
            if own is not None:
                return Wording(own.subject, own.body)
        return built_in(key, language).wording

    def is_own(self, programme_id: int, key: str, language: str) -> bool:
        with self._db.reading() as session:
            return _own(session, programme_id, key, language) is not None

    def save_template(self, programme_id: int, key: str, language: str, wording: Wording) -> None:
        """Keep the coordinator's wording (checked: placeholders, subject and body lengths)."""
        require_key(key)
        language = _checked_language(language)
        wording = check_wording(wording)
        with self._db.transaction() as session:
            if session.get(Programme, programme_id) is None:
                raise ValidationError(N_("The programme no longer exists."))
            own = _own(session, programme_id, key, language) or ReminderTemplate(
                programme_id=programme_id, key=key, language=language
            )
            own.subject, own.body = wording.subject, wording.body
            session.add(own)

    def reset_template(self, programme_id: int, key: str, language: str) -> None:
        """Back to the built-in wording."""
        require_key(key)
        with self._db.transaction() as session:
            session.exec(
                delete(ReminderTemplate).where(
                    col(ReminderTemplate.programme_id) == programme_id,
                    col(ReminderTemplate.key) == key,
                    col(ReminderTemplate.language) == language,
                )
            )

    # -- the draft -------------------------------------------------------------------------

    def draft(
        self,
        cohort_id: int,
        who: str,
        language: str | None = None,
        today: date | None = None,
        wording: Wording | None = None,
        only: set[int] | None = None,
    ) -> Draft:
        """Every recipient's message, and one shared message per language for the mailto
        links. ``language`` None writes to each person in their own language; ``wording``
        (checked) is used instead of the saved one, e.g. while the coordinator edits it;
        ``only`` keeps those enrolment ids of the set."""
        key = template_key(who)
        if language is not None:
            language = _checked_language(language)
        if wording is not None:
            wording = check_wording(wording)
        recipients = self.recipients(cohort_id, who, today)
        if only is not None:
            recipients = [r for r in recipients if r.enrolment_id in only]
        with self._db.reading() as session:
            _cohort, programme = _round(session, cohort_id)
        assert programme.id is not None
        wordings: dict[str, Wording] = {}
        messages = []
        for recipient in recipients:
            lang = language or recipient.language
            if lang not in wordings:
                wordings[lang] = wording or self.template(programme.id, key, lang)
            shared_words = built_in(key, lang).shared
            message = render(wordings[lang], recipient.facts, lang, shared_words)
            messages.append(
                DraftMessage(
                    recipient, lang, message.subject, message.body, recipient.facts.values(lang)
                )
            )
        shared = []
        by_language = Counter(m.language for m in messages)
        for lang, _count in by_language.most_common():
            group = tuple(m.recipient for m in messages if m.language == lang)
            text: Message = render_shared(
                wordings[lang], [r.facts for r in group], lang, built_in(key, lang).shared
            )
            links = mailto_links(
                [r.email for r in group], text.subject, text.body, to=programme.contact_email
            )
            shared.append(SharedMessage(lang, text.subject, text.body, group, links))
        return Draft(who, key, tuple(recipients), tuple(messages), tuple(shared))

    # -- the person's history --------------------------------------------------------------

    def note_drafted(
        self,
        enrolment_ids: list[int],
        template: str,
        way: str,
        subject: str,
        on: date | None = None,
    ) -> int:
        """Note on each person's history that this reminder was drafted (all or none)."""
        require_key(template)
        if way not in WAYS:
            raise ValidationError(
                N_("“{way}” is not a way of drafting: choose one of {choices}."),
                "way",
                way=str(way)[:40],
                choices=", ".join(WAYS),
            )
        ids = list(dict.fromkeys(enrolment_ids))
        if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
            raise ValidationError(N_("This participant no longer exists."), "enrolment")
        on = on or date.today()
        with self._db.transaction() as session:
            found = set(session.exec(select(Enrolment.id).where(col(Enrolment.id).in_(ids))))
            if len(found) != len(ids):
                raise ValidationError(
                    N_(
                        "Someone on the list is no longer stored, so nothing was noted. "
                        "Draft the reminder again."
                    ),
                    "enrolment",
                )
            for enrolment_id in ids:
                session.add(
                    ReminderNote(
                        enrolment_id=enrolment_id,
                        drafted_on=on,
                        template=template,
                        way=way,
                        subject=subject.strip()[:200],
                    )
                )
        return len(ids)

    def note_draft(self, draft: Draft, way: str, on: date | None = None) -> int:
        """Note a whole draft: each language's people with that language's subject."""
        count = 0
        for shared in draft.shared:
            ids = [r.enrolment_id for r in shared.recipients]
            count += self.note_drafted(ids, draft.key, way, shared.subject, on)
        return count

    def notes_for(self, enrolment_id: int) -> list[NoteRow]:
        """The reminders drafted for this application, newest first."""
        with self._db.reading() as session:
            query = (
                select(ReminderNote)
                .where(col(ReminderNote.enrolment_id) == enrolment_id)
                .order_by(col(ReminderNote.drafted_on).desc(), col(ReminderNote.id).desc())
            )
            return [
                NoteRow(n.drafted_on, n.template, n.way, n.subject) for n in session.exec(query)
            ]


# -- helpers -----------------------------------------------------------------------------------


def _round(session: Session, cohort_id: int) -> tuple[Cohort, Programme]:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise ValidationError(N_("That round no longer exists."))
    programme = session.get(Programme, cohort.programme_id)
    assert programme is not None
    return cohort, programme


def _own(session: Session, programme_id: int, key: str, language: str) -> ReminderTemplate | None:
    return session.exec(
        select(ReminderTemplate).where(
            col(ReminderTemplate.programme_id) == programme_id,
            col(ReminderTemplate.key) == key,
            col(ReminderTemplate.language) == language,
        )
    ).first()


def _checked_language(language: str) -> str:
    if language not in LANGUAGES:
        raise ValidationError(
            N_("“{language}” is not a language of the reminders: choose sv or en."),
            "language",
            language=str(language)[:20],
        )
    return language


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
