"""The decision list: who gets a yes, a place on the waiting list, or a no."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.dialogs.files import ask_save_path
from mentorapp.gui.dialogs.text_print_dialog import TextPrintDialog
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _, ngettext
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.workspace.services import Services


class DecisionListDialog(TextPrintDialog):
    def __init__(self, services: Services, cohort: Cohort, parent: QWidget | None = None) -> None:
        super().__init__(
            _("Decision list: {round}").format(round=cohort.name),
            services.pipeline.decision_text(cohort.id),
            parent,
        )
        self.setObjectName("decisionListDialog")
        self._services, self._cohort = services, cohort
        self.csv_button = QPushButton(_("Save as &CSV…"), objectName="csvDecisionsButton")
        self.buttons.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.csv_button.clicked.connect(self.save_csv)

    def save_csv(self) -> None:
        from mentorapp.dataio.decision_csv import write_decision_csv

        path = ask_save_path(
            self,
            _("Save the decision list"),
            safe_file_name(_("Decisions {round}.csv").format(round=self._cohort.name)),
            _("CSV files (*.csv)"),
        )
        if path is None:
            return
        try:
            count = write_decision_csv(self._services.pipeline, self._cohort.id, path)
        except MentorappError as error:
            show_error(self, error)
            return
        QMessageBox.information(
            self,
            _("Saved"),
            ngettext(
                "Saved {count} decision to {path}.", "Saved {count} decisions to {path}.", count
            ).format(count=count, path=path),
        )

    @classmethod
    def show_for(cls, parent: QWidget | None, services: Services, cohort: Cohort) -> None:
        cls(services, cohort, parent).exec()
