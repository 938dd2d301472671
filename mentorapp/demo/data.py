"""The invented people, employers and notes of the demo programme (see ``mentorapp.demo.writer``).

They live in ``resources/demo/*.toml`` because they are plain data that a translator or
coordinator can read and adapt without touching code. This module only turns them into
typed tuples; the order of every list is kept, since the demo draws from them with a fixed
random seed and must write the same rows every time.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from mentorapp.paths import resource_path


class Name(NamedTuple):
    first: str
    last: str
    gender: str  # "kvinna", "man" or "" (not stated)


class AdeptProfile(NamedTuple):
    """What an adept did before coming to Sweden and where they want to work now."""

    occupation: str
    level: str
    field: str  # SUN 2020 code
    field_text: str
    industry: str  # SNI 2007 section
    industry_text: str
    goal: str
    weight: int


class MentorProfile(NamedTuple):
    job_title: str
    level: str
    field: str
    field_text: str


class Employer(NamedTuple):
    name: str
    contact_name: str
    note: str
    industry: str
    industry_text: str
    profiles: tuple[MentorProfile, ...]


class Retiree(NamedTuple):
    profile: MentorProfile
    industry: str
    industry_text: str


@dataclass(frozen=True)
class DemoData:
    adept_names: tuple[Name, ...]
    mentor_names: tuple[Name, ...]
    cities: tuple[tuple[str, int], ...]  # (city, weight)
    adept_profiles: tuple[AdeptProfile, ...]
    generic_goals: tuple[str, ...]
    employers: tuple[Employer, ...]
    retirees: tuple[Retiree, ...]
    # Keyed by ("" for the programme's own stages, or "finished" / "running") and stage.
    checklist_notes: dict[tuple[str, str], str]
    # (stage, text, done how many days after the running round's start, or None while open)
    own_checklist_items: tuple[tuple[str, str, int | None], ...]
    # Keyed by (status, role).
    status_reasons: dict[tuple[str, str], tuple[str, ...]]


def _read(name: str) -> dict[str, Any]:
    with resource_path("demo", name).open("rb") as handle:
        return tomllib.load(handle)


def _names(rows: list[dict[str, str]]) -> tuple[Name, ...]:
    return tuple(Name(row["first"], row["last"], row["gender"]) for row in rows)


def _mentor_profile(row: dict[str, str]) -> MentorProfile:
    return MentorProfile(row["job_title"], row["level"], row["field"], row["field_text"])


@cache
def demo_data() -> DemoData:
    """Read the demo's data once per process."""
    people, careers, notes = _read("people.toml"), _read("careers.toml"), _read("notes.toml")
    employers = tuple(
        Employer(
            row["name"],
            row["contact_name"],
            row["note"],
            row["industry"],
            row["industry_text"],
            tuple(_mentor_profile(p) for p in row["profiles"]),
        )
        for row in careers["employers"]
    )
    return DemoData(
        adept_names=_names(people["adepts"]),
        mentor_names=_names(people["mentors"]),
        cities=tuple((row["name"], row["weight"]) for row in people["cities"]),
        adept_profiles=tuple(AdeptProfile(**row) for row in careers["adept_profiles"]),
        generic_goals=tuple(careers["generic_goals"]),
        employers=employers,
        retirees=tuple(
            Retiree(_mentor_profile(row["profile"]), row["industry"], row["industry_text"])
            for row in careers["retirees"]
        ),
        checklist_notes={
            ("" if group == "programme" else group, stage): text
            for group, stages in notes["checklist_notes"].items()
            for stage, text in stages.items()
        },
        own_checklist_items=tuple(
            (row["stage"], row["text"], row.get("done_days_after_start"))
            for row in notes["own_checklist_items"]
        ),
        status_reasons={
            (status, role): tuple(reasons)
            for status, roles in notes["status_reasons"].items()
            for role, reasons in roles.items()
        },
    )
