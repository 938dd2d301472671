"""The demo programme's budget: a round that is over, with what it really cost, and the
running round, planned, with the first bills in. Invented, in SEK, at the scale a small
association runs a mentoring round: two gatherings, printed workbooks, a coordinator paid
by the hour, a municipal grant and the association's own co-financing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import Session

from mentorapp.demo.history import DemoRound
from mentorapp.domain.models import BudgetLine
from mentorapp.planning.budget_lines import COORDINATOR_HOURS, BudgetDraft, kind_of, settle

KR = 100  # öre per krona
COORDINATOR_RATE = 450 * KR  # per hour


@dataclass(frozen=True)
class _Line:
    category: str
    description: str
    planned: int = 0  # öre; coordinator hours get theirs from hours × rate
    actual: int | None = None
    hours: float | None = None
    hours_done: float | None = None

    def draft(self) -> BudgetDraft:
        rate = COORDINATOR_RATE if self.category == COORDINATOR_HOURS else None
        return settle(
            BudgetDraft(
                self.category,
                self.description,
                self.planned,
                self.actual,
                self.hours,
                self.hours_done,
                rate,
            )
        )


_PROGRAMME = [
    _Line("other", "Annonser och webbplats för rekryteringen", 4_500 * KR, 4_180 * KR),
    _Line("materials", "Roll-up och trycksaker om programmet", 3_200 * KR, 3_200 * KR),
]

_FINISHED = [
    _Line("venue", "Lokal på stadsbiblioteket, kick-off och avslutning", 7_000 * KR, 7_000 * KR),
    _Line("food", "Fika och middag vid två träffar, ca 50 personer", 12_000 * KR, 1_146_050),
    _Line("printing", "Tryck av arbetsböcker, 25 ex.", 2_125 * KR, 2_340 * KR),
    _Line(COORDINATOR_HOURS, "Samordnare, timarvode", hours=200, hours_done=214.5),
    _Line("travel", "Reseersättning för mentorer", 2_500 * KR, 1_870 * KR),
    _Line("grant", "Norrviks kommun, integrationsfonden", 75_000 * KR, 75_000 * KR),
    _Line("own_cofinancing", "Föreningens egen insats", 40_000 * KR, 40_000 * KR),
]

_RUNNING = [
    _Line("venue", "Lokal på stadsbiblioteket, kick-off och avslutning", 7_000 * KR, 3_500 * KR),
    _Line("food", "Fika och middag vid två träffar, ca 60 personer", 14_400 * KR, 6_840 * KR),
    _Line("printing", "Tryck av arbetsböcker, 35 ex.", 2_975 * KR, 2_975 * KR),
    _Line("materials", "Namnskyltar, block och pennor", 1_200 * KR, 860 * KR),
    _Line(COORDINATOR_HOURS, "Samordnare, timarvode", hours=200),
    _Line("travel", "Reseersättning för mentorer", 3_000 * KR),
    _Line("grant", "Norrviks kommun, integrationsfonden", 80_000 * KR, 80_000 * KR),
    _Line("own_cofinancing", "Föreningens egen insats", 40_000 * KR),
]


def add_budget(session: Session, programme_id: int, rounds: list[DemoRound], today: date) -> None:
    """Programme-wide lines, the finished round with its actual amounts, and the running
    round as planned with what has been paid so far. The amounts do not follow ``today``:
    only the rounds' dates do."""
    plans = {"finished": _FINISHED, "running": _RUNNING}
    _add(session, programme_id, None, _PROGRAMME)
    for round_ in rounds:
        if round_.key in plans:
            _add(session, programme_id, round_.cohort.id, plans[round_.key])
    session.flush()


def _add(session: Session, programme_id: int, cohort_id: int | None, lines: list[_Line]) -> None:
    for position, line in enumerate(lines):
        draft = line.draft()
        session.add(
            BudgetLine(
                programme_id=programme_id,
                cohort_id=cohort_id,
                kind=kind_of(draft.category),
                category=draft.category,
                description=draft.description,
                position=position,
                planned=draft.planned,
                actual=draft.actual,
                planned_hours=draft.planned_hours,
                actual_hours=draft.actual_hours,
                rate=draft.rate,
            )
        )
