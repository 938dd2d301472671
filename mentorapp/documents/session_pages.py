"""A session's pages (kick-off, meetings 1–4, closing) and the reflection log after a meeting."""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, PageBreak, Paragraph, Spacer, Table

from mentorapp.documents.blocks import FILL_IN, numbered, tinted_box
from mentorapp.documents.flowables import Heading, NotesArea, WritingLines
from mentorapp.documents.styles import ACCENT_TINT, styles, table_style
from mentorapp.documents.text import esc, long_date, split_title

if TYPE_CHECKING:
    from mentorapp.documents.workbook_data import WorkbookData
    from mentorapp.documents.workbook_model import Exercise, Session, WorkbookContent

REFLECTION_LINES = 5


def session_pages(session: Session, data: WorkbookData, content: WorkbookContent) -> list[Flowable]:
    """The session's own pages, then (after a pair meeting) its reflection log page."""
    st = styles()
    labels = content.labels
    kicker, title = split_title(session.title)
    story: list[Flowable] = []
    if kicker:
        story.append(Paragraph(esc(kicker.upper()), st.kicker))
    story += [
        Heading(esc(title), st.h1, toc_text=esc(session.title), level=0),
        facts(session, data, content),
        Spacer(1, 5 * mm),
        Paragraph(esc(labels.purpose.upper()), st.label),
        Spacer(1, 1.5 * mm),
        Paragraph(esc(session.purpose), st.lead),
        Paragraph(esc(labels.questions), st.h2),
        numbered(session.questions),
    ]
    for index, exercise in enumerate(session.exercises):
        # The section heading goes into the first exercise's block so it is never left alone.
        lead = [Paragraph(esc(labels.exercises), st.h2)] if index == 0 else []
        story += exercise_block(exercise, lead)
    story += [
        Spacer(1, 4 * mm),
        KeepTogether([tinted_box(labels.before_next, session.before_next, warm=True)]),
        Spacer(1, 6 * mm),
        NotesArea(labels.notes),
        PageBreak(),
    ]
    if session.kind == "pair":
        story += reflection_page(session, content)
    return story


def facts(session: Session, data: WorkbookData, content: WorkbookContent) -> Table:
    """Theme, time and date side by side on a tinted band; a line to write on if no date."""
    st = styles()
    labels = content.labels
    planned = data.meeting_dates.get(session.number) if session.kind == "pair" else None
    if planned is not None:
        when = (labels.planned_date, esc(long_date(planned, content.language)))
    else:
        when = (labels.date, f"{esc(labels.date)}: {FILL_IN[:16]}")
    cells = [
        (labels.theme, esc(session.theme)),
        (labels.duration, esc(session.duration)),
        when,
    ]
    row = [
        [Paragraph(esc(label.upper()), st.label), Spacer(1, 1.5 * mm), Paragraph(value, st.cell)]
        for label, value in cells
    ]
    table = Table([row], colWidths=["43%", "21%", "36%"])
    table.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
            ("LEFTPADDING", (0, 0), (-1, -1), 4 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5 * mm),
        )
    )
    return table


def exercise_block(exercise: Exercise, lead: list[Flowable]) -> list[Flowable]:
    """An exercise kept on one page with its writing space, so the lines stay with the task."""
    st = styles()
    parts: list[Flowable] = [
        *lead,
        Paragraph(esc(exercise.title), st.h3),
        Paragraph(esc(exercise.instructions), st.body),
    ]
    if exercise.steps:
        parts.append(numbered(exercise.steps, st.bullet))
    if exercise.writing_lines:
        parts += [Spacer(1, 1 * mm), WritingLines(exercise.writing_lines)]
    return [KeepTogether(parts)]


def reflection_page(session: Session, content: WorkbookContent) -> list[Flowable]:
    """One page of prompts with room to write, for everyone after the meeting."""
    st = styles()
    kicker, _title = split_title(session.title)
    name = kicker or session.title
    title = content.labels.reflection_for.replace("{session}", name)
    story: list[Flowable] = [
        Paragraph(esc(content.reflection.title.upper()), st.kicker),
        Heading(esc(title), st.h1, toc_text=esc(content.reflection.title), level=1),
        Paragraph(esc(content.reflection.intro), st.body),
        Spacer(1, 2 * mm),
    ]
    for prompt in content.reflection.prompts:
        story += [Paragraph(esc(prompt), st.h3), WritingLines(REFLECTION_LINES)]
    return [*story, PageBreak()]
