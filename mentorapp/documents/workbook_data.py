"""What a workbook prints about one group; kept apart from the renderer so that the services
can build it without importing reportlab."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date


@dataclass
class WorkbookData:
    """What one group's workbook prints about the group, the round and the programme."""

    programme_name: str
    organisation: str
    logo: bytes | None
    mentor: str
    adepts: list[str]
    round_name: str
    start: date
    end: date
    coordinator_name: str
    coordinator_email: str
    meeting_dates: dict[int, date] = field(default_factory=dict)
    language: str = "sv"
    page_size: str = "A4"
    group_id: int | None = None

    @property
    def names(self) -> list[str]:
        return [self.mentor, *self.adepts]
