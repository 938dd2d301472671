"""The impact report as data: what the screen, the PDF, the CSV and ``impact --json`` show.

``impact.report.ImpactService`` builds it from the answers (``impact.measures`` does the
counting, ``impact.statistics`` the intervals); nothing here reads the database.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# Headline measure keys (fixed: the CLI's JSON and the CSV use them). Item measures are keyed
# "<survey>.<item>", e.g. "t1.confident_search" or "mentor_end.inclusion_ideas".
JOB_OR_INTERNSHIP = "job_or_internship"
IN_OWN_FIELD = "in_own_field"
IN_OWN_FIELD_PARTLY = "in_own_field_partly"
NEW_CONTACT = "new_contact"
HEADLINES = (JOB_OR_INTERNSHIP, IN_OWN_FIELD, IN_OWN_FIELD_PARTLY, NEW_CONTACT)

GROUPS = ("outcomes", "adepts", "mentors")  # the report's sections, in order


@dataclass(frozen=True)
class Interval:
    low: float
    high: float

    def as_list(self) -> list[float]:
        return [round(self.low, 4), round(self.high, 4)]


@dataclass(frozen=True)
class Change:
    """An item asked at T0 and T1, among those who answered both: the share agreeing before
    and after (the same people, so the change is theirs, not a different crowd's)."""

    paired: int
    before: int  # how many of the paired agreed (4–5) at T0
    after: int  # … and at T1

    @property
    def before_share(self) -> float | None:
        return self.before / self.paired if self.paired else None

    @property
    def after_share(self) -> float | None:
        return self.after / self.paired if self.paired else None


@dataclass(frozen=True)
class Reference:
    """A published figure the coordinator entered, shown as a dashed line beside a measure."""

    share: float
    source: str


@dataclass(frozen=True)
class Measure:
    key: str
    group: str  # one of GROUPS
    label: str  # in the report's language
    count: int  # how many said it
    answered: int  # how many answered the question (the share's base)
    population: int  # everyone who could have answered (the floor's base)
    ci95: Interval | None  # Wilson score interval; None when nobody answered
    change: Change | None = None
    reference: Reference | None = None
    target: float | None = None  # the programme plan's goal for it, as a share 0–1

    @property
    def share(self) -> float | None:
        return self.count / self.answered if self.answered else None

    @property
    def floor(self) -> float | None:
        """The share if everyone who did not answer had said no."""
        return self.count / self.population if self.population else None

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "key": self.key,
            "group": self.group,
            "label": self.label,
            "count": self.count,
            "answered": self.answered,
            "of": self.population,
            "share": _rounded(self.share),
            "ci95": self.ci95.as_list() if self.ci95 else None,
            "floor": _rounded(self.floor),
        }
        if self.change is not None:
            data["change"] = {
                "paired": self.change.paired,
                "before": _rounded(self.change.before_share),
                "after": _rounded(self.change.after_share),
            }
        if self.reference is not None:
            data["reference"] = {"share": self.reference.share, "source": self.reference.source}
        if self.target is not None:
            data["target"] = _rounded(self.target)
        return data


@dataclass(frozen=True)
class SurveyRate:
    survey: str  # a survey key
    label: str  # the survey's short name in the report's language
    answered: int
    of: int

    @property
    def rate(self) -> float | None:
        return self.answered / self.of if self.of else None


@dataclass(frozen=True)
class Comparison:
    """One measure in two rounds: the difference of the shares (this − other) with
    Newcombe's hybrid score interval, and whether the rounds can be told apart at all."""

    key: str
    label: str
    this: Measure
    other: Measure
    difference: float | None
    ci95: Interval | None

    @property
    def tells_apart(self) -> bool:
        """False when the interval includes 0 (or there is nothing to compare)."""
        return self.ci95 is not None and (self.ci95.low > 0 or self.ci95.high < 0)

    def as_json(self) -> dict[str, Any]:
        return {
            "key": self.key,
            "difference": _rounded(self.difference),
            "ci95": self.ci95.as_list() if self.ci95 else None,
            "tells_apart": self.tells_apart,
        }


@dataclass(frozen=True)
class ImpactReport:
    cohort_id: int
    cohort: str  # the round's name
    programme: str
    language: str
    adepts: int  # adepts who took part (accepted, active or completed, incl. ended groups)
    mentors: int
    surveys: tuple[SurveyRate, ...]
    measures: tuple[Measure, ...]
    other: ImpactReport | None = None  # the round compared with, if any
    comparisons: tuple[Comparison, ...] = ()

    def measure(self, key: str) -> Measure | None:
        return next((m for m in self.measures if m.key == key), None)

    def as_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "cohort": self.cohort,
            "adepts": self.adepts,
            "mentors": self.mentors,
            "surveys": {r.survey: {"answered": r.answered, "of": r.of} for r in self.surveys},
            "measures": [m.as_json() for m in self.measures],
        }
        if self.other is not None:
            data["compare"] = {
                "cohort": self.other.cohort,
                "adepts": self.other.adepts,
                "surveys": {
                    r.survey: {"answered": r.answered, "of": r.of} for r in self.other.surveys
                },
                "measures": [m.as_json() for m in self.other.measures],
                "differences": [c.as_json() for c in self.comparisons],
            }
        return data


def _rounded(value: float | None) -> float | None:
    return None if value is None else round(value, 4)
