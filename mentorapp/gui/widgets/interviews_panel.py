"""Interviews in the Selection stage: who has one booked, the interview sheet with the guide's
questions, and the decision taken after it; a day's schedule prints as a PDF list."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain.enums import EnrolmentStatus, Role, role_label, status_label
from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, current_language, format_date, format_datetime, format_time
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.people.interview_guide import Question
    from mentorapp.people.interviews import InterviewRow
    from mentorapp.people.records import ParticipantRow

ENROLMENT_ID = Qt.ItemDataRole.UserRole + 1
SORT_KEY = Qt.ItemDataRole.UserRole + 2
INTERVIEW_COLUMN = 3
DECISIONS = (
    (EnrolmentStatus.ACCEPTED.value, N_("Accept")),
    (EnrolmentStatus.WAITLISTED.value, N_("Put on the waiting list")),
    (EnrolmentStatus.DECLINED.value, N_("Decline")),
)
SAVE_PAUSE_MS = 800  # typing is saved after this pause, on leaving and before any other job


def current_interview(interviews: list[InterviewRow]) -> InterviewRow | None:
    """The interview an applicant's row is about: the latest one not cancelled, else the
    latest cancelled one (so the list can say so), else none."""
    kept = [i for i in interviews if i.state != "cancelled"]
    chosen = kept or interviews
    return chosen[-1] if chosen else None


def interview_text(interview: InterviewRow | None) -> str:
    """The list's words for an applicant's interview."""
    if interview is None:
        return _("No interview")
    when = format_datetime(interview.starts_at)
    if interview.state == "booked":
        return _("Booked {when}").format(when=when)
    if interview.state == "held":
        outcome = status_label(interview.decision) if interview.decision else _("no decision")
        return _("Held {day}: {decision}").format(
            day=format_date(interview.starts_at.date()), decision=outcome
        )
    return _("Cancelled ({when})").format(when=when)


class QuestionRow:
    """One question of the guide on the sheet: its text, hint, score 1–5 and note."""

    def __init__(self, question: Question) -> None:
        self.key = question.key
        self.question = QLabel(question.question, wordWrap=True)
        bold = QFont(self.question.font())
        bold.setBold(True)
        self.question.setFont(bold)
        self.hint = QLabel(question.hint, wordWrap=True)
        italic = QFont(self.hint.font())
        italic.setItalic(True)
        self.hint.setFont(italic)
        self.score = QComboBox(objectName=f"score_{question.key}")
        self.score.addItem("—", None)
        for value in range(1, 6):
            self.score.addItem(str(value), value)
        self.score.setAccessibleName(
            _("Assessment 1–5: {question}").format(question=question.question)
        )
        self.note = QLineEdit(objectName=f"note_{question.key}")
        self.note.setPlaceholderText(_("Note"))
        self.note.setAccessibleName(_("Note: {question}").format(question=question.question))

    def value(self) -> tuple[int | None, str]:
        return self.score.currentData(), self.note.text()

    def show(self, score: int | None, note: str) -> None:
        self.score.setCurrentIndex(max(0, self.score.findData(score)) if score else 0)
        self.note.setText(note)


@stage_tool("selection", title=N_("Interviews"))
class InterviewsPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("interviewsPanel")
        self.context = context
        self._applicants: dict[int, ParticipantRow] = {}
        self._interviews: dict[int, list[InterviewRow]] = {}
        self._sheet: InterviewRow | None = None  # the interview the sheet shows
        self._questions: list[QuestionRow] = []
        self._built: list[tuple[str, str, str]] = []  # the questions on the sheet now
        self._dirty: set[str] = set()  # question keys typed and not saved; "" for the notes
        self._decision_drafts: dict[int, tuple[str, str]] = {}  # id → (decision, reason)
        self._loading = False
        self._announcing = False
        self._save_timer = QTimer(self, singleShot=True, interval=SAVE_PAUSE_MS)
        self._save_timer.timeout.connect(self.flush)
        self._build()
        context.events.participants_changed.connect(self._changed_elsewhere)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True)
        self.role_label, self.day_label = QLabel(), QLabel()
        self.role_filter = QComboBox(objectName="interviewRoleFilter")
        self.day_filter = QComboBox(objectName="interviewDayFilter")
        self.role_label.setBuddy(self.role_filter)
        self.day_label.setBuddy(self.day_filter)
        self.role_filter.currentIndexChanged.connect(lambda _i: self._fill())
        self.day_filter.currentIndexChanged.connect(lambda _i: self._fill())
        filters = QHBoxLayout()
        for widget in (self.role_label, self.role_filter, self.day_label, self.day_filter):
            filters.addWidget(widget)
        filters.addStretch(1)

        self.model = QStandardItemModel(self)
        self.model.setSortRole(SORT_KEY)
        self.view = QTreeView(objectName="interviewsView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setAlternatingRowColors(True)
        self.view.setSortingEnabled(True)
        # The order the user chose; kept here, as clearing the model resets the header's.
        self._sort = (INTERVIEW_COLUMN, Qt.SortOrder.AscendingOrder)
        self._filling = False
        self.view.header().sortIndicatorChanged.connect(self._sorted)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)
        self.view.doubleClicked.connect(lambda _index: self.book())

        self.book_button = QPushButton(objectName="bookInterviewButton")
        self.book_button.clicked.connect(self.book)
        self.move_button = QPushButton(objectName="moveInterviewButton")
        self.move_button.clicked.connect(self.move)
        self.cancel_button = QPushButton(objectName="cancelInterviewButton")
        self.cancel_button.clicked.connect(self.cancel)
        self.print_button = QPushButton(objectName="printScheduleButton")
        self.print_button.clicked.connect(self.print_schedule)
        actions = QHBoxLayout()
        for button in (self.book_button, self.move_button, self.cancel_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.print_button)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addLayout(filters)
        left_layout.addWidget(self.view, 1)

        self.sheet_title = QLabel(objectName="sheetTitle", wordWrap=True)
        big = QFont(self.sheet_title.font())
        big.setBold(True)
        big.setPointSizeF(big.pointSizeF() * 1.15)
        self.sheet_title.setFont(big)
        self.sheet_when = QLabel(objectName="sheetWhen", wordWrap=True)
        self.guide_intro = QLabel(wordWrap=True)
        self.questions_box = QGroupBox()
        self.questions_layout = QVBoxLayout(self.questions_box)
        self.notes_box = QGroupBox()
        self.notes = QPlainTextEdit(objectName="interviewNotes")
        self.notes.setMinimumHeight(80)
        self.notes.textChanged.connect(lambda: self._typed(""))
        QVBoxLayout(self.notes_box).addWidget(self.notes)
        self.decision_box = QGroupBox()
        self.decision = QComboBox(objectName="interviewDecision")
        self.reason = QLineEdit(objectName="interviewReason")
        self.decide_button = QPushButton(objectName="decideButton")
        self.decide_button.clicked.connect(self.decide)
        self.decided_label = QLabel(objectName="decidedLabel", wordWrap=True)
        self.decision_label, self.reason_label = QLabel(), QLabel()
        self.decision_label.setBuddy(self.decision)
        self.reason_label.setBuddy(self.reason)
        decision_form = QFormLayout(self.decision_box)
        decision_form.addRow(self.decision_label, self.decision)
        decision_form.addRow(self.reason_label, self.reason)
        decision_form.addRow(self.decided_label)
        decision_form.addRow(self.decide_button)
        self.empty_label = QLabel(objectName="sheetEmpty", wordWrap=True)

        sheet = QWidget()
        sheet_layout = QVBoxLayout(sheet)
        for widget in (
            self.empty_label,
            self.sheet_title,
            self.sheet_when,
            self.guide_intro,
            self.questions_box,
            self.notes_box,
            self.decision_box,
        ):
            sheet_layout.addWidget(widget)
        sheet_layout.addStretch(1)
        self.sheet_scroll = QScrollArea()
        self.sheet_scroll.setWidgetResizable(True)
        self.sheet_scroll.setWidget(sheet)
        self.sheet_scroll.setMinimumWidth(380)
        self.sheet_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(self.sheet_scroll)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.intro)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)
        self._show_sheet(None)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Book an interview with each applicant, take notes on the guide's questions "
                "while you talk, and record the decision. Booking sets the status to "
                "“Interview booked”; the decision moves the application on, with its reason "
                "in the history."
            )
        )
        self.role_label.setText(_("R&ole:"))
        self.day_label.setText(_("D&ay:"))
        self._fill_combo(
            self.role_filter,
            [("", _("All roles"))] + [(r.value, role_label(r.value, plural=True)) for r in Role],
        )
        self.role_filter.setAccessibleName(_("Show the applicants of one role"))
        self.day_filter.setAccessibleName(_("Show one day's interviews"))
        self.view.setAccessibleName(_("Applicants and their interviews"))
        self.book_button.setText(_("&Book interview…"))
        self.move_button.setText(_("&Move…"))
        self.cancel_button.setText(_("Cancel interview"))
        self.print_button.setText(_("Print the da&y's schedule…"))
        self.questions_box.setTitle(_("Questions"))
        self.notes_box.setTitle(_("General notes"))
        self.notes.setAccessibleName(_("General notes on the interview"))
        self.decision_box.setTitle(_("Decision"))
        self.decision_label.setText(_("D&ecision:"))
        self.reason_label.setText(_("Rea&son:"))
        self.reason.setPlaceholderText(_("Shown in the application's history"))
        self.reason.setAccessibleName(_("Reason for the decision"))
        self.decision.setAccessibleName(_("Decision"))
        self._fill_combo(self.decision, [(key, _(label)) for key, label in DECISIONS])
        self.decide_button.setText(_("Save &decision"))
        self.sheet_scroll.setAccessibleName(_("The interview sheet"))
        self.refresh()

    @staticmethod
    def _fill_combo(combo: QComboBox, items: list[tuple[object, str]]) -> None:
        chosen = combo.currentData()
        combo.blockSignals(True)
        try:
            combo.clear()
            for data, text in items:
                combo.addItem(text, data)
            combo.setCurrentIndex(max(0, combo.findData(chosen)))
        finally:
            combo.blockSignals(False)

    # -- data ------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Read the round's applicants and interviews again, keeping the selected one."""
        self.flush()
        services, cohort = self.context.services, self.context.cohort
        if services is None or cohort is None or cohort.id is None:
            self._applicants, self._interviews = {}, {}
        else:
            self._applicants = {r.enrolment_id: r for r in services.participants.rows(cohort.id)}
            self._interviews = {}
            for interview in services.interviews.for_round(cohort.id):
                self._interviews.setdefault(interview.enrolment_id, []).append(interview)
        days = sorted(
            {
                interview.starts_at.date()
                for rows in self._interviews.values()
                for interview in rows
                if interview.state != "cancelled"
            }
        )
        self._fill_combo(
            self.day_filter,
            [(None, _("All days"))] + [(day.isoformat(), format_date(day, "full")) for day in days],
        )
        self._fill()
        self.setEnabled(services is not None and cohort is not None)

    def _fill(self) -> None:
        """Show the rows the filters let through, in the order chosen."""
        current = self.selected_enrolment()
        role, day = self.role_filter.currentData(), self.day_filter.currentData()
        self._filling = True
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [
                _("Name"),
                _("Role"),
                _("Status"),
                _("Interview"),
                _("Place or link"),
                _("Interviewer"),
            ]
        )
        for row in self._applicants.values():
            interview = current_interview(self._interviews.get(row.enrolment_id, []))
            if role and row.role != role:
                continue
            if day and (interview is None or interview.starts_at.date().isoformat() != day):
                continue
            when = interview.starts_at.isoformat() if interview else "~"
            place = interview.place if interview else ""
            interviewer = interview.interviewer if interview else ""
            cells = [
                (row.name, f"{row.last_name.casefold()} {row.first_name.casefold()}"),
                (role_label(row.role), row.role),
                (status_label(row.status), row.status),
                (interview_text(interview), when),
                (place, place.casefold()),
                (interviewer, interviewer.casefold()),
            ]
            items = []
            for text, key in cells:
                item = QStandardItem(text)
                item.setData(key, SORT_KEY)
                item.setData(row.enrolment_id, ENROLMENT_ID)
                items.append(item)
            self.model.appendRow(items)
        self.view.sortByColumn(*self._sort)
        self._filling = False
        for column in range(4):
            self.view.resizeColumnToContents(column)
        self.select_enrolment(current)

    def _sorted(self, column: int, order: Qt.SortOrder) -> None:
        if not self._filling and 0 <= column < self.model.columnCount():
            self._sort = (column, order)

    def selected_enrolment(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(ENROLMENT_ID) if index.isValid() else None

    def select_enrolment(self, enrolment_id: int | None) -> None:
        """Make that applicant the current row (the first row if they are not shown)."""
        target = 0
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(ENROLMENT_ID) == enrolment_id:
                target = row
                break
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(target, 0))
        else:
            self._current_changed(QModelIndex(), QModelIndex())
        self._show_current()

    def _current_changed(self, _current: QModelIndex, _previous: QModelIndex) -> None:
        self.flush()
        self._show_current()

    def _show_current(self) -> None:
        enrolment_id = self.selected_enrolment()
        applicant = self._applicants.get(enrolment_id) if enrolment_id is not None else None
        interview = (
            current_interview(self._interviews.get(enrolment_id, []))
            if enrolment_id is not None
            else None
        )
        bookable = applicant is not None and applicant.status in ("applied", "interview")
        booked = interview is not None and interview.state == "booked"
        writable = not self.context.read_only
        self.book_button.setEnabled(bookable and not booked and writable)
        self.move_button.setEnabled(booked and writable)
        self.cancel_button.setEnabled(booked and writable)
        self._show_sheet(interview if interview and interview.state != "cancelled" else None)

    # -- the sheet -------------------------------------------------------------------------
    def _show_sheet(self, interview: InterviewRow | None) -> None:
        from mentorapp.people.interview_guide import load_guide

        same = (
            interview is not None
            and self._sheet is not None
            and interview.id == self._sheet.id
            and bool(self._dirty)
        )
        self._keep_decision_draft()
        self._sheet = interview
        for widget in (
            self.sheet_title,
            self.sheet_when,
            self.guide_intro,
            self.questions_box,
            self.notes_box,
            self.decision_box,
        ):
            widget.setVisible(interview is not None)
        self.empty_label.setVisible(interview is None)
        self.empty_label.setText(
            _(
                "Select an applicant with a booked interview to take notes. Book one with "
                "“Book interview…”."
            )
        )
        if interview is None or same:
            return
        try:
            guide = load_guide(current_language())
        except MentorappError as error:  # an edited guide with a fault: say where it is
            self._sheet = None  # nothing typed may go to this interview from another sheet
            for widget in (self.questions_box, self.notes_box, self.decision_box):
                widget.setVisible(False)
            show_error(self, error)
            return
        services = self.context.services
        if services is not None:
            # The stored notes, decision and reason, not the copy read with the list.
            interview = self._sheet = services.interviews.interview(interview.id)
        self._loading = True
        try:
            self.sheet_title.setText(f"{interview.name} — {role_label(interview.role)}")
            ends = format_time(interview.ends_at)
            parts = [f"{format_datetime(interview.starts_at)}–{ends}"]
            parts += [p for p in (interview.place, interview.interviewer) if p]
            self.sheet_when.setText(" · ".join(parts))
            self.guide_intro.setText(guide.intro)
            self._build_questions(guide.for_role(interview.role))
            answers = services.interviews.answers(interview.id) if services else {}
            for row in self._questions:
                answer = answers.get(row.key)
                row.show(answer.score if answer else None, answer.note if answer else "")
            self.notes.setPlainText(interview.notes)
            decision, reason = self._decision_drafts.get(
                interview.id, (interview.decision, interview.reason)
            )
            self.decision.setCurrentIndex(max(0, self.decision.findData(decision)))
            self.reason.setText(reason)
            self._show_writable()
            if interview.state == "held" and interview.decision:
                self.decided_label.setText(
                    _("Decided on {day}: {decision}").format(
                        day=format_date(interview.decided_on),
                        decision=status_label(interview.decision),
                    )
                )
            else:
                self.decided_label.setText(_("Not decided yet."))
        finally:
            self._loading = False
        self._dirty.clear()

    def _build_questions(self, questions: tuple[Question, ...]) -> None:
        """The guide's questions for the role (built again only when they differ)."""
        wanted = [(q.key, q.question, q.hint) for q in questions]
        if wanted == self._built:
            return
        self._built = wanted
        while self.questions_layout.count():
            item = self.questions_layout.takeAt(0)
            widget = item.widget()
            if widget is not None:
                widget.hide()
                widget.setParent(None)
                widget.deleteLater()
        self._questions = []
        for question in questions:
            row = QuestionRow(question)
            row.score.currentIndexChanged.connect(lambda _i, k=row.key: self._typed(k))
            row.note.textEdited.connect(lambda _t, k=row.key: self._typed(k))
            box = QWidget()
            layout = QVBoxLayout(box)
            layout.setContentsMargins(0, 4, 0, 4)
            layout.addWidget(row.question)
            layout.addWidget(row.hint)
            line = QHBoxLayout()
            line.addWidget(row.score)
            line.addWidget(row.note, 1)
            layout.addLayout(line)
            self.questions_layout.addWidget(box)
            self._questions.append(row)

    def question_rows(self) -> list[QuestionRow]:
        return list(self._questions)

    def _typed(self, key: str) -> None:
        if self._loading or self._sheet is None:
            return
        self._dirty.add(key)
        self._save_timer.start()

    def flush(self) -> None:
        """Save the scores, notes and general notes typed on the sheet and not saved yet."""
        self._save_timer.stop()
        if (
            not self._dirty
            or self._sheet is None
            or self.context.services is None
            or self.context.read_only
        ):
            self._dirty.clear()
            return
        dirty, self._dirty = self._dirty, set()
        service = self.context.services.interviews
        answers = {row.key: row.value() for row in self._questions if row.key in dirty}
        try:
            if answers:
                service.save_answers(self._sheet.id, answers)
            if "" in dirty:
                service.save_notes(self._sheet.id, self.notes.toPlainText())
        except MentorappError as error:
            self._dirty = dirty  # kept on screen, tried again on the next pause
            show_error(self, error)

    # -- jobs ------------------------------------------------------------------------------
    def _applicant(self) -> ParticipantRow | None:
        enrolment_id = self.selected_enrolment()
        return self._applicants.get(enrolment_id) if enrolment_id is not None else None

    def _booked(self) -> InterviewRow | None:
        applicant = self._applicant()
        if applicant is None:
            return None
        interview = current_interview(self._interviews.get(applicant.enrolment_id, []))
        return interview if interview and interview.state == "booked" else None

    def book(self) -> None:
        from mentorapp.gui.dialogs.interview_dialog import InterviewDialog

        applicant, services = self._applicant(), self.context.services
        if applicant is None or services is None or self._booked() is not None:
            return
        if applicant.status not in ("applied", "interview"):
            return
        self.flush()
        last = [i.interviewer for rows in self._interviews.values() for i in rows if i.interviewer]
        made = InterviewDialog.ask(
            self, services, applicant.enrolment_id, applicant.name, None, last[-1] if last else ""
        )
        if made is not None:
            self._changed(applicant.enrolment_id)

    def move(self) -> None:
        from mentorapp.gui.dialogs.interview_dialog import InterviewDialog

        applicant, booked, services = self._applicant(), self._booked(), self.context.services
        if applicant is None or booked is None or services is None:
            return
        self.flush()
        if InterviewDialog.ask(self, services, applicant.enrolment_id, applicant.name, booked):
            self._changed(applicant.enrolment_id)

    def cancel(self) -> None:
        booked, services = self._booked(), self.context.services
        if booked is None or services is None:
            return
        self.flush()
        reason, ok = QInputDialog.getText(
            self,
            _("Cancel interview"),
            _(
                "Cancel the interview with {name} on {when}? The application goes back to "
                "“Applied”. Reason (optional, shown in the history):"
            ).format(name=booked.name, when=format_datetime(booked.starts_at)),
        )
        if not ok:
            return
        try:
            services.interviews.cancel(booked.id, reason)
        except MentorappError as error:
            show_error(self, error)
            return
        self._changed(booked.enrolment_id)

    def decide(self) -> None:
        """Save the decision through the pipeline: the interview is held, the status moves."""
        interview, services = self._sheet, self.context.services
        if interview is None or services is None:
            return
        self.flush()
        try:
            services.interviews.decide(
                interview.id, self.decision.currentData(), self.reason.text()
            )
        except MentorappError as error:
            show_error(self, error)
            if getattr(error, "field", "") == "reason":
                self.reason.setFocus()
            return
        self._decision_drafts.pop(interview.id, None)
        self._changed(interview.enrolment_id)

    def _keep_decision_draft(self) -> None:
        """A decision chosen or a reason typed and not saved yet stays with its interview
        while the coordinator looks at another applicant (a decision moves the status, so it
        is saved only with "Save decision")."""
        sheet = self._sheet
        if sheet is None or self._loading:
            return
        draft = (self.decision.currentData() or "", self.reason.text())
        if draft != (sheet.decision, sheet.reason):
            self._decision_drafts[sheet.id] = draft
        else:
            self._decision_drafts.pop(sheet.id, None)

    def has_unsaved_decision(self) -> bool:
        self._keep_decision_draft()
        return bool(self._decision_drafts)

    def _show_writable(self) -> None:
        """A file opened read-only shows the sheet but takes no typing."""
        writable = not self.context.read_only
        self.notes.setReadOnly(not writable)
        self.reason.setReadOnly(not writable)
        self.decision.setEnabled(writable)
        self.decide_button.setEnabled(writable)
        for row in self._questions:
            row.score.setEnabled(writable)
            row.note.setReadOnly(not writable)

    def _changed(self, enrolment_id: int) -> None:
        """Show the change, then tell the other views (the applications table, the overview)."""
        self.refresh()
        self.select_enrolment(enrolment_id)
        cohort = self.context.cohort
        self._announcing = True
        try:
            self.context.events.participants_changed.emit(cohort.id if cohort else None)
        finally:
            self._announcing = False

    def _changed_elsewhere(self, cohort_id: int | None) -> None:
        cohort = self.context.cohort
        if self._announcing or not page_on_screen(self) or cohort is None:
            return
        if cohort_id is None or cohort_id == cohort.id:
            self.refresh()

    # -- the day's schedule ----------------------------------------------------------------
    def schedule_day(self) -> date | None:
        """The day chosen in the filter, else the selected applicant's interview day."""
        chosen = self.day_filter.currentData()
        if chosen:
            return date.fromisoformat(chosen)
        applicant = self._applicant()
        if applicant is not None:
            interview = current_interview(self._interviews.get(applicant.enrolment_id, []))
            if interview is not None and interview.state != "cancelled":
                return interview.starts_at.date()
        return None

    def print_schedule(self) -> None:
        from mentorapp.gui.dialogs.files import ask_save_path

        day, cohort = self.schedule_day(), self.context.cohort
        if day is None or cohort is None:
            QMessageBox.information(
                self,
                _("Interview schedule"),
                _("Choose a day under “Day”, or select an applicant with a booked interview."),
            )
            return
        path = ask_save_path(
            self,
            _("Save the day's schedule"),
            safe_file_name(_("Interviews {day}").format(day=day.isoformat())) + ".pdf",
            _("PDF files (*.pdf)"),
        )
        if path is None:
            return
        if self.write_schedule(path, day) is not None:
            self._offer(path)

    def write_schedule(self, path: Path, day: date) -> int | None:
        """Write the PDF; the number of interviews on it, or None after telling the user why not."""
        cohort, services = self.context.cohort, self.context.services
        if cohort is None or cohort.id is None or services is None:
            return None
        try:
            return services.interviews.write_schedule(cohort.id, day, path)
        except MentorappError as error:
            show_error(self, error)
        except OSError as error:
            from mentorapp.errors import file_problem

            show_error(self, file_problem(error))
        return None

    def _offer(self, path: Path) -> None:
        from mentorapp.gui.pdf_printing import offer_saved_pdf

        text = _("The schedule was saved to {path}.").format(path=path)
        offer_saved_pdf(self, _("Interview schedule"), text, path)
