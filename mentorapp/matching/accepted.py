"""Accepted groups as a front end sees them, their stored parts, and a printable list.

``MatchGroup.parts`` holds JSON: adept enrolment id (as text) → part key → the part's
variant, points and parameters, so a group's score can be explained in words long after
the people's details have changed.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from mentorapp.i18n import _, format_date
from mentorapp.matching.model import LANGUAGE_NAMES, PART_KEYS, Part, Placement
from mentorapp.people.records import ParticipantRow


@dataclass(frozen=True)
class AcceptedMember:
    row: ParticipantRow
    score: int
    parts: tuple[Part, ...]

    @property
    def points(self) -> dict[str, int]:
        return {part.key: part.points for part in self.parts}


@dataclass(frozen=True)
class AcceptedGroup:
    id: int
    mentor: ParticipantRow
    adepts: tuple[AcceptedMember, ...]
    language: str
    score: int
    accepted_on: date | None

    @property
    def parts(self) -> dict[str, dict[str, int]]:
        """Adept e-mail → part → points, the same shape as ``ProposedGroup.parts``."""
        return {member.row.email: member.points for member in self.adepts}


def parts_json(placements: Sequence[Placement]) -> dict[str, dict[str, Any]]:
    return {
        str(p.adept.enrolment_id): {part.key: part.to_json() for part in p.pair.parts}
        for p in placements
    }


def read_parts(text: str) -> dict[int, tuple[Part, ...]]:
    """The stored parts per adept enrolment id; anything unreadable is left out."""
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    found: dict[int, tuple[Part, ...]] = {}
    for adept_id, parts in data.items() if isinstance(data, dict) else ():
        try:
            found[int(adept_id)] = tuple(
                Part.from_json(key, parts[key]) for key in PART_KEYS if key in parts
            )
        except (TypeError, ValueError, AttributeError):
            continue
    return found


def groups_text(round_name: str, groups: Sequence[AcceptedGroup]) -> str:
    """A plain-text list to print or paste into an e-mail, in the current UI language."""
    title = _("Accepted groups of {round}").format(round=round_name)
    lines = [title, "=" * len(title), ""]
    if not groups:
        lines.append(_("No groups have been accepted yet."))
    for number, group in enumerate(groups, start=1):
        mentor = group.mentor
        lines.append(
            _("{number}. Mentor: {name} <{email}>").format(
                number=number, name=mentor.name, email=mentor.email
            )
        )
        language = _(LANGUAGE_NAMES.get(group.language, group.language))
        lines.append(
            "   "
            + _("Meeting language: {language} · Score: {score}").format(
                language=language, score=group.score
            )
        )
        if group.accepted_on:
            lines.append("   " + _("Accepted {date}").format(date=format_date(group.accepted_on)))
        for member in group.adepts:
            lines.append(
                "   - "
                + _("Adept: {name} <{email}> (score {score})").format(
                    name=member.row.name, email=member.row.email, score=member.score
                )
            )
        lines.append("")
    return "\n".join(lines).rstrip() + "\n"
