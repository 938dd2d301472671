"""The programme's eligibility criteria per role, which every application is checked against."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QGridLayout,
    QGroupBox,
    QInputDialog,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain.enums import Role
from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, current_language

CRITERION_ROLE = Qt.ItemDataRole.UserRole + 1


class RoleCriteria(QGroupBox):
    def __init__(self, context: AppContext, role: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context, self.role = context, role
        context.events.criteria_changed.connect(self._changed)
        self.model = QStandardItemModel(self)
        self.view = QListView(objectName=f"criteria_{role}")
        self.view.setModel(self.model)
        self.view.setWordWrap(True)
        self.view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.view.doubleClicked.connect(self.edit)
        self.buttons = {
            "add": QPushButton(),
            "edit": QPushButton(),
            "remove": QPushButton(),
            "up": QPushButton(),
            "down": QPushButton(),
            "restore": QPushButton(),
        }
        actions = {
            "add": self.add,
            "edit": self.edit,
            "remove": self.remove,
            "up": lambda: self.move(-1),
            "down": lambda: self.move(1),
            "restore": self.restore,
        }
        grid = QGridLayout()
        for position, (key, button) in enumerate(self.buttons.items()):
            button.setObjectName(f"criteria_{role}_{key}")
            button.clicked.connect(actions[key])
            grid.addWidget(button, position // 3, position % 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addLayout(grid)

    def retranslate_ui(self) -> None:
        self.setTitle(_("Adepts") if self.role == Role.ADEPT else _("Mentors"))
        self.view.setAccessibleName(
            _("Criteria for adepts") if self.role == Role.ADEPT else _("Criteria for mentors")
        )
        texts = {
            "add": _("Add…"),
            "edit": _("Edit…"),
            "remove": _("Remove"),
            "up": _("Move up"),
            "down": _("Move down"),
            "restore": _("Restore defaults"),
        }
        for key, button in self.buttons.items():
            button.setText(texts[key])
            button.setAccessibleName(f"{texts[key].rstrip('…')} ({self.title()})")

    def refresh(self) -> None:
        programme, services = self.context.programme, self.context.services
        current = self.view.currentIndex().row()
        self.model.clear()
        if programme is None or services is None:
            return
        for criterion in services.eligibility.criteria(programme.id, self.role, current_language()):
            item = QStandardItem(criterion.text)
            item.setToolTip(criterion.hint)
            item.setData(criterion.id, CRITERION_ROLE)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.view.setCurrentIndex(
                self.model.index(min(max(current, 0), self.model.rowCount() - 1), 0)
            )

    def _selected(self) -> int | None:
        index = self.view.currentIndex()
        return index.data(CRITERION_ROLE) if index.isValid() else None

    def _run(self, action: Callable[[], object]) -> None:
        programme = self.context.programme
        try:
            action()
        except MentorappError as error:
            show_error(self, error)
            self.refresh()
            return
        if programme is not None and programme.id is not None:
            self.context.events.criteria_changed.emit(programme.id)  # both sides re-read

    def _changed(self, _programme_id: int) -> None:
        if page_on_screen(self):
            self.refresh()

    def add(self) -> None:
        text, ok = QInputDialog.getText(self, _("New criterion"), _("What must be true?"))
        programme = self.context.programme
        if ok and text.strip() and programme is not None:
            self._run(lambda: self.context.services.eligibility.add(programme.id, self.role, text))

    def edit(self) -> None:
        criterion_id = self._selected()
        if criterion_id is None:
            return
        current = self.view.currentIndex().data()
        text, ok = QInputDialog.getText(
            self,
            _("Edit criterion"),
            _("Write it in your own words (leave it empty to go back to the built-in text):"),
            text=current,
        )
        if ok:
            self._run(lambda: self.context.services.eligibility.edit(criterion_id, text))

    def remove(self) -> None:
        criterion_id = self._selected()
        if criterion_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove criterion"),
            _("Remove “{criterion}”? Confirmations already made for it are removed too.").format(
                criterion=self.view.currentIndex().data()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self._run(lambda: self.context.services.eligibility.remove(criterion_id))

    def move(self, step: int) -> None:
        criterion_id = self._selected()
        if criterion_id is not None:
            row = self.view.currentIndex().row()
            self._run(lambda: self.context.services.eligibility.move(criterion_id, step))
            target = min(max(row + step, 0), self.model.rowCount() - 1)
            self.view.setCurrentIndex(self.model.index(target, 0))

    def restore(self) -> None:
        programme = self.context.programme
        if programme is not None:
            self._run(
                lambda: self.context.services.eligibility.restore_defaults(programme.id, self.role)
            )


@stage_tool("purpose", title=N_("Eligibility criteria"))
class CriteriaEditor(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.intro = QLabel(wordWrap=True)
        self.sides = [RoleCriteria(context, role.value) for role in Role]
        grid = QGridLayout(self)
        grid.addWidget(self.intro, 0, 0, 1, 2)
        for column, side in enumerate(self.sides):
            grid.addWidget(side, 1, column)

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "Who can take part. Each application shows these as a checklist you confirm, "
                "usually at the interview. Write them so that a yes or no is clear."
            )
        )
        for side in self.sides:
            side.retranslate_ui()

    def refresh(self) -> None:
        for side in self.sides:
            side.refresh()
