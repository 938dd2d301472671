"""The page frame of a paper survey form: the programme at the top left, the person's name
and code at the top right, and the page of the form at the foot, on every page.

The frame is drawn when a page ends, after the flow has placed the marker of the form the
page belongs to, so a form of two pages carries its owner's name and code on both: pages
that come apart on a table still find their way back to the right person.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mentorapp.documents.cover import logo_image
from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.styles import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    INK,
    MUTED,
    RULE,
    document_options,
)
from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.documents.survey_form_pdf import FormBatch, FormFor, FormHeader

SIDE = 17 * mm
TOP = 37 * mm  # room for the name and code above the text
BOTTOM = 20 * mm
NAME_WIDTH = 92 * mm
BLANK_LINE = "_" * 16


@dataclass(frozen=True)
class Words:
    """Texts of the page frame in the batch's language (the frame is drawn after the flow)."""

    name: str
    code: str
    page: str  # "Page {page} of {pages}"
    next_page: str
    footer: str

    @classmethod
    def for_batch(cls, batch: FormBatch, header: FormHeader) -> Words:
        footer = " · ".join(p for p in (batch.survey.title, header.round) if p)
        return cls(
            name=_("Name"),
            code=_("Code"),
            page=_("Page {page} of {pages}"),
            next_page=_("The form continues on the next page"),
            footer=footer,
        )


class FormStart(Flowable):
    """Marks where one person's form begins; the page frame reads it to print their name."""

    def __init__(self, form: FormFor, words: Words, pages: int) -> None:
        super().__init__()
        self.form, self.words, self.pages = form, words, pages

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class FormDocument(BaseDocTemplate):
    """One frame per page; the name, code and page number are drawn when a page ends."""

    def __init__(self, out: Path | BinaryIO, header: FormHeader, lang: str) -> None:
        options = document_options(out, margins=(SIDE, SIDE, TOP, BOTTOM))
        super().__init__(
            **options,
            title=header.programme,
            author=header.organisation,
            subject=header.round,
            lang=lang,
        )
        frame = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, id="form",
            leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
        )  # fmt: skip
        self.addPageTemplates([PageTemplate("form", [frame], onPageEnd=self._frame)])
        self.header = header
        self.logo = logo_image(header.logo)
        self.current: FormStart | None = None
        self.first_page = 1

    def afterFlowable(self, flowable: Flowable) -> None:  # reportlab's name for the hook
        if isinstance(flowable, FormStart):
            self.current, self.first_page = flowable, self.page

    def _frame(self, canvas: Canvas, document: BaseDocTemplate) -> None:
        if self.current is None:
            return
        width, height = self.pagesize
        canvas.saveState()
        self._draw_programme(canvas, height)
        self._draw_person(canvas, width, height, self.current)
        self._draw_footer(canvas, width, self.current)
        canvas.restoreState()

    def _draw_programme(self, canvas: Canvas, height: float) -> None:
        x, top = SIDE, height - 14 * mm
        if self.logo is not None:
            image_width, image_height = self.logo.getSize()
            h = 13 * mm
            w = min(40 * mm, h * image_width / image_height)
            h = w * image_height / image_width
            canvas.drawImage(self.logo, x, top - h, w, h, mask="auto")
            x += w + 4 * mm
        lines = [(p, SANS_BOLD, 9.5, ACCENT) for p in (self.header.organisation,) if p]
        lines.append((self.header.programme, SANS_BOLD if not lines else SANS, 9.5, ACCENT_DARK))
        lines.append((self.header.round, SANS, 9.5, MUTED))
        room = self.pagesize[0] - 2 * SIDE - NAME_WIDTH - (x - SIDE) - 6 * mm
        y = top - 3.5 * mm
        for text, font, size, colour in lines:
            if not text:
                continue
            canvas.setFont(font, size)
            canvas.setFillColor(colour)
            canvas.drawString(x, y, _fit(text, font, size, room))
            y -= 4.6 * mm

    def _draw_person(self, canvas: Canvas, width: float, height: float, start: FormStart) -> None:
        right, top = width - SIDE, height - 14 * mm
        form, words = start.form, start.words
        if form.blank:
            canvas.setFont(SANS, 11)
            canvas.setFillColor(INK)
            canvas.drawRightString(right, top - 5 * mm, f"{words.name}: {BLANK_LINE * 2}")
        else:
            size = 14.0
            while size > 9 and stringWidth(form.name, SANS_BOLD, size) > NAME_WIDTH:
                size -= 0.5
            canvas.setFont(SANS_BOLD, size)
            canvas.setFillColor(INK)
            canvas.drawRightString(
                right, top - 5 * mm, _fit(form.name, SANS_BOLD, size, NAME_WIDTH)
            )
        code = form.code or BLANK_LINE
        label = f"{words.code}:"
        box_width = max(48 * mm, stringWidth(f"{label} {code}", SANS_BOLD, 13) + 10 * mm)
        box_top = top - 8.5 * mm
        canvas.setStrokeColor(ACCENT)
        canvas.setFillColor(ACCENT_TINT)
        canvas.setLineWidth(1)
        canvas.roundRect(right - box_width, box_top - 10 * mm, box_width, 10 * mm, 1.5 * mm,
                         stroke=1, fill=1)  # fmt: skip
        canvas.setFillColor(ACCENT_DARK)
        canvas.setFont(SANS, 11)
        baseline = box_top - 6.6 * mm
        canvas.drawString(right - box_width + 4 * mm, baseline, label)
        canvas.setFont(SANS_BOLD, 13)
        canvas.setFillColor(INK)
        canvas.drawRightString(right - 4 * mm, baseline, code)

    def _draw_footer(self, canvas: Canvas, width: float, start: FormStart) -> None:
        words, page = start.words, self.page - self.first_page + 1
        y = BOTTOM - 11 * mm
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE, y + 4 * mm, width - SIDE, y + 4 * mm)
        canvas.setFont(SANS, 8.5)
        canvas.setFillColor(MUTED)
        canvas.drawString(SIDE, y, _fit(words.footer, SANS, 8.5, width / 2))
        pages = max(start.pages, page)
        canvas.setFont(SANS_BOLD, 9)
        canvas.setFillColor(ACCENT)
        text = words.page.format(page=page, pages=pages)
        if page < pages:
            text = f"{words.next_page} →   {text}"
        canvas.drawRightString(width - SIDE, y, text)


def _fit(text: str, font: str, size: float, room: float) -> str:
    """``text``, shortened with an ellipsis if it is wider than ``room``."""
    if stringWidth(text, font, size) <= room:
        return text
    while text and stringWidth(text + "…", font, size) > room:
        text = text[:-1]
    return text.rstrip() + "…"
