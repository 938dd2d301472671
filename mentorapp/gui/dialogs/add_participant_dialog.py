"""Add one application by hand, for someone who applied by phone or e-mail."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLineEdit, QWidget

from mentorapp.domain.codes import match_education_field, match_industry
from mentorapp.domain.enums import Role, role_label
from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _
from mentorapp.people.records import ParticipantRow

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services


class AddParticipantDialog(FormDialog):
    def __init__(self, services: Services, cohort_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("addParticipantDialog")
        self.setWindowTitle(_("Add an applicant"))
        self._services, self._cohort_id = services, cohort_id
        self.created: ParticipantRow | None = None
        self.role = QComboBox(objectName="addRole")
        for role in Role:
            self.role.addItem(role_label(role.value), role.value)
        self.first_name = QLineEdit(objectName="addFirstName")
        self.last_name = QLineEdit(objectName="addLastName")
        self.email = QLineEdit(objectName="addEmail")
        self.city = QLineEdit(objectName="addCity")
        self.swedish = QCheckBox(_("Swedish"), objectName="addSwedish")
        self.english = QCheckBox(_("English"), objectName="addEnglish")
        self.swedish.setChecked(True)
        languages = QWidget()
        row = QHBoxLayout(languages)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.swedish)
        row.addWidget(self.english)
        row.addStretch(1)
        self.education = QLineEdit(objectName="addEducation")
        self.industry = QLineEdit(objectName="addIndustry")
        self.education.setPlaceholderText(_("In the applicant's words, e.g. Ekonomi"))
        self.industry.setPlaceholderText(_("In the applicant's words, e.g. Bank och finans"))
        for label, widget, key in (
            (_("&Role:"), self.role, "role"),
            (_("&First name:"), self.first_name, "first_name"),
            (_("&Last name:"), self.last_name, "last_name"),
            (_("&E-mail:"), self.email, "email"),
            (_("&City:"), self.city, "city"),
            (_("Meeting languages:"), languages, "languages"),
            (_("Field of &education:"), self.education, "education_field_text"),
            (_("&Industry:"), self.industry, "industry_text"),
        ):
            self.form.addRow(label, widget)
            widget.setAccessibleName(label.replace("&", "").rstrip(":"))
            self.fields[key] = widget
        self.swedish.setAccessibleName(_("Meets in Swedish"))
        self.english.setAccessibleName(_("Meets in English"))
        self.setMinimumWidth(440)

    def values(self) -> dict[str, object]:
        education, industry = self.education.text().strip(), self.industry.text().strip()
        return {
            "first_name": self.first_name.text().strip(),
            "last_name": self.last_name.text().strip(),
            "email": self.email.text().strip(),
            "city": self.city.text().strip(),
            "languages": tuple(
                code
                for code, box in (("sv", self.swedish), ("en", self.english))
                if box.isChecked()
            ),
            "education_field_text": education,
            "education_field": match_education_field(education) or "",
            "industry_text": industry,
            "industry": match_industry(industry) or "",
        }

    def _try_accept(self) -> None:
        try:
            self.created = self._services.participants.create(
                self._cohort_id, self.role.currentData(), self.values()
            )
        except (ValidationError, MentorappError) as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            widget = self.fields.get(getattr(error, "field", ""))
            if widget is not None:
                widget.setFocus()
            return
        self.accept()

    @classmethod
    def ask(
        cls, parent: QWidget | None, services: Services, cohort_id: int
    ) -> ParticipantRow | None:
        dialog = cls(services, cohort_id, parent)
        dialog.exec()
        return dialog.created
