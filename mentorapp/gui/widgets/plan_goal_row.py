"""One goal of the programme plan as the form edits it (text, target, unit, measure, note),
and the small helpers that fill the form's fields without saving what they fill.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from mentorapp.i18n import _, format_number
from mentorapp.planning.goals import (
    COUNT,
    GOAL_NOTE_LIMIT,
    GOAL_TEXT_LIMIT,
    MAX_COUNT,
    OUTCOMES,
    PERCENT,
    UNIT_LABELS,
    UNITS,
    Goal,
    goal_sentence,
)

if TYPE_CHECKING:
    pass

SAVE_DELAY_MS = 700  # a pause in typing this long saves
TEXT_FIELDS = ("need", "adepts", "mentors", "gatherings", "sponsor", "partners")
NO_NUMBER = -1  # a spin box at this value shows "–": the field is left empty


def text_box(name: str, lines: int, limit: int) -> QPlainTextEdit:
    """A text field that takes no more than the plan keeps: text typed past the limit
    would be refused on saving and then lost with the window."""
    box = QPlainTextEdit(objectName=name)
    box.setTabChangesFocus(True)
    line = box.fontMetrics().lineSpacing()
    box.setFixedHeight(int(line * lines + 14))

    def keep_to_the_limit() -> None:
        text = box.toPlainText()
        if len(text) > limit:
            cursor = box.textCursor()
            position = min(cursor.position(), limit)
            box.setPlainText(text[:limit])
            cursor = box.textCursor()
            cursor.setPosition(position)
            box.setTextCursor(cursor)

    box.textChanged.connect(keep_to_the_limit)
    return box


def set_text(box: QPlainTextEdit | QLineEdit, text: str) -> None:
    """Show ``text`` without a change signal, and only if it differs (keeps the cursor)."""
    current = box.toPlainText() if isinstance(box, QPlainTextEdit) else box.text()
    if current != text:
        box.blockSignals(True)
        if isinstance(box, QPlainTextEdit):
            box.setPlainText(text)
        else:
            box.setText(text)
        box.blockSignals(False)


def set_value(box: QSpinBox | QDoubleSpinBox, value: float) -> None:
    if box.value() != value:
        box.blockSignals(True)
        box.setValue(value)  # type: ignore[arg-type]
        box.blockSignals(False)


def set_index(box: QComboBox, data: object) -> None:
    index = max(box.findData(data), 0)
    if box.currentIndex() != index:
        box.blockSignals(True)
        box.setCurrentIndex(index)
        box.blockSignals(False)


class GoalRow(QFrame):
    """One goal: its words, target and unit, what it is measured with, a note, and a remove
    button; the sentence it makes is shown underneath as the plan will print it."""

    def __init__(self, goal: Goal, edited: Callable[[GoalRow], None], parent: QWidget) -> None:
        super().__init__(parent)
        self.goal_id = goal.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.text = QLineEdit(objectName="goalText", maxLength=GOAL_TEXT_LIMIT)
        self.target = QDoubleSpinBox(objectName="goalTarget")
        self.target.setDecimals(1)
        self.target.setMinimum(NO_NUMBER)
        self.target.setSpecialValueText("–")
        self.unit = QComboBox(objectName="goalUnit")
        self.measure = QComboBox(objectName="goalMeasure")
        self.note = QLineEdit(objectName="goalNote", maxLength=GOAL_NOTE_LIMIT)
        self.remove_button = QPushButton(objectName="removeGoalButton")
        self.sentence = QLabel(objectName="goalSentence", wordWrap=True)
        self.sentence.setStyleSheet("font-style: italic")
        self.text_label, self.target_label, self.measure_label, self.note_label = (
            QLabel() for _label in range(4)
        )
        grid = QGridLayout(self)
        grid.addWidget(self.text_label, 0, 0)
        grid.addWidget(self.text, 0, 1, 1, 3)
        grid.addWidget(self.remove_button, 0, 4)
        grid.addWidget(self.target_label, 1, 0)
        grid.addWidget(self.target, 1, 1)
        grid.addWidget(self.unit, 1, 2)
        grid.addWidget(self.measure_label, 2, 0)
        grid.addWidget(self.measure, 2, 1, 1, 4)
        grid.addWidget(self.note_label, 3, 0)
        grid.addWidget(self.note, 3, 1, 1, 4)
        grid.addWidget(self.sentence, 4, 1, 1, 4)
        grid.setColumnStretch(3, 1)
        for label, widget in (
            (self.text_label, self.text),
            (self.target_label, self.target),
            (self.measure_label, self.measure),
            (self.note_label, self.note),
        ):
            label.setBuddy(widget)
        self.retranslate_ui()
        self.show_goal(goal)
        self.text.textEdited.connect(lambda _text: edited(self))
        self.note.textEdited.connect(lambda _text: edited(self))
        self.target.valueChanged.connect(lambda _value: edited(self))
        self.unit.currentIndexChanged.connect(lambda _index: self._unit_changed(edited))
        self.measure.currentIndexChanged.connect(lambda _index: edited(self))

    def retranslate_ui(self) -> None:
        self.text_label.setText(_("&Goal"))
        self.target_label.setText(_("&Target"))
        self.measure_label.setText(_("&Measured with"))
        self.note_label.setText(_("&How, in a few words"))
        self.unit.setAccessibleName(_("Unit of the target"))
        self.remove_button.setText(_("Remove"))
        self.remove_button.setAccessibleName(_("Remove this goal"))
        self.text.setPlaceholderText(_("e.g. Adepts find work that matches their education"))
        self.note.setPlaceholderText(_("e.g. asked of every adept; at least 60 % answer"))
        for box, items in (
            (self.unit, [(unit, _(UNIT_LABELS[unit])) for unit in UNITS]),
            (self.measure, [("", _("Choose what it is measured with…")), *self._outcomes()]),
        ):
            data = box.currentData()
            box.blockSignals(True)
            box.clear()
            for key, text in items:
                box.addItem(text, key)
            box.setCurrentIndex(max(box.findData(data), 0))
            box.blockSignals(False)
        self._show_sentence()

    @staticmethod
    def _outcomes() -> list[tuple[str, str]]:
        return [(outcome.key, _(outcome.label)) for outcome in OUTCOMES]

    def _unit_changed(self, edited: Callable[[GoalRow], None]) -> None:
        if self.unit.currentData() == PERCENT and self.target.value() > 100:
            # A number above 100 is no percentage: say so instead of cutting it to 100.
            self.unit.blockSignals(True)
            self.unit.setCurrentIndex(self.unit.findData(COUNT))
            self.unit.blockSignals(False)
            QMessageBox.information(
                self,
                _("Programme plan"),
                _(
                    "The target {target} is more than 100, so it cannot be a percentage. "
                    "Change the number first, then choose %."
                ).format(target=format_number(self.target.value())),
            )
            return
        self._limit_target()
        edited(self)

    def _limit_target(self) -> None:
        self.target.setMaximum(100 if self.unit.currentData() == PERCENT else MAX_COUNT)

    def show_goal(self, goal: Goal) -> None:
        set_text(self.text, goal.text)
        set_text(self.note, goal.measure_note)
        set_index(self.unit, goal.unit)
        self._limit_target()
        set_index(self.measure, goal.measure)
        set_value(self.target, NO_NUMBER if goal.target is None else goal.target)
        self._show_sentence()

    def values(self) -> dict[str, Any]:
        target = self.target.value()
        return {
            "text": self.text.text(),
            "target": None if target <= NO_NUMBER else target,
            "unit": self.unit.currentData() or PERCENT,
            "measure": self.measure.currentData() or "",
            "measure_note": self.note.text(),
        }

    def goal(self) -> Goal:
        return Goal(self.goal_id, **self.values())

    def _show_sentence(self) -> None:
        sentence = goal_sentence(self.goal())
        self.sentence.setText(_("In the plan: {sentence}").format(sentence=sentence))
        self.sentence.setVisible(bool(sentence))
