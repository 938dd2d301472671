"""Book an interview for one applicant, or move a booked one: date, time, length, place or
link, interviewer. The booking is saved through the service when OK is pressed; a refusal
(a second booking, a bad length) keeps the dialog open and names what is wrong."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import QDateEdit, QLabel, QLineEdit, QSpinBox, QTimeEdit, QWidget

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.people.interviews import InterviewRow
    from mentorapp.workspace.services import Services


def next_working_day(today: date) -> date:
    day = today + timedelta(days=1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


class InterviewDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        enrolment_id: int,
        name: str,
        booked: InterviewRow | None = None,
        interviewer: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("interviewDialog")
        self.setWindowTitle(_("Move the interview") if booked else _("Book an interview"))
        self._services, self._enrolment_id, self._booked = services, enrolment_id, booked
        self.result_row: InterviewRow | None = None
        when = (
            booked.starts_at
            if booked
            else datetime.combine(next_working_day(date.today()), time(10, 0))
        )
        self.who = QLabel(name, objectName="interviewApplicant")
        self.day = QDateEdit(calendarPopup=True, objectName="interviewDate")
        self.day.setDate(QDate(when.year, when.month, when.day))
        self.time = QTimeEdit(objectName="interviewTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(when.hour, when.minute))
        self.minutes = QSpinBox(objectName="interviewMinutes")
        self.minutes.setRange(5, 480)
        self.minutes.setSingleStep(5)
        self.minutes.setValue(booked.minutes if booked else 45)
        self.minutes.setSuffix(" " + _("min"))
        self.place = QLineEdit(booked.place if booked else "", objectName="interviewPlace")
        self.place.setPlaceholderText(_("A room, an address or a meeting link"))
        self.interviewer = QLineEdit(
            booked.interviewer if booked else interviewer, objectName="interviewInterviewer"
        )
        self.form.addRow(_("Applicant:"), self.who)
        self.form.addRow(_("&Date:"), self.day)
        self.form.addRow(_("&Time:"), self.time)
        self.form.addRow(_("&Length:"), self.minutes)
        self.form.addRow(_("&Place or link:"), self.place)
        self.form.addRow(_("&Interviewer:"), self.interviewer)
        for widget, text in (
            (self.day, _("Date of the interview")),
            (self.time, _("Time of the interview")),
            (self.minutes, _("Length in minutes")),
            (self.place, _("Place or link")),
            (self.interviewer, _("Interviewer")),
        ):
            widget.setAccessibleName(text)
        self.fields = {
            "starts_at": self.day,
            "minutes": self.minutes,
            "place": self.place,
            "interviewer": self.interviewer,
        }
        self.setMinimumWidth(440)

    def starts_at(self) -> datetime:
        day, clock = self.day.date(), self.time.time()
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())

    def _try_accept(self) -> None:
        values = (
            self.starts_at(),
            self.minutes.value(),
            self.place.text(),
            self.interviewer.text(),
        )
        service = self._services.interviews
        try:
            if self._booked is None:
                self.result_row = service.book(self._enrolment_id, *values)
            else:
                self.result_row = service.reschedule(self._booked.id, *values)
        except ValidationError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            widget = self.fields.get(error.field)
            if widget is not None:
                widget.setFocus()
            return
        except MentorappError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            return
        self.accept()

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        enrolment_id: int,
        name: str,
        booked: InterviewRow | None = None,
        interviewer: str = "",
    ) -> InterviewRow | None:
        """The booking made (or moved), or None when cancelled."""
        dialog = cls(services, enrolment_id, name, booked, interviewer, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.result_row
