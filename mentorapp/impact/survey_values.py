"""One survey answer: what someone typed, or what a form's CSV export holds, as the stored
value (``"4"``, ``"dont_know"``, ``"yes"``, an option key, a number, a text).

Apart from ``impact.survey_content`` (which reads and checks whole survey files) because the
entry view, the import and the services ask this of every single answer.
"""

from __future__ import annotations

from collections.abc import Iterable

from mentorapp.domain.text import fold_label
from mentorapp.errors import ValidationError
from mentorapp.i18n import LANGUAGES, N_
from mentorapp.impact.survey_content import built_in_path, load_content
from mentorapp.impact.survey_model import (
    AGREE_VALUES,
    DONT_KNOW,
    MAX_TEXT,
    YES_NO_VALUES,
    Item,
    ItemKind,
    SurveyContent,
)

NOT_AN_ANSWER = N_("“{value}” is not an answer to “{item}”. Give one of: {allowed}.")
NOT_IN_RANGE = N_("“{value}” is not an answer to “{item}”. Give a whole number {low}–{high}.")
TOO_LONG = N_("The answer to “{item}” has {length} characters; it may have at most {limit}.")


def _shown(value: str) -> str:
    return value if len(value) <= 40 else value[:39] + "…"


def _allowed(item: Item) -> tuple[str, ...]:
    if item.kind is ItemKind.AGREE:
        return AGREE_VALUES
    if item.kind is ItemKind.YES_NO:
        return YES_NO_VALUES
    if item.kind is ItemKind.CHOICE:
        return tuple(option.key for option in item.options)
    return ()


def check_value(item: Item, value: str) -> str:
    """The stored form of one answer to ``item``; "" for a blank one.

    Stored values only (``"4"``, ``"dont_know"``, ``"yes"``, an option key), in any case and
    with spaces around; a label such as "Strongly agree" is ``value_from_label``'s job.
    """
    text = str(value).strip()
    if not text:
        return ""
    if item.kind is ItemKind.TEXT:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
        if len(text) > MAX_TEXT:
            raise ValidationError(
                TOO_LONG, item.key, item=item.key, length=len(text), limit=MAX_TEXT
            )
        return text
    if item.kind in (ItemKind.ZERO_TO_TEN, ItemKind.NUMBER):
        low, high = (0, 10) if item.kind is ItemKind.ZERO_TO_TEN else (item.low, item.high)
        if text.isascii() and text.isdigit() and low <= int(text) <= high:
            return str(int(text))
        raise ValidationError(
            NOT_IN_RANGE, item.key, value=_shown(text), item=item.key, low=low, high=high
        )
    allowed = _allowed(item)
    folded = text.casefold()
    for candidate in allowed:
        if folded == candidate.casefold():
            return candidate
    raise ValidationError(
        NOT_AN_ANSWER, item.key, value=_shown(text), item=item.key, allowed=", ".join(allowed)
    )


def _labels(item: Item, content: SurveyContent) -> Iterable[tuple[str, str]]:
    """(label, stored value) pairs ``content`` offers for an item like ``item``."""
    scales = content.scales
    if item.kind is ItemKind.AGREE:
        yield from ((label, str(number)) for number, label in enumerate(scales.agree, 1))
        yield scales.dont_know, DONT_KNOW
    elif item.kind is ItemKind.YES_NO:
        yield scales.yes, "yes"
        yield scales.no, "no"
    elif item.kind is ItemKind.ZERO_TO_TEN:
        yield scales.zero, "0"
        yield scales.ten, "10"
    elif item.kind is ItemKind.CHOICE:
        keys = {option.key for option in item.options}
        for survey in content.surveys:
            same = survey.item(item.key)
            if same is not None and same.kind is item.kind:
                yield from ((o.label, o.key) for o in same.options if o.key in keys)


def value_from_label(
    item: Item,
    text: str,
    languages: Iterable[str] = LANGUAGES,
    contents: Iterable[SurveyContent] = (),
) -> str | None:
    """A stored value from a stored value or a label in any of ``languages`` (a form's CSV
    export says "Strongly agree" or "Instämmer helt", "Ja", "Vet inte") or of ``contents``
    (an organisation's edited copies, whose scales may be reworded: "Fully agree"), or None
    when ``text`` is neither. A blank ``text`` gives ""."""
    try:
        return check_value(item, text)
    except ValidationError:
        if item.kind in (ItemKind.TEXT, ItemKind.NUMBER):
            return None
    wanted = fold_label(text)
    pairs: list[tuple[str, str]] = [(option.label, option.key) for option in item.options]
    for content in contents:
        pairs.extend(_labels(item, content))
    for language in languages:
        if built_in_path(language).is_file():  # a new UI language may not have surveys yet
            pairs.extend(_labels(item, load_content(language)))
    for label, value in pairs:
        if fold_label(label) == wanted:
            return value
    return None
