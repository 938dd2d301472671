"""How each kind of survey item is drawn on a paper form: boxes to cross, numbered scales,
a short line for a number and ruled lines for free text.

A form is filled in by hand at a kick-off or a closing meeting, often by people who read
Swedish as a second language, so the type is large, the boxes are big enough for a cross
made in a hurry, and every box has its words printed beside or under it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Flowable, Paragraph, Spacer, Table

from mentorapp.documents.flowables import WritingLines
from mentorapp.documents.fonts import SANS, SANS_BOLD, SANS_ITALIC
from mentorapp.documents.styles import ACCENT, INK, MUTED, RULE, styles, table_style
from mentorapp.documents.text import esc
from mentorapp.impact.survey_model import Item, ItemKind, ScaleLabels

BOX = 6 * mm  # a box's side: room for a cross made in a hurry
NUMBER_WIDTH = 10 * mm  # the column of question numbers
TEXT_LINES = 4
TEXT_GAP = 7.5 * mm
STRIPE = colors.HexColor("#F3F7F8")  # every other row of a grid, to follow a row by eye


@dataclass(frozen=True)
class FormStyles:
    question: ParagraphStyle
    statement: ParagraphStyle
    help: ParagraphStyle
    number: ParagraphStyle
    option: ParagraphStyle
    scale: ParagraphStyle
    heading: ParagraphStyle  # the scale's words above a grid's columns
    scale_left: ParagraphStyle
    scale_right: ParagraphStyle
    digit: ParagraphStyle


@cache
def form_styles() -> FormStyles:
    """Larger than the workbook's body: the form is read once, quickly, and filled in by hand."""
    base = styles().body

    def make(name: str, **values: object) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, spaceAfter=0, **values)

    return FormStyles(
        question=make("form_question", fontName=SANS_BOLD, fontSize=12, leading=16),
        statement=make("form_statement", fontSize=11, leading=14.5),
        help=make("form_help", fontName=SANS_ITALIC, fontSize=10, leading=13, textColor=MUTED),
        number=make("form_number", fontName=SANS_BOLD, fontSize=12, leading=16, textColor=ACCENT),
        option=make("form_option", fontSize=10.5, leading=13.5),
        scale=make("form_scale", fontSize=9.5, leading=12, alignment=TA_CENTER),
        heading=make("form_heading", fontSize=8, leading=10, alignment=TA_CENTER),
        scale_left=make("form_scale_left", fontSize=9.5, leading=12),
        scale_right=make("form_scale_right", fontSize=9.5, leading=12, alignment=TA_RIGHT),
        digit=make("form_digit", fontName=SANS_BOLD, fontSize=10, leading=12, alignment=TA_CENTER),
    )


class Box(Flowable):
    """An empty square to put a cross in."""

    def __init__(self, size: float = BOX) -> None:
        super().__init__()
        self.size = size
        self.width = self.height = size

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setStrokeColor(INK)
        self.canv.setLineWidth(1)
        self.canv.roundRect(0, 0, self.size, self.size, 0.8 * mm, stroke=1, fill=0)
        self.canv.restoreState()


def item_block(number: int, item: Item, scales: ScaleLabels, width: float) -> Table:
    """One numbered question with its answer space, kept on one page."""
    st = form_styles()
    inner = width - NUMBER_WIDTH
    cell: list[Flowable] = [Paragraph(esc(item.text), st.question)]
    if item.help:
        cell += [Spacer(1, 0.8 * mm), Paragraph(esc(item.help), st.help)]
    cell += [Spacer(1, 2.5 * mm), answer_space(item, scales, inner)]
    block = Table([[Paragraph(f"{number}.", st.number), cell]], colWidths=[NUMBER_WIDTH, inner])
    block.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
            ("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE),
        )
    )
    return block


def agree_matrix(first: int, items: Sequence[Item], scales: ScaleLabels, width: float) -> Table:
    """Agreement items that follow each other, as one grid: the scale's words once at the
    top, then a row of boxes per statement (quicker to fill in, and half the paper)."""
    st = form_styles()
    column = 16.5 * mm
    gap = 2 * mm
    text_width = width - NUMBER_WIDTH - 6 * column - gap
    head: list[object] = ["", ""]
    for number, word in enumerate(scales.agree, start=1):
        head.append(Paragraph(f"<b>{number}</b><br/>{esc(word)}", st.heading))
    head += ["", Paragraph(esc(scales.dont_know), st.heading)]
    rows: list[list[object]] = [head]
    for number, item in enumerate(items, start=first):
        statement: list[Flowable] = [Paragraph(esc(item.text), st.statement)]
        if item.help:
            statement.append(Paragraph(esc(item.help), st.help))
        row: list[object] = [Paragraph(f"{number}.", st.number), statement]
        row += [Box() for _n in range(5)] + ["", Box()]
        rows.append(row)
    widths = [NUMBER_WIDTH, text_width, *[column] * 5, gap, column]
    table = Table(rows, colWidths=widths, repeatRows=1)
    commands: list[tuple] = [
        ("VALIGN", (0, 0), (-1, 0), "BOTTOM"),
        ("VALIGN", (0, 1), (-1, -1), "MIDDLE"),
        ("VALIGN", (0, 1), (0, -1), "TOP"),
        ("ALIGN", (2, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("LEFTPADDING", (2, 0), (-1, 0), 0.5),
        ("RIGHTPADDING", (2, 0), (-1, 0), 0.5),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8 * mm),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
        ("LINEBELOW", (0, 1), (-1, -1), 0.4, RULE),
        ("LINEBEFORE", (8, 0), (8, -1), 0.5, RULE),
    ]
    for row_number in range(2, len(rows), 2):
        commands.append(("BACKGROUND", (0, row_number), (-1, row_number), STRIPE))
    table.setStyle(table_style(*commands))
    table.hAlign = "LEFT"
    return table


def answer_space(item: Item, scales: ScaleLabels, width: float) -> Flowable:
    """The boxes or lines an item's kind asks for."""
    if item.kind == ItemKind.AGREE:
        return _agree(scales, width)
    if item.kind == ItemKind.YES_NO:
        return _labelled_boxes((scales.yes, scales.no), width, columns=4)
    if item.kind == ItemKind.ZERO_TO_TEN:
        return _zero_to_ten(scales, width)
    if item.kind == ItemKind.CHOICE:
        labels = tuple(option.label for option in item.options)
        return _labelled_boxes(labels, width, columns=_choice_columns(labels, width))
    if item.kind == ItemKind.NUMBER:
        return _number(item, width)
    return WritingLines(TEXT_LINES, gap=TEXT_GAP)


def _agree(scales: ScaleLabels, width: float) -> Table:
    """Five boxes from "disagree" to "agree", a gap, and a box of its own for "don't know"."""
    st = form_styles()
    gap = 6 * mm
    column = (width - gap) / 6
    digits = [Paragraph(str(n), st.digit) for n in range(1, 6)]
    words = [Paragraph(esc(word), st.scale) for word in scales.agree]
    rows = [
        [*digits, "", ""],
        [Box() for _n in range(5)] + ["", Box()],
        [*words, "", Paragraph(esc(scales.dont_know), st.scale)],
    ]
    table = Table(rows, colWidths=[column] * 5 + [gap, column])
    table.setStyle(
        table_style(
            ("ALIGN", (0, 0), (-1, -1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("VALIGN", (0, 2), (-1, 2), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("LINEBEFORE", (6, 0), (6, -1), 0.5, RULE),
        )
    )
    return table


def _zero_to_ten(scales: ScaleLabels, width: float) -> Table:
    """Eleven numbered boxes, with the words for 0 under its end and those for 10 under its."""
    st = form_styles()
    column = width / 11
    rows = [
        [Paragraph(str(n), st.digit) for n in range(11)],
        [Box() for _n in range(11)],
        [
            Paragraph(esc(scales.zero), st.scale_left),
            *([""] * 6),
            Paragraph(esc(scales.ten), st.scale_right),
            *([""] * 3),
        ],
    ]
    table = Table(rows, colWidths=[column] * 11)
    table.setStyle(
        table_style(
            ("ALIGN", (0, 0), (-1, 1), "CENTER"),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("SPAN", (0, 2), (4, 2)),
            ("SPAN", (7, 2), (10, 2)),
            ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
            ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
            ("TOPPADDING", (0, 0), (-1, -1), 1),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
        )
    )
    return table


def _choice_columns(labels: tuple[str, ...], width: float) -> int:
    """All options on one line when they fit, else three, two or one to a line."""
    st = form_styles().option
    widest = max((stringWidth(label, st.fontName, st.fontSize) for label in labels), default=0)
    candidates = ([len(labels)] if len(labels) <= 5 else []) + [3, 2]
    for columns in candidates:
        if widest + BOX + 5 * mm <= width / columns:  # the box, its gap and a margin
            return columns
    return 1


def _labelled_boxes(labels: tuple[str, ...], width: float, columns: int) -> Table:
    """A box with its words beside it, for each label, in ``columns`` columns."""
    st = form_styles()
    pair = width / columns
    rows: list[list[object]] = []
    for start in range(0, len(labels), columns):
        row: list[object] = []
        for label in labels[start : start + columns]:
            row += [Box(), Paragraph(esc(label), st.option)]
        row += ["", ""] * (columns - len(labels[start : start + columns]))
        rows.append(row)
    table = Table(rows, colWidths=[BOX + 3 * mm, pair - BOX - 3 * mm] * columns)
    table.setStyle(
        table_style(
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 2 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
        )
    )
    table.hAlign = "LEFT"
    return table


def _number(item: Item, width: float) -> Table:
    """A short line to write a whole number on, with the range it may take."""
    st = form_styles()
    span = f"{item.low}–{item.high}" if item.high > item.low else ""
    table = Table([["", Paragraph(esc(span), st.help)]], colWidths=[40 * mm, width - 40 * mm])
    table.setStyle(
        table_style(
            ("LINEBELOW", (0, 0), (0, 0), 0.8, INK),
            ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("LEFTPADDING", (1, 0), (1, 0), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ("FONTNAME", (0, 0), (-1, -1), SANS),
        )
    )
    table.hAlign = "LEFT"
    return table
