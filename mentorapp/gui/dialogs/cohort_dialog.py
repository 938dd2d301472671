"""Create or edit a round: its name and dates."""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QCheckBox, QDateEdit, QLineEdit, QWidget

from mentorapp.domain.dates import add_months
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _
from mentorapp.programme.rules import CohortDraft, suggest_round_name, validate_cohort

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort


def _qdate(value: date) -> QDate:
    return QDate(value.year, value.month, value.day)


def _pydate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class CohortDialog(FormDialog):
    def __init__(
        self,
        cohort: Cohort | None,
        other_names: list[str],
        months: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("cohortDialog")
        self.setWindowTitle(_("Edit round") if cohort else _("New round"))
        start = cohort.start if cohort else date.today() + timedelta(days=90)
        end = cohort.end if cohort else add_months(start, months)
        self.name = QLineEdit(objectName="roundNameEdit")
        self.has_deadline = QCheckBox(_("Applications close on:"), objectName="deadlineBox")
        self.deadline = QDateEdit(calendarPopup=True, objectName="deadlineEdit")
        self.start = QDateEdit(calendarPopup=True, objectName="startEdit")
        self.end = QDateEdit(calendarPopup=True, objectName="endEdit")
        deadline = cohort.application_deadline if cohort else start - timedelta(days=42)
        self.has_deadline.setChecked(not cohort or cohort.application_deadline is not None)
        self.deadline.setDate(_qdate(deadline or start))
        self.deadline.setEnabled(self.has_deadline.isChecked())
        self.has_deadline.toggled.connect(self.deadline.setEnabled)
        self.start.setDate(_qdate(start))
        self.end.setDate(_qdate(end))
        self.name.setText(cohort.name if cohort else suggest_round_name(start))
        self.make_current = QCheckBox(_("Make this the current round"), objectName="currentBox")
        self.make_current.setChecked(cohort is None or cohort.is_current)
        self.make_current.setEnabled(not (cohort and cohort.is_current))
        self.form.addRow(_("Round &name:"), self.name)
        self.form.addRow(self.has_deadline, self.deadline)
        self.form.addRow(_("&Starts:"), self.start)
        self.form.addRow(_("&Ends:"), self.end)
        self.form.addRow(self.make_current)
        for widget, name in (
            (self.name, _("Round name")),
            (self.has_deadline, _("Has an application deadline")),
            (self.deadline, _("Application deadline")),
            (self.start, _("Start date")),
            (self.end, _("End date")),
            (self.make_current, _("Make this the current round")),
        ):
            widget.setAccessibleName(name)
        self.fields = {"name": self.name, "end": self.end, "application_deadline": self.deadline}
        self.validate = lambda: validate_cohort(self.draft(), other_names)
        self.setMinimumWidth(420)

    def draft(self) -> CohortDraft:
        return CohortDraft(
            name=self.name.text(),
            start=_pydate(self.start.date()),
            end=_pydate(self.end.date()),
            application_deadline=(
                _pydate(self.deadline.date()) if self.has_deadline.isChecked() else None
            ),
        )

    @classmethod
    def ask(
        cls, parent: QWidget | None, cohort: Cohort | None, other_names: list[str], months: int
    ) -> tuple[CohortDraft, bool] | None:
        dialog = cls(cohort, other_names, months, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.draft(), dialog.make_current.isChecked()
