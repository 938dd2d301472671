"""Create or edit the programme's details."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mentorapp.domain import languages
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _, current_language
from mentorapp.programme.rules import ProgrammeDraft, validate_programme

if TYPE_CHECKING:
    from mentorapp.domain.models import Programme


class ProgrammeDialog(FormDialog):
    def __init__(self, programme: Programme | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("programmeDialog")
        self.setWindowTitle(_("Edit programme") if programme else _("Create my programme"))
        self.organisation = QLineEdit(objectName="organisationEdit")
        self.name = QLineEdit(objectName="programmeNameEdit")
        self.contact_name = QLineEdit(objectName="contactNameEdit")
        self.contact_email = QLineEdit(objectName="contactEmailEdit")
        self.language = QComboBox(objectName="programmeLanguageCombo")
        for row in languages.ui_languages():
            self.language.addItem(row.native_name, row.code)
        self.meetings = QSpinBox(objectName="meetingsSpin", minimum=1, maximum=12, value=4)
        self.months = QSpinBox(objectName="monthsSpin", minimum=1, maximum=24, value=4)
        rows = (
            (_("&Organisation:"), self.organisation, "organisation"),
            (_("Programme &name:"), self.name, "name"),
            (_("&Contact person:"), self.contact_name, "contact_name"),
            (_("Contact &e-mail:"), self.contact_email, "contact_email"),
            (_("Workbook &language:"), self.language, "default_language"),
            (_("&Meetings per round:"), self.meetings, "meetings_per_round"),
            (_("Months per &round:"), self.months, "months_per_round"),
        )
        for label, widget, field in rows:
            self.form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.fields[field] = widget
        self.organisation.setPlaceholderText(_("e.g. Föreningen Broar"))
        self.name.setPlaceholderText(_("e.g. Mentorship for new academics"))
        self.contact_email.setPlaceholderText("namn@example.se")
        language = programme.default_language if programme else current_language()
        self.language.setCurrentIndex(max(self.language.findData(language), 0))
        if programme:
            self.organisation.setText(programme.organisation)
            self.name.setText(programme.name)
            self.contact_name.setText(programme.contact_name)
            self.contact_email.setText(programme.contact_email)
            self.meetings.setValue(programme.meetings_per_round)
            self.months.setValue(programme.months_per_round)
        self.logo: bytes | None = programme.logo if programme else None
        self.logo_preview = QLabel(objectName="logoPreview")
        self.logo_button = QPushButton(_("Choose &logo…"), objectName="chooseLogoButton")
        self.logo_button.clicked.connect(self.choose_logo)
        self.remove_logo = QPushButton(_("Remove logo"), objectName="removeLogoButton")
        self.remove_logo.clicked.connect(lambda: self.set_logo(None))
        logo_row = QHBoxLayout()
        logo_row.addWidget(self.logo_preview)
        logo_row.addWidget(self.logo_button)
        logo_row.addWidget(self.remove_logo)
        logo_row.addStretch(1)
        self.form.addRow(_("Logo for the workbooks:"), logo_row)
        self.fields["logo"] = self.logo_button
        self.set_logo(self.logo)
        self.validate = lambda: validate_programme(self.draft())
        self.setMinimumWidth(460)

    def choose_logo(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, _("Choose a logo"), str(Path.home()), _("Images (*.png *.jpg *.jpeg)")
        )
        if chosen:
            try:
                self.set_logo(Path(chosen).read_bytes())
            except OSError as error:
                self.error_label.setText(str(error.strerror or error))
                self.error_label.setVisible(True)

    def set_logo(self, data: bytes | None) -> None:
        self.logo = data
        image = QPixmap()
        if data:
            image.loadFromData(data)
        height = self.fontMetrics().height() * 2
        self.logo_preview.setPixmap(
            image.scaledToHeight(height) if not image.isNull() else QPixmap()
        )
        self.logo_preview.setText("" if data else _("No logo"))
        self.remove_logo.setEnabled(data is not None)

    def draft(self) -> ProgrammeDraft:
        return ProgrammeDraft(
            organisation=self.organisation.text(),
            name=self.name.text(),
            contact_name=self.contact_name.text(),
            contact_email=self.contact_email.text(),
            default_language=self.language.currentData(),
            meetings_per_round=self.meetings.value(),
            months_per_round=self.months.value(),
            logo=self.logo,
        )

    @classmethod
    def ask(cls, parent: QWidget | None, programme: Programme | None) -> ProgrammeDraft | None:
        dialog = cls(programme, parent)
        return dialog.draft() if dialog.exec() == FormDialog.DialogCode.Accepted else None
