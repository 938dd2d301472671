"""Joint gatherings: checked drafts, the calendar sequence, invitations, attendance (walk-ins
included), the counts on people's history, and all-or-nothing writes."""

from __future__ import annotations

import json
from datetime import date, datetime, time
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp import i18n
from mentorapp.domain.models import GatheringGuest
from mentorapp.errors import ValidationError
from mentorapp.running.gathering_content import (
    built_in_path,
    load_templates,
    load_templates_file,
    template,
)
from mentorapp.running.gatherings import GatheringDraft
from mentorapp.workspace.services import Services
from tests.people.conftest import add  # noqa: F401  (the fixture)

AT = datetime(2027, 3, 4, 17, 30)


def draft(**changes: object) -> GatheringDraft:
    values: dict[str, object] = {
        "title": "CV och LinkedIn",
        "starts_at": AT,
        "minutes": 150,
        "place": "Stadsbiblioteket, Malmö",
        "description": "Ta med ditt cv.",
    }
    return GatheringDraft(**{**values, **changes})  # type: ignore[arg-type]


@pytest.fixture
def people(services: Services, add):  # noqa: F811
    """Two active adepts, an accepted mentor, an adept who only applied and a declined one."""
    rows = {
        "asa": add("adept", first_name="Åsa", last_name="Öberg", email="asa@example.com"),
        "zofia": add("adept", first_name="Zofia", last_name="Ahl", email="zofia@example.com"),
        "jan": add("mentor", first_name="Jan", last_name="Ek", email="jan@example.org"),
        "new": add("adept", first_name="Nils", last_name="Ny", email="nils@example.com"),
        "no": add("adept", first_name="Dana", last_name="Nej", email="dana@example.com"),
    }
    pipeline = services.pipeline
    pipeline.change_status([rows["asa"].enrolment_id, rows["zofia"].enrolment_id], "accepted")
    pipeline.change_status([rows["asa"].enrolment_id, rows["zofia"].enrolment_id], "active")
    pipeline.change_status([rows["jan"].enrolment_id], "accepted")
    pipeline.change_status([rows["no"].enrolment_id], "declined", "Ingen plats")
    return {key: row.enrolment_id for key, row in rows.items()}


def guest_rows(services: Services) -> list[tuple[int, int, bool, bool]]:
    with services.database.reading() as session:
        return sorted(
            (g.gathering_id, g.enrolment_id, g.invited, g.attended)
            for g in session.exec(select(GatheringGuest))
        )


# -- the default gatherings -----------------------------------------------------------------


def test_both_languages_offer_the_same_templates_with_texts() -> None:
    swedish, english = load_templates("sv"), load_templates("en")
    assert [t.key for t in swedish] == [t.key for t in english]
    assert 4 <= len(swedish) <= 6
    for found in (*swedish, *english):
        assert found.title.strip() and found.description.strip()
        assert 30 <= found.minutes <= 300
        assert 2 <= found.description.count(". ") + 1 <= 5  # a few sentences, not a word
    assert {"salary_union", "networking", "job_search_cv"} <= {t.key for t in swedish}
    assert "a-kassa" in template("sv", "salary_union").description
    assert template("en", "no such") is None


def test_an_edited_file_with_a_fault_names_the_place(tmp_path: Path) -> None:
    text = (
        built_in_path("en").read_text(encoding="utf-8").replace("minutes = 120", "minutes = 0", 1)
    )
    broken = tmp_path / "en.toml"
    broken.write_text(text, encoding="utf-8")
    with pytest.raises(ValidationError.__mro__[1]) as caught:  # MentorappError
        load_templates_file(broken)
    assert "gathering[1].minutes" in caught.value.user_message()


# -- adding and editing ---------------------------------------------------------------------


def test_a_gathering_is_added_and_listed(services: Services, cohort) -> None:
    made = services.gatherings.add(cohort.id, draft(title="  CV och LinkedIn  "))
    assert made.title == "CV och LinkedIn" and made.sequence == 0 and not made.cancelled
    [listed] = services.gatherings.list(cohort.id)
    assert (listed.id, listed.starts_at, listed.minutes) == (made.id, AT, 150)
    assert (listed.invited, listed.attended) == (0, 0)


def test_a_whole_day_gathering_starts_at_midnight(services: Services, cohort) -> None:
    made = services.gatherings.add(cohort.id, draft(all_day=True))
    assert made.all_day and made.starts_at == datetime.combine(AT.date(), time())


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"title": "   "}, "title"),
        ({"title": "x" * 121}, "title"),
        ({"place": "x" * 301}, "place"),
        ({"description": "x" * 2001}, "description"),
        ({"minutes": 4}, "minutes"),
        ({"minutes": 1441}, "minutes"),
        ({"minutes": True}, "minutes"),
        ({"starts_at": datetime(2029, 3, 1, 18, 0)}, "starts_at"),  # a year after the end
        ({"starts_at": datetime(2025, 12, 1, 18, 0)}, "starts_at"),
        ({"starts_at": "2027-03-04"}, "starts_at"),
    ],
)
def test_a_bad_draft_is_refused_naming_the_field(
    services: Services, cohort, changes: dict, field: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        services.gatherings.add(cohort.id, draft(**changes))
    assert caught.value.field == field
    assert caught.value.user_message()
    assert services.gatherings.list(cohort.id) == []


def test_the_limits_themselves_are_allowed(services: Services, cohort) -> None:
    made = services.gatherings.add(
        cohort.id,
        draft(title="x" * 120, place="p" * 300, description="d" * 2000, minutes=1440),
    )
    assert len(made.title) == 120 and made.minutes == 1440


def test_every_edit_and_cancel_raises_the_sequence(services: Services, cohort) -> None:
    made = services.gatherings.add(cohort.id, draft())
    edited = services.gatherings.edit(made.id, draft(place="Rum 3"))
    assert (edited.place, edited.sequence) == ("Rum 3", 1)
    assert services.gatherings.edit(made.id, draft(place="Rum 3")).sequence == 2
    cancelled = services.gatherings.cancel(made.id)
    assert cancelled.cancelled and cancelled.sequence == 3
    assert services.gatherings.cancel(made.id).sequence == 3  # already cancelled: no change
    back = services.gatherings.uncancel(made.id)
    assert not back.cancelled and back.sequence == 4


def test_a_refused_edit_changes_nothing(services: Services, cohort) -> None:
    made = services.gatherings.add(cohort.id, draft())
    with pytest.raises(ValidationError):
        services.gatherings.edit(made.id, draft(title="", place="Rum 9"))
    again = services.gatherings.gathering(made.id)
    assert (again.title, again.place, again.sequence) == (made.title, made.place, 0)


def test_an_unknown_or_huge_id_is_a_sentence(services: Services, cohort) -> None:
    for bad in (12345, 10**20, -1):
        with pytest.raises(ValidationError, match="no longer exists"):
            services.gatherings.gathering(bad)
        with pytest.raises(ValidationError, match="no longer exists"):
            services.gatherings.set_attendance(bad, {})


# -- invitations and attendance -------------------------------------------------------------


def test_the_guest_list_holds_the_round_sorted_by_name(services: Services, cohort, people) -> None:
    made = services.gatherings.add(cohort.id, draft())
    guests = services.gatherings.guests(made.id)
    # Active and accepted people; not someone who only applied or was declined.
    assert [g.name for g in guests] == ["Zofia Ahl", "Jan Ek", "Åsa Öberg"]
    i18n.set_language("sv")
    assert [g.last_name for g in services.gatherings.guests(made.id)] == ["Ahl", "Ek", "Öberg"]
    assert all(not g.invited and not g.attended for g in guests)
    assert {g.role for g in guests} == {"adept", "mentor"}


def test_invite_all_reaches_only_accepted_and_active_people(
    services: Services, cohort, people
) -> None:
    made = services.gatherings.add(cohort.id, draft())
    assert services.gatherings.invite_all(made.id, ("adept",)) == 2
    invited = {g.enrolment_id for g in services.gatherings.guests(made.id) if g.invited}
    assert invited == {people["asa"], people["zofia"]}
    assert services.gatherings.invite_all(made.id) == 1  # the mentor; the adepts already were
    assert services.gatherings.gathering(made.id).invited == 3
    assert people["new"] not in {g[1] for g in guest_rows(services)}
    assert people["no"] not in {g[1] for g in guest_rows(services)}
    with pytest.raises(ValidationError):
        services.gatherings.invite_all(made.id, ("coach",))


def test_adding_with_invitations_is_one_job(services: Services, cohort, people) -> None:
    made = services.gatherings.add(cohort.id, draft(), invite_roles=("mentor",))
    assert made.invited == 1
    with pytest.raises(ValidationError):
        services.gatherings.add(cohort.id, draft(title="Andra"), invite_roles=("nobody",))
    assert len(services.gatherings.list(cohort.id)) == 1


def test_attendance_with_a_walk_in_and_the_counts(services: Services, cohort, people) -> None:
    first = services.gatherings.add(cohort.id, draft())
    second = services.gatherings.add(
        cohort.id, draft(title="Nätverk", starts_at=AT.replace(day=25))
    )
    services.gatherings.invite(first.id, [people["asa"], people["zofia"]])
    changed = services.gatherings.set_attendance(
        first.id, {people["asa"]: True, people["zofia"]: False, people["jan"]: True}
    )
    assert changed == 2  # Zofia was not recorded as coming before either
    by_id = {g.enrolment_id: g for g in services.gatherings.guests(first.id)}
    assert (by_id[people["jan"]].invited, by_id[people["jan"]].attended) == (False, True)
    assert (by_id[people["zofia"]].invited, by_id[people["zofia"]].attended) == (True, False)
    row = services.gatherings.gathering(first.id)
    assert (row.invited, row.attended) == (2, 2)

    services.gatherings.set_attendance(second.id, {people["asa"]: True})
    counts = services.gatherings.attendance_counts(cohort.id)
    assert counts == {people["asa"]: 2, people["jan"]: 1}
    services.gatherings.cancel(second.id)
    assert services.gatherings.attendance_counts(cohort.id)[people["asa"]] == 1

    person_id = next(
        g.person_id for g in services.gatherings.guests(first.id) if g.enrolment_id == people["asa"]
    )
    assert services.gatherings.attended_by_person(person_id) == [
        ("Vår 2027", "CV och LinkedIn", date(2027, 3, 4))
    ]


def test_taking_back_an_invitation_leaves_no_empty_row(services: Services, cohort, people) -> None:
    made = services.gatherings.add(cohort.id, draft())
    services.gatherings.invite(made.id, [people["asa"]])
    assert services.gatherings.invite(made.id, [people["asa"]], invited=False) == 1
    assert guest_rows(services) == []
    services.gatherings.set_attendance(made.id, {people["asa"]: True})
    services.gatherings.set_attendance(made.id, {people["asa"]: False})
    assert guest_rows(services) == []


def test_one_stranger_on_the_list_changes_nobody(
    services: Services, programme, cohort, people
) -> None:
    from mentorapp.programme.programmes import CohortDraft

    other = services.programmes.save_cohort(
        programme.id, CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 31), None)
    )
    stranger = services.participants.create(
        other.id, "adept", {**_values(), "email": "s@example.com"}
    ).enrolment_id
    made = services.gatherings.add(cohort.id, draft())
    services.gatherings.invite(made.id, [people["zofia"]])
    before = guest_rows(services)
    with pytest.raises(ValidationError) as caught:
        services.gatherings.set_attendance(made.id, {people["asa"]: True, stranger: True})
    assert caught.value.field == "enrolment"
    with pytest.raises(ValidationError):
        services.gatherings.invite(made.id, [people["jan"], stranger])
    with pytest.raises(ValidationError):
        services.gatherings.set_attendance(made.id, {people["asa"]: "yes"})  # type: ignore[dict-item]
    assert guest_rows(services) == before


def _values() -> dict[str, object]:
    from tests.people.conftest import values

    return values()


# -- deleting ------------------------------------------------------------------------------


def test_delete_is_refused_once_someone_came(services: Services, cohort, people) -> None:
    made = services.gatherings.add(cohort.id, draft())
    services.gatherings.invite_all(made.id)
    services.gatherings.set_attendance(made.id, {people["asa"]: True})
    with pytest.raises(ValidationError) as caught:
        services.gatherings.delete(made.id)
    assert "Cancel it instead" in caught.value.user_message()
    assert len(services.gatherings.list(cohort.id)) == 1 and len(guest_rows(services)) == 3

    services.gatherings.set_attendance(made.id, {people["asa"]: False})
    services.gatherings.delete(made.id)
    assert services.gatherings.list(cohort.id) == [] and guest_rows(services) == []


# -- the person's data ---------------------------------------------------------------------


def test_the_person_export_holds_their_gatherings(
    services: Services, cohort, people, tmp_path: Path
) -> None:
    made = services.gatherings.add(cohort.id, draft())
    later = services.gatherings.add(
        cohort.id, draft(title="Avslutning", starts_at=AT.replace(month=5))
    )
    services.gatherings.invite(made.id, [people["asa"]])
    services.gatherings.set_attendance(made.id, {people["asa"]: True})
    services.gatherings.invite(later.id, [people["asa"]])
    person_id = next(
        g.person_id for g in services.gatherings.guests(made.id) if g.enrolment_id == people["asa"]
    )
    data = services.privacy.person_data(person_id)
    assert data["enrolments"][0]["gatherings"] == [
        {
            "title": "CV och LinkedIn",
            "date": "2027-03-04",
            "cancelled": False,
            "invited": True,
            "attended": True,
        },
        {
            "title": "Avslutning",
            "date": "2027-05-04",
            "cancelled": False,
            "invited": True,
            "attended": False,
        },
    ]
    i18n.set_language("sv")
    json_path, text_path = services.privacy.export_person(person_id, tmp_path / "ut")
    assert json.loads(json_path.read_text(encoding="utf-8"))["enrolments"][0]["gatherings"]
    text = text_path.read_text(encoding="utf-8")
    assert "CV och LinkedIn" in text and "Avslutning" in text


def test_an_erased_person_is_counted_but_never_listed(services: Services, cohort, people) -> None:
    """Erasure keeps an anonymous stub of the application for the statistics: the gathering
    still counts who came, but the guest list and the list to sign show no empty name."""
    made = services.gatherings.add(cohort.id, draft())
    services.gatherings.set_attendance(made.id, {people["asa"]: True, people["jan"]: True})
    person_id = next(
        g.person_id for g in services.gatherings.guests(made.id) if g.enrolment_id == people["asa"]
    )
    services.privacy.erase_person(person_id)
    assert services.gatherings.gathering(made.id).attended == 2
    assert people["asa"] not in {g.enrolment_id for g in services.gatherings.guests(made.id)}
    assert services.privacy.person_data(person_id)["person"]["first_name"] == ""
