"""The coordinator's own checklist items: renamed in place, keeping their note and tick."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractItemView, QLineEdit, QMessageBox

from mentorapp.gui.models.checklist_model import ITEM
from tests.gui.conftest import close


def _checklist(window, stage: str):
    """The stage's checklist on screen (in its tab, when the stage has tools)."""
    window.show_stage(stage)
    page = window.pages[stage]
    if page.tabs.indexOf(page.checklist) >= 0:
        page.tabs.setCurrentWidget(page.checklist)
    return page.checklist


def _edit_current(panel, qtbot, text: str) -> None:
    """Rename the selected item as a keyboard user does: F2, type, Return."""
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = panel.table.findChild(QLineEdit)
    assert editor is not None and editor.isVisible()
    editor.selectAll()
    editor.insert(text)  # QTest types ASCII only
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: panel.table.state() != editing)  # the view commits queued


def test_an_own_item_is_renamed_in_place_and_keeps_its_note(
    open_window, db_path, cohort, qtbot
) -> None:
    window = open_window(db_path)
    panel = _checklist(window, "kickoff")
    panel.add_edit.insert("Boka lokal")
    panel.add_button.click()
    panel.note_edit.setPlainText("Stora salen på Åsögatan")
    panel.save_note()
    last = panel._model.index(len(panel.rows()) - 1, ITEM)
    assert "press F2" in last.data(Qt.ItemDataRole.ToolTipRole)  # how to find the rename
    panel.table.setCurrentIndex(last)
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)  # Space still ticks, a letter still searches
    qtbot.keyClick(panel.table, Qt.Key.Key_B)
    assert panel.table.state() != QAbstractItemView.State.EditingState
    assert panel.rows()[-1].done and panel.rows()[-1].text == "Boka lokal"
    _edit_current(panel, qtbot, "Boka lokal för uppstarten")
    assert panel.rows()[-1].text == "Boka lokal för uppstarten"
    close(window)

    reopened = open_window(db_path)
    row = _checklist(reopened, "kickoff").rows()[-1]
    assert (row.own, row.text) == (True, "Boka lokal för uppstarten")
    assert row.note == "Stora salen på Åsögatan" and row.done


def test_a_built_in_item_cannot_be_renamed(open_window, db_path, cohort, qtbot) -> None:
    window = open_window(db_path)
    panel = _checklist(window, "kickoff")
    before = panel.rows()[0].text
    panel.table.setCurrentIndex(panel._model.index(0, ITEM))
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_F2)
    editor = panel.table.findChild(QLineEdit)
    assert editor is None or not editor.isVisible()
    assert not panel._model.setData(panel._model.index(0, ITEM), "Something else")
    assert panel.rows()[0].text == before


def test_an_emptied_name_is_refused_and_the_item_stays(
    open_window, db_path, cohort, qtbot, monkeypatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: warnings.append(text))
    window = open_window(db_path)
    panel = _checklist(window, "kickoff")
    panel.add_edit.insert("Boka lokal")
    panel.add_button.click()
    panel.table.setFocus()
    _edit_current(panel, qtbot, "   ")
    assert warnings == ["An item cannot be empty. Remove it instead."]
    assert panel.rows()[-1].text == "Boka lokal"
