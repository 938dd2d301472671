"""The stored timeline: moves, programme offsets, and the checklist's due dates."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from mentorapp.domain.models import ProgrammePlan
from mentorapp.errors import ValidationError
from mentorapp.guide.checklist import Scope
from mentorapp.planning.milestones import by_key
from mentorapp.programme.programmes import CohortDraft
from mentorapp.workspace.services import Services


def _milestones(services: Services, cohort_id: int) -> dict:
    return by_key(services.timeline.milestones(cohort_id))


def _due(services: Services, scope: Scope, stage: str, item: str):
    return next(
        d for d in services.timeline.due_items(scope, "en") if (d.stage, d.item) == (stage, item)
    )


def test_milestones_follow_the_rounds_dates(services: Services, cohort) -> None:
    found = _milestones(services, cohort.id)
    assert found["application_deadline"].on == date(2027, 1, 10)
    assert found["kickoff"].on == date(2027, 2, 1) and found["end"].on == date(2027, 5, 31)
    assert [k for k in found if k.startswith("meeting_")] == [f"meeting_{n}" for n in range(1, 5)]
    services.programmes.save_cohort(
        cohort.programme_id,
        CohortDraft("Vår 2027", date(2027, 3, 1), date(2027, 6, 30), date(2027, 1, 31)),
        cohort_id=cohort.id,
    )
    again = _milestones(services, cohort.id)
    assert again["kickoff"].on == date(2027, 3, 1)
    assert again["followup_survey"].on == date(2027, 12, 30)


def test_gatherings_come_from_the_programme_plan(services: Services, cohort) -> None:
    assert "gathering_2" in _milestones(services, cohort.id)
    with services.database.transaction() as session:
        session.add(ProgrammePlan(programme_id=cohort.programme_id, gatherings_per_round=3))
    keys = _milestones(services, cohort.id)
    assert "gathering_3" in keys and "gathering_4" not in keys


def test_move_and_reset_a_milestone(services: Services, cohort) -> None:
    services.timeline.move(cohort.id, "midpoint", date(2027, 4, 1))
    services.timeline.move(cohort.id, "midpoint", date(2027, 4, 6))  # moved again: one row
    moved = _milestones(services, cohort.id)["midpoint"]
    assert moved.on == date(2027, 4, 6) and moved.moved
    services.timeline.reset(cohort.id, "midpoint")
    back = _milestones(services, cohort.id)["midpoint"]
    assert not back.moved and back.on != date(2027, 4, 6)
    services.timeline.reset(cohort.id, "midpoint")  # nothing to reset: no harm


def test_moves_belong_to_one_round(services: Services, cohort) -> None:
    other = services.programmes.save_cohort(
        cohort.programme_id, CohortDraft("Höst 2027", date(2027, 9, 6), date(2027, 12, 17))
    )
    services.timeline.move(cohort.id, "kickoff", date(2027, 2, 8))
    assert not _milestones(services, other.id)["kickoff"].moved


def test_a_programme_offset_moves_every_round(services: Services, cohort) -> None:
    services.timeline.set_default_offset(cohort.programme_id, "closing", 14)
    assert _milestones(services, cohort.id)["closing"].on == date(2027, 6, 14)
    services.timeline.set_default_offset(cohort.programme_id, "closing", None)
    assert _milestones(services, cohort.id)["closing"].on == date(2027, 6, 7)


@pytest.mark.parametrize(
    ("key", "days"),
    [("no_such_milestone", 3), ("meeting_5", 3), ("closing", 100_000), ("closing", -731)],
)
def test_unknown_keys_and_absurd_offsets_are_refused(
    services: Services, cohort, key: str, days: int
) -> None:
    with pytest.raises(ValidationError):
        services.timeline.set_default_offset(cohort.programme_id, key, days)
    assert _milestones(services, cohort.id)["closing"].on == date(2027, 6, 7)


def test_absurd_moves_are_refused_and_change_nothing(services: Services, cohort) -> None:
    with pytest.raises(ValidationError):
        services.timeline.move(cohort.id, "kickoff", date(2207, 2, 1))
    with pytest.raises(ValidationError):
        services.timeline.move(cohort.id, "gathering_9", date(2027, 3, 1))
    with pytest.raises(ValidationError):
        services.timeline.move(9999, "kickoff", date(2027, 3, 1))
    assert not any(m.moved for m in services.timeline.milestones(cohort.id))


def test_every_built_in_item_gets_a_due_date(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    items = services.timeline.due_items(scope, "sv")
    assert len(items) == len({(d.stage, d.item) for d in items}) >= 13 * 3
    assert all(d.due is not None for d in items)
    assert {d.stage for d in items} >= {"idea", "resources", "recruitment", "alumni"}
    kickoff = _milestones(services, cohort.id)["kickoff"].on
    assert _due(services, scope, "kickoff", "mentor_training").due == kickoff - timedelta(days=5)
    assert services.timeline.due_items(Scope(cohort.programme_id, None), "en") == []


def test_moving_a_milestone_moves_the_items_due_from_it(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    before = _due(services, scope, "followup", "midpoint_checkin").due
    untouched = _due(services, scope, "recruitment", "faq").due
    services.timeline.move(cohort.id, "midpoint", date(2027, 4, 20))
    assert _due(services, scope, "followup", "midpoint_checkin").due == date(2027, 4, 20)
    assert _due(services, scope, "followup", "struggling_pairs").due == date(2027, 4, 27)
    assert before != date(2027, 4, 20)
    assert _due(services, scope, "recruitment", "faq").due == untouched


def test_a_programmes_item_offset_changes_its_due_date(services: Services, cohort) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    services.timeline.set_item_offset(cohort.programme_id, "closing", "certificates", -10)
    item = _due(services, scope, "closing", "certificates")
    assert item.due == _milestones(services, cohort.id)["closing"].on - timedelta(days=10)
    assert item.own_offset and item.default_offset == -3
    services.timeline.set_item_offset(cohort.programme_id, "closing", "certificates", None)
    assert not _due(services, scope, "closing", "certificates").own_offset
    for stage, key, days in [
        ("closing", "no_such_item", 1),
        ("nowhere", "certificates", 1),
        ("closing", "certificates", 4000),
    ]:
        with pytest.raises(ValidationError):
            services.timeline.set_item_offset(cohort.programme_id, stage, key, days)


def test_due_this_week_lists_what_is_overdue_or_near_and_not_done(
    services: Services, cohort
) -> None:
    scope = Scope(cohort.programme_id, cohort.id)
    today = date(2027, 1, 28)  # four days before the kick-off on 1 February
    week = services.timeline.due_this_week(scope, today, "en")
    keys = [(d.stage, d.item) for d in week]
    assert ("kickoff", "first_meetings_booked") in keys  # due 1 Feb, within the week
    assert ("idea", "problem_statement") in keys  # long overdue
    assert ("followup", "midpoint_checkin") not in keys  # months away
    assert [d.due for d in week] == sorted(d.due for d in week)
    row = next(r for r in services.guide.checklist(scope, "idea", "en") if r.builtin_key)
    services.guide.set_done(scope, row, True)
    after = [(d.stage, d.item) for d in services.timeline.due_this_week(scope, today, "en")]
    assert ("idea", row.builtin_key) not in after and len(after) == len(keys) - 1


def test_due_this_week_across_new_year(services: Services, programme) -> None:
    winter = services.programmes.save_cohort(
        programme.id,
        CohortDraft("Vinter 2027", date(2028, 1, 10), date(2028, 5, 12), date(2027, 11, 21)),
    )
    scope = Scope(programme.id, winter.id)
    # Everything before 28 December is done; what is left is due around New Year.
    for stage in ("idea", "anchoring", "purpose", "resources", "recruitment", "selection"):
        for row in services.guide.checklist(scope, stage, "en"):
            services.guide.set_done(scope, row, True)
    week = services.timeline.due_this_week(scope, date(2027, 12, 30), "en")
    dues = {(d.stage, d.item): d.due for d in week}
    # matching: decisions on 5 Dec 2027, matching done 3 Jan 2028
    assert dues[("matching", "match_reasons")] == date(2028, 1, 3)
    assert dues[("kickoff", "mentor_training")] == date(2028, 1, 5)
    assert ("kickoff", "first_meetings_booked") not in dues  # due 10 January
    assert all(d <= date(2028, 1, 6) for d in dues.values())
    assert all(stage not in {"idea", "selection"} for stage, _item in dues)


def test_a_moved_window_kept_for_every_round_keeps_its_length(services, programme, cohort) -> None:
    timeline = services.timeline
    before = by_key(timeline.milestones(cohort.id))["meeting_2"]
    timeline.move(cohort.id, "meeting_2", before.on + timedelta(days=5))
    timeline.keep_for_every_round(cohort.id, "meeting_2")
    after = by_key(timeline.milestones(cohort.id))["meeting_2"]
    assert not after.moved and after.on == before.on + timedelta(days=5)
    assert after.until == before.until + timedelta(days=5)
    timeline.keep_for_every_round(cohort.id, "meeting_2")  # nothing moved: nothing to keep
    assert timeline.own_defaults(programme.id) == {"meeting_2"}
