"""The budget in the Resources stage: a round's lines or the programme-wide ones, edited in a
table, with the totals, the adepts placed and the cost per adept placed beside them.

Each cell is saved as soon as it is committed (Enter, Tab, another cell, leaving the page);
the totals follow the keys while an amount is typed. An amount that cannot be read keeps
the old value and says why under the table. How programme-wide lines count toward a round
is explained in ``planning.budget_lines`` and in words above the totals.
"""

from __future__ import annotations

import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    Qt,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.models.budget_model import (
    CATEGORY,
    DESCRIPTION,
    PROGRAMME,
    ROUND,
    BudgetDelegate,
    BudgetModel,
    line_label,
)
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.i18n import N_, _, format_money
from mentorapp.paths import safe_file_name
from mentorapp.planning.budget_lines import (
    COST,
    INCOME,
    Budget,
    BudgetDraft,
    BudgetLineRow,
    BudgetSummary,
)

if TYPE_CHECKING:
    pass


@stage_tool("resources", title=N_("Budget"))
class BudgetPanel(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self._view: Budget | None = None
        self._build()
        # Rounds (added, renamed, another current) and accepted groups (adepts placed).
        context.events.cohorts_changed.connect(self._changed)
        context.events.groups_changed.connect(self._changed)

    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True)
        self.round_choice = QRadioButton(objectName="budgetRoundChoice")
        self.programme_choice = QRadioButton(objectName="budgetProgrammeChoice")
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.round_choice)
        self.scope_group.addButton(self.programme_choice)
        self.round_choice.setChecked(True)
        self._chosen = ROUND  # the user's choice; the whole programme while there is no round
        self.round_choice.toggled.connect(self._scope_changed)
        switch = QHBoxLayout()
        switch.addWidget(self.round_choice)
        switch.addWidget(self.programme_choice)
        switch.addStretch(1)

        self.model = BudgetModel(self._save_line, self)
        self.model.refused.connect(self._show_refusal)
        self.model.saved.connect(self._saved)
        self.delegate = BudgetDelegate(self)
        self.delegate.typed.connect(self._preview)
        # An edit left with Esc, or a value refused, puts the totals back to what is stored.
        self.delegate.closeEditor.connect(self._show_stored_totals)
        self.model.refused.connect(self._show_stored_totals)
        self.view = QTableView(objectName="budgetView")
        self.view.setModel(self.model)
        self.view.setItemDelegate(self.delegate)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
            | QAbstractItemView.EditTrigger.SelectedClicked
        )
        self.view.verticalHeader().setVisible(False)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(DESCRIPTION, QHeaderView.ResizeMode.Stretch)
        self.view.selectionModel().currentChanged.connect(lambda *_a: self._update_buttons())

        self.error = QLabel(objectName="budgetError", wordWrap=True)
        self.error.setStyleSheet("font-weight: bold")
        self.error.setVisible(False)

        self.add_cost_button = QPushButton(objectName="addBudgetCostButton")
        self.add_cost_button.clicked.connect(lambda: self.add_line(COST))
        self.add_income_button = QPushButton(objectName="addBudgetIncomeButton")
        self.add_income_button.clicked.connect(lambda: self.add_line(INCOME))
        self.remove_button = QPushButton(objectName="removeBudgetLineButton")
        self.remove_button.clicked.connect(self.remove_line)
        self.up_button = QPushButton(objectName="budgetLineUpButton")
        self.up_button.clicked.connect(lambda: self.move_line(-1))
        self.down_button = QPushButton(objectName="budgetLineDownButton")
        self.down_button.clicked.connect(lambda: self.move_line(1))
        self.export_button = QPushButton(objectName="exportBudgetButton")
        self.export_button.clicked.connect(self.choose_csv_and_export)
        self.pdf_button = QPushButton(objectName="saveBudgetPdfButton")
        self.pdf_button.clicked.connect(self.choose_pdf_and_save)
        self.print_button = QPushButton(objectName="printBudgetButton")
        self.print_button.clicked.connect(self.print_budget)
        line_buttons = QHBoxLayout()
        for button in (
            self.add_cost_button,
            self.add_income_button,
            self.remove_button,
            self.up_button,
            self.down_button,
        ):
            line_buttons.addWidget(button)
        line_buttons.addStretch(1)
        file_buttons = QHBoxLayout()
        file_buttons.addStretch(1)
        for button in (self.export_button, self.pdf_button, self.print_button):
            file_buttons.addWidget(button)

        self.totals_heading = QLabel(objectName="budgetTotalsHeading")
        self.totals_heading.setStyleSheet("font-weight: bold")
        grid = QGridLayout()
        self.planned_head, self.actual_head = QLabel(), QLabel()
        for label in (self.planned_head, self.actual_head):
            label.setAlignment(Qt.AlignmentFlag.AlignRight)
            label.setStyleSheet("font-weight: bold")
        grid.addWidget(self.planned_head, 0, 1)
        grid.addWidget(self.actual_head, 0, 2)
        self.row_labels: list[QLabel] = []
        self.figures: dict[str, QLabel] = {}
        keys = ("costs", "incomes", "balance", "placed", "per_adept")
        for row, key in enumerate(keys, start=1):
            label = QLabel()
            self.row_labels.append(label)
            grid.addWidget(label, row, 0)
            for column, which in ((1, "planned"), (2, "actual")):
                figure = QLabel(objectName=f"budget_{key}_{which}")
                figure.setAlignment(Qt.AlignmentFlag.AlignRight)
                figure.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
                self.figures[f"{key}_{which}"] = figure
                grid.addWidget(figure, row, column)
        grid.setColumnStretch(3, 1)
        self.per_adept_note = QLabel(objectName="budgetPerAdeptNote", wordWrap=True)
        self.programme_note = QLabel(objectName="budgetProgrammeNote", wordWrap=True)

        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(switch)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        layout.addLayout(line_buttons)
        layout.addWidget(self.totals_heading)
        layout.addLayout(grid)
        layout.addWidget(self.per_adept_note)
        layout.addWidget(self.programme_note)
        layout.addLayout(file_buttons)

    # --- the stage tool's contract -----------------------------------------------------------

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "What the programme costs and what pays for it, planned and as it turned out. "
                "Type amounts as you write them (12,500.50 or 12500 kr); each cell is saved "
                "as soon as you leave it."
            )
        )
        self.programme_choice.setText(_("Whole programme"))
        self.view.setAccessibleName(_("Budget lines"))
        self.add_cost_button.setText(_("Add &cost"))
        self.add_income_button.setText(_("Add &income"))
        self.remove_button.setText(_("Remo&ve line"))
        self.up_button.setText(_("Move &up"))
        self.down_button.setText(_("Move do&wn"))
        self.export_button.setText(_("&Export to CSV…"))
        self.pdf_button.setText(_("Save as P&DF…"))
        self.print_button.setText(_("Pri&nt…"))
        self.planned_head.setText(_("Planned"))
        self.actual_head.setText(_("Actual"))
        for label, text in zip(
            self.row_labels,
            (
                _("Total costs"),
                _("Total income"),
                _("Balance (income − costs)"),
                _("Adepts placed"),
                _("Cost per adept placed"),
            ),
            strict=True,
        ):
            label.setText(text)
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 6)
        self.refresh()

    def refresh(self) -> None:
        if self.delegate.open_editor is not None:
            return  # keep what is being typed; flush() saves it when the page is left
        services, programme = self.context.services, self.context.programme
        cohort = self.context.cohort
        self.round_choice.setEnabled(cohort is not None)
        self.round_choice.setText(
            _("This round ({round})").format(round=cohort.name) if cohort else _("This round")
        )
        self.round_choice.blockSignals(True)
        (self.round_choice if self.scope == ROUND else self.programme_choice).setChecked(True)
        self.round_choice.blockSignals(False)
        self.model.editable = not self.context.read_only
        if services is None or programme is None or programme.id is None:
            self._view = None
            self.model.set_lines([])
            self.setEnabled(False)
            self._show_totals(None)
            return
        self.setEnabled(True)
        cohort_id = cohort.id if cohort is not None and self.scope == ROUND else None
        try:
            self._view = services.budget.budget(programme.id, cohort_id)
        except MentorappError as error:
            self._view = None
            self._show_refusal(error.user_message())
            return
        self.model.set_lines(list(self._view.lines))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setSectionResizeMode(
            DESCRIPTION, QHeaderView.ResizeMode.Stretch
        )
        self._show_totals(self._view.summary())
        self._update_buttons()

    def flush(self) -> None:
        """Save the cell being typed before the page is left, so nothing typed is lost."""
        self.delegate.commit_open_editor()

    # --- reading and showing ----------------------------------------------------------------

    @property
    def scope(self) -> str:
        """The round's lines when the user chose them and there is a round."""
        return ROUND if self._chosen == ROUND and self.context.cohort is not None else PROGRAMME

    def _scope_changed(self, round_checked: bool) -> None:
        self._chosen = ROUND if round_checked else PROGRAMME
        self.flush()
        self.error.setVisible(False)
        self.refresh()

    def _changed(self, *_where: object) -> None:
        if page_on_screen(self):
            self.refresh()

    def _show_totals(self, summary: BudgetSummary | None) -> None:
        if summary is None:
            for figure in self.figures.values():
                figure.clear()
            self.totals_heading.clear()
            self.per_adept_note.clear()
            self.programme_note.clear()
            return
        sums = summary.totals
        pairs = {
            "costs": (sums.planned_cost, sums.actual_cost),
            "incomes": (sums.planned_income, sums.actual_income),
            "balance": (sums.planned_balance, sums.actual_balance),
            "per_adept": (summary.cost_per_adept_planned, summary.cost_per_adept_actual),
        }
        for key, (planned, actual) in pairs.items():
            self.figures[f"{key}_planned"].setText(_money_or_dash(planned))
            self.figures[f"{key}_actual"].setText(_money_or_dash(actual))
        self.figures["placed_planned"].setText(str(summary.placed))
        self.figures["placed_actual"].clear()
        view = self._view
        if summary.scope == ROUND and view is not None:
            self.totals_heading.setText(_("Totals for {round}").format(round=view.round_name))
        else:
            self.totals_heading.setText(_("Totals for the whole programme"))
        if summary.placed == 0:
            self.per_adept_note.setText(
                _(
                    "Nobody is placed yet, so there is no cost per adept: it is shown once "
                    "groups are accepted in Matching."
                )
                if summary.scope == ROUND
                else _(
                    "Nobody is placed in any round yet, so there is no cost per adept: it is "
                    "shown once groups are accepted in Matching."
                )
            )
        elif summary.cost_per_adept_actual is None:
            self.per_adept_note.setText(
                _("The actual cost per adept is shown once actual costs are entered.")
            )
        else:
            self.per_adept_note.clear()
        if summary.programme_lines is not None:
            other = summary.programme_lines
            self.programme_note.setText(
                _(
                    "Programme-wide lines are not counted in this round's totals: they cost "
                    "{costs} and bring in {incomes} (planned). See them under “Whole programme”."
                ).format(
                    costs=format_money(other.planned_cost),
                    incomes=format_money(other.planned_income),
                )
            )
        else:
            self.programme_note.setText(
                _(
                    "These totals count every line: the programme-wide ones shown here and "
                    "those of every round, over the adepts placed in all rounds."
                )
            )

    def _preview(self, row: int, column: int, text: str) -> None:
        """Show the totals as they would be with ``text`` in the cell (nothing is saved)."""
        if self._view is None or row >= len(self.model.lines):
            return
        changed = self.model.row_with(row, column, text)
        if changed is not None:
            self._show_totals(self._view.summary(changed))

    def _update_buttons(self) -> None:
        editable = self.model.editable and self._view is not None
        row = self.view.currentIndex().row()
        has_line = editable and 0 <= row < self.model.rowCount()
        self.add_cost_button.setEnabled(editable)
        self.add_income_button.setEnabled(editable)
        self.remove_button.setEnabled(has_line)
        self.up_button.setEnabled(has_line and row > 0)
        self.down_button.setEnabled(has_line and row < self.model.rowCount() - 1)
        has_view = self._view is not None
        for button in (self.export_button, self.pdf_button, self.print_button):
            button.setEnabled(has_view)

    def _show_stored_totals(self, *_args: object) -> None:
        if self._view is not None:
            self._show_totals(self._view.summary())

    def _show_refusal(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(True)

    # --- writing ----------------------------------------------------------------------------

    def _save_line(self, line_id: int, draft: BudgetDraft) -> BudgetLineRow:
        services = self.context.services
        if services is None:
            raise ValidationError(N_("No file is open."))
        return services.budget.update(line_id, draft)

    def _saved(self) -> None:
        self.error.setVisible(False)
        if self._view is not None:
            self._view = replace(self._view, lines=tuple(self.model.lines))
            self._show_totals(self._view.summary())

    def _cohort_id(self) -> int | None:
        cohort = self.context.cohort
        return cohort.id if cohort is not None and self.scope == ROUND else None

    def add_line(self, kind: str) -> None:
        """A new line at the end, its description ready to type."""
        services, programme = self.context.services, self.context.programme
        if services is None or programme is None or programme.id is None:
            return
        self.flush()
        draft = BudgetDraft("other" if kind == COST else "grant")
        try:
            added = services.budget.add(programme.id, self._cohort_id(), draft)
        except MentorappError as error:
            show_error(self, error)
            return
        self.error.setVisible(False)
        self.refresh()
        row = next((r for r, line in enumerate(self.model.lines) if line.id == added.id), None)
        if row is not None:
            index = self.model.index(row, CATEGORY)
            self.view.setCurrentIndex(index)
            self.view.setFocus()

    def remove_line(self) -> None:
        row = self.view.currentIndex().row()
        services = self.context.services
        if services is None or not 0 <= row < len(self.model.lines):
            return
        self.flush()
        line = self.model.lines[row]
        answer = QMessageBox.question(
            self,
            _("Remove line"),
            _("Remove the line “{line}”?").format(line=line.description or line_label(line)),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            services.budget.remove(line.id)
        except MentorappError as error:
            show_error(self, error)
            return
        self.refresh()

    def move_line(self, steps: int) -> None:
        row = self.view.currentIndex().row()
        services = self.context.services
        if services is None or not 0 <= row < len(self.model.lines):
            return
        self.flush()
        line_id = self.model.lines[row].id
        try:
            services.budget.move(line_id, steps)
        except MentorappError as error:
            show_error(self, error)
            return
        self.refresh()
        for number, line in enumerate(self.model.lines):
            if line.id == line_id:
                self.view.setCurrentIndex(self.model.index(number, DESCRIPTION))

    # --- files ------------------------------------------------------------------------------

    def _file_stem(self) -> str:
        view = self._view
        name = view.round_name if view is not None and view.scope == ROUND else ""
        stem = _("Budget {round}").format(round=name).strip() if name else _("Budget")
        return safe_file_name(stem)  # a round named "2026/27" makes no folder

    def choose_csv_and_export(self) -> None:
        self.flush()
        start = str(Path.home() / f"{self._file_stem()}.csv")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Export the budget"), start, _("CSV files (*.csv)")
        )
        if name:
            self.export_csv(Path(name))

    def export_csv(self, path: Path) -> bool:
        from mentorapp.dataio.budget_csv import write_budget_csv

        services, programme = self.context.services, self.context.programme
        if services is None or programme is None or programme.id is None:
            return False
        delimiter = self.context.settings.csv_delimiter
        try:
            write_budget_csv(services.budget, programme.id, self._cohort_id(), path, delimiter)
        except MentorappError as error:
            show_error(self, error)
            return False
        return True

    def write_pdf(self, path: Path) -> bool:
        """Render the budget into a file beside ``path`` (owner-only), then move it there."""
        from mentorapp.db.files import private_temporary, refuse_programme_file
        from mentorapp.documents.budget_pdf import render_budget
        from mentorapp.errors import file_problem, move_into_place

        programme = self.context.programme
        if self._view is None or programme is None:
            return False
        temporary: Path | None = None
        try:
            refuse_programme_file(path)
            temporary = private_temporary(path.parent, path.name)
            render_budget(self._view, temporary, programme.organisation, programme.logo)
            move_into_place(temporary, path)
        except MentorappError as error:
            show_error(self, error)
            return False
        except OSError as exc:
            show_error(self, file_problem(exc))
            return False
        finally:
            if temporary is not None:
                temporary.unlink(missing_ok=True)
        return True

    def choose_pdf_and_save(self) -> None:
        self.flush()
        start = str(Path.home() / f"{self._file_stem()}.pdf")
        name, _filter = QFileDialog.getSaveFileName(
            self, _("Save the budget as PDF"), start, _("PDF files (*.pdf)")
        )
        if name:
            self.write_pdf(Path(name))

    def print_budget(self) -> bool:
        """Typeset the budget into a private temporary file and send it to the print dialog."""
        from mentorapp.gui.pdf_printing import print_pdf

        self.flush()
        with tempfile.TemporaryDirectory(prefix="mentorapp-budget-") as folder:
            path = Path(folder) / f"{self._file_stem()}.pdf"
            if not self.write_pdf(path):
                return False
            return print_pdf(self, path)


def _money_or_dash(ore: int | None) -> str:
    return "–" if ore is None else format_money(ore)
