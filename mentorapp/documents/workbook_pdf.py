"""Render pair workbooks to PDF with reportlab's platypus.

One ``WorkbookDocument`` lays out one or several workbooks (``render_combined`` puts a whole
round in one file for printing); page numbers, the contents and the outline count from each
workbook's own cover, and every workbook starts on a right-hand page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.pagesizes import A4, LETTER
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate

from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.styles import (
    ACCENT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MUTED,
    RULE,
    document_options,
)
from mentorapp.documents.workbook_data import WorkbookData
from mentorapp.documents.workbook_model import WorkbookContent
from mentorapp.domain import languages

__all__ = ["PAGE_SIZES", "WorkbookData", "render_combined", "render_workbook"]

PAGE_SIZES = {"A4": A4, "Letter": LETTER}


def _pdf_language(code: str) -> str:
    """The PDF's ``/Lang``: the BCP 47 tag of ``code``'s row in the language table ("sv-SE"),
    or the code itself for a language the table does not have."""
    try:
        return languages.get(code).pdf_language
    except KeyError:
        return code


class WorkbookDocument(BaseDocTemplate):
    """Page templates (cover, body with header and footer, blank) and the bookkeeping that
    turns headings into contents entries and bookmarks, per workbook."""

    def __init__(
        self,
        out: Path | BinaryIO,
        books: list[tuple[WorkbookData, WorkbookContent]],
        **metadata: str,
    ) -> None:
        size = PAGE_SIZES.get(books[0][0].page_size, A4)
        super().__init__(**document_options(out, size), **metadata)
        self.books = books
        self.combined = len(books) > 1
        self.book = 0
        self.book_start = 1
        self.entries = 0
        width, height = size
        cover = Frame(0, 0, width, height, 0, 0, 0, 0, id="cover")
        body = Frame(
            self.leftMargin, self.bottomMargin, self.width, self.height, 0, 0, 0, 0, id="body"
        )
        self.addPageTemplates(
            [
                PageTemplate("cover", [cover]),
                PageTemplate("body", [body], onPage=self.decorate),
                PageTemplate("blank", [body]),
            ]
        )

    def beforeDocument(self) -> None:
        """Each pass of multiBuild starts counting afresh, so the contents' keys stay stable."""
        self.book, self.book_start, self.entries = 0, 1, 0

    def book_page(self) -> int:
        """The page number within the current workbook (its cover is page 1)."""
        return self.page - self.book_start + 1

    def afterFlowable(self, flowable: Flowable) -> None:
        from mentorapp.documents.flowables import TOC_ENTRY, BookStart, Heading

        if isinstance(flowable, BookStart):
            self.book, self.book_start = flowable.book, self.page
            if self.combined:
                key = f"book{flowable.book}"
                self.canv.bookmarkPage(key)
                self.canv.addOutlineEntry(flowable.outline_title, key, 0, closed=True)
        elif isinstance(flowable, Heading) and flowable.toc_text:
            self.entries += 1
            key = f"book{self.book}-{self.entries}"
            self.canv.bookmarkPage(key)
            level = flowable.toc_level + (1 if self.combined else 0)
            self.canv.addOutlineEntry(flowable.getPlainText(), key, level, closed=True)
            entry = (self.book, flowable.toc_level, flowable.toc_text, self.book_page(), key)
            self.notify(TOC_ENTRY, entry)

    def handle_oddPageBreak(self, next_template: str, blank_template: str) -> None:
        """End the page; add a blank one first if the next page would be a left-hand one."""
        if self.page % 2 == 1:
            self.handle_nextPageTemplate(blank_template)
            self.handle_pageBreak()
            self.clean_hanging()
        self.handle_nextPageTemplate(next_template)
        self.handle_pageBreak()

    def decorate(self, canvas: Canvas, _doc: WorkbookDocument) -> None:
        """The running header (programme and round) and the page number on the outer edge."""
        data = self.books[self.book][0]
        width, height = self.pagesize
        left, right = self.leftMargin, width - self.rightMargin
        canvas.saveState()
        canvas.setFont(SANS, 7.5)
        canvas.setFillColor(MUTED)
        header_y = height - MARGIN_TOP + 9 * mm
        canvas.drawString(left, header_y, data.programme_name)
        canvas.drawRightString(right, header_y, data.round_name)
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, header_y - 2.5 * mm, right, header_y - 2.5 * mm)
        number = str(self.book_page())
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.setFillColor(ACCENT)
        footer_y = MARGIN_BOTTOM - 11 * mm
        if self.page % 2:
            canvas.drawRightString(right, footer_y, number)
        else:
            canvas.drawString(left, footer_y, number)
        canvas.restoreState()


def render_workbook(data: WorkbookData, content: WorkbookContent, out: Path | BinaryIO) -> int:
    """Write one group's workbook to ``out``; returns the number of pages."""
    title = f"{content.title} – {', '.join(data.names)}"
    return _render([(data, content)], out, title, content.subtitle)


def render_combined(
    datas: list[WorkbookData],
    content_by_language: Mapping[str, WorkbookContent],
    out: Path | BinaryIO,
) -> int:
    """Write several workbooks into one file, each from an odd page; returns the page count."""
    if not datas:
        raise ValueError("render_combined needs at least one workbook")
    books = [(data, content_by_language[data.language]) for data in datas]
    first = books[0][1]
    title = f"{first.title} – {datas[0].round_name}"
    return _render(books, out, title, first.subtitle)


def _render(
    books: list[tuple[WorkbookData, WorkbookContent]],
    out: Path | BinaryIO,
    title: str,
    subject: str,
) -> int:
    from reportlab.platypus import NextPageTemplate

    from mentorapp.documents.flowables import OddPageBreak
    from mentorapp.documents.workbook_pages import book_story

    language = Counter(data.language for data, _content in books).most_common(1)[0][0]
    document = WorkbookDocument(
        out,
        books,
        title=title,
        author=books[0][0].organisation,
        subject=subject,
        lang=_pdf_language(language),
    )
    story: list[Flowable] = []
    for index, (data, content) in enumerate(books):
        if index:
            story.append(OddPageBreak("cover", "blank"))
        else:
            story.append(NextPageTemplate("cover"))
        story += book_story(data, content, index)
    document.multiBuild(story)
    return document.page
