"""Paper survey forms: one per participant, with their name and short code on every page.

The forms are handed out at a kick-off or a closing meeting and typed in afterwards; the code
lets the coordinator match a form to the right person even when the name is hard to read,
and it is what a form tool's CSV export is matched by when there is no e-mail. Blank forms
(a line for the name and for the code) are for extra copies. A print run may hold forms in
several languages: each batch is typeset in its own language, one form after the other.

Plain data in, PDF out (typeset with the workbook's embedded DejaVu fonts); the data is
gathered by ``impact.forms``.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from pathlib import Path
from typing import BinaryIO

from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table

from mentorapp.documents.styles import ACCENT, ACCENT_TINT, styles, table_style
from mentorapp.documents.survey_form_frame import FormDocument, FormStart, Words
from mentorapp.documents.survey_items import agree_matrix, form_styles, item_block
from mentorapp.documents.text import esc
from mentorapp.domain import languages
from mentorapp.errors import file_problem, move_into_place
from mentorapp.i18n import _, speaking
from mentorapp.impact.survey_model import ItemKind, Survey, SurveyContent


@dataclass(frozen=True)
class FormFor:
    """Who one form is for; an empty name and code make a blank form for extra copies."""

    name: str
    code: str

    @property
    def blank(self) -> bool:
        return not self.name and not self.code


BLANK = FormFor("", "")


@dataclass(frozen=True)
class FormHeader:
    programme: str
    round: str
    coordinator: str = ""
    logo: bytes | None = None
    organisation: str = ""


@dataclass(frozen=True)
class FormBatch:
    """Forms of one survey in one language."""

    survey: Survey
    content: SurveyContent
    forms: tuple[FormFor, ...]


def render_survey_forms(
    forms: Sequence[FormFor],
    survey: Survey,
    content: SurveyContent,
    header: FormHeader,
    out: Path | BinaryIO,
) -> int:
    """Write one form per entry of ``forms`` (in ``content``'s language); returns the pages."""
    return render_form_batches([FormBatch(survey, content, tuple(forms))], header, out)


def render_form_batches(
    batches: Sequence[FormBatch], header: FormHeader, out: Path | BinaryIO
) -> int:
    """Write every batch's forms into one PDF, each batch in its language; returns the pages."""
    batches = [batch for batch in batches if batch.forms]
    document = FormDocument(out, header, _pdf_language(batches))
    story: list[Flowable] = []
    for batch in batches:
        with speaking(batch.content.language):
            words = Words.for_batch(batch, header)
            pages = _pages_of_one_form(_form_story(batch, header, document.width), header)
            for form in batch.forms:  # platypus changes flowables: each form has its own
                if story:
                    story.append(PageBreak())
                story.append(FormStart(form, words, pages))
                story += _form_story(batch, header, document.width)
    if not story:  # nothing to print is still a valid (empty) file, never a crash
        story.append(Spacer(1, 1))
    document.build(story)
    return document.page


def write_survey_forms(path: Path, batches: Sequence[FormBatch], header: FormHeader) -> int:
    """Write the forms to ``path`` through an owner-only temporary file beside it (they hold
    names and codes), so a failure never leaves half a PDF; returns the pages."""
    path = Path(path)
    try:
        handle, temporary = tempfile.mkstemp(
            dir=path.parent, prefix=f".{path.name}.", suffix=".partial"
        )
    except OSError as exc:
        raise file_problem(exc) from exc
    try:
        with os.fdopen(handle, "wb") as out:
            pages = render_form_batches(batches, header, out)
        move_into_place(temporary, path)
    except OSError as exc:
        Path(temporary).unlink(missing_ok=True)
        raise file_problem(exc) from exc
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return pages


# -- the flow of one form -------------------------------------------------------------------


def _form_story(batch: FormBatch, header: FormHeader, width: float) -> list[Flowable]:
    sheet, st = styles(), form_styles()
    survey, content = batch.survey, batch.content
    story: list[Flowable] = [Paragraph(esc(survey.title), sheet.h1)]
    if survey.intro:
        story.append(Paragraph(esc(survey.intro), sheet.lead))
    story.append(Paragraph(esc(_how_to_answer()), st.help))
    story.append(Spacer(1, 2 * mm))
    number = 1
    for kind, group in groupby(survey.items, key=lambda item: item.kind):
        items = list(group)
        if kind == ItemKind.AGREE and len(items) > 1:
            story.append(agree_matrix(number, items, content.scales, width))
        else:
            story += [item_block(number + i, item, content.scales, width)
                      for i, item in enumerate(items)]  # fmt: skip
        number += len(items)
    story.append(Spacer(1, 4 * mm))
    story.append(_thanks(content.thanks, header.coordinator, width))
    return story


def _how_to_answer() -> str:
    return _("Put a cross in one box for each question, or write in the space given.")


def _thanks(thanks: str, coordinator: str, width: float) -> Table:
    sheet, st = styles(), form_styles()
    cell: list[Flowable] = [Paragraph(esc(thanks), st.statement)]
    if coordinator:
        hand_back = _("Please hand the form back to {coordinator}.").format(coordinator=coordinator)
        cell += [Spacer(1, 1 * mm), Paragraph(esc(hand_back), sheet.small)]
    box = Table([[cell]], colWidths=[width])
    box.setStyle(
        table_style(
            ("BACKGROUND", (0, 0), (-1, -1), ACCENT_TINT),
            ("LINEBEFORE", (0, 0), (0, -1), 3, ACCENT),
            ("LEFTPADDING", (0, 0), (-1, -1), 5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 3 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        )
    )
    return box


def _pages_of_one_form(body: list[Flowable], header: FormHeader) -> int:
    """How many pages one form takes (every form of a batch has the same flow)."""
    trial = FormDocument(io.BytesIO(), header, "en")
    trial.build(body)
    return trial.page


def _pdf_language(batches: Iterable[FormBatch]) -> str:
    code = next((batch.content.language for batch in batches), "en")
    try:
        return languages.get(code).pdf_language
    except KeyError:
        return code
