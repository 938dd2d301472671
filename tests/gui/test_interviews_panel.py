"""The Interviews tool of the Selection stage, driven through its real widgets."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate, QTime, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from mentorapp.gui.dialogs import files
from mentorapp.gui.dialogs.interview_dialog import InterviewDialog
from mentorapp.gui.widgets import interviews_panel
from mentorapp.gui.widgets.interviews_panel import InterviewsPanel
from tests.people.conftest import values

pytestmark = pytest.mark.gui

AT = datetime(2027, 2, 3, 13, 30)


@pytest.fixture
def applicants(services, cohort):
    adept = services.participants.create(
        cohort.id, "adept", values(email="asa@example.com", first_name="Åsa", last_name="Öberg")
    )
    mentor = services.participants.create(
        cohort.id, "mentor", values(email="jan@example.org", first_name="Jan", last_name="Ek")
    )
    return adept, mentor


def open_tool(window):
    window.show_stage("selection")
    page = window.pages["selection"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, InterviewsPanel))
    page.tabs.setCurrentWidget(panel)
    return page, panel


def applications_of(page):
    return next(
        tool for tool, _title in page._tools if tool.objectName() == "participants_selection"
    )


def status_in_table(table_panel, enrolment_id: int) -> str:
    row = table_panel.model.visible_row_of(enrolment_id)
    return table_panel.model.index(row, 2).data()


def test_booking_in_the_dialog_shows_interview_booked_in_the_applications_table(
    open_window, db_path, services, applicants, qtbot
) -> None:
    adept, _mentor = applicants
    window = open_window(db_path)
    page, panel = open_tool(window)
    table = applications_of(page)
    assert status_in_table(table, adept.enrolment_id) == "Applied"
    panel.select_enrolment(adept.enrolment_id)
    assert panel.book_button.isEnabled() and not panel.cancel_button.isEnabled()
    seen: list[InterviewDialog] = []

    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, InterviewDialog)
        seen.append(dialog)
        dialog.day.setDate(QDate(2027, 2, 3))
        dialog.time.setTime(QTime(13, 30))
        dialog.minutes.setValue(60)
        qtbot.keyClicks(dialog.place, "Rum 2")
        dialog.interviewer.clear()
        qtbot.keyClicks(dialog.interviewer, "Linnea")
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

    QTimer.singleShot(0, fill)
    panel.book_button.click()
    assert seen
    [booked] = services.interviews.for_enrolment(adept.enrolment_id)
    assert (booked.starts_at, booked.minutes, booked.place) == (AT, 60, "Rum 2")
    # The other tool on the page heard participants_changed and re-read the status.
    assert status_in_table(table, adept.enrolment_id) == "Interview booked"
    row = next(
        r for r in range(panel.model.rowCount()) if panel.model.item(r, 0).text() == "Åsa Öberg"
    )
    assert panel.model.item(row, 3).text() == "Booked 3 Feb 2027 13:30"
    assert panel.cancel_button.isEnabled() and not panel.book_button.isEnabled()
    assert panel.sheet_title.text() == "Åsa Öberg — Adept"
    assert [q.key for q in panel.question_rows()][:2] == ["motivation", "goals"]


def test_a_second_booking_keeps_the_dialog_open_with_the_reason(
    qtbot, services, applicants
) -> None:
    adept, _mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    dialog = InterviewDialog(services, adept.enrolment_id, "Åsa Öberg")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.result_row is None
    assert "already has an interview booked" in dialog.error_label.text()
    assert len(services.interviews.for_enrolment(adept.enrolment_id)) == 1


def test_the_sheet_saves_as_typed_and_the_decision_goes_through_the_pipeline(
    open_window, db_path, services, applicants, qtbot
) -> None:
    adept, _mentor = applicants
    booked = services.interviews.book(adept.enrolment_id, AT, 45, "Rum 2", "Linnea")
    window = open_window(db_path)
    page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    first, second = panel.question_rows()[:2]
    first.score.setCurrentIndex(first.score.findData(4))
    qtbot.keyClicks(first.note, "Tydlig drivkraft")
    qtbot.waitUntil(lambda: "motivation" in services.interviews.answers(booked.id), timeout=5000)
    qtbot.keyClicks(panel.notes, "Bra samtal")
    second.score.setCurrentIndex(second.score.findData(5))
    panel.decision.setCurrentIndex(panel.decision.findData("accepted"))
    qtbot.keyClicks(panel.reason, "Clear goals, fits the round")
    panel.decide_button.click()

    answers = services.interviews.answers(booked.id)
    assert (answers["motivation"].score, answers["motivation"].note) == (4, "Tydlig drivkraft")
    assert answers["goals"].score == 5  # saved before the decision, not lost
    held = services.interviews.interview(booked.id)
    assert (held.state, held.decision, held.notes) == ("held", "accepted", "Bra samtal")
    assert services.participants.row(adept.enrolment_id).status == "accepted"
    assert "Accepted" in panel.decided_label.text()

    table = applications_of(page)
    page.tabs.setCurrentWidget(table)
    assert status_in_table(table, adept.enrolment_id) == "Accepted"
    table._select(adept.enrolment_id)
    lines = table.history.model.stringList()
    assert any(line.endswith("Accepted — Clear goals, fits the round") for line in lines), lines
    assert any("Interview 13:30 (held) → Accepted — Rum 2 · Linnea" in line for line in lines)


def test_a_decline_without_a_reason_is_refused_and_nothing_moves(
    open_window, db_path, services, applicants, monkeypatch
) -> None:
    adept, _mentor = applicants
    booked = services.interviews.book(adept.enrolment_id, AT)
    shown = []
    monkeypatch.setattr(interviews_panel, "show_error", lambda _parent, error: shown.append(error))
    window = open_window(db_path)
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    panel.decision.setCurrentIndex(panel.decision.findData("declined"))
    panel.decide_button.click()
    assert shown and "short reason" in shown[0].user_message()
    assert services.interviews.interview(booked.id).state == "booked"
    assert services.participants.row(adept.enrolment_id).status == "interview"


def test_filters_by_role_and_day(open_window, db_path, services, applicants) -> None:
    adept, mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    services.interviews.book(mentor.enrolment_id, datetime(2027, 2, 4, 9, 0))
    window = open_window(db_path)
    _page, panel = open_tool(window)

    def names() -> list[str]:
        return [panel.model.item(r, 0).text() for r in range(panel.model.rowCount())]

    assert names() == ["Åsa Öberg", "Jan Ek"]  # in interview order
    panel.role_filter.setCurrentIndex(panel.role_filter.findData("mentor"))
    assert names() == ["Jan Ek"]
    panel.role_filter.setCurrentIndex(0)
    assert panel.day_filter.count() == 3  # all days and the two days
    panel.day_filter.setCurrentIndex(panel.day_filter.findData("2027-02-03"))
    assert names() == ["Åsa Öberg"]
    assert panel.schedule_day() == date(2027, 2, 3)


def test_the_days_schedule_is_saved_as_a_pdf(
    open_window, db_path, services, applicants, tmp_path: Path, monkeypatch
) -> None:
    from pypdf import PdfReader

    adept, _mentor = applicants
    services.interviews.book(adept.enrolment_id, AT, 45, "Rum 2", "Linnea")
    target = tmp_path / "schedule.pdf"
    monkeypatch.setattr(files, "ask_save_path", lambda *_args: target)
    offered: list[Path] = []
    monkeypatch.setattr(InterviewsPanel, "_offer", lambda _self, path: offered.append(path))
    window = open_window(db_path)
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    panel.print_button.click()
    assert offered == [target]
    text = PdfReader(target).pages[0].extract_text()
    assert "Interview schedule" in text and "Åsa Öberg" in text and "Rum 2" in text


def test_the_tool_follows_the_language(open_window, db_path, services, applicants) -> None:
    adept, _mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    window = open_window(db_path)
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    window.apply_language("sv")
    assert panel.title() == "Intervjuer"
    assert panel.question_rows()[0].question.text().startswith("Vad fick dig att söka")
    window.apply_language("en")
    assert panel.question_rows()[0].question.text().startswith("What made you apply")


def test_cancelling_sets_the_status_back_to_applied(
    open_window, db_path, services, applicants, monkeypatch
) -> None:
    from PySide6.QtWidgets import QInputDialog

    adept, _mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    monkeypatch.setattr(QInputDialog, "getText", lambda *_args, **_kw: ("Sjuk", True))
    window = open_window(db_path)
    page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    panel.cancel_button.click()
    assert services.participants.row(adept.enrolment_id).status == "applied"
    assert status_in_table(applications_of(page), adept.enrolment_id) == "Applied"
    assert panel.book_button.isEnabled() and panel.empty_label.isVisible()
    assert services.pipeline.history(adept.enrolment_id)[-1].reason.endswith("cancelled: Sjuk")


def test_notes_typed_earlier_come_back_and_are_not_overwritten(
    open_window, db_path, services, applicants, qtbot
) -> None:
    adept, mentor = applicants
    first = services.interviews.book(adept.enrolment_id, AT)
    services.interviews.book(mentor.enrolment_id, datetime(2027, 2, 3, 15, 0))
    window = open_window(db_path)
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    qtbot.keyClicks(panel.notes, "Mycket motiverad.")
    panel.select_enrolment(mentor.enrolment_id)  # saves on leaving
    panel.select_enrolment(adept.enrolment_id)
    assert panel.notes.toPlainText() == "Mycket motiverad."  # not the list's old copy
    panel.notes.moveCursor(panel.notes.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.notes, " Om resor.")
    panel.flush()
    assert services.interviews.interview(first.id).notes == "Mycket motiverad. Om resor."


def test_a_decision_drafted_stays_while_looking_at_another_applicant(
    open_window, db_path, services, applicants, qtbot
) -> None:
    adept, mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    services.interviews.book(mentor.enrolment_id, datetime(2027, 2, 3, 15, 0))
    window = open_window(db_path)
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    panel.decision.setCurrentIndex(panel.decision.findData("waitlisted"))
    qtbot.keyClicks(panel.reason, "Reserv, bra kandidat")
    panel.select_enrolment(mentor.enrolment_id)
    assert panel.reason.text() == ""
    panel.select_enrolment(adept.enrolment_id)
    assert panel.decision.currentData() == "waitlisted"
    assert panel.reason.text() == "Reserv, bra kandidat"
    assert panel.has_unsaved_decision()
    assert services.participants.row(adept.enrolment_id).status == "interview"  # not saved


def test_a_read_only_file_shows_the_sheet_but_takes_no_typing(
    open_window, db_path, services, applicants, qtbot, monkeypatch
) -> None:
    adept, _mentor = applicants
    services.interviews.book(adept.enrolment_id, AT)
    window = open_window(db_path)
    monkeypatch.setattr(type(window.context), "read_only", property(lambda self: True))
    _page, panel = open_tool(window)
    panel.select_enrolment(adept.enrolment_id)
    assert panel.notes.isReadOnly() and panel.reason.isReadOnly()
    assert not panel.decide_button.isEnabled() and not panel.move_button.isEnabled()
    assert all(not row.score.isEnabled() for row in panel.question_rows())
