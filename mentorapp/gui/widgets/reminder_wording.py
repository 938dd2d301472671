"""The wording of a reminder as the coordinator edits it: the subject and the text with their
placeholders, saved as the programme's own or back to the built-in one, and the two questions
that keep typed text from being lost (on choosing another reminder, on closing).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _
from mentorapp.running.reminder_text import PLACEHOLDERS, Wording

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext
    from mentorapp.running.reminders import ReminderService


class WordingEditor(QGroupBox):
    """The fields of one reminder's wording. ``template`` says which wording they show
    (programme id, template key, language); ``loaded`` is the wording as loaded or saved,
    what the fields are compared with before they are replaced."""

    def __init__(
        self,
        context: AppContext,
        template: Callable[[], tuple[int, str, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(_("Wording"), parent)
        self.context = context
        self._template = template
        self.loaded: Wording | None = None
        self.subject_edit = QLineEdit(objectName="reminderSubject")
        self.subject_edit.setAccessibleName(_("Subject"))
        self.body_edit = QPlainTextEdit(objectName="reminderBody")
        self.body_edit.setAccessibleName(_("Text of the reminder"))
        self.placeholders = QLabel(wordWrap=True, objectName="reminderPlaceholders")
        self.placeholders.setText(
            _("Placeholders: {list}").format(list=" ".join("{" + p + "}" for p in PLACEHOLDERS))
        )
        self.save_wording_button = QPushButton(
            _("Save as my wording"), objectName="saveWordingButton"
        )
        self.reset_wording_button = QPushButton(
            _("Back to the built-in wording"), objectName="resetWordingButton"
        )
        self.wording_state = QLabel(objectName="wordingState")
        self.error_label = QLabel(wordWrap=True, objectName="reminderError")
        self.error_label.setStyleSheet("font-weight: bold")
        self.error_label.setVisible(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.save_wording_button)
        buttons.addWidget(self.reset_wording_button)
        buttons.addWidget(self.wording_state, 1)
        layout = QFormLayout(self)
        layout.addRow(_("Subject:"), self.subject_edit)
        layout.addRow(_("Text:"), self.body_edit)
        layout.addRow(self.placeholders)
        layout.addRow(buttons)
        layout.addRow(self.error_label)

    @property
    def reminders(self) -> ReminderService:
        assert self.context.services is not None
        return self.context.services.reminders

    def wording(self) -> Wording:
        return Wording(self.subject_edit.text(), self.body_edit.toPlainText())

    def is_edited(self) -> bool:
        """True when the fields differ from the wording as loaded or saved."""
        return self.loaded is not None and self.wording() != self.loaded

    def show_wording(self, wording: Wording) -> None:
        """Put ``wording`` in the fields (what was typed there is gone)."""
        self.subject_edit.setText(wording.subject)
        self.body_edit.setPlainText(wording.body)

    def show_state(self) -> None:
        """Whose wording it is, and whether it can be saved or reset."""
        own = self.reminders.is_own(*self._template())
        self.wording_state.setText(_("Your own wording") if own else _("The built-in wording"))
        writable = not self.context.read_only
        self.save_wording_button.setEnabled(writable)
        self.reset_wording_button.setEnabled(writable and own)

    def show_problem(self, text: str | None) -> None:
        """Show what is wrong with the wording; None hides it."""
        if text is not None:
            self.error_label.setText(text)
        self.error_label.setVisible(text is not None)

    def has_problem(self) -> bool:
        return self.error_label.isVisible()

    def save(self) -> bool:
        """Save the typed wording as the programme's own; True when saved."""
        try:
            self.reminders.save_template(*self._template(), self.wording())
        except ValidationError as error:
            self.show_problem(error.user_message())
            return False
        except MentorappError as error:
            show_error(self.window(), error)
            return False
        self.loaded = self.wording()
        self.show_state()
        return True

    def reset(self) -> bool:
        """Forget the programme's own wording; True when done (the fields stay as they are)."""
        try:
            self.reminders.reset_template(*self._template())
        except MentorappError as error:
            show_error(self.window(), error)
            return False
        return True


def ask_keep_typed(parent: QWidget) -> bool:
    """True to keep the text the coordinator typed, False to take the other wording."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Changed wording"))
    box.setText(
        _(
            "You have changed the wording. Keep your text, or use the wording of the "
            "reminder you chose now?"
        )
    )
    keep = box.addButton(_("&Keep my text"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("&Use the other wording"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)  # closing the question loses nothing
    box.exec()
    return box.clickedButton() is keep


def ask_close_unsaved(parent: QWidget, read_only: bool) -> QMessageBox.StandardButton:
    """Save, Discard or Cancel for wording typed but neither saved nor used (no Save in a
    file opened read-only)."""
    buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
    if not read_only:
        buttons |= QMessageBox.StandardButton.Save
    return QMessageBox.question(
        parent,
        _("Unsaved wording"),
        _(
            "You changed the wording of this reminder but neither saved it nor used "
            "it. Close and lose your text?"
        ),
        buttons,
        QMessageBox.StandardButton.Cancel,
    )
