"""Helpers for the participant tests: add applicants by hand through the real service."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest

from mentorapp.people.records import ParticipantRow
from mentorapp.workspace.services import Services

AddParticipant = Callable[..., ParticipantRow]


def values(**changes: object) -> dict[str, object]:
    """A complete, valid application; ``changes`` override single values."""
    base: dict[str, object] = {
        "first_name": "Łukasz",
        "last_name": "Żółć",
        "email": "lukasz.zolc@example.com",
        "city": "Malmö",
        "languages": ("sv", "en"),
        "education_field": "4",
        "education_field_text": "Datavetenskap",
        "industry": "J",
        "industry_text": "IT",
    }
    return {**base, **changes}


@pytest.fixture
def add(services: Services, cohort) -> AddParticipant:
    """add(role="adept", cohort_id=None, **values) → the new row; e-mails are made unique."""
    numbers = count(1)

    def add(role: str = "adept", cohort_id: int | None = None, **changes: object) -> ParticipantRow:
        changes.setdefault("email", f"person{next(numbers)}@example.com")
        return services.participants.create(cohort_id or cohort.id, role, values(**changes))

    return add
