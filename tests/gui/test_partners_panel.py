import pytest

pytestmark = pytest.mark.gui


def panel_of(window):
    window.show_stage("anchoring")
    return window.pages["anchoring"]._tools[0][0]


def test_adding_editing_and_removing_a_partner(open_window, db_path, programme, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    window = open_window(db_path)
    panel = panel_of(window)
    assert panel.model.rowCount() == 0
    panel.name.setText("Västbanken AB")
    panel.email.setText("not-an-address")
    panel.save()
    assert panel.error.isVisibleTo(panel) and panel.model.rowCount() == 0
    panel.email.setText("karin@vastbanken.se")
    panel.save()
    assert panel.model.rowCount() == 1
    assert panel.model.item(0, 2).text() == "karin@vastbanken.se"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    panel.remove()
    assert panel.model.rowCount() == 0


def test_typed_partner_is_saved_when_the_page_is_left(open_window, db_path, programme) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    panel.name.setText("Malmö stad")
    panel.name.textEdited.emit("Malmö stad")
    window.show_stage("idea")
    names = [p.name for p in window.context.services.partners.partners(programme.id)]
    assert names == ["Malmö stad"]


def test_the_demo_lists_its_employers(open_window, tmp_path) -> None:
    window = open_window(None, demo=True)
    panel = panel_of(window)
    assert panel.model.rowCount() == 10
    assert sum(int(panel.model.item(r, 3).text()) for r in range(10)) > 20


def test_clicking_another_partner_saves_what_was_typed_first(
    open_window, db_path, programme, qtbot
) -> None:
    """Nothing typed is lost: switching partners saves the one being edited, then shows the
    clicked one; highlight and form always show the same partner."""
    window = open_window(db_path)
    panel = panel_of(window)
    for name in ("Alfa AB", "Beta AB"):
        panel.new_partner()
        panel.name.setText(name)
        panel.save()
    rows = {panel.model.item(r, 0).text(): r for r in range(panel.model.rowCount())}
    panel.view.setCurrentIndex(panel.model.index(rows["Alfa AB"], 0))
    assert panel.name.text() == "Alfa AB"
    panel.note.setText("ringer i mars")
    panel.note.textEdited.emit("ringer i mars")
    panel.view.setCurrentIndex(panel.model.index(rows["Beta AB"], 0))
    qtbot.waitUntil(lambda: panel.name.text() == "Beta AB")
    notes = {p.name: p.note for p in window.context.services.partners.partners(programme.id)}
    assert notes["Alfa AB"] == "ringer i mars"
    current = panel.model.item(panel.view.currentIndex().row(), 0).text()
    assert current == panel.name.text() == "Beta AB"


def test_a_refused_save_on_switching_keeps_the_typing_and_the_highlight(
    open_window, db_path, programme, qtbot
) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    for name in ("Alfa AB", "Beta AB"):
        panel.new_partner()
        panel.name.setText(name)
        panel.save()
    rows = {panel.model.item(r, 0).text(): r for r in range(panel.model.rowCount())}
    panel.view.setCurrentIndex(panel.model.index(rows["Alfa AB"], 0))
    panel.email.setText("not-an-address")
    panel.email.textEdited.emit("not-an-address")
    panel.view.setCurrentIndex(panel.model.index(rows["Beta AB"], 0))
    qtbot.waitUntil(lambda: panel.error.isVisibleTo(panel))
    assert panel.name.text() == "Alfa AB" and panel.email.text() == "not-an-address"
    assert panel.model.item(panel.view.currentIndex().row(), 0).text() == "Alfa AB"
