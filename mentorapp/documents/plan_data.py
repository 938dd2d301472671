"""What the printed programme plan shows; kept apart from the renderer so that the service can
build it without importing reportlab."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from mentorapp.planning.goals import Plan
    from mentorapp.planning.layout import TimelineLayout


@dataclass(frozen=True)
class PlanPrint:
    """The plan, the programme around it and the current round's timeline, in one language."""

    language: str  # a UI language code: every fixed word of the PDF is in it
    organisation: str
    programme_name: str
    logo: bytes | None
    contact_name: str
    contact_email: str
    plan: Plan
    partner_names: tuple[str, ...]  # the partner organisations the programme keeps
    round_name: str  # the round whose timeline is drawn; "" when there is none
    round_start: date | None
    round_end: date | None
    timeline: TimelineLayout | None  # its words already in ``language``
    printed_on: date
