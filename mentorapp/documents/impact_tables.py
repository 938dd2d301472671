"""The impact report's tables: response rates, measures with their intervals and floors, the
agreement items with their change, and the differences between two rounds.

Numbers go through ``i18n.format_percent`` / ``format_number`` in the report's language (the
caller typesets inside ``i18n.speaking``); a share nobody answered is a dash, never 0 %.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Table

from mentorapp.documents.fonts import SANS_BOLD
from mentorapp.documents.styles import ACCENT_DARK, ACCENT_TINT, RULE, styles, table_style
from mentorapp.documents.text import esc
from mentorapp.i18n import _, format_number, format_percent
from mentorapp.impact.report_model import ImpactReport, Interval, Measure
from mentorapp.impact.wording import comparison_sentence

DASH = "–"


def percent(share: float | None) -> str:
    return DASH if share is None else format_percent(share)


def interval_text(interval: Interval | None) -> str:
    """E.g. "26 %–66 %" (the 95 % interval as printed everywhere in the report)."""
    if interval is None:
        return DASH
    return f"{percent(interval.low)}–{percent(interval.high)}"


def points(difference: float | None) -> str:
    """A difference of two shares in percentage points, signed: "+12", "−5", "0"."""
    if difference is None:
        return DASH
    value = round(difference * 100)
    sign = "+" if value > 0 else ("−" if value < 0 else "")
    return sign + format_number(abs(value))


def rates_table(report: ImpactReport, width: float) -> Table:
    """Each survey's response rate ("T1: 28 of 35 answered, 80 %"), beside the other round's."""
    other = {rate.survey: rate for rate in report.other.surveys} if report.other else {}
    rows: list[list[object]] = []
    if report.other is not None:
        rows.append([_head(report.cohort), _head(report.other.cohort)])
    for rate in report.surveys:
        row: list[object] = [_cell(_rate_text(rate.label, rate.answered, rate.of, rate.rate))]
        if report.other is not None:
            theirs = other.get(rate.survey)
            row.append(
                _cell(_rate_text(theirs.label, theirs.answered, theirs.of, theirs.rate))
                if theirs
                else ""
            )
        rows.append(row)
    if not rows:
        rows.append([_cell(_("No surveys."))])
    columns = len(rows[0])
    table = Table(rows, colWidths=[width / columns] * columns, hAlign="LEFT")
    table.setStyle(table_style(("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE)))
    return table


def _rate_text(label: str, answered: int, of: int, rate: float | None) -> str:
    return _("{survey}: {answered} of {of} answered, {rate}").format(
        survey=label, answered=answered, of=of, rate=percent(rate)
    )


def measure_table(measures: list[Measure], width: float) -> Flowable:
    """Measure, count of answered, share, interval, floor and reference, one row each."""
    if not measures:
        return Paragraph(esc(_("Nothing to show yet.")), styles().body)
    head = [_("Measure"), _("Count / answered"), _("Share"), _("95 % interval"), _("Floor"),
            _("Reference")]  # fmt: skip
    rows: list[list[object]] = [[_head(text) for text in head]]
    for m in measures:
        reference = percent(m.reference.share) if m.reference else ""
        if m.target is not None:
            goal = _("goal {share}").format(share=percent(m.target))
            reference = f"{reference}<br/>{esc(goal)}" if reference else esc(goal)
        rows.append(
            [
                _cell(m.label),
                _number(f"{m.count} / {m.answered}"),
                _number(percent(m.share), bold=True),
                _number(interval_text(m.ci95)),
                _number(_floor(m)),
                Paragraph(reference, styles().cell),
            ]
        )
    fractions = (0.34, 0.12, 0.09, 0.16, 0.14, 0.15)
    return _table(rows, [f * width for f in fractions])


def item_table(measures: list[Measure], report: ImpactReport, width: float) -> Flowable:
    """Agreement (and yes/no, 0–10) items under their survey's name, with the change where
    an item was asked at the start and at the end."""
    names = _survey_names(report)
    with_change = any(m.change is not None for m in measures)
    head = [_("Question"), _("Count / answered"), _("Share"), _("95 % interval"), _("Floor")]
    if with_change:
        head.append(_("Start → end (same people)"))
    rows: list[list[object]] = [[_head(text) for text in head]]
    headings = []
    survey = None
    for m in measures:
        this_survey = m.key.split(".", 1)[0]
        if this_survey != survey:
            survey = this_survey
            headings.append(len(rows))
            rows.append([_head(names.get(survey, survey))] + [""] * (len(head) - 1))
        row = [
            _cell(m.label),
            _number(f"{m.count} / {m.answered}"),
            _number(percent(m.share), bold=True),
            _number(interval_text(m.ci95)),
            _number(_floor(m)),
        ]
        if with_change:
            row.append(Paragraph(_change(m), styles().cell))  # markup: two lines
        rows.append(row)
    fractions = (0.31, 0.12, 0.09, 0.16, 0.15, 0.17) if with_change else (
        0.44, 0.13, 0.10, 0.17, 0.16)  # fmt: skip
    extra: list[tuple] = [("SPAN", (0, r), (-1, r)) for r in headings]
    extra += [("BACKGROUND", (0, r), (-1, r), ACCENT_TINT) for r in headings]
    return _table(rows, [f * width for f in fractions], extra)


def _survey_names(report: ImpactReport) -> dict[str, str]:
    return {rate.survey: rate.label for rate in report.surveys}


def comparison_table(report: ImpactReport, width: float) -> Flowable:
    """Each measure in both rounds, the difference, its interval and the plain sentence."""
    other = report.other
    assert other is not None
    head = [_("Measure"), report.cohort, other.cohort, _("Difference (points)"),
            _("95 % interval")]  # fmt: skip
    rows: list[list[object]] = [[_head(text) for text in head]]
    sheet, names = styles(), _survey_names(report)
    for c in report.comparisons:
        survey, dot, _item = c.key.partition(".")
        label = f"{names.get(survey, survey)}: {c.label}" if dot else c.label
        sentence = comparison_sentence(c, report.cohort, other.cohort)
        low, high = (c.ci95.low, c.ci95.high) if c.ci95 else (None, None)
        span = (
            DASH
            if c.ci95 is None
            else _("{low} to {high}").format(low=points(low), high=points(high))
        )
        rows.append(
            [
                [Paragraph(esc(label), sheet.cell), Paragraph(esc(sentence), sheet.small)],
                _number(percent(c.this.share)),
                _number(percent(c.other.share)),
                _number(points(c.difference), bold=True),
                _number(span),
            ]
        )
    fractions = (0.46, 0.12, 0.12, 0.13, 0.17)
    return _table(rows, [f * width for f in fractions])


def _floor(measure: Measure) -> str:
    if measure.floor is None:
        return DASH
    return _("{share} (of {n})").format(share=percent(measure.floor), n=measure.population)


def _change(measure: Measure) -> str:
    """The change's shares and, under them, how many answered both (paragraph markup)."""
    change = measure.change
    if change is None:
        return ""
    if not change.paired:
        return DASH
    shares = f"{percent(change.before_share)} → {percent(change.after_share)}"
    return f"{esc(shares)}<br/>(n = {change.paired})"


def _head(text: str) -> Paragraph:
    """A column's heading; "95 %" never breaks before its per cent sign."""
    return Paragraph(esc(text.replace(" %", "\u00a0%")), styles().cell_head)


def _cell(text: str) -> Paragraph:
    return Paragraph(esc(text), styles().cell)


def _number(text: str, bold: bool = False) -> Paragraph:
    markup = f"<b>{esc(text)}</b>" if bold else esc(text)
    return Paragraph(markup, styles().cell)


def _table(rows: list[list[object]], widths: list[float], extra: list | None = None) -> Table:
    table = Table(rows, colWidths=widths, repeatRows=1, hAlign="LEFT")
    table.setStyle(
        table_style(
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT_DARK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("LEFTPADDING", (0, 0), (-1, -1), 2.2),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2.2),
            ("TOPPADDING", (0, 0), (-1, -1), 1.6 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6 * mm),
            *(extra or []),
        )
    )
    return table
