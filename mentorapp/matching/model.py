"""Plain values of matching: who can be paired, what a pair scores and what a proposal says.

No database and no Qt, so the solver and its tests run on bare lists. Texts are kept as an
English template plus parameters (codes, not labels) and translated when ``.text`` is read,
so a proposal follows a change of the UI language without being made again.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from mentorapp.domain import languages
from mentorapp.domain.codes import education_field_label, industry_label
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, current_language
from mentorapp.people.records import ParticipantRow

if TYPE_CHECKING:
    from mentorapp.matching.explain import HelpLine

LANGUAGE_NAMES = {row.code: row.name for row in languages.TABLE}  # code → name, marked N_
PART_KEYS = ("field", "industry", "experience", "wishes", "city", "languages")
PART_LABELS = {
    "field": N_("Field of education"),
    "industry": N_("Industry"),
    "experience": N_("Experience"),
    "wishes": N_("The adept's wishes"),
    "city": N_("Same city"),
    "languages": N_("Both languages"),
}
_EXPERIENCE = N_("years of experience: mentor {mentor}, adept {adept} +{points}")
# (part key, variant) → template; the variant is stored with accepted groups, not the text,
# so rewording a template never strands an old group's explanation.
PART_TEMPLATES = {
    ("field", "same"): N_("same field of education: {field} +{points}"),
    ("field", "other"): N_("different fields of education +{points}"),
    ("field", "unknown"): N_("field of education not known for both +{points}"),
    ("industry", "same"): N_("mentor works in the adept's industry: {industry} +{points}"),
    ("industry", "other"): N_("mentor works in another industry +{points}"),
    ("industry", "unknown"): N_("industry not known for both +{points}"),
    ("experience", "more"): _EXPERIENCE,
    ("experience", "little"): _EXPERIENCE,
    ("experience", "less"): _EXPERIENCE,
    ("experience", "unknown"): N_("years of experience not known for both +{points}"),
    ("wishes", "none"): N_("the adept has no wish about the mentor +{points}"),
    ("wishes", "met"): N_("the adept's wish for a mentor who is “{gender}” is met +{points}"),
    ("wishes", "unmet"): N_("the adept wished for a mentor who is “{gender}” +{points}"),
    ("city", "same"): N_("same city: {city} +{points}"),
    ("city", "other"): N_("different cities +{points}"),
    ("languages", "both"): N_("both meeting languages shared +{points}"),
    ("languages", "one"): N_("one meeting language shared: {language} +{points}"),
    ("languages", "none"): N_("no meeting language shared +{points}"),
}


def _display(params: Mapping[str, Any]) -> dict[str, Any]:
    """Codes as words in the current UI language (an unknown code shows as it is)."""
    shown = {k: v.text if isinstance(v, Message) else v for k, v in params.items()}
    language = current_language()
    if "field" in shown:
        shown["field"] = education_field_label(str(shown["field"]), language) or shown["field"]
    if "industry" in shown:
        shown["industry"] = industry_label(str(shown["industry"]), language) or shown["industry"]
    if shown.get("language") in LANGUAGE_NAMES:
        shown["language"] = _(LANGUAGE_NAMES[shown["language"]])
    return shown


@dataclass(frozen=True)
class Message:
    """A sentence to show later: ``template`` is marked with N_ where it is written."""

    template: str
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def text(self) -> str:
        return _(self.template).format(**_display(self.params))


@dataclass(frozen=True)
class Candidate:
    """What matching needs of one application (adept or mentor); ``capacity`` is 1 for adepts."""

    enrolment_id: int
    email: str
    name: str = ""
    city: str = ""
    digital: bool = False
    languages: tuple[str, ...] = ("sv",)
    education_field: str = ""
    industry: str = ""
    years: int | None = None
    gender: str = ""
    preferred_mentor_gender: str = ""
    capacity: int = 1
    sort_name: str = ""  # "Last First", to list people as the participants table does

    @classmethod
    def from_row(cls, row: ParticipantRow) -> Candidate:
        return cls(
            enrolment_id=row.enrolment_id,
            email=row.email,
            name=row.name,
            city=row.city,
            digital=row.digital,
            languages=row.languages,
            education_field=row.education_field,
            industry=row.industry,
            years=row.years_experience,
            gender=row.gender,
            preferred_mentor_gender=row.preferred_mentor_gender,
            capacity=row.capacity if row.role == "mentor" else 1,
            sort_name=f"{row.last_name} {row.first_name}",
        )

    @property
    def city_key(self) -> str:
        """The city as compared: trimmed, single spaces, any case."""
        return " ".join(self.city.split()).casefold()


@dataclass(frozen=True)
class Weights:
    """The points each part of the score is worth; the score is scaled so the best is 100."""

    field: int = 35
    industry: int = 25
    experience: int = 15
    wishes: int = 10
    city: int = 10
    languages: int = 5

    @property
    def total(self) -> int:
        return sum(self.as_dict().values())

    def as_dict(self) -> dict[str, int]:
        return asdict(self)

    def to_json(self) -> str:
        return json.dumps(self.as_dict())

    @classmethod
    def from_json(cls, text: str) -> Weights:
        """The stored weights; "" or anything unreadable gives the defaults, missing keys too."""
        try:
            data = json.loads(text) if text else {}
        except ValueError:
            data = {}
        if not isinstance(data, dict):
            data = {}
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known and type(v) is int and 0 <= v <= 100}
        return cls(**values)

    def check(self) -> None:
        """Raise a ValidationError unless every weight is 0–100 and at least one is above 0."""
        for key, value in self.as_dict().items():
            if type(value) is not int or not 0 <= value <= 100:
                raise ValidationError(N_("A weight must be a whole number from 0 to 100."), key)
        if self.total == 0:
            raise ValidationError(N_("Give at least one part of the score a weight above 0."))


def mean_score(scores: Sequence[int]) -> int:
    """The rounded mean (halves up), 0 for no scores: a group's score from its pairs'."""
    return (2 * sum(scores) + len(scores)) // (2 * len(scores)) if scores else 0


def scaled(earned: int, total: int) -> int:
    """``round(100 * earned / total)`` with halves rounded up, in integers (0 when total is 0)."""
    return (200 * earned + total) // (2 * total) if total > 0 else 0


@dataclass(frozen=True)
class Part:
    """One visible part of a pair's score, e.g. "same field of education: Ekonomi +35"."""

    key: str  # one of PART_KEYS
    variant: str  # which sentence of PART_TEMPLATES
    points: int
    params: Mapping[str, Any] = field(default_factory=dict)

    @property
    def template(self) -> str:
        return PART_TEMPLATES[(self.key, self.variant)]

    @property
    def text(self) -> str:
        return Message(self.template, {**self.params, "points": self.points}).text

    def to_json(self) -> dict[str, Any]:
        return {"variant": self.variant, "points": self.points, "params": dict(self.params)}

    @classmethod
    def from_json(cls, key: str, data: Mapping[str, Any]) -> Part:
        variant = str(data.get("variant", ""))
        if (key, variant) not in PART_TEMPLATES:
            raise ValueError(f"unknown part: {key}/{variant}")
        return cls(key, variant, int(data.get("points", 0)), dict(data.get("params", {})))


@dataclass(frozen=True)
class PairScore:
    score: int  # 0–100
    parts: tuple[Part, ...]

    @property
    def points(self) -> dict[str, int]:
        """Part key → points earned, in PART_KEYS order."""
        return {part.key: part.points for part in self.parts}

    @property
    def texts(self) -> list[str]:
        return [part.text for part in self.parts]


@dataclass(frozen=True)
class Placement:
    """An adept in a proposed group; ``locked`` by the coordinator, or ``accepted`` earlier."""

    adept: Candidate
    pair: PairScore
    locked: bool = False
    accepted: bool = False


@dataclass(frozen=True)
class ProposedGroup:
    mentor: Candidate
    adepts: tuple[Placement, ...]
    language: str  # "sv" | "en"
    # Set when not every member speaks ``language`` (two adepts who share no language).
    language_note: Message | None = None
    group_id: int | None = None  # the accepted group this extends, if any

    @property
    def score(self) -> int:
        """The mean of the pairs' scores, halves rounded up."""
        return mean_score([p.pair.score for p in self.adepts])

    @property
    def parts(self) -> dict[str, dict[str, int]]:
        """Adept e-mail → part → points; the same shape for one adept as for three."""
        return {p.adept.email: p.pair.points for p in self.adepts}


@dataclass(frozen=True)
class Unmatched:
    adept: Candidate
    reasons: tuple[Message, ...]

    @property
    def texts(self) -> list[str]:
        return [reason.text for reason in self.reasons]


@dataclass(frozen=True)
class Proposal:
    """A whole round's proposal. ``source`` says who took part: "accepted" (the accepted and
    active applications) or "applicants" (everyone still in the running, as nobody has been
    accepted yet)."""

    groups: tuple[ProposedGroup, ...]
    unmatched: tuple[Unmatched, ...]
    help: tuple[HelpLine, ...]
    source: str
    adepts: tuple[Candidate, ...] = ()  # everyone considered, for a board to show
    mentors: tuple[Candidate, ...] = ()
    notes: tuple[Message, ...] = ()  # e.g. a locked pair that now breaks a rule

    @property
    def placed(self) -> int:
        return sum(len(group.adepts) for group in self.groups)

    @property
    def total_score(self) -> int:
        return sum(p.pair.score for group in self.groups for p in group.adepts)

    @property
    def help_texts(self) -> list[str]:
        return [line.text for line in self.help]

    def mentor_of(self, adept_enrolment_id: int) -> int | None:
        for group in self.groups:
            if any(p.adept.enrolment_id == adept_enrolment_id for p in group.adepts):
                return group.mentor.enrolment_id
        return None


@dataclass(frozen=True)
class MoveCheck:
    """What moving an adept to a mentor would give: the pair's score, or why it is refused."""

    pair: PairScore | None
    problem: Message | None = None

    @property
    def allowed(self) -> bool:
        return self.problem is None

    @property
    def score(self) -> int | None:
        return self.pair.score if self.pair else None

    @property
    def message(self) -> str:
        return self.problem.text if self.problem else ""
