"""Type in the answers of paper survey forms, one person after another, without the mouse.

Type the code printed on the form (or a name) and press Enter; then one key per answer, the
focus moving on by itself (the keys are in ``gui/widgets/survey_item_editor.py``). Ctrl+Enter
saves the person and starts the next one. A person who has answered before opens with those
answers, to correct them. Nothing typed is lost unasked: choosing another person or closing
with answers not saved asks first, and a refused answer keeps the form as it was and names
the question.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import pairwise
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QEvent, QObject, QStringListModel, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.i18n import N_, _, format_date, ngettext
from mentorapp.impact.survey_model import Survey, SurveyContent

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext
    from mentorapp.gui.models.surveys_model import SurveyRow
    from mentorapp.gui.widgets.survey_item_editor import ItemEditor
    from mentorapp.workspace.services import Services


def _to_qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _from_qdate(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


def _plain(text: str) -> str:
    """A code or name as typed, compared: no case, spaces or hyphens."""
    return "".join(ch for ch in text.casefold() if ch not in " -–")


def choice_text(row: SurveyRow) -> str:
    """How a person is offered in the list: "Amina Hassan · K7-4Q2"."""
    return f"{row.name} · {row.code}" if row.code else row.name


class SurveyEntryDialog(QDialog):
    """``rows`` are the survey's people (or partner organisations) as the panel shows them."""

    def __init__(
        self,
        context: AppContext,
        cohort_id: int,
        survey: Survey,
        content: SurveyContent,
        rows: list[SurveyRow],
        start: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("surveyEntryDialog")
        self.context, self.cohort_id = context, cohort_id
        self.survey, self.content = survey, content
        self.partner = survey.key == "partner"
        self.rows = list(rows)
        self.current: SurveyRow | None = None
        self.saved_count = 0
        self._loaded: tuple[dict[str, str], date] = ({}, date.today())
        self._last_day = date.today()  # a pile of forms is mostly from one day: keep it
        self._following_focus = False  # the scroll area follows the focus while open
        self.setWindowTitle(_("Enter answers: {survey}").format(survey=survey.title))
        self._build()
        self._show_person(None)
        if start is not None:
            self.pick(start)
        self.resize(940, 760)

    @property
    def services(self) -> Services:
        assert self.context.services is not None
        return self.context.services

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        from mentorapp.gui.widgets.survey_item_editor import editor_for

        self.person_edit = QLineEdit(objectName="entryPerson")
        self.person_edit.setPlaceholderText(
            _("The organisation's name")
            if self.partner
            else _("Type the code on the form, or a name, and press Enter")
        )
        self.person_edit.returnPressed.connect(self._person_entered)
        self.completer = QCompleter(self)
        self.completer.setModel(QStringListModel([choice_text(r) for r in self.rows], self))
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self._completed)
        self.person_edit.setCompleter(self.completer)
        person_label = QLabel(_("&Organisation:") if self.partner else _("&Person (code or name):"))
        person_label.setBuddy(self.person_edit)
        self.person_edit.setAccessibleName(person_label.text().replace("&", "").rstrip(":"))
        self.answered_on = QDateEdit(objectName="entryAnsweredOn", calendarPopup=True)
        self.answered_on.setMaximumDate(_to_qdate(date.today()))
        self.answered_on.setDate(_to_qdate(date.today()))
        self.answered_on.dateChanged.connect(lambda _day: self._edited())
        date_label = QLabel(_("Answered &on:"))
        date_label.setBuddy(self.answered_on)
        self.answered_on.setAccessibleName(_("Answered on"))
        top = QHBoxLayout()
        top.addWidget(person_label)
        top.addWidget(self.person_edit, 1)
        top.addSpacing(12)
        top.addWidget(date_label)
        top.addWidget(self.answered_on)
        self.who_label = QLabel(objectName="entryWho", wordWrap=True)
        self.who_label.setStyleSheet("font-weight: bold")
        keys = QLabel(
            _(
                "Keys: agreement 1–5, and 0 or D for “don't know”; yes J or Y, no N; 0–10 as "
                "digits (1 then 0 for 10); a choice by its number. The focus moves on by "
                "itself; Up and Down move between questions, Delete clears an answer. "
                "Ctrl+Enter saves and starts the next form."
            ),
            objectName="entryKeys",
            wordWrap=True,
        )

        self.editors: dict[str, ItemEditor] = {}
        self.item_labels: dict[str, QLabel] = {}
        items = QWidget(objectName="entryItems")
        grid = QGridLayout(items)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 4)
        for row, item in enumerate(self.survey.items):
            label = QLabel(f"{row + 1}. {item.text}", wordWrap=True)
            if item.help:
                label.setToolTip(item.help)
            editor = editor_for(item, self.content.scales, items)
            editor.edited.connect(self._edited)
            editor.mover = self._move_from
            editor.setAccessibleName(f"{row + 1}. {item.text}")
            label.setBuddy(editor)
            grid.addWidget(label, row, 0)
            grid.addWidget(editor, row, 1)
            self.editors[item.key] = editor
            self.item_labels[item.key] = label
        grid.setRowStretch(len(self.survey.items), 1)
        self.scroll = QScrollArea(objectName="entryScroll")
        self.scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.scroll.setWidget(items)
        self.scroll.setWidgetResizable(True)

        self.status = QLabel(objectName="entryStatus", wordWrap=True)
        self.error_label = QLabel(objectName="errorLabel", wordWrap=True)
        self.error_label.setStyleSheet("font-weight: bold")
        self.error_label.setVisible(False)
        self.save_button = QPushButton(_("&Save and next (Ctrl+Enter)"), objectName="entrySave")
        self.save_button.clicked.connect(self.save_and_next)
        self.save_button.installEventFilter(self)  # Enter on it saves (it is not the default)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.save_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        for button in self.buttons.buttons():
            button.setAutoDefault(False)
            button.setDefault(False)
        for sequence in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(sequence), self, activated=self.save_and_next)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.who_label)
        layout.addWidget(keys)
        layout.addWidget(self.scroll, 1)
        layout.addWidget(self.error_label)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        # Tab order: the person, the day, each answer, then the buttons.
        chain = [self.person_edit, self.answered_on, *self.editors.values(), self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._following_focus = True

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter on the focused Save button saves; no button is the default, so Enter in the
        person field only finds the person."""
        if (
            watched is self.save_button
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            if self.save_button.isEnabled():
                self.save_and_next()
            return True
        return super().eventFilter(watched, event)

    def _move_from(self, editor: ItemEditor, forward: bool) -> None:
        """The next question (the previous one); after the last, the Save button."""
        editors = list(self.editors.values())
        at = editors.index(editor) + (1 if forward else -1)
        if at < 0:
            self.answered_on.setFocus(Qt.FocusReason.BacktabFocusReason)
        elif at >= len(editors):
            self.save_button.setFocus(Qt.FocusReason.TabFocusReason)
        else:
            editors[at].setFocus(Qt.FocusReason.TabFocusReason)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Keep the question being typed in view."""
        for editor in self.editors.values():
            if new is editor or (new is not None and editor.isAncestorOf(new)):
                self.scroll.ensureWidgetVisible(editor, 0, 40)
                return

    # -- who -------------------------------------------------------------------------------
    def _completed(self, text: str) -> None:
        match = [row for row in self.rows if choice_text(row) == text]
        if match:
            QTimer.singleShot(0, lambda: self.pick(match[0].id))

    def _person_entered(self) -> None:
        text = self.person_edit.text().strip()
        if self.current is not None and text == choice_text(self.current):
            self._first_answer().setFocus()
            return
        found = self.find(text)
        if len(found) == 1:
            self.pick(found[0].id)
            return
        message = (
            _("No one matches “{text}”.").format(text=text)
            if not found
            else ngettext(
                "{n} match “{text}”: type more of the name or the code.",
                "{n} match “{text}”: type more of the name or the code.",
                len(found),
            ).format(n=len(found), text=text)
        )
        self._say_error(message)

    def find(self, text: str) -> list[SurveyRow]:
        """By code first, then a whole name, then a part of one."""
        wanted = _plain(text)
        if not wanted:
            return []
        for test in (
            lambda row: row.code and _plain(row.code) == wanted,
            lambda row: _plain(row.name) == wanted or _plain(choice_text(row)) == wanted,
            lambda row: wanted in _plain(row.name),
        ):
            found = [row for row in self.rows if test(row)]
            if found:
                return found
        return []

    def pick(self, row_id: int) -> bool:
        """Show that person's form (asking first about answers not saved)."""
        row = next((r for r in self.rows if r.id == row_id), None)
        if row is None:
            return False
        if self.current is not None and row.id == self.current.id:
            # The same form again (its code typed twice): keep what was typed.
            self._show_person_text()
            self._first_answer().setFocus()
            return True
        if self.current is not None and not self._may_leave():
            self._show_person_text()
            return False
        try:
            stored = (
                self.services.surveys.partner_answers(row.id)
                if self.partner
                else self.services.surveys.answers(row.id, self.survey.key)
            )
        except MentorappError as error:
            self._say_error(error.user_message())
            return False
        self._show_person(row, stored or {})
        self._first_answer().setFocus()
        return True

    def _show_person(self, row: SurveyRow | None, stored: dict[str, str] | None = None) -> None:
        self.current = row
        values = dict(stored or {})
        answered = row.answered_on if row is not None and row.answered_on else self._last_day
        for key, editor in self.editors.items():
            editor.set_value(values.get(key, ""))
            editor.setEnabled(row is not None)
        self.answered_on.blockSignals(True)
        self.answered_on.setDate(_to_qdate(answered))
        self.answered_on.blockSignals(False)
        self._loaded = (self.values(), answered)
        self.error_label.setVisible(False)
        self._show_person_text()
        self.save_button.setEnabled(row is not None and not self.context.read_only)
        if row is None:
            self.who_label.setText(_("Choose whose form you are typing in."))
        elif stored:
            self.who_label.setText(
                _("{name} answered on {date}: correct the answers and save.").format(
                    name=row.name, date=format_date(row.answered_on) if row.answered_on else ""
                )
            )
        else:
            self.who_label.setText(_("{name}: not answered yet.").format(name=row.name))

    def _show_person_text(self) -> None:
        self.person_edit.setText(choice_text(self.current) if self.current else "")

    def _first_answer(self) -> QWidget:
        return next(iter(self.editors.values()), self.save_button)

    # -- answers ---------------------------------------------------------------------------
    def values(self) -> dict[str, str]:
        return {key: editor.value() for key, editor in self.editors.items()}

    def unsaved(self) -> bool:
        if self.current is None:
            return False
        values, day = self._loaded
        return self.values() != values or _from_qdate(self.answered_on.date()) != day

    def _edited(self) -> None:
        self.error_label.setVisible(False)

    def check(self) -> dict[str, str]:
        """Every answer as stored; a ValidationError names the first question refused."""
        from mentorapp.impact.survey_values import check_value

        checked = {}
        for item in self.survey.items:
            value = check_value(item, self.editors[item.key].value())
            if value:
                checked[item.key] = value
        return checked

    def save(self) -> bool:
        """Store the current person's answers; False (with the problem shown) otherwise."""
        row = self.current
        if row is None or self.context.read_only:
            return False
        day = _from_qdate(self.answered_on.date())
        try:
            values = self.check()
            if not values:
                raise ValidationError(N_("Fill in at least one answer before saving."))
            if self.partner:
                self.services.surveys.save_partner(row.id, values, day)
            else:
                self.services.surveys.save(row.id, self.survey.key, values, day, source="entry")
        except MentorappError as error:
            self._refused(error)
            return False
        self.saved_count += 1
        self._last_day = day
        saved = replace(row, answered_on=day)
        self.rows = [saved if r.id == row.id else r for r in self.rows]
        self.current = saved
        self._loaded = (self.values(), day)
        self.context.events.surveys_changed.emit(self.cohort_id)
        self.status.setText(
            ngettext(
                "Saved {name} ({n} answer).", "Saved {name} ({n} answers).", len(values)
            ).format(name=row.name, n=len(values))
        )
        return True

    def _refused(self, error: MentorappError) -> None:
        """Say which question (or the day) was refused and go there; nothing typed is lost."""
        field = getattr(error, "field", "")
        item = self.survey.item(field) if field else None
        message = error.user_message()
        if item is not None:
            number = self.survey.items.index(item) + 1
            message = _("Question {number} (“{text}”): {problem}").format(
                number=number, text=item.text, problem=message
            )
            self.editors[item.key].setFocus()
        elif field == "answered_on":
            self.answered_on.setFocus()
        self._say_error(message)

    def _say_error(self, message: str) -> None:
        self.error_label.setText(message)
        self.error_label.setAccessibleName(message)
        self.error_label.setVisible(True)

    def save_and_next(self) -> None:
        """Ctrl+Enter: save this form, then an empty one for the next person."""
        if self.current is None:
            self._person_entered()
            return
        if not self.save():
            return
        self._show_person(None)
        self.person_edit.setFocus()

    # -- leaving ---------------------------------------------------------------------------
    def _may_leave(self) -> bool:
        """True when nothing is unsaved, or the user saved it or chose to drop it."""
        if not self.unsaved():
            return True
        assert self.current is not None
        answer = QMessageBox.question(
            self,
            _("Answers not saved"),
            _("Save the answers typed for {name}?").format(name=self.current.name),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Save,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def reject(self) -> None:
        if self._may_leave():
            super().reject()

    def done(self, result: int) -> None:
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if isinstance(app, QApplication) and self._following_focus:
            app.focusChanged.disconnect(self._focus_changed)
            self._following_focus = False
        super().done(result)

    @classmethod
    def run(
        cls,
        parent: QWidget,
        context: AppContext,
        cohort_id: int,
        survey: Survey,
        content: SurveyContent,
        rows: list[SurveyRow],
        start: int | None = None,
    ) -> int:
        """Open the entry view; the number of forms saved."""
        dialog = cls(context, cohort_id, survey, content, rows, start, parent)
        dialog.exec()
        return dialog.saved_count
