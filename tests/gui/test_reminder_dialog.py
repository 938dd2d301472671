"""The reminder dialog, driven through its real widgets: nothing is ever opened or sent."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMessageBox, QPushButton

from mentorapp.gui.dialogs import reminder_dialog
from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog
from mentorapp.gui.widgets.application_details import HistoryView
from mentorapp.running.reminders import NoteRow
from tests.demo_helpers import demo_round_names

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from mentorapp.cli import main

    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The links the dialog asked to open; nothing reaches a real mail program."""
    urls: list[str] = []
    monkeypatch.setattr(
        QDesktopServices,
        "openUrl",
        lambda url: urls.append(url.toEncoded().data().decode()) or True,
    )
    return urls


@pytest.fixture(autouse=True)
def questions(monkeypatch: pytest.MonkeyPatch) -> dict:
    """The dialog's questions, answered as ``answers`` says; none reaches the screen."""
    asked: dict = {"keep": [], "close": [], "keep_typed": True, "on_close": None}

    def keep_typed(parent) -> bool:
        asked["keep"].append(parent)
        return asked["keep_typed"]

    def question(parent, title, text, buttons=None, default=None):
        asked["close"].append(text)
        return asked["on_close"] or QMessageBox.StandardButton.Discard

    monkeypatch.setattr(reminder_dialog, "ask_keep_typed", keep_typed, raising=False)
    monkeypatch.setattr(QMessageBox, "question", question)
    return asked


def dialog_for(window, qtbot, who: str) -> ReminderDialog:
    context = window.context
    cohort = context.services.programmes.round_named(demo_round_names()[1])
    dialog = ReminderDialog(context, cohort.id, who)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def notes_of(window, enrolment_id: int) -> list[NoteRow]:
    return window.context.services.reminders.notes_for(enrolment_id)


def test_it_opens_with_the_set_ticked_and_a_preview(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    assert dialog.who() == "not_started"
    assert dialog.language() == "sv"
    rows = dialog.people_model.rowCount()
    assert rows == len(dialog.draft.recipients) > 0
    assert all(
        dialog.people_model.item(r).checkState() == Qt.CheckState.Checked for r in range(rows)
    )
    assert dialog.subject_edit.text() == "Dags att boka första träffen"
    first = dialog.draft.recipients[0]
    assert dialog.preview.toPlainText().startswith(f"Hej {first.first_name}!")
    dialog.people.setCurrentIndex(dialog.people_model.index(rows - 1, 0))
    last = dialog.draft.recipients[-1]
    assert dialog.preview.toPlainText().startswith(f"Hej {last.first_name}!")
    assert "never sends e-mail" in dialog.findChild(type(dialog.status_label), "neverSends").text()
    dialog.grab().save("/tmp/reminder.png")


def test_open_in_mail_opens_the_link_and_notes_it(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    heard: list[int] = []
    window.context.events.reminders_changed.connect(heard.append)
    dialog.mail_button.click()
    assert opened == [link for shared in dialog.draft.shared for link in shared.links]
    assert len(opened) == 1 and opened[0].startswith("mailto:")
    assert heard == [dialog.cohort_id]
    for person in dialog.draft.recipients:
        [note] = notes_of(window, person.enrolment_id)
        assert (note.way, note.template, note.subject) == (
            "mail",
            "not_started",
            "Dags att boka första träffen",
        )


def test_unticking_leaves_a_person_out(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    left_out = dialog.people_model.item(0).data(reminder_dialog.ENROLMENT_ID)
    dialog.people_model.item(0).setCheckState(Qt.CheckState.Unchecked)
    assert left_out not in {r.enrolment_id for r in dialog.draft.recipients}
    dialog.copy_button.click()
    copied = QGuiApplication.clipboard().text()
    assert copied == "; ".join(dialog.draft.emails) and "; " in copied
    assert notes_of(window, left_out) == []
    assert notes_of(window, dialog.draft.recipients[0].enrolment_id)[0].way == "copy"


def test_many_links_open_one_by_one(open_window, demo, qtbot, opened, monkeypatch) -> None:
    from mentorapp.running import reminder_text, reminders

    real = reminder_text.mailto_links
    monkeypatch.setattr(reminders, "mailto_links", lambda *a, **k: real(*a, **{**k, "limit": 500}))
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    parts = dialog.part_buttons
    assert len(parts) > 1 and parts[0].text() == f"Open part 1 of {len(parts)}"
    dialog.mail_button.click()
    assert opened == []  # several: the coordinator opens them one by one
    assert f"{len(parts)} messages" in dialog.parts_note.text()
    for button in parts:
        button.click()
    assert opened == [link for shared in dialog.draft.shared for link in shared.links]
    assert all(not b.isEnabled() for b in parts)


def test_a_wrong_placeholder_is_shown_and_blocks_the_actions(
    open_window, demo, qtbot, opened
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    dialog.body_edit.setPlainText("Hej {namn}!")
    dialog._preview_timer.stop()
    dialog._redraft()
    assert dialog.error_label.isVisible() and "{namn}" in dialog.error_label.text()
    assert not dialog.mail_button.isEnabled()
    dialog.save_wording_button.click()
    programme_id = dialog.programme_id
    service = window.context.services.reminders
    assert not service.is_own(programme_id, "not_started", "sv")


def test_own_wording_is_saved_and_taken_back(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    dialog.subject_edit.setText("Boka er första träff, {name}")
    dialog.save_wording_button.click()
    service = window.context.services.reminders
    assert service.template(dialog.programme_id, "not_started", "sv").subject == (
        "Boka er första träff, {name}"
    )
    assert dialog.reset_wording_button.isEnabled()
    dialog.reset_wording_button.click()
    assert dialog.subject_edit.text() == "Dags att boka första träffen"
    assert not service.is_own(dialog.programme_id, "not_started", "sv")


def test_the_mail_merge_file_is_saved_and_noted(
    open_window, demo, qtbot, opened, tmp_path, monkeypatch
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    target = tmp_path / "påminnelse"
    asked = {}

    def ask(parent, title, suggested, file_filter, suffix=""):
        asked["suffix"] = suffix
        return target.with_suffix(".csv")

    monkeypatch.setattr(reminder_dialog, "ask_save_path", ask)
    dialog.csv_button.click()
    assert asked == {"suffix": "csv"}
    assert target.with_suffix(".csv").read_text("utf-8-sig").startswith("email,first_name")
    first = dialog.draft.recipients[0].enrolment_id
    assert notes_of(window, first)[0].way == "csv"


def test_the_gatherings_are_offered_by_title(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    choices = window.context.services.reminders.gathering_choices(dialog.cohort_id)
    shown = [dialog.who_combo.itemText(i) for i in range(dialog.who_combo.count())]
    for choice in choices:
        if not choice.cancelled:
            assert any(choice.title in text for text in shown)


def test_read_only_still_copies_but_notes_nothing(
    open_window, demo, qtbot, opened, monkeypatch
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    monkeypatch.setattr(type(window.context), "read_only", property(lambda self: True))
    dialog._show_wording_state()
    assert not dialog.save_wording_button.isEnabled()
    dialog.copy_button.click()
    assert QGuiApplication.clipboard().text() == "; ".join(dialog.draft.emails)
    assert "read-only" in dialog.status_label.text()
    assert notes_of(window, dialog.draft.recipients[0].enrolment_id) == []


def test_the_history_lists_the_reminders_drafted(qtbot) -> None:
    from datetime import date

    view = HistoryView()
    qtbot.addWidget(view)
    note = NoteRow(date(2026, 11, 12), "not_started", "mail", "Dags att boka första träffen")
    view.show_steps([], (), [note])
    assert view.model.stringList() == [
        "Reminder drafted 12 Nov 2026: Dags att boka första träffen (opened in the mail program)"
    ]


def test_a_drafted_reminder_shows_on_the_applicant_s_history(
    open_window, demo, qtbot, opened
) -> None:
    window = open_window(demo)
    window.show_stage("selection")
    page = window.pages["selection"]
    table = next(t for t, _title in page._tools if t.objectName() == "participants_selection")
    page.tabs.setCurrentWidget(table)
    dialog = dialog_for(window, qtbot, "not_started")
    person = dialog.draft.recipients[0]
    table._select(person.enrolment_id)
    assert not any("Reminder drafted" in line for line in table.history.model.stringList())
    dialog.mail_button.click()  # announces reminders_changed: the history on screen follows
    table._select(person.enrolment_id)
    lines = table.history.model.stringList()
    assert any(
        line.startswith("Reminder drafted") and "Dags att boka första träffen" in line
        for line in lines
    ), lines


def ticks(dialog: ReminderDialog) -> list[bool]:
    model = dialog.people_model
    return [model.item(r).checkState() == Qt.CheckState.Checked for r in range(model.rowCount())]


def type_into_subject(qtbot, dialog: ReminderDialog, text: str) -> None:
    """Type at the end of the subject; the preview waits, as it would for a fast typist."""
    dialog._preview_timer.setInterval(600_000)
    dialog.subject_edit.setFocus()
    qtbot.keyClick(dialog.subject_edit, Qt.Key.Key_End)
    qtbot.keyClicks(dialog.subject_edit, text)


def test_a_language_change_asks_before_replacing_typed_text_and_keeps_the_ticks(
    open_window, demo, qtbot, opened, questions
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    assert len(ticks(dialog)) > 1
    left_out = dialog.people_model.item(0).data(reminder_dialog.ENROLMENT_ID)
    dialog.people_model.item(0).setCheckState(Qt.CheckState.Unchecked)
    type_into_subject(qtbot, dialog, " now")
    typed = dialog.subject_edit.text()
    questions["keep_typed"] = True
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    assert len(questions["keep"]) == 1
    assert dialog.subject_edit.text() == typed  # kept, and drafted in English
    assert ticks(dialog)[0] is False and all(ticks(dialog)[1:])
    assert left_out not in {r.enrolment_id for r in dialog.draft.recipients}
    assert {m.language for m in dialog.draft.messages} == {"en"}

    questions["keep_typed"] = False
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("sv"))
    assert len(questions["keep"]) == 2
    service = window.context.services.reminders
    assert (
        dialog.subject_edit.text()
        == service.template(dialog.programme_id, dialog.key(), "sv").subject
    )
    assert ticks(dialog)[0] is False and all(ticks(dialog)[1:])
    assert left_out not in {r.enrolment_id for r in dialog.draft.recipients}


def test_untouched_wording_is_replaced_without_a_question(
    open_window, demo, qtbot, opened, questions
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    dialog.language_combo.setCurrentIndex(dialog.language_combo.findData("en"))
    service = window.context.services.reminders
    assert (
        dialog.subject_edit.text()
        == service.template(dialog.programme_id, "not_started", "en").subject
    )
    dialog.who_combo.setCurrentIndex(dialog.who_combo.findData("needs_check_in"))
    assert questions["keep"] == []
    dialog.reject()
    assert questions["close"] == [] and not dialog.isVisible()


def test_closing_with_unsaved_wording_asks(open_window, demo, qtbot, opened, questions) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    type_into_subject(qtbot, dialog, " soon")
    questions["on_close"] = QMessageBox.StandardButton.Cancel
    dialog.reject()
    assert len(questions["close"]) == 1 and dialog.isVisible()
    questions["on_close"] = QMessageBox.StandardButton.Save
    dialog.reject()
    assert not dialog.isVisible()
    service = window.context.services.reminders
    assert service.template(dialog.programme_id, "not_started", "sv").subject.endswith(" soon")

    used = dialog_for(window, qtbot, "not_started")  # used, not saved: nothing to ask
    type_into_subject(qtbot, used, " again")
    used.copy_button.click()
    used.reject()
    assert len(questions["close"]) == 2 and not used.isVisible()

    dropped = dialog_for(window, qtbot, "not_started")
    type_into_subject(qtbot, dropped, " never")
    questions["on_close"] = QMessageBox.StandardButton.Discard
    dropped.reject()
    assert len(questions["close"]) == 3 and not dropped.isVisible()
    assert not service.template(dialog.programme_id, "not_started", "sv").subject.endswith("never")


def test_every_way_out_uses_what_was_just_typed(
    open_window, demo, qtbot, opened, tmp_path, monkeypatch
) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "not_started")
    first = dialog.draft.recipients[0].enrolment_id

    type_into_subject(qtbot, dialog, " Text")
    dialog.copy_text_button.click()
    assert QGuiApplication.clipboard().text().startswith("Dags att boka första träffen Text\n")

    type_into_subject(qtbot, dialog, " Mail")
    dialog.mail_button.click()
    assert len(opened) == 1 and "Text%20Mail" in opened[0]

    type_into_subject(qtbot, dialog, " Copy")
    dialog.copy_button.click()
    assert notes_of(window, first)[0].subject.endswith("Text Mail Copy")

    type_into_subject(qtbot, dialog, " Csv")
    target = tmp_path / "merge.csv"
    monkeypatch.setattr(reminder_dialog, "ask_save_path", lambda *a, **k: target)
    dialog.csv_button.click()
    assert "Text Mail Copy Csv" in target.read_text("utf-8-sig")

    type_into_subject(qtbot, dialog, " {nope}")  # a fault typed just now blocks the way out
    dialog.copy_button.click()
    assert dialog.error_label.isVisible() and len(notes_of(window, first)) == 3


def test_several_parts_are_noted_once_when_the_first_is_opened(
    open_window, demo, qtbot, opened, monkeypatch
) -> None:
    from mentorapp.running import reminder_text, reminders

    real = reminder_text.mailto_links
    monkeypatch.setattr(reminders, "mailto_links", lambda *a, **k: real(*a, **{**k, "limit": 500}))
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    person = dialog.draft.recipients[0].enrolment_id
    assert len(dialog.part_buttons) > 1
    dialog.mail_button.click()
    dialog.mail_button.click()
    assert opened == [] and notes_of(window, person) == []  # nothing opened yet
    dialog.part_buttons[1].click()
    assert len(opened) == 1 and [n.way for n in notes_of(window, person)] == ["mail"]
    dialog.part_buttons[0].click()
    dialog.mail_button.click()
    assert len(opened) == 2 and len(notes_of(window, person)) == 1


def test_enter_in_the_subject_line_presses_no_button(open_window, demo, qtbot, opened) -> None:
    window = open_window(demo)
    dialog = dialog_for(window, qtbot, "needs_check_in")
    dialog.subject_edit.setFocus()
    qtbot.keyClick(dialog.subject_edit, Qt.Key.Key_Return)
    assert opened == [] and dialog.isVisible()
    assert not any(b.isDefault() or b.autoDefault() for b in dialog.findChildren(QPushButton))
