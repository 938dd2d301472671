"""End a group before the round ends, with a reason kept in its history."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QComboBox, QLabel, QLineEdit, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import N_, _

if TYPE_CHECKING:
    from mentorapp.running.schedule import GroupSchedule
    from mentorapp.workspace.services import Services

OTHER = "other"
SUGGESTIONS = (
    ("job", N_("The adept got a job")),
    ("mentor", N_("The mentor can no longer take part")),
    ("pair", N_("The pair does not work")),
    (OTHER, N_("Other reason")),
)


class EndGroupDialog(FormDialog):
    def __init__(
        self, services: Services, group: GroupSchedule, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("endGroupDialog")
        self.setWindowTitle(_("End group early"))
        self.setMinimumWidth(520)
        self._services, self._group = services, group
        adepts = ", ".join(adept.name for adept in group.adepts)
        explanation = QLabel(
            _(
                "End the group of {mentor} (mentor) with {adepts}? Its meetings and who was in "
                "it stay in the file. The adepts leave the group: in the Matching stage they "
                "can get a new mentor, and {mentor} takes no new adept in this round."
            ).format(mentor=group.mentor.name, adepts=adepts or _("no adepts")),
            wordWrap=True,
        )
        self.form.addRow(explanation)
        self.suggestion = QComboBox(objectName="endReasonChoice")
        for key, text in SUGGESTIONS:
            self.suggestion.addItem(_(text), key)
        self.details = QLineEdit(objectName="endReasonDetails")
        self.details.setMaxLength(250)
        self.details.setPlaceholderText(_("In a few words (shown in the group's history)"))
        for text, widget in ((_("&Reason:"), self.suggestion), (_("&Details:"), self.details)):
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            self.form.addRow(label, widget)
        self.fields["reason"] = self.details
        self.buttons.button(self.buttons.StandardButton.Ok).setText(_("&End the group"))

    def reason(self) -> str:
        """The chosen reason and the words typed; "other" takes the words alone."""
        details = self.details.text().strip()
        if self.suggestion.currentData() == OTHER:
            return details
        chosen = self.suggestion.currentText()
        if not details:
            return chosen
        return _("{reason}: {details}").format(reason=chosen, details=details)

    def _try_accept(self) -> None:
        try:
            self._services.running.end_group(self._group.id, self.reason())
        except MentorappError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            self.details.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, group: GroupSchedule) -> bool:
        return cls(services, group, parent).exec() == FormDialog.DialogCode.Accepted
