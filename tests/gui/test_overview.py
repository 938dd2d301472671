"""The overview: the stage follows the round's dates and the work, what is due this week, the
round's counts and its timeline, all from the file."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt

from mentorapp.gui.main_window import OVERVIEW_KEY
from mentorapp.guide.checklist import Scope
from mentorapp.programme.rules import CohortDraft

pytestmark = pytest.mark.gui


@pytest.fixture
def open_round(services, programme):
    """A round whose applications close in three weeks: by its dates it is in Recruitment."""
    today = date.today()
    draft = CohortDraft(
        "Nästa omgång",
        today + timedelta(days=50),
        today + timedelta(days=170),
        today + timedelta(days=21),
    )
    return services.programmes.save_cohort(programme.id, draft)


def _apply(services, cohort_id: int, role: str, count: int) -> list[int]:
    rows = [
        services.participants.create(
            cohort_id,
            role,
            {
                "first_name": "Test",
                "last_name": f"{role} {n}",
                "email": f"{role}{n}@example.se",
                "city": "Malmö",
                "languages": ("sv",),
                "education_field_text": "Teknik",
                "industry_text": "IT",
            },
        )
        for n in range(count)
    ]
    return [row.enrolment_id for row in rows]


def _overview(window):
    window.show_stage(OVERVIEW_KEY)
    return window.pages[OVERVIEW_KEY]


def test_the_stage_follows_the_dates_then_the_work(
    open_window, db_path, services, programme, open_round
) -> None:
    adepts = _apply(services, open_round.id, "adept", 3)
    _apply(services, open_round.id, "mentor", 2)
    window = open_window(db_path)
    page = _overview(window)
    assert page.current_stage_label.text() == "Current stage: Recruitment"
    assert page.stage_reason.text() == "From the round's dates."
    assert "Applications — adepts: 3, mentors: 2" in page.round_counts.text()

    services.pipeline.change_status(adepts[:2], "accepted", "Passar bra")
    window.context.events.participants_changed.emit(open_round.id)
    assert page.current_stage_label.text() == "Current stage: Selection and interviews"
    assert page.stage_reason.text() == ("The work is ahead of the dates, which say Recruitment.")
    assert "Accepted — adepts: 2, mentors: 0" in page.round_counts.text()
    assert "not matched yet: 2" in page.round_counts.text()
    # Applications in and decisions made count as done although nobody ticked them.
    assert page.share_bar.value() == 2


def test_due_this_week_lists_what_the_timeline_says(
    open_window, db_path, services, programme, open_round
) -> None:
    window = open_window(db_path)
    page = _overview(window)
    today = date.today()
    expected = services.timeline.due_this_week(Scope(programme.id, open_round.id), today, "en")
    assert expected, "a round three weeks from its deadline has something due"
    shown = [page.week_model.item(row, 1).text() for row in range(page.week_model.rowCount())]
    assert shown == [item.text for item in expected]
    overdue = [item for item in expected if item.due < today]
    for row, item in enumerate(expected):
        assert page.week_model.item(row, 0).text().endswith("(overdue)") == (item in overdue)


def test_an_item_the_file_shows_done_is_not_due(
    open_window, db_path, services, programme, open_round
) -> None:
    window = open_window(db_path)
    page = _overview(window)
    scope = Scope(programme.id, open_round.id)
    # Push "set up the application forms" into this week, then let applications come in.
    services.timeline.move(open_round.id, "applications_open", date.today())
    window.context.events.timeline_changed.emit(open_round.id)
    keys = {
        (item.stage, item.item)
        for item in services.timeline.due_this_week(scope, date.today(), "en")
    }
    texts = lambda: [  # noqa: E731
        page.week_model.item(row, 1).text() for row in range(page.week_model.rowCount())
    ]
    assert ("recruitment", "application_forms") in keys
    assert "Set up the application forms" in texts()
    _apply(services, open_round.id, "adept", 1)
    window.context.events.participants_changed.emit(open_round.id)
    assert "Set up the application forms" not in texts()


def test_the_overview_draws_the_rounds_timeline(open_window, db_path, services, open_round) -> None:
    window = open_window(db_path)
    page = _overview(window)
    layout = page.timeline_view.timeline_layout()
    assert not layout.empty
    assert layout.today == date.today()
    before = services.timeline.milestones(open_round.id)
    moved = next(m for m in before if m.key == "kickoff")
    services.timeline.move(open_round.id, "kickoff", moved.on + timedelta(days=7))
    window.context.events.timeline_changed.emit(open_round.id)
    assert page.timeline_view.timeline_layout() != layout


def test_the_checklist_shows_what_the_file_shows_done(
    open_window, db_path, services, programme, open_round
) -> None:
    _apply(services, open_round.id, "adept", 1)
    window = open_window(db_path)
    window.show_stage("recruitment")
    panel = window.pages["recruitment"].checklist
    model = panel._model
    row = next(
        n for n in range(model.rowCount()) if model.row_at(n).builtin_key == "application_forms"
    )
    index = model.index(row, 0)
    assert model.data(index, Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
    assert model.data(index, Qt.ItemDataRole.ToolTipRole) == "Applications have come in."
    assert not model.flags(index) & Qt.ItemFlag.ItemIsUserCheckable  # the work says so
    assert not model.row_at(row).done  # nothing was ticked in the file
    others = [n for n in range(model.rowCount()) if n != row]
    assert all(
        model.data(model.index(n, 0), Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Unchecked
        for n in others
    )


def test_the_overview_counts_the_pairs_health(open_window) -> None:
    """The demo's running round has accepted groups: the overview says how they are doing,
    and follows a change made on the Running page; a round without groups says nothing."""
    window = open_window(None, demo=True)
    page = _overview(window)
    services, cohort_id = window.context.services, window.context.cohort.id
    counts = services.running.counts(cohort_id)
    check_in = counts["needs_check_in"]
    need = "needs" if check_in == 1 else "need"
    expected = (
        f"Pairs: {counts['on_track']} on track, {check_in} {need} a check-in, "
        f"{counts['not_started']} not started, {counts['ended']} ended"
    )
    assert expected in page.round_counts.text().splitlines()

    group = next(g for g in services.running.groups(cohort_id) if g.health == "needs_check_in")
    services.running.mark_contacted(group.group.id, date.today())
    window.context.events.meetings_changed.emit(cohort_id)
    assert f"Pairs: {counts['on_track'] + 1} on track" in page.round_counts.text()


def test_a_round_without_groups_shows_no_pair_counts(
    open_window, db_path, services, programme, open_round
) -> None:
    window = open_window(db_path)
    page = _overview(window)
    assert page.round_counts.isVisibleTo(page) and "Pairs:" not in page.round_counts.text()
