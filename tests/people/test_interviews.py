"""Selection interviews: booking moves the pipeline, cancelling moves it back, a decision
moves it on with its reason; refusals change nothing."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from sqlmodel import select

from mentorapp.domain.models import Interview, InterviewAnswer, StatusChange
from mentorapp.errors import ValidationError
from mentorapp.workspace.services import Services

AT = datetime(2027, 2, 3, 13, 30)


def history(services: Services, enrolment_id: int) -> list[tuple[str | None, str, str]]:
    return [(s.from_status, s.to_status, s.reason) for s in services.pipeline.history(enrolment_id)]


def test_booking_moves_the_application_to_interview_with_a_dated_history_row(
    services: Services, add
) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT, 45, "Rum 3", "Linnea")
    assert (booked.state, booked.starts_at, booked.minutes) == ("booked", AT, 45)
    assert (booked.place, booked.interviewer, booked.status) == ("Rum 3", "Linnea", "interview")
    assert services.participants.row(row.enrolment_id).status == "interview"
    steps = history(services, row.enrolment_id)
    assert steps[-1][:2] == ("applied", "interview")
    assert "Interview booked for" in steps[-1][2] and "13:30" in steps[-1][2]
    assert "3 Feb" in steps[-1][2]
    assert services.pipeline.history(row.enrolment_id)[-1].changed_on == date.today()


def test_a_second_booking_of_the_same_applicant_is_refused_and_changes_nothing(
    services: Services, add
) -> None:
    row = add()
    services.interviews.book(row.enrolment_id, AT)
    before = history(services, row.enrolment_id)
    with pytest.raises(ValidationError) as refused:
        services.interviews.book(row.enrolment_id, datetime(2027, 2, 4, 9, 0))
    message = refused.value.user_message()
    assert "already has an interview booked" in message and "13:30" in message
    assert len(services.interviews.for_enrolment(row.enrolment_id)) == 1
    assert history(services, row.enrolment_id) == before


@pytest.mark.parametrize(
    ("starts_at", "minutes", "place", "words"),
    [
        (None, 45, "", "date and time"),
        ("2027-02-03 13:30", 45, "", "date and time"),
        (AT, 0, "", "from 5 to 480 minutes"),
        (AT, 10_000, "", "from 5 to 480 minutes"),
        (AT, 45, "x" * 501, "longer than 500"),
        (datetime(9999, 12, 31, 23, 59), 45, "", "between the years 2000 and 2100"),
    ],
)
def test_a_booking_with_bad_values_is_refused_in_one_sentence(
    services: Services, add, starts_at: object, minutes: int, place: str, words: str
) -> None:
    row = add()
    with pytest.raises(ValidationError) as refused:
        services.interviews.book(row.enrolment_id, starts_at, minutes, place)  # type: ignore[arg-type]
    assert words in refused.value.user_message()
    assert services.interviews.for_enrolment(row.enrolment_id) == []
    assert services.participants.row(row.enrolment_id).status == "applied"


def test_an_accepted_application_cannot_be_booked(services: Services, add) -> None:
    row = add()
    services.pipeline.change_status([row.enrolment_id], "accepted")
    with pytest.raises(ValidationError, match="no interview can be booked"):
        services.interviews.book(row.enrolment_id, AT)
    with pytest.raises(ValidationError, match="no longer exists"):
        services.interviews.book(999_999, AT)


def test_cancelling_moves_back_to_applied_with_history(services: Services, add) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    cancelled = services.interviews.cancel(booked.id, "sick")
    assert (cancelled.state, cancelled.status) == ("cancelled", "applied")
    last = history(services, row.enrolment_id)[-1]
    assert last[:2] == ("interview", "applied") and "cancelled: sick" in last[2]
    # A new booking is possible again, and a cancelled one cannot be moved or cancelled.
    again = services.interviews.book(row.enrolment_id, datetime(2027, 2, 5, 10, 0))
    assert again.status == "interview"
    with pytest.raises(ValidationError, match="Only a booked interview"):
        services.interviews.reschedule(booked.id, AT)
    with pytest.raises(ValidationError, match="Only a booked interview"):
        services.interviews.cancel(booked.id)


def test_rescheduling_keeps_the_status(services: Services, add) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    steps = history(services, row.enrolment_id)
    moved = services.interviews.reschedule(booked.id, datetime(2027, 2, 4, 9, 15), 60, "Zoom")
    assert (moved.starts_at, moved.minutes, moved.place) == (
        datetime(2027, 2, 4, 9, 15),
        60,
        "Zoom",
    )
    assert history(services, row.enrolment_id) == steps


def test_decide_marks_the_interview_held_and_moves_to_accepted_with_the_reason(
    services: Services, add
) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    decided = services.interviews.decide(booked.id, "accepted", "Clear goals, fits the round")
    assert (decided.state, decided.decision, decided.status) == ("held", "accepted", "accepted")
    assert decided.reason == "Clear goals, fits the round" and decided.decided_on == date.today()
    assert history(services, row.enrolment_id)[-1] == (
        "interview",
        "accepted",
        "Clear goals, fits the round",
    )
    # The decision may be changed before the pair starts, again through the pipeline.
    services.interviews.decide(booked.id, "waitlisted", "Too few mentors in IT")
    assert services.participants.row(row.enrolment_id).status == "waitlisted"
    services.pipeline.change_status([row.enrolment_id], "active")
    with pytest.raises(ValidationError, match="can no longer be changed"):
        services.interviews.decide(booked.id, "declined", "x")


def test_a_decline_needs_a_reason_and_an_unknown_decision_is_refused(
    services: Services, add
) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    with pytest.raises(ValidationError, match="short reason"):
        services.interviews.decide(booked.id, "declined", "  ")
    with pytest.raises(ValidationError, match="not a decision"):
        services.interviews.decide(booked.id, "active", "x")
    assert services.interviews.interview(booked.id).state == "booked"
    assert services.participants.row(row.enrolment_id).status == "interview"


def test_answers_and_notes_are_stored_per_question(services: Services, add) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    services.interviews.save_answer(booked.id, "motivation", 4, "Vill in i branschen")
    services.interviews.save_answer(booked.id, "motivation", 5, "Mycket tydlig")
    services.interviews.save_answer(booked.id, "goals", None, "")
    services.interviews.save_notes(booked.id, "  Bra samtal  ")
    answers = services.interviews.answers(booked.id)
    assert (answers["motivation"].score, answers["motivation"].note) == (5, "Mycket tydlig")
    assert answers["goals"].score is None
    assert services.interviews.interview(booked.id).notes == "Bra samtal"
    for bad in (0, 6, True, 2.5):
        with pytest.raises(ValidationError, match="1 to 5"):
            services.interviews.save_answer(booked.id, "goals", bad)  # type: ignore[arg-type]
    assert services.interviews.answers(booked.id)["goals"].score is None


def test_schedule_lists_a_days_bookings_in_time_order(services: Services, add, cohort) -> None:
    rows = [add() for _ in range(4)]
    times = [datetime(2027, 2, 3, 15, 0), datetime(2027, 2, 3, 9, 0), datetime(2027, 2, 4, 8, 0)]
    for row, at in zip(rows, times, strict=False):
        services.interviews.book(row.enrolment_id, at)
    cancelled = services.interviews.book(rows[3].enrolment_id, datetime(2027, 2, 3, 11, 0))
    services.interviews.cancel(cancelled.id)
    day = services.interviews.schedule(cohort.id, date(2027, 2, 3))
    assert [r.starts_at.hour for r in day] == [9, 15]
    assert [r.enrolment_id for r in day] == [rows[1].enrolment_id, rows[0].enrolment_id]
    assert len(services.interviews.for_round(cohort.id)) == 4
    assert services.interviews.days(cohort.id) == [date(2027, 2, 3), date(2027, 2, 4)]


def test_booking_and_status_are_one_transaction(services: Services, add, monkeypatch) -> None:
    """If the status cannot be written, no interview is left behind either."""
    from mentorapp.people.pipeline import PipelineService

    row = add()

    def broken(*_args: object, **_kwargs: object) -> list[int]:
        raise ValidationError("broken")

    monkeypatch.setattr(PipelineService, "change_status_in", staticmethod(broken))
    with pytest.raises(ValidationError):
        services.interviews.book(row.enrolment_id, AT)
    with services.database.reading() as session:
        assert session.exec(select(Interview)).all() == []
        changes = session.exec(select(StatusChange)).all()
    assert [c.to_status for c in changes] == ["applied"]


def test_answers_go_with_their_interview(services: Services, add) -> None:
    row = add()
    booked = services.interviews.book(row.enrolment_id, AT)
    services.interviews.save_answer(booked.id, "goals", 3, "note")
    with services.database.transaction() as session:
        session.delete(session.get(Interview, booked.id))
    with services.database.reading() as session:
        assert session.exec(select(InterviewAnswer)).all() == []
