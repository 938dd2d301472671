"""The applicant editor always shows the highlighted person, and a wheel never edits silently.

Driven through the real widgets with mouse clicks, because the bug lived between the table's
mouse handling, the save on switching rows and the model refresh that save triggers.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox

pytestmark = pytest.mark.gui

PEOPLE = [("Anna", "Andersson"), ("Bo", "Berg"), ("Cecilia", "Carlsson"), ("David", "Dahl")]


@pytest.fixture
def four_people(services, cohort):
    ids = {}
    for number, (first, last) in enumerate(PEOPLE):
        created = services.participants.create(
            cohort.id,
            "adept",
            {
                "first_name": first,
                "last_name": last,
                "email": f"p{number}@example.com",
                "city": "Malmö" if number % 2 else "Lund",
                "languages": ("sv",),
                "education_field_text": "Ekonomi",
                "industry_text": "Handel",
            },
        )
        ids[last] = created.enrolment_id
    return ids


def _panel(window):
    window.show_stage("recruitment")
    return window.pages["recruitment"]._tools[0][0]


def _settle() -> None:
    """Let queued work (a refresh after the click has been handled) run, as the event loop
    would before the user's next action."""
    for _turn in range(3):
        QApplication.processEvents()


def _click(qtbot, panel, enrolment_id: int, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    shown = panel.model.visible_row_of(enrolment_id)
    assert shown >= 0, "the person is not in the list"
    rect = panel.table.visualRect(panel.model.index(shown, 0))
    qtbot.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, modifier, rect.center())
    _settle()


def _type(qtbot, panel, key: str, text: str) -> None:
    field = panel.editor.inputs[key]
    field.setFocus()
    field.selectAll()
    qtbot.keyClicks(field, text)


def _highlighted(panel) -> list[int]:
    return sorted(row.enrolment_id for row in panel.selected_rows())


def _current(panel) -> int | None:
    row = panel.model.row_at(panel.table.selectionModel().currentIndex().row())
    return row.enrolment_id if row else None


def _assert_agree(panel, enrolment_id: int) -> None:
    """The one highlighted row, the current row and the editor are all the same person, and the
    editor shows that person's saved name."""
    editor_row = panel.editor.row()
    assert editor_row is not None
    assert editor_row.enrolment_id == enrolment_id
    assert _highlighted(panel) == [enrolment_id]
    assert _current(panel) == enrolment_id
    saved = panel.context.services.participants.row(enrolment_id)
    assert panel.editor.inputs["last_name"].text() == saved.last_name


def _name_order(panel) -> list[str]:
    return [panel.model.row_at(i).last_name for i in range(panel.model.rowCount())]


@pytest.mark.parametrize(
    "setup",
    ["plain", "sorted_by_city_descending", "search_filter"],
)
def test_switching_rows_saves_and_the_editor_follows(
    open_window, db_path, four_people, qtbot, setup
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    a, b = four_people["Berg"], four_people["Dahl"]
    if setup == "sorted_by_city_descending":
        panel.table.sortByColumn(5, Qt.SortOrder.DescendingOrder)
    if setup == "search_filter":
        panel.filters.search.setText("d")  # Andersson, David Dahl: Berg is hidden, Dahl shown
        a = four_people["Andersson"]
    _settle()

    _click(qtbot, panel, a)
    _assert_agree(panel, a)
    _type(qtbot, panel, "city", "Uppsala")
    assert panel.editor.is_dirty()

    _click(qtbot, panel, b)  # leaving A saves A
    assert panel.context.services.participants.row(a).city == "Uppsala"
    _assert_agree(panel, b)

    _click(qtbot, panel, a)
    _assert_agree(panel, a)
    assert panel.editor.inputs["city"].text() == "Uppsala"
    assert not panel.editor.is_dirty()


def test_an_edit_that_moves_the_row_keeps_the_editor_on_the_clicked_person(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    assert _name_order(panel) == ["Andersson", "Berg", "Carlsson", "Dahl"]
    andersson, berg = four_people["Andersson"], four_people["Berg"]

    _click(qtbot, panel, andersson)
    _type(qtbot, panel, "last_name", "Cederlund")  # sorts after Carlsson now
    _click(qtbot, panel, berg)
    assert _name_order(panel) == ["Berg", "Carlsson", "Cederlund", "Dahl"]
    _assert_agree(panel, berg)

    _click(qtbot, panel, andersson)  # now third in the list
    _assert_agree(panel, andersson)
    assert panel.editor.inputs["last_name"].text() == "Cederlund"

    # And back to where the row used to be, which is someone else now.
    _click(qtbot, panel, four_people["Berg"])
    _assert_agree(panel, berg)


def test_sorting_by_a_column_keeps_the_highlight_on_the_person(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    carlsson = four_people["Carlsson"]
    _click(qtbot, panel, carlsson)
    _assert_agree(panel, carlsson)
    panel.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    _settle()
    assert _name_order(panel) == ["Dahl", "Carlsson", "Berg", "Andersson"]
    _assert_agree(panel, carlsson)
    panel.table.sortByColumn(5, Qt.SortOrder.AscendingOrder)  # by city
    _settle()
    _assert_agree(panel, carlsson)
    # Clicking the highlighted row must not leave the editor on anyone else.
    _click(qtbot, panel, carlsson)
    _assert_agree(panel, carlsson)


def test_filtering_and_saving_keep_the_selection_by_person(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    dahl = four_people["Dahl"]
    _click(qtbot, panel, dahl)
    panel.filters.search.setText("a")  # everyone; the list is reset
    _settle()
    _assert_agree(panel, dahl)
    _type(qtbot, panel, "phone", "070-123 45 67")
    panel.editor.save_button.click()
    _settle()
    assert panel.context.services.participants.row(dahl).phone == "070-123 45 67"
    _assert_agree(panel, dahl)
    panel.undo_action.trigger()
    _settle()
    _assert_agree(panel, dahl)
    assert panel.editor.inputs["phone"].text() == ""


def test_a_multi_selection_survives_a_save_elsewhere(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    berg, dahl = four_people["Berg"], four_people["Dahl"]
    _click(qtbot, panel, berg)
    _click(qtbot, panel, dahl, Qt.KeyboardModifier.ControlModifier)
    assert _highlighted(panel) == sorted([berg, dahl])
    assert panel.editor.row().enrolment_id == dahl
    _type(qtbot, panel, "phone", "070-1")
    panel.editor.save_button.click()
    _settle()
    assert _highlighted(panel) == sorted([berg, dahl])
    assert _current(panel) == dahl == panel.editor.row().enrolment_id


def test_a_refused_save_keeps_the_editor_and_the_highlight_on_the_person(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    berg, dahl = four_people["Berg"], four_people["Dahl"]
    _click(qtbot, panel, berg)
    _type(qtbot, panel, "email", "p3@example.com")  # Dahl's address
    _click(qtbot, panel, dahl)
    assert panel.context.services.participants.row(berg).email == "p1@example.com"
    assert panel.editor.error_label.isVisibleTo(panel.editor)
    assert panel.editor.inputs["email"].text() == "p3@example.com"  # nothing typed is lost
    assert panel.editor.row().enrolment_id == berg
    assert _highlighted(panel) == [berg]
    assert _current(panel) == berg


# -- the mouse wheel ------------------------------------------------------------------------


def _wheel(widget, steps: int = -1) -> None:
    """One notch of the wheel over the middle of the widget (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre,
        QPointF(widget.mapToGlobal(centre.toPoint())),
        QPoint(0, 0),
        QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(widget, event)


def test_the_wheel_over_an_unfocused_combo_scrolls_the_form_instead(
    open_window, db_path, four_people, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    berg, dahl = four_people["Berg"], four_people["Dahl"]
    _click(qtbot, panel, berg)
    industry: QComboBox = panel.editor.inputs["industry"]
    years = panel.editor.inputs["years_experience"]
    assert industry.focusPolicy() == Qt.FocusPolicy.StrongFocus  # a wheel never focuses it
    panel.table.setFocus()
    _settle()
    bar = panel.details_scroll.verticalScrollBar()
    assert bar.maximum() > 0  # the details are taller than their pane: there is room to scroll
    panel.details_scroll.ensureWidgetVisible(industry)
    _settle()
    before = bar.value()
    _wheel(industry, -1)
    _wheel(years, -1)
    assert industry.currentIndex() == 0
    assert years.value() == -1
    assert not panel.editor.is_dirty()
    assert bar.value() != before  # the wheel went on to the scroll area
    _click(qtbot, panel, dahl)
    assert panel.context.services.participants.row(berg).industry == ""

    # Once the user has clicked or tabbed into it, the wheel is theirs to use.
    _click(qtbot, panel, berg)
    industry.setFocus(Qt.FocusReason.TabFocusReason)
    assert industry.hasFocus()
    _wheel(industry, -1)
    assert industry.currentIndex() == 1
    assert panel.editor.is_dirty()


def test_the_wheel_guard_covers_widgets_made_anywhere_in_the_app(open_window, db_path, qtbot):
    from PySide6.QtWidgets import QDateEdit, QSlider, QSpinBox

    open_window(db_path)
    for widget in (QSpinBox(), QDateEdit(), QSlider(Qt.Orientation.Horizontal)):
        qtbot.addWidget(widget)
        widget.show()
        before = widget.value() if not isinstance(widget, QDateEdit) else widget.date()
        _wheel(widget, 1)
        after = widget.value() if not isinstance(widget, QDateEdit) else widget.date()
        assert after == before, type(widget).__name__
        assert widget.focusPolicy() == Qt.FocusPolicy.StrongFocus


def test_keys_move_the_editor_with_the_highlight(open_window, db_path, four_people, qtbot):
    window = open_window(db_path)
    panel = _panel(window)
    andersson, berg = four_people["Andersson"], four_people["Berg"]
    _click(qtbot, panel, andersson)
    _type(qtbot, panel, "last_name", "Cederlund")  # moves below Carlsson when saved
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)  # to Berg; leaving saves Andersson
    _settle()
    assert panel.context.services.participants.row(andersson).last_name == "Cederlund"
    _assert_agree(panel, berg)
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    _settle()
    _assert_agree(panel, four_people["Carlsson"])
    qtbot.keyClick(panel.table, Qt.Key.Key_Down)
    _settle()
    _assert_agree(panel, andersson)


def test_switching_away_from_an_application_removed_meanwhile_explains_it(
    open_window, db_path, four_people, qtbot
) -> None:
    from sqlalchemy import text

    window = open_window(db_path)
    panel = _panel(window)
    berg, dahl = four_people["Berg"], four_people["Dahl"]
    _click(qtbot, panel, berg)
    _type(qtbot, panel, "phone", "070-1")
    with panel.context.services.database.transaction() as session:  # e.g. a restored backup
        session.execute(text("DELETE FROM enrolment WHERE id = :id"), {"id": berg})
    _click(qtbot, panel, dahl)  # an exception here would fail the test (pytest-qt)
    assert "no longer exists" in panel.editor.error_label.text()
    assert panel.editor.error_label.isVisibleTo(panel.editor)
