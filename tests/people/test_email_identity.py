"""One e-mail address is one person, however it was typed or pasted (case, spaces, invisibles)."""

from __future__ import annotations

import unicodedata

import pytest
from sqlalchemy import func, select, update

from mentorapp.cli import main
from mentorapp.domain.models import Person
from mentorapp.domain.text import normalise_email
from mentorapp.people.participants import ParticipantError
from mentorapp.people.privacy import PersonNotFound, PrivacyService

from .conftest import values

PASTED = [
    "Amal@Example.se",
    " amal@example.se\u00a0",
    "\ufeffamal@example.se",
    "am\u200bal@example.se",
    "amal\u200c@exam\u200dple.se",
    "amal@example\u2060.se",
    "am\u00adal@example.se",
    "\u200eamal@example.se\u200f",  # direction marks copied from a right-to-left text
]


@pytest.mark.parametrize("typed", PASTED)
def test_every_way_of_pasting_the_address_gives_one_form(typed: str) -> None:
    assert normalise_email(typed) == "amal@example.se"


def test_letters_are_composed_so_both_spellings_of_a_are_one_address() -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa.Öberg@example.se")
    assert normalise_email(decomposed) == "åsa.öberg@example.se"
    assert len(normalise_email(decomposed)) == len("åsa.öberg@example.se")


def people_count(services) -> int:
    with services.database.reading() as session:
        return session.execute(select(func.count()).select_from(Person)).scalar_one()


def test_adding_by_hand_with_an_invisible_character_enrols_the_known_person(
    services, cohort, add
) -> None:
    add(email="amal@example.se")
    row = add(role="mentor", email="AMAL\u200b@example.se")
    assert row.email == "amal@example.se" and people_count(services) == 1


def test_the_editor_refuses_another_persons_address_with_an_invisible_character(
    services, add
) -> None:
    add(email="amal@example.se", first_name="Amal")
    bo = add(email="bo@example.se", first_name="Bo")
    with pytest.raises(ParticipantError, match="already belongs to someone else, Amal"):
        services.participants.update(bo.enrolment_id, {"email": "amal\u2060@example.se"})


def test_the_editor_stores_the_clean_address(services, add) -> None:
    bo = add(email="bo@example.se")
    row = services.participants.update(bo.enrolment_id, {"email": " \ufeffBo.Ny@Example.se "})
    assert row.email == "bo.ny@example.se"


def test_an_address_stored_by_an_older_version_with_an_invisible_character_is_found(
    services, add
) -> None:
    add(email="amal@example.se")
    with services.database.transaction() as session:
        session.execute(update(Person).values(email="Amal\u200b@example.se"))
    privacy = PrivacyService(services.database)
    assert privacy.find("amal@example.se") == privacy.find("\u200bAMAL@example.se")
    add(role="mentor", email="amal@example.se")  # enrolled as the same person
    assert people_count(services) == 1


def test_privacy_lookup_ignores_invisible_characters(services, add) -> None:
    row = add(email="amal@example.se")
    assert PrivacyService(services.database).find("amal\u00ad@example.se\u200b") == row.person_id
    with pytest.raises(PersonNotFound):
        PrivacyService(services.database).find("amala@example.se")


def test_the_person_commands_find_an_address_pasted_with_an_invisible_character(
    services, add, db_path, tmp_path, capsys
) -> None:
    add(email="amal@example.se")
    services.close()
    out = tmp_path / "ut"
    pasted = "amal\u200b@example.se"
    assert main(["--db", str(db_path), "person-export", pasted, "--out", str(out)]) == 0
    assert len(list(out.glob("*.json"))) == 1


def test_creating_with_only_invisible_characters_is_refused(services, cohort) -> None:
    with pytest.raises(ParticipantError) as caught:
        services.participants.create(cohort.id, "adept", values(email="\u200b\ufeff"))
    assert caught.value.field == "email"
