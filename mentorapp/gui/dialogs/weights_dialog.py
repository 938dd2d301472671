"""How much each part of the matching score counts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QLabel, QSpinBox, QWidget

from mentorapp.gui.dialogs.form_dialog import FormDialog
from mentorapp.i18n import _
from mentorapp.matching.model import PART_KEYS, PART_LABELS, Weights


class WeightsDialog(FormDialog):
    def __init__(self, weights: Weights, spread: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("weightsDialog")
        self.setWindowTitle(_("How matches are scored"))
        intro = QLabel(
            _(
                "Points for each part of a good match. The score of a pair is scaled so that "
                "the best possible pair gets 100."
            ),
            wordWrap=True,
        )
        self.form.addRow(intro)
        values = weights.as_dict()
        self.spins: dict[str, QSpinBox] = {}
        for key in PART_KEYS:
            spin = QSpinBox(minimum=0, maximum=100, value=values[key], objectName=f"weight_{key}")
            spin.setAccessibleName(_(PART_LABELS[key]))
            self.form.addRow(_(PART_LABELS[key]) + ":", spin)
            self.spins[key] = spin
        self.spread = QCheckBox(
            _("Give every mentor one adept before any mentor gets a second"), objectName="spread"
        )
        self.spread.setChecked(spread)
        self.form.addRow(self.spread)
        self.fields = dict(self.spins)
        self.validate = lambda: self.weights().check()

    def weights(self) -> Weights:
        return Weights(**{key: spin.value() for key, spin in self.spins.items()})

    @classmethod
    def ask(
        cls, parent: QWidget | None, weights: Weights, spread: bool
    ) -> tuple[Weights, bool] | None:
        dialog = cls(weights, spread, parent)
        if dialog.exec() != FormDialog.DialogCode.Accepted:
            return None
        return dialog.weights(), dialog.spread.isChecked()
