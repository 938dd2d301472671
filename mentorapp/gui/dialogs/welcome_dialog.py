"""The first start: choose a language, name the organisation and programme, then begin with
your own programme or look around the demo first."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain import languages
from mentorapp.errors import ValidationError
from mentorapp.gui.widgets.text import body, heading
from mentorapp.i18n import _, current_language
from mentorapp.programme.rules import ProgrammeDraft, validate_programme

CREATE, DEMO = "create", "demo"


class WelcomeDialog(QDialog):
    def __init__(self, on_language: Callable[[str], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomeDialog")
        self._on_language = on_language
        self.choice: str | None = None
        self.title = heading(1)
        self.intro = body()
        self.language = QComboBox(objectName="welcomeLanguage")
        for row in languages.ui_languages():
            self.language.addItem(row.native_name, row.code)
        self.language.setCurrentIndex(max(self.language.findData(current_language()), 0))
        self.language.currentIndexChanged.connect(self._language_changed)
        self.organisation = QLineEdit(objectName="welcomeOrganisation")
        self.name = QLineEdit(objectName="welcomeProgramme")
        self.labels = [QLabel(), QLabel(), QLabel()]
        for label, widget in zip(
            self.labels, (self.language, self.organisation, self.name), strict=True
        ):
            label.setBuddy(widget)
        self.error = QLabel(objectName="welcomeError", wordWrap=True)
        self.error.setStyleSheet("font-weight: bold")
        self.error.setVisible(False)
        self.create_button = QPushButton(objectName="createProgrammeButton")
        self.create_button.setDefault(True)
        self.create_button.clicked.connect(self._create)
        self.demo_button = QPushButton(objectName="exploreDemoButton")
        self.demo_button.clicked.connect(self._demo)
        form = QFormLayout()
        for label, widget in zip(
            self.labels, (self.language, self.organisation, self.name), strict=True
        ):
            form.addRow(label, widget)
        buttons = QHBoxLayout()
        buttons.addWidget(self.demo_button)
        buttons.addStretch(1)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(self.intro)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.retranslate_ui()

    def retranslate_ui(self) -> None:
        self.setWindowTitle(_("Welcome to Mentorapp"))
        self.title.setText(_("Welcome to Mentorapp"))
        self.intro.setText(
            _(
                "Mentorapp follows your mentorship programme from the first idea to a running "
                "round: applications, matching, printed workbooks and follow-up. Everything "
                "stays on this computer."
            )
        )
        for label, text in zip(
            self.labels, (_("&Language:"), _("&Organisation:"), _("&Programme name:")), strict=True
        ):
            label.setText(text)
        self.language.setAccessibleName(_("Language"))
        self.organisation.setAccessibleName(_("Organisation"))
        self.name.setAccessibleName(_("Programme name"))
        self.organisation.setPlaceholderText(_("e.g. Föreningen Broar"))
        self.name.setPlaceholderText(_("e.g. Mentorship for new academics"))
        self.create_button.setText(_("&Create my programme"))
        self.demo_button.setText(_("&Explore the demo first"))
        self.demo_button.setToolTip(
            _("Opens an example programme with made-up people. Nothing you do there is kept.")
        )

    def _language_changed(self) -> None:
        self._on_language(self.language.currentData())
        self.retranslate_ui()

    def draft(self) -> ProgrammeDraft:
        return ProgrammeDraft(
            organisation=self.organisation.text(),
            name=self.name.text(),
            default_language=self.language.currentData(),
        )

    def _create(self) -> None:
        try:
            validate_programme(self.draft())
        except ValidationError as error:
            self.error.setText(error.user_message())
            self.error.setVisible(True)
            (self.organisation if error.field == "organisation" else self.name).setFocus()
            return
        self.choice = CREATE
        self.accept()

    def _demo(self) -> None:
        self.choice = DEMO
        self.accept()
