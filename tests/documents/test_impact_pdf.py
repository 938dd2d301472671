"""The impact report's PDF, read back: every measure with its n, share, interval and floor as
printed, the response rates, the reading box, the comparison and its sentence."""

from __future__ import annotations

from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp import i18n
from mentorapp.documents.impact_pdf import render_impact, write_impact_pdf
from mentorapp.documents.impact_tables import interval_text, percent, points
from mentorapp.errors import FileProblem
from mentorapp.impact.wording import comparison_sentence, how_to_read
from tests.documents.impact_samples import empty_report, sample_report
from tests.people.test_interviews_pdf import fonts_of


def flat(text: str) -> str:
    """Line breaks, runs of spaces and Babel's no-break spaces as single spaces."""
    return " ".join(text.split())


def text_of(data: bytes) -> str:
    reader = PdfReader(BytesIO(data))
    return " ".join(flat(page.extract_text()) for page in reader.pages)


def rendered(report, **options) -> tuple[str, PdfReader]:
    out = BytesIO()
    render_impact(report, out, made=date(2027, 6, 15), **options)
    return text_of(out.getvalue()), PdfReader(BytesIO(out.getvalue()))


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_measure_is_printed_with_what_it_rests_on(language: str) -> None:
    report = sample_report(language)
    text, reader = rendered(report)
    with i18n.speaking(language):
        for measure in report.measures:
            assert flat(measure.label) in text, measure.key
            assert f"{measure.count} / {measure.answered}" in text, measure.key
            assert flat(percent(measure.share)) in text
            assert flat(interval_text(measure.ci95)) in text, measure.key
        job = report.measure("job_or_internship")
        assert job is not None and job.ci95 is not None
        assert flat(interval_text(job.ci95)) == ("26 %–66 %" if language == "sv" else "26%–66%")
        floor = "26 % (av 35)" if language == "sv" else "26% (of 35)"  # 9 of all 35 adepts
        assert floor in text
        change = "40 % → 76 % (n = 25)" if language == "sv" else "40% → 76% (n = 25)"
        assert change in text  # the same adepts at the start and at the end
        rate = "End: 28 av 35 svarade, 80 %" if language == "sv" else "End: 28 of 35 answered, 80%"
        assert rate in text  # the survey's short name comes with the report
        assert "Effektrapport 2024" in text  # the reference figure's source
        for paragraph in how_to_read():
            assert flat(paragraph) in text
    title = "Effektrapport: Vår 2027" if language == "sv" else "Impact report: Vår 2027"
    assert title in text and "Mentorskap för nyanlända" in text
    assert ("15 juni 2027" if language == "sv" else "15 June 2027") in text
    assert (
        "35 adepter och 20 mentorer" if language == "sv" else "35 adepts and 20 mentors"
    ) in text
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()) and all("DejaVu" in name for name in fonts), fonts
    assert i18n.current_language() == "en"


def test_the_reading_box_can_be_left_out() -> None:
    with_box, _reader = rendered(sample_report("en"))
    without, _reader = rendered(sample_report("en"), reading_box=False)
    assert "How to read this report" in with_box
    assert "How to read this report" not in without
    assert "not proof that the programme caused them" not in without


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_comparison_shows_both_rounds_the_differences_and_the_sentences(language: str) -> None:
    report = sample_report(language, compare=True)
    text, _reader = rendered(report)
    assert report.other is not None
    assert "Höst 2026" in text and "Vår 2027" in text
    with i18n.speaking(language):
        for comparison in report.comparisons:
            sentence = comparison_sentence(comparison, report.cohort, report.other.cohort)
            assert flat(sentence) in text, comparison.key
            if comparison.ci95 is not None:
                low, high = points(comparison.ci95.low), points(comparison.ci95.high)
                word = "till" if language == "sv" else "to"
                assert f"{points(comparison.difference)} " in text
                assert f"{low} {word} {high}" in text, comparison.key
        told_apart = [c for c in report.comparisons if c.tells_apart]
        could_be_chance = [c for c in report.comparisons if not c.tells_apart]
        assert told_apart and could_be_chance  # the sample has both kinds
        other_rate = "Start: 30 av 35 svarade" if language == "sv" else "Start: 30 of 35 answered"
        assert text.count(other_rate) == 2  # this round's and the other round's


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_round_nobody_answered_renders_dashes_not_a_crash(language: str) -> None:
    report = empty_report(language)
    out = BytesIO()
    assert render_impact(report, out) >= 1
    text = text_of(out.getvalue())
    for measure in report.measures:
        assert flat(measure.label) in text
        assert "0 / 0" in text
    assert ("inga svar" if language == "sv" else "no answers") in text  # in the chart
    assert "0 / 0 –" in text  # no share where nobody answered, not 0 %
    assert ("0 av 0 svarade, –" if language == "sv" else "0 of 0 answered, –") in text


def test_the_file_is_written_whole_and_owner_only(tmp_path: Path) -> None:
    path = tmp_path / "impact.pdf"
    assert write_impact_pdf(path, sample_report("sv", compare=True)) == path
    assert len(PdfReader(path).pages) >= 2
    assert (path.stat().st_mode & 0o777) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["impact.pdf"]
    with pytest.raises(FileProblem):
        write_impact_pdf(tmp_path / "no" / "impact.pdf", sample_report("sv"))
    assert not (tmp_path / "no").exists()
