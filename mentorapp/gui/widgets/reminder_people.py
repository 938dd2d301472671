"""Whom a reminder goes to: the people of the draft, each ticked or not, and the message the
selected one gets.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGroupBox, QLabel, QListView, QPlainTextEdit, QVBoxLayout, QWidget

from mentorapp.i18n import _, ngettext

if TYPE_CHECKING:
    from mentorapp.running.reminders import Draft, DraftMessage

ENROLMENT_ID = Qt.ItemDataRole.UserRole + 1


class RecipientList(QGroupBox):
    """The recipients with a tick each; ``ticks_changed`` says the coordinator ticked or
    unticked someone, ``current_changed`` that another one is selected."""

    ticks_changed = Signal()
    current_changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Recipients"), parent)
        self._filling = False
        self.people_model = QStandardItemModel(self)
        self.people_model.itemChanged.connect(self._item_changed)
        self.people = QListView(objectName="reminderRecipients")
        self.people.setModel(self.people_model)
        self.people.setAccessibleName(_("Recipients"))
        self.people.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.people.selectionModel().currentChanged.connect(lambda *_a: self.current_changed.emit())
        self.count_label = QLabel(objectName="reminderCount")
        layout = QVBoxLayout(self)
        layout.addWidget(self.people, 1)
        layout.addWidget(self.count_label)

    def show_recipients(self, draft: Draft) -> None:
        """Everyone of the draft, all ticked, the first one selected."""
        self._filling = True
        self.people_model.clear()
        for recipient in draft.recipients:
            item = QStandardItem(f"{recipient.name}\n{recipient.email}")
            item.setToolTip(f"{recipient.name} <{recipient.email}>")
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(recipient.enrolment_id, ENROLMENT_ID)
            self.people_model.appendRow(item)
        self._filling = False
        if draft.recipients:
            self.people.setCurrentIndex(self.people_model.index(0, 0))

    def ticked(self) -> set[int]:
        """The enrolment ids ticked."""
        return {
            self.people_model.item(row).data(ENROLMENT_ID)
            for row in range(self.people_model.rowCount())
            if self.people_model.item(row).checkState() == Qt.CheckState.Checked
        }

    def current_id(self) -> int | None:
        """The enrolment id of the one selected."""
        index = self.people.currentIndex()
        return index.data(ENROLMENT_ID) if index.isValid() else None

    def show_count(self, count: int) -> None:
        self.count_label.setText(
            ngettext("{n} recipient ticked", "{n} recipients ticked", count).format(n=count)
            if self.people_model.rowCount()
            else _("Nobody is in this set today.")
        )

    def _item_changed(self, _item: QStandardItem) -> None:
        if not self._filling:
            self.ticks_changed.emit()


class MessagePreview(QGroupBox):
    """The subject and text one recipient gets, as the draft says now."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(_("Preview"), parent)
        self.preview_title = QLabel(objectName="previewTitle", wordWrap=True)
        self.preview = QPlainTextEdit(objectName="reminderPreview", readOnly=True)
        self.preview.setAccessibleName(_("Preview for the selected recipient"))
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview_title)
        layout.addWidget(self.preview, 1)

    def show_message(self, message: DraftMessage | None) -> None:
        if message is None:
            self.preview_title.setText("")
            self.preview.setPlainText("")
            return
        self.preview_title.setText(
            _("To {name}: {subject}").format(name=message.recipient.name, subject=message.subject)
        )
        self.preview.setPlainText(message.body)


def message_for(draft: Draft | None, enrolment_id: int | None) -> DraftMessage | None:
    """The message ``enrolment_id`` gets in the draft, or else the first one."""
    if draft is None:
        return None
    messages = draft.messages
    found = next((m for m in messages if m.recipient.enrolment_id == enrolment_id), None)
    return found or (messages[0] if messages else None)
