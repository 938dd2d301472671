"""Eligibility criteria: built-in ones follow the UI language until rewritten; confirmations
record only that (and when) a criterion was met."""

from __future__ import annotations

import importlib.util
import tomllib
from datetime import date

import pytest

from mentorapp.db.migrate import MIGRATIONS_DIR
from mentorapp.errors import ValidationError
from mentorapp.paths import resource_path
from mentorapp.people.eligibility import DEFAULT_CRITERIA, EligibilityService, builtin_texts
from mentorapp.programme.programmes import ProgrammeDraft
from mentorapp.workspace.services import Services


def _keys(service: EligibilityService, programme_id: int, role: str) -> list[str | None]:
    return [c.key for c in service.criteria(programme_id, role, "en")]


def _texts(service: EligibilityService, programme_id: int, role: str) -> list[str]:
    return [c.text for c in service.criteria(programme_id, role, "en")]


def test_defaults_match_the_frozen_copy_in_migration_0002() -> None:
    [path] = (MIGRATIONS_DIR / "versions").glob("0002_*.py")
    spec = importlib.util.spec_from_file_location("migration_0002", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert {role: tuple(keys) for role, keys in module.DEFAULT_CRITERIA.items()} == (
        DEFAULT_CRITERIA
    )


@pytest.mark.parametrize("language", ["sv", "en"])
def test_content_files_hold_exactly_the_built_in_criteria(language: str) -> None:
    with resource_path("eligibility", f"{language}.toml").open("rb") as handle:
        data = tomllib.load(handle)
    assert {role: tuple(entries) for role, entries in data.items()} == DEFAULT_CRITERIA
    texts = builtin_texts(language)
    assert all(t.text and t.hint and not t.text.endswith(".") for t in texts.values())
    never = "medborgarskap" if language == "sv" else "nationality"
    for key in ("foreign_background", "residence_permit"):
        assert never in texts[("adept", key)].hint


def test_a_new_programme_gets_the_built_in_criteria(services: Services, programme) -> None:
    eligibility = services.eligibility
    assert _keys(eligibility, programme.id, "adept") == list(DEFAULT_CRITERIA["adept"])
    assert _keys(eligibility, programme.id, "mentor") == list(DEFAULT_CRITERIA["mentor"])
    # Saving the programme again adds nothing.
    services.programmes.save_programme(ProgrammeDraft("Broar", "Ny titel"), programme.id)
    with services.database.transaction() as session:
        eligibility.ensure_defaults(session, programme.id)
    assert len(eligibility.criteria(programme.id, "adept", "en")) == 5


def test_built_in_texts_follow_the_language(services: Services, programme) -> None:
    english = services.eligibility.criteria(programme.id, "adept", "en")[0]
    swedish = services.eligibility.criteria(programme.id, "adept", "sv")[0]
    assert english.id == swedish.id and english.key == "foreign_background"
    assert "Statistics Sweden" in english.text and "born abroad" in english.text
    assert "SCB" in swedish.text and "född utomlands" in swedish.text
    assert english.hint != swedish.hint and not english.custom
    mentor = services.eligibility.criteria(programme.id, "mentor", "en")[-1]
    assert "12 hours over 4 months" in mentor.text
    assert "12 timmar under 4 månader" in services.eligibility.criterion(mentor.id, "sv").text


def test_edit_a_built_in_criterion_and_go_back(services: Services, programme) -> None:
    eligibility = services.eligibility
    first = eligibility.criteria(programme.id, "adept", "en")[0]
    eligibility.edit(first.id, "  Utrikes född eller två utrikes födda föräldrar ")
    for language in ("en", "sv"):
        edited = eligibility.criterion(first.id, language)
        assert edited.text == "Utrikes född eller två utrikes födda föräldrar" and edited.custom
        assert edited.key == "foreign_background" and edited.hint
    eligibility.edit(first.id, "")
    assert eligibility.criterion(first.id, "en") == first


def test_own_criteria_are_added_edited_and_removed(services: Services, programme, add) -> None:
    eligibility = services.eligibility
    own_id = eligibility.add(programme.id, "adept", "  Motiverad att söka jobb inom sitt yrke ")
    own = eligibility.criteria(programme.id, "adept", "en")[-1]
    assert (own.id, own.key, own.custom, own.hint) == (own_id, None, True, "")
    assert own.text == "Motiverad att söka jobb inom sitt yrke" and not own.builtin
    with pytest.raises(ValidationError) as caught:
        eligibility.edit(own_id, "   ")
    assert caught.value.field == "text"
    with pytest.raises(ValidationError):
        eligibility.add(programme.id, "adept", "")
    eligibility.edit(own_id, "Drivkraft")
    assert eligibility.criterion(own_id, "sv").text == "Drivkraft"
    row = add()
    eligibility.confirm(row.enrolment_id, own_id, True)
    eligibility.remove(own_id)
    assert own_id not in [c.id for c in eligibility.criteria(programme.id, "adept", "en", True)]
    assert eligibility.confirmations(row.enrolment_id) == {}
    with pytest.raises(ValidationError):
        eligibility.remove(own_id)


def test_remove_move_and_restore(services: Services, programme) -> None:
    eligibility = services.eligibility
    adept = DEFAULT_CRITERIA["adept"]
    ids = {c.key: c.id for c in eligibility.criteria(programme.id, "adept", "en")}
    own_id = eligibility.add(programme.id, "adept", "Drivkraft")
    eligibility.remove(ids["residence_permit"])
    assert "residence_permit" not in _keys(eligibility, programme.id, "adept")
    removed = eligibility.criteria(programme.id, "adept", "en", include_removed=True)
    assert [c.key for c in removed if not c.active] == ["residence_permit"]
    eligibility.move(own_id, -2)
    eligibility.move(ids["foreign_background"], 1)
    assert _keys(eligibility, programme.id, "adept") == [
        adept[1],
        adept[0],
        None,
        adept[2],
        adept[4],
    ]
    eligibility.move(ids["post_secondary_education"], -5)  # already first: stays first
    eligibility.move(ids["no_matching_job"], 9)  # already last among the active: stays
    assert _keys(eligibility, programme.id, "adept")[0] == adept[1]
    assert _keys(eligibility, programme.id, "adept")[-1] == adept[4]
    positions = [c.position for c in eligibility.criteria(programme.id, "adept", "en")]
    assert positions == sorted(positions) and len(set(positions)) == len(positions)
    eligibility.edit(ids["swedish_or_english"], "Talar svenska")
    eligibility.restore_defaults(programme.id, "adept")
    assert _keys(eligibility, programme.id, "adept") == [*adept, None]
    assert not any(c.custom for c in eligibility.criteria(programme.id, "adept", "en")[:5])
    assert _keys(eligibility, programme.id, "mentor") == list(DEFAULT_CRITERIA["mentor"])


def test_restore_brings_back_a_missing_built_in(services: Services, programme) -> None:
    from sqlmodel import delete

    from mentorapp.domain.models import EligibilityCriterion

    with services.database.transaction() as session:
        session.exec(delete(EligibilityCriterion).where(EligibilityCriterion.role == "mentor"))
    services.eligibility.restore_defaults(programme.id, "mentor")
    assert _keys(services.eligibility, programme.id, "mentor") == list(DEFAULT_CRITERIA["mentor"])


def test_confirm_and_unconfirm(services: Services, programme, add) -> None:
    eligibility = services.eligibility
    row = add()
    first, second = eligibility.criteria(programme.id, "adept", "en")[:2]
    eligibility.confirm(row.enrolment_id, first.id, True, on=date(2027, 1, 20))
    eligibility.confirm(row.enrolment_id, second.id, True)
    eligibility.confirm(row.enrolment_id, first.id, True, on=date(2027, 2, 2))  # keeps the date
    assert eligibility.confirmations(row.enrolment_id) == {
        first.id: date(2027, 1, 20),
        second.id: date.today(),
    }
    assert services.participants.row(row.enrolment_id).confirmed == {first.id, second.id}
    eligibility.confirm(row.enrolment_id, first.id, False)
    eligibility.confirm(row.enrolment_id, first.id, False)  # twice is harmless
    assert eligibility.confirmations(row.enrolment_id) == {second.id: date.today()}


def test_a_criterion_of_the_other_role_cannot_be_confirmed(
    services: Services, programme, add
) -> None:
    row = add()
    mentor_criterion = services.eligibility.criteria(programme.id, "mentor", "en")[0]
    with pytest.raises(ValidationError):
        services.eligibility.confirm(row.enrolment_id, mentor_criterion.id, True)
    with pytest.raises(ValidationError):
        services.eligibility.confirm(row.enrolment_id + 99, mentor_criterion.id, True)
    assert services.eligibility.confirmations(row.enrolment_id) == {}
