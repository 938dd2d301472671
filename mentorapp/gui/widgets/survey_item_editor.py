"""One answer in the survey entry view, typed from a paper form without the mouse.

A scale (agreement, yes/no, 0–10, a numbered choice) is one focusable row of buttons that
takes the answer's key: for agreement 1–5, and 0, D or V for "don't know"; J or Y and N for
yes/no; digits for 0–10 (1 then 0 makes 10); 1…n for a choice. An answer chosen moves the
focus on by itself, so a whole form is typed as a run of keys. Up and Down move between
questions, Left and Right step along the row, Delete clears it. Numbers and free text are line
edits, where Enter moves on. The buttons take no focus: a click chooses too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLineEdit,
    QToolButton,
    QWidget,
)

from mentorapp.i18n import _
from mentorapp.impact.survey_model import (
    AGREE_VALUES,
    DONT_KNOW,
    ZERO_TO_TEN_VALUES,
    Item,
    ItemKind,
    ScaleLabels,
)

MOVE_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ItemEditor(QFrame):
    """What every answer editor offers the entry view."""

    edited = Signal()  # the value changed (by key or click)

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName(f"answer_{item.key}")
        # The form moves the focus (it knows the order); alone, Qt's focus chain does.
        self.mover: Callable[[ItemEditor, bool], None] | None = None

    def value(self) -> str:
        raise NotImplementedError

    def set_value(self, value: str) -> None:
        raise NotImplementedError

    def move_on(self, forward: bool = True) -> None:
        """Give the focus to the next (or previous) field of the form."""
        if self.mover is not None:
            self.mover(self, forward)
        else:
            self.focusNextPrevChild(forward)


class ScaleEditor(ItemEditor):
    """A row of choices, each with the key that picks it."""

    def __init__(
        self,
        item: Item,
        choices: list[tuple[str, str, str]],  # (stored value, button text, tooltip)
        keys: dict[str, str],  # typed character (lower case) → stored value
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(item, parent)
        self._keys = keys
        self._values = [value for value, _text, _tip in choices]
        self._pending_one = False  # 0–10: a "1" typed may become "10"
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.group = QButtonGroup(self)
        self.group.setExclusive(False)  # so an answer can be cleared again
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.setSpacing(2)
        self.buttons: dict[str, QToolButton] = {}
        for value, text, tip in choices:
            button = QToolButton(objectName=f"answer_{item.key}_{value}")
            button.setText(text)
            button.setToolTip(tip)
            button.setCheckable(True)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.clicked.connect(lambda _checked, value=value: self._clicked(value))
            layout.addWidget(button)
            self.buttons[value] = button
        layout.addStretch(1)

    def value(self) -> str:
        return next((value for value, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, value: str) -> None:
        for key, button in self.buttons.items():
            button.setChecked(key == value)
            font = button.font()  # the answer stands out in any theme: bold, not a colour
            font.setBold(key == value)
            button.setFont(font)
        self._pending_one = False
        self.setAccessibleDescription(self._spoken())

    def _spoken(self) -> str:
        chosen = self.value()
        return self.buttons[chosen].toolTip() if chosen else _("No answer")

    def _choose(self, value: str) -> None:
        changed = value != self.value()
        self.set_value(value)
        if changed:
            self.edited.emit()

    def _clicked(self, value: str) -> None:
        self._choose(value if self.buttons[value].isChecked() else "")
        self.setFocus(Qt.FocusReason.MouseFocusReason)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key, text = event.key(), event.text().lower()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        if modifiers not in (Qt.KeyboardModifier.NoModifier, Qt.KeyboardModifier.ShiftModifier):
            super().keyPressEvent(event)
            return
        if self._pending_one and text == "0" and "10" in self.buttons:
            self._choose("10")
            self.move_on()
            return
        if self._pending_one and text.isprintable() and text:
            # "1" stands: the key typed is the next question's answer, so hand it on.
            self._pending_one = False
            self.move_on()
            target = QApplication.focusWidget()
            if target is not None and target is not self:
                QApplication.sendEvent(
                    target,
                    QKeyEvent(event.type(), key, event.modifiers(), event.text()),
                )
            return
        self._pending_one = False
        if text and text in self._keys:
            self._choose(self._keys[text])
            if self._keys[text] == "1" and "10" in self.buttons:
                self._pending_one = True  # wait: "0" next makes it 10, anything else moves
                return
            self.move_on()
            return
        if key in MOVE_KEYS or key == Qt.Key.Key_Down:
            self.move_on()
        elif key == Qt.Key.Key_Up:
            self.move_on(False)
        elif key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            self._step(-1 if key == Qt.Key.Key_Left else 1)
        elif key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace):
            self._choose("")
        else:
            super().keyPressEvent(event)

    def _step(self, by: int) -> None:
        current = self.value()
        at = self._values.index(current) if current in self._values else (-1 if by > 0 else 0)
        self._choose(self._values[(at + by) % len(self._values)])

    def focusInEvent(self, event: QFocusEvent) -> None:
        self.setFrameShape(QFrame.Shape.Box)
        super().focusInEvent(event)

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self.setFrameShape(QFrame.Shape.NoFrame)
        self._pending_one = False
        super().focusOutEvent(event)


class LineEditor(ItemEditor):
    """A number or a free text; Enter, Up and Down move between questions."""

    def __init__(self, item: Item, parent: QWidget | None = None) -> None:
        super().__init__(item, parent)
        self.edit = QLineEdit(objectName=f"answer_{item.key}_text")
        self.edit.textEdited.connect(lambda _text: self.edited.emit())
        self.edit.installEventFilter(self)
        self.setFocusProxy(self.edit)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(3, 3, 3, 3)
        layout.addWidget(self.edit, 1)
        if item.kind == ItemKind.NUMBER:
            self.edit.setMaximumWidth(110)
            self.edit.setPlaceholderText(_("{low}–{high}").format(low=item.low, high=item.high))
            layout.addStretch(1)

    def value(self) -> str:
        return self.edit.text()

    def set_value(self, value: str) -> None:
        self.edit.setText(value)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.edit
            and isinstance(event, QKeyEvent)
            and event.type() == QEvent.Type.KeyPress
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            if event.key() in (*MOVE_KEYS, Qt.Key.Key_Down):
                self.move_on()
                return True
            if event.key() == Qt.Key.Key_Up:
                self.move_on(False)
                return True
        return super().eventFilter(watched, event)


def editor_for(item: Item, scales: ScaleLabels, parent: QWidget | None = None) -> ItemEditor:
    """The editor of one item, with its keys."""
    if item.kind == ItemKind.AGREE:
        words = (*scales.agree, scales.dont_know)
        choices = [
            (value, _("Don't know (0)") if value == DONT_KNOW else value, words[n])
            for n, value in enumerate(AGREE_VALUES)
        ]
        keys = {value: value for value in AGREE_VALUES[:5]}
        keys.update({"0": DONT_KNOW, "d": DONT_KNOW, "v": DONT_KNOW})
        return ScaleEditor(item, choices, keys, parent)
    if item.kind == ItemKind.YES_NO:
        choices = [("yes", _("Yes (J/Y)"), scales.yes), ("no", _("No (N)"), scales.no)]
        return ScaleEditor(item, choices, {"j": "yes", "y": "yes", "n": "no"}, parent)
    if item.kind == ItemKind.ZERO_TO_TEN:
        tips = {"0": f"0 – {scales.zero}", "10": f"10 – {scales.ten}"}
        choices = [(v, v, tips.get(v, v)) for v in ZERO_TO_TEN_VALUES]
        keys = {v: v for v in ZERO_TO_TEN_VALUES if len(v) == 1}
        return ScaleEditor(item, choices, keys, parent)
    if item.kind == ItemKind.CHOICE:
        choices = [
            (option.key, f"{n}) {option.label}", option.label)
            for n, option in enumerate(item.options, 1)
        ]
        keys = {str(n): option.key for n, option in enumerate(item.options, 1) if n < 10}
        return ScaleEditor(item, choices, keys, parent)
    return LineEditor(item, parent)
