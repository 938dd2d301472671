"""What the impact report's GUI tests need: the panel on the demo's finished round (which has
its survey answers), and reports built by hand for the widgets alone."""

from __future__ import annotations

from mentorapp.gui.widgets.impact_panel import ImpactPanel
from mentorapp.impact.report_model import (
    Change,
    Comparison,
    ImpactReport,
    Measure,
    Reference,
    SurveyRate,
)
from mentorapp.impact.statistics import newcombe_difference, wilson
from tests.demo_helpers import demo_round_names

# -- the panel on the demo ---------------------------------------------------------------------


def show_round(window, name: str) -> None:
    """Make ``name`` the round shown, as the round selector does."""
    context = window.context
    cohort = context.services.programmes.round_named(name)
    context.services.programmes.set_current_cohort(context.programme.id, cohort.id)
    context.events.cohorts_changed.emit(context.programme.id)


def open_panel(window, qtbot) -> ImpactPanel:
    window.show_stage("evaluation")
    page = window.pages["evaluation"]
    panel = next(tool for tool, _title in page._tools if isinstance(tool, ImpactPanel))
    page.tabs.setCurrentWidget(panel)
    wait_built(panel, qtbot)
    return panel


def wait_built(panel: ImpactPanel, qtbot) -> None:
    qtbot.waitUntil(lambda: panel._job is None and panel.report is not None, timeout=20000)


def open_finished(open_window, db_path, qtbot) -> tuple:
    """The window on the demo, the finished round (with its answers) on screen, and its
    impact panel built."""
    window = open_window(db_path, demo=True)
    show_round(window, demo_round_names()[0])
    return window, open_panel(window, qtbot)


# -- reports by hand ---------------------------------------------------------------------------


def measure(
    key: str,
    group: str,
    label: str,
    count: int,
    answered: int,
    population: int,
    change: Change | None = None,
    reference: Reference | None = None,
) -> Measure:
    return Measure(
        key, group, label, count, answered, population, wilson(count, answered), change, reference
    )


def hand_report(
    name: str = "Spring 2026",
    scale: int = 1,
    other: ImpactReport | None = None,
    counts: tuple[int, int, int] = (9, 16, 14),
) -> ImpactReport:
    """A small report with a measure or two per section, a change and a reference; ``counts``
    of 20 answers (times ``scale``) said each of the first three."""
    jobs, contacts, confident = (count * scale for count in counts)
    measures = (
        measure("job_or_internship", "outcomes", "Job or internship", jobs, 20 * scale,
                35 * scale, reference=Reference(0.44, "Published annual report 2024")),
        measure("new_contact", "adepts", "New professional contact", contacts, 20 * scale,
                35 * scale),
        measure("t1.confident_search", "adepts", "Confident in the job search", confident,
                20 * scale, 35 * scale, change=Change(18 * scale, 6 * scale, 13 * scale)),
        measure("mentor_end.inclusion_ideas", "mentors", "Took ideas back to work", 0, 0,
                12 * scale),
    )
    surveys = (SurveyRate("t1", "End survey", 20 * scale, 35 * scale),)
    comparisons: tuple[Comparison, ...] = ()
    if other is not None:
        comparisons = tuple(
            _compare(this, other.measure(this.key)) for this in measures if other.measure(this.key)
        )
    return ImpactReport(1, name, "Mentorskap", "en", 35 * scale, 12 * scale, surveys, measures,
                        other, comparisons)


def _compare(this: Measure, other: Measure | None) -> Comparison:
    assert other is not None
    if this.answered and other.answered:
        ci = newcombe_difference(this.count, this.answered, other.count, other.answered)
        difference = this.count / this.answered - other.count / other.answered
    else:
        ci, difference = None, None
    return Comparison(this.key, this.label, this, other, difference, ci)


def empty_report(name: str = "Autumn 2026") -> ImpactReport:
    """A round nobody has answered for yet."""
    measures = (
        Measure("job_or_internship", "outcomes", "Job or internship", 0, 0, 0, None),
    )
    return ImpactReport(2, name, "Mentorskap", "en", 0, 0, (), measures)
