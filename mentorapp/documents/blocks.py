"""Building blocks shared by the workbook's pages: lists, boxes and fill-in lines."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, ListFlowable, ListItem, Paragraph, Spacer, Table

from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.styles import ACCENT, ACCENT_TINT, WARM, WARM_TINT, styles, table_style
from mentorapp.documents.text import esc

FILL_IN = "_" * 28


def bullets(items: tuple[str, ...], style: ParagraphStyle | None = None) -> ListFlowable:
    """A bulleted list with accent-coloured bullets."""
    style = style or styles().bullet
    return ListFlowable(
        [ListItem(Paragraph(esc(item), style), value="•") for item in items],
        bulletType="bullet",
        start="•",
        bulletFontName=SANS,
        bulletFontSize=10,
        bulletColor=ACCENT,
        leftIndent=14,
        bulletOffsetY=0,
    )


def numbered(items: tuple[str, ...], style: ParagraphStyle | None = None) -> ListFlowable:
    """A numbered list (1., 2., …) with bold accent numbers."""
    style = style or styles().bullet
    return ListFlowable(
        [ListItem(Paragraph(esc(item), style)) for item in items],
        bulletType="1",
        bulletFormat="%s.",
        bulletFontName=SANS_BOLD,
        bulletFontSize=9.5,
        bulletColor=ACCENT,
        leftIndent=18,
    )


def fill_in(label: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A "Date: ________" line to write on."""
    return Paragraph(f"{esc(label)}: {FILL_IN}", style or styles().body)


def tinted_box(label: str, text: str, warm: bool = False) -> Table:
    """A box with a coloured bar on the left, e.g. the task before the next meeting."""
    st = styles()
    background, bar = (WARM_TINT, WARM) if warm else (ACCENT_TINT, ACCENT)
    cell: list[Flowable] = [
        Paragraph(esc(label.upper()), st.label),
        Spacer(1, 1.5 * mm),
        Paragraph(esc(text), st.cell),
    ]
    box = Table([[cell]], colWidths=["100%"])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), background),
            ("LINEBEFORE", (0, 0), (0, -1), 3, bar),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 4 * mm),
        )
    )
    return box
