"""What the guide's checklists look like to a front end: plain values, no database.

Kept apart from the service so the GUI can import these types without loading SQLAlchemy,
which keeps start-up quick.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorapp.guide.stages import Stage, stage


@dataclass(frozen=True)
class Scope:
    """The programme, plus the round for the stages that repeat each round."""

    programme_id: int
    cohort_id: int | None

    def for_stage(self, stage_key: str) -> Scope:
        return self if stage(stage_key).per_round else Scope(self.programme_id, None)


@dataclass(frozen=True)
class ChecklistRow:
    stage: str
    text: str
    hint: str
    done: bool
    done_on: date | None
    note: str
    builtin_key: str | None = None
    entry_id: int | None = None

    @property
    def own(self) -> bool:
        return self.builtin_key is None


@dataclass(frozen=True)
class StageProgress:
    stage: Stage
    done: int
    total: int
    available: bool

    @property
    def share(self) -> float:
        return self.done / self.total if self.total else 0.0
