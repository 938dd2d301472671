"""The demo's interviews agree with each application's history."""

from __future__ import annotations

from datetime import date

from mentorapp.demo.writer import write_demo
from mentorapp.people.interview_guide import load_guide
from mentorapp.workspace.services import Services

TODAY = date(2027, 3, 15)


def test_the_running_rounds_interviews_follow_the_statuses(services: Services) -> None:
    write_demo(services.database, TODAY)
    programme = services.programmes.programme()
    finished, running = services.programmes.cohorts(programme.id)
    assert services.interviews.for_round(finished.id) == []
    rows = services.participants.rows(running.id)
    interviews = {i.enrolment_id: i for i in services.interviews.for_round(running.id)}
    guide = load_guide("sv")
    for row in rows:
        interview = interviews.get(row.enrolment_id)
        steps = services.pipeline.history(row.enrolment_id)
        if row.status == "applied":
            assert interview is None
        elif row.status == "interview":
            assert interview.state == "booked" and interview.starts_at.date() > TODAY
            assert steps[-1].changed_on == TODAY and "Intervju bokad" in steps[-1].reason
        else:
            assert interview.state == "held" and interview.starts_at.date() < running.start
            decided = next(
                s for s in steps if s.to_status in ("accepted", "waitlisted", "declined")
            )
            assert interview.decision == decided.to_status
            assert interview.decided_on == decided.changed_on
            assert interview.reason == decided.reason
            answers = services.interviews.answers(interview.id)
            assert set(answers) == set(guide.keys(row.role))
            assert all(1 <= a.score <= 5 for a in answers.values())
            assert interview.notes
    booked = [i for i in interviews.values() if i.state == "booked"]
    assert {i.role for i in booked} == {"adept", "mentor"}
    assert any(row.status == "applied" and row.role == "adept" for row in rows)
