"""Draft a reminder for a set of people; the coordinator's own mail program sends it.

Three ways out, each noted on the people's history: open it in the mail program (``mailto:``
links, several when the list of addresses is long), copy the addresses, or save a mail merge
file for Word or Outlook. In a file opened read-only every way still works, but nothing is
noted, since nothing can be written.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.dialogs.files import ask_save_path
from mentorapp.gui.errors import show_error
from mentorapp.gui.widgets.mail_parts import MailParts
from mentorapp.gui.widgets.reminder_people import (
    ENROLMENT_ID,
    MessagePreview,
    RecipientList,
    message_for,
)
from mentorapp.gui.widgets.reminder_wording import WordingEditor, ask_close_unsaved, ask_keep_typed
from mentorapp.i18n import N_, _, format_date, ngettext
from mentorapp.paths import safe_file_name
from mentorapp.running.reminder_text import Wording, join_addresses

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext
    from mentorapp.running.reminders import Draft
    from mentorapp.workspace.services import Services

__all__ = ["ENROLMENT_ID", "LANGUAGE_NAMES", "SETS", "ReminderDialog", "ask_keep_typed"]

SETS = (
    ("needs_check_in", N_("Groups that need a check-in")),
    ("not_started", N_("Groups that have not started")),
    ("mentors_without_first_meeting", N_("Mentors without a first meeting")),
    ("meeting_upcoming", N_("Groups with a meeting in the next two weeks")),
)
LANGUAGE_NAMES = (("sv", N_("Swedish")), ("en", N_("English")))
PREVIEW_DELAY_MS = 250


class ReminderDialog(QDialog):
    """``who`` is the set to start with: a key of SETS or ``gathering:ID``."""

    def __init__(
        self, context: AppContext, cohort_id: int, who: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("reminderDialog")
        self.context = context
        self.cohort_id = cohort_id
        self.draft: Draft | None = None
        self._loading = False
        # The wording as last used by a way out: what the fields are compared with before the
        # dialog closes (the wording as loaded or saved is the wording box's).
        self._used: Wording | None = None
        self._preview_timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self._redraft)
        self.setWindowTitle(_("Draft a reminder"))
        self._build()
        self._fill_sets(who)
        self._choose_language()
        self._load()
        self.resize(980, 680)

    @property
    def services(self) -> Services:
        assert self.context.services is not None
        return self.context.services

    @property
    def programme_id(self) -> int:
        programme = self.context.programme
        assert programme is not None and programme.id is not None
        return programme.id

    @property
    def part_buttons(self) -> list[QPushButton]:
        return self.parts_box.buttons

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.who_combo = QComboBox(objectName="reminderWhoCombo")
        self.who_combo.setAccessibleName(_("Who gets the reminder"))
        self.who_combo.currentIndexChanged.connect(self._load)
        self.language_combo = QComboBox(objectName="reminderLanguageCombo")
        self.language_combo.setAccessibleName(_("Language of the message"))
        for code, name in LANGUAGE_NAMES:
            self.language_combo.addItem(_(name), code)
        self.language_combo.currentIndexChanged.connect(self._language_changed)
        top = QFormLayout()
        top.addRow(_("Who:"), self.who_combo)
        top.addRow(_("Language:"), self.language_combo)

        self.people_box = RecipientList()
        self.people_box.ticks_changed.connect(self._ticked)
        self.people_box.current_changed.connect(self._show_preview)
        self.people, self.people_model = self.people_box.people, self.people_box.people_model
        self.count_label = self.people_box.count_label

        editor = self.wording_box = WordingEditor(
            self.context, lambda: (self.programme_id, self.key(), self.language())
        )
        self.subject_edit, self.body_edit = editor.subject_edit, editor.body_edit
        self.subject_edit.textEdited.connect(self._wording_edited)
        self.body_edit.textChanged.connect(self._wording_edited)
        self.placeholders, self.wording_state = editor.placeholders, editor.wording_state
        self.save_wording_button = editor.save_wording_button
        self.save_wording_button.clicked.connect(self.save_wording)
        self.reset_wording_button = editor.reset_wording_button
        self.reset_wording_button.clicked.connect(self.reset_wording)
        self.error_label = editor.error_label

        self.preview_box = MessagePreview()
        self.preview_title, self.preview = self.preview_box.preview_title, self.preview_box.preview

        grid = QGridLayout()
        grid.addWidget(self.people_box, 0, 0, 2, 1)
        grid.addWidget(self.wording_box, 0, 1)
        grid.addWidget(self.preview_box, 1, 1)
        grid.setColumnStretch(0, 3)
        grid.setColumnStretch(1, 5)

        self.mail_button = QPushButton(_("Open in mail program"), objectName="openMailButton")
        self.mail_button.clicked.connect(self.open_in_mail)
        self.copy_button = QPushButton(_("Copy addresses"), objectName="copyAddressesButton")
        self.copy_button.clicked.connect(self.copy_addresses)
        self.copy_text_button = QPushButton(_("Copy the text"), objectName="copyTextButton")
        self.copy_text_button.clicked.connect(self.copy_text)
        self.csv_button = QPushButton(_("Save mail merge file…"), objectName="saveMailMergeButton")
        self.csv_button.clicked.connect(self.save_mail_merge)
        actions = QHBoxLayout()
        for button in (self.mail_button, self.copy_button, self.copy_text_button, self.csv_button):
            actions.addWidget(button)
        actions.addStretch(1)
        self.parts_box = MailParts(lambda: self.draft if self._flush_preview() else None)
        self.parts_box.opened.connect(lambda: self._noted("mail"))
        self.parts_note, self.parts_layout = self.parts_box.note, self.parts_box.buttons_row
        self.status_label = QLabel(wordWrap=True, objectName="reminderStatus")
        never = QLabel(_("Mentorapp never sends e-mail: your mail program does."))
        never.setObjectName("neverSends")
        never.setStyleSheet("font-weight: bold")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(grid, 1)
        layout.addLayout(actions)
        layout.addWidget(self.parts_box)
        layout.addWidget(self.status_label)
        bottom = QHBoxLayout()
        bottom.addWidget(never, 1)
        bottom.addWidget(close)
        layout.addLayout(bottom)
        # Enter in the subject line must not press a button (save the wording, open mail).
        for button in self.findChildren(QPushButton):
            button.setAutoDefault(False)
            button.setDefault(False)

    def _fill_sets(self, who: str) -> None:
        self._loading = True
        for key, label in SETS:
            self.who_combo.addItem(_(label), key)
        for gathering in self.services.reminders.gathering_choices(self.cohort_id):
            if gathering.cancelled:
                continue
            label = _("Invited to “{title}” ({date})").format(
                title=gathering.title, date=format_date(gathering.day)
            )
            self.who_combo.addItem(label, f"gathering:{gathering.id}")
        if who.startswith("survey:"):  # from the surveys panel: those who have not answered
            self.who_combo.addItem(_survey_set_label(who), who)
        index = self.who_combo.findData(who)
        self.who_combo.setCurrentIndex(max(index, 0))
        self._loading = False

    def _choose_language(self) -> None:
        """The language most of the set reads (the programme's when nobody is in it)."""
        try:
            people = self.services.reminders.recipients(self.cohort_id, self.who())
        except MentorappError:
            people = []
        programme = self.context.programme
        counted = Counter(p.language for p in people).most_common(1)
        language = counted[0][0] if counted else (programme.default_language if programme else "")
        self._loading = True
        self.language_combo.setCurrentIndex(max(self.language_combo.findData(language), 0))
        self._loading = False

    # -- what is shown ---------------------------------------------------------------------
    def who(self) -> str:
        return str(self.who_combo.currentData())

    def language(self) -> str:
        return str(self.language_combo.currentData())

    def key(self) -> str:
        from mentorapp.running.reminders import template_key

        return template_key(self.who())

    def _load(self) -> None:
        """Another set: its people, all ticked, and its wording."""
        if self._loading:
            return
        self._load_wording(people_too=True)

    def _language_changed(self) -> None:
        """Another language: the same people, ticked as they were."""
        if self._loading:
            return
        self._load_wording(people_too=False)

    def _load_wording(self, people_too: bool = True, ask: bool = True) -> None:
        """The saved or built-in wording of the chosen set and language, then the draft.

        Text the coordinator typed is not replaced without asking."""
        if self._loading:
            return
        self._preview_timer.stop()
        wording = self.services.reminders.template(self.programme_id, self.key(), self.language())
        keep = ask and self.wording_edited() and ask_keep_typed(self)
        self.wording_box.loaded = wording
        if not keep:
            self._loading = True
            self.wording_box.show_wording(wording)
            self._loading = False
        self._show_wording_state()
        self._redraft(people_too=people_too)

    def wording_edited(self) -> bool:
        """True when the fields differ from the wording as loaded or saved."""
        return self.wording_box.is_edited()

    def _flush_preview(self) -> bool:
        """Draft from what is typed now, not from before the last keystrokes; False on a fault."""
        if self._preview_timer.isActive():
            self._preview_timer.stop()
            self._redraft()
        return self.draft is not None and not self.wording_box.has_problem()

    def _show_wording_state(self) -> None:
        self.wording_box.show_state()

    def wording(self) -> Wording:
        return self.wording_box.wording()

    def _wording_edited(self, *_args: object) -> None:
        if not self._loading:
            self._preview_timer.start()

    def _redraft(self, people_too: bool = False) -> None:
        """Write the draft again from the typed wording; a fault in it is shown, not raised."""
        try:
            draft = self.services.reminders.draft(
                self.cohort_id,
                self.who(),
                self.language(),
                wording=self.wording(),
                only=None if people_too else self.ticked(),
            )
        except ValidationError as error:
            self.draft = None  # no way out may use a draft of other words
            self.wording_box.show_problem(error.user_message())
            self._set_actions(False)
            return
        except MentorappError as error:
            show_error(self, error)
            return
        self.wording_box.show_problem(None)
        if people_too:
            self.people_box.show_recipients(draft)
        self.draft = draft
        self.parts_box.show_draft(draft)
        self._show_preview()
        self._set_actions(bool(draft.recipients))

    def ticked(self) -> set[int]:
        return self.people_box.ticked()

    def _ticked(self) -> None:
        if not self._loading:
            self._redraft()

    def _set_actions(self, enabled: bool) -> None:
        for button in (self.mail_button, self.copy_button, self.copy_text_button, self.csv_button):
            button.setEnabled(enabled)
        count = len(self.draft.recipients) if self.draft and enabled else 0
        self.people_box.show_count(count)

    def _show_preview(self) -> None:
        self.preview_box.show_message(message_for(self.draft, self.people_box.current_id()))

    # -- wording ---------------------------------------------------------------------------
    def save_wording(self) -> bool:
        """Save the typed wording as the programme's own; True when saved."""
        if not self.wording_box.save():
            return False
        self.status_label.setText(_("Your wording is saved for this reminder."))
        return True

    def reset_wording(self) -> None:
        if not self.wording_box.reset():
            return
        self._load_wording(people_too=False, ask=False)  # asked for by the button itself
        self.status_label.setText(_("The built-in wording is back."))

    # -- the three ways out ----------------------------------------------------------------
    def open_in_mail(self) -> None:
        """One link opens at once; several are opened one by one with the part buttons."""
        if not self._flush_preview() or self.draft is None or not self.draft.recipients:
            return
        links = self.parts_box.open(self.draft)
        if links != 1:
            self.status_label.setText(
                _("Open the {n} messages one by one with the buttons above.").format(n=links)
            )

    def copy_addresses(self) -> None:
        if not self._flush_preview() or self.draft is None or not self.draft.recipients:
            return
        QGuiApplication.clipboard().setText(join_addresses(self.draft.emails))
        self._noted("copy")

    def copy_text(self) -> None:
        """The full shared text (subject first), e.g. when the link had to shorten it."""
        if not self._flush_preview() or self.draft is None or not self.draft.shared:
            return
        shared = self.draft.shared[0]
        QGuiApplication.clipboard().setText(f"{shared.subject}\n\n{shared.body}")
        self._used = self.wording()
        self.status_label.setText(_("The text is copied."))

    def save_mail_merge(self) -> None:
        from mentorapp.dataio.mail_merge_csv import write_mail_merge_csv

        if not self._flush_preview() or self.draft is None or not self.draft.recipients:
            return
        cohort = self.context.cohort
        word = _("reminder")
        name = f"{cohort.name if cohort else ''} {word} {date.today().isoformat()}.csv"
        path = ask_save_path(
            self,
            _("Save mail merge file"),
            safe_file_name(name.strip()),
            _("CSV files (*.csv)"),
            suffix="csv",
        )
        if path is None:
            return
        try:
            count = write_mail_merge_csv(self.draft, path)
        except MentorappError as error:
            show_error(self, error)
            return
        self.status_label.setText(
            ngettext(
                "Saved the reminder for {n} person to {path}.",
                "Saved the reminder for {n} people to {path}.",
                count,
            ).format(n=count, path=path)
        )
        self._noted("csv")

    def _noted(self, way: str) -> None:
        """Note the draft on each person's history, unless the file is read-only."""
        if self.draft is None:
            return
        self._used = self.wording()
        if self.context.read_only:
            self.status_label.setText(
                _("The file is open read-only, so this is not noted on the people's history.")
            )
            return
        survey = self.draft.who.startswith("survey:")
        try:
            if survey:  # also notes that the survey was sent to each of them
                self.services.owed.note_reminder(self.draft, way)
            else:
                self.services.reminders.note_draft(self.draft, way)
        except MentorappError as error:
            show_error(self, error)
            return
        self.context.events.reminders_changed.emit(self.cohort_id)
        if survey:
            self.context.events.surveys_changed.emit(self.cohort_id)

    def reject(self) -> None:
        """Closing with wording typed but neither saved nor used asks first."""
        wording = self.wording()
        if self.isVisible() and self.wording_edited() and wording != self._used:
            answer = ask_close_unsaved(self, self.context.read_only)
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_wording():
                return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, cohort_id: int, who: str) -> None:
        cls(context, cohort_id, who, parent).exec()


def _survey_set_label(who: str) -> str:
    """ "Not answered: End survey (at the closing)", in the UI language."""
    from mentorapp.i18n import current_language
    from mentorapp.impact.survey_content import load_content

    language = current_language() if current_language() in ("sv", "en") else "en"
    try:
        title = load_content(language).survey(who.removeprefix("survey:")).title
    except (KeyError, MentorappError):
        title = who
    return _("Not answered: {survey}").format(survey=title)
