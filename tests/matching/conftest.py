"""Participants for the matching service tests, added through the real services."""

from __future__ import annotations

from collections.abc import Callable
from itertools import count

import pytest

from mentorapp.people.records import ParticipantRow
from mentorapp.workspace.services import Services

Add = Callable[..., ParticipantRow]


@pytest.fixture
def add(services: Services, cohort) -> Add:
    """add(role, status="accepted", **values) → the row; names and e-mails are made unique."""
    numbers = count(1)

    def add(role: str = "adept", status: str = "accepted", **changes: object) -> ParticipantRow:
        number = next(numbers)
        values: dict[str, object] = {
            "first_name": f"{role.title()}{number}",
            "last_name": "Testsson",
            "email": f"{role}{number}@example.com",
            "city": "Umeå",
            "languages": ("sv",),
            "education_field": "4",
            "industry": "J",
            "years_experience": 5 if role == "adept" else 15,
            **changes,
        }
        row = services.participants.create(cohort.id, role, values)
        if status != "applied":
            services.pipeline.change_status([row.enrolment_id], status)
        return services.participants.row(row.enrolment_id)

    return add
