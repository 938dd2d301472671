"""Enumerations stored as text, so the database file stays readable with any SQLite tool."""

from __future__ import annotations

from enum import StrEnum

from mentorapp.i18n import N_, _


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


STATUS_LABELS: dict[str, str] = {
    EnrolmentStatus.APPLIED: N_("Applied"),
    EnrolmentStatus.INTERVIEW: N_("Interview booked"),
    EnrolmentStatus.ACCEPTED: N_("Accepted"),
    EnrolmentStatus.WAITLISTED: N_("Waitlisted"),
    EnrolmentStatus.DECLINED: N_("Declined"),
    EnrolmentStatus.WITHDRAWN: N_("Withdrawn"),
    EnrolmentStatus.ACTIVE: N_("Active"),
    EnrolmentStatus.COMPLETED: N_("Completed"),
}
ROLE_LABELS: dict[str, str] = {Role.ADEPT: N_("Adept"), Role.MENTOR: N_("Mentor")}
ROLE_PLURAL_LABELS: dict[str, str] = {Role.ADEPT: N_("Adepts"), Role.MENTOR: N_("Mentors")}


def status_label(status: str) -> str:
    """The status as the user reads it, in the current language (unknown values as stored)."""
    label = STATUS_LABELS.get(status)
    return _(label) if label else status


def role_label(role: str, plural: bool = False) -> str:
    """The role as the user reads it ("Adept", or "Adepts" with ``plural``), translated."""
    label = (ROLE_PLURAL_LABELS if plural else ROLE_LABELS).get(role)
    return _(label) if label else role
