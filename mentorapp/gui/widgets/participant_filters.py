"""Search box and filters above the participants table."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QGridLayout, QLineEdit, QWidget

from mentorapp.domain.codes import education_fields, industries
from mentorapp.domain.enums import EnrolmentStatus, Role, role_label, status_label
from mentorapp.gui.models.participants_model import Filters
from mentorapp.i18n import _, current_language
from mentorapp.people.collation import sort_key
from mentorapp.people.records import ParticipantRow


class ParticipantFilters(QWidget):
    changed = Signal(object)  # Filters

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = QLineEdit(objectName="participantSearch")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._emit)
        self.combos: dict[str, QComboBox] = {}
        for key in ("role", "status", "education_field", "industry", "city", "language", "digital"):
            combo = QComboBox(objectName=f"filter_{key}")
            combo.setSizeAdjustPolicy(
                QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
            )
            combo.setMinimumContentsLength(8)
            combo.currentIndexChanged.connect(self._emit)
            self.combos[key] = combo
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.search, 0, 0, 1, 4)
        order = ("role", "status", "education_field", "industry", "city", "language", "digital")
        for position, key in enumerate(order):
            layout.addWidget(self.combos[key], 1 + position // 4, position % 4)
        for column in range(4):
            layout.setColumnStretch(column, 1)
        self._cities: list[str] = []

    def retranslate_ui(self) -> None:
        self.search.setPlaceholderText(_("Search name, e-mail, city or field…"))
        self.search.setAccessibleName(_("Search participants"))
        language = current_language()
        self._fill("role", _("Adepts and mentors"), [(r.value, role_label(r.value)) for r in Role])
        self._fill(
            "status",
            _("Every status"),
            [(s.value, status_label(s.value)) for s in EnrolmentStatus],
        )
        self._fill(
            "education_field",
            _("Every field of education"),
            [(c.code, c.label(language)) for c in education_fields()],
        )
        self._fill(
            "industry", _("Every industry"), [(c.code, c.label(language)) for c in industries()]
        )
        self._fill("city", _("Every city"), [(city.casefold(), city) for city in self._cities])
        self._fill("language", _("Any language"), [("sv", _("Swedish")), ("en", _("English"))])
        self._fill(
            "digital",
            _("Digital or not"),
            [("yes", _("Meets digitally")), ("no", _("Meets in person only"))],
        )
        names = {
            "role": _("Role"),
            "status": _("Status"),
            "education_field": _("Field of education"),
            "industry": _("Industry"),
            "city": _("City"),
            "language": _("Language"),
            "digital": _("Digital meetings"),
        }
        for key, combo in self.combos.items():
            combo.setAccessibleName(names[key])
            combo.setToolTip(names[key])

    def set_cities_from(self, rows: list[ParticipantRow]) -> None:
        """Offer the cities that occur in the round, in the language's alphabetical order."""
        unique = {row.city.strip().casefold(): row.city.strip() for row in rows if row.city.strip()}
        self._cities = sorted(unique.values(), key=lambda c: sort_key(c, current_language()))
        self._fill("city", _("Every city"), [(city.casefold(), city) for city in self._cities])

    def _fill(self, key: str, everything: str, items: list[tuple[str, str]]) -> None:
        combo = self.combos[key]
        current = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, "")
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(combo.findData(current), 0))
        combo.blockSignals(False)

    def filters(self) -> Filters:
        data = {key: combo.currentData() or "" for key, combo in self.combos.items()}
        digital = {"yes": True, "no": False}.get(data["digital"])
        return Filters(
            text=self.search.text(),
            role=data["role"],
            status=data["status"],
            education_field=data["education_field"],
            industry=data["industry"],
            city=data["city"],
            language=data["language"],
            digital=digital,
        )

    def _emit(self, *_args: object) -> None:
        self.changed.emit(self.filters())
