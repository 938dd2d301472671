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
        group = MatchGroup(cohort_id=cohort.id, mentor_enrolment_id=mentor.id)
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
