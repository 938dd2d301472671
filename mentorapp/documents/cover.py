"""The workbook's cover: programme and title on an accent band, then who the book is for.

Drawn as one full-page flowable so the layout can be placed precisely (band, names, footer
with the coordinator and the logo) rather than left to the flow of paragraphs.
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.platypus import Flowable, Paragraph

from mentorapp.documents.styles import ACCENT, ACCENT_PALE, RULE, Styles, styles
from mentorapp.documents.text import date_range, esc

if TYPE_CHECKING:
    from mentorapp.documents.workbook_data import WorkbookData
    from mentorapp.documents.workbook_model import WorkbookContent

SIDE = 24 * mm  # the same as the body pages' margins
LOGO_BOX = (58 * mm, 24 * mm)


def logo_image(logo: bytes | None) -> ImageReader | None:
    """The organisation's logo, or None when there is none or it cannot be read."""
    if not logo:
        return None
    try:
        image = ImageReader(io.BytesIO(logo))
        image.getSize()
    except Exception:  # a damaged logo must not stop the printing
        return None
    return image


class Cover(Flowable):
    """Fills the whole page (the cover template's frame has no margins)."""

    def __init__(self, data: WorkbookData, content: WorkbookContent) -> None:
        super().__init__()
        self.data = data
        self.content = content

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width, self.height = available_width, available_height
        return available_width, available_height - 0.01

    def _place(
        self, text: str, style: ParagraphStyle, top: float, width: float | None = None
    ) -> float:
        """Draw a paragraph whose top is at ``top``; returns its bottom."""
        paragraph = Paragraph(text, style)
        _w, height = paragraph.wrapOn(self.canv, width or self.width - 2 * SIDE, 1000)
        paragraph.drawOn(self.canv, SIDE, top - height)
        return top - height

    def draw(self) -> None:
        st = styles()
        data, content, labels = self.data, self.content, self.content.labels
        canvas, width, height = self.canv, self.width, self.height
        band = height * 0.45
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - band, width, band, stroke=0, fill=1)
        canvas.restoreState()

        self._place(esc(data.organisation.upper()), st.cover_org, height - 22 * mm)
        title_block = [
            (esc(data.programme_name), st.cover_programme, 5 * mm),
            (esc(content.title), st.cover_title, 1.5 * mm),
            (esc(content.subtitle), st.cover_subtitle, 0),
        ]
        inner = width - 2 * SIDE
        heights = [Paragraph(t, s).wrap(inner, 1000)[1] + gap for t, s, gap in title_block]
        top = height - band + 18 * mm + sum(heights)
        for (text, style, gap), _h in zip(title_block, heights, strict=True):
            top = self._place(text, style, top) - gap
            if style is st.cover_programme:
                canvas.saveState()
                canvas.setStrokeColor(ACCENT_PALE)
                canvas.setLineWidth(1.2)
                canvas.line(SIDE, top + 1.5 * mm, SIDE + 24 * mm, top + 1.5 * mm)
                canvas.restoreState()
                top -= 3 * mm

        top = height - band - 16 * mm
        top = self._place(esc(labels.mentor.upper()), st.cover_label, top) - 1.5 * mm
        top = self._place(esc(data.mentor), st.cover_mentor, top) - 8 * mm
        adepts_label = labels.adept if len(data.adepts) == 1 else labels.adepts
        top = self._place(esc(adepts_label.upper()), st.cover_label, top) - 1.5 * mm
        for adept in data.adepts:
            top = self._place(esc(adept), st.cover_adept, top) - 1 * mm
        top -= 7 * mm
        top = self._place(esc(labels.round.upper()), st.cover_label, top) - 1.5 * mm
        top = self._place(esc(data.round_name), st.cover_text, top)
        dates = date_range(data.start, data.end, content.language)
        self._place(esc(dates), st.cover_dates, top - 0.5 * mm)
        self._draw_footer(st)

    def _draw_footer(self, st: Styles) -> None:
        canvas, width = self.canv, self.width
        bottom = 20 * mm
        rule = bottom + LOGO_BOX[1] + 7 * mm
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.6)
        canvas.line(SIDE, rule, width - SIDE, rule)
        canvas.restoreState()
        labels = self.content.labels
        lines = [esc(self.data.coordinator_name)] if self.data.coordinator_name else []
        if self.data.coordinator_email:
            lines.append(esc(self.data.coordinator_email))
        if lines:
            top = self._place(esc(labels.coordinator.upper()), st.cover_label, rule - 5 * mm)
            self._place("<br/>".join(lines), st.cover_text, top - 1 * mm, width / 2)
        image = logo_image(self.data.logo)
        if image is not None:
            image_width, image_height = image.getSize()
            scale = min(LOGO_BOX[0] / image_width, LOGO_BOX[1] / image_height)
            w, h = image_width * scale, image_height * scale
            canvas.drawImage(
                image, width - SIDE - w, bottom, w, h, mask="auto", preserveAspectRatio=True
            )
