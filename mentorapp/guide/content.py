"""Built-in guide content: what each stage is for and its checklist, per language.

The text lives in ``resources/guide/<lang>.toml`` (not in the gettext catalog) because it is
long prose that organisations may want to adapt. Both files must have the same structure.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from functools import cache

from mentorapp.errors import MentorappError
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import N_
from mentorapp.paths import resource_path


@dataclass(frozen=True)
class GuideItem:
    key: str
    text: str
    hint: str = ""
    # When the item is due: ``offset`` days from the round's milestone ``milestone``
    # (planning/milestones.py keys; "" for an item without a due date).
    milestone: str = ""
    offset: int = 0


@dataclass(frozen=True)
class StageContent:
    key: str
    purpose: str
    help: str
    items: tuple[GuideItem, ...]


class GuideContentError(MentorappError):
    title = N_("The guide's content could not be read")


@cache
def load_guide(language: str) -> dict[str, StageContent]:
    """Read and check one language's guide; the result is keyed by stage key."""
    path = resource_path("guide", f"{language}.toml")
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise GuideContentError(
            N_("The file {path} could not be read: {detail}"), path=path, detail=str(exc)
        ) from exc
    stages = data.get("stages", {})
    content: dict[str, StageContent] = {}
    for stage in STAGES:
        raw = stages.get(stage.key)
        if not isinstance(raw, dict):
            raise GuideContentError(
                N_("The file {path} has no section for the stage “{stage}”."),
                path=path,
                stage=stage.key,
            )
        items = tuple(_item(path, stage.key, item) for item in raw.get("items", []))
        content[stage.key] = StageContent(
            key=stage.key,
            purpose=raw.get("purpose", "").strip(),
            help=raw.get("help", "").strip(),
            items=items,
        )
    return content


def _item(path: object, stage_key: str, item: dict[str, object]) -> GuideItem:
    milestone, offset = item.get("milestone", ""), item.get("offset", 0)
    if not isinstance(milestone, str) or type(offset) is not int:
        raise GuideContentError(
            N_(
                "In {path}, an item of the stage “{stage}” has a due date that is not a "
                "milestone and a whole number of days."
            ),
            path=path,
            stage=stage_key,
        )
    return GuideItem(
        key=str(item["key"]),
        text=str(item["text"]).strip(),
        hint=str(item.get("hint", "")).strip(),
        milestone=milestone,
        offset=offset,
    )
