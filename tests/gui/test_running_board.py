"""The Running page's board on the demo, driven through its real widgets and dialogs."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mentorapp.gui.dialogs.end_group_dialog import EndGroupDialog
from mentorapp.gui.dialogs.health_rules_dialog import HealthRulesDialog
from mentorapp.gui.dialogs.meeting_dialog import MeetingDialog, from_qdate
from mentorapp.gui.models.running_model import ATTENTION, GROUP_ID_ROLE, HEALTH, MENTOR
from mentorapp.gui.widgets.running_board import RunningBoard
from mentorapp.running.health import Health, HealthRules

pytestmark = pytest.mark.gui


def counts_line(on_track: int, check_in: int, not_started: int, ended: int) -> str:
    """The counts sentence as a reader expects it, written out here (not by the app)."""
    need = f"{check_in} needs a check-in" if check_in == 1 else f"{check_in} need a check-in"
    line = f"{on_track} on track · {need} · {not_started} not started"
    return line + (f" · {ended} ended" if ended else "")


def demo_counts(window) -> tuple[int, int, int, int]:
    """The demo's counts (its dates follow today's); every state shows in it."""
    counts = window.context.services.running.counts(window.context.cohort.id)
    found = tuple(counts[h] for h in ("on_track", "needs_check_in", "not_started", "ended"))
    assert all(found) and sum(found) == 20, found
    return found


def open_board(window) -> RunningBoard:
    window.show_stage("running")
    page = window.pages["running"]
    board = next(tool for tool, _title in page._tools if isinstance(tool, RunningBoard))
    page.tabs.setCurrentWidget(board)
    return board


def health_in_table(board: RunningBoard, group_id: int) -> str:
    row = board.model.row_of(group_id)
    return board.model.index(row, HEALTH).data()


def groups_by_health(window) -> dict[str, list[int]]:
    found: dict[str, list[int]] = {}
    for item in window.context.services.running.groups(window.context.cohort.id):
        found.setdefault(item.health.value, []).append(item.group.id)
    return found


def fill_later(qtbot, dialog_type: type, fill) -> list:
    """Run ``fill`` on the modal dialog once it is open; the dialogs it saw."""
    seen: list = []

    def run() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, dialog_type), dialog
        seen.append(dialog)
        fill(dialog)

    QTimer.singleShot(0, run)
    return seen


def ok(dialog) -> None:
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()


def test_counts_filter_and_search_on_the_demo(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    assert board.counts.text() == counts_line(*demo_counts(window))
    assert board.stack.currentIndex() == 0 and board.proxy.rowCount() == 20
    by_health = groups_by_health(window)

    board.health_filter.setCurrentIndex(board.health_filter.findData(ATTENTION))
    attention = by_health["not_started"] + by_health["needs_check_in"]
    assert len(attention) >= 2
    assert sorted(board.visible_group_ids()) == sorted(attention)
    # Sorted by health, the group that has not started comes first.
    assert board.visible_group_ids()[0] == by_health["not_started"][0]

    board.health_filter.setCurrentIndex(board.health_filter.findData("ended"))
    assert board.visible_group_ids() == by_health["ended"]

    board.health_filter.setCurrentIndex(0)
    item = board.model.item_at(0)
    qtbot.keyClicks(board.search, item.group.mentor.email.upper())
    assert board.visible_group_ids() == [item.group.id]
    board.search.clear()
    assert board.proxy.rowCount() == 20


def test_recording_a_meeting_held_puts_a_group_back_on_track(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    on_track, check_in, not_started, ended = demo_counts(window)
    services, today = window.context.services, date.today()
    late = today - timedelta(days=HealthRules().overdue_days)
    # A group that needs a check-in for one overdue meeting only: recording it is enough.
    candidates = [
        item
        for item in services.running.groups(window.context.cohort.id)
        if item.health == Health.NEEDS_CHECK_IN
        and item.assessment.next_due is not None
        and all(
            m.due is None or m.due >= late
            for m in item.group.meetings
            if m.state in ("planned", "moved") and m.number != item.assessment.next_due.number
        )
    ]
    assert candidates
    item = candidates[0]
    number = item.assessment.next_due.number
    board.select_group(item.group.id)
    index = board.view.currentIndex().siblingAtColumn(MENTOR)
    assert index.data(GROUP_ID_ROLE) == item.group.id

    def fill(dialog: MeetingDialog) -> None:
        assert dialog.number.currentData() == number
        assert dialog.state.currentData() == "held"
        assert from_qdate(dialog.held_on.date()) == today
        dialog.minutes.setCurrentIndex(dialog.minutes.findData(60))
        dialog.mode.setCurrentIndex(dialog.mode.findData("digital"))
        qtbot.keyClicks(dialog.note, "Pratade om cv och intervjuer")
        ok(dialog)

    seen = fill_later(qtbot, MeetingDialog, fill)
    viewport, at = board.view.viewport(), board.view.visualRect(index).center()
    with qtbot.waitSignal(window.context.events.meetings_changed):
        # A double-click as a mouse makes it: a click, then the second press.
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=at)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=at)
    assert seen
    schedule = services.meetings.schedule(window.context.cohort.id)
    meeting = next(m for m in schedule.group(item.group.id).meetings if m.number == number)
    assert (meeting.state, meeting.held_on, meeting.minutes, meeting.mode) == (
        "held",
        today,
        60,
        "digital",
    )
    assert meeting.note == "Pratade om cv och intervjuer"
    assert health_in_table(board, item.group.id) == "On track"
    assert board.counts.text() == counts_line(on_track + 1, check_in - 1, not_started, ended)
    assert board.selected_group_id() == item.group.id  # the selection stays on the group


def test_a_note_too_long_keeps_the_dialog_open_and_writes_nothing(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    item = board.model.item_at(0)
    board.select_group(item.group.id)
    dialog = MeetingDialog(window.context.services, item.group, 1, board)
    qtbot.addWidget(dialog)
    qtbot.keyClicks(dialog.note, "x" * 501)
    ok(dialog)
    assert not dialog.error_label.isHidden() and "too long" in dialog.error_label.text()
    assert dialog.note.hasFocus() or dialog.focusWidget() is dialog.note
    assert dialog.result() == 0  # still open
    before = window.context.services.meetings.schedule(window.context.cohort.id)
    assert before.group(item.group.id) == item.group  # nothing written


def test_mark_and_clear_contacted(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    group_id = groups_by_health(window)["needs_check_in"][0]
    board.select_group(group_id)
    assert board.details.contacted_button.text() == "Mark as &contacted"
    with qtbot.waitSignal(window.context.events.meetings_changed):
        board.details.contacted_button.click()
    schedule = window.context.services.meetings.schedule(window.context.cohort.id)
    assert schedule.group(group_id).contacted_on == date.today()
    assert health_in_table(board, group_id) == "On track"
    assert "Contacted on" in board.details.state.text()
    assert board.details.contacted_button.text() == "Clear &contacted"
    board.details.contacted_button.click()
    assert health_in_table(board, group_id) == "Needs a check-in"


def test_ending_a_group_needs_a_reason_and_offers_matching(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    *_others, ended = demo_counts(window)
    group_id = groups_by_health(window)["on_track"][0]
    board.select_group(group_id)

    def without_reason(dialog: EndGroupDialog) -> None:
        dialog.suggestion.setCurrentIndex(dialog.suggestion.findData("other"))
        ok(dialog)
        assert dialog.error_label.isVisible()  # kept open: nothing ended
        assert (
            window.context.services.meetings.schedule(window.context.cohort.id)
            .group(group_id)
            .ended_on
            is None
        )
        dialog.suggestion.setCurrentIndex(dialog.suggestion.findData("job"))
        qtbot.keyClicks(dialog.details, "Fick jobb som ekonom")
        ok(dialog)

    seen = fill_later(qtbot, EndGroupDialog, without_reason)
    board.details.end_button.click()
    assert seen
    group = window.context.services.meetings.schedule(window.context.cohort.id).group(group_id)
    assert group.ended_on == date.today()
    assert group.end_reason == "The adept got a job: Fick jobb som ekonom"
    assert health_in_table(board, group_id) == "Ended"
    assert board.counts.text().endswith(f" · {ended + 1} ended")
    assert not board.details.record_button.isEnabled()  # an ended group takes no records
    assert board.notice_box.isVisible()
    with qtbot.waitSignal(window.context.events.stage_requested) as asked:
        board.notice_button.click()
    assert asked.args == ["matching"]


def test_the_health_rules_dialog_saves_and_the_table_follows(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    board = open_board(window)
    on_track, check_in, not_started, ended = demo_counts(window)

    def fill(dialog: HealthRulesDialog) -> None:
        dialog.spins["first_meeting_days"].setValue(200)
        dialog.defaults_button.click()
        assert dialog.spins["first_meeting_days"].value() == 14
        dialog.spins["silent_days"].setValue(365)
        dialog.spins["overdue_days"].setValue(365)
        ok(dialog)

    seen = fill_later(qtbot, HealthRulesDialog, fill)
    board.rules_button.click()
    assert seen
    programme_id = window.context.programme.id
    saved = window.context.services.running.rules(programme_id)
    assert saved == HealthRules(silent_days=365, overdue_days=365)
    # The demo's check-ins are all for overdue or silent groups: with a year's patience none.
    assert board.counts.text() == counts_line(on_track + check_in, 0, not_started, ended)


def test_a_read_only_file_disables_every_write(open_window, qtbot, monkeypatch) -> None:
    window = open_window(None, demo=True)
    monkeypatch.setattr(type(window.context), "read_only", property(lambda self: True))
    board = open_board(window)
    board.refresh()
    board.select_group(board.model.item_at(0).group.id)
    details = board.details
    for button in (
        board.quick_button,
        board.import_button,
        board.rules_button,
        details.record_button,
        details.contacted_button,
        details.end_button,
    ):
        assert not button.isEnabled(), button.objectName()
    assert details.calendar_button.isEnabled() and board.round_calendar_button.isEnabled()


def test_switching_to_english_retranslates_the_board(open_window, qtbot) -> None:
    window = open_window(None, language="sv", demo=True)
    board = open_board(window)
    swedish = [board.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    swedish_counts = board.counts.text()
    window.apply_language("en")
    english = [board.model.headerData(c, Qt.Orientation.Horizontal) for c in range(7)]
    assert english == [
        "Mentor",
        "Adepts",
        "Health",
        "Last meeting",
        "Next meeting",
        "Meetings held",
        "Reason",
    ]
    assert swedish_counts != board.counts.text() == counts_line(*demo_counts(window))
    assert swedish != english
    assert board.view.model().headerData(HEALTH, Qt.Orientation.Horizontal) == "Health"
    assert board.health_filter.itemText(0) == "All groups"


def test_a_round_without_groups_points_to_matching(
    open_window, db_path, services, cohort, qtbot
) -> None:
    window = open_window(db_path)
    board = open_board(window)
    assert board.stack.currentIndex() == 1
    assert "No accepted groups yet" in board.empty_label.text()
    with qtbot.waitSignal(window.context.events.stage_requested) as asked:
        board.empty_button.click()
    assert asked.args == ["matching"]


def test_an_ended_groups_adept_is_free_again_on_the_matching_board(
    open_window, db_path, services, cohort, qtbot
) -> None:
    """One mentor and one adept: after the group ends the adept waits for a new mentor (the
    ended mentor takes nobody new in this round)."""
    people = {}
    for role, first in (("adept", "Åsa"), ("mentor", "Karin")):
        values = {
            "first_name": first,
            "last_name": "Ek",
            "email": f"{first.lower()}@example.se",
            "city": "Malmö",
            "languages": ("sv",),
            "education_field_text": "Ekonomi",
            "industry_text": "Handel",
        }
        people[first] = services.participants.create(cohort.id, role, values).enrolment_id
    services.pipeline.change_status(list(people.values()), "accepted")
    services.matching.accept(cohort.id, services.matching.propose(cohort.id))
    [group] = services.matching.groups(cohort.id)

    window = open_window(db_path)
    board = open_board(window)
    assert board.counts.text() == "1 on track · 0 need a check-in · 0 not started"
    board.select_group(group.id)
    fill_later(
        qtbot,
        EndGroupDialog,
        lambda dialog: (qtbot.keyClicks(dialog.details, "Flyttar"), ok(dialog)),
    )
    board.details.end_button.click()
    assert health_in_table(board, group.id) == "Ended"

    board.notice_button.click()  # "Go to Matching"
    matching = window.pages["matching"]
    assert window.current_key() == "matching"
    match_board = matching._tools[0][0]
    qtbot.waitUntil(
        lambda: match_board._job is None and match_board.proposal is not None, timeout=20_000
    )
    assert match_board.proposal.placed == 0
    unmatched = [
        match_board.unmatched_model.item(row, 0).text()
        for row in range(match_board.unmatched_model.rowCount())
    ]
    assert unmatched == ["Åsa Ek"]
