"""People whose rounds ended long ago: review and erase them, as the data-protection plan says."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.gui.dialogs.privacy_actions import erase_people
from mentorapp.i18n import _, format_date

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services

PERSON_ID = Qt.ItemDataRole.UserRole + 1


class RetentionDialog(QDialog):
    def __init__(self, services: Services, months: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retentionDialog")
        self.setWindowTitle(_("People due for erasure"))
        self.services, self.months = services, months
        self.erased = False
        self.intro = QLabel(wordWrap=True)
        self.intro.setText(
            _(
                "These people took part in rounds that ended more than {months} months ago (or "
                "are in no round). Your data-protection plan says their data should now be "
                "erased. Untick anyone you must keep, then erase."
            ).format(months=months)
        )
        self.model = QStandardItemModel(self)
        self.view = QTreeView(objectName="dueView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.setAccessibleName(_("People due for erasure"))
        self.erase_button = QPushButton(_("&Erase the ticked people…"), objectName="eraseDue")
        self.erase_button.clicked.connect(self.erase)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.erase_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        self.resize(640, 480)
        self.refresh()

    def refresh(self) -> None:
        self.model.clear()
        self.model.setHorizontalHeaderLabels([_("Name"), _("E-mail"), _("Last round"), _("Ended")])
        for row in self.services.privacy.due_for_erasure(self.months):
            name = QStandardItem(f"{row.first_name} {row.last_name}".strip())
            name.setCheckable(True)
            name.setCheckState(Qt.CheckState.Checked)
            name.setData(row.person_id, PERSON_ID)
            self.model.appendRow(
                [
                    name,
                    QStandardItem(row.email),
                    QStandardItem(row.last_round),
                    QStandardItem(format_date(row.last_round_end)),
                ]
            )
        self.view.resizeColumnToContents(0)
        self.erase_button.setEnabled(self.model.rowCount() > 0)

    def ticked(self) -> tuple[list[int], list[str]]:
        ids, names = [], []
        for row in range(self.model.rowCount()):
            item = self.model.item(row, 0)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(item.data(PERSON_ID))
                names.append(item.text())
        return ids, names

    def erase(self) -> None:
        ids, names = self.ticked()
        if ids and erase_people(self, self.services, ids, names):
            self.erased = True
            self.refresh()

    @classmethod
    def show_for(cls, parent: QWidget | None, services: Services, months: int) -> bool:
        dialog = cls(services, months, parent)
        dialog.exec()
        return dialog.erased
