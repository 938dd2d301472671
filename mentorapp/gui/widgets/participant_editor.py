"""The selected participant's details: edit, check against the rules, and save as one change."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain.codes import education_fields, industries
from mentorapp.i18n import _, current_language
from mentorapp.people.fields import FIELD_BY_KEY
from mentorapp.people.records import ParticipantRow

TEXT_FIELDS = (
    "first_name",
    "last_name",
    "email",
    "phone",
    "city",
    "education_level",
    "job_title",
    "employer",
    "gender",
    "goal",
    "preferred_mentor_gender",
)
NO_YEARS = -1


class ParticipantEditor(QWidget):
    """Emits ``save_requested(enrolment_id, changes)`` with only the fields that changed."""

    save_requested = Signal(int, dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._row: ParticipantRow | None = None
        self._loading = False
        self.inputs: dict[str, QWidget] = {}
        self.labels: dict[str, QLabel] = {}
        self._build()

    def _build(self) -> None:
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        for key in TEXT_FIELDS:
            self.inputs[key] = QLineEdit(objectName=f"edit_{key}")
        self.inputs["digital"] = QCheckBox(objectName="edit_digital")
        self.swedish = QCheckBox(objectName="edit_sv")
        self.english = QCheckBox(objectName="edit_en")
        languages = QWidget()
        language_row = QHBoxLayout(languages)
        language_row.setContentsMargins(0, 0, 0, 0)
        language_row.addWidget(self.swedish)
        language_row.addWidget(self.english)
        language_row.addStretch(1)
        self.inputs["languages"] = languages
        for key in ("education_field", "industry"):
            combo = QComboBox(objectName=f"edit_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(14)
            self.inputs[key] = combo
        years = QSpinBox(objectName="edit_years", minimum=NO_YEARS, maximum=60)
        years.setSpecialValueText("–")
        self.inputs["years_experience"] = years
        self.inputs["capacity"] = QSpinBox(objectName="edit_capacity", minimum=1, maximum=3)
        self.field_words = QLabel(wordWrap=True)
        self.industry_words = QLabel(wordWrap=True)
        order = (
            "first_name",
            "last_name",
            "email",
            "phone",
            "city",
            "digital",
            "languages",
            "education_level",
            "education_field",
            "industry",
            "years_experience",
            "job_title",
            "employer",
            "capacity",
            "goal",
            "gender",
            "preferred_mentor_gender",
        )
        for key in order:
            label = QLabel()
            label.setBuddy(self.inputs[key])
            self.labels[key] = label
            self.form.addRow(label, self.inputs[key])
            if key == "education_field":
                self.form.addRow("", self.field_words)
            if key == "industry":
                self.form.addRow("", self.industry_words)
        for widget in self.inputs.values():
            signal = getattr(widget, "textEdited", None) or getattr(widget, "toggled", None)
            if isinstance(widget, QComboBox):
                signal = widget.currentIndexChanged
            if isinstance(widget, QSpinBox):
                signal = widget.valueChanged
            if signal is not None:
                signal.connect(self._edited)
        self.swedish.toggled.connect(self._edited)
        self.english.toggled.connect(self._edited)

        self.error_label = QLabel(objectName="editorError", wordWrap=True)
        self.error_label.setStyleSheet("font-weight: bold")
        self.error_label.setVisible(False)
        self.save_button = QPushButton(objectName="saveParticipantButton")
        self.save_button.clicked.connect(self.save)
        self.revert_button = QPushButton(objectName="revertParticipantButton")
        self.revert_button.clicked.connect(lambda: self.show_row(self._row))
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self.form)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self._set_dirty(False)

    def retranslate_ui(self) -> None:
        for key, label in self.labels.items():
            text = _(FIELD_BY_KEY[key].label)
            label.setText(f"{text}:")
            self.inputs[key].setAccessibleName(text)
        self.inputs["digital"].setText(_("Can meet digitally"))
        self.swedish.setText(_("Swedish"))
        self.english.setText(_("English"))
        self.swedish.setAccessibleName(_("Meets in Swedish"))
        self.english.setAccessibleName(_("Meets in English"))
        self.save_button.setText(_("&Save changes"))
        self.revert_button.setText(_("Undo typing"))
        self.revert_button.setToolTip(_("Go back to what is saved for this person."))
        self._fill_code_lists()
        self.show_row(self._row)

    def _fill_code_lists(self) -> None:
        language = current_language()
        for key, codes in (("education_field", education_fields()), ("industry", industries())):
            combo: QComboBox = self.inputs[key]  # type: ignore[assignment]
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(_("Not chosen yet"), "")
            for code in codes:
                combo.addItem(f"{code.code} {code.label(language)}", code.code)
            combo.setCurrentIndex(max(combo.findData(current), 0))
            combo.blockSignals(False)

    # -- showing a row ---------------------------------------------------------------------
    def row(self) -> ParticipantRow | None:
        return self._row

    def enrolment_id(self) -> int | None:
        """The application the editor is bound to: saves go to it, and the table selects it
        again by this id after its rows were reloaded or re-sorted."""
        return self._row.enrolment_id if self._row is not None else None

    def show_row(self, row: ParticipantRow | None) -> None:
        self._row = row
        self._loading = True
        self.setEnabled(row is not None)
        values = self._values_of(row) if row else {}
        for key in TEXT_FIELDS:
            self.inputs[key].setText(values.get(key, ""))  # type: ignore[attr-defined]
        self.inputs["digital"].setChecked(bool(values.get("digital")))  # type: ignore[attr-defined]
        self.swedish.setChecked("sv" in values.get("languages", ()))
        self.english.setChecked("en" in values.get("languages", ()))
        for key in ("education_field", "industry"):
            combo: QComboBox = self.inputs[key]  # type: ignore[assignment]
            combo.setCurrentIndex(max(combo.findData(values.get(key, "")), 0))
        years = values.get("years_experience")
        self.inputs["years_experience"].setValue(NO_YEARS if years is None else years)  # type: ignore[attr-defined]
        self.inputs["capacity"].setValue(values.get("capacity", 1))  # type: ignore[attr-defined]
        mentor = bool(row and row.role == "mentor")
        for key in ("employer", "capacity"):
            self._show_field(key, mentor)
        for key in ("goal", "preferred_mentor_gender"):
            self._show_field(key, bool(row) and not mentor)
        words = _("In their own words: {text}")
        self.field_words.setText(words.format(text=row.education_field_text) if row else "")
        self.industry_words.setText(words.format(text=row.industry_text) if row else "")
        self.field_words.setVisible(bool(row and row.education_field_text))
        self.industry_words.setVisible(bool(row and row.industry_text))
        self.error_label.setVisible(False)
        self._loading = False
        self._set_dirty(False)

    def _show_field(self, key: str, visible: bool) -> None:
        self.labels[key].setVisible(visible)
        self.inputs[key].setVisible(visible)

    @staticmethod
    def _values_of(row: ParticipantRow) -> dict[str, object]:
        return {key: getattr(row, key) for key in (*TEXT_FIELDS, *EDITABLE_OTHER)}

    def current_values(self) -> dict[str, object]:
        values: dict[str, object] = {
            key: self.inputs[key].text().strip()  # type: ignore[attr-defined]
            for key in TEXT_FIELDS
        }
        values["digital"] = self.inputs["digital"].isChecked()  # type: ignore[attr-defined]
        values["languages"] = tuple(
            code for code, box in (("sv", self.swedish), ("en", self.english)) if box.isChecked()
        )
        for key in ("education_field", "industry"):
            values[key] = self.inputs[key].currentData()  # type: ignore[attr-defined]
        years = self.inputs["years_experience"].value()  # type: ignore[attr-defined]
        values["years_experience"] = None if years == NO_YEARS else years
        values["capacity"] = self.inputs["capacity"].value()  # type: ignore[attr-defined]
        return values

    def changes(self) -> dict[str, object]:
        if self._row is None:
            return {}
        before = self._values_of(self._row)
        after = self.current_values()
        return {key: value for key, value in after.items() if before.get(key) != value}

    def is_dirty(self) -> bool:
        return bool(self.changes())

    # -- saving ----------------------------------------------------------------------------
    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._set_dirty(self.is_dirty())

    def _set_dirty(self, dirty: bool) -> None:
        self.save_button.setEnabled(dirty)
        self.revert_button.setEnabled(dirty)

    def save(self) -> None:
        changes = self.changes()
        if self._row is not None and changes:
            self.save_requested.emit(self._row.enrolment_id, changes)

    def show_error(self, message: str, field: str = "") -> None:
        self.error_label.setText(message)
        self.error_label.setVisible(True)
        widget = self.inputs.get(field)
        if widget is not None:
            widget.setFocus(Qt.FocusReason.OtherFocusReason)


EDITABLE_OTHER = (
    "digital",
    "languages",
    "education_field",
    "industry",
    "years_experience",
    "capacity",
)
