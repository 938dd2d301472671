"""The joint gatherings tool of the Running period, driven through its real widgets."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QDate, Qt, QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from mentorapp.gui.context import AppContext
from mentorapp.gui.dialogs import files
from mentorapp.gui.dialogs.gathering_dialog import GatheringDialog
from mentorapp.gui.models.gatherings_model import G_CAME, P_CAME, P_INVITED
from mentorapp.gui.widgets import gatherings_panel
from mentorapp.gui.widgets.gatherings_panel import GatheringsPanel
from mentorapp.gui.widgets.participants_panel import ParticipantsPanel
from mentorapp.running.gathering_content import load_templates
from mentorapp.running.gatherings import GatheringDraft
from tests.people.conftest import values

pytestmark = pytest.mark.gui


@pytest.fixture
def people(services, cohort) -> dict[str, int]:
    """An active adept, an accepted mentor and an applicant who is not taking part (yet)."""
    made = {
        "asa": services.participants.create(
            cohort.id, "adept", values(email="asa@example.com", first_name="Åsa", last_name="Öberg")
        ),
        "jan": services.participants.create(
            cohort.id, "mentor", values(email="jan@example.org", first_name="Jan", last_name="Ek")
        ),
        "new": services.participants.create(
            cohort.id, "adept", values(email="nils@example.com", first_name="Nils", last_name="Ny")
        ),
    }
    ids = {key: row.enrolment_id for key, row in made.items()}
    services.pipeline.change_status([ids["asa"], ids["jan"]], "accepted")
    services.pipeline.change_status([ids["asa"]], "active")
    return ids


def open_tool(window) -> GatheringsPanel:
    window.show_stage("running")
    page = window.pages["running"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, GatheringsPanel))
    page.tabs.setCurrentWidget(panel)
    return panel


def tick(qtbot, panel: GatheringsPanel, enrolment_id: int, column: int) -> None:
    """Select the person's tick box in the guest list and press Space, as a keyboard user."""
    row = panel.guests_model.row_of(enrolment_id)
    assert row >= 0
    panel.guests.setFocus()
    panel.guests.setCurrentIndex(panel.guests_model.index(row, column))
    qtbot.keyClick(panel.guests, Qt.Key.Key_Space)


def checked(panel: GatheringsPanel, enrolment_id: int, column: int) -> bool:
    index = panel.guests_model.index(panel.guests_model.row_of(enrolment_id), column)
    return index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked


def test_create_invite_tick_and_print(
    open_window, db_path, services, cohort, people, qtbot, tmp_path: Path, monkeypatch
) -> None:
    window = open_window(db_path)
    panel = open_tool(window)
    assert panel.stack.currentIndex() == 0  # the empty state: what gatherings are for
    assert "gatherings" in panel.empty_text.text().lower()
    assert panel.empty_new_button.isVisible() and panel.empty_new_button.isEnabled()
    template = load_templates("en")[2]
    seen: list[GatheringDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GatheringDialog)
        seen.append(dialog)
        dialog.template.setCurrentIndex(dialog.template.findData(template.key))
        assert dialog.title.text() == template.title
        assert dialog.minutes.value() == template.minutes
        dialog.day.setDate(QDate(2027, 3, 4))
        dialog.time.setTime(QTime(17, 30))
        qtbot.keyClicks(dialog.place, "Folkets hus")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    panel.empty_new_button.click()
    assert seen
    [made] = services.gatherings.list(cohort.id)
    assert (made.title, made.place, made.minutes) == (
        template.title,
        "Folkets hus",
        template.minutes,
    )
    assert made.description == template.description and not made.all_day
    assert panel.stack.currentIndex() == 1 and panel.model.rowCount() == 1
    assert panel.selected().id == made.id

    # Everyone taking part is on the list; the applicant who only applied is not.
    assert {g.enrolment_id for g in panel.guests_model.shown()} == {people["asa"], people["jan"]}
    heard: list[int] = []
    window.context.events.gatherings_changed.connect(heard.append)
    panel.invite_all_button.click()
    assert heard == [cohort.id]
    assert checked(panel, people["asa"], P_INVITED) and checked(panel, people["jan"], P_INVITED)
    assert "2 invited" in panel.guests_counts.text()

    tick(qtbot, panel, people["asa"], P_CAME)
    assert checked(panel, people["asa"], P_CAME)
    assert "1 came" in panel.guests_counts.text()
    assert panel.model.index(0, G_CAME).data() == "1"
    assert services.gatherings.attendance_counts(cohort.id) == {people["asa"]: 1}
    assert not panel.delete_button.isEnabled()  # someone came: cancel instead

    # The mentor did not come after all: take the invitation back; the adept stays ticked.
    tick(qtbot, panel, people["jan"], P_INVITED)
    assert not checked(panel, people["jan"], P_INVITED)
    assert services.gatherings.gathering(made.id).invited == 1

    panel.filter.setCurrentIndex(panel.filter.findData("invited"))
    assert [g.enrolment_id for g in panel.guests_model.shown()] == [people["asa"]]
    panel.filter.setCurrentIndex(panel.filter.findData("mentor"))
    assert [g.enrolment_id for g in panel.guests_model.shown()] == [people["jan"]]

    out = tmp_path / "list.pdf"
    asked: list[str] = []

    def save_path(parent, title, suggested, file_filter, suffix=""):
        asked.append(suffix)
        return out

    monkeypatch.setattr(files, "ask_save_path", save_path)
    offered: list[QMessageBox] = []
    monkeypatch.setattr(gatherings_panel.QMessageBox, "exec", lambda box: offered.append(box))
    panel.print_button.click()
    assert asked == ["pdf"] and offered
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Åsa Öberg" in text and "Jan Ek" not in text and template.title in text


def test_cancel_edit_delete_and_the_reminder_button(
    open_window, db_path, services, cohort, people, qtbot, monkeypatch
) -> None:
    made = services.gatherings.add(cohort.id, GatheringDraft("Fika", datetime(2027, 3, 4, 18, 0)))
    window = open_window(db_path)
    panel = open_tool(window)
    assert not panel.reminder_button.isEnabled()  # nobody invited yet
    monkeypatch.setattr(
        gatherings_panel.QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes
    )
    panel.cancel_button.click()
    assert services.gatherings.gathering(made.id).cancelled
    assert "cancelled" in panel.model.index(0, 1).data()
    assert panel.cancel_button.text().replace("&", "") == "Reinstate gathering"
    panel.cancel_button.click()
    again = services.gatherings.gathering(made.id)
    assert not again.cancelled and again.sequence == 2

    def rename() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, GatheringDialog)
        assert dialog.title.text() == "Fika"
        dialog.title.clear()  # a refusal keeps the dialog open and names the field
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        assert dialog.isVisible() and dialog.error_label.isVisible()
        assert dialog.focusWidget() is dialog.title
        dialog.title.setText("Nätverksfika")  # QTest types ASCII only
        dialog.all_day.setChecked(True)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, rename)
    panel.edit_button.click()
    edited = services.gatherings.gathering(made.id)
    assert edited.title == "Nätverksfika" and edited.all_day and edited.sequence == 3

    panel.delete_button.click()
    assert services.gatherings.list(cohort.id) == []
    assert panel.stack.currentIndex() == 0


def test_a_file_opened_read_only_takes_no_ticks(
    open_window, db_path, services, cohort, people, monkeypatch
) -> None:
    made = services.gatherings.add(cohort.id, GatheringDraft("Fika", datetime(2027, 3, 4, 18, 0)))
    services.gatherings.invite_all(made.id)
    monkeypatch.setattr(AppContext, "read_only", property(lambda self: True))
    window = open_window(db_path)
    panel = open_tool(window)
    for button in (
        panel.new_button,
        panel.edit_button,
        panel.cancel_button,
        panel.delete_button,
        panel.invite_all_button,
    ):
        assert not button.isEnabled(), button.objectName()
    assert panel.print_button.isEnabled()  # printing the list changes nothing
    index = panel.guests_model.index(0, P_CAME)
    assert not index.flags() & Qt.ItemFlag.ItemIsUserCheckable
    assert not panel.guests_model.setData(
        index, Qt.CheckState.Checked, Qt.ItemDataRole.CheckStateRole
    )
    assert services.gatherings.attendance_counts(cohort.id) == {}


def test_the_applications_history_shows_gatherings_attended(
    open_window, db_path, services, cohort, people
) -> None:
    first = services.gatherings.add(cohort.id, GatheringDraft("CV", datetime(2027, 3, 4, 18, 0)))
    second = services.gatherings.add(
        cohort.id, GatheringDraft("Nätverk", datetime(2027, 4, 4, 18, 0))
    )
    services.gatherings.set_attendance(first.id, {people["asa"]: True})
    services.gatherings.set_attendance(second.id, {people["asa"]: True, people["jan"]: True})
    window = open_window(db_path)
    window.show_stage("recruitment")
    page = window.pages["recruitment"]
    table = next(tool for tool, _title in page._tools if isinstance(tool, ParticipantsPanel))
    table.table.selectRow(table.model.visible_row_of(people["asa"]))
    assert table.history.attendance.isVisibleTo(table)
    assert table.history.attendance.text() == "Gatherings attended: 2"
    table.table.selectRow(table.model.visible_row_of(people["new"]))
    assert table.history.attendance.text() == "Gatherings attended: 0"
    # Ticked in the gatherings tool: the history follows when the applications show again.
    services.gatherings.set_attendance(first.id, {people["new"]: True})
    window.context.events.gatherings_changed.emit(cohort.id)
    table.table.selectRow(table.model.visible_row_of(people["new"]))
    assert table.history.attendance.text() == "Gatherings attended: 1"
    window.apply_language("sv")
    assert table.history.attendance.text() == "Närvaro på gemensamma träffar: 1"


def test_the_panel_follows_the_language(open_window, db_path, services, cohort, people) -> None:
    window = open_window(db_path)
    panel = open_tool(window)
    window.apply_language("sv")
    assert panel.title() == "Gemensamma träffar"
    assert panel.invite_all_button.text().replace("&", "") == "Bjud in alla"
    assert panel.filter.itemText(1) == "Adepter"


def test_space_and_down_tick_came_row_by_row(
    open_window, db_path, services, cohort, people, qtbot
) -> None:
    """After a tick the current cell stays in the Came column, so the keyboard walks down."""
    more = [
        services.participants.create(
            cohort.id,
            "adept",
            values(email=f"{name.lower()}@example.com", first_name=name, last_name="Berg"),
        ).enrolment_id
        for name in ("Karin", "Leo")
    ]
    services.pipeline.change_status(more, "accepted")
    made = services.gatherings.add(cohort.id, GatheringDraft("Fika", datetime(2027, 3, 4, 18, 0)))
    window = open_window(db_path)
    panel = open_tool(window)
    assert panel.guests_model.rowCount() == 4
    panel.guests.setFocus()
    panel.guests.setCurrentIndex(panel.guests_model.index(0, P_CAME))
    for step in range(3):
        if step:
            qtbot.keyClick(panel.guests, Qt.Key.Key_Down)
        qtbot.keyClick(panel.guests, Qt.Key.Key_Space)
        assert panel.guests.currentIndex().column() == P_CAME
    came = services.gatherings.attendance_counts(cohort.id)
    assert len(came) == 3 and set(came.values()) == {1}
    assert services.gatherings.gathering(made.id).attended == 3
    assert "3 came" in panel.guests_counts.text()
