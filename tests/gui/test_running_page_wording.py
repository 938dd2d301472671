"""The Running page reads right: the health rules' days agree with their number, the columns
a coordinator scans keep their whole text at 1280×800, and the Swedish words are the
programme's own."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from mentorapp.gui.dialogs.health_rules_dialog import HealthRulesDialog
from mentorapp.gui.models.running_model import HEALTH, REASON
from mentorapp.gui.widgets.running_board import RunningBoard
from mentorapp.i18n import set_language

pytestmark = pytest.mark.gui

NEXT_MEETING = 4  # the column "Next meeting"


def open_board(window) -> RunningBoard:
    window.show_stage("running")
    page = window.pages["running"]
    board = next(tool for tool, _title in page._tools if isinstance(tool, RunningBoard))
    page.tabs.setCurrentWidget(board)
    return board


@pytest.mark.parametrize(
    ("language", "one", "many"), [("en", "1 day", "14 days"), ("sv", "1 dag", "14 dagar")]
)
def test_the_days_agree_with_their_number(
    qtbot, services, programme, language: str, one: str, many: str
) -> None:
    set_language(language)
    try:
        dialog = HealthRulesDialog(services, programme.id)
        qtbot.addWidget(dialog)
        dialog.show()
        spin = dialog.spins["overdue_days"]
        spin.setFocus()
        spin.selectAll()
        qtbot.keyClicks(spin, "1")
        assert spin.value() == 1 and spin.text() == one
        qtbot.keyClicks(spin, "4")
        assert spin.value() == 14 and spin.text() == many
        spin.setValue(1)
        assert spin.text() == one
        for other in dialog.spins.values():  # the saved rules show with their unit too
            assert other.text().endswith(many.split()[1] if other.value() > 1 else one.split()[1])
        dialog.use_defaults()
        dialog._try_accept()
        assert services.running.rules(programme.id).overdue_days == 14
    finally:
        set_language("en")


def test_health_and_next_meeting_keep_their_text_at_1280_by_800(open_window, qtbot) -> None:
    window = open_window(None, language="sv", demo=True)
    window.resize(1280, 800)
    board = open_board(window)
    qtbot.waitUntil(lambda: board.view.viewport().width() > 0)
    board._size_columns()
    view = board.view
    for column in (HEALTH, NEXT_MEETING):  # the room their texts (and icons) ask for
        assert view.columnWidth(column) >= view.sizeHintForColumn(column), column
    assert view.columnWidth(REASON) < view.sizeHintForColumn(REASON)
    # the reason took the cut; the whole of it is below and in the tooltip
    assert view.columnViewportPosition(REASON) < view.viewport().width()
    qtbot.waitUntil(lambda: view.horizontalScrollBar().maximum() == 0)  # no scrolling to it
    window.grab().save("/tmp/fixes_b_running_sv_1280.png")


def test_the_swedish_words_of_the_running_page(open_window) -> None:
    window = open_window(None, language="sv", demo=True)
    board = open_board(window)
    assert board.model.headerData(HEALTH, Qt.Orientation.Horizontal) == "Status"
    assert board.rules_button.text().replace("&", "") == "Varningsgränser…"
    assert board.import_button.text().replace("&", "") == "Importera svar på avstämningen…"
    filters = [board.health_filter.itemText(i) for i in range(board.health_filter.count())]
    assert "Behöver uppmärksamhet (inte i gång eller behöver avstämning)" in filters
    texts = " ".join(filters) + " " + board.counts.text()
    assert "igång" not in texts and "inte i gång" in texts
    contacted = next(
        item.group.id for item in board.model._items if item.group.contacted_on is not None
    )
    board.select_group(contacted)
    assert board.details.contacted_button.text().replace("&", "") == "Ångra kontaktad"
