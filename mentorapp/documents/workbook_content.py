"""The pair workbook's text, per language, from ``resources/workbook/<lang>.toml``.

The text is long prose that organisations may want to adapt, so it lives in a TOML file
rather than the gettext catalog: ``export_content`` writes the built-in file for editing and
``content_for`` prefers an organisation's edited copy (``workbook-<lang>.toml``) when it is
valid. Everything is checked when the file is read, so the renderer never meets a gap.
"""

from __future__ import annotations

import os
import tempfile
import tomllib
from dataclasses import dataclass, fields, is_dataclass
from functools import cache
from pathlib import Path
from typing import Any

from mentorapp.documents.content_reader import Reader, WorkbookContentError
from mentorapp.documents.workbook_model import (
    Agreement,
    Clause,
    Event,
    Exercise,
    Gatherings,
    Goals,
    Help,
    HelpResource,
    Labels,
    Reflection,
    RolePart,
    Roles,
    Section,
    Session,
    WorkbookContent,
)
from mentorapp.errors import move_into_place
from mentorapp.i18n import LANGUAGES, N_
from mentorapp.paths import resource_path

__all__ = [
    "SESSION_KEYS",
    "Agreement",
    "Clause",
    "ContentChoice",
    "Event",
    "Exercise",
    "Gatherings",
    "Goals",
    "Help",
    "HelpResource",
    "Labels",
    "Reflection",
    "RolePart",
    "Roles",
    "Section",
    "Session",
    "WorkbookContent",
    "WorkbookContentError",
    "built_in_path",
    "content_for",
    "custom_file_name",
    "export_content",
    "load_content",
    "load_content_file",
    "structure",
]

SESSION_KEYS = ("kickoff", "meeting1", "meeting2", "meeting3", "meeting4", "closing")
CLAUSE_KEYS = ("goals", "rhythm", "confidentiality", "contact", "feedback", "ending")
LABEL_KEYS = (
    "contents", "mentor", "adept", "adepts", "round", "coordinator", "planned_date", "date",
    "theme", "purpose", "duration", "questions", "exercises", "before_next", "notes",
    "signature", "name", "page", "reflection_for",
)  # fmt: skip
MAX_LINES = 30


@dataclass(frozen=True)
class ContentChoice:
    """The content to print, and why the organisation's own file was not used (if so)."""

    content: WorkbookContent
    source: Path  # the file the content came from
    error: WorkbookContentError | None = None


@cache
def load_content(language: str) -> WorkbookContent:
    """The built-in workbook text for ``language`` (read and checked once)."""
    if language not in LANGUAGES:
        raise WorkbookContentError(
            N_("There is no workbook text in the language “{language}”."), language=language
        )
    return load_content_file(built_in_path(language), language)


def built_in_path(language: str) -> Path:
    return resource_path("workbook", f"{language}.toml")


def custom_file_name(language: str) -> str:
    return f"workbook-{language}.toml"


def load_content_file(path: Path, language: str | None = None) -> WorkbookContent:
    """Read and check a workbook text file, e.g. an organisation's edited copy."""
    try:
        with Path(path).open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise WorkbookContentError(
            N_("{path} is not a valid TOML file: {detail}. Correct it in a text editor."),
            path=path,
            detail=str(exc),
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise WorkbookContentError(
            N_("{path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    return parse(Reader(Path(path), data), language)


def content_for(language: str, custom_dir: Path | None) -> ContentChoice:
    """The organisation's edited text for ``language`` if there is a valid one, else ours.

    A broken edited file does not stop printing: the built-in text is used and the error is
    handed back for the caller to show.
    """
    if custom_dir is not None:
        path = Path(custom_dir) / custom_file_name(language)
        if path.is_file():
            try:
                return ContentChoice(load_content_file(path, language), path)
            except WorkbookContentError as error:
                return ContentChoice(load_content(language), built_in_path(language), error)
    return ContentChoice(load_content(language), built_in_path(language))


def export_content(language: str, path: Path) -> Path:
    """Write the built-in text for ``language`` to ``path`` for an organisation to edit."""
    load_content(language)  # refuse to hand out a file we could not read back
    data = built_in_path(language).read_bytes()
    path = Path(path)
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".part")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        move_into_place(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def parse(top: Reader, language: str | None = None) -> WorkbookContent:
    """Build the content from a parsed file, checking every key on the way."""
    if language is not None:
        top.choice("language", (language,))
    how_to_use = top.table("how_to_use")
    roles = top.table("roles")
    agreement = top.table("agreement")
    goals = top.table("goals")
    gatherings = top.table("gatherings")
    reflection = top.table("reflection")
    help_ = top.table("help")
    return WorkbookContent(
        language=top.text("language"),
        title=top.text("title"),
        subtitle=top.text("subtitle"),
        welcome=_section(top.table("welcome")),
        how_to_use=Section(
            how_to_use.text("title"), how_to_use.texts("paragraphs"), how_to_use.texts("bullets")
        ),
        roles=Roles(
            roles.text("title"),
            roles.text("intro"),
            tuple(RolePart(p.text("heading"), p.texts("bullets")) for p in roles.tables("parts")),
        ),
        agreement=Agreement(
            agreement.text("title"),
            agreement.text("intro"),
            agreement.flag("signatures"),
            _clauses(agreement),
        ),
        goals=Goals(
            goals.text("title"),
            goals.text("intro"),
            goals.texts("columns", count=3),
            goals.whole("rows", 1, MAX_LINES),
        ),
        sessions=_sessions(top),
        gatherings=Gatherings(
            gatherings.text("title"),
            gatherings.text("intro"),
            tuple(
                Event(e.text("title"), e.text("description")) for e in gatherings.tables("events")
            ),
        ),
        reflection=Reflection(
            reflection.text("title"), reflection.text("intro"), reflection.texts("prompts")
        ),
        help=Help(
            help_.text("title"),
            help_.text("intro"),
            tuple(
                HelpResource(r.text("name"), r.text("description"))
                for r in help_.tables("resources")
            ),
        ),
        labels=_labels(top.table("labels")),
    )


def _section(table: Reader) -> Section:
    return Section(table.text("title"), table.texts("paragraphs"))


def _clauses(agreement: Reader) -> tuple[Clause, ...]:
    clauses = []
    seen: set[str] = set()
    for clause in agreement.tables("clauses"):
        remaining = tuple(key for key in CLAUSE_KEYS if key not in seen)
        key = clause.choice("key", remaining)
        seen.add(key)
        clauses.append(
            Clause(key, clause.text("heading"), clause.text("prompt"), clause.whole("lines", 1, 20))
        )
    return tuple(clauses)


def _sessions(top: Reader) -> tuple[Session, ...]:
    sessions = []
    for expected_key, table in zip(
        SESSION_KEYS, top.tables("sessions", count=len(SESSION_KEYS)), strict=True
    ):
        key = table.choice("key", (expected_key,))
        joint = key in ("kickoff", "closing")
        sessions.append(
            Session(
                key=key,
                kind=table.choice("kind", ("joint",) if joint else ("pair",)),
                number=table.whole("number", *((0, 0) if joint else (int(key[-1]),) * 2)),
                title=table.text("title"),
                theme=table.text("theme"),
                purpose=table.text("purpose"),
                duration=table.text("duration"),
                questions=table.texts("questions"),
                before_next=table.text("before_next"),
                exercises=tuple(
                    Exercise(
                        e.text("title"),
                        e.text("instructions"),
                        e.texts("steps", allow_empty=True),
                        e.whole("writing_lines", 0, MAX_LINES),
                    )
                    for e in table.tables("exercises")
                ),
            )
        )
    return tuple(sessions)


def _labels(table: Reader) -> Labels:
    labels = Labels(**{key: table.text(key) for key in LABEL_KEYS})
    if "{session}" not in labels.reflection_for:
        raise table.fail(
            table.where("reflection_for"),
            (N_("a text that contains {marker}"), {"marker": "{session}"}),
            labels.reflection_for,
        )
    return labels


def structure(value: Any) -> Any:
    """The shape of the content without its wording, to compare two languages.

    Texts become ``"text"``; keys, kinds, numbers and the lengths of lists are kept, since a
    translation must not change what is printed where.
    """
    if is_dataclass(value):
        return {
            f.name: getattr(value, f.name)
            if f.name in ("key", "kind")
            else structure(getattr(value, f.name))
            for f in fields(value)
        }
    if isinstance(value, tuple | list):
        return [structure(item) for item in value]
    if isinstance(value, str):
        return "text"
    return value
