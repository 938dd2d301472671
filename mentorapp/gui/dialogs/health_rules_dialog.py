"""The programme's pair health thresholds, in days, with a way back to the defaults."""

from __future__ import annotations

from dataclasses import fields
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _, ngettext
from mentorapp.running.health import RULE_LABELS, HealthRules

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services

MOST_DAYS = 365


def show_unit(spin: QSpinBox, days: int) -> None:
    """The unit follows the number ("1 day", "14 days"; a fixed suffix read "1 days"), on
    whichever side of it the language puts it."""
    before, _number, after = ngettext("{days} day", "{days} days", days).partition("{days}")
    if spin.prefix() != before:
        spin.setPrefix(before)
    if spin.suffix() != after:
        spin.setSuffix(after)


class HealthRulesDialog(FormDialog):
    def __init__(
        self, services: Services, programme_id: int, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("healthRulesDialog")
        self.setWindowTitle(_("Health rules"))
        self.setMinimumWidth(480)
        self._services, self._programme_id = services, programme_id
        intro = QLabel(
            _(
                "When a group counts as not started or as needing a check-in. Every number "
                "is in whole days; a group is warned about on the day after the limit."
            ),
            wordWrap=True,
        )
        self.form.addRow(intro)
        rules = services.running.rules(programme_id)
        self.spins: dict[str, QSpinBox] = {}
        for item in fields(HealthRules):
            spin = QSpinBox(objectName=f"rule_{item.name}")
            spin.setRange(1, MOST_DAYS)
            spin.valueChanged.connect(lambda value, spin=spin: show_unit(spin, value))
            spin.setValue(getattr(rules, item.name))
            show_unit(spin, spin.value())
            text = _(RULE_LABELS[item.name])
            spin.setAccessibleName(text)
            label = QLabel(text + ":", wordWrap=True)
            label.setBuddy(spin)
            self.form.addRow(label, spin)
            self.spins[item.name] = spin
            self.fields[item.name] = spin
        self.defaults_button = QPushButton(_("Back to &defaults"), objectName="rulesDefaults")
        self.defaults_button.clicked.connect(self.use_defaults)
        self.buttons.addButton(self.defaults_button, self.buttons.ButtonRole.ResetRole)

    def use_defaults(self) -> None:
        defaults = HealthRules()
        for name, spin in self.spins.items():
            spin.setValue(getattr(defaults, name))

    def rules(self) -> HealthRules:
        return HealthRules.checked({name: spin.value() for name, spin in self.spins.items()})

    def _try_accept(self) -> None:
        try:
            self._services.running.save_rules(self._programme_id, self.rules())
        except MentorappError as error:
            self.error_label.setText(error.user_message())
            self.error_label.setVisible(True)
            widget = self.fields.get(getattr(error, "field", ""))
            if widget is not None:
                widget.setFocus()
            return
        self.accept()

    @classmethod
    def ask(cls, parent: QWidget | None, services: Services, programme_id: int) -> bool:
        return cls(services, programme_id, parent).exec() == FormDialog.DialogCode.Accepted
