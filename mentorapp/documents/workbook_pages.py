"""The workbook's pages other than the meetings: contents, welcome, roles, agreement, goals,
gatherings and help. Each function returns the flowables of one part."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
)

from mentorapp.documents.blocks import bullets, fill_in, tinted_box
from mentorapp.documents.cover import Cover
from mentorapp.documents.flowables import BookContents, BookStart, Heading, WritingLines
from mentorapp.documents.session_pages import session_pages
from mentorapp.documents.styles import ACCENT_TINT, INK, RULE, styles, table_style
from mentorapp.documents.text import esc

if TYPE_CHECKING:
    from mentorapp.documents.workbook_data import WorkbookData
    from mentorapp.documents.workbook_model import WorkbookContent


def book_story(data: WorkbookData, content: WorkbookContent, book: int) -> list[Flowable]:
    """Every flowable of one workbook, from its cover to the help page."""
    story: list[Flowable] = [
        BookStart(book, ", ".join(data.names)),
        Cover(data, content),
        NextPageTemplate("body"),
        PageBreak(),
    ]
    story += contents(content, book)
    story += welcome(content)
    story += roles(content)
    story += agreement(data, content)
    story += goals(content)
    for session in content.sessions[:-1]:
        story += session_pages(session, data, content)
    story += gatherings(content)
    story += session_pages(content.sessions[-1], data, content)
    story += help_page(data, content)
    return story


def heading(text: str, level: int = 0) -> Heading:
    return Heading(esc(text), styles().h1, toc_text=esc(text), level=level)


def paragraphs(texts: tuple[str, ...], lead_first: bool = False) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(esc(text), st.lead if lead_first and index == 0 else st.body)
        for index, text in enumerate(texts)
    ]


def contents(content: WorkbookContent, book: int) -> list[Flowable]:
    st = styles()
    return [
        Paragraph(esc(content.labels.contents), st.toc_heading),
        BookContents(
            book,
            levelStyles=list(st.toc_levels),
            dotsMinLevel=0,
            rightColumnWidth=30,
            tableStyle=table_style(
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
            ),
        ),
        PageBreak(),
    ]


def welcome(content: WorkbookContent) -> list[Flowable]:
    st = styles()
    how = content.how_to_use
    return [
        heading(content.welcome.title),
        *paragraphs(content.welcome.paragraphs, lead_first=True),
        CondPageBreak(70 * mm),
        Spacer(1, 6 * mm),
        Heading(esc(how.title), st.h2, toc_text=esc(how.title), level=0),
        *paragraphs(how.paragraphs),
        bullets(how.bullets),
        PageBreak(),
    ]


def roles(content: WorkbookContent) -> list[Flowable]:
    st = styles()
    story: list[Flowable] = [
        heading(content.roles.title),
        Paragraph(esc(content.roles.intro), st.lead),
    ]
    for part in content.roles.parts:
        story += [Paragraph(esc(part.heading), st.h2), bullets(part.bullets)]
    return [*story, PageBreak()]


def agreement(data: WorkbookData, content: WorkbookContent) -> list[Flowable]:
    st = styles()
    section = content.agreement
    story: list[Flowable] = [heading(section.title), Paragraph(esc(section.intro), st.lead)]
    for clause in section.clauses:
        heading_ = Paragraph(esc(clause.heading), st.h3)
        prompt = Paragraph(esc(clause.prompt), st.prompt)
        story.append(KeepTogether([heading_, prompt, WritingLines(clause.lines)]))
    if section.signatures:
        story.append(KeepTogether([Spacer(1, 8 * mm), *signatures(data, content)]))
    return [*story, PageBreak()]


def signatures(data: WorkbookData, content: WorkbookContent) -> list[Flowable]:
    """One signature line per person in the group, the name printed under it."""
    st = styles()
    labels = content.labels
    people = [(data.mentor, labels.mentor)] + [(name, labels.adept) for name in data.adepts]
    blocks = [
        [
            Paragraph(f"{esc(labels.signature)} · {esc(role)}", st.small),
            Paragraph(f"<b>{esc(name)}</b>", st.cell),
        ]
        for name, role in people
    ]
    rows: list[list[object]] = []
    style_commands: list[tuple] = []
    for start in range(0, len(blocks), 2):
        pair: list[object] = [*blocks[start : start + 2]]
        pair += [""] * (2 - len(pair))
        rows += [["", "", ""], [pair[0], "", pair[1]]]
        line_row = len(rows) - 1
        style_commands.append(("LINEABOVE", (0, line_row), (0, line_row), 0.8, INK))
        if pair[1]:
            style_commands.append(("LINEABOVE", (2, line_row), (2, line_row), 0.8, INK))
    table = Table(
        rows, colWidths=["46%", "8%", "46%"], rowHeights=[14 * mm, None] * (len(rows) // 2)
    )
    table.setStyle(
        table_style(
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 2),
            *style_commands,
        )
    )
    return [fill_in(labels.date), Spacer(1, 2 * mm), table]


def goals(content: WorkbookContent) -> list[Flowable]:
    st = styles()
    section = content.goals
    header = [Paragraph(esc(column), st.cell_head) for column in section.columns]
    rows = [header] + [["", "", ""] for _ in range(section.rows)]
    table = Table(
        rows,
        colWidths=["48%", "32%", "20%"],
        rowHeights=[None] + [30 * mm] * section.rows,
        repeatRows=1,
    )
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, 0), ACCENT_TINT),
            ("LINEBELOW", (0, 0), (-1, -1), 0.6, RULE),
            ("LINEBEFORE", (1, 0), (-1, -1), 0.6, RULE),
            ("TOPPADDING", (0, 0), (-1, 0), 6),
            ("BOTTOMPADDING", (0, 0), (-1, 0), 6),
        )
    )
    return [
        heading(section.title),
        Paragraph(esc(section.intro), st.body),
        Spacer(1, 4 * mm),
        table,
        PageBreak(),
    ]


def gatherings(content: WorkbookContent) -> list[Flowable]:
    st = styles()
    section = content.gatherings
    story: list[Flowable] = [heading(section.title), Paragraph(esc(section.intro), st.lead)]
    for event in section.events:
        story.append(
            KeepTogether(
                [
                    Paragraph(esc(event.title), st.h2),
                    Paragraph(esc(event.description), st.body),
                    fill_in(content.labels.date, st.small),
                    WritingLines(2),
                ]
            )
        )
    return [*story, PageBreak()]


def help_page(data: WorkbookData, content: WorkbookContent) -> list[Flowable]:
    st = styles()
    section = content.help
    story: list[Flowable] = [heading(section.title), Paragraph(esc(section.intro), st.lead)]
    for resource in section.resources:
        story += [
            Paragraph(esc(resource.name), st.h3),
            Paragraph(esc(resource.description), st.body),
        ]
    contact = ", ".join(x for x in (data.coordinator_name, data.coordinator_email) if x)
    if contact:
        text = f"{contact} · {data.programme_name}, {data.organisation}"
        story += [Spacer(1, 6 * mm), KeepTogether([tinted_box(content.labels.coordinator, text)])]
    return story
