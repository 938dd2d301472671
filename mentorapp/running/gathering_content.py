"""The default joint gatherings a coordinator can start from (job search, networking, salary
and union, interview practice, a closing celebration), per language.

They live in ``resources/gatherings/<lang>.toml`` (not the gettext catalog) because
organisations adapt their wording. Both languages carry the same keys, so the dialog offers
the same templates whatever the language; a fault in an edited file names the file and the
place (``gathering[2].minutes``).
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mentorapp.documents.content_reader import Reader, WorkbookContentError
from mentorapp.i18n import N_
from mentorapp.paths import resource_path

FALLBACK_LANGUAGE = "en"
MIN_MINUTES, MAX_MINUTES = 5, 1440


@dataclass(frozen=True)
class GatheringTemplate:
    key: str
    title: str
    description: str
    minutes: int


class GatheringContentError(WorkbookContentError):
    """The templates' file could not be used; the message names the file and the place."""

    title = N_("The default gatherings could not be read")


def built_in_path(language: str) -> Path:
    return resource_path("gatherings", f"{language}.toml")


@cache
def load_templates(language: str) -> tuple[GatheringTemplate, ...]:
    """The templates in ``language``, or in English for a language that has none yet."""
    path = built_in_path(language)
    if not path.is_file():
        path = built_in_path(FALLBACK_LANGUAGE)
    return load_templates_file(path)


def template(language: str, key: str) -> GatheringTemplate | None:
    """The template called ``key`` in ``language`` (None for an unknown key)."""
    return next((t for t in load_templates(language) if t.key == key), None)


def load_templates_file(path: Path) -> tuple[GatheringTemplate, ...]:
    """Read and check one templates file (the built-in one or an organisation's copy)."""
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GatheringContentError(
            N_("The file {path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    try:
        return _read(Reader(path, data))
    except GatheringContentError:
        raise
    except WorkbookContentError as error:  # the reader's own class: give it our title
        params = {k: v for k, v in error.params.items() if k not in error.phrases}
        raise GatheringContentError(error.template, error.phrases, **params) from error


def _read(reader: Reader) -> tuple[GatheringTemplate, ...]:
    found: list[GatheringTemplate] = []
    seen: set[str] = set()
    for item in reader.tables("gathering"):
        key = item.text("key")
        if key in seen:
            raise GatheringContentError(
                N_("{path}: “{place}” repeats the key “{key}”; each gathering needs its own."),
                path=reader.file,
                place=item.where("key"),
                key=key,
            )
        seen.add(key)
        found.append(
            GatheringTemplate(
                key=key,
                title=item.text("title"),
                description=item.text("description"),
                minutes=item.whole("minutes", MIN_MINUTES, MAX_MINUTES),
            )
        )
    return tuple(found)
