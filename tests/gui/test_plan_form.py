"""The programme plan form of the Idea and Purpose stages: saved as the coordinator types,
goals added and removed, the programme's own format fields, and the PDF action."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint
from PySide6.QtWidgets import QFileDialog

from mentorapp.planning.plan import TEXT_LIMITS
from mentorapp.workspace.services import Services

pytestmark = pytest.mark.gui


def form_of(window, stage: str = "purpose"):
    window.show_stage(stage)
    page = window.pages[stage]
    form = next(tool for tool, _title in page._tools if type(tool).__name__ == "PlanForm")
    page.tabs.setCurrentWidget(form)
    return form


def stored_plan(db_path: Path, programme_id: int):
    """The plan as the file holds it, read by another connection."""
    with Services.to_read(db_path) as services:
        return services.plan.plan(programme_id)


def test_typing_is_saved_after_a_pause(open_window, db_path, programme, qtbot) -> None:
    window = open_window(db_path)
    form = form_of(window)
    form.need.setPlainText("Akademiker får inte jobb inom sitt yrke.")
    assert stored_plan(db_path, programme.id).need == ""  # not at every keystroke
    qtbot.waitUntil(
        lambda: (
            stored_plan(db_path, programme.id).need == "Akademiker får inte jobb inom sitt yrke."
        ),
        timeout=5000,
    )


def test_what_was_typed_is_saved_when_the_page_is_left(
    open_window, db_path, programme, qtbot
) -> None:
    window = open_window(db_path)
    form = form_of(window, "idea")
    form.adepts.setPlainText("Nyanlända akademiker")
    form.sponsor.setPlainText("Verksamhetschefen")
    form.language_boxes["en"].setChecked(True)
    form.mode.setCurrentIndex(form.mode.findData("digital"))
    form.pairs.setValue(20)
    window.show_stage("purpose")  # leaving flushes at once
    plan = stored_plan(db_path, programme.id)
    assert (plan.adepts, plan.sponsor, plan.languages, plan.mode, plan.pairs_per_round) == (
        "Nyanlända akademiker",
        "Verksamhetschefen",
        ("en",),
        "digital",
        20,
    )
    other = form_of(window, "purpose")
    assert other is not form  # one form per stage page, each showing the stored plan
    assert other.adepts.toPlainText() == "Nyanlända akademiker"
    assert other.language_boxes["en"].isChecked() and not other.language_boxes["sv"].isChecked()


def test_length_and_meetings_are_the_programmes_own(open_window, db_path, programme, qtbot) -> None:
    window = open_window(db_path)
    form = form_of(window)
    form.months.setValue(6)
    form.meetings.setValue(6)
    form.flush()
    with Services.to_read(db_path) as services:
        saved = services.programmes.programme()
    assert (saved.months_per_round, saved.meetings_per_round) == (6, 6)
    assert window.context.programme.months_per_round == 6  # announced: the context re-read it
    assert saved.name == programme.name and saved.organisation == programme.organisation


def test_goals_are_added_edited_and_removed(open_window, db_path, programme, qtbot) -> None:
    window = open_window(db_path)
    form = form_of(window)
    assert form.goal_advice.isVisibleTo(form)  # fewer than two goals: the form says so
    qtbot.mouseClick(form.add_goal_button, qtbot_left())
    qtbot.mouseClick(form.add_goal_button, qtbot_left())
    assert len(form.goal_rows) == 2 and not form.goal_advice.isVisibleTo(form)
    first = form.goal_rows[0]
    first.text.setText("Jobb inom yrket")
    first.text.textEdited.emit("Jobb inom yrket")
    first.measure.setCurrentIndex(first.measure.findData("job_or_internship_6m"))
    first.target.setValue(50)
    assert "50% of adepts in a job or internship within 6 months" in first.sentence.text()
    form.flush()
    goals = stored_plan(db_path, programme.id).goals
    assert [(g.text, g.target, g.measure) for g in goals] == [
        ("Jobb inom yrket", 50, "job_or_internship_6m"),
        ("", None, ""),
    ]
    qtbot.mouseClick(form.goal_rows[1].remove_button, qtbot_left())
    assert len(form.goal_rows) == 1 and form.goal_advice.isVisibleTo(form)
    assert [g.text for g in stored_plan(db_path, programme.id).goals] == ["Jobb inom yrket"]
    for _number in range(3):
        form.add_goal()
    assert len(form.goal_rows) == 4 and not form.goal_advice.isVisibleTo(form)
    form.add_goal()  # a fifth: allowed, with advice
    assert len(form.goal_rows) == 5 and "Two to four" in form.goal_advice.text()


def test_a_count_target_may_exceed_100_but_a_percentage_not(
    open_window, db_path, programme, monkeypatch
) -> None:
    from mentorapp.gui.widgets import plan_goal_row

    told = []
    monkeypatch.setattr(
        plan_goal_row.QMessageBox, "information", lambda *args: told.append(args[2]) or 0
    )
    window = open_window(db_path)
    form = form_of(window)
    form.add_goal()
    row = form.goal_rows[0]
    row.unit.setCurrentIndex(row.unit.findData("count"))
    row.target.setValue(250)
    assert row.target.value() == 250
    row.unit.setCurrentIndex(row.unit.findData("percent"))
    # Not quietly cut to 100: the switch is refused and said why.
    assert row.unit.currentData() == "count" and row.target.value() == 250
    assert told and "more than 100" in told[0]
    form.flush()
    stored = stored_plan(db_path, programme.id).goals[0]
    assert (stored.target, stored.unit) == (250, "count")
    row.target.setValue(40)
    row.unit.setCurrentIndex(row.unit.findData("percent"))
    assert row.unit.currentData() == "percent" and row.target.maximum() == 100


def test_the_form_takes_no_more_text_than_the_plan_keeps(open_window, db_path, programme) -> None:
    """Text past the limit would be refused on saving and lost with the window."""
    window = open_window(db_path)
    form = form_of(window)
    limit = TEXT_LIMITS["sponsor"]
    form.sponsor.setPlainText("x" * (limit + 25))
    assert form.sponsor.toPlainText() == "x" * limit
    form.need.setPlainText("Behovet")
    form.flush()
    plan = stored_plan(db_path, programme.id)
    assert (plan.sponsor, plan.need) == ("x" * limit, "Behovet")
    assert form.goal_rows == [] or form.goal_rows[0].text.maxLength() == 200


def test_the_pdf_action_writes_the_plan(
    open_window, db_path, programme, tmp_path, monkeypatch
) -> None:
    window = open_window(db_path)
    form = form_of(window)
    form.need.setPlainText("Behovet är stort.")
    form.pdf_language.setCurrentIndex(form.pdf_language.findData("en"))
    out = tmp_path / "export" / "plan"
    out.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(out), ""))
    assert not form.print_button.isEnabled()
    form.pdf_button.click()
    written = out.with_name("plan.pdf")
    assert form.written == written and written.is_file()
    reader = PdfReader(written)
    assert len(reader.pages) == 2
    assert "Behovet är stort." in reader.pages[0].extract_text()  # typed, flushed, printed
    assert "Programme plan" in reader.pages[0].extract_text()
    assert form.print_button.isEnabled() and form.open_button.isEnabled()
    assert str(written) in form.status.text()


def test_the_form_fits_a_laptop_screen(open_window, tmp_path, qtbot) -> None:
    """At 1280×800 the form scrolls instead of being cut off, and its actions stay in view."""
    window = open_window(None, demo=True)
    window.resize(1280, 800)
    form = form_of(window)
    qtbot.waitUntil(lambda: form.need.toPlainText() != "")  # the demo's plan
    assert len(form.goal_rows) == 3
    content, viewport = form.scroll.widget(), form.scroll.viewport()
    assert content.minimumSizeHint().width() <= viewport.width()
    assert content.sizeHint().height() > viewport.height()  # it scrolls
    for button in (form.pdf_button, form.print_button):
        bottom = button.mapTo(window, QPoint(0, button.height())).y()
        assert button.isVisible() and bottom <= window.height()
    window.grab().save(str(tmp_path / "plan-form.png"))


def qtbot_left():
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
