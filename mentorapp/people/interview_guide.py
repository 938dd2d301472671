"""The interview guide: per role, the questions asked at a selection interview, per language.

The questions live in ``resources/interviews/<lang>.toml`` (not the gettext catalog) because
organisations adapt their wording. A question's ``key`` is what an answer is stored under, so
both languages carry the same keys and an interview held in Swedish reads back in English.
A fault in an edited file is reported with the file and the place (``mentor[2].hint``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mentorapp.documents.content_reader import Reader, WorkbookContentError
from mentorapp.domain.enums import Role
from mentorapp.i18n import N_
from mentorapp.paths import resource_path

ROLES = tuple(role.value for role in Role)
FALLBACK_LANGUAGE = "en"


@dataclass(frozen=True)
class Question:
    key: str
    question: str
    hint: str


@dataclass(frozen=True)
class InterviewGuide:
    title: str
    intro: str
    questions: dict[str, tuple[Question, ...]]  # by role

    def for_role(self, role: str) -> tuple[Question, ...]:
        return self.questions.get(role, ())

    def keys(self, role: str) -> tuple[str, ...]:
        return tuple(question.key for question in self.for_role(role))


class InterviewGuideError(WorkbookContentError):
    """The guide's file could not be used; the message names the file and the place."""

    title = N_("The interview guide could not be read")


def built_in_path(language: str) -> Path:
    return resource_path("interviews", f"{language}.toml")


@cache
def load_guide(language: str) -> InterviewGuide:
    """The guide in ``language``, or in English for a language that has no guide yet."""
    path = built_in_path(language)
    if not path.is_file():
        path = built_in_path(FALLBACK_LANGUAGE)
    return load_guide_file(path)


def load_guide_file(path: Path) -> InterviewGuide:
    """Read and check one guide file (the built-in one or an organisation's edited copy)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise InterviewGuideError(
            N_("The file {path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    try:
        return _read(Reader(path, data))
    except InterviewGuideError:
        raise
    except WorkbookContentError as error:  # the reader's own class: give it our title
        params = {k: v for k, v in error.params.items() if k not in error.phrases}
        raise InterviewGuideError(error.template, error.phrases, **params) from error


def _read(reader: Reader) -> InterviewGuide:
    head = reader.table("guide")
    questions: dict[str, tuple[Question, ...]] = {}
    for role in ROLES:
        items = []
        seen: set[str] = set()
        for item in reader.tables(role):
            key = item.text("key")
            if key in seen:
                raise InterviewGuideError(
                    N_("{path}: “{place}” repeats the key “{key}”; each question needs its own."),
                    path=reader.file,
                    place=item.where("key"),
                    key=key,
                )
            seen.add(key)
            items.append(Question(key, item.text("question"), item.text("hint")))
        questions[role] = tuple(items)
    return InterviewGuide(head.text("title"), head.text("intro"), questions)
