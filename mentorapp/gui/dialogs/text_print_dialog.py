"""A plain-text list to read on screen and print: decision lists, accepted groups."""

from __future__ import annotations

from PySide6.QtGui import QFont, QTextDocument
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.i18n import _


class TextPrintDialog(QDialog):
    def __init__(self, title: str, text: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.text = QPlainTextEdit(objectName="printableText")
        self.text.setReadOnly(True)
        self.text.setPlainText(text)
        self.text.setAccessibleName(title)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.print_button = QPushButton(_("&Print…"), objectName="printTextButton")
        self.buttons.addButton(self.print_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.print_button.clicked.connect(self.print_text)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addWidget(self.buttons)
        self.resize(620, 620)

    def document(self) -> QTextDocument:
        document = QTextDocument()
        document.setDefaultFont(QFont(self.font().family(), 11))
        document.setPlainText(self.text.toPlainText())
        return document

    def print_text(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self.windowTitle())
        if QPrintDialog(printer, self).exec() == QDialog.DialogCode.Accepted:
            self.document().print_(printer)

    @classmethod
    def show_text(cls, parent: QWidget | None, title: str, text: str) -> None:
        cls(title, text, parent).exec()
