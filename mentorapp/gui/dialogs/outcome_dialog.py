"""Record (or correct) what an adept told the coordinator: a job, an internship or studies,
from which day, whether in their own field and whether it came through the mentor or the
programme. The employer is not asked for: the impact report needs none of it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, QStringListModel, Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QDateEdit, QLabel, QLineEdit, QWidget

from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import N_, _

if TYPE_CHECKING:
    from mentorapp.impact.answers import SurveyPerson
    from mentorapp.impact.outcomes import OutcomeRow
    from mentorapp.workspace.services import Services

KINDS = (("job", N_("Job")), ("internship", N_("Internship")), ("studies", N_("Studies")))
IN_FIELD = (("yes", N_("Yes")), ("partly", N_("Partly")), ("no", N_("No")), ("", N_("Not known")))
THROUGH = (("yes", N_("Yes")), ("no", N_("No")), ("", N_("Not known")))
NOTE_LIMIT = 200  # as impact.outcomes.NOTE_LIMIT (that module loads SQLAlchemy)


def label_of(choices: tuple[tuple[str, str], ...], value: str) -> str:
    return next((_(text) for key, text in choices if key == value), value)


@dataclass(frozen=True)
class OutcomeDraft:
    enrolment_id: int
    kind: str
    started_on: date
    in_field: str
    through_programme: str
    note: str


class OutcomeDialog(FormDialog):
    def __init__(
        self,
        services: Services,
        adepts: list[SurveyPerson],
        outcome: OutcomeRow | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("outcomeDialog")
        self.setWindowTitle(_("Correct outcome") if outcome else _("Record outcome"))
        self._services, self._outcome = services, outcome
        self.saved_id: int | None = None

        self.adept = QComboBox(objectName="outcomeAdept")
        self.adept.setEditable(True)
        self.adept.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        for person in adepts:
            self.adept.addItem(f"{person.name} <{person.email}>", person.enrolment_id)
        names = [self.adept.itemText(i) for i in range(self.adept.count())]
        completer = QCompleter(QStringListModel(names, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.adept.setCompleter(completer)
        self.adept.lineEdit().setPlaceholderText(_("Type a part of the name or e-mail"))
        self.kind = self._combo("outcomeKind", KINDS)
        self.started_on = QDateEdit(objectName="outcomeStartedOn", calendarPopup=True)
        today = date.today()
        self.started_on.setMaximumDate(QDate(today.year, today.month, today.day))
        self.started_on.setDate(QDate(today.year, today.month, today.day))
        self.in_field = self._combo("outcomeInField", IN_FIELD)
        self.through = self._combo("outcomeThrough", THROUGH)
        self.note = QLineEdit(objectName="outcomeNote")
        self.note.setMaxLength(NOTE_LIMIT)
        self.note.setPlaceholderText(_("Optional"))
        hint = QLabel(
            _(
                "Note an employer's or school's name only when you need it: the report counts "
                "the kind, the day, the field and whether the programme helped."
            ),
            wordWrap=True,
            objectName="outcomeNoteHint",
        )
        rows = (
            (_("&Adept:"), self.adept, "adept"),
            (_("&What:"), self.kind, "kind"),
            (_("&From:"), self.started_on, "on"),
            (_("In their own &field:"), self.in_field, "in_field"),
            (_("Found through the mentor or the &programme:"), self.through, "through_programme"),
            (_("&Note:"), self.note, "note"),
        )
        for text, widget, field in rows:
            label = QLabel(text)
            label.setBuddy(widget)
            widget.setAccessibleName(text.replace("&", "").rstrip(":"))
            self.form.addRow(label, widget)
            self.fields[field] = widget
        self.form.addRow("", hint)
        if outcome is not None:
            self._show(outcome)
        else:
            self.adept.setCurrentIndex(-1)
            self.in_field.setCurrentIndex(self.in_field.findData(""))
            self.through.setCurrentIndex(self.through.findData(""))
        self.validate = self._save
        self.resize(560, self.sizeHint().height())

    @staticmethod
    def _combo(name: str, choices: tuple[tuple[str, str], ...]) -> QComboBox:
        combo = QComboBox(objectName=name)
        for key, text in choices:
            combo.addItem(_(text), key)
        return combo

    def _show(self, outcome: OutcomeRow) -> None:
        index = self.adept.findData(outcome.enrolment_id)
        if index < 0:
            self.adept.addItem(f"{outcome.name} <{outcome.email}>", outcome.enrolment_id)
            index = self.adept.count() - 1
        self.adept.setCurrentIndex(index)
        self.adept.setEnabled(False)  # an outcome stays the person's; remove it instead
        self.kind.setCurrentIndex(max(0, self.kind.findData(outcome.kind)))
        day = outcome.started_on
        self.started_on.setDate(QDate(day.year, day.month, day.day))
        self.in_field.setCurrentIndex(max(0, self.in_field.findData(outcome.in_field)))
        self.through.setCurrentIndex(max(0, self.through.findData(outcome.through_programme)))
        self.note.setText(outcome.note)

    def chosen_adept(self) -> int | None:
        """The adept picked: the list's entry matching what is typed (a part is enough when
        only one entry has it)."""
        typed = self.adept.currentText().strip().casefold()
        if not typed:
            return None
        texts = [self.adept.itemText(i) for i in range(self.adept.count())]
        exact = [i for i, text in enumerate(texts) if text.casefold() == typed]
        partial = [i for i, text in enumerate(texts) if typed in text.casefold()]
        found = exact or partial
        return self.adept.itemData(found[0]) if len(found) == 1 else None

    def draft(self) -> OutcomeDraft:
        from mentorapp.errors import ValidationError

        enrolment_id = self.chosen_adept()
        if enrolment_id is None:
            raise ValidationError(N_("Choose the adept from the list."), "adept")
        day = self.started_on.date()
        return OutcomeDraft(
            enrolment_id,
            self.kind.currentData(),
            date(day.year(), day.month(), day.day()),
            self.in_field.currentData(),
            self.through.currentData(),
            self.note.text(),
        )

    def _save(self) -> None:
        """Write through the service; a refusal keeps the dialog open and names the field."""
        draft = self.draft()
        outcomes = self._services.outcomes
        fields = (draft.kind, draft.started_on, draft.in_field, draft.through_programme, draft.note)
        if self._outcome is None:
            self.saved_id = outcomes.record(draft.enrolment_id, *fields)
        else:
            outcomes.update(self._outcome.id, *fields)
            self.saved_id = self._outcome.id

    def _try_accept(self) -> None:
        from mentorapp.errors import MentorappError
        from mentorapp.gui.errors import show_error

        try:
            super()._try_accept()
        except MentorappError as error:  # not the form's fault (the disk, the file)
            show_error(self, error)

    @classmethod
    def ask(
        cls,
        parent: QWidget | None,
        services: Services,
        adepts: list[SurveyPerson],
        outcome: OutcomeRow | None = None,
    ) -> int | None:
        """The outcome's id once saved, or None."""
        dialog = cls(services, adepts, outcome, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.saved_id
