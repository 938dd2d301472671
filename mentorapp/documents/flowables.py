"""Small platypus flowables the workbook needs: ruled writing space, headings that feed the
table of contents, one table of contents per workbook, and a break to the next odd page."""

from __future__ import annotations

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import ActionFlowable, Flowable, Paragraph
from reportlab.platypus.tableofcontents import TableOfContents

from mentorapp.documents.fonts import SANS_BOLD
from mentorapp.documents.styles import LINE_GAP, MUTED, RULE

TOC_ENTRY = "WorkbookTOCEntry"


class WritingLines(Flowable):
    """``count`` ruled lines to write on; splits across pages, at least three lines a part."""

    def __init__(self, count: int, gap: float = LINE_GAP, indent: float = 0) -> None:
        super().__init__()
        self.count = count
        self.gap = gap
        self.indent = indent

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        return available_width, self.count * self.gap + 2

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        fits = int((available_height - 2) // self.gap)
        if fits < 3 or self.count - fits < 3:
            return []
        return [
            WritingLines(fits, self.gap, self.indent),
            WritingLines(self.count - fits, self.gap, self.indent),
        ]

    def draw(self) -> None:
        canvas = self.canv
        canvas.saveState()
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for number in range(self.count):
            y = self.count * self.gap - (number + 1) * self.gap + 2
            canvas.line(self.indent, y, self.width, y)
        canvas.restoreState()


class NotesArea(Flowable):
    """A labelled ruled area that fills what is left of the page, or nothing if that is little.

    It closes a meeting's pages with room for notes without ever starting a page of its own.
    """

    def __init__(self, label: str, minimum_lines: int = 4, gap: float = LINE_GAP) -> None:
        super().__init__()
        self.label = label
        self.minimum_lines = minimum_lines
        self.gap = gap
        self.lines = 0

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        self.width = available_width
        lines = int((available_height - 24) // self.gap)
        self.lines = lines if lines >= self.minimum_lines else 0
        self.height = 24 + self.lines * self.gap if self.lines else 0
        return available_width, self.height

    def split(self, available_width: float, available_height: float) -> list[Flowable]:
        return []

    def draw(self) -> None:
        if not self.lines:
            return
        canvas = self.canv
        canvas.saveState()
        canvas.setFont(SANS_BOLD, 8)
        canvas.setFillColor(MUTED)
        canvas.drawString(0, self.height - 12, self.label.upper())
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        for number in range(self.lines):
            y = self.height - 24 - (number + 1) * self.gap
            canvas.line(0, y, self.width, y)
        canvas.restoreState()


class Heading(Paragraph):
    """A heading that is listed in the table of contents and the PDF's outline."""

    def __init__(
        self, text: str, style: ParagraphStyle, toc_text: str | None = None, level: int = 0
    ) -> None:
        super().__init__(text, style)
        self.toc_text = toc_text
        self.toc_level = level


class BookStart(Flowable):
    """Marks where one workbook begins, so page numbers and contents count from its cover."""

    def __init__(self, book: int, outline_title: str) -> None:
        super().__init__()
        self.book = book
        self.outline_title = outline_title

    def wrap(self, available_width: float, available_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        pass


class BookContents(TableOfContents):
    """The table of contents of one workbook among several in the same file."""

    def __init__(self, book: int, **options: object) -> None:
        super().__init__(**options)
        self.book = book

    def notify(self, kind: str, stuff: tuple) -> None:
        if kind == TOC_ENTRY and stuff[0] == self.book:
            self.addEntry(*stuff[1:])


class OddPageBreak(ActionFlowable):
    """Ends the page and, if needed, adds a blank one, so the next workbook starts on an odd
    (right-hand) page when the file is printed on both sides."""

    def __init__(self, next_template: str, blank_template: str) -> None:
        super().__init__(("oddPageBreak", next_template, blank_template))
