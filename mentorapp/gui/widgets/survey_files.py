"""The surveys panel's files: paper forms to print, the questions and a CSV template for an
online form, the answers as a spreadsheet, and the organisation's own wording.

Each asks where to save, writes through the files or documents layer, and says where the
file went; a file that cannot be written is one sentence, never a traceback.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox, QWidget

from mentorapp.errors import MentorappError, file_problem
from mentorapp.gui.dialogs.files import ask_save_path
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _, current_language, ngettext
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext
    from mentorapp.impact.survey_model import Survey, SurveyContent

BLANK_COPIES = 10  # offered for extra copies at a kick-off


def _language() -> str:
    return current_language() if current_language() in ("sv", "en") else "en"


def _round_name(context: AppContext) -> str:
    return context.cohort.name if context.cohort is not None else ""


def print_forms(
    parent: QWidget,
    context: AppContext,
    cohort_id: int,
    survey: Survey,
    only: list[int] | None,
    blank: bool = False,
) -> Path | None:
    """Save the paper forms as a PDF (each person in their own language, or blank copies in
    the UI language) and offer to print it; the file, or None."""
    from mentorapp.workspace.settings import workbook_content_folder

    services = context.services
    if services is None:
        return None
    copies = 0
    if blank:
        copies, ok = QInputDialog.getInt(
            parent, _("Blank copies"), _("How many blank forms?"), BLANK_COPIES, 1, 500
        )
        if not ok:
            return None
    if only is not None and not only and not blank:
        return None
    name = _("{survey} forms {round}").format(survey=survey.short, round=_round_name(context))
    path = ask_save_path(
        parent, _("Save the survey forms"), safe_file_name(name) + ".pdf",
        _("PDF files (*.pdf)"), suffix="pdf",
    )  # fmt: skip
    if path is None:
        return None
    from mentorapp.db.files import refuse_programme_file
    from mentorapp.documents.survey_form_pdf import write_survey_forms
    from mentorapp.impact.forms import survey_forms

    try:
        refuse_programme_file(path)
        forms = survey_forms(
            services.database,
            cohort_id,
            survey.key,
            language=_language() if blank else None,
            custom_dir=workbook_content_folder(context.settings),
            only=[] if blank else only,
            blank=copies,
        )
        pages = write_survey_forms(path, forms.batches, forms.header)
    except MentorappError as error:
        show_error(parent, error)
        return None
    except OSError as error:
        show_error(parent, file_problem(error))
        return None
    for problem in forms.problems:  # an edited wording that could not be used
        QMessageBox.warning(
            parent,
            _("Your edited survey text was not used"),
            _(
                "{problem}\n\nThe built-in text was printed instead. Correct the file and load "
                "it again under “Adapt the wording…”."
            ).format(problem=problem),
        )
    from mentorapp.gui.pdf_printing import offer_saved_pdf

    text = ngettext(
        "The forms were saved to {path} ({n} page).",
        "The forms were saved to {path} ({n} pages).",
        pages,
    ).format(path=path, n=pages)
    offer_saved_pdf(parent, _("Survey forms"), text, path)
    return path


def save_questions(
    parent: QWidget, context: AppContext, cohort_id: int, survey: Survey, content: SurveyContent
) -> tuple[Path, Path] | None:
    """The questions as plain text, and beside it the CSV template with everyone's row."""
    from mentorapp.dataio.survey_csv import write_template
    from mentorapp.impact.survey_text import questions_as_text

    services = context.services
    if services is None:
        return None
    name = _("{survey} questions {round}").format(survey=survey.short, round=_round_name(context))
    path = ask_save_path(
        parent, _("Save the questions for an online form"), safe_file_name(name) + ".txt",
        _("Text files (*.txt)"), suffix="txt",
    )  # fmt: skip
    if path is None:
        return None
    template = path.with_name(_("{name} template").format(name=path.stem) + ".csv")
    try:
        text = questions_as_text(survey, content.scales)
        _write_text(path, text)
        if survey.key != "partner":
            people = services.surveys.people(cohort_id, survey.key)
            write_template(template, people, survey.key, content)
    except MentorappError as error:
        show_error(parent, error)
        return None
    except OSError as error:
        show_error(parent, file_problem(error))
        return None
    if survey.key == "partner":  # one answer per organisation: typed in, not imported
        QMessageBox.information(
            parent,
            _("Questions for an online form"),
            _(
                "The questions were saved to {text}. Build the form from them, with the "
                "organisation's name as the first question; then type each organisation's "
                "answers in with “Enter answers…”."
            ).format(text=path),
        )
        return path, path
    QMessageBox.information(
        parent,
        _("Questions for an online form"),
        _(
            "The questions were saved to {text}, and a template with one row per participant "
            "to {template}. Build the form from the questions, with the e-mail address or the "
            "code as the first question; then import the form's CSV export here."
        ).format(text=path, template=template),
    )
    return path, template


def _write_text(path: Path, text: str) -> None:
    """Plain text, UTF-8 with a byte order mark so Windows editors read å, ä and ö."""
    from mentorapp.dataio.text_file import write_text_file

    write_text_file(path, text, encoding="utf-8-sig")


def export_answers(
    parent: QWidget, context: AppContext, cohort_id: int, survey: Survey, content: SurveyContent
) -> Path | None:
    from mentorapp.dataio.survey_answers_csv import write_answers_csv

    services = context.services
    if services is None:
        return None
    name = _("{survey} answers {round}").format(survey=survey.short, round=_round_name(context))
    path = ask_save_path(
        parent, _("Export the answers"), safe_file_name(name) + ".csv",
        _("CSV files (*.csv)"), suffix="csv",
    )  # fmt: skip
    if path is None:
        return None
    try:
        rows = services.surveys.table(cohort_id, survey.key)
        write_answers_csv(path, rows, survey.key, content)
    except MentorappError as error:
        show_error(parent, error)
        return None
    except OSError as error:
        show_error(parent, file_problem(error))
        return None
    answered = sum(1 for _person, values in rows if values)
    QMessageBox.information(
        parent,
        _("Export answers"),
        ngettext(
            "{n} person's answers were saved to {path}.",
            "{n} people's answers were saved to {path}.",
            answered,
        ).format(n=answered, path=path),
    )
    return path


def adapt_wording(parent: QWidget, context: AppContext) -> None:
    """The organisation's own wording of the surveys (export, edit, load), as for workbooks."""
    from mentorapp.gui.dialogs.survey_content_dialog import SurveyContentDialog
    from mentorapp.workspace.settings import workbook_content_folder

    SurveyContentDialog.show_for(parent, workbook_content_folder(context.settings))
