"""The running round on the demo: every health state shows, a group ends early and its adept
goes back to matching, the CLI prints the issue's JSON and records a meeting."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.demo.writer import write_demo
from mentorapp.errors import ValidationError
from mentorapp.running.health import Health, HealthRules
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names


@pytest.fixture
def demo_file(tmp_path: Path) -> Path:
    path = tmp_path / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
    return path


def running_round(services: Services) -> int:
    cohort = services.programmes.round_named(demo_round_names()[1])
    assert cohort.id is not None
    return cohort.id


def test_the_demo_round_shows_every_state_of_pair_health(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        counts = services.running.counts(running_round(services))
    assert all(counts[health] >= 1 for health in Health), counts
    assert counts[Health.ON_TRACK] > counts[Health.NEEDS_CHECK_IN]


def test_ending_a_group_frees_its_adept_for_a_new_match(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        on_track = next(
            g for g in services.running.groups(cohort_id) if g.health is Health.ON_TRACK
        )
        adepts = {a.enrolment_id for a in on_track.group.adepts}
        before = services.matching.propose(cohort_id)
        assert all(before.mentor_of(a) == on_track.group.mentor.enrolment_id for a in adepts)
        services.running.end_group(on_track.group.id, "Mentorn har bytt jobb", date.today())
        ended = {g.group.id: g for g in services.running.groups(cohort_id)}[on_track.group.id]
        assert ended.health is Health.ENDED and "bytt jobb" in ended.assessment.reason.text
        assert {a.enrolment_id for a in ended.group.adepts} == adepts  # still in its history
        proposal = services.matching.propose(cohort_id)
        mentor = on_track.group.mentor.enrolment_id
        # The adept is offered again (to another mentor, or listed as not placed), never to
        # the mentor whose group ended.
        considered = {a.enrolment_id for a in proposal.adepts}
        assert adepts <= considered
        assert all(proposal.mentor_of(a) != mentor for a in adepts)
        assert mentor not in {g.mentor.enrolment_id for g in proposal.groups}
        assert on_track.group.id not in {g.id for g in services.matching.groups(cohort_id)}
        with pytest.raises(ValidationError):
            services.running.end_group(on_track.group.id, "again")


def test_ending_needs_a_reason_and_changes_nothing_without_one(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        group = services.running.groups(cohort_id)[0].group
        with pytest.raises(ValidationError) as refused:
            services.running.end_group(group.id, "   ")
        assert refused.value.field == "reason"
        assert services.running.groups(cohort_id)[0].group == group


def test_marking_a_group_contacted_quiets_it_and_rules_are_saved(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        stalled = next(
            g for g in services.running.groups(cohort_id) if g.health is Health.NEEDS_CHECK_IN
        )
        services.running.mark_contacted(stalled.group.id, date.today())
        again = {g.group.id: g for g in services.running.groups(cohort_id)}[stalled.group.id]
        assert again.health is Health.ON_TRACK
        services.running.mark_contacted(stalled.group.id, None)
        programme_id = services.programmes.programme().id
        services.running.save_rules(programme_id, HealthRules(contacted_quiet_days=1))
        assert services.running.rules(programme_id).contacted_quiet_days == 1
        back = {g.group.id: g for g in services.running.groups(cohort_id)}[stalled.group.id]
        assert back.health is Health.NEEDS_CHECK_IN


def test_meetings_json_has_the_documented_shape(demo_file: Path, capsys) -> None:
    running = demo_round_names()[1]
    assert main(["--db", str(demo_file), "meetings", "--cohort", running, "--json"]) == 0
    groups = json.loads(capsys.readouterr().out)["groups"]
    assert len(groups) >= 10
    for group in groups:
        assert set(group) == {"mentor", "adepts", "health", "reason", "meetings"}
        assert group["health"] in {"on_track", "needs_check_in", "not_started", "ended"}
        assert [m["number"] for m in group["meetings"]] == [1, 2, 3, 4]
        for meeting in group["meetings"]:
            assert set(meeting) == {"number", "planned", "held", "status"}
            assert meeting["status"] in {"planned", "held", "moved", "cancelled"}
            assert (meeting["held"] is not None) == (meeting["status"] == "held")


def test_recording_a_meeting_from_the_cli_clears_the_check_in(demo_file: Path, capsys) -> None:
    running = demo_round_names()[1]
    main(["--db", str(demo_file), "meetings", "--cohort", running, "--json"])
    groups = json.loads(capsys.readouterr().out)["groups"]
    stalled = next(g for g in groups if g["health"] == "not_started")
    today = date.today().isoformat()
    argv = ["--db", str(demo_file), "meeting", "--cohort", running, "--mentor", stalled["mentor"]]
    assert main([*argv, "--number", "1", "--held", today, "--minutes", "60", "--json"]) == 0
    group = json.loads(capsys.readouterr().out)["group"]
    # Started at last, but its second meeting's window ended weeks ago.
    assert group["health"] == "needs_check_in"
    assert group["meetings"][0] == {
        "number": 1, "planned": group["meetings"][0]["planned"], "held": today, "status": "held"
    }
    assert main([*argv, "--number", "2", "--held", today, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["group"]["health"] == "on_track"
    assert main([*argv, "--number", "3", "--cancelled", "--note", "Sjuk"]) == 0
    assert main([*argv, "--number", "7", "--cancelled"]) == 2
    assert "no meeting 7" in capsys.readouterr().err


def test_a_group_that_has_met_cannot_be_dissolved_and_keeps_its_meetings(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        met = next(g for g in services.running.groups(cohort_id) if g.assessment.last_held)
        with pytest.raises(ValidationError) as refused:
            services.matching.dissolve(met.group.id)
        assert "End it early" in refused.value.user_message()
        again = {g.group.id: g for g in services.running.groups(cohort_id)}[met.group.id]
        assert again.group.meetings == met.group.meetings


def test_meetings_and_gatherings_show_in_the_round_standing(demo_file: Path) -> None:
    from datetime import datetime

    from mentorapp.domain.models import Gathering, GatheringGuest
    from mentorapp.guide.checklist import Scope
    from mentorapp.planning.standing import evidence_in, stage_from_work

    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        counts = services.standing.counts(cohort_id)
        assert counts.meetings_held > 20 and stage_from_work(counts) == "running"
        scope = Scope(services.programmes.programme().id, cohort_id)
        group = services.running.groups(cohort_id)[0].group
        with services.database.transaction() as session:
            for day in (3, 10):
                gathering = Gathering(
                    cohort_id=cohort_id, title="Nätverk", starts_at=datetime(2026, 10, day, 17)
                )
                session.add(gathering)
                session.flush()
                session.add(
                    GatheringGuest(
                        gathering_id=gathering.id,
                        enrolment_id=group.mentor.enrolment_id,
                        attended=True,
                    )
                )
        with services.database.reading() as session:
            found = evidence_in(session, scope)
        assert ("running", "joint_events") in found
        assert ("running", "meeting_calendar") not in found  # not every group has every date
        for item in services.running.groups(cohort_id):
            meetings = item.group.meetings
            dates = {m.number: m.planned_on or m.held_on or date.today() for m in meetings}
            services.meetings.set_dates(item.group.id, dict(sorted(dates.items())))
        with services.database.reading() as session:
            assert ("running", "meeting_calendar") in evidence_in(session, scope)


def test_an_adept_cannot_be_locked_or_moved_to_a_mentor_whose_group_ended(demo_file: Path) -> None:
    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        ended = next(g for g in services.running.groups(cohort_id) if g.health is Health.ENDED)
        adept = ended.group.adepts[0].enrolment_id
        mentor = ended.group.mentor.enrolment_id
        proposal = services.matching.propose(cohort_id)
        check = services.matching.evaluate_move(cohort_id, adept, mentor, proposal)
        assert not check.allowed and "ended early" in check.message
        with pytest.raises(ValidationError):
            services.matching.lock(cohort_id, mentor, adept)
        assert services.matching.rules(cohort_id) == {}


def test_no_meeting_is_held_after_its_group_ended(demo_file: Path) -> None:
    from datetime import timedelta

    from mentorapp.running.meetings import MeetingRecord

    with Services.opened(demo_file) as services:
        cohort_id = running_round(services)
        item = next(g for g in services.running.groups(cohort_id) if g.health is Health.ON_TRACK)
        ended_on = date.today() - timedelta(days=3)
        services.running.end_group(item.group.id, "Mentorn slutar", ended_on)
        open_number = next(m.number for m in item.group.meetings if m.state != "held")
        with pytest.raises(ValidationError) as refused:
            services.meetings.record(
                item.group.id, open_number, MeetingRecord("held", held_on=date.today())
            )
        assert refused.value.field == "held_on" and "ended" in refused.value.user_message()
        on_the_last_day = MeetingRecord("held", held_on=ended_on)
        services.meetings.record(item.group.id, open_number, on_the_last_day)  # allowed
