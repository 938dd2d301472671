from datetime import date

import pytest

from mentorapp.errors import ValidationError
from mentorapp.programme.programmes import (
    CohortDraft,
    ProgrammeDraft,
    describe_round_timing,
    suggest_round_name,
)
from mentorapp.workspace.services import Services


def test_programme_is_saved_and_edited(services: Services) -> None:
    draft = ProgrammeDraft("Fackförbundet", "Mentor+", "Åsa Öberg", "asa@example.se", "en", 5, 6)
    saved = services.programmes.save_programme(draft)
    draft.name = "Mentor Plus"
    services.programmes.save_programme(draft, saved.id)
    programme = services.programmes.programme()
    assert (programme.name, programme.contact_name, programme.meetings_per_round) == (
        "Mentor Plus",
        "Åsa Öberg",
        5,
    )
    assert services.info().programmes == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"organisation": " "}, "organisation"),
        ({"name": ""}, "name"),
        ({"contact_email": "asa@example"}, "contact_email"),
        ({"meetings_per_round": 0}, "meetings_per_round"),
        ({"months_per_round": 25}, "months_per_round"),
    ],
)
def test_programme_validation(services: Services, change: dict, field: str) -> None:
    draft = ProgrammeDraft("Org", "Name")
    for key, value in change.items():
        setattr(draft, key, value)
    with pytest.raises(ValidationError) as caught:
        services.programmes.save_programme(draft)
    assert caught.value.field == field
    assert services.programmes.programme() is None


def test_round_end_before_start_is_refused(services: Services, programme) -> None:
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 8, 1))
    with pytest.raises(ValidationError, match="end after it starts"):
        services.programmes.save_cohort(programme.id, draft)
    assert services.programmes.cohorts(programme.id) == []


def test_duplicate_round_name_is_refused_ignoring_case(services: Services, cohort) -> None:
    draft = CohortDraft("  VÅR 2027 ", date(2027, 9, 1), date(2027, 12, 1))
    with pytest.raises(ValidationError) as caught:
        services.programmes.save_cohort(cohort.programme_id, draft)
    assert "already a round called" in caught.value.user_message()


def test_deadline_after_start_is_refused(services: Services, programme) -> None:
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 1), date(2027, 9, 2))
    with pytest.raises(ValidationError) as caught:
        services.programmes.save_cohort(programme.id, draft)
    assert caught.value.field == "application_deadline"


def test_first_round_becomes_current_and_switching_keeps_one(services: Services, cohort) -> None:
    assert cohort.is_current
    second = services.programmes.save_cohort(
        cohort.programme_id, CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20))
    )
    assert services.programmes.current_cohort(cohort.programme_id).id == cohort.id
    services.programmes.set_current_cohort(cohort.programme_id, second.id)
    rounds = services.programmes.cohorts(cohort.programme_id)
    assert [c.name for c in rounds if c.is_current] == ["Höst 2027"]


def test_editing_a_round_keeps_its_name_valid(services: Services, cohort) -> None:
    draft = CohortDraft("Vår 2027", date(2027, 2, 8), date(2027, 6, 7))
    services.programmes.save_cohort(cohort.programme_id, draft, cohort_id=cohort.id)
    assert services.programmes.cohorts(cohort.programme_id)[0].start == date(2027, 2, 8)


def test_round_name_suggestion_and_timing_in_swedish(cohort) -> None:
    from mentorapp.i18n import set_language

    set_language("sv")
    assert suggest_round_name(date(2027, 9, 1)) == "Höst 2027"
    assert "vecka 3 av" in describe_round_timing(cohort, date(2027, 2, 16))
    set_language("en")
    assert suggest_round_name(date(2027, 2, 1)) == "Spring 2027"
    assert "9 days left" in describe_round_timing(cohort, date(2027, 1, 1))
    assert "ended" in describe_round_timing(cohort, date(2027, 7, 1))


def test_a_logo_is_kept_and_checked(services: Services) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
    saved = services.programmes.save_programme(ProgrammeDraft("Org", "Name", logo=png))
    assert services.programmes.programme().logo == png
    with pytest.raises(ValidationError) as caught:
        services.programmes.save_programme(ProgrammeDraft("Org", "Name", logo=b"GIF89a"), saved.id)
    assert caught.value.field == "logo"
    assert services.programmes.programme().logo == png
