"""A gathering's attendance list to sign at the door, as an A4 PDF in the UI language.

Invited guests are printed by name (sorted as the language sorts them) with their role, a box
to tick and a wide column to sign; a few empty rows at the end take people who come without
an invitation. Typeset with the workbook's fonts and styles (DejaVu, embedded), so names with
Ł, ő or ş print as written. The data comes ready from ``running.gatherings``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.platypus import Flowable

from mentorapp.documents.fonts import SANS, SANS_BOLD, register_fonts
from mentorapp.documents.styles import (
    ACCENT_TINT,
    INK,
    MUTED,
    RULE,
    WARM,
    document_options,
    styles,
    table_style,
)
from mentorapp.documents.text import esc, long_date
from mentorapp.domain import languages
from mentorapp.domain.enums import role_label
from mentorapp.i18n import _, current_language, format_time, ngettext

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas
    from reportlab.platypus import SimpleDocTemplate

BOX = 11  # points: the tick box's side


@dataclass(frozen=True)
class AttendanceEntry:
    name: str
    role: str  # "adept" | "mentor"


@dataclass(frozen=True)
class AttendanceData:
    organisation: str
    programme: str
    round_name: str
    title: str
    starts_at: datetime
    all_day: bool
    minutes: int
    place: str
    cancelled: bool
    entries: tuple[AttendanceEntry, ...]
    blank_rows: int = 6


class TickBox(Flowable):
    """An empty square to tick by hand."""

    def __init__(self, size: float = BOX) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def draw(self) -> None:
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(0.8)
        self.canv.rect(0, 0, self.size, self.size, stroke=1, fill=0)


def attendance_title() -> str:
    return _("Attendance list")


def when_text(data: AttendanceData, language: str) -> str:
    """The date, and the time span unless it is a whole-day gathering."""
    day = long_date(data.starts_at.date(), language)
    if data.all_day:
        return day
    ends = data.starts_at + timedelta(minutes=data.minutes)
    return f"{day}, {format_time(data.starts_at)}–{format_time(ends)}"


def render_attendance(data: AttendanceData, out: Path | BinaryIO) -> int:
    """Write the list to ``out``; returns the number of pages."""
    from reportlab.lib.units import mm
    from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table

    register_fonts()
    sheet = styles()
    language = current_language()
    try:
        pdf_language = languages.get(language).pdf_language
    except KeyError:
        pdf_language = language
    when = when_text(data, language)
    document = SimpleDocTemplate(
        **document_options(out, margins=(18 * mm, 18 * mm, 18 * mm, 18 * mm)),
        title=f"{attendance_title()} – {data.title}",
        author=data.organisation,
        subject=f"{data.programme} – {data.round_name}",
        lang=pdf_language,
    )
    kicker = " · ".join(p for p in (data.organisation, data.programme, data.round_name) if p)
    story: list = [
        Paragraph(esc(kicker), sheet.kicker),
        Paragraph(esc(f"{attendance_title()}: {data.title}"), sheet.h1),
        Paragraph(esc(when), sheet.lead),
    ]
    if data.place:
        story.append(Paragraph(esc(_("Place: {place}").format(place=data.place)), sheet.lead))
    if data.cancelled:
        story.append(Paragraph(_coloured(esc(_("Cancelled")), WARM.hexval()), sheet.h2))
    story += [
        Paragraph(
            esc(
                _("Tick the box when you arrive and sign. Not on the list? Write your name below.")
            ),
            sheet.small,
        ),
        Spacer(1, 3 * mm),
    ]
    head = [_("Name"), _("Role"), _("Here"), _("Signature")]
    rows: list[list] = [[Paragraph(esc(text), sheet.cell_head) for text in head]]
    for entry in data.entries:
        rows.append(
            [
                Paragraph(esc(entry.name), sheet.cell),
                Paragraph(esc(role_label(entry.role)), sheet.cell),
                TickBox(),
                "",
            ]
        )
    for _blank in range(max(0, data.blank_rows)):
        rows.append(["", "", TickBox(), ""])
    widths = [62 * mm, 24 * mm, 14 * mm]
    widths.append(document.width - sum(widths))
    heights = [None] + [9 * mm] * (len(rows) - 1)
    table = Table(rows, colWidths=widths, repeatRows=1, rowHeights=heights)
    table.setStyle(
        table_style(
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_TINT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
            ("LINEBEFORE", (3, 1), (3, -1), 0.5, RULE),
            ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
            ("ALIGN", (2, 0), (2, -1), "CENTER"),
            ("TOPPADDING", (0, 0), (-1, -1), 4),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
        )
    )
    story.append(table)
    count = len(data.entries)
    story += [Spacer(1, 4 * mm), Paragraph(esc(_invited_text(count)), sheet.small)]

    def footer(canvas: Canvas, doc: SimpleDocTemplate) -> None:
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(doc.leftMargin, 10 * mm, f"{data.title} · {when}")
        canvas.drawRightString(doc.leftMargin + doc.width, 10 * mm, str(doc.page))
        canvas.restoreState()

    document.build(story, onFirstPage=footer, onLaterPages=footer)
    return document.page


def _coloured(markup: str, colour: str) -> str:
    return '<font color="' + colour + '">' + markup + "</font>"


def _invited_text(count: int) -> str:
    return ngettext("{n} person invited", "{n} people invited", count).format(n=count)
