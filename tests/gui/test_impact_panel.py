"""The Evaluation stage's impact report on screen, on the demo: the same numbers as the
service, a comparison, files, a round without answers, and building off the GUI thread."""

from __future__ import annotations

import csv
import threading
from datetime import date

import pytest
from pypdf import PdfReader

from mentorapp.gui.models.impact_model import COMPARE_COLUMNS, SINGLE_COLUMNS
from mentorapp.impact.reading import difference_text, interval_text, percent, reading_points
from mentorapp.programme.programmes import CohortDraft
from tests.demo_helpers import demo_round_names
from tests.gui.impact_helpers import open_finished, open_panel, show_round, wait_built

pytestmark = pytest.mark.gui


@pytest.fixture
def finished(open_window, db_path, qtbot):
    return open_finished(open_window, db_path, qtbot)


def test_the_table_shows_the_counts_and_intervals_of_the_service(finished) -> None:
    window, panel = finished
    cohort = window.context.cohort
    expected = window.context.services.impact.report(cohort.id, "en")
    assert panel.model.columns == SINGLE_COLUMNS
    rows = dict(panel.model.measure_rows())
    assert list(rows) == [m.key for m in expected.measures]
    answered = [m for m in expected.measures if m.answered]
    assert len(answered) > 10  # the demo's finished round has its answers
    for measure in expected.measures:
        row = rows[measure.key]
        assert row["measure"] == measure.label
        assert row["said"] == f"{measure.count} of {measure.answered}"
        assert row["share"] == percent(measure.share)
        assert row["interval"] == interval_text(measure.ci95)
        assert row["floor"] == percent(measure.floor)
        if measure.target is not None:  # the programme plan's goal, as the PDF shows it
            assert f"goal {percent(measure.target)}" in row["reference"]
    job = expected.measure("job_or_internship")
    assert job is not None and job.ci95 is not None and job.target is not None
    assert rows["job_or_internship"]["interval"] == interval_text(job.ci95) != "–"
    # People and response rates, as the report counts them.
    t1 = next(rate for rate in expected.surveys if rate.survey == "t1")
    assert f"{expected.adepts} adepts" in panel.people.text()
    assert f"{t1.answered} of {t1.of} answered ({percent(t1.rate)})" in panel.people.text()
    # The chart draws the same shares.
    bars = {row.key: row for row in panel.chart.rows() if row.kind == "measure"}
    assert bars["job_or_internship"].share == job.share
    assert (bars["job_or_internship"].low, bars["job_or_internship"].high) == (
        job.ci95.low,
        job.ci95.high,
    )
    assert panel.results.isTabEnabled(1) and not panel.empty.isVisible()


def test_items_asked_before_and_after_show_the_change(finished) -> None:
    window, panel = finished
    expected = window.context.services.impact.report(window.context.cohort.id, "en")
    changed = [m for m in expected.measures if m.change is not None and m.change.paired]
    assert changed
    rows = dict(panel.model.measure_rows())
    for measure in changed:
        assert rows[measure.key]["change"] == (
            f"{percent(measure.change.before_share)} → {percent(measure.change.after_share)}"
        )
    # The start and end surveys ask the same questions: their rows sit under the survey's name.
    titles = [row.label for row in panel.chart.rows() if row.kind == "survey"]
    assert {rate.label for rate in expected.surveys if rate.survey in ("t0", "t1")} <= set(titles)


def test_choosing_a_round_to_compare_adds_the_differences(finished, qtbot) -> None:
    window, panel = finished
    finished_name, running_name = demo_round_names()
    services = window.context.services
    running = services.programmes.round_named(running_name)
    index = panel.compare.findData(running.id)
    assert index > 0 and panel.compare.itemText(index) == running_name
    panel.compare.setCurrentIndex(index)
    panel.compare.activated.emit(index)
    qtbot.waitUntil(lambda: panel.model.columns == COMPARE_COLUMNS, timeout=20000)
    wait_built(panel, qtbot)
    expected = services.impact.report(window.context.cohort.id, "en", running.id)
    assert expected.comparisons
    rows = dict(panel.model.measure_rows())
    assert panel.model.horizontalHeaderItem(1).text() == finished_name
    assert panel.model.horizontalHeaderItem(2).text() == running_name
    for comparison in expected.comparisons:
        assert rows[comparison.key]["difference"] == difference_text(comparison)
    told = [c for c in expected.comparisons if c.ci95 is not None]
    assert told, "the running round's start survey compares with the finished round's"
    assert all(rows[c.key]["meaning"] for c in told)
    assert running_name in panel.people.text() and finished_name in panel.people.text()
    # The chart draws the other round's bar beside each measure.
    bars = {row.key: row for row in panel.chart.rows() if row.kind == "measure"}
    first = told[0]
    assert bars[first.key].other_share == first.other.share
    # Back to one round.
    panel.compare.setCurrentIndex(0)
    panel.compare.activated.emit(0)
    qtbot.waitUntil(lambda: panel.model.columns == SINGLE_COLUMNS, timeout=20000)


def test_the_report_is_built_off_the_gui_thread(finished, qtbot, monkeypatch) -> None:
    window, panel = finished
    service = window.context.services.impact
    threads = []
    original = type(service).report

    def recording(self, *args, **kwargs):
        threads.append(threading.current_thread())
        return original(self, *args, **kwargs)

    monkeypatch.setattr(type(service), "report", recording)
    panel.refresh()
    assert panel._job is not None and not panel.busy.isHidden()
    wait_built(panel, qtbot)
    assert threads and threads[0] is not threading.main_thread()
    assert panel.busy.isHidden()


def test_new_answers_refresh_the_report(finished, qtbot) -> None:
    window, panel = finished
    services, cohort = window.context.services, window.context.cohort
    missing = [p for p in services.surveys.people(cohort.id, "t1") if p.answered_on is None]
    assert missing, "the demo leaves some end surveys unanswered"
    before = dict(panel.model.measure_rows())["new_contact"]["said"]
    values = {"new_contact": "yes", "status": "job", "in_field": "yes"}
    services.surveys.save(missing[0].enrolment_id, "t1", values, date.today())
    window.context.events.surveys_changed.emit(cohort.id)
    qtbot.waitUntil(
        lambda: dict(panel.model.measure_rows())["new_contact"]["said"] != before, timeout=20000
    )
    count, answered = before.split(" of ")
    after = dict(panel.model.measure_rows())["new_contact"]["said"]
    assert after == f"{int(count) + 1} of {int(answered) + 1}"


def test_a_round_nobody_answered_shows_a_sentence_not_an_empty_chart(
    open_window, db_path, qtbot
) -> None:
    window = open_window(db_path, demo=True)
    context = window.context
    draft = CohortDraft("Vår 2030", date(2030, 2, 1), date(2030, 6, 1), date(2030, 1, 10))
    context.services.programmes.save_cohort(context.programme.id, draft)
    show_round(window, "Vår 2030")
    panel = open_panel(window, qtbot)
    assert panel.report.adepts == 0
    assert panel.empty.isVisible() and "nobody" in panel.empty.text().lower()
    assert panel.chart.rows() == ()
    assert not panel.results.isTabEnabled(1)
    assert "Nobody has answered" in panel.chart.accessibleDescription()


def test_export_csv_and_pdf_write_the_files(finished, tmp_path) -> None:
    window, panel = finished
    report = panel.report
    table = tmp_path / "impact.csv"
    assert panel.export_csv(table)
    text = table.read_text(encoding="utf-8-sig")
    rows = list(csv.reader(text.splitlines(), delimiter=window.context.settings.csv_delimiter))
    assert len(rows) > len([m for m in report.measures if m.answered])
    assert any("job_or_internship" in row for row in rows)
    pdf = tmp_path / "impact.pdf"
    assert panel.write_pdf(pdf)
    pages = PdfReader(pdf).pages
    words = " ".join(page.extract_text() for page in pages)
    assert report.cohort in words
    job = report.measure("job_or_internship")
    assert job is not None and f"{job.count}" in words


def test_the_reading_box_says_how_to_read_it(finished) -> None:
    _window, panel = finished
    text = panel.reading.toPlainText()
    assert "How to read this report" in text
    for point in reading_points():
        assert point in text
    assert panel.reading.isVisible()
    panel.reading_button.click()
    assert not panel.reading.isVisible()
    panel.reading_button.click()
    assert panel.reading.isVisible()


def test_the_report_follows_the_language(finished, qtbot) -> None:
    window, panel = finished
    window.apply_language("sv")
    wait_built(panel, qtbot)
    qtbot.waitUntil(lambda: panel.report.language == "sv", timeout=20000)
    assert panel.results.tabText(0) == "&Tabell"
    assert panel.model.horizontalHeaderItem(2).text() == "Andel"
    expected = window.context.services.impact.report(window.context.cohort.id, "sv")
    assert [texts["measure"] for _key, texts in panel.model.measure_rows()] == [
        m.label for m in expected.measures
    ]
    assert "adepter" in panel.people.text()
    window.apply_language("en")
