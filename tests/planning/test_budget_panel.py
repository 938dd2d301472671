"""The budget tool of the Resources stage, driven through its real widgets."""

from __future__ import annotations

import stat
from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QLineEdit

from mentorapp.planning.budget_lines import BudgetDraft
from tests.gui.conftest import open_window  # noqa: F401  (the fixture)

pytestmark = pytest.mark.gui


def panel_of(window):
    from mentorapp.gui.widgets.budget_panel import BudgetPanel

    window.show_stage("resources")
    page = window.pages["resources"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, BudgetPanel))
    page.tabs.setCurrentWidget(panel)
    return panel


def open_cell(panel, qtbot, row: int, column: int):
    index = panel.model.index(row, column)
    panel.view.setCurrentIndex(index)
    panel.view.edit(index)
    editor = panel.delegate.open_editor
    assert editor is not None
    return editor


def figure(panel, key: str) -> str:
    return panel.figures[key].text()


def test_typing_amounts_saves_them_and_the_totals_follow(
    open_window,  # noqa: F811
    db_path,
    programme,
    cohort,
    qtbot,
) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    assert panel.scope == "round" and panel.model.rowCount() == 0
    qtbot.mouseClick(panel.add_cost_button, Qt.MouseButton.LeftButton)
    assert panel.model.rowCount() == 1

    editor = open_cell(panel, qtbot, 0, 2)  # planned
    assert isinstance(editor, QLineEdit)
    editor.clear()
    qtbot.keyClicks(editor, "12,500.50")
    assert figure(panel, "costs_planned") == "SEK12,500.50"  # before the cell is saved
    services = window.context.services
    assert services.budget.lines(programme.id, cohort.id)[0].planned == 0
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # the view commits in its next turn
    qtbot.waitUntil(lambda: panel.delegate.open_editor is None)
    assert services.budget.lines(programme.id, cohort.id)[0].planned == 1_250_050
    assert panel.model.index(0, 2).data() == "SEK12,500.50"
    assert figure(panel, "balance_planned") == "-SEK12,500.50"
    assert "Nobody is placed yet" in panel.per_adept_note.text()
    assert figure(panel, "per_adept_planned") == "–"


def test_an_amount_that_cannot_be_read_keeps_the_old_value(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    qtbot,
) -> None:
    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    window = open_window(db_path)
    panel = panel_of(window)
    editor = open_cell(panel, qtbot, 0, 2)
    editor.clear()
    qtbot.keyClicks(editor, "abc")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.delegate.open_editor is None)
    assert panel.error.isVisibleTo(panel)
    assert "“abc” is not an amount" in panel.error.text()
    assert panel.model.index(0, 2).data() == "SEK7,000.00"
    assert window.context.services.budget.lines(programme.id, cohort.id)[0].planned == 700_000
    # The next good value clears the message.
    assert panel.model.setData(panel.model.index(0, 2), "8000", Qt.ItemDataRole.EditRole)
    assert not panel.error.isVisibleTo(panel)


def test_coordinator_hours_times_the_rate(
    open_window,  # noqa: F811
    db_path,
    programme,
    cohort,
    qtbot,
) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    panel.add_line("cost")
    editor = open_cell(panel, qtbot, 0, 0)
    assert isinstance(editor, QComboBox)
    editor.setCurrentIndex(editor.findData("coordinator_hours"))
    editor.activated.emit(editor.currentIndex())  # what choosing with the mouse does
    panel.view.setFocus()
    assert panel.model.lines[0].category == "coordinator_hours"
    model = panel.model
    assert model.flags(model.index(0, 4)) & Qt.ItemFlag.ItemIsEditable  # hours now editable
    assert model.setData(model.index(0, 4), "200", Qt.ItemDataRole.EditRole)
    assert model.setData(model.index(0, 6), "450 kr", Qt.ItemDataRole.EditRole)
    assert model.index(0, 2).data() == "SEK90,000.00"
    assert not model.flags(model.index(0, 2)) & Qt.ItemFlag.ItemIsEditable  # computed
    assert figure(panel, "costs_planned") == "SEK90,000.00"
    stored = window.context.services.budget.lines(programme.id, cohort.id)[0]
    assert (stored.planned, stored.planned_hours, stored.rate) == (9_000_000, 200, 45_000)


def test_what_is_typed_is_saved_when_the_page_is_left(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    qtbot,
) -> None:
    services.budget.add(programme.id, cohort.id, BudgetDraft("food", "", 0))
    window = open_window(db_path)
    panel = panel_of(window)
    editor = open_cell(panel, qtbot, 0, 1)  # description
    qtbot.keyClicks(editor, "Fika vid kick-off")
    window.show_stage("idea")
    lines = window.context.services.budget.lines(programme.id, cohort.id)
    assert lines[0].description == "Fika vid kick-off"


def test_the_whole_programme_counts_every_line(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    qtbot,
) -> None:
    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    services.budget.add(programme.id, None, BudgetDraft("grant", "Kommunen", 5_000_000))
    window = open_window(db_path)
    panel = panel_of(window)
    assert panel.model.rowCount() == 1
    assert figure(panel, "incomes_planned") == "SEK0.00"
    assert "SEK50,000.00" in panel.programme_note.text()  # shown beside, not counted
    qtbot.mouseClick(panel.programme_choice, Qt.MouseButton.LeftButton)
    assert panel.scope == "programme"
    assert [line.description for line in panel.model.lines] == ["Kommunen"]
    assert figure(panel, "costs_planned") == "SEK7,000.00"
    assert figure(panel, "incomes_planned") == "SEK50,000.00"
    assert figure(panel, "balance_planned") == "SEK43,000.00"


def test_removing_and_moving_lines(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    qtbot,
    monkeypatch,
) -> None:
    from PySide6.QtWidgets import QMessageBox

    for name in ("A", "B", "C"):
        services.budget.add(programme.id, cohort.id, BudgetDraft("venue", name, 100))
    window = open_window(db_path)
    panel = panel_of(window)
    panel.view.setCurrentIndex(panel.model.index(2, 1))
    qtbot.mouseClick(panel.up_button, Qt.MouseButton.LeftButton)
    assert [line.description for line in panel.model.lines] == ["A", "C", "B"]
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.view.setCurrentIndex(panel.model.index(0, 1))
    qtbot.mouseClick(panel.remove_button, Qt.MouseButton.LeftButton)
    stored = window.context.services.budget.lines(programme.id, cohort.id)
    assert [line.description for line in stored] == ["C", "B"]


def test_export_to_csv_and_print(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    tmp_path,
    qtbot,
    monkeypatch,
) -> None:
    from pypdf import PdfReader
    from PySide6.QtWidgets import QFileDialog

    import mentorapp.gui.pdf_printing as printing

    services.budget.add(programme.id, cohort.id, BudgetDraft("printing", "=SUM(1)", 297_500))
    window = open_window(db_path)
    panel = panel_of(window)
    target = tmp_path / "budget.csv"
    monkeypatch.setattr(
        QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), "CSV files (*.csv)")
    )
    qtbot.mouseClick(panel.export_button, Qt.MouseButton.LeftButton)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert "'=SUM(1)" in target.read_text(encoding="utf-8-sig")

    printed: list[str] = []

    def fake_print(parent, path: Path) -> bool:
        printed.append(" ".join(page.extract_text() for page in PdfReader(path).pages))
        return True

    monkeypatch.setattr(printing, "print_pdf", fake_print)
    qtbot.mouseClick(panel.print_button, Qt.MouseButton.LeftButton)
    assert printed and "Budget for Vår 2027" in printed[0] and "=SUM(1)" in printed[0]


def test_the_demo_budget_in_both_languages(open_window, qtbot) -> None:  # noqa: F811
    window = open_window(None, demo=True, language="sv")
    panel = panel_of(window)
    assert panel.model.rowCount() == 8
    labels = {panel.model.index(row, 0).data() for row in range(8)}
    assert {"Lokal", "Samordnartimmar", "Externt bidrag"} <= labels
    assert figure(panel, "costs_planned") == "118\u00a0575,00\u00a0kr"
    # The demo's running round is matched, so the cost per adept placed is there.
    assert int(figure(panel, "placed_planned")) > 10
    assert figure(panel, "per_adept_planned").endswith("kr")
    assert "Ingen är placerad än" not in panel.per_adept_note.text()


def test_the_totals_go_back_when_an_edit_is_left_or_refused(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    cohort,
    qtbot,
) -> None:
    services.budget.add(programme.id, cohort.id, BudgetDraft("venue", "Lokal", 700_000))
    window = open_window(db_path)
    panel = panel_of(window)
    stored = figure(panel, "costs_planned")
    editor = open_cell(panel, qtbot, 0, 2)
    editor.clear()
    qtbot.keyClicks(editor, "99999")
    assert figure(panel, "costs_planned") != stored  # the preview while typing
    qtbot.keyClick(editor, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: panel.delegate.open_editor is None)
    assert figure(panel, "costs_planned") == stored
    editor = open_cell(panel, qtbot, 0, 2)
    editor.clear()
    qtbot.keyClicks(editor, "5000x")
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: panel.delegate.open_editor is None)
    assert figure(panel, "costs_planned") == stored
    assert services.budget.lines(programme.id, cohort.id)[0].planned == 700_000


def test_a_round_with_a_slash_in_its_name_gets_a_file_name_that_works(
    open_window,  # noqa: F811
    db_path,
    services,
    programme,
    qtbot,
) -> None:
    from mentorapp.programme.rules import CohortDraft

    services.programmes.save_cohort(
        programme.id, CohortDraft("Läsår 2026/27", date(2026, 9, 1), date(2027, 5, 31))
    )
    window = open_window(db_path)
    panel = panel_of(window)
    assert "/" not in panel._file_stem() and "2026" in panel._file_stem()
