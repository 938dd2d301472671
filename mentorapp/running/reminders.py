"""Reminders without a mail server: who gets one, in what words, and a note of each draft.

Mentorapp never sends e-mail. This service finds the people of a set (groups that need a
check-in, groups not started, mentors without a first meeting, groups with a meeting coming
up, a gathering's invitees: ``reminder_recipients`` knows who they are), writes each one's
message from the built-in or the coordinator's wording, and notes on each person's history
what was drafted and when, so the coordinator can tell later who was reminded.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import date

from sqlmodel import Session, col, delete, select

from mentorapp.db import Database
from mentorapp.domain.models import Enrolment, Programme, ReminderNote, ReminderTemplate
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.running.reminder_recipients import (
    GATHERING,
    SETS,
    UPCOMING_DAYS,
    GatheringChoice,
    Recipient,
    RecipientFinder,
    find_round,
    template_key,
)
from mentorapp.running.reminder_text import (
    LANGUAGES,
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

__all__ = [
    "GATHERING",
    "SETS",
    "UPCOMING_DAYS",
    "WAYS",
    "Draft",
    "DraftMessage",
    "GatheringChoice",
    "NoteRow",
    "Recipient",
    "ReminderService",
    "SharedMessage",
    "template_key",
]

WAYS = ("mail", "copy", "csv")


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


class ReminderService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._who = RecipientFinder(database)

    # -- who -------------------------------------------------------------------------------

    def recipients(self, cohort_id: int, who: str, today: date | None = None) -> list[Recipient]:
        """The people of ``who`` in the round, each once, with their placeholders' facts."""
        return self._who.recipients(cohort_id, who, today)

    def gathering_choices(self, cohort_id: int) -> list[GatheringChoice]:
        """The round's gatherings, earliest first, for choosing whose invitees to remind."""
        return self._who.gathering_choices(cohort_id)

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
            _cohort, programme = find_round(session, cohort_id)
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
        with self._db.transaction() as session:
            return note_drafted_in(session, enrolment_ids, template, way, subject, on)

    def note_draft(self, draft: Draft, way: str, on: date | None = None) -> int:
        """Note a whole draft: each language's people with that language's subject."""
        with self._db.transaction() as session:
            return note_draft_in(session, draft, way, on)

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


def note_drafted_in(
    session: Session,
    enrolment_ids: list[int],
    template: str,
    way: str,
    subject: str,
    on: date | None = None,
) -> int:
    """``note_drafted`` within the caller's transaction (a survey reminder notes more)."""
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


def note_draft_in(session: Session, draft: Draft, way: str, on: date | None = None) -> int:
    """``note_draft`` within the caller's transaction."""
    count = 0
    for shared in draft.shared:
        ids = [r.enrolment_id for r in shared.recipients]
        count += note_drafted_in(session, ids, draft.key, way, shared.subject, on)
    return count


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
