"""The Resources stage's timeline, driven as a coordinator does: move a milestone in the
table, change an item's days, go back to the default; the picture and the checklists follow."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from PySide6.QtCore import QDate, QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QDateEdit, QMessageBox, QSpinBox

from mentorapp.gui.models.checklist_model import DUE
from mentorapp.gui.models.timeline_model import D_DAYS, M_DATE
from mentorapp.gui.widgets.timeline_panel import TimelinePanel
from mentorapp.gui.widgets.timeline_view import TimelineView
from mentorapp.i18n import format_date
from mentorapp.planning.layout import timeline_layout
from mentorapp.planning.milestones import RoundDates, by_key, derive_milestones

pytestmark = pytest.mark.gui


def _panel(window) -> TimelinePanel:
    window.show_stage("resources")
    page = window.pages["resources"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, TimelinePanel))
    page.tabs.setCurrentWidget(panel)
    return panel


def _checklist_due(window, stage: str, item_key: str) -> str:
    window.show_stage(stage)
    checklist = window.pages[stage].checklist
    row = next(n for n, r in enumerate(checklist.rows()) if r.builtin_key == item_key)
    return checklist._model.index(row, DUE).data()


def _commit(table, qtbot) -> None:
    editing = QAbstractItemView.State.EditingState
    qtbot.waitUntil(lambda: table.state() != editing)


def test_moving_a_milestone_in_the_table_moves_the_picture_and_the_due_dates(
    open_window, db_path, cohort, qtbot
) -> None:
    window = open_window(db_path)
    before_due = _checklist_due(window, "followup", "midpoint_checkin")
    panel = _panel(window)
    row = panel.milestones.row_of("midpoint")
    old_x = next(m.x for m in panel.view.timeline_layout().marks if m.key == "midpoint")
    panel.milestone_table.setCurrentIndex(panel.milestones.index(row, M_DATE))
    panel.milestone_table.setFocus()
    qtbot.keyClick(panel.milestone_table, Qt.Key.Key_F2)
    editor = panel.milestone_table.findChild(QDateEdit, "milestoneDateEdit")
    assert editor is not None and editor.isVisible()
    editor.setDate(QDate(2027, 4, 28))
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _commit(panel.milestone_table, qtbot)

    moved = by_key(window.context.services.timeline.milestones(cohort.id))["midpoint"]
    assert moved.on == date(2027, 4, 28) and moved.moved
    mark = next(m for m in panel.view.timeline_layout().marks if m.key == "midpoint")
    assert mark.moved and mark.x > old_x
    assert panel.reset_button.isEnabled()
    after_due = _checklist_due(window, "followup", "midpoint_checkin")
    assert after_due == "28 Apr 2027" and after_due != before_due

    panel = _panel(window)
    panel.milestone_table.setCurrentIndex(panel.milestones.index(row, M_DATE))
    panel.reset_button.click()
    assert not by_key(window.context.services.timeline.milestones(cohort.id))["midpoint"].moved
    assert _checklist_due(window, "followup", "midpoint_checkin") == before_due


def test_changing_an_items_days_moves_its_due_date_in_the_checklist(
    open_window, db_path, cohort, qtbot
) -> None:
    window = open_window(db_path)
    panel = _panel(window)
    row = panel.due.row_of("resources", "funding")
    before = panel.due.row_at(row).due
    panel.due_table.setCurrentIndex(panel.due.index(row, D_DAYS))
    panel.due_table.setFocus()
    qtbot.keyClick(panel.due_table, Qt.Key.Key_F2)
    editor = panel.due_table.findChild(QSpinBox, "itemDaysEdit")
    assert editor is not None and editor.isVisible()
    editor.setValue(90)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    _commit(panel.due_table, qtbot)

    item = panel.due.row_at(panel.due.row_of("resources", "funding"))
    assert item.offset == 90 and item.due == before + timedelta(days=30)
    # The Resources checklist on the same page shows the new date.
    page = window.pages["resources"]
    checklist = page.checklist
    funding = next(n for n, r in enumerate(checklist.rows()) if r.builtin_key == "funding")
    assert checklist._model.index(funding, DUE).data() == format_date(item.due)
    panel.due_table.setCurrentIndex(panel.due.index(row, D_DAYS))
    assert panel.due_reset_button.isEnabled()
    panel.due_reset_button.click()
    assert panel.due.row_at(row).due == before


def test_a_date_far_away_is_refused_with_a_message_and_nothing_moves(
    open_window, db_path, cohort, monkeypatch
) -> None:
    warnings = []
    monkeypatch.setattr(QMessageBox, "warning", lambda *args: warnings.append(args[2]))
    window = open_window(db_path)
    panel = _panel(window)
    index = panel.milestones.index(panel.milestones.row_of("kickoff"), M_DATE)
    assert panel.milestones.setData(index, QDate(2031, 2, 1))
    assert warnings and "two years" in warnings[0]
    assert not any(m.moved for m in window.context.services.timeline.milestones(cohort.id))


def test_the_view_names_what_the_pointer_is_on(qtbot) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    view.resize(900, view.sizeHint().height())
    milestones = derive_milestones(RoundDates(date(2027, 11, 15), date(2028, 3, 15)), 4)
    view.set_layout(timeline_layout(milestones, date(2027, 12, 1)))
    kickoff = next(m for m in view.timeline_layout().marks if m.key == "kickoff")
    axis_y = int(view._rows()["axis"])
    assert view.tooltip_at(QPoint(int(view._x(kickoff.x)), axis_y)) == "Kick-off: 15 Nov 2027"
    running = next(b for b in view.timeline_layout().bars if b.key == "running")
    inside = QPoint(int(view._x((running.x0 + running.x1) / 2)), int(view._rows()["phases"]) + 4)
    assert view.tooltip_at(inside).startswith("Running period: ")
    assert "Kick-off: 15 Nov 2027" in view.accessibleDescription()


@pytest.mark.parametrize("dark", [False, True])
def test_the_axis_and_the_today_line_use_the_palettes_colours(qtbot, dark: bool) -> None:
    view = TimelineView()
    qtbot.addWidget(view)
    palette = view.palette()
    ink, paper = ("#f0f0f0", "#202020") if dark else ("#101010", "#ffffff")
    palette.setColor(QPalette.ColorRole.WindowText, QColor(ink))
    palette.setColor(QPalette.ColorRole.Window, QColor(paper))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#00a0ff"))
    view.setPalette(palette)
    view.setAutoFillBackground(True)
    view.resize(900, view.sizeHint().height())
    milestones = derive_milestones(RoundDates(date(2027, 11, 15), date(2028, 3, 15)), 4)
    layout = timeline_layout(milestones, date(2027, 12, 3))
    view.set_layout(layout)
    image = view.grab().toImage()
    # The axis, between two marks: the palette's text colour.
    x = int(view._x((layout.marks[0].x + layout.marks[1].x) / 2))
    axis = image.pixelColor(x, int(view._rows()["axis"]))
    assert abs(axis.lightness() - QColor(ink).lightness()) < 60
    today = image.pixelColor(round(view._x(layout.today_x)), 3)
    assert today.blue() > 200 and today.red() < 80
    view.grab().save(f"/tmp/timeline_view_{'dark' if dark else 'light'}.png")


def test_the_panel_on_the_demo_follows_the_language(open_window, qtbot) -> None:
    window = open_window(None, demo=True)
    panel = _panel(window)
    assert panel.title() == "Timeline"
    moved = [m.key for m in panel.milestones._rows if m.moved]
    assert moved == ["midpoint", "closing"]  # the demo's running round
    assert panel.view.timeline_layout().today_x is not None
    window.apply_language("sv")
    panel.retranslate_ui()
    assert panel.title() == "Tidsplan"
    assert panel.milestones.index(panel.milestones.row_of("meeting_2"), 0).data() == "Parträff 2"
    assert panel.reset_button.text() == "&Tillbaka till standard"
    assert any(t.label == "okt." for t in panel.view.timeline_layout().ticks)


def test_a_moved_milestone_can_become_the_timing_of_every_round(
    open_window, db_path, services, programme, cohort, qtbot
) -> None:
    from mentorapp.programme.rules import CohortDraft

    autumn = services.programmes.save_cohort(
        programme.id, CohortDraft("Höst 2027", date(2027, 9, 6), date(2028, 1, 14))
    )
    timeline = services.timeline
    spring_kickoff = by_key(timeline.milestones(cohort.id))["kickoff"].on
    # The spring round holds its closing gathering 14 days after the end instead of 7.
    spring_end = by_key(timeline.milestones(cohort.id))["end"].on
    timeline.move(cohort.id, "closing", spring_end + timedelta(days=14))
    window = open_window(db_path)
    panel = _panel(window)
    panel.milestone_table.setCurrentIndex(
        panel.milestones.index(panel.milestones.row_of("closing"), M_DATE)
    )
    assert panel.keep_button.isEnabled()
    panel.keep_button.click()

    spring = by_key(timeline.milestones(cohort.id))
    autumn_closing = by_key(timeline.milestones(autumn.id))["closing"]
    assert not spring["closing"].moved and spring["closing"].on == spring_end + timedelta(days=14)
    assert autumn_closing.on == date(2028, 1, 14) + timedelta(days=14)  # every round
    assert not panel.keep_button.isEnabled()  # nothing moved any more
    assert timeline.own_defaults(programme.id) == {"closing"}
    assert spring["kickoff"].on == spring_kickoff  # nothing else moved
    panel.use_the_guides_timing("closing")
    assert by_key(timeline.milestones(autumn.id))["closing"].on == date(2028, 1, 21)
    assert timeline.own_defaults(programme.id) == set()
