"""Every built-in checklist item says when it is due, the same in every language."""

from __future__ import annotations

import pytest

from mentorapp.guide import content
from mentorapp.guide.content import GuideContentError, load_guide
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import LANGUAGES
from mentorapp.planning.milestones import milestone_keys


def test_every_item_has_a_due_rule_and_the_languages_agree() -> None:
    first = load_guide(LANGUAGES[0])
    for language in LANGUAGES:
        guide = load_guide(language)
        for stage in STAGES:
            rules = [(i.key, i.milestone, i.offset) for i in guide[stage.key].items]
            assert rules == [(i.key, i.milestone, i.offset) for i in first[stage.key].items]
            assert all(milestone for _key, milestone, _offset in rules), (language, stage.key)


def test_every_items_milestone_exists_in_any_round() -> None:
    """Only milestones every round has (one meeting, no gatherings is the smallest round)."""
    always = set(milestone_keys(1, 0))
    for stage in STAGES:
        for item in load_guide("en")[stage.key].items:
            assert item.milestone in always, (stage.key, item.key, item.milestone)
            assert -365 <= item.offset <= 365, (stage.key, item.key)


def test_items_are_due_in_the_order_of_their_stages_milestones() -> None:
    """A sanity check on the numbers: recruitment is due before kick-off, and so on."""
    guide = load_guide("en")
    assert {i.milestone for i in guide["recruitment"].items} == {"applications_open"}
    assert {i.milestone for i in guide["followup"].items} == {"midpoint"}
    assert all(i.offset <= 0 for i in guide["kickoff"].items)


def test_a_due_rule_that_is_not_whole_days_is_named(tmp_path, monkeypatch) -> None:
    text = content.resource_path("guide", "en.toml").read_text(encoding="utf-8")
    broken = text.replace("offset = 7\n", 'offset = "a week"\n', 1)
    assert broken != text
    (tmp_path / "guide").mkdir()
    (tmp_path / "guide" / "xx.toml").write_text(broken, encoding="utf-8")
    monkeypatch.setattr(content, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    with pytest.raises(GuideContentError, match="whole number of days"):
        load_guide.__wrapped__("xx")
