"""The impact report as a PDF for a board or a funder, in the report's language.

Every share is printed with what it rests on: how many said it, how many answered, the
Wilson 95 % interval, and the floor that counts everyone who did not answer as a "no". Small
rounds make wide intervals, and the report says so in words rather than hiding it. Plain data
in (``impact.report_model.ImpactReport``), a PDF out; typeset with the embedded DejaVu fonts.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
)
from reportlab.platypus.doctemplate import BaseDocTemplate

from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.impact_chart import ChartBar, ChartRow, measure_chart
from mentorapp.documents.impact_tables import (
    comparison_table,
    item_table,
    measure_table,
    percent,
    rates_table,
)
from mentorapp.documents.styles import (
    ACCENT,
    ACCENT_TINT,
    MARGIN_BOTTOM,
    MUTED,
    RULE,
    document_options,
    styles,
    table_style,
)
from mentorapp.documents.text import esc
from mentorapp.domain import languages
from mentorapp.errors import file_problem, move_into_place
from mentorapp.i18n import _, format_date, ngettext, speaking
from mentorapp.impact.report_model import HEADLINES, ImpactReport, Measure
from mentorapp.impact.wording import how_to_read

__all__ = ["render_impact", "write_impact_pdf"]

MARGINS = (20 * mm, 20 * mm, 20 * mm, MARGIN_BOTTOM)


def render_impact(
    report: ImpactReport,
    out: Path | BinaryIO,
    reading_box: bool = True,
    made: date | None = None,
    organisation: str = "",
) -> int:
    """Write ``report`` as a PDF to ``out`` in the report's language; returns the pages."""
    with speaking(_language(report.language)):
        title = _("Impact report: {round}").format(round=report.cohort)
        document = SimpleDocTemplate(
            **document_options(out, margins=MARGINS),
            title=title,
            author=organisation or report.programme,
            subject=report.programme,
            lang=languages.get(_language(report.language)).pdf_language,
        )
        made_text = format_date(made or date.today(), "long")
        footer = _Footer(f"{report.programme} · {report.cohort} · {made_text}")
        story = _story(report, title, made_text, reading_box, document.width)
        document.build(story, onFirstPage=footer, onLaterPages=footer)
    return document.page


def write_impact_pdf(
    path: Path,
    report: ImpactReport,
    reading_box: bool = True,
    made: date | None = None,
    organisation: str = "",
) -> Path:
    """Write the report to ``path`` through an owner-only temporary file beside it, moved
    into place only when complete (a failure never leaves half a PDF); returns ``path``.

    The caller refuses a programme file as ``path`` first (``db.files.refuse_programme_file``:
    this module is in the domain layer and cannot reach it)."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as exc:
        raise file_problem(exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            render_impact(report, out, reading_box, made, organisation)
        move_into_place(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise file_problem(exc) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return path


def _language(code: str) -> str:
    from mentorapp.i18n import LANGUAGES

    return code if code in LANGUAGES else "en"


class _Footer:
    def __init__(self, text: str) -> None:
        self.text = text

    def __call__(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        width, _height = document.pagesize
        left, right = document.leftMargin, width - document.rightMargin
        y = MARGIN_BOTTOM - 11 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, y + 4 * mm, right, y + 4 * mm)
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(left, y, self.text)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(right, y, str(document.page))
        canvas.restoreState()


def _story(
    report: ImpactReport, title: str, made: str, reading_box: bool, width: float
) -> list[Flowable]:
    sheet = styles()
    other = report.other
    story: list[Flowable] = [
        Paragraph(esc(report.programme), sheet.kicker),
        Paragraph(esc(title), sheet.h1),
    ]
    lead = _("Made {date}").format(date=made)
    if other is not None:
        lead += " · " + _("compared with {round}").format(round=other.cohort)
    story.append(Paragraph(esc(lead), sheet.lead))
    story.append(Paragraph(esc(_("Who took part")), sheet.h2))
    story.append(Paragraph(esc(_took_part(report)), sheet.body))
    if other is not None:
        story.append(Paragraph(esc(f"{other.cohort}: {_took_part(other)}"), sheet.small))
    story.append(rates_table(report, width))

    headlines = [m for m in report.measures if m.key in HEADLINES or m.group == "outcomes"]
    story.append(Paragraph(esc(_("Jobs, internships and contacts")), sheet.h2))
    story.append(measure_table(headlines, width))
    story += _reference_notes(headlines)
    if headlines:
        story.append(Spacer(1, 4 * mm))
        story.append(_chart(report, headlines, width))
    if reading_box:
        story.append(Spacer(1, 5 * mm))
        story.append(KeepTogether(_reading_box(width)))

    for group, heading in (
        ("adepts", _("The adepts' answers")),
        ("mentors", _("The mentors' answers")),
    ):
        measures = [m for m in report.measures if m.group == group and m.key not in HEADLINES]
        if not measures:
            continue
        story.append(Paragraph(esc(heading), sheet.h2))
        story.append(Paragraph(esc(_agree_explained(group)), sheet.small))
        story.append(item_table(measures, report, width))
        story += _reference_notes(measures)
    if other is not None and report.comparisons:
        compared = _("{round} compared with {other}")
        story.append(
            Paragraph(esc(compared.format(round=report.cohort, other=other.cohort)), sheet.h2)
        )
        story.append(Paragraph(esc(_difference_explained()), sheet.small))
        story.append(comparison_table(report, width))
    return story


def _took_part(report: ImpactReport) -> str:
    adepts = ngettext("{n} adept", "{n} adepts", report.adepts).format(n=report.adepts)
    mentors = ngettext("{n} mentor", "{n} mentors", report.mentors).format(n=report.mentors)
    return _("{adepts} and {mentors} took part in the round.").format(
        adepts=adepts, mentors=mentors
    )


def _agree_explained(group: str) -> str:
    if group == "mentors":
        return _("Agreement items count those who answered 4 or 5.")
    return _(
        "Agreement items count those who answered 4 or 5; the change compares the same "
        "adepts' answers at the start and at the end."
    )


def _difference_explained() -> str:
    return _(
        "The difference is this round's share minus the other round's, in percentage "
        "points, with its 95 % interval (Newcombe's method)."
    )


def _chart(report: ImpactReport, headlines: list[Measure], width: float) -> Flowable:
    other = report.other
    rows = []
    for measure in headlines:
        bars = [_bar(measure)]
        if other is not None:
            bars.append(_bar(other.measure(measure.key)))
        reference = measure.reference.share if measure.reference else None
        rows.append(ChartRow(measure.label, tuple(bars), reference))
    series = (report.cohort, other.cohort) if other is not None else ()
    has_reference = any(row.reference is not None for row in rows)
    return measure_chart(
        rows,
        width,
        series,
        reference_label=_("reference figure") if has_reference else "",
        no_answers=_("no answers"),
    )


def _bar(measure: Measure | None) -> ChartBar:
    if measure is None or measure.share is None:
        return ChartBar(None)
    interval = measure.ci95
    return ChartBar(
        measure.share, interval.low if interval else None, interval.high if interval else None
    )


def _reference_notes(measures: list[Measure]) -> list[Flowable]:
    """The sources of the reference figures, under the table that shows them."""
    sheet = styles()
    notes = [
        _("Reference for “{measure}”: {share}, {source}").format(
            measure=m.label, share=percent(m.reference.share), source=m.reference.source
        )
        for m in measures
        if m.reference is not None
    ]
    return [Paragraph(esc(note), sheet.small) for note in notes]


def _reading_box(width: float) -> Table:
    sheet = styles()
    cell: list[Flowable] = [Paragraph(esc(_("How to read this report")), sheet.h3)]
    cell += [Paragraph("•&nbsp;&nbsp;" + esc(text), sheet.cell) for text in how_to_read()]
    box = Table([[cell]], colWidths=[width])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        )
    )
    return box
