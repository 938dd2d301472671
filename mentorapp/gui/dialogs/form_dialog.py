"""A dialog with a form, OK/Cancel and a place to say what is wrong before it closes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import ValidationError


class FormDialog(QDialog):
    """Subclasses fill ``form``; ``validate`` raises ValidationError to keep the dialog open."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.form = QFormLayout()
        self.error_label = QLabel(objectName="errorLabel", wordWrap=True)
        self.error_label.setVisible(False)
        self.error_label.setStyleSheet("font-weight: bold")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self._try_accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.buttons)
        self.validate: Callable[[], None] = lambda: None
        self.fields: dict[str, QWidget] = {}

    def _try_accept(self) -> None:
        try:
            self.validate()
        except ValidationError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            self.error_label.setAccessibleName(error.user_message())
            widget = self.fields.get(error.field)
            if widget is not None:
                widget.setFocus()
            return
        self.accept()
