"""The check-in import dialog: a good file previewed and recorded on a worker thread, a bad
file's problems shown by row with the button disabled, and replacing recorded days."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from mentorapp.gui.context import AppContext
from mentorapp.gui.dialogs.checkin_import_dialog import CheckinImportDialog
from mentorapp.gui.events import AppEvents
from mentorapp.running.schedule import GroupSchedule, RoundSchedule
from mentorapp.workspace.services import Services
from mentorapp.workspace.settings import Settings

pytestmark = pytest.mark.gui
TODAY = date.today()


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


def open_meetings(context: AppContext) -> list[tuple[GroupSchedule, int]]:
    return [
        (group, m.number)
        for group in schedule(context).groups
        if group.ended_on is None
        for m in group.meetings
        if m.state != "held"
    ]


def dialog_for(context: AppContext, qtbot) -> CheckinImportDialog:
    assert context.cohort is not None
    dialog = CheckinImportDialog(context, context.cohort.id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def write(path: Path, rows: list[str]) -> Path:
    path.write_text("\n".join(rows) + "\n", encoding="utf-8-sig")
    return path


def column(model, index: int) -> list[str]:
    return [model.index(row, index).data() for row in range(model.rowCount())]


def test_a_good_file_is_previewed_then_recorded(context: AppContext, qtbot, tmp_path) -> None:
    (g1, n1), (g2, n2) = open_meetings(context)[:2]
    day = TODAY - timedelta(days=2)
    source = write(
        tmp_path / "svar.csv",
        [
            "Tidstämpel,E-postadress,Vilken träff?,Datum,Kommentar",
            f"{TODAY} 10:00:00,{g1.mentor.email},{n1},{day},Bra samtal om cv:t",
            f"{TODAY} 11:00:00,{g2.mentor.email},Träff {n2},{day},",
        ],
    )
    dialog = dialog_for(context, qtbot)
    assert not dialog.record_button.isEnabled()
    assert dialog.load(source)
    assert dialog.meetings.rowCount() == 2
    assert column(dialog.meetings, 0) == ["2", "3"]
    assert column(dialog.meetings, 4)[0] == "Bra samtal om cv:t"
    assert not dialog.problem_view.isVisible()
    assert dialog.record_button.text() == "Record 2 meetings"
    assert dialog.record_button.isEnabled()
    assert schedule(context).group(g1.id).meetings[n1 - 1].state != "held"  # only a look

    with qtbot.waitSignal(context.events.meetings_changed, timeout=10_000):
        qtbot.mouseClick(dialog.record_button, Qt.MouseButton.LeftButton)
    after = schedule(context)
    for group, number in ((g1, n1), (g2, n2)):
        meeting = after.group(group.id).meetings[number - 1]
        assert (meeting.state, meeting.held_on) == ("held", day)
    assert "Recorded 2 meetings" in dialog.summary.text()
    assert not dialog.record_button.isEnabled()


def test_a_bad_file_shows_its_problems_by_row_and_records_nothing(
    context: AppContext, qtbot, tmp_path
) -> None:
    (g1, n1), (g2, _n2) = open_meetings(context)[:2]
    before = schedule(context)
    source = write(
        tmp_path / "svar.csv",
        [
            "Email,Meeting,Date,Comment",
            f"{g1.mentor.email},{n1},{TODAY},fine",
            f"nobody@example.org,1,{TODAY},",
            f"{g2.mentor.email},12,{TODAY},",
        ],
    )
    dialog = dialog_for(context, qtbot)
    assert dialog.load(source)
    assert dialog.problem_view.isVisible()
    assert column(dialog.problems, 0) == ["3", "4"]
    assert column(dialog.problems, 1) == ["Email", "Meeting"]
    assert not dialog.record_button.isEnabled()
    assert dialog.record_button.text() == "Record 0 meetings"
    assert "2 rows have problems" in dialog.summary.text()
    dialog.record()  # even called directly, it writes nothing
    assert dialog.job is None and schedule(context) == before


def test_replacing_recorded_days_is_a_choice_in_the_dialog(
    context: AppContext, qtbot, tmp_path
) -> None:
    group, meeting = next(
        (g, m)
        for g in schedule(context).groups
        if g.ended_on is None
        for m in g.meetings
        if m.state == "held" and m.held_on is not None
    )
    other = meeting.held_on - timedelta(days=1)
    source = write(
        tmp_path / "svar.csv",
        ["E-post,Träff,Datum", f"{group.mentor.email},{meeting.number},{other}"],
    )
    dialog = dialog_for(context, qtbot)
    dialog.load(source)
    assert column(dialog.problems, 0) == ["2"] and not dialog.record_button.isEnabled()
    dialog.replace.setChecked(True)  # checks the file again
    assert dialog.problems.rowCount() == 0 and dialog.record_button.isEnabled()
    assert column(dialog.meetings, 5)[0].startswith("Replaces")
    with qtbot.waitSignal(dialog.recorded, timeout=10_000):
        dialog.record_button.click()
    stored = schedule(context).group(group.id).meetings[meeting.number - 1]
    assert stored.held_on == other and stored.minutes == meeting.minutes


def test_a_file_that_is_not_csv_is_refused_in_a_sentence(
    context: AppContext, qtbot, tmp_path
) -> None:
    source = tmp_path / "svar.xlsx"
    source.write_bytes(b"PK\x03\x04" + b"\x00" * 64)
    dialog = dialog_for(context, qtbot)
    assert not dialog.load(source)
    assert "spreadsheet workbook" in dialog.summary.text()
    assert dialog.meetings.rowCount() == 0 and not dialog.record_button.isEnabled()


def test_enter_in_the_file_field_only_previews(context: AppContext, qtbot, tmp_path) -> None:
    """Enter reads and checks the file; recording still takes a press of the button."""
    (g1, n1), (g2, n2) = open_meetings(context)[:2]
    day = TODAY - timedelta(days=1)
    source = write(
        tmp_path / "svar.csv",
        ["E-post,Träff,Datum", f"{g1.mentor.email},{n1},{day}", f"{g2.mentor.email},{n2},{day}"],
    )
    before = schedule(context)
    dialog = dialog_for(context, qtbot)
    recorded: list[int] = []
    dialog.recorded.connect(recorded.append)
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(source))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    assert dialog.meetings.rowCount() == 2  # the preview is shown
    assert dialog.record_button.isEnabled() and dialog.record_button.text() == "Record 2 meetings"
    assert dialog.job is None and recorded == []
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Enter)  # again, on the keypad: still a look
    assert dialog.job is None and recorded == []
    assert schedule(context) == before
    assert dialog.isVisible()
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.buttons.buttons())
