"""The programme plan as a two-page A4 PDF that a coordinator hands to a board or a funder.

Typeset like the workbooks (the same DejaVu fonts, colours and styles): page one says why the
programme exists, for whom and in what form, under a band with the organisation's logo; page
two gives the measurable goals, the current round's timeline as a picture, the sponsor and
partners, and whom to contact. Each page's content is kept in its frame and scaled down a
little when long texts would not fit, so a full plan is always exactly two pages. Every fixed
word is in the plan's own language, which need not be the UI's.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepInFrame,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
)

from mentorapp.documents.cover import logo_image
from mentorapp.documents.fonts import SANS, SANS_BOLD, SERIF_BOLD
from mentorapp.documents.plan_data import PlanPrint
from mentorapp.documents.styles import (
    ACCENT,
    ACCENT_DARK,
    ACCENT_TINT,
    MUTED,
    RULE,
    WHITE,
    document_options,
    styles,
    table_style,
)
from mentorapp.documents.text import date_range, esc, locale_for
from mentorapp.domain import languages
from mentorapp.i18n import N_
from mentorapp.planning.goals import (
    MODE_LABELS,
    OUTCOME_BY_KEY,
    Catalog,
    Goal,
    catalog_for,
    format_target,
    goal_sentence,
    measured_with,
)

if TYPE_CHECKING:
    from mentorapp.planning.layout import TimelineLayout

__all__ = ["PAGES", "PlanDocument", "render_plan"]

PAGES = 2
SIDE = 20 * mm
BAND = 46 * mm  # the first page's band, with the programme's name and the logo
TOP = 24 * mm  # the second page's top margin, under the running header
BOTTOM = 18 * mm
LOGO_CARD = (44 * mm, 28 * mm)


class _Words:
    """The plan's language: its catalog for the fixed words, Babel's locale for the rest."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.catalog: Catalog = catalog_for(language)
        self.locale = locale_for(language)

    def __call__(self, message: str) -> str:
        return self.catalog.gettext(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        """The plural form for ``n``, with ``{n}`` filled in."""
        return self.catalog.ngettext(singular, plural, n).format(n=n)

    def short_date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, "d MMM", locale=self.locale)

    def long_date(self, value: date) -> str:
        from babel.dates import format_date

        return format_date(value, "long", locale=self.locale)


class _Styles:
    """The plan's styles: the workbook's, a little tighter so two pages hold a whole plan."""

    def __init__(self) -> None:
        st = styles()

        def make(name: str, parent: ParagraphStyle, **values: object) -> ParagraphStyle:
            return ParagraphStyle(f"plan_{name}", parent=parent, **values)

        self.body = make("body", st.body, fontSize=9.5, leading=13.5, spaceAfter=4)
        self.small = make("small", st.small, fontSize=8, leading=10.5, spaceAfter=0)
        self.muted = make("muted", self.body, textColor=MUTED)
        self.h2 = make("h2", st.h2, fontSize=11.5, leading=14.5, spaceBefore=9, spaceAfter=4)
        self.label = make("label", st.label, spaceAfter=1.5)
        self.cell = make("cell", st.cell, fontSize=9, leading=12)
        self.fact = make("fact", st.cell, fontName=SANS_BOLD, fontSize=9, leading=12)
        self.key_day = make("key_day", self.fact, fontSize=7.5, leading=10, textColor=ACCENT_DARK)
        self.key_text = make("key_text", self.cell, fontSize=7.5, leading=10)
        self.goal = make("goal", st.cell, fontName=SANS_BOLD, fontSize=9.5, leading=12.5)
        self.target = make(
            "target", st.cell, fontName=SERIF_BOLD, fontSize=15, leading=18, textColor=ACCENT
        )
        self.band_org = st.cover_org
        self.band_name = make("band_name", st.cover_programme, fontSize=21, leading=25)
        self.band_title = make("band_title", st.cover_title, fontSize=12.5, leading=16)


class PlanDocument(BaseDocTemplate):
    """Two page templates: the first page under its band, the second under a running header."""

    def __init__(self, out: Path | BinaryIO, data: PlanPrint, words: _Words) -> None:
        title = f"{words(N_('Programme plan'))} – {data.programme_name}"
        super().__init__(
            **document_options(out, margins=(SIDE, SIDE, TOP, BOTTOM)),
            title=title,
            author=data.organisation,
            subject=words(N_("Programme plan")),
            lang=languages.get_or_fallback(data.language).pdf_language,
        )
        self.data, self.words, self.st = data, words, _Styles()
        width, height = A4
        first_top = height - BAND - 7 * mm
        self.first_frame = Frame(
            SIDE, BOTTOM, width - 2 * SIDE, first_top - BOTTOM, 0, 0, 0, 0, id="first"
        )
        self.second_frame = Frame(
            SIDE, BOTTOM, width - 2 * SIDE, height - TOP - BOTTOM, 0, 0, 0, 0, id="second"
        )
        self.addPageTemplates(
            [
                PageTemplate("first", [self.first_frame], onPage=self.first_page),
                PageTemplate("second", [self.second_frame], onPage=self.second_page),
            ]
        )

    def first_page(self, canvas: Canvas, _doc: PlanDocument) -> None:
        """The band: organisation, programme and title on the accent colour, the logo on a
        white card at its right."""
        data, st, words = self.data, self.st, self.words
        width, height = A4
        canvas.saveState()
        canvas.setFillColor(ACCENT)
        canvas.rect(0, height - BAND, width, BAND, stroke=0, fill=1)
        image = logo_image(data.logo)
        text_right = width - SIDE
        if image is not None:
            card_w, card_h = LOGO_CARD
            left, bottom = width - SIDE - card_w, height - BAND + (BAND - card_h) / 2
            canvas.setFillColor(WHITE)
            canvas.roundRect(left, bottom, card_w, card_h, 2 * mm, stroke=0, fill=1)
            image_w, image_h = image.getSize()
            pad = 3 * mm
            scale = min((card_w - 2 * pad) / image_w, (card_h - 2 * pad) / image_h)
            w, h = image_w * scale, image_h * scale
            canvas.drawImage(
                image,
                left + (card_w - w) / 2,
                bottom + (card_h - h) / 2,
                w,
                h,
                mask="auto",
                preserveAspectRatio=True,
            )
            text_right = left - 6 * mm
        canvas.restoreState()
        text_width = text_right - SIDE
        lines = [
            (esc(data.organisation.upper()), st.band_org, 2 * mm),
            (esc(data.programme_name), st.band_name, 1.5 * mm),
            (esc(words(N_("Programme plan"))), st.band_title, 0),
        ]
        blocks = [(Paragraph(text, style), gap) for text, style, gap in lines if text]
        heights = [block.wrap(text_width, BAND)[1] + gap for block, gap in blocks]
        top = height - BAND / 2 + sum(heights) / 2
        for (block, gap), block_height in zip(blocks, heights, strict=True):
            block.drawOn(canvas, SIDE, top - (block_height - gap))
            top -= block_height
        self._footer(canvas, 1)

    def second_page(self, canvas: Canvas, _doc: PlanDocument) -> None:
        """The running header (programme and title) as on the workbook's pages."""
        width, height = A4
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        header_y = height - TOP + 9 * mm
        canvas.drawString(SIDE, header_y, self.data.programme_name)
        canvas.drawRightString(width - SIDE, header_y, self.words(N_("Programme plan")))
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(SIDE, header_y - 2.5 * mm, width - SIDE, header_y - 2.5 * mm)
        canvas.restoreState()
        self._footer(canvas, 2)

    def _footer(self, canvas: Canvas, number: int) -> None:
        words = self.words
        width, _height = A4
        canvas.saveState()
        canvas.setFont(SANS, 7)
        canvas.setFillColor(MUTED)
        y = BOTTOM - 9 * mm
        printed = words(N_("Printed on {date} with Mentorapp")).format(
            date=words.long_date(self.data.printed_on)
        )
        canvas.drawString(SIDE, y, printed)
        canvas.setFont(SANS_BOLD, 8)
        canvas.setFillColor(ACCENT)
        page = words(N_("Page {number} of {pages}")).format(number=number, pages=PAGES)
        canvas.drawRightString(width - SIDE, y, page)
        canvas.restoreState()


def render_plan(data: PlanPrint, out: Path | BinaryIO) -> int:
    """Write the plan to ``out``; returns the number of pages (always two)."""
    words = _Words(data.language)
    document = PlanDocument(out, data, words)
    st, first, second = document.st, document.first_frame, document.second_frame
    first_page = _first_page(data, words, st)
    goals = [Paragraph(esc(words(N_("Measurable goals"))), st.h2), *_goals(data, words, st)]
    # The goals join the first page when they fit there as they are, else lead the second.
    if _height([*first_page, *goals], first.width) <= first.height * 0.97:
        first_page, goals = [*first_page, *goals], []
    story: list[Flowable] = [
        _fitted(first_page, first),
        NextPageTemplate("second"),
        PageBreak(),
        _fitted([*goals, *_second_page(data, words, st)], second),
    ]
    document.build(story)
    return document.page


def _height(flowables: list[Flowable], width: float) -> float:
    """About how tall ``flowables`` are in a frame ``width`` wide (spaces included)."""
    total = 0.0
    for flowable in flowables:
        total += flowable.wrap(width, 10_000)[1]
        total += flowable.getSpaceBefore() + flowable.getSpaceAfter()
    return total


class _Fill(Flowable):
    """A flowable made for the width it is given each time it is wrapped.

    Inside a page that is scaled down to fit, the width offered grows as the scale shrinks;
    tables and the timeline are made anew for it, so they always span the text's width and
    their rows are measured at the width they are drawn at."""

    def __init__(self, make: Callable[[float], Flowable]) -> None:
        super().__init__()
        self.make = make
        self.made: Flowable | None = None

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.made = self.make(available_width)
        self.width, self.height = self.made.wrap(available_width, available_height)
        return self.width, self.height

    def draw(self) -> None:
        assert self.made is not None
        self.made.drawOn(self.canv, 0, 0)


def _table(rows: list[list[Any]], shares: list[float], *commands: tuple) -> _Fill:
    """A table whose columns take these shares of the width, left-aligned, in our fonts."""

    def make(width: float) -> Table:
        table = Table(rows, colWidths=[width * share for share in shares], hAlign="LEFT")
        table.setStyle(table_style(*commands))
        return table

    return _Fill(make)


def _fitted(content: list[Flowable], frame: Frame) -> KeepInFrame:
    """The page's content, scaled down as much as it must to stay on its page."""
    return KeepInFrame(frame.width, frame.height - 1, content, mode="shrink", vAlign="TOP")


def _paragraphs(text: str, style: ParagraphStyle) -> list[Flowable]:
    """The coordinator's text as paragraphs (a blank line starts a new one)."""
    blocks = [" ".join(part.split()) for part in text.replace("\r", "").split("\n\n")]
    return [Paragraph(esc(block), style) for block in blocks if block]


def _or_missing(text: str, style: ParagraphStyle, st: _Styles, words: _Words) -> list[Flowable]:
    found = _paragraphs(text, style)
    return found or [Paragraph(esc(words(N_("Not described yet."))), st.muted)]


def _first_page(data: PlanPrint, words: _Words, st: _Styles) -> list[Flowable]:
    plan = data.plan
    story: list[Flowable] = [
        Paragraph(esc(words(N_("The need and the problem it answers"))), st.h2),
        *_or_missing(plan.need, st.body, st, words),
        Paragraph(esc(words(N_("Target group"))), st.h2),
    ]
    columns = [
        [
            Paragraph(esc(words(title).upper()), st.label),
            *_or_missing(text, st.cell, st, words),
        ]
        for title, text in ((N_("Adepts"), plan.adepts), (N_("Mentors"), plan.mentors))
    ]
    target_group = _table(
        [columns],
        [0.5, 0.5],
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("RIGHTPADDING", (0, 0), (0, -1), 10),
        ("LEFTPADDING", (1, 0), (1, -1), 10),
        ("RIGHTPADDING", (1, 0), (1, -1), 0),
        ("LINEBEFORE", (1, 0), (1, -1), 0.5, RULE),
    )
    story += [target_group, Paragraph(esc(words(N_("Format"))), st.h2), _facts(data, words, st)]
    if plan.gatherings.strip():
        story += [
            Spacer(1, 5),
            Paragraph(esc(words(N_("Joint gatherings planned")).upper()), st.label),
            *_paragraphs(plan.gatherings, st.body),
        ]
    return story


def _facts(data: PlanPrint, words: _Words, st: _Styles) -> Flowable:
    """The format as a grid of facts: two facts a row, each a label and its value."""
    plan = data.plan
    none = "–"
    languages_text = ", ".join(words(languages.get(code).name) for code in plan.languages) or none
    pairs = str(plan.pairs_per_round) if plan.pairs_per_round else none
    gatherings = none
    if plan.gatherings_per_round is not None:
        gatherings = words.ngettext("{n} per round", "{n} per round", plan.gatherings_per_round)
    facts = [
        (N_("Length of a round"), words.ngettext("{n} month", "{n} months", plan.months_per_round)),
        (
            N_("Pair meetings"),
            words.ngettext(
                "{n} meeting per round", "{n} meetings per round", plan.meetings_per_round
            ),
        ),
        (N_("Pairs per round"), pairs),
        (N_("Languages"), languages_text),
        (N_("Meeting form"), words(MODE_LABELS.get(plan.mode, MODE_LABELS[""]))),
        (N_("Joint gatherings"), gatherings),
    ]
    rows = []
    for index in range(0, len(facts), 2):
        row: list[Flowable | str] = []
        for label, value in facts[index : index + 2]:
            row += [Paragraph(esc(words(label)), st.fact), Paragraph(esc(value), st.cell)]
        rows.append(row)
    return _table(
        rows,
        [0.21, 0.29, 0.21, 0.29],
        ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, WHITE),
        ("LEFTPADDING", (0, 0), (-1, -1), 6),
        ("TOPPADDING", (0, 0), (-1, -1), 4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
    )


def _second_page(data: PlanPrint, words: _Words, st: _Styles) -> list[Flowable]:
    story: list[Flowable] = [
        *_timeline(data, words, st),
        Paragraph(esc(words(N_("Sponsor and partners"))), st.h2),
    ]
    plan = data.plan
    for title, text in ((N_("Internal sponsor"), plan.sponsor), (N_("Partners"), plan.partners)):
        story += [
            Paragraph(esc(words(title).upper()), st.label),
            *_or_missing(text, st.body, st, words),
        ]
    if data.partner_names:
        story += [
            Paragraph(esc(words(N_("Partner organisations")).upper()), st.label),
            Paragraph(esc(_names(data.partner_names, words)), st.body),
        ]
    story.append(Paragraph(esc(words(N_("Contact"))), st.h2))
    contact = [part for part in (data.contact_name, data.contact_email) if part.strip()]
    contact.append(data.organisation)
    story.append(Paragraph(" · ".join(esc(part) for part in contact if part.strip()), st.body))
    return story


def _names(names: tuple[str, ...], words: _Words, shown: int = 30) -> str:
    """The partner organisations, the first ``shown`` by name and the rest counted."""
    if len(names) <= shown:
        return ", ".join(names)
    rest = len(names) - shown
    more = words.ngettext("and {n} more", "and {n} more", rest)
    return f"{', '.join(names[:shown])} {more}"


def _goals(data: PlanPrint, words: _Words, st: _Styles) -> list[Flowable]:
    goals = [goal for goal in data.plan.goals if not goal.empty]
    if not goals:
        return [Paragraph(esc(words(N_("No goals have been set yet."))), st.muted)]
    rows = [_goal_row(goal, data.language, words, st) for goal in goals]
    table = _table(
        rows,
        [0.17, 0.83],
        ("LINEBELOW", (0, 0), (-1, -2), 0.5, RULE),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5),
    )
    return [table]


def _goal_row(goal: Goal, language: str, words: _Words, st: _Styles) -> list[Flowable | str]:
    target = format_target(goal.target, goal.unit, language) if goal.target is not None else "–"
    sentence = goal_sentence(goal, language)
    cell: list[Flowable] = [Paragraph(esc(sentence), st.goal)]
    text = " ".join(goal.text.split())
    own_words = goal.measure in OUTCOME_BY_KEY and goal.measure != "other"
    if text and own_words and text != sentence:
        cell.append(Paragraph(esc(text), st.cell))
    how = measured_with(goal, language)
    if how:
        label = words(N_("Measured with:"))
        cell.append(Paragraph(f"<b>{esc(label)}</b> {esc(how)}", st.small))
    return [Paragraph(esc(target), st.target), cell]


def _timeline(data: PlanPrint, words: _Words, st: _Styles) -> list[Flowable]:
    from mentorapp.documents.timeline_drawing import timeline_drawing

    if not data.round_name:
        return [
            Paragraph(esc(words(N_("Timeline"))), st.h2),
            Paragraph(
                esc(words(N_("There is no round yet, so there is no timeline to draw."))),
                st.muted,
            ),
        ]
    heading = words(N_("Timeline of {round}")).format(round=data.round_name)
    story: list[Flowable] = [Paragraph(esc(heading), st.h2)]
    if data.round_start and data.round_end:
        period = date_range(data.round_start, data.round_end, data.language)
        story.append(
            Paragraph(esc(words(N_("The round runs {period}.")).format(period=period)), st.small)
        )
    layout = data.timeline
    if layout is None or layout.empty:
        return story
    today, windows = words(N_("Today")), words(N_("Pair meetings"))
    story += [
        Spacer(1, 4),
        _Fill(lambda width: timeline_drawing(layout, width, today, windows)),
        Spacer(1, 4),
        Paragraph(esc(words(N_("Key dates")).upper()), st.label),
        _key_dates(layout, words, st),
    ]
    return story


def _key_dates(layout: TimelineLayout, words: _Words, st: _Styles) -> Flowable:
    """Every milestone day with its date, in three columns read downwards."""
    entries = [
        (words.short_date(mark.on), mark.label)
        for mark in sorted(layout.marks, key=lambda mark: (mark.on, mark.x))
    ]
    columns = 3
    per_column = -(-len(entries) // columns) or 1
    rows = []
    for row in range(per_column):
        cells: list[Flowable | str] = []
        for column in range(columns):
            index = column * per_column + row
            if index < len(entries):
                day, label = entries[index]
                cells += [Paragraph(esc(day), st.key_day), Paragraph(esc(label), st.key_text)]
            else:
                cells += ["", ""]
        rows.append(cells)
    share = 1 / columns
    return _table(
        rows,
        [share * 0.28, share * 0.72] * columns,
        ("LEFTPADDING", (0, 0), (-1, -1), 0),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
    )
