"""Enumerations stored as text, so the database file stays readable with any SQLite tool."""

from __future__ import annotations

from enum import StrEnum

from mentorapp.i18n import N_


class Role(StrEnum):
    ADEPT = "adept"
    MENTOR = "mentor"


class EnrolmentStatus(StrEnum):
    APPLIED = "applied"
    INTERVIEW = "interview"
    ACCEPTED = "accepted"
    WAITLISTED = "waitlisted"
    DECLINED = "declined"
    WITHDRAWN = "withdrawn"
    ACTIVE = "active"
    COMPLETED = "completed"


class StageScope(StrEnum):
    """Whether a guide stage is done once per programme or again for every round."""

    PROGRAMME = "programme"
    COHORT = "cohort"


ROLE_LABELS = {Role.ADEPT: N_("Adept"), Role.MENTOR: N_("Mentor")}

STATUS_LABELS = {
    EnrolmentStatus.APPLIED: N_("Applied"),
    EnrolmentStatus.INTERVIEW: N_("Interview booked"),
    EnrolmentStatus.ACCEPTED: N_("Accepted"),
    EnrolmentStatus.WAITLISTED: N_("Waitlisted"),
    EnrolmentStatus.DECLINED: N_("Declined"),
    EnrolmentStatus.WITHDRAWN: N_("Withdrawn"),
    EnrolmentStatus.ACTIVE: N_("Active"),
    EnrolmentStatus.COMPLETED: N_("Completed"),
}
