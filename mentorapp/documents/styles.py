"""The workbook's typography: one accent colour, a serif for headings, sans for the rest.

Every style sets its font (and its bullet font) explicitly, so reportlab never reaches for
Helvetica; tables get the same treatment through ``table_style``.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import TableStyle

from mentorapp.documents.fonts import (
    SANS,
    SANS_BOLD,
    SANS_ITALIC,
    SERIF,
    SERIF_BOLD,
    register_fonts,
)

INK = colors.HexColor("#22292C")
MUTED = colors.HexColor("#5E6A70")
ACCENT = colors.HexColor("#1D5C6B")
ACCENT_DARK = colors.HexColor("#154350")
ACCENT_TINT = colors.HexColor("#E7F0F2")
ACCENT_PALE = colors.HexColor("#BFD6DC")
WARM_TINT = colors.HexColor("#F8F0E0")
WARM = colors.HexColor("#C28A2E")
RULE = colors.HexColor("#AEBABF")
WHITE = colors.white

BODY_SIZE = 10
BODY_LEADING = 14.5
LINE_GAP = 8.5 * mm  # between writing lines: room for handwriting
MARGIN_INNER = 24 * mm
MARGIN_OUTER = 24 * mm
MARGIN_TOP = 24 * mm
MARGIN_BOTTOM = 22 * mm
WORKBOOK_MARGINS = (MARGIN_INNER, MARGIN_OUTER, MARGIN_TOP, MARGIN_BOTTOM)  # left, right, …


def document_options(
    out: Path | BinaryIO,
    pagesize: tuple[float, float] = A4,
    margins: tuple[float, float, float, float] = WORKBOOK_MARGINS,
) -> dict[str, Any]:
    """What every Mentorapp PDF tells reportlab: where it goes, the page and its margins
    (left, right, top, bottom), our embedded sans as the first font and Mentorapp as its
    creator; the caller adds its own title, author, subject and lang. Registers the fonts."""
    register_fonts()
    left, right, top, bottom = margins
    return {
        "filename": str(out) if isinstance(out, Path) else out,
        "pagesize": pagesize,
        "leftMargin": left,
        "rightMargin": right,
        "topMargin": top,
        "bottomMargin": bottom,
        "initialFontName": SANS,
        "creator": "Mentorapp",
    }


@dataclass(frozen=True)
class Styles:
    body: ParagraphStyle
    lead: ParagraphStyle
    small: ParagraphStyle
    prompt: ParagraphStyle
    kicker: ParagraphStyle
    h1: ParagraphStyle
    h2: ParagraphStyle
    h3: ParagraphStyle
    label: ParagraphStyle
    bullet: ParagraphStyle
    cell: ParagraphStyle
    cell_head: ParagraphStyle
    toc_heading: ParagraphStyle
    toc_levels: tuple[ParagraphStyle, ...]
    cover_org: ParagraphStyle
    cover_programme: ParagraphStyle
    cover_title: ParagraphStyle
    cover_subtitle: ParagraphStyle
    cover_label: ParagraphStyle
    cover_mentor: ParagraphStyle
    cover_adept: ParagraphStyle
    cover_text: ParagraphStyle
    cover_dates: ParagraphStyle


@cache
def styles() -> Styles:
    """The stylesheet (built once, after the fonts are registered)."""
    register_fonts()
    base = ParagraphStyle(
        "body",
        fontName=SANS,
        fontSize=BODY_SIZE,
        leading=BODY_LEADING,
        textColor=INK,
        alignment=TA_LEFT,
        spaceAfter=6,
        bulletFontName=SANS,
        allowWidows=0,
        allowOrphans=0,
    )

    def make(name: str, parent: ParagraphStyle = base, **values: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=parent, **values)

    heading = make("heading", fontName=SERIF_BOLD, textColor=ACCENT, keepWithNext=1)
    toc_base = make("toc", spaceAfter=0, leading=19)
    return Styles(
        body=base,
        lead=make("lead", fontSize=11, leading=16.5, spaceAfter=8),
        small=make("small", fontSize=8.5, leading=11.5, textColor=MUTED, spaceAfter=2),
        prompt=make(
            "prompt",
            fontName=SANS_ITALIC,
            fontSize=9,
            leading=12.5,
            textColor=MUTED,
            keepWithNext=1,
        ),
        kicker=make(
            "kicker",
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=ACCENT,
            spaceAfter=3,
            keepWithNext=1,
        ),
        h1=make("h1", heading, fontSize=21, leading=26, spaceAfter=10),
        h2=make(
            "h2",
            heading,
            fontName=SANS_BOLD,
            fontSize=12,
            leading=15,
            textColor=ACCENT_DARK,
            spaceBefore=12,
            spaceAfter=5,
        ),
        h3=make(
            "h3",
            heading,
            fontName=SANS_BOLD,
            fontSize=10.5,
            leading=14,
            textColor=INK,
            spaceBefore=8,
            spaceAfter=3,
        ),
        label=make(
            "label",
            fontName=SANS_BOLD,
            fontSize=8,
            leading=10.5,
            textColor=ACCENT_DARK,
            spaceAfter=0,
        ),
        bullet=make("bullet", spaceAfter=3),
        cell=make("cell", fontSize=9.5, leading=13, spaceAfter=0),
        cell_head=make(
            "cell_head",
            fontName=SANS_BOLD,
            fontSize=9,
            leading=12,
            spaceAfter=0,
            textColor=ACCENT_DARK,
        ),
        toc_heading=make("toc_heading", heading, fontSize=21, leading=26, spaceAfter=14),
        toc_levels=(
            make("toc0", toc_base, fontSize=10.5, leading=20, leftIndent=0),
            make("toc1", toc_base, fontSize=9, leading=15, leftIndent=14, textColor=MUTED),
            make("toc2", toc_base, fontSize=9, leading=15, leftIndent=28, textColor=MUTED),
        ),
        cover_org=make(
            "cover_org", fontName=SANS_BOLD, fontSize=9.5, leading=13, textColor=ACCENT_PALE
        ),
        cover_programme=make(
            "cover_programme", fontName=SERIF_BOLD, fontSize=28, leading=34, textColor=WHITE
        ),
        cover_title=make("cover_title", fontName=SANS, fontSize=15, leading=20, textColor=WHITE),
        cover_subtitle=make(
            "cover_subtitle", fontName=SANS_ITALIC, fontSize=10, leading=14, textColor=ACCENT_PALE
        ),
        cover_label=make(
            "cover_label", fontName=SANS_BOLD, fontSize=8.5, leading=11, textColor=ACCENT
        ),
        cover_mentor=make("cover_mentor", fontName=SERIF_BOLD, fontSize=20, leading=25),
        cover_adept=make("cover_adept", fontName=SERIF, fontSize=17, leading=23),
        cover_text=make("cover_text", fontSize=11, leading=15, spaceAfter=0),
        cover_dates=make("cover_dates", fontSize=10, leading=14, textColor=MUTED, spaceAfter=0),
    )


def table_style(*commands: tuple) -> TableStyle:
    """A table style that names our font first, so no cell falls back to Helvetica."""
    return TableStyle(
        [
            ("FONTNAME", (0, 0), (-1, -1), SANS),
            ("FONTSIZE", (0, 0), (-1, -1), BODY_SIZE),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            *commands,
        ]
    )


__all__ = ["SERIF", "Styles", "styles", "table_style"]
