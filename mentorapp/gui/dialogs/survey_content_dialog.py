"""Let an organisation reword its surveys without code: export, edit, load back.

The same dialog as for the workbook text, with the survey file: an edited copy
(``surveys-<lang>.toml``, next to the edited workbook text) must keep every question's key,
kind and options, so the fault is shown when it is loaded, and again here if a kept copy no
longer fits (the built-in surveys are used meanwhile).
"""

from __future__ import annotations

from pathlib import Path

from mentorapp.gui.dialogs.workbook_content_dialog import WorkbookContentDialog
from mentorapp.i18n import _


class SurveyContentDialog(WorkbookContentDialog):
    object_name = "surveyContentDialog"
    file_stem = "surveys"

    def window_title(self) -> str:
        return _("Adapt the surveys' wording")

    def intro_text(self) -> str:
        return _(
            "Export the survey questions, reword them in any text editor and load the file "
            "back. The questions themselves stay: their keys, kinds and answer options cannot "
            "change, because stored answers and the impact report are built on them. If a file "
            "has a mistake, Mentorapp says where, and keeps using the built-in wording."
        )

    def export_caption(self) -> str:
        return _("Export the survey questions")

    def load_caption(self) -> str:
        return _("Load edited survey questions")

    def write_built_in(self, language: str, path: Path) -> None:
        from mentorapp.impact.survey_content import export_content_to

        export_content_to(language, path)

    def read_language(self, path: Path) -> str:
        from mentorapp.impact.survey_content import load_content_file

        return load_content_file(path).language

    def status_text(self, language: str) -> str:
        from mentorapp.impact.survey_content import content_for

        path = self.custom_file(language)
        if not path.is_file():
            return _("The built-in wording is used.")
        error = content_for(language, self.folder).error
        if error is not None:
            return _(
                "Your edited version ({file}) does not fit, so the built-in wording is used: "
                "{fault}"
            ).format(file=path.name, fault=error.user_message())
        return _("Your edited version is used ({file}).").format(file=path.name)
