"""What a front end sees of a participant: one flat row per application to a round."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from mentorapp.people.collation import search_text


@dataclass(frozen=True)
class ParticipantRow:
    enrolment_id: int
    person_id: int
    cohort_id: int
    role: str  # "adept" | "mentor"
    status: str  # an EnrolmentStatus value
    status_changed_on: date | None  # the date of the change that set ``status``
    first_name: str
    last_name: str
    email: str
    phone: str = ""
    city: str = ""
    digital: bool = False
    languages: tuple[str, ...] = ()  # ("sv", "en")
    education_level: str = ""
    education_field: str = ""  # SUN 2020 code, "" while unconfirmed
    education_field_text: str = ""  # the applicant's own words
    industry: str = ""  # SNI 2007 section letter, "" while unconfirmed
    industry_text: str = ""
    years_experience: int | None = None
    job_title: str = ""
    employer: str = ""  # the partner organisation's name
    gender: str = ""
    capacity: int = 1
    goal: str = ""
    preferred_mentor_gender: str = ""
    confirmed: frozenset[int] = field(default_factory=frozenset)  # criterion ids confirmed
    status_reason: str = ""  # the reason given with the change that set ``status``

    @property
    def name(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def haystack(self) -> str:
        """What a search box looks through (see ``collation.matches``); compute it once per row."""
        return search_text(
            self.first_name,
            self.last_name,
            self.email,
            self.phone,
            self.city,
            self.employer,
            self.job_title,
            self.education_field_text,
            self.industry_text,
        )
