"""The budget as a printable PDF: the lines by cost and income, the totals, the adepts placed
and the cost per adept placed, typeset with the workbook's fonts and styles.

A round's budget also lists the programme-wide lines, under their own heading and subtotal,
as the screen shows them (see ``planning.budget_lines`` for how they count). The text is in
the current UI language; amounts are formatted with Babel.
"""

from __future__ import annotations

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

from mentorapp.documents.cover import logo_image
from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.styles import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    MARGIN_BOTTOM,
    MUTED,
    RULE,
    document_options,
    styles,
    table_style,
)
from mentorapp.documents.text import esc as escape
from mentorapp.domain import languages
from mentorapp.i18n import _, current_language, format_date, format_money
from mentorapp.planning.budget_lines import (
    COST,
    INCOME,
    Budget,
    BudgetLineRow,
    Totals,
    category_label,
    format_hours,
)

__all__ = ["render_budget"]


def render_budget(
    view: Budget,
    out: Path | BinaryIO,
    organisation: str = "",
    logo: bytes | None = None,
    today: date | None = None,
) -> int:
    """Write ``view`` as a PDF to ``out``; returns the number of pages."""
    title = _title(view)
    document = SimpleDocTemplate(
        **document_options(out),
        title=f"{title} – {view.programme_name}",
        author=organisation,
        subject=_("Budget"),
        lang=languages.get(current_language()).pdf_language,
    )
    footer = _Footer(view.programme_name, format_date(today or date.today()))
    document.build(
        _story(view, organisation, logo, document.width), onFirstPage=footer, onLaterPages=footer
    )
    return document.page


def _title(view: Budget) -> str:
    if view.scope == "round":
        return _("Budget for {round}").format(round=view.round_name)
    return _("Budget for the whole programme")


class _Footer:
    """The programme's name, the date printed and the page number at the foot of each page."""

    def __init__(self, programme: str, printed: str) -> None:
        self.programme, self.printed = programme, printed

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
        printed = _("printed {date}").format(date=self.printed)
        canvas.drawString(left, y, f"{self.programme} · {printed}")
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(right, y, str(document.page))
        canvas.restoreState()


def _story(view: Budget, organisation: str, logo: bytes | None, width: float) -> list[Flowable]:
    sheet = styles()
    story: list[Flowable] = []
    image = logo_image(logo)
    if image is not None:
        from reportlab.platypus import Image

        image_width, image_height = image.getSize()
        height = 14 * mm
        story.append(Image(image, width=height * image_width / image_height, height=height))
        story.append(Spacer(1, 4 * mm))
    if organisation:
        story.append(Paragraph(escape(organisation), sheet.kicker))
    story.append(Paragraph(escape(_title(view)), sheet.h1))
    story.append(Paragraph(escape(view.programme_name), sheet.lead))
    story.append(Paragraph(escape(_explanation(view)), sheet.small))
    own_heading = _("This round's lines") if view.scope == "round" else _("All lines")
    counted = list(view.lines) if view.scope == "round" else [*view.lines, *view.others]
    story.append(Paragraph(escape(own_heading), sheet.h2))
    story.append(_lines_table(counted, width, show_round=view.scope == "programme"))
    summary = view.summary()
    story.append(Paragraph(escape(_("Totals")), sheet.h2))
    rows = _totals_rows(summary.totals)
    rows.append([_("Adepts placed"), str(summary.placed), ""])
    if summary.placed == 0:
        per_adept = [_("Cost per adept placed"), _("nobody is placed yet"), ""]
    else:
        per_adept = [
            _("Cost per adept placed"),
            _money(summary.cost_per_adept_planned),
            _money(summary.cost_per_adept_actual),
        ]
    rows.append(per_adept)
    story.append(_totals_table(rows, width))
    if summary.programme_lines is not None:
        story.append(Paragraph(escape(_("Programme-wide lines (not counted above)")), sheet.h2))
        story.append(_lines_table(list(view.others), width, show_round=False))
        story.append(Spacer(1, 3 * mm))
        story.append(KeepTogether(_totals_table(_totals_rows(summary.programme_lines), width)))
    return story


def _explanation(view: Budget) -> str:
    if view.scope == "round":
        return _(
            "The totals and the cost per adept placed count this round's own lines. The "
            "programme-wide lines are listed at the end with their own subtotal."
        )
    return _(
        "The totals count every line: the programme-wide ones and those of every round, over "
        "the adepts placed in all rounds."
    )


def _money(ore: int | None) -> str:
    return "–" if ore is None else format_money(ore)


def _cell(text: str, bold: bool = False) -> Paragraph:
    sheet = styles()
    return Paragraph(escape(text), sheet.cell_head if bold else sheet.cell)


def _lines_table(lines: list[BudgetLineRow], width: float, show_round: bool) -> Flowable:
    sheet = styles()
    if not lines:
        return Paragraph(escape(_("No budget lines yet.")), sheet.body)
    head = [_("Category"), _("Description"), _("Planned"), _("Actual")]
    rows: list[list[object]] = [[_cell(text, bold=True) for text in head]]
    headings: list[int] = []
    for kind, label in ((COST, _("Cost lines")), (INCOME, _("Income lines"))):
        of_kind = [line for line in lines if line.kind == kind]
        if not of_kind:
            continue
        headings.append(len(rows))
        rows.append([_cell(label, bold=True), "", "", ""])
        for line in of_kind:
            description = line.description
            if line.planned_hours is not None and line.rate is not None:
                hours = format_hours(line.planned_hours)
                description += f" ({hours} h × {format_money(line.rate)})"
            if show_round:
                where = line.round_name or _("Whole programme")
                description = f"{where}: {description}"
            rows.append(
                [
                    _cell(category_label(line.category)),
                    _cell(description.strip()),
                    format_money(line.planned),
                    _money(line.actual),
                ]
            )
    table = Table(rows, colWidths=[0.22 * width, 0.42 * width, 0.18 * width, 0.18 * width])
    commands: list[tuple] = [
        ("ALIGN", (2, 0), (-1, -1), "RIGHT"),
        ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT_DARK),
        ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
        ("FONTSIZE", (0, 0), (-1, -1), 9.5),
    ]
    for row in headings:
        commands += [
            ("SPAN", (0, row), (-1, row)),
            ("BACKGROUND", (0, row), (-1, row), ACCENT_TINT),
        ]
    table.setStyle(table_style(*commands))
    return table


def _totals_rows(sums: Totals) -> list[list[str]]:
    return [
        ["", _("Planned"), _("Actual")],
        [_("Total costs"), format_money(sums.planned_cost), _money(sums.actual_cost)],
        [_("Total income"), format_money(sums.planned_income), _money(sums.actual_income)],
        [
            _("Balance (income − costs)"),
            format_money(sums.planned_balance),
            _money(sums.actual_balance),
        ],
    ]


def _totals_table(rows: list[list[str]], width: float) -> Table:
    table = Table(rows, colWidths=[0.46 * width, 0.27 * width, 0.27 * width])
    table.setStyle(
        table_style(
            ("ALIGN", (1, 0), (-1, -1), "RIGHT"),
            ("FONTNAME", (0, 0), (-1, 0), SANS_BOLD),
            ("TEXTCOLOR", (0, 0), (-1, 0), ACCENT_DARK),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT_DARK),
            ("LINEBELOW", (0, 1), (-1, -1), 0.3, RULE),
            ("FONTNAME", (0, 3), (-1, 3), SANS_BOLD),
            ("FONTSIZE", (0, 0), (-1, -1), 9.5),
        )
    )
    return table
