"""The impact chart draws what the report says: a bar and whisker per measure, the compared
round beside it, reference figures, and a sentence when nobody answered."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QColor, QPalette

from mentorapp.gui.widgets.impact_chart import ImpactChart, chart_rows
from mentorapp.impact.statistics import wilson
from tests.gui.impact_helpers import empty_report, hand_report

pytestmark = pytest.mark.gui


@pytest.fixture
def chart(qtbot) -> ImpactChart:
    widget = ImpactChart()
    qtbot.addWidget(widget)
    widget.resize(900, 400)
    return widget


def test_one_bar_per_measure_with_its_wilson_interval(chart) -> None:
    report = hand_report()
    chart.set_report(report)
    rows = chart.rows()
    assert [row.kind for row in rows if row.kind == "section"] == ["section"] * 3
    assert [row.label for row in rows if row.kind == "section"] == [
        "Outcomes",
        "Adepts",
        "Mentors",
    ]
    bars = {row.key: row for row in rows if row.kind == "measure"}
    assert list(bars) == [m.key for m in report.measures]
    job = bars["job_or_internship"]
    expected = wilson(9, 20)
    assert job.share == 9 / 20 and (job.low, job.high) == (expected.low, expected.high)
    assert round(job.low, 3) == 0.258 and round(job.high, 3) == 0.658
    assert job.reference == 0.44  # the reference figure as a dashed line
    assert bars["new_contact"].reference is None
    # Nobody answered the mentors' item: a row with no bar, not a bar of 0 %.
    assert bars["mentor_end.inclusion_ideas"].share is None
    assert "nobody answered" in bars["mentor_end.inclusion_ideas"].tooltip
    assert not chart.compared
    assert "Job or internship: 45%" in chart.accessibleDescription()


def test_the_compared_round_is_drawn_beside_it(chart) -> None:
    other = hand_report("Spring 2025", counts=(4, 10, 15))
    chart.set_report(hand_report(other=other))
    assert chart.compared
    bars = {row.key: row for row in chart.rows() if row.kind == "measure"}
    assert bars["job_or_internship"].other_share == 4 / 20
    assert bars["job_or_internship"].other_low == wilson(4, 20).low
    assert "Spring 2025: 20% (4 of 20)" in bars["job_or_internship"].tooltip
    alone = ImpactChart()
    alone.resize(900, 400)
    alone.set_report(hand_report())
    assert chart.height() > alone.height()  # two bars a row need more room


def test_nobody_answered_gives_a_sentence_not_an_empty_chart(chart) -> None:
    chart.set_report(empty_report())
    assert chart.rows() == () and chart_rows(None) == ()
    assert "Nobody has answered" in chart.accessibleDescription()
    image = chart.grab().toImage()  # paints the sentence without a crash
    assert not image.isNull()


def test_the_tooltip_names_the_measure_under_the_pointer(chart) -> None:
    chart.set_report(hand_report())
    tops = chart._row_tops()
    rows = chart.rows()
    index = next(i for i, row in enumerate(rows) if row.key == "new_contact")
    text = chart.tooltip_at(QPoint(200, int(tops[index]) + 4))
    assert text.startswith("New professional contact") and "16 of 20" in text
    assert chart.tooltip_at(QPoint(200, 1)) == ""


@pytest.mark.parametrize("window", ["#f5f5f5", "#2b2d30"])
def test_both_colours_stand_out_in_light_and_dark_themes(chart, window: str) -> None:
    palette = QPalette(chart.palette())
    palette.setColor(QPalette.ColorRole.Window, QColor(window))
    palette.setColor(QPalette.ColorRole.Highlight, QColor("#3d7cc9"))
    chart.setPalette(palette)
    background = QColor(window)
    other = chart.other_colour()
    assert abs(other.lightnessF() - background.lightnessF()) > 0.15
    assert other.hslHueF() != pytest.approx(chart.round_colour().hslHueF(), abs=0.1)


def test_the_bars_are_painted_in_the_round_colour(chart) -> None:
    chart.set_report(hand_report())
    image = chart.grab().toImage()
    colour = chart.round_colour().rgb()
    found = any(
        image.pixel(x, y) == colour
        for y in range(0, image.height(), 2)
        for x in range(0, image.width(), 4)
    )
    assert found


def test_a_goal_of_the_plan_is_marked_and_named(chart) -> None:
    report = hand_report()
    goal = replace(report.measures[0], target=0.5)
    chart.set_report(replace(report, measures=(goal, *report.measures[1:])))
    bars = {row.key: row for row in chart.rows() if row.kind == "measure"}
    assert bars["job_or_internship"].target == 0.5 and bars["new_contact"].target is None
    assert "Goal of the programme plan: 50%" in bars["job_or_internship"].tooltip
