"""Partner organisations in the Anchoring stage: who they are, whom to contact, how many
mentors come from them."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _

PARTNER_ID = Qt.ItemDataRole.UserRole + 1


@stage_tool("anchoring", title=N_("Partner organisations"))
class PartnersPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.intro = QLabel(wordWrap=True)
        self.model = QStandardItemModel(self)
        self.view = QTreeView(objectName="partnersView")
        self.view.setModel(self.model)
        self.view.setRootIsDecorated(False)
        self.view.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.view.selectionModel().currentChanged.connect(self._show_current)
        self.name = QLineEdit(objectName="partnerName")
        self.contact = QLineEdit(objectName="partnerContact")
        self.email = QLineEdit(objectName="partnerEmail")
        self.note = QLineEdit(objectName="partnerNote")
        self.labels = [QLabel() for _field in range(4)]
        form = QFormLayout()
        for label, widget in zip(
            self.labels, (self.name, self.contact, self.email, self.note), strict=True
        ):
            label.setBuddy(widget)
            form.addRow(label, widget)
        self.error = QLabel(objectName="partnerError", wordWrap=True)
        self.error.setStyleSheet("font-weight: bold")
        self.error.setVisible(False)
        self.new_button = QPushButton(objectName="newPartnerButton")
        self.new_button.clicked.connect(self.new_partner)
        self.save_button = QPushButton(objectName="savePartnerButton")
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(objectName="removePartnerButton")
        self.remove_button.clicked.connect(self.remove)
        buttons = QHBoxLayout()
        buttons.addWidget(self.new_button)
        buttons.addStretch(1)
        buttons.addWidget(self.remove_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.view, 1)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self._editing: int | None = None
        self._dirty = False
        for widget in (self.name, self.contact, self.email, self.note):
            widget.textEdited.connect(self._edited)
        # An import or an applicant's employer adds partners, and people change the counts.
        for signal in (context.events.partners_changed, context.events.participants_changed):
            signal.connect(self._changed)

    def _changed(self, *_where: object) -> None:
        if page_on_screen(self):
            self.refresh()

    def _edited(self) -> None:
        self._dirty = True

    def flush(self) -> None:
        """Save what was typed before the page is left, so nothing typed is lost."""
        if self._dirty and self.name.text().strip():
            self.save()

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "The organisations behind the programme: mentors' employers and partners who "
                "help you find adepts and mentors. Employers named in imported applications "
                "appear here by themselves."
            )
        )
        self.view.setAccessibleName(_("Partner organisations"))
        for label, text in zip(
            self.labels,
            (_("&Name:"), _("&Contact person:"), _("Contact &e-mail:"), _("N&ote:")),
            strict=True,
        ):
            label.setText(text)
        for widget, text in (
            (self.name, _("Name")),
            (self.contact, _("Contact person")),
            (self.email, _("Contact e-mail")),
            (self.note, _("Note")),
        ):
            widget.setAccessibleName(text)
        self.new_button.setText(_("Ne&w partner"))
        self.save_button.setText(_("&Save partner"))
        self.remove_button.setText(_("Re&move partner"))
        self.refresh()

    def refresh(self) -> None:
        if self._dirty:
            return  # keep what the user is typing; flush() saves it when the page is left
        services, programme = self.context.services, self.context.programme
        self.model.clear()
        self.model.setHorizontalHeaderLabels(
            [_("Name"), _("Contact person"), _("Contact e-mail"), _("People"), _("Note")]
        )
        rows = services.partners.partners(programme.id) if services and programme else []
        for row in rows:
            cells = [
                QStandardItem(str(value))
                for value in (row.name, row.contact_name, row.contact_email, row.people, row.note)
            ]
            cells[0].setData(row.id, PARTNER_ID)
            self.model.appendRow(cells)
        for column in range(4):
            self.view.resizeColumnToContents(column)
        self.setEnabled(programme is not None)
        self._select(self._editing)

    def _select(self, partner_id: int | None) -> None:
        for row in range(self.model.rowCount()):
            if self.model.item(row, 0).data(PARTNER_ID) == partner_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return
        self.new_partner()

    def _show_current(self, *_args: object) -> None:
        index = self.view.currentIndex()
        if not index.isValid():
            return
        if self._dirty:
            # What was typed is saved first. Saving re-reads the list, which must not happen
            # inside the click that changed the selection, so it runs right after it.
            target = self.model.item(index.row(), 0).data(PARTNER_ID)
            QTimer.singleShot(0, lambda: self._save_then_show(target))
            return
        row = index.row()
        self._editing = self.model.item(row, 0).data(PARTNER_ID)
        for column, widget in ((0, self.name), (1, self.contact), (2, self.email), (4, self.note)):
            widget.setText(self.model.item(row, column).text())
        self._dirty = False
        self.remove_button.setEnabled(True)
        self.error.setVisible(False)

    def _save_then_show(self, target: int | None) -> None:
        """Save the partner being typed, then show the one that was clicked; a refused save
        keeps the typing, its message and the highlight on the partner being edited."""
        if self._dirty and self.name.text().strip():
            self.save()
        if self._dirty:
            self._highlight(self._editing)
            return
        self._select(target)

    def _highlight(self, partner_id: int | None) -> None:
        selection = self.view.selectionModel()
        selection.blockSignals(True)
        try:
            self.view.clearSelection()
            for row in range(self.model.rowCount()):
                if self.model.item(row, 0).data(PARTNER_ID) == partner_id:
                    self.view.setCurrentIndex(self.model.index(row, 0))
        finally:
            selection.blockSignals(False)

    def new_partner(self) -> None:
        self._editing = None
        self.view.clearSelection()
        for widget in (self.name, self.contact, self.email, self.note):
            widget.clear()
        self._dirty = False
        self.remove_button.setEnabled(False)
        self.error.setVisible(False)

    def save(self) -> None:
        from mentorapp.programme.partners import PartnerDraft

        programme = self.context.programme
        if programme is None:
            return
        draft = PartnerDraft(
            self.name.text(), self.contact.text(), self.email.text(), self.note.text()
        )
        try:
            self._editing = self.context.services.partners.save(programme.id, draft, self._editing)
        except ValidationError as error:
            self.error.setText(error.user_message())
            self.error.setVisible(True)
            (self.email if error.field == "contact_email" else self.name).setFocus()
            return
        except MentorappError as error:
            show_error(self, error)
            return
        self._dirty = False
        self.context.events.partners_changed.emit(programme.id)  # this panel re-reads too

    def remove(self) -> None:
        if self._editing is None:
            return
        answer = QMessageBox.question(
            self,
            _("Remove partner"),
            _("Remove “{name}”? The people who work there stay in the programme.").format(
                name=self.name.text()
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            programme = self.context.programme
            try:
                self.context.services.partners.remove(self._editing)
            except MentorappError as error:
                show_error(self, error)
                return
            self._editing = None
            if programme is not None:
                self.context.events.partners_changed.emit(programme.id)  # this one re-reads
