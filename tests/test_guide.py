import tomllib
from datetime import date

import pytest

from mentorapp.errors import ValidationError
from mentorapp.guide.content import load_guide
from mentorapp.guide.progress import Scope
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import LANGUAGES
from mentorapp.paths import resource_path
from mentorapp.programme.programmes import CohortDraft
from mentorapp.workspace.services import Services


def test_both_languages_have_the_same_structure() -> None:
    swedish, english = load_guide("sv"), load_guide("en")
    assert list(swedish) == list(english) == [stage.key for stage in STAGES]
    for key in swedish:
        assert [i.key for i in swedish[key].items] == [i.key for i in english[key].items]
        assert swedish[key].purpose and english[key].purpose
        assert swedish[key].help and english[key].help
        assert len(swedish[key].items) >= 3


def test_every_stage_has_its_texts_in_every_language() -> None:
    """A stage added to STAGES needs its purpose, help and checklist in each language's file;
    a section left behind for a stage that is gone is a mistake too."""
    keys = [stage.key for stage in STAGES]
    first = load_guide(LANGUAGES[0])
    for language in LANGUAGES:
        with resource_path("guide", f"{language}.toml").open("rb") as handle:
            assert sorted(tomllib.load(handle)["stages"]) == sorted(keys), language
        guide = load_guide(language)
        for key in keys:
            assert guide[key].purpose and guide[key].help, (language, key)
            assert len(guide[key].items) >= 3, (language, key)
            assert all(item.text for item in guide[key].items), (language, key)
            assert [i.key for i in guide[key].items] == [i.key for i in first[key].items]
            assert len({i.key for i in guide[key].items}) == len(guide[key].items), key


def test_the_four_first_stages_belong_to_the_programme() -> None:
    assert [s.key for s in STAGES if not s.per_round] == [
        "idea",
        "anchoring",
        "purpose",
        "resources",
    ]


def test_ticking_an_item_is_kept(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    row = services.guide.checklist(scope, "recruitment", "en")[0]
    services.guide.set_done(scope, row, True, on=date(2027, 1, 3))
    again = services.guide.checklist(scope, "recruitment", "sv")[0]
    assert again.done and again.done_on == date(2027, 1, 3)
    assert again.text == load_guide("sv")["recruitment"].items[0].text


def test_round_stages_are_kept_per_round(services: Services, cohort) -> None:
    first = Scope(cohort.programme_id, cohort.id)
    second_round = services.programmes.save_cohort(
        cohort.programme_id, CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20))
    )
    second = Scope(cohort.programme_id, second_round.id)
    for stage_key in ("idea", "matching"):
        row = services.guide.checklist(first, stage_key, "en")[0]
        services.guide.set_done(first, row, True)
    assert services.guide.checklist(second, "idea", "en")[0].done  # the programme's stage
    assert not services.guide.checklist(second, "matching", "en")[0].done  # a new round


def test_notes_and_undoing_a_tick(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    row = services.guide.checklist(scope, "idea", "en")[1]
    services.guide.set_note(scope, row, "  Ask Łukasz about figures ")
    services.guide.set_done(scope, row, True)
    services.guide.set_done(scope, services.guide.checklist(scope, "idea", "en")[1], False)
    after = services.guide.checklist(scope, "idea", "en")[1]
    assert (after.done, after.done_on, after.note) == (False, None, "Ask Łukasz about figures")


def test_own_items_are_added_renamed_and_removed(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    builtins = len(services.guide.checklist(scope, "kickoff", "en"))
    added = services.guide.add_own_item(scope, "kickoff", "Book the hall")
    rows = services.guide.checklist(scope, "kickoff", "en")
    assert len(rows) == builtins + 1 and rows[-1].own and rows[-1].text == "Book the hall"
    services.guide.rename_own_item(added.entry_id, "Book the big hall")
    assert services.guide.checklist(scope, "kickoff", "sv")[-1].text == "Book the big hall"
    services.guide.remove_own_item(added.entry_id)
    assert len(services.guide.checklist(scope, "kickoff", "en")) == builtins


def test_empty_own_item_is_refused(services: Services, cohort) -> None:
    with pytest.raises(ValidationError):
        services.guide.add_own_item(Scope(cohort.programme_id, cohort.id), "idea", "   ")


def test_round_stage_without_a_round(services: Services, programme) -> None:
    scope = Scope(programme.id, None)
    assert services.guide.checklist(scope, "matching", "en") == []
    with pytest.raises(ValidationError):
        services.guide.add_own_item(scope, "matching", "Something")
    overview = services.standing.standing(scope, "en")
    assert overview.current_stage.key == "idea"
    assert not [p for p in overview.stages if p.stage.per_round and p.available]


def test_overview_moves_to_the_first_open_stage(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    for stage in STAGES[:5]:
        for row in services.guide.checklist(scope, stage.key, "en"):
            services.guide.set_done(scope, row, True)
    overview = services.standing.standing(scope, "en")
    assert overview.current_stage.key == "selection"
    assert overview.next_items[0].stage == "selection"
    assert len(overview.next_items) == 5
    assert 0 < overview.share < 1
