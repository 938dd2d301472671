"""The Matching stage's board: propose, review each pair's reasons, lock, move, accept."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QProgressDialog,
    QPushButton,
    QSplitter,
    QTreeView,
    QVBoxLayout,
    QWidget,
)

from mentorapp.errors import MentorappError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import attempt, show_error
from mentorapp.gui.models.proposal_model import ADEPT_ID, GROUP_ID, MENTOR_ID, ProposalModel
from mentorapp.gui.pages.base import page_on_screen
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.workers import Job
from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.matching.model import Proposal

Basis = tuple[int, str, bool]  # round id, the programme's weights, spreading


@stage_tool("matching", title=N_("Matching board"))
class MatchingBoard(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.proposal: Proposal | None = None
        self._basis: Basis | None = None  # what the shown proposal was made from
        self._job: Job | None = None
        self._job_basis: Basis | None = None
        self._again = False  # what proposals are made from changed while one was worked out
        self._build()
        events = context.events
        for signal in (events.participants_changed, events.groups_changed):
            signal.connect(self._inputs_changed)
        events.pair_rules_changed.connect(self._inputs_changed)
        events.workspace_changed.connect(lambda: self._inputs_changed(None))  # all new data
        for signal in (events.programme_changed, events.cohorts_changed):
            signal.connect(self._basis_changed)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.propose_button = QPushButton(objectName="proposeButton")
        self.propose_button.clicked.connect(self.propose)
        self.weights_button = QPushButton(objectName="weightsButton")
        self.weights_button.clicked.connect(self.edit_weights)
        self.accept_button = QPushButton(objectName="acceptProposalButton")
        self.accept_button.clicked.connect(self.accept)
        self.print_button = QPushButton(objectName="printGroupsButton")
        self.print_button.clicked.connect(self.print_groups)
        top = QHBoxLayout()
        for button in (self.propose_button, self.weights_button, self.accept_button):
            top.addWidget(button)
        top.addStretch(1)
        top.addWidget(self.print_button)
        self.summary = QLabel(objectName="matchSummary", wordWrap=True)

        self.model = ProposalModel(self)
        self.tree = QTreeView(objectName="proposalTree")
        self.tree.setModel(self.model)
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        self.tree.selectionModel().currentChanged.connect(self._selected)

        self.pair_box = QGroupBox()
        self.pair_title = QLabel(wordWrap=True)
        self.parts_model = QStandardItemModel(self)
        self.parts = QListView(objectName="pairParts")
        self.parts.setModel(self.parts_model)
        self.parts.setWordWrap(True)
        self.lock_button = QPushButton(objectName="lockButton")
        self.lock_button.clicked.connect(self.toggle_lock)
        self.never_button = QPushButton(objectName="neverButton")
        self.never_button.clicked.connect(self.mark_never)
        self.dissolve_button = QPushButton(objectName="dissolveButton")
        self.dissolve_button.clicked.connect(self.dissolve)
        self.move_label = QLabel()
        self.move_combo = QComboBox(objectName="moveCombo")
        self.move_combo.currentIndexChanged.connect(self._check_move)
        self.move_check = QLabel(objectName="moveCheck", wordWrap=True)
        self.move_button = QPushButton(objectName="moveButton")
        self.move_button.clicked.connect(self.move)
        self.allow_button = QPushButton(objectName="allowPairButton", visible=False)
        self.allow_button.clicked.connect(self.allow_pair)
        self.move_label.setBuddy(self.move_combo)
        pair_layout = QVBoxLayout(self.pair_box)
        pair_layout.addWidget(self.pair_title)
        pair_layout.addWidget(self.parts, 1)
        buttons = QHBoxLayout()
        for button in (self.lock_button, self.never_button, self.dissolve_button):
            buttons.addWidget(button)
        pair_layout.addLayout(buttons)
        pair_layout.addWidget(self.move_label)
        pair_layout.addWidget(self.move_combo)
        pair_layout.addWidget(self.move_check)
        pair_layout.addWidget(self.move_button, 0, Qt.AlignmentFlag.AlignLeft)
        pair_layout.addWidget(self.allow_button, 0, Qt.AlignmentFlag.AlignLeft)

        self.unmatched_box = QGroupBox()
        self.unmatched_model = QStandardItemModel(self)
        self.unmatched = QTreeView(objectName="unmatchedTree")
        self.unmatched.setModel(self.unmatched_model)
        self.unmatched.setWordWrap(True)
        self.unmatched.setEditTriggers(QTreeView.EditTrigger.NoEditTriggers)
        self.help_title = QLabel()
        self.help_model = QStandardItemModel(self)
        self.help_view = QListView(objectName="matchHelp")
        self.help_view.setModel(self.help_model)
        self.help_view.setWordWrap(True)
        self.help_view.setEditTriggers(QListView.EditTrigger.NoEditTriggers)
        self.help_title.setBuddy(self.help_view)
        unmatched_layout = QVBoxLayout(self.unmatched_box)
        unmatched_layout.addWidget(self.unmatched, 2)
        unmatched_layout.addWidget(self.help_title)
        unmatched_layout.addWidget(self.help_view, 1)

        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.pair_box)
        right.addWidget(self.unmatched_box)
        right.setSizes([300, 300])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.tree)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        layout.addWidget(splitter, 1)

    def retranslate_ui(self) -> None:
        self.propose_button.setText(_("Pr&opose matches"))
        self.weights_button.setText(_("&Weights…"))
        self.accept_button.setText(_("&Accept proposal"))
        self.print_button.setText(_("Pr&int accepted groups…"))
        self.tree.setAccessibleName(_("Proposed groups"))
        self.pair_box.setTitle(_("Selected pair"))
        self.parts.setAccessibleName(_("Why this pair scores as it does"))
        self.never_button.setText(_("&Never pair these two"))
        self.dissolve_button.setText(_("&Dissolve accepted group"))
        self.move_label.setText(_("&Move the adept to:"))
        self.move_button.setText(_("Mo&ve"))
        self.allow_button.setText(_("Allow this pair a&gain"))
        self.unmatched_box.setTitle(_("Adepts without a mentor"))
        self.unmatched.setAccessibleName(_("Adepts without a mentor and why"))
        self.help_title.setText(_("What would help:"))
        self.help_view.setAccessibleName(_("What would help to place more adepts"))
        self.show_proposal(self.proposal)

    def refresh(self) -> None:
        """Show the accepted groups (a saved state) until a new proposal is asked for; one
        made for another round or other weights is never shown (nor accepted) here."""
        wanted = self._wanted()
        weights_only = (
            self._basis is not None and wanted is not None and self._basis[0] == wanted[0]
        )
        if self.proposal is not None and self._basis != wanted:
            self.show_proposal(None)
        if self.proposal is None and self.context.cohort is not None:
            # Only the user changes the weights, here: show the progress as for a proposal.
            self.propose(quiet=not weights_only)
        else:
            self.show_proposal(self.proposal)

    def _wanted(self) -> Basis | None:
        programme, cohort = self.context.programme, self.context.cohort
        if programme is None or cohort is None or cohort.id is None:
            return None
        return cohort.id, programme.match_weights, programme.match_spread

    def _inputs_changed(self, cohort_id: int | None) -> None:
        """People, groups or pair rules changed: in this round (or several, when None)?"""
        cohort = self.context.cohort
        if cohort is None or (cohort_id is not None and cohort_id != cohort.id):
            return
        if not page_on_screen(self):
            self.show_proposal(None)  # a new one is made when the board is shown
        elif self._job is not None:
            self._again = True
        else:
            self.propose(quiet=True)

    def _basis_changed(self, *_where: object) -> None:
        """Another file, round or weights: none of the shown proposal is right any more."""
        if self._basis == self._wanted():
            return
        if page_on_screen(self):
            self.refresh()  # its page may have done so already: then a job runs for it
        else:
            self.show_proposal(None)

    # -- proposing -------------------------------------------------------------------------
    def propose(self, quiet: bool = False) -> None:
        """Work out the proposal on a worker thread (the solver's first start takes a moment)."""
        services, cohort = self.context.services, self.context.cohort
        if services is None or cohort is None or self._job is not None:
            return
        basis = self._wanted()
        if self._job is not None:
            self._again = self._again or basis != self._job_basis
            return
        self._job_basis = basis
        dialog = None
        if not quiet:
            dialog = QProgressDialog(_("Finding the best matches…"), "", 0, 0, self)
            dialog.setCancelButton(None)
            dialog.setWindowTitle(_("Matching"))
            dialog.setMinimumDuration(300)
        self._job = Job(lambda _progress, _cancelled: services.matching.propose(cohort.id), self)
        self._job.finished.connect(lambda proposal: self._proposed(proposal, dialog, basis))
        self._job.failed.connect(lambda error: self._proposal_failed(error, dialog))
        self._job.start()

    def _proposed(
        self, proposal: Proposal, dialog: QProgressDialog | None, basis: Basis | None
    ) -> None:
        self._job = None
        if dialog is not None:
            dialog.reset()
        again, self._again = self._again, False
        if basis != self._wanted():  # the round or the weights changed meanwhile
            self.show_proposal(None)
            again = True
        else:
            self._basis = basis
            self.show_proposal(proposal)
        if again and page_on_screen(self):
            self.propose(quiet=True)

    def _proposal_failed(self, error: Exception, dialog: QProgressDialog | None) -> None:
        self._job = None
        if dialog is not None:
            dialog.reset()
        if isinstance(error, MentorappError):
            show_error(self, error)
        else:
            raise error

    def show_proposal(self, proposal: Proposal | None) -> None:
        self.proposal = proposal
        self.model.show(proposal)
        self.tree.expandAll()
        self.tree.resizeColumnToContents(0)
        self.unmatched_model.clear()
        self.unmatched_model.setHorizontalHeaderLabels([_("Adept"), _("Why no mentor")])
        if proposal is None:
            self.summary.setText("")
            self.help_model.clear()
            self._selected(QModelIndex())
            return
        for missing in proposal.unmatched:
            name = QStandardItem(missing.adept.name)
            reasons = QStandardItem("\n".join(missing.texts))
            name.setToolTip("\n".join(missing.texts))
            self.unmatched_model.appendRow([name, reasons])
        self.unmatched.resizeColumnToContents(0)
        who = (
            _("the accepted adepts and mentors")
            if proposal.source == "accepted"
            else _("all applicants, because nobody in this round has been accepted yet")
        )
        self.summary.setText(
            ngettext(
                "{placed} adept placed, {missing} without a mentor. Matching {who}.",
                "{placed} adepts placed, {missing} without a mentor. Matching {who}.",
                proposal.placed,
            ).format(placed=proposal.placed, missing=len(proposal.unmatched), who=who)
            + "".join(f"\n{note.text}" for note in proposal.notes)
        )
        self.help_model.clear()
        for text in proposal.help_texts:
            self.help_model.appendRow(QStandardItem(text))
        self.help_title.setVisible(bool(proposal.help_texts))
        self.help_view.setVisible(bool(proposal.help_texts))
        self.accept_button.setEnabled(proposal.placed > 0)
        self._selected(self.tree.currentIndex())

    # -- the selected pair -----------------------------------------------------------------
    def _current(self) -> tuple[int | None, int | None, int | None]:
        index = self.tree.currentIndex()
        if not index.isValid():
            return None, None, None
        return index.data(MENTOR_ID), index.data(ADEPT_ID), index.data(GROUP_ID)

    def _placement(self, adept_id: int | None):
        if self.proposal is None or adept_id is None:
            return None, None
        for group in self.proposal.groups:
            for placement in group.adepts:
                if placement.adept.enrolment_id == adept_id:
                    return group, placement
        return None, None

    def _selected(self, *_args: object) -> None:
        mentor_id, adept_id, group_id = self._current()
        group, placement = self._placement(adept_id)
        self.parts_model.clear()
        self.allow_button.setVisible(False)
        has_pair = placement is not None
        for widget in (self.lock_button, self.never_button, self.move_combo, self.move_button):
            widget.setEnabled(has_pair and not placement.accepted)
        self.dissolve_button.setEnabled(group_id is not None)
        if not has_pair:
            self.pair_title.setText(
                _(
                    "Select an adept in the list to see why they were paired "
                    "and to lock, move or separate them."
                )
            )
            self.move_combo.clear()
            self.move_check.setText("")
            self.lock_button.setText(_("&Lock this pair"))
            return
        self.pair_title.setText(
            _("{adept} with {mentor}: score {score}").format(
                adept=placement.adept.name, mentor=group.mentor.name, score=placement.pair.score
            )
        )
        for text in placement.pair.texts:
            self.parts_model.appendRow(QStandardItem(text))
        self.lock_button.setText(
            _("Un&lock this pair") if placement.locked else _("&Lock this pair")
        )
        self.move_combo.blockSignals(True)
        self.move_combo.clear()
        for mentor in sorted(self.proposal.mentors, key=lambda m: m.name):
            if mentor.enrolment_id != mentor_id:
                self.move_combo.addItem(mentor.name, mentor.enrolment_id)
        self.move_combo.setCurrentIndex(-1)
        self.move_combo.blockSignals(False)
        self.move_check.setText(_("Choose a mentor to see the new score."))
        self.move_button.setEnabled(False)

    def _check_move(self) -> None:
        _mentor_id, adept_id, _group = self._current()
        target = self.move_combo.currentData()
        services, cohort = self.context.services, self.context.cohort
        if adept_id is None or target is None or services is None or cohort is None:
            return
        from mentorapp.matching.service import NEVER

        check = services.matching.evaluate_move(cohort.id, adept_id, target, self.proposal)
        # A "never" is taken back where it shows: choosing that mentor for the adept.
        never = services.matching.rules(cohort.id).get((target, adept_id)) == NEVER
        self.allow_button.setVisible(never)
        if check.allowed:
            self.move_check.setText(
                _("New score: {score}").format(score=check.score)
                + "\n"
                + "\n".join(check.pair.texts)
            )
        else:
            self.move_check.setText(_("Not possible: {reason}").format(reason=check.problem.text))
        self.move_button.setEnabled(check.allowed)

    def _rule_changed(self) -> None:
        cohort = self.context.cohort
        if cohort is not None and cohort.id is not None:
            self.context.events.pair_rules_changed.emit(cohort.id)  # a new proposal follows

    def toggle_lock(self) -> None:
        _mentor_id, adept_id, _group = self._current()
        group, placement = self._placement(adept_id)
        cohort = self.context.cohort
        if placement is None or cohort is None:
            return
        matching = self.context.services.matching
        action = matching.unlock if placement.locked else matching.lock
        if attempt(self, lambda: action(cohort.id, group.mentor.enrolment_id, adept_id)):
            self._rule_changed()

    def mark_never(self) -> None:
        _mentor, adept_id, _group = self._current()
        group, placement = self._placement(adept_id)
        cohort = self.context.cohort
        if placement is None or cohort is None:
            return
        answer = QMessageBox.question(
            self,
            _("Never pair these two"),
            _("Never pair {adept} with {mentor}? A new proposal is made without this pair.").format(
                adept=placement.adept.name, mentor=group.mentor.name
            ),
        )
        matching = self.context.services.matching
        mentor_id = group.mentor.enrolment_id
        if answer == QMessageBox.StandardButton.Yes and attempt(
            self, lambda: matching.never(cohort.id, mentor_id, adept_id)
        ):
            self._rule_changed()

    def move(self) -> None:
        _mentor, adept_id, _group = self._current()
        target, cohort = self.move_combo.currentData(), self.context.cohort
        if adept_id is None or target is None or cohort is None:
            return
        matching = self.context.services.matching
        if attempt(self, lambda: matching.move(cohort.id, adept_id, target)):
            self._rule_changed()

    def allow_pair(self) -> None:
        """Take back a "never" between the adept and the mentor chosen to move to."""
        _mentor, adept_id, _group = self._current()
        target, cohort = self.move_combo.currentData(), self.context.cohort
        if adept_id is None or target is None or cohort is None:
            return
        matching = self.context.services.matching
        if attempt(self, lambda: matching.allow(cohort.id, target, adept_id)):
            self.allow_button.setVisible(False)
            self._rule_changed()

    # -- accepting -------------------------------------------------------------------------
    def accept(self) -> None:
        services, cohort = self.context.services, self.context.cohort
        if self.proposal is None or services is None or cohort is None:
            return
        answer = QMessageBox.question(
            self,
            _("Accept proposal"),
            ngettext(
                "Accept {n} group as this round's matches? Workbooks and later stages "
                "use the accepted groups.",
                "Accept {n} groups as this round's matches? Workbooks and later stages "
                "use the accepted groups.",
                len(self.proposal.groups),
            ).format(n=len(self.proposal.groups)),
        )
        proposal = self.proposal
        if answer == QMessageBox.StandardButton.Yes and attempt(
            self, lambda: services.matching.accept(cohort.id, proposal)
        ):
            self.context.events.groups_changed.emit(cohort.id)  # a new proposal follows

    def dissolve(self) -> None:
        _mentor, _adept, group_id = self._current()
        if group_id is None:
            return
        answer = QMessageBox.question(
            self,
            _("Dissolve group"),
            _("Dissolve this accepted group? Its mentor and adepts can then be matched again."),
        )
        matching, cohort = self.context.services.matching, self.context.cohort
        if (
            cohort is not None
            and answer == QMessageBox.StandardButton.Yes
            and attempt(self, lambda: matching.dissolve(group_id))
        ):
            self.context.events.groups_changed.emit(cohort.id)  # a new proposal follows

    def edit_weights(self) -> None:
        from mentorapp.gui.dialogs.weights_dialog import WeightsDialog

        programme, services = self.context.programme, self.context.services
        if programme is None or services is None:
            return
        matching = services.matching
        answer = WeightsDialog.ask(
            self, matching.weights(programme.id), matching.spread(programme.id)
        )
        if answer is not None and attempt(
            self, lambda: matching.save_weights(programme.id, *answer)
        ):
            self.context.events.programme_changed.emit()  # the page re-reads the board

    def print_groups(self) -> None:
        from mentorapp.gui.dialogs.text_print_dialog import TextPrintDialog

        services, cohort = self.context.services, self.context.cohort
        if services is not None and cohort is not None:
            TextPrintDialog.show_text(
                self,
                _("Accepted groups: {round}").format(round=cohort.name),
                services.matching.groups_text(cohort.id),
            )
