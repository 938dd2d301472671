"""Who gets a reminder on the demo's running round, in which words, and the notes on each
person's history (written all or nothing, exported with the person, gone with the round)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from sqlmodel import delete, func, select

from mentorapp.demo.writer import write_demo
from mentorapp.domain.models import Cohort, Gathering, GatheringGuest, Programme, ReminderNote
from mentorapp.errors import ValidationError
from mentorapp.running.health import Health
from mentorapp.running.reminder_text import Wording, built_in
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

TODAY = date.today()


@pytest.fixture
def demo(tmp_path: Path):
    with Services.opened(tmp_path / "demo.db") as services:
        write_demo(services.database)
        yield services


def running(services: Services) -> int:
    cohort = services.programmes.round_named(demo_round_names()[1])
    assert cohort.id is not None
    return cohort.id


def programme_id(services: Services) -> int:
    programme = services.programmes.programme()
    assert programme is not None and programme.id is not None
    return programme.id


def health_sets(services: Services, cohort_id: int) -> dict[Health, set[int]]:
    found: dict[Health, set[int]] = {health: set() for health in Health}
    for item in services.running.groups(cohort_id, TODAY):
        found[item.health] |= {p.enrolment_id for p in item.group.people}
    return found


@pytest.mark.parametrize("who", ["needs_check_in", "not_started"])
def test_a_health_set_is_everyone_in_the_groups_with_that_health(demo, who: str) -> None:
    cohort_id = running(demo)
    expected = health_sets(demo, cohort_id)[Health(who)]
    people = demo.reminders.recipients(cohort_id, who, TODAY)
    assert expected and {p.enrolment_id for p in people} == expected
    roles = {p.role for p in people}
    assert roles == {"mentor", "adept"}  # the whole group, mentor and adepts
    assert all(p.email and p.first_name and p.language in ("sv", "en") for p in people)


def one_stalled_group_meets_in_english(services: Services, cohort_id: int) -> None:
    """The demo's stalled groups may all meet in Swedish: make sure both languages are there."""
    from mentorapp.domain.models import MatchGroup

    stalled = [g for g in services.running.groups(cohort_id, TODAY) if g.health == "needs_check_in"]
    assert len(stalled) >= 2
    with services.database.transaction() as session:
        for item, language in zip(stalled[:2], ("en", "sv"), strict=True):
            group = session.get(MatchGroup, item.group.id)
            group.language = language
            session.add(group)


def test_group_members_read_their_group_s_meeting_language(demo) -> None:
    cohort_id = running(demo)
    one_stalled_group_meets_in_english(demo, cohort_id)
    language = {}
    for item in demo.running.groups(cohort_id, TODAY):
        for person in item.group.people:
            language[person.enrolment_id] = item.group.language
    people = demo.reminders.recipients(cohort_id, "needs_check_in", TODAY)
    assert all(p.language == language[p.enrolment_id] for p in people)
    assert {p.language for p in people} == {"sv", "en"}  # the demo has both


def test_mentors_without_a_first_meeting(demo) -> None:
    cohort_id = running(demo)
    groups = [
        g
        for g in demo.running.groups(cohort_id, TODAY)
        if g.health != Health.ENDED and g.assessment.last_held is None
    ]
    people = demo.reminders.recipients(cohort_id, "mentors_without_first_meeting", TODAY)
    assert groups and [p.enrolment_id for p in people] == [
        g.group.mentor.enrolment_id for g in groups
    ]
    assert all(p.role == "mentor" for p in people)
    first = people[0]
    group = groups[0].group
    assert first.facts.adepts == tuple(a.first_name for a in group.adepts)


def test_an_ended_group_gets_no_reminder(demo) -> None:
    cohort_id = running(demo)
    ended = health_sets(demo, cohort_id)[Health.ENDED]
    everyone = {
        p.enrolment_id
        for who in ("needs_check_in", "not_started", "mentors_without_first_meeting")
        for p in demo.reminders.recipients(cohort_id, who, TODAY)
    }
    assert ended and not ended & everyone


def add_gathering(services: Services, cohort_id: int, invited: list[int], came: list[int]) -> int:
    with services.database.transaction() as session:
        gathering = Gathering(
            cohort_id=cohort_id,
            title="Lön och fack",
            starts_at=datetime(2026, 11, 12, 17, 30),
            place="ABF-huset, Malmö",
        )
        session.add(gathering)
        session.flush()
        assert gathering.id is not None
        for enrolment_id in invited:
            session.add(
                GatheringGuest(gathering_id=gathering.id, enrolment_id=enrolment_id, invited=True)
            )
        for enrolment_id in came:
            session.add(
                GatheringGuest(gathering_id=gathering.id, enrolment_id=enrolment_id, attended=True)
            )
        return gathering.id


def test_a_gathering_s_invitees_and_not_those_who_came_uninvited(demo) -> None:
    cohort_id = running(demo)
    people = [p for item in demo.running.groups(cohort_id, TODAY) for p in item.group.people]
    invited, uninvited = [p.enrolment_id for p in people[:5]], [people[6].enrolment_id]
    gathering_id = add_gathering(demo, cohort_id, invited, uninvited)
    found = demo.reminders.recipients(cohort_id, f"gathering:{gathering_id}", TODAY)
    assert {p.enrolment_id for p in found} == set(invited)
    draft = demo.reminders.draft(cohort_id, f"gathering:{gathering_id}", "sv", TODAY)
    message = draft.messages[0]
    assert message.subject == "Välkommen till Lön och fack den 12 november 2026"
    assert "Tid: 17:30" in message.body and "ABF-huset, Malmö" in message.body
    assert "Lön och fack" in [c.title for c in demo.reminders.gathering_choices(cohort_id)]


@pytest.mark.parametrize("who", ["gathering:999999", "gathering:x", "gathering:"])
def test_an_unknown_gathering_is_refused(demo, who: str) -> None:
    with pytest.raises(ValidationError, match="no gathering"):
        demo.reminders.recipients(running(demo), who, TODAY)


def test_an_unknown_set_is_refused_with_the_choices(demo) -> None:
    with pytest.raises(ValidationError) as raised:
        demo.reminders.draft(running(demo), "everyone", None, TODAY)
    message = raised.value.user_message()
    for choice in ("needs_check_in", "not_started", "mentors_without_first_meeting", "gathering:"):
        assert choice in message


def test_the_draft_writes_each_person_s_message_and_one_per_language(demo) -> None:
    cohort_id = running(demo)
    one_stalled_group_meets_in_english(demo, cohort_id)
    draft = demo.reminders.draft(cohort_id, "needs_check_in", None, TODAY)
    assert draft.key == "needs_check_in" and len(draft.messages) == len(draft.recipients)
    for message in draft.messages:
        person = message.recipient
        assert message.language == person.language
        greeting = "Hej" if person.language == "sv" else "Hi"
        assert message.body.startswith(f"{greeting} {person.first_name}")
    languages = [shared.language for shared in draft.shared]
    assert sorted(languages) == ["en", "sv"]
    for shared in draft.shared:
        assert shared.body.startswith(("Hej alla!", "Hi everyone,"))
        links = list(shared.links)
        assert all(len(link) < 2000 for link in links)
        assert all(link.startswith("mailto:") for link in links)
    swedish = demo.reminders.draft(cohort_id, "needs_check_in", "sv", TODAY)
    assert [s.language for s in swedish.shared] == ["sv"]
    assert all(m.body.startswith("Hej ") for m in swedish.messages)


def test_the_coordinator_s_wording_is_checked_kept_and_reset(demo) -> None:
    pid = programme_id(demo)
    with pytest.raises(ValidationError, match=r"\{namn\}"):
        demo.reminders.save_template(pid, "not_started", "sv", Wording("Hej", "Hej {namn}!"))
    assert (
        demo.reminders.template(pid, "not_started", "sv") == built_in("not_started", "sv").wording
    )
    own = Wording("Boka nu, {name}!", "Hej {name}, boka en tid med {mentor}.")
    demo.reminders.save_template(pid, "not_started", "sv", own)
    assert demo.reminders.template(pid, "not_started", "sv") == own
    assert (
        demo.reminders.template(pid, "not_started", "en") == built_in("not_started", "en").wording
    )
    draft = demo.reminders.draft(running(demo), "not_started", "sv", TODAY)
    mentor = next(m for m in draft.messages if m.recipient.role == "mentor")
    assert mentor.subject == f"Boka nu, {mentor.recipient.first_name}!"
    demo.reminders.reset_template(pid, "not_started", "sv")
    assert (
        demo.reminders.template(pid, "not_started", "sv") == built_in("not_started", "sv").wording
    )


def count_notes(services: Services) -> int:
    with services.database.reading() as session:
        return session.exec(select(func.count()).select_from(ReminderNote)).one()


def test_notes_are_written_for_everyone_or_nobody(demo) -> None:
    cohort_id = running(demo)
    people = demo.reminders.recipients(cohort_id, "not_started", TODAY)
    ids = [p.enrolment_id for p in people]
    with pytest.raises(ValidationError):
        demo.reminders.note_drafted([*ids, 99999999], "not_started", "csv", "Ämne", TODAY)
    with pytest.raises(ValidationError):
        demo.reminders.note_drafted(ids, "not_started", "fax", "Ämne", TODAY)
    assert count_notes(demo) == 0
    assert demo.reminders.note_drafted(ids, "not_started", "mail", "Dags att boka", TODAY) == len(
        ids
    )
    assert count_notes(demo) == len(ids)
    [note] = demo.reminders.notes_for(ids[0])
    assert (note.drafted_on, note.template, note.way, note.subject) == (
        TODAY,
        "not_started",
        "mail",
        "Dags att boka",
    )


def test_the_notes_are_in_the_person_s_export_and_go_with_the_round(demo) -> None:
    cohort_id = running(demo)
    draft = demo.reminders.draft(cohort_id, "not_started", "sv", TODAY)
    assert demo.reminders.note_draft(draft, "csv", TODAY) == len(draft.recipients)
    person = draft.recipients[0]
    person_id = demo.privacy.find(person.email)
    data = demo.privacy.person_data(person_id)
    notes = [r for e in data["enrolments"] for r in e.get("reminders", [])]
    assert notes == [
        {
            "drafted_on": TODAY.isoformat(),
            "reminder": "not_started",
            "way": "csv",
            "subject": "Dags att boka första träffen",
        }
    ]
    from mentorapp.people.privacy_data import as_text

    assert "Dags att boka första träffen" in as_text(data)
    # The notes belong to the application: removing the round removes them.
    with demo.database.transaction() as session:
        session.exec(delete(Cohort).where(Cohort.id == cohort_id))
    assert count_notes(demo) == 0
    with demo.database.reading() as session:
        assert session.exec(select(Programme)).first() is not None


def test_erasing_a_person_leaves_no_subject_of_theirs(demo) -> None:
    cohort_id = running(demo)
    person = demo.reminders.recipients(cohort_id, "not_started", TODAY)[0]
    demo.reminders.note_drafted([person.enrolment_id], "not_started", "mail", person.name, TODAY)
    demo.privacy.erase_person(demo.privacy.find(person.email))
    with demo.database.reading() as session:
        subjects = session.exec(select(ReminderNote.subject)).all()
    assert person.name not in subjects


def test_someone_who_withdrew_gets_no_reminder_and_leaves_the_guest_list(demo) -> None:
    cohort_id = running(demo)
    stalled = next(g for g in demo.running.groups(cohort_id, TODAY) if g.health == "needs_check_in")
    adept = stalled.group.adepts[0]
    gathering = demo.gatherings.list(cohort_id)[-1]  # the upcoming one: everyone invited
    assert adept.enrolment_id in {
        r.enrolment_id
        for r in demo.reminders.recipients(cohort_id, f"gathering:{gathering.id}", TODAY)
    }
    demo.pipeline.change_status([adept.enrolment_id], "withdrawn", "flyttade")
    for who in ("needs_check_in", f"gathering:{gathering.id}"):
        people = {r.enrolment_id for r in demo.reminders.recipients(cohort_id, who, TODAY)}
        assert adept.enrolment_id not in people, who
    assert stalled.group.mentor.enrolment_id in {
        r.enrolment_id for r in demo.reminders.recipients(cohort_id, "needs_check_in", TODAY)
    }
    guests = {g.enrolment_id for g in demo.gatherings.guests(gathering.id)}
    assert adept.enrolment_id not in guests
