"""Draft a reminder for a set of people; the coordinator's own mail program sends it.

Three ways out, each noted on the people's history: open it in the mail program (``mailto:``
links, several when the list of addresses is long), copy the addresses, or save a mail merge
file for Word or Outlook. In a file opened read-only every way still works, but nothing is
noted, since nothing can be written.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.dialogs.files import ask_save_path
from mentorapp.gui.errors import show_error
from mentorapp.i18n import N_, _, format_date, ngettext
from mentorapp.paths import safe_file_name
from mentorapp.running.reminder_text import PLACEHOLDERS, Wording, join_addresses

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext
    from mentorapp.running.reminders import Draft, DraftMessage
    from mentorapp.workspace.services import Services

ENROLMENT_ID = Qt.ItemDataRole.UserRole + 1
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
        # The wording as loaded or saved, and as last used by a way out: what the fields are
        # compared with before they are replaced or the dialog closes.
        self._loaded: Wording | None = None
        self._used: Wording | None = None
        self._mail_noted: Draft | None = None  # the draft already noted as opened in mail
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

        self.people_model = QStandardItemModel(self)
        self.people_model.itemChanged.connect(self._ticked)
        self.people = QListView(objectName="reminderRecipients")
        self.people.setModel(self.people_model)
        self.people.setAccessibleName(_("Recipients"))
        self.people.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.people.selectionModel().currentChanged.connect(lambda *_a: self._show_preview())
        self.count_label = QLabel(objectName="reminderCount")
        people_box = QGroupBox(_("Recipients"))
        people_layout = QVBoxLayout(people_box)
        people_layout.addWidget(self.people, 1)
        people_layout.addWidget(self.count_label)

        self.subject_edit = QLineEdit(objectName="reminderSubject")
        self.subject_edit.setAccessibleName(_("Subject"))
        self.subject_edit.textEdited.connect(self._wording_edited)
        self.body_edit = QPlainTextEdit(objectName="reminderBody")
        self.body_edit.setAccessibleName(_("Text of the reminder"))
        self.body_edit.textChanged.connect(self._wording_edited)
        self.placeholders = QLabel(wordWrap=True, objectName="reminderPlaceholders")
        self.placeholders.setText(
            _("Placeholders: {list}").format(list=" ".join("{" + p + "}" for p in PLACEHOLDERS))
        )
        self.save_wording_button = QPushButton(
            _("Save as my wording"), objectName="saveWordingButton"
        )
        self.save_wording_button.clicked.connect(self.save_wording)
        self.reset_wording_button = QPushButton(
            _("Back to the built-in wording"), objectName="resetWordingButton"
        )
        self.reset_wording_button.clicked.connect(self.reset_wording)
        self.wording_state = QLabel(objectName="wordingState")
        self.error_label = QLabel(wordWrap=True, objectName="reminderError")
        self.error_label.setStyleSheet("font-weight: bold")
        self.error_label.setVisible(False)
        wording_buttons = QHBoxLayout()
        wording_buttons.addWidget(self.save_wording_button)
        wording_buttons.addWidget(self.reset_wording_button)
        wording_buttons.addWidget(self.wording_state, 1)
        wording_box = QGroupBox(_("Wording"))
        wording_layout = QFormLayout(wording_box)
        wording_layout.addRow(_("Subject:"), self.subject_edit)
        wording_layout.addRow(_("Text:"), self.body_edit)
        wording_layout.addRow(self.placeholders)
        wording_layout.addRow(wording_buttons)
        wording_layout.addRow(self.error_label)

        self.preview_title = QLabel(objectName="previewTitle", wordWrap=True)
        self.preview = QPlainTextEdit(objectName="reminderPreview", readOnly=True)
        self.preview.setAccessibleName(_("Preview for the selected recipient"))
        preview_box = QGroupBox(_("Preview"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview_title)
        preview_layout.addWidget(self.preview, 1)

        grid = QGridLayout()
        grid.addWidget(people_box, 0, 0, 2, 1)
        grid.addWidget(wording_box, 0, 1)
        grid.addWidget(preview_box, 1, 1)
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
        self.parts_box = QGroupBox(_("Several messages"), objectName="mailPartsBox")
        self.parts_note = QLabel(wordWrap=True)
        self.parts_layout = QHBoxLayout()
        parts = QVBoxLayout(self.parts_box)
        parts.addWidget(self.parts_note)
        parts.addLayout(self.parts_layout)
        self.parts_box.setVisible(False)
        self.part_buttons: list[QPushButton] = []
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
        index = self.who_combo.findData(who)
        self.who_combo.setCurrentIndex(max(index, 0))
        self._loading = False

    def _choose_language(self) -> None:
        """The language most of the set reads (the programme's when nobody is in it)."""
        from collections import Counter

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
        self._loaded = wording
        if not keep:
            self._loading = True
            self.subject_edit.setText(wording.subject)
            self.body_edit.setPlainText(wording.body)
            self._loading = False
        self._show_wording_state()
        self._redraft(people_too=people_too)

    def wording_edited(self) -> bool:
        """True when the fields differ from the wording as loaded or saved."""
        return self._loaded is not None and self.wording() != self._loaded

    def _flush_preview(self) -> bool:
        """Draft from what is typed now, not from before the last keystrokes; False on a fault."""
        if self._preview_timer.isActive():
            self._preview_timer.stop()
            self._redraft()
        return self.draft is not None and not self.error_label.isVisible()

    def _show_wording_state(self) -> None:
        own = self.services.reminders.is_own(self.programme_id, self.key(), self.language())
        self.wording_state.setText(_("Your own wording") if own else _("The built-in wording"))
        writable = not self.context.read_only
        self.save_wording_button.setEnabled(writable)
        self.reset_wording_button.setEnabled(writable and own)

    def wording(self) -> Wording:
        return Wording(self.subject_edit.text(), self.body_edit.toPlainText())

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
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            self._set_actions(False)
            return
        except MentorappError as error:
            show_error(self, error)
            return
        self.error_label.setVisible(False)
        if people_too:
            self._show_people(draft)
        self.draft = draft
        self._show_parts()
        self._show_preview()
        self._set_actions(bool(draft.recipients))

    def _show_people(self, draft: Draft) -> None:
        self._loading = True
        self.people_model.clear()
        for recipient in draft.recipients:
            item = QStandardItem(f"{recipient.name}\n{recipient.email}")
            item.setToolTip(f"{recipient.name} <{recipient.email}>")
            item.setCheckable(True)
            item.setCheckState(Qt.CheckState.Checked)
            item.setData(recipient.enrolment_id, ENROLMENT_ID)
            self.people_model.appendRow(item)
        self._loading = False
        if draft.recipients:
            self.people.setCurrentIndex(self.people_model.index(0, 0))

    def ticked(self) -> set[int]:
        return {
            self.people_model.item(row).data(ENROLMENT_ID)
            for row in range(self.people_model.rowCount())
            if self.people_model.item(row).checkState() == Qt.CheckState.Checked
        }

    def _ticked(self, _item: QStandardItem) -> None:
        if not self._loading:
            self._redraft()

    def _set_actions(self, enabled: bool) -> None:
        for button in (self.mail_button, self.copy_button, self.copy_text_button, self.csv_button):
            button.setEnabled(enabled)
        count = len(self.draft.recipients) if self.draft and enabled else 0
        self.count_label.setText(
            ngettext("{n} recipient ticked", "{n} recipients ticked", count).format(n=count)
            if self.people_model.rowCount()
            else _("Nobody is in this set today.")
        )

    def _selected_message(self) -> DraftMessage | None:
        if self.draft is None:
            return None
        index = self.people.currentIndex()
        wanted = index.data(ENROLMENT_ID) if index.isValid() else None
        messages = self.draft.messages
        found = next((m for m in messages if m.recipient.enrolment_id == wanted), None)
        return found or (messages[0] if messages else None)

    def _show_preview(self) -> None:
        message = self._selected_message()
        if message is None:
            self.preview_title.setText("")
            self.preview.setPlainText("")
            return
        self.preview_title.setText(
            _("To {name}: {subject}").format(name=message.recipient.name, subject=message.subject)
        )
        self.preview.setPlainText(message.body)

    def _links(self) -> list[str]:
        assert self.draft is not None
        return [link for shared in self.draft.shared for link in shared.links]

    def _show_parts(self) -> None:
        for button in self.part_buttons:
            self.parts_layout.removeWidget(button)
            button.deleteLater()
        self.part_buttons = []
        links = self._links() if self.draft else []
        shortened = bool(self.draft and any(s.links.shortened for s in self.draft.shared))
        self.parts_box.setVisible(len(links) > 1 or shortened)
        notes = []
        if len(links) > 1:
            notes.append(
                _(
                    "A mail program takes a limited number of addresses in one link, so "
                    "{n} messages will open, one after the other. Open them one by one:"
                ).format(n=len(links))
            )
        if shortened:
            notes.append(
                _(
                    "The text is too long for a link and is shortened in the mail program: "
                    "use “Copy the text” and paste it into the message."
                )
            )
        self.parts_note.setText(" ".join(notes))
        if len(links) > 1:
            for number in range(1, len(links) + 1):
                button = QPushButton(
                    _("Open part {n} of {count}").format(n=number, count=len(links))
                )
                button.setObjectName(f"openPart{number}")
                button.setAutoDefault(False)
                button.clicked.connect(lambda _c=False, n=number: self._open_part(n))
                self.parts_layout.addWidget(button)
                self.part_buttons.append(button)
            self.parts_layout.addStretch(1)

    # -- wording ---------------------------------------------------------------------------
    def save_wording(self) -> bool:
        """Save the typed wording as the programme's own; True when saved."""
        try:
            self.services.reminders.save_template(
                self.programme_id, self.key(), self.language(), self.wording()
            )
        except ValidationError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            return False
        except MentorappError as error:
            show_error(self, error)
            return False
        self._loaded = self.wording()
        self._show_wording_state()
        self.status_label.setText(_("Your wording is saved for this reminder."))
        return True

    def reset_wording(self) -> None:
        try:
            self.services.reminders.reset_template(self.programme_id, self.key(), self.language())
        except MentorappError as error:
            show_error(self, error)
            return
        self._load_wording(people_too=False, ask=False)  # asked for by the button itself
        self.status_label.setText(_("The built-in wording is back."))

    # -- the three ways out ----------------------------------------------------------------
    def open_in_mail(self) -> None:
        """One link opens at once; several are opened one by one with the part buttons."""
        if not self._flush_preview() or self.draft is None or not self.draft.recipients:
            return
        links = self._links()
        if len(links) == 1:
            _open(links[0])
            self._noted_in_mail()
            return
        self.parts_box.setVisible(True)
        self.status_label.setText(
            _("Open the {n} messages one by one with the buttons above.").format(n=len(links))
        )

    def _open_part(self, number: int) -> None:
        """Open part ``number`` of the draft as typed now; the first opened notes the draft."""
        if not self._flush_preview() or self.draft is None:
            return
        links = self._links()
        if not 1 <= number <= len(links):
            return
        _open(links[number - 1])
        if number <= len(self.part_buttons):
            self.part_buttons[number - 1].setEnabled(False)  # so the next one is easy to find
        self._noted_in_mail()

    def _noted_in_mail(self) -> None:
        """Note a draft as opened in the mail program once, however many parts or presses."""
        if self.draft is None or self._mail_noted is self.draft:
            return
        self._mail_noted = self.draft
        self._noted("mail")

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
        try:
            self.services.reminders.note_draft(self.draft, way)
        except MentorappError as error:
            show_error(self, error)
            return
        self.context.events.reminders_changed.emit(self.cohort_id)

    def reject(self) -> None:
        """Closing with wording typed but neither saved nor used asks first."""
        wording = self.wording()
        if self.isVisible() and self.wording_edited() and wording != self._used:
            buttons = QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel
            if not self.context.read_only:
                buttons |= QMessageBox.StandardButton.Save
            answer = QMessageBox.question(
                self,
                _("Unsaved wording"),
                _(
                    "You changed the wording of this reminder but neither saved it nor used "
                    "it. Close and lose your text?"
                ),
                buttons,
                QMessageBox.StandardButton.Cancel,
            )
            if answer == QMessageBox.StandardButton.Cancel:
                return
            if answer == QMessageBox.StandardButton.Save and not self.save_wording():
                return
        super().reject()

    @classmethod
    def ask(cls, parent: QWidget | None, context: AppContext, cohort_id: int, who: str) -> None:
        cls(context, cohort_id, who, parent).exec()


def ask_keep_typed(parent: QWidget) -> bool:
    """True to keep the text the coordinator typed, False to take the other wording."""
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Question)
    box.setWindowTitle(_("Changed wording"))
    box.setText(
        _(
            "You have changed the wording. Keep your text, or use the wording of the "
            "reminder you chose now?"
        )
    )
    keep = box.addButton(_("&Keep my text"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(_("&Use the other wording"), QMessageBox.ButtonRole.DestructiveRole)
    box.setDefaultButton(keep)
    box.setEscapeButton(keep)  # closing the question loses nothing
    box.exec()
    return box.clickedButton() is keep


def _open(link: str) -> None:
    """Hand one link, already percent-encoded, to the user's mail program as it is."""
    QDesktopServices.openUrl(QUrl.fromEncoded(QByteArray(link.encode("ascii"))))
