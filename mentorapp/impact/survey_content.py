"""The survey instruments, per language, from ``resources/surveys/<lang>.toml``.

The questions are prose an organisation may reword (``export_content`` hands out the built-in
file, ``content_for`` prefers an edited ``surveys-<lang>.toml`` next to the edited workbook
text), but their keys, kinds and option keys are what stored answers and the impact report
are made of. So every file is checked when it is read, faults are named by file and place
(``surveys[2].items[4].options``), and an edited copy must have exactly the built-in
structure: only the words may differ.

What one answer may be is ``impact.survey_values``'s job.
"""

from __future__ import annotations

import os
import re
import tempfile
import tomllib
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from mentorapp.documents.content_reader import Reader, WorkbookContentError
from mentorapp.domain.text import fold_label
from mentorapp.errors import (
    file_problem,
    move_into_place,
    require_output_file,
)
from mentorapp.i18n import LANGUAGES, N_
from mentorapp.impact.survey_model import (
    AUDIENCES,
    DONT_KNOW,
    FIXED_ITEMS,
    SURVEY_KEYS,
    Item,
    ItemKind,
    Option,
    ScaleLabels,
    Survey,
    SurveyContent,
)
from mentorapp.paths import resource_path

__all__ = [
    "SurveyContentChoice",
    "SurveyContentError",
    "built_in_path",
    "content_for",
    "custom_file_name",
    "export_content",
    "export_content_to",
    "load_content",
    "load_content_file",
]

MAX_NUMBER = 1_000_000
KEY_PATTERN = re.compile(r"[a-z0-9_]+")


class SurveyContentError(WorkbookContentError):
    """The survey text could not be used; the message names the file and the place."""

    title = N_("The survey text could not be read")


@dataclass(frozen=True)
class SurveyContentChoice:
    """The surveys to use, and why the organisation's own file was not used (if so)."""

    content: SurveyContent
    source: Path  # the file the content came from
    error: SurveyContentError | None = None


# -- reading ------------------------------------------------------------------------------------


@cache
def load_content(language: str) -> SurveyContent:
    """The built-in surveys for ``language`` (read and checked once)."""
    if language not in LANGUAGES:
        raise SurveyContentError(
            N_("There are no surveys in the language “{language}”."), language=language
        )
    return _read(built_in_path(language), language)


def built_in_path(language: str) -> Path:
    return resource_path("surveys", f"{language}.toml")


def custom_file_name(language: str) -> str:
    return f"surveys-{language}.toml"


def load_content_file(path: Path, language: str | None = None) -> SurveyContent:
    """Read and check a survey file, e.g. an organisation's edited copy.

    Any file but the built-in one must match the built-in structure of its language.
    """
    content = _read(Path(path), language)
    built_in = built_in_path(content.language)
    if not (built_in.is_file() and Path(path).resolve() == built_in.resolve()):
        _same_structure(Path(path), content, load_content(content.language))
    return content


def content_for(language: str, custom_dir: Path | None) -> SurveyContentChoice:
    """The organisation's edited surveys for ``language`` if there is a valid file, else ours.

    A broken edited file does not stop the work: the built-in text is used and the error is
    handed back for the caller to show.
    """
    if custom_dir is not None:
        path = Path(custom_dir) / custom_file_name(language)
        if path.is_file():
            try:
                return SurveyContentChoice(load_content_file(path, language), path)
            except SurveyContentError as error:
                return SurveyContentChoice(load_content(language), built_in_path(language), error)
    return SurveyContentChoice(load_content(language), built_in_path(language))


def export_content(language: str, folder: Path, replace: bool = False) -> Path:
    """Write the built-in surveys for ``language`` as ``folder/surveys-<lang>.toml`` for an
    organisation to edit; an existing file there is kept unless ``replace``."""
    path = Path(folder) / custom_file_name(language)
    require_output_file(path, replace)
    return export_content_to(language, path)


def export_content_to(language: str, path: Path) -> Path:
    """Write the built-in surveys for ``language`` to ``path``, in one step and readable by
    the owner only."""
    load_content(language)  # refuse to hand out a file we could not read back
    data = built_in_path(language).read_bytes()
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".part"
        )
    except OSError as exc:
        raise file_problem(exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        move_into_place(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise file_problem(exc) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _read(path: Path, language: str | None) -> SurveyContent:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise SurveyContentError(
            N_("{path} is not a valid TOML file: {detail}. Correct it in a text editor."),
            path=path,
            detail=str(exc),
        ) from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise SurveyContentError(
            N_("{path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    return _parse(Reader(path, data, error=SurveyContentError), language)


# -- checking one file --------------------------------------------------------------------------

A_KEY = N_("a key of small letters, digits and _")
A_TEXT_OR_EMPTY = N_("a text (it may be empty)")
UNKNOWN_FIELD = N_("{path}: “{place}” is only used by questions of the kind {kind}; remove it.")
REPEATED = N_(
    "{path}: “{place}” is “{key}”, which is already used at “{first}”. Each key may be used "
    "only once."
)
SURVEY_MISSING = N_(
    "{path}: the survey “{key}” is missing from “surveys”. The file must have these surveys, "
    "in this order: {keys}."
)
SURVEY_ORDER = N_(
    "{path}: the surveys must come in this order: {keys}; “{place}” is “{key}” out of turn."
)
FIXED_MISSING = N_(
    "{path}: the survey “{survey}” ({place}) must ask the question “{key}”, which the impact "
    "report counts."
)
OPTIONS_FIXED = N_(
    "{path}: “{place}” must have exactly the options {expected} (the impact report counts "
    "them), but it has {found}."
)


def _parse(top: Reader, language: str | None) -> SurveyContent:
    if language is not None:
        top.choice("language", (language,))
    file_language = top.choice("language", tuple(LANGUAGES))
    scales = top.table("scales")
    content = SurveyContent(
        language=file_language,
        surveys=_surveys(top),
        scales=ScaleLabels(
            agree=scales.texts("agree", count=5),  # type: ignore[arg-type]
            dont_know=scales.text("dont_know"),
            yes=scales.text("yes"),
            no=scales.text("no"),
            zero=scales.text("zero"),
            ten=scales.text("ten"),
        ),
        thanks=top.text("thanks"),
    )
    return content


def _surveys(top: Reader) -> tuple[Survey, ...]:
    tables = top.tables("surveys")
    keys: dict[str, str] = {}  # survey key → its place
    surveys = []
    for table in tables:
        key = table.choice("key", SURVEY_KEYS)
        if key in keys:
            raise top.error(
                REPEATED, path=top.file, place=table.where("key"), key=key, first=keys[key]
            )
        keys[key] = table.where("key")
        surveys.append(_survey(table, key))
    for key in SURVEY_KEYS:
        if key not in keys:
            raise top.error(SURVEY_MISSING, path=top.file, key=key, keys=", ".join(SURVEY_KEYS))
    for expected, survey, table in zip(SURVEY_KEYS, surveys, tables, strict=True):
        if survey.key != expected:
            raise top.error(
                SURVEY_ORDER,
                path=top.file,
                keys=", ".join(SURVEY_KEYS),
                place=table.where("key"),
                key=survey.key,
            )
    return tuple(surveys)


def _survey(table: Reader, key: str) -> Survey:
    items: list[Item] = []
    places: dict[str, str] = {}
    for item_table in table.tables("items"):
        item = _item(item_table, key)
        if item.key in places:
            raise table.error(
                REPEATED,
                path=table.file,
                place=item_table.where("key"),
                key=item.key,
                first=places[item.key],
            )
        places[item.key] = item_table.where("key")
        items.append(item)
    survey = Survey(
        key=key,
        audience=AUDIENCES[key],
        title=table.text("title"),
        short=table.text("short"),
        when=table.text("when"),
        intro=table.text("intro"),
        items=tuple(items),
    )
    _fixed_items(table, survey, places)
    return survey


def _key(table: Reader, name: str = "key") -> str:
    value = table.get(name, (A_KEY, {}))
    if not isinstance(value, str) or not KEY_PATTERN.fullmatch(value):
        raise table.fail(table.where(name), (A_KEY, {}), value)
    return value


def _item(table: Reader, survey: str) -> Item:
    key = _key(table)
    kind = ItemKind(table.choice("kind", tuple(kind.value for kind in ItemKind)))
    for name, owner in (("options", ItemKind.CHOICE), ("low", ItemKind.NUMBER),
                        ("high", ItemKind.NUMBER)):  # fmt: skip
        if name in table.data and kind is not owner:
            raise table.error(UNKNOWN_FIELD, path=table.file, place=table.where(name), kind=owner)
    options: tuple[Option, ...] = ()
    low = high = 0
    if kind is ItemKind.CHOICE:
        options = _options(table)
    if kind is ItemKind.NUMBER:
        low = table.whole("low", 0, MAX_NUMBER)
        high = table.whole("high", low, MAX_NUMBER)
    fixed = FIXED_ITEMS.get(key)
    return Item(
        key=key,
        kind=kind,
        text=table.text("text"),
        options=options,
        low=low,
        high=high,
        help=_optional_text(table, "help"),
        required_for_report=fixed is not None and survey in fixed[0],
    )


def _options(table: Reader) -> tuple[Option, ...]:
    options = []
    places: dict[str, str] = {}
    for option in table.tables("options"):
        key = _key(option)
        if key in places:
            raise table.error(
                REPEATED, path=table.file, place=option.where("key"), key=key, first=places[key]
            )
        places[key] = option.where("key")
        options.append(Option(key, option.text("label")))
    return tuple(options)


def _optional_text(table: Reader, name: str) -> str:
    if name not in table.data:
        return ""
    value = table.data[name]
    if not isinstance(value, str):
        raise table.fail(table.where(name), (A_TEXT_OR_EMPTY, {}), value)
    return value.strip()


def _fixed_items(table: Reader, survey: Survey, places: dict[str, str]) -> None:
    """The items the impact report counts must be there, with their kind and option keys."""
    for key, (surveys, kind, option_keys) in FIXED_ITEMS.items():
        if survey.key not in surveys:
            continue
        item = survey.item(key)
        if item is None:
            raise table.error(
                FIXED_MISSING, path=table.file, survey=survey.key, place=table.where("items"),
                key=key,
            )  # fmt: skip
        place = places[key].removesuffix(".key")
        if item.kind is not kind:
            raise table.error(
                N_("{path}: “{place}” must be of the kind {expected} (the impact report counts "
                   "it), but it is {found}."),
                path=table.file, place=f"{place}.kind", expected=kind.value,
                found=item.kind.value,
            )  # fmt: skip
        found = tuple(option.key for option in item.options)
        if kind is ItemKind.CHOICE and set(found) != set(option_keys):
            raise table.error(
                OPTIONS_FIXED,
                path=table.file,
                place=f"{place}.options",
                expected=", ".join(option_keys),
                found=", ".join(found),
            )


# -- an edited copy against the built-in structure ----------------------------------------------

ITEM_EXTRA = N_(
    "{path}: “{place}” is the question “{key}”, which the built-in survey “{survey}” does not "
    "have. Question keys cannot be changed or added; only the wording may."
)
ITEM_MISSING = N_(
    "{path}: the question “{key}” of the survey “{survey}” is missing from “{place}”. "
    "Questions cannot be removed; only the wording may change."
)
NOT_AS_BUILT_IN = N_(
    "{path}: “{place}” should be {expected} as in the built-in survey, but it is {found}. "
    "Only the wording may change."
)
OPTION_EXTRA = N_(
    "{path}: “{place}” has the option “{key}”, which the built-in question does not have "
    "(its options are {expected}). Option keys cannot be changed; only their labels may."
)
OPTION_MISSING = N_(
    "{path}: the option “{key}” is missing from “{place}” (the built-in question has "
    "{expected}). Options cannot be removed; only their labels may change."
)


MEANS_ANOTHER = N_(
    "{path}: “{place}” is “{label}”, which is the built-in wording of another answer "
    "(“{value}”). A reworded label must keep its meaning, or answers would be read as "
    "something else; choose other words."
)


def _scale_labels(scales: ScaleLabels) -> dict[str, list[tuple[str, str, str]]]:
    """(place, label, stored value) of each scale's labels, by the kind of scale."""
    agree = [(f"scales.agree[{i}]", label, str(i + 1)) for i, label in enumerate(scales.agree)]
    return {
        "agree": [*agree, ("scales.dont_know", scales.dont_know, DONT_KNOW)],
        "yes_no": [("scales.yes", scales.yes, "yes"), ("scales.no", scales.no, "no")],
        "zero_ten": [("scales.zero", scales.zero, "0"), ("scales.ten", scales.ten, "10")],
    }


def _built_in_contents() -> list[SurveyContent]:
    return [load_content(language) for language in LANGUAGES if built_in_path(language).is_file()]


def _same_meanings(path: Path, edited: SurveyContent) -> None:
    """Refuse an edited label that is, in either language, the built-in label of another
    value of its scale or another option of its question (a reversed agreement list, yes and
    no swapped): an import reads labels, and would store the opposite answer."""
    ours = _built_in_contents()
    for kind, labels in _scale_labels(edited.scales).items():
        meanings = {
            (fold_label(label), value)
            for content in ours
            for _place, label, value in _scale_labels(content.scales)[kind]
        }
        for place, label, value in labels:
            other = next((v for f, v in meanings if f == fold_label(label) and v != value), None)
            if other is not None:
                raise SurveyContentError(
                    MEANS_ANOTHER, path=path, place=place, label=label, value=other
                )
    for number, survey in enumerate(edited.surveys):
        for index, item in enumerate(survey.items):
            built = [b for c in ours if (b := c.survey(survey.key).item(item.key)) is not None]
            meanings = {(fold_label(o.label), o.key) for b in built for o in b.options}
            for position, option in enumerate(item.options):
                other = next(
                    (k for f, k in meanings if f == fold_label(option.label) and k != option.key),
                    None,
                )
                if other is not None:
                    raise SurveyContentError(
                        MEANS_ANOTHER,
                        path=path,
                        place=f"surveys[{number}].items[{index}].options[{position}].label",
                        label=option.label,
                        value=other,
                    )


def _same_structure(path: Path, edited: SurveyContent, built_in: SurveyContent) -> None:
    """Refuse an edited copy whose keys, kinds or options differ from ours, or whose labels
    say another answer than ours (``_same_meanings``), naming the place.

    Order within a survey may differ: answers are stored and matched by key."""
    for number, survey in enumerate(edited.surveys):
        ours = built_in.survey(survey.key)
        place = f"surveys[{number}].items"
        keys = [item.key for item in survey.items]
        for index, item in enumerate(survey.items):
            if ours.item(item.key) is None:
                raise SurveyContentError(
                    ITEM_EXTRA, path=path, place=f"{place}[{index}]", key=item.key,
                    survey=survey.key,
                )  # fmt: skip
        for item in ours.items:
            if item.key not in keys:
                raise SurveyContentError(
                    ITEM_MISSING, path=path, key=item.key, survey=survey.key, place=place
                )
        for index, item in enumerate(survey.items):
            _same_item(path, f"{place}[{index}]", item, ours.item(item.key))  # type: ignore[arg-type]
    _same_meanings(path, edited)


def _same_item(path: Path, place: str, item: Item, ours: Item) -> None:
    if item.kind is not ours.kind:
        raise SurveyContentError(
            NOT_AS_BUILT_IN, path=path, place=f"{place}.kind", expected=ours.kind.value,
            found=item.kind.value,
        )  # fmt: skip
    for name in ("low", "high"):
        if getattr(item, name) != getattr(ours, name):
            raise SurveyContentError(
                NOT_AS_BUILT_IN, path=path, place=f"{place}.{name}",
                expected=getattr(ours, name), found=getattr(item, name),
            )  # fmt: skip
    expected = ", ".join(option.key for option in ours.options)
    theirs = [option.key for option in item.options]
    for index, key in enumerate(theirs):
        if key not in {option.key for option in ours.options}:
            raise SurveyContentError(
                OPTION_EXTRA, path=path, place=f"{place}.options[{index}]", key=key,
                expected=expected,
            )  # fmt: skip
    for option in ours.options:
        if option.key not in theirs:
            raise SurveyContentError(
                OPTION_MISSING, path=path, place=f"{place}.options", key=option.key,
                expected=expected,
            )  # fmt: skip
