"""Joint gatherings in the Running period: the round's gatherings (a CV evening, networking,
salary and union, the closing), who is invited and who came, the list to sign at the door,
the round's calendar and a reminder to the invited."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain.enums import role_label
from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.gatherings_model import (
    G_PLACE,
    G_TITLE,
    P_NAME,
    GatheringsModel,
    GuestsModel,
    when_text,
)
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, ngettext
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.running.gatherings import GatheringRow


@stage_tool("running", title=N_("Joint gatherings"))
class GatheringsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("gatheringsPanel")
        self.context = context
        self._announcing = False
        self._build()
        events = context.events
        events.gatherings_changed.connect(self._changed_elsewhere)
        events.participants_changed.connect(self._changed_elsewhere)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True, objectName="gatheringsIntro")
        self.new_button = QPushButton(objectName="newGatheringButton")
        self.new_button.clicked.connect(self.new_gathering)
        self.edit_button = QPushButton(objectName="editGatheringButton")
        self.edit_button.clicked.connect(self.edit_gathering)
        self.cancel_button = QPushButton(objectName="cancelGatheringButton")
        self.cancel_button.clicked.connect(self.toggle_cancelled)
        self.delete_button = QPushButton(objectName="deleteGatheringButton")
        self.delete_button.clicked.connect(self.delete_gathering)
        self.calendar_button = QPushButton(objectName="gatheringsCalendarButton")
        self.calendar_button.clicked.connect(self.save_calendar)
        actions = QHBoxLayout()
        for button in (self.new_button, self.edit_button, self.cancel_button, self.delete_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.calendar_button)

        self.model = GatheringsModel(self)
        self.view = QTableView(objectName="gatheringsView")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setAlternatingRowColors(True)
        self.view.verticalHeader().hide()
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(G_TITLE, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(G_PLACE, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(G_PLACE, 200)
        self.view.setWordWrap(False)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _index: self.edit_gathering())

        self.guests_title = QLabel(objectName="guestsTitle", wordWrap=True)
        bold = QFont(self.guests_title.font())
        bold.setBold(True)
        bold.setPointSizeF(bold.pointSizeF() * 1.1)
        self.guests_title.setFont(bold)
        self.guests_counts = QLabel(objectName="guestsCounts", wordWrap=True)
        self.filter_label = QLabel()
        self.filter = QComboBox(objectName="guestsFilter")
        self.filter_label.setBuddy(self.filter)
        self.filter.currentIndexChanged.connect(
            lambda _i: self.guests_model.set_filter(self.filter.currentData() or "all")
        )
        self.invite_all_button = QPushButton(objectName="inviteEveryoneButton")
        self.invite_all_button.clicked.connect(self.invite_everyone)
        filters = QHBoxLayout()
        filters.addWidget(self.filter_label)
        filters.addWidget(self.filter)
        filters.addStretch(1)
        filters.addWidget(self.invite_all_button)
        self.guests_model = GuestsModel(self._tick, self)
        self.guests = QTableView(objectName="guestsView")
        self.guests.setModel(self.guests_model)
        self.guests.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.guests.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.guests.setAlternatingRowColors(True)
        self.guests.verticalHeader().hide()
        header = self.guests.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(P_NAME, QHeaderView.ResizeMode.Stretch)
        self.print_button = QPushButton(objectName="printAttendanceButton")
        self.print_button.clicked.connect(self.print_attendance_list)
        self.reminder_button = QPushButton(objectName="gatheringReminderButton")
        self.reminder_button.clicked.connect(self.draft_reminder)
        below = QHBoxLayout()
        below.addWidget(self.print_button)
        below.addWidget(self.reminder_button)
        below.addStretch(1)

        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.guests_title)
        right_layout.addWidget(self.guests_counts)
        right_layout.addLayout(filters)
        right_layout.addWidget(self.guests, 1)
        right_layout.addLayout(below)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.empty_text = QLabel(wordWrap=True, objectName="gatheringsEmpty")
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_new_button = QPushButton(objectName="emptyNewGatheringButton")
        self.empty_new_button.clicked.connect(self.new_gathering)
        empty = QWidget()
        empty_layout = QVBoxLayout(empty)
        empty_layout.addStretch(1)
        empty_layout.addWidget(self.empty_text)
        empty_layout.addWidget(self.empty_new_button, 0, Qt.AlignmentFlag.AlignCenter)
        empty_layout.addStretch(2)

        self.stack = QStackedWidget()
        self.stack.addWidget(empty)
        self.stack.addWidget(splitter)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(actions)
        layout.addWidget(self.stack, 1)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Joint gatherings bring all adepts and mentors of the round together, for "
                "example on job search, networking or salary and unions. Invite people, tick "
                "who came, and print a list to sign at the door."
            )
        )
        self.empty_text.setText(
            _(
                "No gatherings yet. Two or three joint gatherings per round, with a theme "
                "such as the CV and LinkedIn, networking or salary and the union, let adepts "
                "meet other mentors and each other."
            )
        )
        self.new_button.setText(_("&New gathering…"))
        self.empty_new_button.setText(_("New gathering…"))
        self.edit_button.setText(_("&Edit…"))
        self.delete_button.setText(_("&Delete"))
        self.calendar_button.setText(_("Save c&alendar…"))
        self.calendar_button.setToolTip(
            _("Save the round's pair meetings and gatherings as a calendar file (.ics)")
        )
        self.filter_label.setText(_("&Show:"))
        chosen = self.filter.currentData()
        self.filter.blockSignals(True)
        try:
            self.filter.clear()
            self.filter.addItem(_("Everyone"), "all")
            self.filter.addItem(role_label("adept", plural=True), "adept")
            self.filter.addItem(role_label("mentor", plural=True), "mentor")
            self.filter.addItem(_("Invited"), "invited")
            self.filter.setCurrentIndex(max(0, self.filter.findData(chosen)))
        finally:
            self.filter.blockSignals(False)
        self.filter.setAccessibleName(_("Show part of the guest list"))
        self.invite_all_button.setText(_("&Invite everyone"))
        self.invite_all_button.setToolTip(
            _("Invite every accepted and active adept and mentor of the round")
        )
        self.print_button.setText(_("Print attendance &list…"))
        self.reminder_button.setText(_("Draft a re&minder…"))
        self.view.setAccessibleName(_("The round's gatherings"))
        self.guests.setAccessibleName(_("Guest list: tick who is invited and who came"))
        self.refresh()

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the round's gatherings again, keeping the selected one."""
        selected = self.selected()
        services, cohort = self.context.services, self.context.cohort
        rows = []
        if services is not None and cohort is not None and cohort.id is not None:
            rows = services.gatherings.list(cohort.id)
        self.model.set_rows(rows)
        self.stack.setCurrentIndex(1 if rows else 0)
        target = self.model.row_of(selected.id) if selected else -1
        if target < 0 and rows:
            target = 0
        if target >= 0:
            self.view.setCurrentIndex(self.model.index(target, 0))
        self._show_current()
        self.setEnabled(services is not None and cohort is not None)

    def selected(self) -> GatheringRow | None:
        index = self.view.currentIndex()
        return self.model.row_at(index.row()) if index.isValid() else None

    def select_gathering(self, gathering_id: int) -> None:
        row = self.model.row_of(gathering_id)
        if row >= 0:
            self.view.setCurrentIndex(self.model.index(row, 0))

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self._show_current()

    def _show_current(self) -> None:
        gathering, services = self.selected(), self.context.services
        writable = not self.context.read_only
        chosen = gathering is not None
        for button in (self.edit_button, self.cancel_button, self.invite_all_button):
            button.setEnabled(chosen and writable)
        self.delete_button.setEnabled(chosen and writable and gathering.attended == 0)
        self.new_button.setEnabled(writable)
        self.empty_new_button.setEnabled(writable)
        self.print_button.setEnabled(chosen)
        self.reminder_button.setEnabled(chosen and gathering.invited > 0)
        self.cancel_button.setText(
            _("Reins&tate gathering")
            if gathering and gathering.cancelled
            else _("&Cancel gathering")
        )
        self.guests_model.editable = writable
        if gathering is None or services is None:
            self.guests_title.setText("")
            self.guests_counts.setText("")
            self.guests_model.set_rows([])
            return
        title = gathering.title
        if gathering.cancelled:
            title = _("{title} (cancelled)").format(title=title)
        when = when_text(gathering) + (f" · {gathering.place}" if gathering.place else "")
        self.guests_title.setText(f"{title}\n{when}")
        self.guests_counts.setText(counts_text(gathering))
        try:
            self.guests_model.set_rows(services.gatherings.guests(gathering.id))
        except MentorappError as error:  # deleted meanwhile (another window): say so
            self.guests_model.set_rows([])
            show_error(self, error)

    # -- writes ----------------------------------------------------------------------------
    def _cohort_id(self) -> int | None:
        cohort = self.context.cohort
        return cohort.id if cohort is not None else None

    def _writable(self) -> bool:
        return self.context.services is not None and not self.context.read_only

    def new_gathering(self) -> None:
        from mentorapp.gui.dialogs.gathering_dialog import GatheringDialog

        cohort_id, services = self._cohort_id(), self.context.services
        if cohort_id is None or services is None or not self._writable():
            return
        made = GatheringDialog.ask(self, services, cohort_id)
        if made is not None:
            self._changed(made.id)

    def edit_gathering(self) -> None:
        from mentorapp.gui.dialogs.gathering_dialog import GatheringDialog

        gathering, cohort_id, services = self.selected(), self._cohort_id(), self.context.services
        if gathering is None or cohort_id is None or services is None or not self._writable():
            return
        if GatheringDialog.ask(self, services, cohort_id, gathering) is not None:
            self._changed(gathering.id)

    def toggle_cancelled(self) -> None:
        gathering, services = self.selected(), self.context.services
        if gathering is None or services is None or not self._writable():
            return
        service = services.gatherings
        if not gathering.cancelled:
            answer = QMessageBox.question(
                self,
                _("Cancel gathering"),
                _(
                    "Cancel “{title}” on {when}? It stays in the list, marked cancelled, and "
                    "a calendar saved again shows it as cancelled."
                ).format(title=gathering.title, when=when_text(gathering)),
            )
            if answer != QMessageBox.StandardButton.Yes:
                return
        try:
            (service.uncancel if gathering.cancelled else service.cancel)(gathering.id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._changed(gathering.id)

    def delete_gathering(self) -> None:
        gathering, services = self.selected(), self.context.services
        if gathering is None or services is None or not self._writable():
            return
        answer = QMessageBox.question(
            self,
            _("Delete gathering"),
            _("Delete “{title}” and its invitations? This cannot be undone.").format(
                title=gathering.title
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            services.gatherings.delete(gathering.id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._changed(None)

    def invite_everyone(self) -> None:
        gathering, services = self.selected(), self.context.services
        if gathering is None or services is None or not self._writable():
            return
        try:
            services.gatherings.invite_all(gathering.id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._changed(gathering.id)

    def _tick(self, enrolment_id: int, which: str, checked: bool) -> None:
        """A tick in the guest list: invited, or came (also without an invitation)."""
        gathering, services = self.selected(), self.context.services
        if gathering is None or services is None or not self._writable():
            return
        current = self.guests.currentIndex()  # kept: Space, Down, Space… ticks row by row
        column = current.column() if current.isValid() else P_NAME
        try:
            if which == "invited":
                services.gatherings.invite(gathering.id, [enrolment_id], checked)
            else:
                services.gatherings.set_attendance(gathering.id, {enrolment_id: checked})
        except MentorappError as error:
            show_error(self, error)
        scroll = self.guests.verticalScrollBar().value()
        self._changed(gathering.id)
        self.guests.verticalScrollBar().setValue(scroll)
        row = self.guests_model.row_of(enrolment_id)
        if row >= 0:
            self.guests.setCurrentIndex(self.guests_model.index(row, column))

    def _changed(self, gathering_id: int | None) -> None:
        """Show the change, then tell the other views (the calendar, people's history)."""
        self.refresh()
        if gathering_id is not None:
            self.select_gathering(gathering_id)
        cohort_id = self._cohort_id()
        if cohort_id is None:
            return
        self._announcing = True
        try:
            self.context.events.gatherings_changed.emit(cohort_id)
        finally:
            self._announcing = False

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        if self._announcing or not page_on_screen(self):
            return
        if cohort_id is None or cohort_id == self._cohort_id():
            self.refresh()

    # -- files and other tools -------------------------------------------------------------
    def print_attendance_list(self) -> None:
        from mentorapp.gui.dialogs.files import ask_save_path

        gathering = self.selected()
        if gathering is None or self.context.services is None:
            return
        name = _("Attendance {day} {title}").format(
            day=gathering.starts_at.date().isoformat(), title=gathering.title
        )
        path = ask_save_path(
            self,
            _("Save the attendance list"),
            safe_file_name(name) + ".pdf",
            _("PDF files (*.pdf)"),
            suffix="pdf",
        )
        if path is None:
            return
        if self.write_attendance_list(path, gathering.id) is not None:
            self._offer(path)

    def write_attendance_list(self, path: Path, gathering_id: int) -> int | None:
        """Write the PDF; the number of names on it, or None after telling the user why not."""
        services = self.context.services
        if services is None:
            return None
        try:
            return services.gatherings.write_attendance_list(gathering_id, path)
        except MentorappError as error:
            show_error(self, error)
        except OSError as error:
            from mentorapp.errors import file_problem

            show_error(self, file_problem(error))
        return None

    def _offer(self, path: Path) -> None:
        from mentorapp.gui.pdf_printing import offer_saved_pdf

        text = _("The attendance list was saved to {path}.").format(path=path)
        offer_saved_pdf(self, _("Attendance list"), text, path)

    def save_calendar(self) -> None:
        from mentorapp.gui.widgets.calendar_actions import save_round_calendar

        cohort_id = self._cohort_id()
        if cohort_id is not None:
            save_round_calendar(self, self.context, cohort_id)

    def draft_reminder(self) -> None:
        from mentorapp.gui.dialogs.reminder_dialog import ReminderDialog

        gathering, cohort_id = self.selected(), self._cohort_id()
        if gathering is None or cohort_id is None:
            return
        dialog = ReminderDialog(
            self.context, cohort_id, who=f"gathering:{gathering.id}", parent=self
        )
        dialog.exec()


def counts_text(gathering: GatheringRow) -> str:
    """ "24 invited · 17 came", in the UI language."""
    invited = ngettext("{n} invited", "{n} invited", gathering.invited).format(n=gathering.invited)
    came = ngettext("{n} came", "{n} came", gathering.attended).format(n=gathering.attended)
    return f"{invited} · {came}"
