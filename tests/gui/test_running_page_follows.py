"""The Running page's checklist, its progress bar and the navigator's count follow the work
the file shows (meetings dated, gatherings held with attendance) without leaving the page."""

from __future__ import annotations

import pytest

from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.widgets.running_board import RunningBoard

pytestmark = pytest.mark.gui


def navigator_count(window, key: str) -> str:
    index = window.navigator_model.index_for(key)
    return index.siblingAtColumn(1).data() or ""


def count_text(done: int, total: int) -> str:
    """The navigator's count as a reader sees it: a tick once all are done."""
    return "✓" if done == total else f"{done}/{total}"


def joint_events_row(page: StagePage) -> int:
    rows = page.checklist.rows()
    return next(n for n, row in enumerate(rows) if row.builtin_key == "joint_events")


def joint_events_done(page: StagePage) -> bool:
    return bool(page.checklist._model.done_by_the_work(joint_events_row(page)))


def untick_joint_events(window) -> StagePage:
    """The demo ticks the item by hand; untick it as the user would, so the work shows."""
    window.show_stage("running")
    page = window.pages["running"]
    at = joint_events_row(page)
    page.checklist.table.setCurrentIndex(page.checklist._model.index(at, 0))
    assert page.checklist.done_box.isChecked() and page.checklist.done_box.isEnabled()
    page.checklist.done_box.setChecked(False)
    assert not page.checklist.rows()[joint_events_row(page)].done
    return page


def a_second_gathering_held(window) -> None:
    """Tick one invitee of the demo's upcoming gathering as having come, as the panel does."""
    gatherings = window.context.services.gatherings
    cohort_id = window.context.cohort.id
    held = [g for g in gatherings.list(cohort_id) if g.attended and not g.cancelled]
    assert len(held) == 1, held  # the demo's CV evening
    upcoming = next(g for g in gatherings.list(cohort_id) if not g.attended and not g.cancelled)
    guest = next(g for g in gatherings.guests(upcoming.id) if g.invited)
    assert gatherings.set_attendance(upcoming.id, {guest.enrolment_id: True}) == 1
    window.context.events.gatherings_changed.emit(cohort_id)


def test_a_gathering_held_ticks_the_running_checklist_while_on_the_page(open_window) -> None:
    window = open_window(None, demo=True)
    page = untick_joint_events(window)
    board = next(tool for tool, _title in page._tools if isinstance(tool, RunningBoard))
    page.tabs.setCurrentWidget(board)
    total = len(page.checklist.rows())
    before = page.checklist.done_count()
    assert not joint_events_done(page)
    assert page.progress.value() == before
    assert page.progress.text() == f"{before} of {total} done"
    assert navigator_count(window, "running") == count_text(before, total)

    a_second_gathering_held(window)

    assert window.current_key() == "running"
    assert joint_events_done(page)
    assert page.checklist.done_count() == before + 1
    assert page.progress.value() == before + 1
    assert page.progress.text() == f"{before + 1} of {total} done"
    assert navigator_count(window, "running") == count_text(before + 1, total)


def test_a_page_not_on_screen_catches_up_when_shown(open_window) -> None:
    window = open_window(None, demo=True)
    page = untick_joint_events(window)
    before = page.checklist.done_count()
    window.show_stage("matching")

    a_second_gathering_held(window)

    assert page.checklist.done_count() == before  # left alone while away
    total = len(page.checklist.rows())
    assert navigator_count(window, "running") == count_text(before + 1, total)
    window.show_stage("running")
    assert page.checklist.done_count() == before + 1
    assert page.progress.text() == f"{before + 1} of {total} done"
