"""Published reference figures of the programme: a share per measure with where it comes from,
drawn beside the round's own figure as a dashed line (for scale, not as a target).

Each addition or removal is saved at once and announced with ``references_changed``, so the
report behind the dialog follows while it is open.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.i18n import _, format_percent
from mentorapp.impact.reading import percent
from mentorapp.impact.report_model import Measure

REFERENCE_ID = Qt.ItemDataRole.UserRole


class ReferenceDialog(QDialog):
    references_changed = Signal()

    def __init__(
        self,
        context: AppContext,
        programme_id: int,
        measures: Sequence[Measure],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("referenceDialog")
        self.setWindowTitle(_("Reference figures"))
        self.setMinimumWidth(620)
        self.context = context
        self.programme_id = programme_id
        self.labels = {measure.key: measure.label for measure in measures}
        self._build()
        self.reload()

    def _build(self) -> None:
        intro = QLabel(
            _(
                "A published figure of another programme, such as the share of adepts in work "
                "after a year, is drawn as a dashed line beside this programme's own. Give its "
                "source, so a reader can look it up. One figure per measure: a new one for the "
                "same measure replaces the old."
            ),
            wordWrap=True,
        )
        self.list = QTreeWidget(objectName="referenceList")
        self.list.setRootIsDecorated(False)
        self.list.setHeaderLabels([_("Measure"), _("Share"), _("Source")])
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setAccessibleName(_("Reference figures"))
        header = self.list.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.remove_button = QPushButton(_("&Remove"), objectName="removeReference")
        self.remove_button.setAutoDefault(False)  # Enter in the form adds, never removes
        self.remove_button.clicked.connect(self.remove_selected)
        self.list.itemSelectionChanged.connect(self._selection_changed)

        self.measure = QComboBox(objectName="referenceMeasure")
        for key, label in self.labels.items():
            self.measure.addItem(label, key)
        self.measure.setAccessibleName(_("Measure"))
        self.share = QDoubleSpinBox(objectName="referenceShare")
        self.share.setRange(0.0, 100.0)
        self.share.setDecimals(1)
        self.share.setSingleStep(1.0)
        before, _number, after = format_percent(0.44).partition("44")
        self.share.setPrefix(before)
        self.share.setSuffix(after)
        self.share.setAccessibleName(_("Share in per cent"))
        self.source = QLineEdit(objectName="referenceSource")
        self.source.setPlaceholderText(_("Who published it, and when"))
        self.source.setAccessibleName(_("Source"))
        self.add_button = QPushButton(_("&Add"), objectName="addReference")
        self.add_button.clicked.connect(self.add)
        self.add_button.setDefault(True)
        self.source.returnPressed.connect(self.add)
        self.error_label = QLabel(objectName="errorLabel", wordWrap=True)
        self.error_label.setStyleSheet("font-weight: bold")
        self.error_label.hide()

        form = QFormLayout()
        for text, field in (
            (_("&Measure:"), self.measure),
            (_("S&hare:"), self.share),
            (_("S&ource:"), self.source),
        ):
            label = QLabel(text)
            label.setBuddy(field)
            form.addRow(label, field)
        add_row = QHBoxLayout()
        add_row.addStretch(1)
        add_row.addWidget(self.add_button)
        list_row = QHBoxLayout()
        list_row.addStretch(1)
        list_row.addWidget(self.remove_button)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        for button in buttons.buttons():
            button.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.list, 1)
        layout.addLayout(list_row)
        layout.addLayout(form)
        layout.addLayout(add_row)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        writable = not self.context.read_only
        for widget in (self.measure, self.share, self.source, self.add_button):
            widget.setEnabled(writable)
        self._selection_changed()

    def reload(self) -> None:
        services = self.context.services
        self.list.clear()
        if services is None:
            return
        for row in services.impact.references(self.programme_id):
            item = QTreeWidgetItem(
                [self.labels.get(row.measure, row.measure), percent(row.share), row.source]
            )
            item.setData(0, REFERENCE_ID, row.id)
            item.setToolTip(2, row.source)
            self.list.addTopLevelItem(item)
        self._selection_changed()

    def rows(self) -> list[tuple[str, str, str]]:
        """What the list shows: (measure, share, source) per figure."""
        return [
            tuple(self.list.topLevelItem(i).text(c) for c in range(3))  # type: ignore[misc]
            for i in range(self.list.topLevelItemCount())
        ]

    def _selection_changed(self) -> None:
        self.remove_button.setEnabled(
            bool(self.list.selectedItems()) and not self.context.read_only
        )

    def _say(self, text: str) -> None:
        self.error_label.setText(text)
        self.error_label.setAccessibleName(text)
        self.error_label.setVisible(bool(text))

    def add(self) -> bool:
        """Save the figure in the form; on a fault say it and keep what was typed."""
        services = self.context.services
        key = self.measure.currentData()
        if services is None or key is None:
            return False
        try:
            services.impact.save_reference(
                self.programme_id, key, self.share.value() / 100, self.source.text()
            )
        except MentorappError as error:
            self._say(error.user_message())
            if getattr(error, "field", "") == "source":
                self.source.setFocus()
            return False
        self._say("")
        self.source.clear()
        self.reload()
        self.references_changed.emit()
        return True

    def remove_selected(self) -> None:
        services = self.context.services
        selected = self.list.selectedItems()
        if services is None or not selected:
            return
        try:
            services.impact.delete_reference(selected[0].data(0, REFERENCE_ID))
        except MentorappError as error:
            self._say(error.user_message())
            return
        self.reload()
        self.references_changed.emit()
