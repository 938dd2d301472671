"""A day's interview schedule as a one-page-or-more PDF list, in the UI language.

Typeset with the workbook's fonts and styles (DejaVu, embedded), so names with Ł, ő or ş print
as written. The data comes ready from ``people.interviews``; this module only lays it out.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from mentorapp.documents.fonts import SANS, SANS_BOLD, register_fonts
from mentorapp.documents.styles import (
    ACCENT_TINT,
    MUTED,
    RULE,
    document_options,
    styles,
    table_style,
)
from mentorapp.documents.text import esc, long_date
from mentorapp.domain import languages
from mentorapp.domain.enums import role_label, status_label
from mentorapp.i18n import _, current_language, format_time, ngettext

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate


@dataclass(frozen=True)
class ScheduleEntry:
    starts_at: datetime
    minutes: int
    name: str
    email: str
    role: str
    place: str
    interviewer: str
    state: str  # "booked" | "held"
    decision: str = ""


@dataclass(frozen=True)
class ScheduleData:
    organisation: str
    programme: str
    round_name: str
    day: date
    entries: tuple[ScheduleEntry, ...]


def schedule_title() -> str:
    return _("Interview schedule")


def render_schedule(data: ScheduleData, out: Path | BinaryIO) -> int:
    """Write the schedule to ``out``; returns the number of pages."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    register_fonts()
    sheet = styles()
    language = current_language()
    day_text = long_date(data.day, language)
    title = f"{schedule_title()} – {day_text}"
    try:
        pdf_language = languages.get(language).pdf_language
    except KeyError:
        pdf_language = language
    document = SimpleDocTemplate(
        **document_options(out, margins=(18 * mm, 18 * mm, 20 * mm, 18 * mm)),
        title=title,
        author=data.organisation,
        subject=f"{data.programme} – {data.round_name}",
        lang=pdf_language,
    )
    story: list = [
        Paragraph(
            esc(" · ".join(p for p in (data.organisation, data.programme) if p)), sheet.kicker
        ),
        Paragraph(esc(schedule_title()), sheet.h1),
        Paragraph(esc(f"{day_text} · {data.round_name}"), sheet.lead),
        Spacer(1, 4 * mm),
    ]
    if not data.entries:
        story.append(Paragraph(esc(_("No interviews are booked for this day.")), sheet.body))
    else:
        head = [_("Time"), _("Applicant"), _("Place or link"), _("Interviewer"), _("Notes")]
        rows: list[list] = [[Paragraph(esc(text), sheet.cell_head) for text in head]]
        for entry in data.entries:
            ends = entry.starts_at + timedelta(minutes=entry.minutes)
            when = f"{format_time(entry.starts_at)}–{format_time(ends)}"
            who = (
                f"<b>{esc(entry.name)}</b><br/>"
                f'<font size="8" color="#5E6A70">{esc(role_label(entry.role))} · '
                f"{esc(entry.email)}</font>"
            )
            done = ""
            if entry.state == "held":
                done = _("Held") + (f": {status_label(entry.decision)}" if entry.decision else "")
            rows.append(
                [
                    Paragraph(esc(when), sheet.cell),
                    Paragraph(who, sheet.cell),
                    Paragraph(esc(entry.place), sheet.cell),
                    Paragraph(esc(entry.interviewer), sheet.cell),
                    Paragraph(esc(done), sheet.cell),
                ]
            )
        widths = [27 * mm, 50 * mm, 42 * mm, 30 * mm]
        widths.append(document.width - sum(widths))
        table = Table(rows, colWidths=widths, repeatRows=1)
        table.setStyle(
            table_style(
                ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
                ("BACKGROUND", (0, 0), (-1, 0), ACCENT_TINT),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 5),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 9),
            )
        )
        story.append(table)
        count = len(data.entries)
        story += [Spacer(1, 4 * mm), Paragraph(esc(_count_text(count)), sheet.small)]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(doc.leftMargin, 10 * mm, f"{data.round_name} · {day_text}")
        canvas.drawRightString(doc.leftMargin + doc.width, 10 * mm, str(doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return document.page


def _count_text(count: int) -> str:
    return ngettext("{n} interview", "{n} interviews", count).format(n=count)
