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
