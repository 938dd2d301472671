"""The decision list: who gets a yes, a place on the waiting list, or a no."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.dialogs.files import ask_save_path, report_write_failure
from mentorapp.i18n import _, ngettext
from mentorapp.paths import safe_file_name


class DecisionListDialog(QDialog):
    def __init__(self, services, cohort, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("decisionListDialog")
        self.setWindowTitle(_("Decision list: {round}").format(round=cohort.name))
        self._services, self._cohort = services, cohort
        self.text = QPlainTextEdit(objectName="decisionText")
        self.text.setReadOnly(True)
        self.text.setPlainText(services.pipeline.decision_text(cohort.id))
        self.text.setAccessibleName(_("Decision list"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("&Print…"), objectName="printDecisionsButton")
        self.csv_button = QPushButton(_("Save as &CSV…"), objectName="csvDecisionsButton")
        buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.csv_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_list)
        self.csv_button.clicked.connect(self.save_csv)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(buttons)
        self.resize(620, 620)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(QFont(self.font().family(), 11))
        document.setPlainText(self.text.toPlainText())
        return document

    def print_list(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    def save_csv(self) -> None:
        path = ask_save_path(
            self,
            _("Save the decision list"),
            safe_file_name(_("Decisions {round}.csv").format(round=self._cohort.name)),
            _("CSV files (*.csv)"),
        )
        if path is None:
            return
        try:
            count = self._services.pipeline.decision_csv(self._cohort.id, path)
        except OSError as error:
            report_write_failure(self, path, error)
            return
        QMessageBox.information(
            self,
            _("Saved"),
            ngettext(
                "Saved {count} decision to {path}.", "Saved {count} decisions to {path}.", count
            ).format(count=count, path=path),
        )

    @classmethod
    def show_for(cls, parent: QWidget | None, services, cohort) -> None:
        cls(services, cohort, parent).exec()
