"""Reference figures: added and removed through the service, shown in the report at once;
a figure without a source is refused and nothing is saved."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mentorapp.gui.dialogs.reference_dialog import ReferenceDialog
from tests.gui.impact_helpers import open_finished, wait_built

pytestmark = pytest.mark.gui


@pytest.fixture
def finished(open_window, db_path, qtbot):
    return open_finished(open_window, db_path, qtbot)


def dialog_for(window, panel, qtbot) -> ReferenceDialog:
    context = window.context
    dialog = ReferenceDialog(context, context.programme.id, panel.report.measures, panel)
    qtbot.addWidget(dialog)
    dialog.references_changed.connect(panel.refresh)
    return dialog


def test_adding_a_reference_shows_it_in_the_table_and_the_chart(finished, qtbot) -> None:
    window, panel = finished
    services, programme_id = window.context.services, window.context.programme.id
    before = services.impact.references(programme_id)
    # A measure without a figure yet (the demo gives its headline measures published ones).
    measure = next(m for m in panel.report.measures if m.reference is None and m.answered)
    dialog = dialog_for(window, panel, qtbot)
    assert len(dialog.rows()) == len(before)
    index = dialog.measure.findData(measure.key)
    assert index >= 0 and dialog.measure.itemText(index) == measure.label
    dialog.measure.setCurrentIndex(index)
    dialog.share.setValue(61)
    dialog.source.setText("A large programme's effect report 2024")
    with qtbot.waitSignal(dialog.references_changed):
        assert dialog.add()
    assert (measure.label, "61%", "A large programme's effect report 2024") in dialog.rows()
    saved = services.impact.references(programme_id)
    assert (measure.key, 0.61) in [(r.measure, r.share) for r in saved]
    assert len(saved) == len(before) + 1
    qtbot.waitUntil(lambda: panel.report.measure(measure.key).reference is not None, timeout=20000)
    wait_built(panel, qtbot)
    rows = dict(panel.model.measure_rows())
    assert rows[measure.key]["reference"].startswith("61%")
    bars = {row.key: row for row in panel.chart.rows() if row.kind == "measure"}
    assert bars[measure.key].reference == 0.61
    assert "effect report 2024" in bars[measure.key].tooltip

    # Removing it takes the dashed line away again.
    row = next(i for i, shown in enumerate(dialog.rows()) if shown[0] == measure.label)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(row))
    assert dialog.remove_button.isEnabled()
    with qtbot.waitSignal(dialog.references_changed):
        dialog.remove_button.click()
    assert measure.label not in [shown[0] for shown in dialog.rows()]
    assert services.impact.references(programme_id) == before
    qtbot.waitUntil(lambda: panel.report.measure(measure.key).reference is None, timeout=20000)
    wait_built(panel, qtbot)
    assert "61%" not in dict(panel.model.measure_rows())[measure.key]["reference"]


def test_a_figure_without_a_source_is_refused(finished, qtbot) -> None:
    window, panel = finished
    services, programme_id = window.context.services, window.context.programme.id
    before = services.impact.references(programme_id)
    dialog = dialog_for(window, panel, qtbot)
    shown = dialog.rows()
    dialog.share.setValue(30)
    dialog.source.setText("   ")
    with qtbot.assertNotEmitted(dialog.references_changed):
        assert not dialog.add()
    assert not dialog.error_label.isHidden()
    assert "where the reference figure comes from" in dialog.error_label.text()
    assert services.impact.references(programme_id) == before
    assert dialog.rows() == shown


def test_the_dialog_speaks_swedish(finished, qtbot) -> None:
    window, panel = finished
    window.apply_language("sv")
    wait_built(panel, qtbot)
    dialog = dialog_for(window, panel, qtbot)
    assert dialog.windowTitle() == "Referenstal"
    assert dialog.list.headerItem().text(2) == "Källa"
    assert dialog.share.suffix() == "\xa0%"  # 44 % as Swedish writes it
    window.apply_language("en")


def test_enter_in_the_source_field_adds_and_never_removes(finished, qtbot) -> None:
    """Enter in the form adds the figure; the selected one stays (Remove is never default)."""
    window, panel = finished
    services, programme_id = window.context.services, window.context.programme.id
    free = [m for m in panel.report.measures if m.reference is None and m.answered]
    services.impact.save_reference(programme_id, free[0].key, 0.44, "Source 2024")
    dialog = dialog_for(window, panel, qtbot)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.list.setCurrentItem(dialog.list.topLevelItem(0))
    kept = dialog.rows()
    dialog.measure.setCurrentIndex(dialog.measure.findData(free[1].key))
    dialog.share.setValue(52)
    dialog.source.setFocus()
    qtbot.keyClicks(dialog.source, "Report 2025")
    with qtbot.waitSignal(dialog.references_changed):
        qtbot.keyClick(dialog.source, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert set(kept) <= set(dialog.rows())
    assert (free[1].key, 0.52) in [
        (r.measure, r.share) for r in services.impact.references(programme_id)
    ]
    assert not dialog.remove_button.autoDefault() and not dialog.remove_button.isDefault()
