from datetime import date

import pytest

from mentorapp.domain.models import Enrolment, MatchGroup, Person
from mentorapp.errors import ValidationError
from mentorapp.running.meetings import MeetingService


@pytest.fixture
def group_id(services, cohort) -> int:
    with services.database.transaction() as session:
        person = Person(first_name="Karin", last_name="Lundgren", email="k@example.org")
        session.add(person)
        session.flush()
        mentor = Enrolment(person_id=person.id, cohort_id=cohort.id, role="mentor")
        session.add(mentor)
        session.flush()
        group = MatchGroup(
            cohort_id=cohort.id, mentor_enrolment_id=mentor.id, accepted_on=date(2026, 10, 1)
        )
        session.add(group)
        session.flush()
        return group.id


def test_dates_are_saved_replaced_and_cleared(services, group_id) -> None:
    meetings = MeetingService(services.database)
    meetings.set_dates(group_id, {1: date(2027, 2, 10), 2: date(2027, 3, 10), 3: None})
    assert meetings.dates(group_id) == {1: date(2027, 2, 10), 2: date(2027, 3, 10)}
    meetings.set_dates(group_id, {1: date(2027, 2, 12)})
    assert meetings.dates(group_id) == {1: date(2027, 2, 12)}


def test_dates_out_of_order_are_refused_and_nothing_changes(services, group_id) -> None:
    meetings = MeetingService(services.database)
    meetings.set_dates(group_id, {1: date(2027, 2, 10)})
    with pytest.raises(ValidationError):
        meetings.set_dates(group_id, {1: date(2027, 3, 10), 2: date(2027, 2, 10)})
    assert meetings.dates(group_id) == {1: date(2027, 2, 10)}


def test_a_recorded_meeting_keeps_its_state_and_raises_its_sequence(services, group_id) -> None:
    from mentorapp.running.meetings import MeetingRecord

    meetings = MeetingService(services.database)
    meetings.set_dates(group_id, {1: date(2027, 2, 10), 2: date(2027, 3, 10)})
    meetings.record(group_id, 1, MeetingRecord("held", held_on=date(2026, 11, 11), minutes=90))
    meetings.set_dates(group_id, {1: date(2027, 2, 12), 2: date(2027, 3, 10)})
    schedule = meetings.schedule(_cohort_of(services, group_id))
    first, second = schedule.groups[0].meetings[:2]
    assert (first.state, first.held_on, first.minutes) == ("held", date(2026, 11, 11), 90)
    assert first.sequence == 2 and second.sequence == 0


def test_a_bad_record_among_several_writes_none_of_them(services, group_id) -> None:
    from mentorapp.running.meetings import MeetingRecord

    meetings = MeetingService(services.database)
    good = MeetingRecord("held", held_on=date(2026, 11, 11))
    bad = MeetingRecord("held", held_on=None)
    with pytest.raises(ValidationError):
        meetings.record_many({(group_id, 1): good, (group_id, 2): bad})
    group = meetings.schedule(_cohort_of(services, group_id)).groups[0]
    assert all(m.state == "planned" for m in group.meetings)


@pytest.mark.parametrize(
    "record, field",
    [
        ({"state": "held", "held_on": date(2999, 1, 1)}, "held_on"),
        ({"state": "held", "held_on": date(2020, 1, 1)}, "held_on"),
        ({"state": "held", "held_on": date(2026, 11, 1), "minutes": 0}, "minutes"),
        ({"state": "cancelled", "note": "x" * 501}, "note"),
    ],
)
def test_impossible_records_are_refused_by_field(services, group_id, record, field) -> None:
    from mentorapp.running.meetings import MeetingRecord

    with pytest.raises(ValidationError) as refused:
        MeetingService(services.database).record(group_id, 1, MeetingRecord(**record))
    assert refused.value.field == field


def test_a_meeting_beyond_the_programme_is_refused(services, group_id) -> None:
    from mentorapp.running.meetings import MeetingRecord

    with pytest.raises(ValidationError) as refused:
        MeetingService(services.database).record(group_id, 5, MeetingRecord("cancelled"))
    assert refused.value.field == "number"


def _cohort_of(services, group_id: int) -> int:
    with services.database.reading() as session:
        return session.get(MatchGroup, group_id).cohort_id


def test_a_meeting_before_the_group_was_formed_is_refused(services, group_id) -> None:
    from mentorapp.running.meetings import MeetingRecord

    with pytest.raises(ValidationError) as refused:
        MeetingService(services.database).record(
            group_id, 1, MeetingRecord("held", held_on=date(2026, 9, 30))
        )
    assert refused.value.field == "held_on" and "formed" in refused.value.user_message()
