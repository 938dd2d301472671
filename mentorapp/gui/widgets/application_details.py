"""Beside the editor: the eligibility checklist to confirm, and the application's history."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QGroupBox, QLabel, QListView, QVBoxLayout, QWidget

from mentorapp.domain.enums import status_label
from mentorapp.i18n import N_, _, format_date, format_time, ngettext

CRITERION_ID = Qt.ItemDataRole.UserRole + 1


class ConfirmationsBox(QGroupBox):
    """One tick per criterion. Only *that* it was confirmed is stored, never the evidence."""

    confirmation_changed = Signal(int, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("confirmationsBox")
        self.note = QLabel(wordWrap=True)
        self.model = QStandardItemModel(self)
        self.model.itemChanged.connect(self._item_changed)
        self.view = QListView(objectName="confirmationsView")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setMinimumHeight(120)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addWidget(self.view)
        self._loading = False

    def retranslate_ui(self) -> None:
        self.setTitle(_("Eligibility, confirmed by you"))
        self.view.setAccessibleName(_("Eligibility criteria to confirm"))
        self.note.setText(
            _(
                "Tick what you have confirmed, for example at the interview. Mentorapp stores "
                "only that it was confirmed, never documents or details such as country of birth."
            )
        )

    def show_criteria(self, criteria: list, confirmed: dict[int, object]) -> None:
        self._loading = True
        self.model.clear()
        for criterion in criteria:
            item = QStandardItem(criterion.text)
            item.setCheckable(True)
            item.setData(criterion.id, CRITERION_ID)
            when = confirmed.get(criterion.id)
            item.setCheckState(Qt.CheckState.Checked if when else Qt.CheckState.Unchecked)
            item.setToolTip(
                _("Confirmed on {date}").format(date=format_date(when)) if when else criterion.hint
            )
            self.model.appendRow(item)
        self._loading = False

    def _item_changed(self, item: QStandardItem) -> None:
        if not self._loading:
            checked = item.checkState() == Qt.CheckState.Checked
            self.confirmation_changed.emit(item.data(CRITERION_ID), checked)


class HistoryView(QGroupBox):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.model = QStringListModel(self)
        self.view = QListView(objectName="historyView")
        self.view.setModel(self.model)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.setWordWrap(True)
        self.attendance = QLabel(objectName="gatheringsAttended")
        self.attendance.setVisible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.attendance)
        layout.addWidget(self.view)
        self._attended: int | None = None

    def retranslate_ui(self) -> None:
        self.setTitle(_("History"))
        self.view.setAccessibleName(_("History of the application"))
        self.show_attendance(self._attended)

    def show_attendance(self, count: int | None) -> None:
        """How many of the round's joint gatherings the person came to (None: no line)."""
        self._attended = count
        self.attendance.setVisible(count is not None)
        if count is not None:
            self.attendance.setText(
                ngettext("Gatherings attended: {n}", "Gatherings attended: {n}", count).format(
                    n=count
                )
            )

    def show_steps(self, steps: list, interviews: Sequence = (), reminders: Sequence = ()) -> None:
        """Newest first: the status steps and, on their day, the application's interviews
        and the reminders drafted for the person."""
        dated = []
        for order, step in enumerate(steps):
            line = f"{format_date(step.changed_on)}: {status_label(step.to_status)}"
            if step.reason:
                line += f" — {step.reason}"
            dated.append((step.changed_on, order, line))
        for order, interview in enumerate(interviews, start=len(dated)):
            dated.append((interview.starts_at.date(), order, interview_line(interview)))
        for order, note in enumerate(reminders, start=len(dated)):
            dated.append((note.drafted_on, order, reminder_line(note)))
        dated.sort(key=lambda entry: entry[:2], reverse=True)
        self.model.setStringList([line for _day, _order, line in dated])


def interview_line(interview: Any) -> str:
    """An interview on the history: when, where, with whom, and how it ended."""
    from mentorapp.people.interviews import state_label

    line = f"{format_date(interview.starts_at.date())}: " + _("Interview {time} ({state})").format(
        time=format_time(interview.starts_at), state=state_label(interview.state)
    )
    if interview.decision:
        line += f" → {status_label(interview.decision)}"
    where = " · ".join(part for part in (interview.place, interview.interviewer) if part)
    if where:
        line += f" — {where}"
    return line


_WAYS = {
    "mail": N_("opened in the mail program"),
    "copy": N_("addresses copied"),
    "csv": N_("mail merge file"),
}


def reminder_line(note: Any) -> str:
    """A reminder drafted for the person (Mentorapp never sends it): when, what and how."""
    way = _WAYS.get(note.way)
    line = _("Reminder drafted {date}: {subject}").format(
        date=format_date(note.drafted_on), subject=note.subject or note.template
    )
    return line + (f" ({_(way)})" if way else "")
