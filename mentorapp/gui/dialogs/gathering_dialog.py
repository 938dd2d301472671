"""A new joint gathering, or changes to one: start from a default (CV, networking, salary and
union …), then title, date, time or the whole day, length, place or link and description.
Saved through the service when OK is pressed; a refusal keeps the dialog open and names the
field."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _, current_language

if TYPE_CHECKING:
    from mentorapp.running.gathering_content import GatheringTemplate
    from mentorapp.running.gatherings import GatheringRow
    from mentorapp.workspace.services import Services

DEFAULT_START = time(17, 30)


class GatheringDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        cohort_id: int,
        existing: GatheringRow | None = None,
        parent: QWidget | None = None,
        today: date | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("gatheringDialog")
        self.setWindowTitle(_("Change the gathering") if existing else _("New gathering"))
        self._services, self._cohort_id, self._existing = services, cohort_id, existing
        self.result_row: GatheringRow | None = None
        self._templates = self._load_templates()

        when = (
            existing.starts_at
            if existing
            else datetime.combine((today or date.today()) + timedelta(days=14), DEFAULT_START)
        )
        self.template = QComboBox(objectName="gatheringTemplate")
        self.template.addItem(_("(Start from scratch)"), "")
        for template in self._templates:
            self.template.addItem(template.title, template.key)
        self.template.currentIndexChanged.connect(self._template_chosen)
        self.title = QLineEdit(existing.title if existing else "", objectName="gatheringTitle")
        self.title.setMaxLength(200)
        self.day = QDateEdit(calendarPopup=True, objectName="gatheringDate")
        self.day.setDate(QDate(when.year, when.month, when.day))
        self.time = QTimeEdit(objectName="gatheringTime")
        self.time.setDisplayFormat("HH:mm")
        self.time.setTime(QTime(when.hour, when.minute))
        self.all_day = QCheckBox(_("&All day"), objectName="gatheringAllDay")
        self.all_day.toggled.connect(lambda on: self.time.setEnabled(not on))
        self.all_day.setChecked(bool(existing and existing.all_day))
        clock = QHBoxLayout()
        clock.addWidget(self.time)
        clock.addWidget(self.all_day)
        clock.addStretch(1)
        self.minutes = QSpinBox(objectName="gatheringMinutes")
        self.minutes.setRange(5, 1440)
        self.minutes.setSingleStep(15)
        self.minutes.setValue(existing.minutes if existing else 120)
        self.minutes.setSuffix(" " + _("min"))
        self.place = QLineEdit(existing.place if existing else "", objectName="gatheringPlace")
        self.place.setPlaceholderText(_("An address, a room or a meeting link"))
        self.description = QPlainTextEdit(objectName="gatheringDescription")
        self.description.setPlainText(existing.description if existing else "")
        self.description.setMinimumHeight(110)
        if existing is None:
            self.form.addRow(_("Start &from:"), self.template)
        self.form.addRow(_("T&itle:"), self.title)
        self.form.addRow(_("&Date:"), self.day)
        time_label = QLabel(_("&Time:"))
        time_label.setBuddy(self.time)  # a row holding a layout gets no buddy by itself
        self.form.addRow(time_label, clock)
        self.form.addRow(_("&Length:"), self.minutes)
        self.form.addRow(_("&Place or link:"), self.place)
        self.form.addRow(_("D&escription:"), self.description)
        for widget, text in (
            (self.template, _("Start from a default gathering")),
            (self.title, _("Title of the gathering")),
            (self.day, _("Date of the gathering")),
            (self.time, _("Start time")),
            (self.minutes, _("Length in minutes")),
            (self.place, _("Place or link")),
            (self.description, _("Description")),
        ):
            widget.setAccessibleName(text)
        self.fields = {
            "title": self.title,
            "starts_at": self.day,
            "minutes": self.minutes,
            "place": self.place,
            "description": self.description,
        }
        self.setMinimumWidth(520)

    @staticmethod
    def _load_templates() -> tuple[GatheringTemplate, ...]:
        from mentorapp.running.gathering_content import load_templates

        try:
            return load_templates(current_language())
        except MentorappError:  # an edited file with a fault: the dialog works without it
            return ()

    def _template_chosen(self, _index: int) -> None:
        key = self.template.currentData()
        chosen = next((t for t in self._templates if t.key == key), None)
        if chosen is None:
            return
        self.title.setText(chosen.title)
        self.description.setPlainText(chosen.description)
        self.minutes.setValue(chosen.minutes)

    def starts_at(self) -> datetime:
        day, clock = self.day.date(), self.time.time()
        if self.all_day.isChecked():
            return datetime(day.year(), day.month(), day.day())
        return datetime(day.year(), day.month(), day.day(), clock.hour(), clock.minute())

    def _try_accept(self) -> None:
        from mentorapp.running.gatherings import GatheringDraft

        draft = GatheringDraft(
            title=self.title.text(),
            starts_at=self.starts_at(),
            all_day=self.all_day.isChecked(),
            minutes=self.minutes.value(),
            place=self.place.text(),
            description=self.description.toPlainText(),
        )
        service = self._services.gatherings
        try:
            if self._existing is None:
                self.result_row = service.add(self._cohort_id, draft)
            else:
                self.result_row = service.edit(self._existing.id, draft)
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
        cohort_id: int,
        existing: GatheringRow | None = None,
    ) -> GatheringRow | None:
        """The gathering made (or changed), or None when cancelled."""
        dialog = cls(services, cohort_id, existing, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.result_row
