"""The pair workbook's content as frozen dataclasses, one per part of the TOML schema.

``resources/workbook/<lang>.toml`` mirrors these classes; ``workbook_content`` reads and checks
the file and builds them, and the renderer takes them as they are.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[str, ...]
    bullets: tuple[str, ...] = ()


@dataclass(frozen=True)
class RolePart:
    heading: str
    bullets: tuple[str, ...]


@dataclass(frozen=True)
class Roles:
    title: str
    intro: str
    parts: tuple[RolePart, ...]


@dataclass(frozen=True)
class Clause:
    key: str
    heading: str
    prompt: str
    lines: int


@dataclass(frozen=True)
class Agreement:
    title: str
    intro: str
    signatures: bool
    clauses: tuple[Clause, ...]


@dataclass(frozen=True)
class Goals:
    title: str
    intro: str
    columns: tuple[str, ...]
    rows: int


@dataclass(frozen=True)
class Exercise:
    title: str
    instructions: str
    steps: tuple[str, ...]
    writing_lines: int


@dataclass(frozen=True)
class Session:
    key: str
    kind: str  # "joint" (kick-off, closing) or "pair" (meetings 1–4)
    number: int  # 0 for joint sessions
    title: str
    theme: str
    purpose: str
    duration: str
    questions: tuple[str, ...]
    before_next: str
    exercises: tuple[Exercise, ...]


@dataclass(frozen=True)
class Event:
    title: str
    description: str


@dataclass(frozen=True)
class Gatherings:
    title: str
    intro: str
    events: tuple[Event, ...]


@dataclass(frozen=True)
class Reflection:
    title: str
    intro: str
    prompts: tuple[str, ...]


@dataclass(frozen=True)
class HelpResource:
    name: str
    description: str


@dataclass(frozen=True)
class Help:
    title: str
    intro: str
    resources: tuple[HelpResource, ...]


@dataclass(frozen=True)
class Labels:
    contents: str
    mentor: str
    adept: str
    adepts: str
    round: str
    coordinator: str
    planned_date: str
    date: str
    theme: str
    purpose: str
    duration: str
    questions: str
    exercises: str
    before_next: str
    notes: str
    signature: str
    name: str
    page: str
    reflection_for: str  # contains "{session}"


@dataclass(frozen=True)
class WorkbookContent:
    language: str
    title: str
    subtitle: str
    welcome: Section
    how_to_use: Section
    roles: Roles
    agreement: Agreement
    goals: Goals
    sessions: tuple[Session, ...]
    gatherings: Gatherings
    reflection: Reflection
    help: Help
    labels: Labels

    def session(self, key: str) -> Session:
        return next(s for s in self.sessions if s.key == key)
