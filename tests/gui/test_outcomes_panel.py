"""The Outcomes tool of the follow-up page and its dialog, through the real widgets."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from mentorapp.gui.dialogs.outcome_dialog import OutcomeDialog
from mentorapp.gui.models.outcomes_model import O_ADEPT, O_FIELD, O_FROM, O_KIND, O_THROUGH
from mentorapp.gui.widgets.outcomes_panel import OutcomesPanel
from mentorapp.i18n import format_date

pytestmark = pytest.mark.gui


@pytest.fixture
def window(open_window, db_path):
    return open_window(db_path, demo=True)


def open_panel(window) -> OutcomesPanel:
    window.show_stage("followup")
    page = window.pages["followup"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, OutcomesPanel))
    page.tabs.setCurrentWidget(panel)
    return panel


def fill_and_accept(fill) -> None:
    """Fill the dialog once it is shown, then press OK."""

    def act() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, OutcomeDialog)
        fill(dialog)
        dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()

    QTimer.singleShot(0, act)


def test_recording_an_outcome_shows_it(window, qtbot) -> None:
    panel = open_panel(window)
    context = window.context
    before = panel.model.rowCount()
    adept = context.services.outcomes.adepts(context.cohort.id)[2]
    started = date.today() - timedelta(days=3)
    heard = []
    context.events.outcomes_changed.connect(heard.append)
    shot = []

    def fill(dialog: OutcomeDialog) -> None:
        line = dialog.adept.lineEdit()
        line.clear()
        qtbot.keyClicks(line, adept.email.split("@")[0])  # a part of the e-mail finds them
        dialog.kind.setCurrentIndex(dialog.kind.findData("internship"))
        dialog.started_on.setDate(QDate(started.year, started.month, started.day))
        dialog.in_field.setCurrentIndex(dialog.in_field.findData("partly"))
        dialog.through.setCurrentIndex(dialog.through.findData("yes"))
        dialog.grab().save("/tmp/gui_outcome_dialog.png")
        shot.append(dialog)

    fill_and_accept(fill)
    saved = panel.record_outcome()
    assert saved is not None and shot
    assert panel.model.rowCount() == before + 1
    row = panel.model.row_of(saved)
    shown = [panel.model.data(panel.model.index(row, c)) for c in (O_ADEPT, O_KIND, O_FROM)]
    assert shown == [adept.name, "Internship", format_date(started)]
    assert panel.model.data(panel.model.index(row, O_FIELD)) == "Partly"
    assert panel.model.data(panel.model.index(row, O_THROUGH)) == "Yes"
    stored = next(
        o for o in context.services.outcomes.for_round(context.cohort.id) if o.id == saved
    )
    assert (stored.kind, stored.in_field, stored.through_programme) == (
        "internship",
        "partly",
        "yes",
    )
    assert heard == [context.cohort.id]
    assert panel.selected().id == saved


def test_a_dialog_without_an_adept_stays_open_and_says_so(window, qtbot) -> None:
    context = window.context
    adepts = context.services.outcomes.adepts(context.cohort.id)
    dialog = OutcomeDialog(context.services, adepts)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.adept.lineEdit().setText("nobody-like-this")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert dialog.isVisible() and dialog.error_label.isVisible()
    assert "Choose the adept" in dialog.error_label.text()
    assert dialog.saved_id is None


def test_edit_and_remove(window, qtbot, monkeypatch) -> None:
    context = window.context
    adept = context.services.outcomes.adepts(context.cohort.id)[0]
    outcome_id = context.services.outcomes.record(
        adept.enrolment_id, "job", date.today() - timedelta(days=10), "yes"
    )
    panel = open_panel(window)
    panel.refresh()
    panel.select_outcome(outcome_id)

    def fill(dialog: OutcomeDialog) -> None:
        assert not dialog.adept.isEnabled()  # an outcome stays the person's
        dialog.kind.setCurrentIndex(dialog.kind.findData("studies"))
        dialog.note.setText("Yrkeshögskola")

    fill_and_accept(fill)
    panel.edit_button.click()
    row = panel.model.row_of(outcome_id)
    assert panel.model.data(panel.model.index(row, O_KIND)) == "Studies"

    asked = []
    monkeypatch.setattr(
        QMessageBox, "question", lambda *a, **k: asked.append(a[2]) or QMessageBox.StandardButton.No
    )
    panel.remove_button.click()
    assert asked and adept.name in asked[0]
    assert panel.model.row_of(outcome_id) >= 0  # said no: kept
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove_button.click()
    assert panel.model.row_of(outcome_id) == -1
    assert all(o.id != outcome_id for o in context.services.outcomes.for_round(context.cohort.id))


def test_outcomes_shot(window) -> None:
    context = window.context
    adepts = context.services.outcomes.adepts(context.cohort.id)
    context.services.outcomes.record(
        adepts[1].enrolment_id, "job", date.today() - timedelta(days=5), "yes", "yes"
    )
    panel = open_panel(window)
    panel.refresh()
    window.resize(1280, 800)
    window.grab().save("/tmp/gui_outcomes.png")
    assert panel.model.rowCount() >= 1
