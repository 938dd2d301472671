"""Enumerations stored as text, so the database file stays readable with any SQLite tool."""

from __future__ import annotations

from enum import StrEnum


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
