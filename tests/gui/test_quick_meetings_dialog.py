"""The quick entry table driven from the keyboard: type days into cells, Enter moves down,
Delete takes a held mark away, bad input is refused in the status line, Save writes it all
at once and Cancel nothing."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from mentorapp.gui.context import AppContext
from mentorapp.gui.dialogs.quick_meetings_dialog import QuickMeetingsDialog
from mentorapp.gui.events import AppEvents
from mentorapp.i18n import format_date
from mentorapp.running.schedule import RoundSchedule
from mentorapp.workspace.services import Services
from mentorapp.workspace.settings import Settings

pytestmark = pytest.mark.gui
TODAY = date.today()


@pytest.fixture(autouse=True)
def discard_when_asked(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dialog closed at the end of a test with edits asks; a modal question would hang."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    from mentorapp.demo.writer import write_demo

    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
    return path


@pytest.fixture
def context(demo_file: Path, tmp_path: Path, qapp) -> Iterator[AppContext]:
    path = tmp_path / "programme.db"
    shutil.copy(demo_file, path)
    services = Services.open(path)
    context = AppContext(events=AppEvents(), settings=Settings(), services=services)
    context.reload()
    yield context
    services.close()


def schedule(context: AppContext) -> RoundSchedule:
    assert context.services is not None and context.cohort is not None
    return context.services.meetings.schedule(context.cohort.id)


def dialog_for(context: AppContext, qtbot) -> QuickMeetingsDialog:
    assert context.cohort is not None
    dialog = QuickMeetingsDialog(context, context.cohort.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    return dialog


def editor_of(dialog: QuickMeetingsDialog) -> QLineEdit:
    editors = [e for e in dialog.table.findChildren(QLineEdit) if e.isVisible()]
    assert len(editors) == 1, "typing opens the cell's editor"
    return editors[0]


def open_cell(dialog: QuickMeetingsDialog) -> tuple[int, int]:
    """(row, meeting) of the first meeting not held, in a row whose next row is also open."""
    model = dialog.model
    for row in range(model.rowCount() - 1):
        for number in range(1, model.columnCount()):
            below = model.index(row + 1, number)
            if model.held_on(model.index(row, number)) is None and model.held_on(below) is None:
                return row, number
    raise AssertionError("no open meeting")


def type_into(dialog: QuickMeetingsDialog, qtbot, row: int, column: int, text: str) -> None:
    """Go to the cell, type (the first key opens the editor, as in a spreadsheet), Enter."""
    table = dialog.table
    table.setCurrentIndex(dialog.model.index(row, column))
    table.setFocus()
    qtbot.keyClicks(table, text[0])
    editor = editor_of(dialog)
    assert editor.text() == text[0]
    qtbot.keyClicks(editor, text[1:])
    enter(dialog, editor, qtbot)


def enter(dialog: QuickMeetingsDialog, editor: QLineEdit, qtbot) -> None:
    """Enter in the editor; the delegate commits and closes it on the next turn of the loop."""
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.table.state() != QAbstractItemView.State.EditingState)


def test_typed_days_are_saved_together_when_save_is_pressed(context: AppContext, qtbot) -> None:
    dialog = dialog_for(context, qtbot)
    row, number = open_cell(dialog)
    first_group = dialog.model.group_at(row)
    second_group = dialog.model.group_at(row + 1)
    assert first_group is not None and second_group is not None
    day1 = TODAY - timedelta(days=3)
    day2 = TODAY - timedelta(days=1)
    type_into(dialog, qtbot, row, number, day1.isoformat())
    assert dialog.table.currentIndex().row() == row + 1  # Enter moved down
    qtbot.keyClicks(dialog.table, f"{day2.day}"[0])  # straight on, in the cell below
    editor = editor_of(dialog)
    qtbot.keyClicks(editor, f"{day2.day}"[1:] + f"/{day2.month}")
    enter(dialog, editor, qtbot)
    assert dialog.model.edits() == {(first_group.id, number): day1, (second_group.id, number): day2}
    assert dialog.model.index(row, number).data() == format_date(day1)
    before = schedule(context)
    assert before.group(first_group.id).meetings[number - 1].state != "held"  # not yet saved

    with qtbot.waitSignal(context.events.meetings_changed) as announced:
        qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    assert announced.args == [context.cohort.id]
    after = schedule(context)
    for group_id, day in ((first_group.id, day1), (second_group.id, day2)):
        meeting = after.group(group_id).meetings[number - 1]
        assert (meeting.state, meeting.held_on) == ("held", day)
    assert not dialog.isVisible()


def test_a_bad_value_is_refused_in_the_status_line_and_the_cell_stays(
    context: AppContext, qtbot
) -> None:
    dialog = dialog_for(context, qtbot)
    row, number = open_cell(dialog)
    shown = dialog.model.index(row, number).data()
    type_into(dialog, qtbot, row, number, "tomorrow")
    assert "tomorrow" in dialog.status.text()
    assert dialog.table.currentIndex().row() == row  # stays, to be typed again
    assert dialog.model.index(row, number).data() == shown
    future = TODAY + timedelta(days=5)
    type_into(dialog, qtbot, row, number, future.isoformat())
    assert "has not come yet" in dialog.status.text()
    assert not dialog.model.has_edits() and not dialog.save_button.isEnabled()


def test_delete_takes_a_held_mark_away(context: AppContext, qtbot) -> None:
    dialog = dialog_for(context, qtbot)
    model = dialog.model
    row, number = next(
        (r, n)
        for r in range(model.rowCount())
        for n in range(1, model.columnCount())
        if model.held_on(model.index(r, n)) is not None
    )
    group = model.group_at(row)
    assert group is not None
    held = group.meetings[number - 1]
    dialog.table.setCurrentIndex(model.index(row, number))
    dialog.table.setFocus()
    qtbot.keyClick(dialog.table, Qt.Key.Key_Delete)
    assert model.edits() == {(group.id, number): None}
    assert model.index(row, number).data() != format_date(held.held_on)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    meeting = schedule(context).group(group.id).meetings[number - 1]
    assert (meeting.state, meeting.held_on, meeting.note) == ("planned", None, held.note)


def test_the_table_leaves_ended_groups_out_and_shows_each_state(context: AppContext, qtbot) -> None:
    dialog = dialog_for(context, qtbot)
    model = dialog.model
    round_ = schedule(context)
    going_on = [g for g in round_.groups if g.ended_on is None]
    assert len(going_on) < len(round_.groups)  # the demo has an ended group
    assert model.rowCount() == len(going_on)
    assert model.columnCount() == round_.meetings_per_round + 1
    texts = {}
    for row, group in enumerate(going_on):
        for meeting in group.meetings:
            index = model.index(row, meeting.number)
            texts.setdefault(meeting.state, []).append((index, meeting))
    index, held = texts["held"][0]
    assert index.data() == format_date(held.held_on)
    assert index.data(Qt.ItemDataRole.ForegroundRole) is None
    index, _cancelled = texts["cancelled"][0]
    assert index.data() == "Cancelled"
    assert index.data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed
    dated = next((i, m) for i, m in texts["planned"] if m.planned_on is not None)
    assert dated[0].data() == format_date(dated[1].planned_on)
    assert dated[0].data(Qt.ItemDataRole.ForegroundRole) is not None  # greyed


def test_cancel_discards_and_closing_with_edits_asks(
    context: AppContext, qtbot, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = schedule(context)
    dialog = dialog_for(context, qtbot)
    row, number = open_cell(dialog)
    type_into(dialog, qtbot, row, number, TODAY.isoformat())
    assert dialog.model.has_edits()
    asked = []

    def answer(*_args: object, **_kwargs: object) -> QMessageBox.StandardButton:
        asked.append(True)
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.keyClick(dialog.table, Qt.Key.Key_Escape)
    assert asked and dialog.isVisible()  # "Cancel" in the question keeps the dialog
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    assert len(asked) == 1 and not dialog.isVisible()  # the Cancel button does not ask
    assert schedule(context) == before
