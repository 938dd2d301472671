"""The planned dates of one group's pair meetings."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QWidget

from mentorapp.errors import ValidationError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services


class MeetingDatesDialog(FormDialog):
    def __init__(
        self, services: Services, group_id: int, count: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("meetingDatesDialog")
        self.setWindowTitle(_("Meeting dates"))
        self._services, self._group_id = services, group_id
        known = services.meetings.dates(group_id)
        self.rows: dict[int, tuple[QCheckBox, QDateEdit]] = {}
        for number in range(1, count + 1):
            box = QCheckBox(_("Planned"))
            edit = QDateEdit(calendarPopup=True)
            day = known.get(number)
            box.setChecked(day is not None)
            shown = day or date.today()
            edit.setDate(QDate(shown.year, shown.month, shown.day))
            edit.setEnabled(day is not None)
            box.toggled.connect(edit.setEnabled)
            label = _("Meeting {number}").format(number=number)
            box.setAccessibleName(_("{meeting} has a planned date").format(meeting=label))
            edit.setAccessibleName(_("Date of {meeting}").format(meeting=label))
            row = QHBoxLayout()
            row.addWidget(box)
            row.addWidget(edit, 1)
            self.form.addRow(label + ":", row)
            self.rows[number] = (box, edit)

    def dates(self) -> dict[int, date | None]:
        result: dict[int, date | None] = {}
        for number, (box, edit) in self.rows.items():
            value = edit.date()
            result[number] = (
                date(value.year(), value.month(), value.day()) if box.isChecked() else None
            )
        return result

    def _try_accept(self) -> None:
        try:
            self._services.meetings.set_dates(self._group_id, self.dates())
        except ValidationError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, group_id: int, count: int) -> bool:
        return cls(services, group_id, count, parent).exec() == FormDialog.DialogCode.Accepted
