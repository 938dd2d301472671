"""The keyboard-only entry view for paper survey forms, driven by key presses alone."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from mentorapp.gui.dialogs.survey_entry_dialog import SurveyEntryDialog
from mentorapp.gui.models.surveys_model import SurveyRow
from mentorapp.gui.widgets.survey_item_editor import ItemEditor, LineEditor, ScaleEditor
from mentorapp.gui.widgets.surveys_panel import SurveysPanel, survey_content
from mentorapp.impact.survey_model import DONT_KNOW, Item, ItemKind

pytestmark = pytest.mark.gui


@pytest.fixture(autouse=True)
def discard_when_closed(monkeypatch: pytest.MonkeyPatch) -> None:
    """Closing a form left half-typed at the end of a test drops it (a test asks otherwise)."""
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)


@pytest.fixture
def window(open_window, db_path):
    return open_window(db_path, demo=True)


def entry_for(window, qtbot, survey_key: str = "t1") -> SurveyEntryDialog:
    context = window.context
    content = survey_content(context)
    people = context.services.surveys.people(context.cohort.id, survey_key)
    rows = [SurveyRow.of_person(person) for person in people]
    dialog = SurveyEntryDialog(
        context, context.cohort.id, content.survey(survey_key), content, rows, parent=window
    )
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    dialog.person_edit.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.person_edit)
    return dialog


def keys_for(item: Item, n: int) -> tuple[list[str], str]:
    """The keys a coordinator types for the item (varied by its place ``n``), and the value
    they must store."""
    if item.kind == ItemKind.AGREE:
        return (["0"], DONT_KNOW) if n % 5 == 3 else ([str(1 + n % 5)], str(1 + n % 5))
    if item.kind == ItemKind.YES_NO:
        return (["j"], "yes") if n % 2 else (["n"], "no")
    if item.kind == ItemKind.ZERO_TO_TEN:
        return ["1", "0"], "10"
    if item.kind == ItemKind.CHOICE:
        option = n % len(item.options)
        return [str(option + 1)], item.options[option].key
    if item.kind == ItemKind.NUMBER:
        return [*str(item.low + 1), "\r"], str(item.low + 1)
    text = f"Answer {n}"
    return [*text, "\r"], text


def press(qtbot, keys: list[str]) -> None:
    """Each key to whatever has the focus now, as a typist's fingers do."""
    for key in keys:
        target = QApplication.focusWidget()
        assert target is not None
        if key == "\r":
            qtbot.keyClick(target, Qt.Key.Key_Return)
        else:
            qtbot.keyClick(target, key)


def a_missing_person(window, survey_key: str = "t1"):
    context = window.context
    status = context.services.owed.status(context.cohort.id, survey_key)
    assert status.missing, "the demo's running round has people without this survey"
    return next(person for person in status.missing if person.code)


def test_a_whole_form_typed_with_keys_alone_stores_exactly_those_values(window, qtbot) -> None:
    dialog = entry_for(window, qtbot)
    person = a_missing_person(window)
    heard = []
    window.context.events.surveys_changed.connect(heard.append)

    qtbot.keyClicks(dialog.person_edit, person.code)
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    assert dialog.current is not None and dialog.current.id == person.enrolment_id
    first = next(iter(dialog.editors.values()))
    assert QApplication.focusWidget() in (first, getattr(first, "edit", None))

    expected = {}
    for n, item in enumerate(dialog.survey.items):
        editor = dialog.editors[item.key]
        assert QApplication.focusWidget() in (editor, getattr(editor, "edit", None)), item.key
        keys, value = keys_for(item, n)
        press(qtbot, keys)
        expected[item.key] = value
    assert dialog.unsaved()
    qtbot.keyClick(
        QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier
    )

    services = window.context.services
    assert services.surveys.answers(person.enrolment_id, "t1") == expected
    assert services.surveys.answered_on(person.enrolment_id, "t1") == date.today()
    assert heard == [window.context.cohort.id]
    # Saved, the view starts the next form: empty, the focus on the person field.
    assert dialog.current is None
    assert QApplication.focusWidget() is dialog.person_edit
    assert all(editor.value() == "" for editor in dialog.editors.values())
    assert "Saved" in dialog.status.text()
    dialog.grab().save("/tmp/gui_entry_saved.png")


def test_existing_answers_open_for_editing_and_a_name_finds_the_person(window, qtbot) -> None:
    services = window.context.services
    missing = window.context.services.owed.status(window.context.cohort.id, "t1").missing
    person = next(p for p in missing if p.name.isascii())  # keyClicks types ASCII only
    services.surveys.save(
        person.enrolment_id, "t1", {"status": "job", "recommend": "8"}, date.today()
    )
    dialog = entry_for(window, qtbot)
    qtbot.keyClicks(dialog.person_edit, person.name.lower())  # a name, in any case
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    assert dialog.current.id == person.enrolment_id
    assert dialog.editors["status"].value() == "job"
    assert dialog.editors["recommend"].value() == "8"
    assert not dialog.unsaved()
    # Correct one answer by keys: status is a numbered choice.
    dialog.editors["status"].setFocus()
    status_item = dialog.survey.item("status")
    internship = [o.key for o in status_item.options].index("internship") + 1
    qtbot.keyClick(dialog.editors["status"], str(internship))
    dialog.save_and_next()
    assert services.surveys.answers(person.enrolment_id, "t1") == {
        "status": "internship",
        "recommend": "8",
    }


def test_leaving_with_unsaved_answers_asks_and_cancel_keeps_them(
    window, qtbot, monkeypatch
) -> None:
    dialog = entry_for(window, qtbot)
    person = a_missing_person(window)
    qtbot.keyClicks(dialog.person_edit, person.code)
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    press(qtbot, ["4"])
    asked = []

    def answer(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", answer)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert asked and person.name in asked[0]
    assert dialog.isVisible() and dialog.unsaved()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Discard)
    dialog.reject()
    assert not dialog.isVisible()
    assert window.context.services.surveys.answers(person.enrolment_id, "t1") is None


def test_a_refused_answer_keeps_what_was_typed_and_names_the_question(window, qtbot) -> None:
    dialog = entry_for(window, qtbot, "mentor_end")
    person = a_missing_person(window, "mentor_end")
    qtbot.keyClicks(dialog.person_edit, person.code)
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    hours = dialog.editors["hours"]
    assert isinstance(hours, LineEditor)
    hours.set_value("9999")  # more hours than the question allows
    first = dialog.survey.items[0]
    dialog.editors[first.key].set_value("5")
    dialog.save_and_next()
    assert dialog.current is not None  # still this person's form
    assert hours.value() == "9999" and dialog.editors[first.key].value() == "5"
    number = [item.key for item in dialog.survey.items].index("hours") + 1
    assert dialog.error_label.isVisible()
    assert f"Question {number}" in dialog.error_label.text()
    assert QApplication.focusWidget() is hours.edit
    assert window.context.services.surveys.answers(person.enrolment_id, "mentor_end") is None


def test_the_scale_keys(window, qtbot) -> None:
    """Left/Right step, Delete clears, 1 then Enter is 1 (not waiting for a 0)."""
    dialog = entry_for(window, qtbot)
    dialog.pick(a_missing_person(window).enrolment_id)
    recommend: ItemEditor = dialog.editors["recommend"]
    assert isinstance(recommend, ScaleEditor)
    recommend.setFocus()
    qtbot.keyClick(recommend, "1")
    assert recommend.value() == "1" and QApplication.focusWidget() is recommend
    qtbot.keyClick(recommend, Qt.Key.Key_Right)
    assert recommend.value() == "2"
    qtbot.keyClick(recommend, Qt.Key.Key_Delete)
    assert recommend.value() == ""
    qtbot.keyClick(recommend, "7")
    assert recommend.value() == "7" and QApplication.focusWidget() is not recommend


def test_the_panel_opens_the_entry_view_on_its_survey(window, qtbot, monkeypatch) -> None:
    window.show_stage("closing")
    page = window.pages["closing"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, SurveysPanel))
    page.tabs.setCurrentWidget(panel)
    assert panel.survey_key() == "t1"
    opened = []
    monkeypatch.setattr(SurveyEntryDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    panel.enter_button.click()
    assert opened and opened[0].survey.key == "t1"
    assert len(opened[0].rows) == panel.model.rowCount()


def test_typing_the_same_persons_code_again_keeps_the_typed_answers(window, qtbot) -> None:
    dialog = entry_for(window, qtbot)
    person = a_missing_person(window)
    qtbot.keyClicks(dialog.person_edit, person.code)
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    press(qtbot, ["4", "3"])
    typed = dialog.values()
    dialog.person_edit.setFocus()
    dialog.person_edit.clear()
    qtbot.keyClicks(dialog.person_edit, person.code)
    dialog.completer.popup().hide()
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    assert dialog.current.id == person.enrolment_id
    assert dialog.values() == typed and dialog.unsaved()
    first = next(iter(dialog.editors.values()))
    assert QApplication.focusWidget() in (first, getattr(first, "edit", None))


def test_a_one_on_zero_to_ten_lets_the_next_key_answer_the_next_question(window, qtbot) -> None:
    dialog = entry_for(window, qtbot)
    dialog.pick(a_missing_person(window).enrolment_id)
    keys = [item.key for item in dialog.survey.items]
    after = keys[keys.index("recommend") + 1]
    assert isinstance(dialog.editors[after], LineEditor)  # most_valuable: free text
    dialog.editors["recommend"].setFocus()
    press(qtbot, ["1", "G", "o", "o", "d"])
    assert dialog.editors["recommend"].value() == "1"
    assert dialog.editors[after].value() == "Good"


def test_the_answer_date_stays_for_the_next_form(window, qtbot) -> None:
    dialog = entry_for(window, qtbot)
    missing = window.context.services.owed.status(window.context.cohort.id, "t1").missing
    day = date(date.today().year - 1, 11, 20)
    dialog.pick(missing[0].enrolment_id)
    dialog.answered_on.setDate(day)
    dialog.editors[dialog.survey.items[0].key].set_value("4")
    dialog.save_and_next()
    services = window.context.services
    assert services.surveys.answered_on(missing[0].enrolment_id, "t1") == day
    dialog.pick(missing[1].enrolment_id)
    assert dialog.answered_on.date().toPython() == day
    assert not dialog.unsaved()


def test_enter_on_save_and_next_saves_but_enter_in_the_person_field_does_not(window, qtbot) -> None:
    dialog = entry_for(window, qtbot)
    person = a_missing_person(window)
    qtbot.keyClicks(dialog.person_edit, person.code)
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)
    assert dialog.saved_count == 0 and dialog.current.id == person.enrolment_id
    press(qtbot, ["4"])
    qtbot.keyClick(dialog.person_edit, Qt.Key.Key_Return)  # back in the person field
    assert dialog.saved_count == 0
    dialog.save_button.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is dialog.save_button)
    qtbot.keyClick(dialog.save_button, Qt.Key.Key_Return)
    assert dialog.saved_count == 1
    assert window.context.services.surveys.answers(person.enrolment_id, "t1") is not None
    assert dialog.current is None and QApplication.focusWidget() is dialog.person_edit
