"""The Surveys tool of the kick-off, closing and follow-up pages, through its real widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog
from mentorapp.gui.dialogs.survey_import_dialog import SurveyImportDialog
from mentorapp.gui.models.surveys_model import C_ANSWERED, C_NAME, C_SENT
from mentorapp.gui.widgets import survey_files
from mentorapp.gui.widgets.surveys_panel import SurveysPanel, rate_text
from mentorapp.i18n import format_date

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_window, db_path):
    return open_window(db_path, demo=True)


def open_panel(window, stage: str = "closing") -> SurveysPanel:
    window.show_stage(stage)
    page = window.pages[stage]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, SurveysPanel))
    page.tabs.setCurrentWidget(panel)
    return panel


def test_each_page_opens_with_its_own_survey_and_switches_to_all_five(window) -> None:
    assert open_panel(window, "kickoff").survey_key() == "t0"
    assert open_panel(window, "followup").survey_key() == "t2"
    panel = open_panel(window, "closing")
    assert panel.survey_key() == "t1"
    keys = [panel.survey_combo.itemData(i) for i in range(panel.survey_combo.count())]
    assert keys == ["t0", "t1", "t2", "mentor_end", "partner"]
    panel.choose_survey("mentor_end")
    roles = {panel.model.data(panel.model.index(r, 1)) for r in range(panel.model.rowCount())}
    assert roles == {"Mentor"}
    assert panel.when_label.text() == panel.content.survey("mentor_end").when


def test_the_rate_on_screen_is_the_services_status(window) -> None:
    context = window.context
    for stage, survey in (("kickoff", "t0"), ("closing", "t1")):
        panel = open_panel(window, stage)
        status = context.services.owed.status(context.cohort.id, survey)
        assert panel.rate_label.text() == rate_text(
            status.answered, len(status.people), status.sent
        )
        assert panel.model.rowCount() == len(status.people)
    # The running round's kick-off survey is answered by most but not all (the demo).
    panel = open_panel(window, "kickoff")
    status = context.services.owed.status(context.cohort.id, "t0")
    assert 0 < status.answered < len(status.people)
    assert f"{status.answered} of {len(status.people)} answered" in panel.rate_label.text()
    panel.set_filter("missing")
    assert panel.model.rowCount() == len(status.missing)
    assert all(
        panel.model.data(panel.model.index(r, C_ANSWERED)) == ""
        for r in range(panel.model.rowCount())
    )
    panel.set_filter("answered")
    assert panel.model.rowCount() == status.answered


def test_the_rate_sentence_in_swedish() -> None:
    from mentorapp.i18n import speaking

    with speaking("sv"):
        assert rate_text(28, 35) == "28 av 35 har svarat (80\xa0%)"
    assert rate_text(28, 35) == "28 of 35 answered (80%)"
    assert rate_text(0, 0) == "Nobody to ask yet."


def test_mark_as_handed_out_updates_the_table(window, qtbot) -> None:
    panel = open_panel(window, "closing")
    heard = []
    window.context.events.surveys_changed.connect(heard.append)
    panel.view.selectRow(0)
    panel.view.selectRow(0)
    chosen = panel.selected_ids()
    assert len(chosen) == 1
    assert panel.model.data(panel.model.index(0, C_SENT)) == ""
    panel.handed_button.click()
    row = panel.model.row_of(chosen[0])
    today = format_date(date.today())
    assert panel.model.data(panel.model.index(row, C_SENT)) == f"{today} (handed out)"
    assert "handed out or reminded: 1" in panel.rate_label.text()
    assert heard == [window.context.cohort.id]
    assert panel.selected_ids() == chosen  # the selection stays


def test_mark_everyone_missing_asks_first(window, monkeypatch) -> None:
    panel = open_panel(window, "closing")
    panel.view.clearSelection()
    missing = panel.missing_ids()
    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    panel.handed_button.click()
    assert asked and str(len(missing)) in asked[0]
    status = window.context.services.owed.status(window.context.cohort.id, "t1")
    assert status.sent == 0  # said no: nothing noted
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.handed_button.click()
    status = window.context.services.owed.status(window.context.cohort.id, "t1")
    assert status.sent == len(missing)


def test_the_partner_survey_lists_the_partner_organisations(window) -> None:
    panel = open_panel(window, "followup")
    panel.choose_survey("partner")
    programme = window.context.programme
    organisations = window.context.services.surveys.partner_organisations(programme.id)
    assert organisations
    names = [panel.model.data(panel.model.index(r, C_NAME)) for r in range(panel.model.rowCount())]
    assert names == [name for _id, name, _answered in organisations]
    assert panel.model.headerData(C_NAME, Qt.Orientation.Horizontal) == "Partner organisation"
    assert not panel.handed_button.isEnabled() and not panel.reminder_button.isEnabled()


def test_draft_reminder_opens_on_those_who_have_not_answered(window, monkeypatch) -> None:
    panel = open_panel(window, "kickoff")
    opened = []
    monkeypatch.setattr(ReminderDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    panel.reminder_button.click()
    dialog = opened[0]
    assert dialog.who() == "survey:t0"
    assert dialog.who_combo.currentText().startswith("Not answered")
    status = window.context.services.owed.status(window.context.cohort.id, "t0")
    ticked = dialog.people_box.ticked_ids() if hasattr(dialog.people_box, "ticked_ids") else None
    if ticked is not None:
        assert set(ticked) == {p.enrolment_id for p in status.missing}
    assert dialog.people_model.rowCount() == len(status.missing)


def test_print_forms_for_the_selected_people(window, tmp_path, monkeypatch) -> None:
    panel = open_panel(window, "closing")
    out = tmp_path / "forms.pdf"
    offered = []
    monkeypatch.setattr(survey_files, "ask_save_path", lambda *a, **k: out)
    monkeypatch.setattr(
        "mentorapp.gui.pdf_printing.offer_saved_pdf", lambda *a: offered.append(a[2])
    )
    panel.view.selectRow(1)
    person = panel.model.row_at(1)
    panel.print_forms("selected")
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert person.name in text and person.code in text
    other = panel.model.row_at(0)
    assert other.name not in text
    assert offered and str(out) in offered[0]


def test_questions_and_template_for_an_online_form(window, tmp_path, monkeypatch) -> None:
    panel = open_panel(window, "closing")
    out = tmp_path / "questions.txt"
    monkeypatch.setattr(survey_files, "ask_save_path", lambda *a, **k: out)
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: None)
    panel.questions_button.click()
    text = out.read_text(encoding="utf-8-sig")
    assert all(item.text in text for item in panel.survey().items)
    template = out.with_name("questions template.csv")
    lines = template.read_text(encoding="utf-8-sig").splitlines()
    assert lines[0].startswith("email,code,")
    assert any(panel.model.row_at(0).code in line for line in lines)


def bad_file(tmp_path: Path, window) -> tuple[Path, list[int]]:
    """A form export: two good rows and one with an answer that is no answer (row 3)."""
    people = window.context.services.owed.status(window.context.cohort.id, "t1").missing
    rows = [
        f"{people[0].email},4,yes,job",
        f"{people[1].email},7,yes,job",  # 7 is no point of the agreement scale
        f"{people[2].email},2,no,seeking",
    ]
    path = tmp_path / "answers.csv"
    header = "email,understand_recruitment,new_contact,status"
    path.write_text("\n".join([header, *rows]) + "\n", encoding="utf-8")
    return path, [p.enrolment_id for p in people[:3]]


def test_the_import_dry_run_names_the_bad_row_and_writes_nothing(window, tmp_path, qtbot) -> None:
    panel = open_panel(window, "closing")
    path, ids = bad_file(tmp_path, window)
    dialog = SurveyImportDialog(
        window.context, window.context.cohort.id, panel.survey(), panel.content, panel
    )
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.load(path)
    problems = [
        (dialog.problems.item(r, 0).text(), dialog.problems.item(r, 2).text())
        for r in range(dialog.problems.rowCount())
    ]
    assert any(row == "3" for row, _message in problems), problems
    assert not dialog.import_button.isEnabled()
    assert "Nothing is saved" in dialog.summary.text()
    assert not dialog.run_import()
    surveys = window.context.services.surveys
    assert all(surveys.answers(i, "t1") is None for i in ids)
    dialog.grab().save("/tmp/gui_import_problems.png")

    # Corrected, the same file imports all three at once.
    path.write_text(path.read_text().replace(",7,", ",5,"), encoding="utf-8")
    heard = []
    window.context.events.surveys_changed.connect(heard.append)
    assert dialog.load(path)
    assert dialog.import_button.isEnabled() and "3" in dialog.import_button.text()
    dialog.import_button.click()
    assert [surveys.answers(i, "t1")["status"] for i in ids] == ["job", "job", "seeking"]
    assert heard == [window.context.cohort.id]


def test_export_answers(window, tmp_path, monkeypatch) -> None:
    panel = open_panel(window, "kickoff")
    out = tmp_path / "answers.csv"
    monkeypatch.setattr(survey_files, "ask_save_path", lambda *a, **k: out)
    told = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: told.append(a[2]))
    panel.export_button.click()
    status = window.context.services.owed.status(window.context.cohort.id, "t0")
    lines = out.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == status.answered + 1
    assert told and f"{status.answered} people" in told[0]


def test_a_round_survey_shot(window) -> None:
    panel = open_panel(window, "kickoff")
    panel.set_filter("missing")
    window.resize(1280, 800)
    window.grab().save("/tmp/gui_surveys.png")


def test_answers_entered_tick_the_pages_checklist_at_once(window, qtbot) -> None:
    """The closing page's "end survey" item is shown done by the answers themselves, as soon
    as the first form is saved (the page hears surveys_changed)."""
    from mentorapp.gui.dialogs.survey_entry_dialog import SurveyEntryDialog

    panel = open_panel(window, "closing")
    page = window.pages["closing"]

    def end_survey_done() -> bool:
        rows = page.checklist.rows()
        at = next(n for n, r in enumerate(rows) if r.builtin_key == "end_survey")
        return bool(rows[at].done or page.checklist._model.done_by_the_work(at))

    assert not end_survey_done()
    progress = page.progress.value()
    dialog = SurveyEntryDialog(
        window.context,
        window.context.cohort.id,
        panel.survey(),
        panel.content,
        panel.model.all_rows(),
        start=panel.model.all_rows()[0].id,
        parent=panel,
    )
    qtbot.addWidget(dialog)
    dialog.editors["status"].set_value("job")
    assert dialog.save()
    assert end_survey_done()
    assert page.progress.value() == progress + 1
    assert panel.model.all_rows()[0].answered_on == date.today()  # the panel follows too


def test_adapt_the_wording_opens_the_survey_text_dialog(window, monkeypatch) -> None:
    from mentorapp.gui.dialogs.survey_content_dialog import SurveyContentDialog

    panel = open_panel(window, "kickoff")
    opened = []
    monkeypatch.setattr(SurveyContentDialog, "exec", lambda dialog: opened.append(dialog) or 0)
    panel.wording_button.click()
    assert len(opened) == 1
