"""Record what happened to one pair meeting: held (when, about how long, how), moved to a new
date, cancelled, or planned again; with a short note."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QPlainTextEdit, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.gui.widgets.group_meetings_panel import mode_label, planned_text
from mentorapp.i18n import _, format_number, ngettext
from mentorapp.running.health import MeetingState, meeting_state_label

if TYPE_CHECKING:
    from mentorapp.running.meetings import MeetingRecord
    from mentorapp.running.schedule import GroupSchedule, Meeting
    from mentorapp.workspace.services import Services

MINUTES = (30, 45, 60, 90, 120)
NOTE_LIMIT = 500  # as running.meetings.NOTE_LIMIT (that module loads SQLAlchemy)
STATES = (MeetingState.HELD, MeetingState.MOVED, MeetingState.CANCELLED, MeetingState.PLANNED)


def minutes_text(minutes: int) -> str:
    return ngettext("{minutes} minute", "{minutes} minutes", minutes).format(
        minutes=format_number(minutes)
    )


def to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class MeetingDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        group: GroupSchedule,
        number: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDialog")
        self.setWindowTitle(_("Record meeting"))
        self._services, self._group = services, group
        self._meetings = {meeting.number: meeting for meeting in group.meetings}
        today = date.today()
        adepts = ", ".join(adept.name for adept in group.adepts)
        who = QLabel(
            _("{mentor} (mentor) with {adepts}").format(mentor=group.mentor.name, adepts=adepts),
            wordWrap=True,
        )
        self.form.addRow(who)

        self.number = QComboBox(objectName="meetingNumber")
        for meeting in group.meetings:
            self.number.addItem(
                _("Meeting {number} (planned: {when})").format(
                    number=meeting.number, when=planned_text(meeting)
                ),
                meeting.number,
            )
        self.state = QComboBox(objectName="meetingState")
        for state in STATES:
            self.state.addItem(meeting_state_label(state), state.value)
        self.held_on = QDateEdit(objectName="meetingHeldOn", calendarPopup=True)
        self.held_on.setMaximumDate(to_qdate(today))
        self.held_on.setDate(to_qdate(today))
        self.minutes = QComboBox(objectName="meetingMinutes")
        self.minutes.addItem(_("Not noted"), None)
        for minutes in MINUTES:
            self.minutes.addItem(minutes_text(minutes), minutes)
        self.mode = QComboBox(objectName="meetingMode")
        self.mode.addItem(_("Not noted"), "")
        for mode in ("in_person", "digital"):
            self.mode.addItem(mode_label(mode), mode)
        self.new_date = QDateEdit(objectName="meetingNewDate", calendarPopup=True)
        self.new_date.setDate(to_qdate(today + timedelta(days=7)))
        self.note = QPlainTextEdit(objectName="meetingNote")
        self.note.setTabChangesFocus(True)
        self.note.setMaximumHeight(90)
        self.note.setPlaceholderText(_("What the pair talked about, or why it was moved"))
        self.note_count = QLabel(objectName="meetingNoteCount")
        self.note.textChanged.connect(self._count)

        rows = (
            (_("&Meeting:"), self.number, "number"),
            (_("&What happened:"), self.state, "state"),
            (_("&Held on:"), self.held_on, "held_on"),
            (_("About how &long:"), self.minutes, "minutes"),
            (_("&In person or digital:"), self.mode, "mode"),
            (_("New &planned date:"), self.new_date, "planned_on"),
            (_("&Note:"), self.note, "note"),
        )
        for text, widget, field in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            self.form.addRow(label, widget)
            self.fields[field] = widget
        self.form.addRow("", self.note_count)
        self.number.currentIndexChanged.connect(self._load)
        self.state.currentIndexChanged.connect(self._enable)
        self.number.setCurrentIndex(max(0, self.number.findData(number)))
        self._load()

    def _load(self) -> None:
        """Show what is recorded about the chosen meeting; a new record starts as held today."""
        meeting: Meeting | None = self._meetings.get(self.number.currentData())
        if meeting is None:
            return
        recorded = meeting.state != MeetingState.PLANNED or bool(meeting.note)
        state = meeting.state if recorded else MeetingState.HELD
        self.state.setCurrentIndex(max(0, self.state.findData(str(state))))
        if meeting.held_on is not None:
            self.held_on.setDate(to_qdate(meeting.held_on))
        if meeting.minutes is not None and self.minutes.findData(meeting.minutes) < 0:
            self.minutes.addItem(minutes_text(meeting.minutes), meeting.minutes)
        self.minutes.setCurrentIndex(max(0, self.minutes.findData(meeting.minutes)))
        self.mode.setCurrentIndex(max(0, self.mode.findData(meeting.mode)))
        if meeting.due is not None and meeting.state == MeetingState.MOVED:
            self.new_date.setDate(to_qdate(meeting.due))
        self.note.setPlainText(meeting.note)
        self._enable()

    def _enable(self) -> None:
        held = self.state.currentData() == MeetingState.HELD
        for widget in (self.held_on, self.minutes, self.mode):
            widget.setEnabled(held)
        self.new_date.setEnabled(self.state.currentData() == MeetingState.MOVED)

    def _count(self) -> None:
        length = len(self.note.toPlainText())
        self.note_count.setText(
            _("{count} of {limit} characters").format(count=length, limit=NOTE_LIMIT)
        )

    def record(self) -> MeetingRecord:
        """What the form says, as the service takes it."""
        from mentorapp.running.meetings import MeetingRecord

        state = self.state.currentData()
        held = state == MeetingState.HELD
        return MeetingRecord(
            state=state,
            held_on=from_qdate(self.held_on.date()) if held else None,
            minutes=self.minutes.currentData() if held else None,
            mode=self.mode.currentData() if held else "",
            note=self.note.toPlainText(),
            planned_on=from_qdate(self.new_date.date()) if state == MeetingState.MOVED else None,
        )

    def _try_accept(self) -> None:
        try:
            self._services.meetings.record(self._group.id, self.number.currentData(), self.record())
        except MentorappError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            widget = self.fields.get(getattr(error, "field", ""))
            if widget is not None:
                widget.setFocus()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, services: Services, group: GroupSchedule, number: int
    ) -> bool:
        return cls(services, group, number, parent).exec() == FormDialog.DialogCode.Accepted
