"""The Running page's lower half: the selected group's meetings 1..n and what can be done
with the group (record a meeting, mark it contacted, end it early, save its calendar)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.i18n import N_, _, format_date, format_date_range
from mentorapp.running.health import Health, MeetingState, health_label, meeting_state_label

if TYPE_CHECKING:
    from mentorapp.running.board import GroupHealth
    from mentorapp.running.schedule import Meeting

NUMBER_ROLE = Qt.ItemDataRole.UserRole + 1
MODE_LABELS = {"in_person": N_("In person"), "digital": N_("Digital")}
COLUMNS = (
    N_("Meeting"),
    N_("Planned"),
    N_("State"),
    N_("Held on"),
    N_("Minutes"),
    N_("How"),
    N_("Note"),
)


def mode_label(mode: str) -> str:
    label = MODE_LABELS.get(mode)
    return _(label) if label else ""


def planned_text(meeting: Meeting) -> str:
    """The planned day, else the window the round's timeline gives the meeting."""
    if meeting.planned_on is not None:
        return format_date(meeting.planned_on)
    if meeting.window is not None:
        return _("window {dates}").format(dates=format_date_range(*meeting.window))
    return _("no date yet")


class GroupMeetingsPanel(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("groupMeetingsPanel")
        self.item: GroupHealth | None = None
        self.title = QLabel(objectName="groupTitle", wordWrap=True)
        self.state = QLabel(objectName="groupState", wordWrap=True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(objectName="groupMeetingsView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.record_button = QPushButton(objectName="recordMeetingButton")
        self.contacted_button = QPushButton(objectName="contactedButton")
        self.end_button = QPushButton(objectName="endGroupButton")
        self.calendar_button = QPushButton(objectName="groupCalendarButton")
        buttons = QHBoxLayout()
        for button in (self.record_button, self.contacted_button, self.end_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(self.calendar_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.state)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Selected group"))
        self.view.setAccessibleName(_("The selected group's meetings"))
        self.record_button.setText(_("Recor&d meeting…"))
        self.end_button.setText(_("&End group early…"))
        self.calendar_button.setText(_("Save the pair's cale&ndar…"))
        self.show_group(self.item)

    def selected_number(self) -> int | None:
        """The meeting selected in the list, if any."""
        index = self.view.currentIndex()
        if not index.isValid():
            return None
        return self.model.index(index.row(), 0).data(NUMBER_ROLE)

    def show_group(self, item: GroupHealth | None, writable: bool = True) -> None:
        same = item is not None and self.item is not None and item.group.id == self.item.group.id
        chosen = self.selected_number() if same else None
        self.item = item
        self.model.clear()
        self.model.setHorizontalHeaderLabels([_(title) for title in COLUMNS])
        has_group = item is not None
        ended = has_group and item.health == Health.ENDED
        contacted = has_group and item.group.contacted_on is not None
        self.contacted_button.setText(
            _("Clear &contacted") if contacted else _("Mark as &contacted")
        )
        self.record_button.setEnabled(writable and has_group and not ended)
        self.contacted_button.setEnabled(writable and has_group and not ended)
        self.end_button.setEnabled(writable and has_group and not ended)
        self.calendar_button.setEnabled(has_group)
        if item is None:
            self.title.setText(_("Select a group in the table to see its meetings."))
            self.state.setText("")
            return
        group = item.group
        adepts = ", ".join(adept.name for adept in group.adepts) or _("no adepts")
        self.title.setText(
            _("{mentor} (mentor) with {adepts}").format(mentor=group.mentor.name, adepts=adepts)
        )
        state = _("{health}: {reason}").format(
            health=health_label(item.health), reason=item.assessment.reason.text
        )
        if contacted and not ended:
            state += "\n" + _("Contacted on {date}.").format(date=format_date(group.contacted_on))
        self.state.setText(state)
        for meeting in group.meetings:
            cells = [
                QStandardItem(_("Meeting {number}").format(number=meeting.number)),
                QStandardItem(planned_text(meeting)),
                QStandardItem(meeting_state_label(meeting.state)),
                QStandardItem(format_date(meeting.held_on) if meeting.held_on else ""),
                QStandardItem(str(meeting.minutes) if meeting.minutes else ""),
                QStandardItem(mode_label(meeting.mode)),
                QStandardItem(meeting.note),
            ]
            cells[0].setData(meeting.number, NUMBER_ROLE)
            cells[-1].setToolTip(meeting.note)
            self.model.appendRow(cells)
        header = self.view.header()
        for column in range(len(COLUMNS) - 1):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        if chosen is not None:
            for row in range(self.model.rowCount()):
                if self.model.index(row, 0).data(NUMBER_ROLE) == chosen:
                    self.view.setCurrentIndex(self.model.index(row, 0))

    def next_number(self) -> int:
        """The meeting a new record is about: the one selected, else the next one due."""
        chosen = self.selected_number()
        if chosen is not None or self.item is None:
            return chosen or 1
        return next_meeting_number(self.item)


def next_meeting_number(item: GroupHealth) -> int:
    due = item.assessment.next_due
    if due is not None:
        return due.number
    open_ = [m.number for m in item.group.meetings if m.state != MeetingState.HELD]
    return open_[0] if open_ else (item.group.meetings[-1].number if item.group.meetings else 1)
