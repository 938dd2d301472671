"""SQLModel tables. Every schema change here needs an Alembic migration in db/migrations."""

from __future__ import annotations

import uuid
from datetime import date, datetime

from sqlalchemy import DateTime, UniqueConstraint
from sqlmodel import Field, SQLModel


class Programme(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    organisation: str
    name: str
    contact_name: str = ""
    contact_email: str = ""
    default_language: str = "sv"
    meetings_per_round: int = 4
    months_per_round: int = 4
    # Matching preferences: the weights of the score's parts as JSON ("" = the defaults),
    # and whether every mentor gets one adept before any mentor gets a second.
    match_weights: str = ""
    match_spread: bool = True
    # The organisation's logo for printed workbooks (PNG or JPEG bytes), kept in the file so
    # that a backup carries it.
    logo: bytes | None = None
    # The pair health thresholds as JSON ("" = the defaults of running/health.py).
    health_rules: str = ""
    # Part of every exported calendar event's UID, so that re-importing a calendar updates
    # its events instead of adding copies; kept in the file, so a restored backup keeps it.
    calendar_id: str = Field(default_factory=lambda: uuid.uuid4().hex)


class Cohort(SQLModel, table=True):
    """One round of a programme, e.g. "Vår 2027"."""

    __table_args__ = (UniqueConstraint("programme_id", "name"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    name: str
    application_deadline: date | None = None
    start: date
    end: date
    is_current: bool = False


class ChecklistEntry(SQLModel, table=True):
    """The state of one checklist item of the organiser's guide.

    Built-in items (``builtin_key`` set) get a row the first time they are touched; the
    coordinator's own items (``own_text`` set) live here from the start. ``cohort_id`` is
    empty for the one-off stages that belong to the programme.
    """

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    cohort_id: int | None = Field(
        default=None, foreign_key="cohort.id", ondelete="CASCADE", index=True
    )
    stage: str = Field(index=True)
    builtin_key: str | None = None
    own_text: str | None = None
    position: int = 0
    done: bool = False
    done_on: date | None = None
    note: str = ""


class Organisation(SQLModel, table=True):
    """A partner organisation: a mentors' employer or a partner that helps recruit."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    name: str
    contact_name: str = ""
    contact_email: str = ""
    note: str = ""


class Person(SQLModel, table=True):
    """A participant. Deliberately no nationality or country of birth: only what matching needs."""

    id: int | None = Field(default=None, primary_key=True)
    first_name: str
    last_name: str
    email: str = Field(sa_column_kwargs={"unique": True})
    phone: str = ""
    city: str = ""
    digital: bool = False
    languages: str = ""
    education_level: str = ""
    education_field: str = ""
    education_field_text: str = ""
    industry: str = ""
    industry_text: str = ""
    years_experience: int | None = None
    job_title: str = ""
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="SET NULL"
    )
    gender: str = ""


class Enrolment(SQLModel, table=True):
    """A person's part in one round, as adept or mentor."""

    __table_args__ = (UniqueConstraint("person_id", "cohort_id", "role"),)

    id: int | None = Field(default=None, primary_key=True)
    person_id: int = Field(foreign_key="person.id", ondelete="CASCADE", index=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    role: str
    status: str = "applied"
    capacity: int = 1
    goal: str = ""
    preferred_mentor_gender: str = ""


class StatusChange(SQLModel, table=True):
    """One dated step of an application through the pipeline, with an optional reason."""

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    from_status: str | None = None
    to_status: str
    changed_on: date
    reason: str = ""


class EligibilityCriterion(SQLModel, table=True):
    """A criterion a role must meet. Built-in ones (``builtin_key``) show in the UI language
    until the coordinator rewrites them (``text``)."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    role: str
    position: int = 0
    builtin_key: str | None = None
    text: str | None = None
    active: bool = True


class EligibilityCheck(SQLModel, table=True):
    """That a criterion was confirmed for one application. Only that: never the evidence."""

    __table_args__ = (UniqueConstraint("enrolment_id", "criterion_id"),)

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    criterion_id: int = Field(foreign_key="eligibilitycriterion.id", ondelete="CASCADE", index=True)
    confirmed_on: date


class MatchGroup(SQLModel, table=True):
    """An accepted match: one mentor and the adepts they meet, in one meeting language."""

    __table_args__ = (UniqueConstraint("cohort_id", "mentor_enrolment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    mentor_enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE")
    language: str = "sv"
    score: int = 0
    parts: str = ""  # JSON: the score's parts for the group's pairs, to explain it later
    accepted_on: date | None = None
    # When its workbook was last printed or saved as PDF (the overview counts them).
    workbook_printed_on: date | None = None
    # A group ended before the round's end: when and why (its adepts are then free to be
    # matched again, and its members are kept in FormerMember).
    ended_on: date | None = None
    end_reason: str = ""
    # When the coordinator last got in touch about a stalled group (health stays quiet a while).
    contacted_on: date | None = None


class GroupMember(SQLModel, table=True):
    """An adept in an accepted group; an adept is in at most one group per round."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="matchgroup.id", ondelete="CASCADE", index=True)
    adept_enrolment_id: int = Field(
        foreign_key="enrolment.id", ondelete="CASCADE", sa_column_kwargs={"unique": True}
    )
    score: int = 0


class PairRule(SQLModel, table=True):
    """The coordinator's word on a mentor–adept pair: "locked" (keep them together when the
    proposal is made again) or "never" (do not pair them)."""

    __table_args__ = (UniqueConstraint("mentor_enrolment_id", "adept_enrolment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    mentor_enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE")
    adept_enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE")
    rule: str  # "locked" | "never"


class PlannedMeeting(SQLModel, table=True):
    """Pair meeting ``number`` (1–n) of a group: when it is planned (printed on the workbook's
    pages) and, once it happened or not, what the coordinator recorded.

    ``sequence`` counts the changes, for the SEQUENCE of its calendar event.
    """

    __table_args__ = (UniqueConstraint("group_id", "number"),)

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="matchgroup.id", ondelete="CASCADE", index=True)
    number: int
    planned_on: date | None = None
    state: str = "planned"  # "planned" | "held" | "moved" | "cancelled"
    held_on: date | None = None
    minutes: int | None = None
    mode: str = ""  # "" | "in_person" | "digital"
    note: str = ""
    sequence: int = 0


class FormerMember(SQLModel, table=True):
    """An adept who was in a group that ended early; kept for the person's history."""

    id: int | None = Field(default=None, primary_key=True)
    group_id: int = Field(foreign_key="matchgroup.id", ondelete="CASCADE", index=True)
    adept_enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    left_on: date


class Gathering(SQLModel, table=True):
    """A joint gathering of a round (a network meeting, a workshop), with its guests."""

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    title: str
    # The local wall-clock time, as for interviews; a gathering without a time is all-day.
    starts_at: datetime = Field(sa_type=DateTime())
    all_day: bool = False
    minutes: int = 120
    place: str = ""  # an address, a room or a meeting link
    description: str = ""
    cancelled: bool = False
    sequence: int = 0


class GatheringGuest(SQLModel, table=True):
    """A participant invited to a gathering, or who came to it (or both)."""

    __table_args__ = (UniqueConstraint("gathering_id", "enrolment_id"),)

    id: int | None = Field(default=None, primary_key=True)
    gathering_id: int = Field(foreign_key="gathering.id", ondelete="CASCADE", index=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    invited: bool = False
    attended: bool = False


class ReminderTemplate(SQLModel, table=True):
    """The coordinator's own wording of a reminder (the built-in ones live in resources/)."""

    __table_args__ = (UniqueConstraint("programme_id", "key", "language"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    key: str
    language: str
    subject: str = ""
    body: str = ""


class ReminderNote(SQLModel, table=True):
    """That a reminder was drafted for a person (Mentorapp never sends it): what and when."""

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    drafted_on: date
    template: str  # the reminder's key, e.g. "needs_check_in"
    way: str  # "mail" (mailto link) | "copy" (addresses copied) | "csv" (mail merge file)
    subject: str = ""


class ProgrammePlan(SQLModel, table=True):
    """The programme plan of the Idea and Purpose stages: what a board or a funder reads.

    One row per programme, written as the coordinator types. Length and meetings per round
    are the programme's own fields; languages are codes as in ``Person.languages``.
    """

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(
        foreign_key="programme.id", ondelete="CASCADE", sa_column_kwargs={"unique": True}
    )
    need: str = ""
    adepts: str = ""  # who the adepts are
    mentors: str = ""  # who the mentors are
    pairs_per_round: int | None = None
    languages: str = ""
    mode: str = ""  # "" | "in_person" | "digital" | "mixed"
    gatherings_per_round: int | None = None
    gatherings: str = ""
    sponsor: str = ""
    partners: str = ""


class PlanGoal(SQLModel, table=True):
    """One measurable goal of the plan: a target number and what it is measured with."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    position: int = 0
    text: str = ""
    target: float | None = None
    unit: str = "percent"  # "percent" | "count"
    measure: str = ""  # an outcome key (planning/goals.py), or "" for the note alone
    measure_note: str = ""


class MilestoneOffset(SQLModel, table=True):
    """A programme's own default for a milestone: days from the milestone's anchor date."""

    __table_args__ = (UniqueConstraint("programme_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    key: str
    days: int


class MilestoneDate(SQLModel, table=True):
    """A milestone of one round moved by hand to ``on`` (instead of its derived date)."""

    __table_args__ = (UniqueConstraint("cohort_id", "key"),)

    id: int | None = Field(default=None, primary_key=True)
    cohort_id: int = Field(foreign_key="cohort.id", ondelete="CASCADE", index=True)
    key: str
    moved_to: date


class ItemOffset(SQLModel, table=True):
    """A programme's own due date rule for a built-in checklist item: days from its milestone."""

    __table_args__ = (UniqueConstraint("programme_id", "stage", "item_key"),)

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    stage: str
    item_key: str
    days: int


class BudgetLine(SQLModel, table=True):
    """A cost or an income of the programme (``cohort_id`` empty) or of one round.

    Amounts are whole öre, so sums are exact. Coordinator hours carry hours and a rate, and
    their amounts follow from them.
    """

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    cohort_id: int | None = Field(
        default=None, foreign_key="cohort.id", ondelete="CASCADE", index=True
    )
    kind: str = "cost"  # "cost" | "income"
    category: str = "other"
    description: str = ""
    position: int = 0
    planned: int = 0
    actual: int | None = None
    planned_hours: float | None = None
    actual_hours: float | None = None
    rate: int | None = None  # öre per hour


class Interview(SQLModel, table=True):
    """A selection interview of one application, with its outcome once held."""

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    # The local wall-clock time it was booked for (13:30 stays 13:30 on any machine).
    starts_at: datetime = Field(sa_type=DateTime())
    minutes: int = 45
    place: str = ""  # a room, an address or a meeting link
    interviewer: str = ""
    state: str = "booked"  # "booked" | "held" | "cancelled"
    notes: str = ""
    decision: str = ""  # "" or the status it led to: "accepted" | "waitlisted" | "declined"
    reason: str = ""
    decided_on: date | None = None


class InterviewAnswer(SQLModel, table=True):
    """The interviewer's note and 1–5 assessment for one question of the interview guide."""

    __table_args__ = (UniqueConstraint("interview_id", "question_key"),)

    id: int | None = Field(default=None, primary_key=True)
    interview_id: int = Field(foreign_key="interview.id", ondelete="CASCADE", index=True)
    question_key: str
    score: int | None = None
    note: str = ""


class SurveyResponse(SQLModel, table=True):
    """One filled-in survey: a participant's (``enrolment_id``) or, for the yearly partner
    survey, a partner organisation's (``organisation_id``). The answers are its items."""

    __table_args__ = (UniqueConstraint("enrolment_id", "survey"),)

    id: int | None = Field(default=None, primary_key=True)
    survey: str  # "t0" | "t1" | "t2" | "mentor_end" | "partner"
    enrolment_id: int | None = Field(
        default=None, foreign_key="enrolment.id", ondelete="CASCADE", index=True
    )
    organisation_id: int | None = Field(
        default=None, foreign_key="organisation.id", ondelete="CASCADE", index=True
    )
    answered_on: date
    source: str = "entry"  # "entry" (typed from paper) | "import" (a form's CSV export)


class SurveyAnswer(SQLModel, table=True):
    """The answer to one item: an agreement "1"–"5" or "dont_know", "yes"/"no", "0"–"10", a
    choice's key, a number, or free text. An item left blank has no row."""

    __table_args__ = (UniqueConstraint("response_id", "item"),)

    id: int | None = Field(default=None, primary_key=True)
    response_id: int = Field(foreign_key="surveyresponse.id", ondelete="CASCADE", index=True)
    item: str
    value: str


class SurveySent(SQLModel, table=True):
    """That a survey was handed out or a reminder for it drafted (never sent by us)."""

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    survey: str
    sent_on: date
    way: str  # "handed" (on paper) | "mail" | "copy" | "csv" (as reminders are drafted)


class Outcome(SQLModel, table=True):
    """What an adept told the coordinator: a job, an internship or studies from a date."""

    id: int | None = Field(default=None, primary_key=True)
    enrolment_id: int = Field(foreign_key="enrolment.id", ondelete="CASCADE", index=True)
    kind: str  # "job" | "internship" | "studies"
    started_on: date
    in_field: str = ""  # "" (not known) | "yes" | "partly" | "no"
    through_programme: str = ""  # found through the mentor or the programme: "" | "yes" | "no"
    note: str = ""  # e.g. the employer, only when the coordinator chooses to note it
    recorded_on: date


class ReferenceFigure(SQLModel, table=True):
    """A published figure the impact report may show beside a measure, with its source."""

    id: int | None = Field(default=None, primary_key=True)
    programme_id: int = Field(foreign_key="programme.id", ondelete="CASCADE", index=True)
    measure: str  # a measure key of the impact report, e.g. "job_or_internship"
    share: float  # 0–1
    source: str  # who published it, and when
