"""The impact report's table as a CSV file, for a funder's own analysis.

Made for statistics programs rather than for reading: the columns have the same stable names
as ``impact --json`` (``key``, ``count``, ``answered``, ``of``, ``share`` …), shares are
fractions 0–1 with a "." decimal point and four decimals, and an empty cell means "none"
(nobody answered, no change measured, no reference figure). The labels are in the report's
language. The survey response rates come first (``kind`` "response_rate"), then one row per
measure (``kind`` "measure"); a report compared with another round adds that round's rows
and one ``difference`` row per measure (this round's share minus the other's, with
Newcombe's interval). Written through ``csv_files.write_csv``: spreadsheet-safe and
owner-only, never half a file.
"""

from __future__ import annotations

from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.impact.report_model import Comparison, ImpactReport, Measure, SurveyRate

HEADERS = (
    "round",
    "kind",
    "key",
    "label",
    "count",
    "answered",
    "of",
    "share",
    "ci_low",
    "ci_high",
    "floor",
    "change_paired",
    "change_before",
    "change_after",
    "target",
    "reference",
    "reference_source",
)
_BLANK_AFTER_SHARE = [""] * (len(HEADERS) - HEADERS.index("share") - 1)


def write_report_csv(path: Path | str, report: ImpactReport, delimiter: str = ",") -> int:
    """Write ``report`` to ``path``; returns the number of rows written."""
    return write_csv(Path(path), HEADERS, rows(report), delimiter)


def rows(report: ImpactReport) -> list[list[str]]:
    """The response rates and measures of the round (and of the round compared with)."""
    found = _round_rows(report)
    if report.other is not None:
        found += _round_rows(report.other)
        found += [_difference_row(report.cohort, c) for c in report.comparisons]
    return found


def _round_rows(report: ImpactReport) -> list[list[str]]:
    return [
        *(_rate_row(report.cohort, rate) for rate in report.surveys),
        *(_measure_row(report.cohort, measure) for measure in report.measures),
    ]


def _rate_row(cohort: str, rate: SurveyRate) -> list[str]:
    return [
        cohort,
        "response_rate",
        rate.survey,
        rate.label,
        "",
        str(rate.answered),
        str(rate.of),
        _share(rate.rate),
        *_BLANK_AFTER_SHARE,
    ]


def _measure_row(cohort: str, measure: Measure) -> list[str]:
    change = measure.change
    reference = measure.reference
    return [
        cohort,
        "measure",
        measure.key,
        measure.label,
        str(measure.count),
        str(measure.answered),
        str(measure.population),
        _share(measure.share),
        _share(measure.ci95.low if measure.ci95 else None),
        _share(measure.ci95.high if measure.ci95 else None),
        _share(measure.floor),
        str(change.paired) if change else "",
        _share(change.before_share) if change else "",
        _share(change.after_share) if change else "",
        _share(measure.target),
        _share(reference.share) if reference else "",
        reference.source if reference else "",
    ]


def _difference_row(cohort: str, comparison: Comparison) -> list[str]:
    row = [
        cohort,
        "difference",
        comparison.key,
        comparison.label,
        "",
        "",
        "",
        _share(comparison.difference),
        _share(comparison.ci95.low if comparison.ci95 else None),
        _share(comparison.ci95.high if comparison.ci95 else None),
    ]
    return row + [""] * (len(HEADERS) - len(row))


def _share(value: float | None) -> str:
    """A fraction with four decimals and a "." (as in the JSON); "" for none."""
    return "" if value is None else f"{value:.4f}"
