"""The programme plan in the Idea and Purpose stages: a short form saved as the coordinator
types, and the two-page PDF for a board or a funder.

Every field is saved after a pause in typing and at once when the page is left or the
window closes (``flush``), so nothing typed is lost. The length of a round and its meetings
are the programme's own fields and are saved through ``ProgrammeService``; the rest goes to
``PlanService``. Both stages carry their own form, and each re-reads the plan when shown.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Qt, QTimer, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mentorapp.domain import languages
from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.context import AppContext
from mentorapp.gui.errors import show_error
from mentorapp.gui.pages.stage_tool import stage_tool
from mentorapp.gui.widgets.plan_goal_row import (
    NO_NUMBER,
    SAVE_DELAY_MS,
    TEXT_FIELDS,
    GoalRow,
    set_index,
    set_text,
    set_value,
    text_box,
)
from mentorapp.i18n import LANGUAGES, N_, _
from mentorapp.planning.goals import (
    MODE_LABELS,
    MODES,
    TEXT_LIMITS,
    Goal,
    Plan,
    goal_count_advice,
)

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services


@stage_tool("idea", "purpose", title=N_("Programme plan"), name="plan")
class PlanForm(QWidget):
    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        self.written: Path | None = None
        self.goal_rows: list[GoalRow] = []
        self._dirty_fields: set[str] = set()
        self._dirty_format = False
        self._dirty_goals: set[int] = set()
        self._timer = QTimer(self, singleShot=True, interval=SAVE_DELAY_MS)
        self._timer.timeout.connect(self.flush)
        self._build()
        context.events.partners_changed.connect(lambda _programme: self._show_partner_names())

    # -- building ---------------------------------------------------------------------------

    def _build(self) -> None:
        self.intro = QLabel(wordWrap=True)
        self.need = text_box("planNeed", 7, TEXT_LIMITS["need"])
        self.adepts = text_box("planAdepts", 3, TEXT_LIMITS["adepts"])
        self.mentors = text_box("planMentors", 3, TEXT_LIMITS["mentors"])
        self.pairs = QSpinBox(objectName="planPairs")
        self.pairs.setRange(0, 500)  # 0 shows "–": not decided yet
        self.months = QSpinBox(objectName="planMonths")
        self.months.setRange(1, 24)
        self.meetings = QSpinBox(objectName="planMeetings")
        self.meetings.setRange(1, 12)
        self.language_boxes = {
            code: QCheckBox(objectName=f"planLanguage_{code}") for code in languages.MEETING_CODES
        }
        self.mode = QComboBox(objectName="planMode")
        self.gathering_count = QSpinBox(objectName="planGatheringCount")
        self.gathering_count.setRange(NO_NUMBER, 20)
        self.gatherings = text_box("planGatherings", 3, TEXT_LIMITS["gatherings"])
        self.goal_advice = QLabel(objectName="goalAdvice", wordWrap=True)
        self.goal_advice.setStyleSheet("font-weight: bold")
        self.goals_layout = QVBoxLayout()
        self.add_goal_button = QPushButton(objectName="addGoalButton")
        self.add_goal_button.clicked.connect(self.add_goal)
        self.sponsor = text_box("planSponsor", 2, TEXT_LIMITS["sponsor"])
        self.partners = text_box("planPartners", 3, TEXT_LIMITS["partners"])
        self.partner_names = QLabel(objectName="planPartnerNames", wordWrap=True)

        for name in TEXT_FIELDS:
            box: QPlainTextEdit = getattr(self, name)
            box.textChanged.connect(lambda name=name: self._field_edited(name))
        self.pairs.valueChanged.connect(lambda _value: self._field_edited("pairs_per_round"))
        self.gathering_count.valueChanged.connect(
            lambda _value: self._field_edited("gatherings_per_round")
        )
        self.mode.currentIndexChanged.connect(lambda _index: self._field_edited("mode"))
        for box in self.language_boxes.values():
            box.toggled.connect(lambda _on: self._field_edited("languages"))
        for spin in (self.months, self.meetings):
            spin.valueChanged.connect(self._format_edited)

        self.groups: dict[str, QGroupBox] = {}
        self.labels: dict[str, QLabel] = {}
        content = QWidget(objectName="planContent")
        column = QVBoxLayout(content)
        column.addWidget(self.intro)
        column.addWidget(self._group("need", [("need", self.need)]))
        column.addWidget(
            self._group("target", [("adepts", self.adepts), ("mentors", self.mentors)])
        )
        languages_row = QHBoxLayout()
        for box in self.language_boxes.values():
            languages_row.addWidget(box)
        languages_row.addStretch(1)
        languages_widget = QWidget()
        languages_widget.setLayout(languages_row)
        languages_row.setContentsMargins(0, 0, 0, 0)
        column.addWidget(
            self._group(
                "format",
                [
                    ("pairs", self.pairs),
                    ("months", self.months),
                    ("meetings", self.meetings),
                    ("languages", languages_widget),
                    ("mode", self.mode),
                    ("gathering_count", self.gathering_count),
                    ("gatherings", self.gatherings),
                ],
            )
        )
        goals = QGroupBox(objectName="planGoalsGroup")
        self.groups["goals"] = goals
        goals_column = QVBoxLayout(goals)
        goals_column.addWidget(self.goal_advice)
        goals_column.addLayout(self.goals_layout)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_goal_button)
        add_row.addStretch(1)
        goals_column.addLayout(add_row)
        column.addWidget(goals)
        column.addWidget(
            self._group("sponsor", [("sponsor", self.sponsor), ("partners", self.partners)])
        )
        self.groups["sponsor"].layout().addWidget(self.partner_names)  # type: ignore[union-attr]
        column.addStretch(1)

        self.scroll = QScrollArea(objectName="planScroll")
        self.scroll.setWidget(content)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.status = QLabel(objectName="planStatus", wordWrap=True)
        self.pdf_language = QComboBox(objectName="planPdfLanguage")
        for code in LANGUAGES:
            self.pdf_language.addItem(languages.get(code).native_name, code)
        self.pdf_language_label = QLabel()
        self.pdf_language_label.setBuddy(self.pdf_language)
        self.pdf_button = QPushButton(objectName="planPdfButton")
        self.pdf_button.clicked.connect(self.save_pdf)
        self.open_button = QPushButton(objectName="planOpenPdfButton")
        self.open_button.clicked.connect(self.open_pdf)
        self.print_button = QPushButton(objectName="planPrintButton")
        self.print_button.clicked.connect(self.print_pdf)
        actions = QHBoxLayout()
        actions.addWidget(self.status, 1)
        actions.addWidget(self.pdf_language_label)
        actions.addWidget(self.pdf_language)
        actions.addWidget(self.pdf_button)
        actions.addWidget(self.open_button)
        actions.addWidget(self.print_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.scroll, 1)
        layout.addLayout(actions)
        self._written_changed()

    def _group(self, key: str, rows: list[tuple[str, QWidget]]) -> QGroupBox:
        group = QGroupBox(objectName=f"planGroup_{key}")
        form = QFormLayout(group)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        for name, widget in rows:
            label = QLabel()
            label.setBuddy(widget)
            self.labels[name] = label
            form.addRow(label, widget)
        self.groups[key] = group
        return group

    def retranslate_ui(self) -> None:
        self.intro.setText(
            _(
                "A short plan of the programme: why it is needed, for whom, in what form and "
                "with which measurable goals. It is saved as you type, and both the Idea and "
                "the Purpose stage show it. Print it or save it as a two-page PDF for your "
                "board or a funder."
            )
        )
        titles = {
            "need": _("The need"),
            "target": _("Target group"),
            "format": _("Format"),
            "goals": _("Measurable goals"),
            "sponsor": _("Sponsor and partners"),
        }
        for key, title in titles.items():
            self.groups[key].setTitle(title)
        texts = {
            "need": _("The &need and the problem it answers"),
            "adepts": _("Who the &adepts are"),
            "mentors": _("Who the m&entors are"),
            "pairs": _("&Pairs per round"),
            "months": _("&Length of a round (months)"),
            "meetings": _("Pair &meetings per round"),
            "languages": _("Languages"),
            "mode": _("The pairs meet"),
            "gathering_count": _("&Joint gatherings per round"),
            "gatherings": _("Gatherings planned (themes)"),
            "sponsor": _("Internal &sponsor"),
            "partners": _("Pa&rtners and what they do"),
        }
        for key, text in texts.items():
            self.labels[key].setText(text)
        for code, box in self.language_boxes.items():
            box.setText(_(languages.get(code).name))
        self.pairs.setSpecialValueText("–")
        self.gathering_count.setSpecialValueText("–")
        self.need.setPlaceholderText(
            _("e.g. Newly arrived graduates rarely find work that matches their education…")
        )
        mode = self.mode.currentData()
        self.mode.blockSignals(True)
        self.mode.clear()
        for key in MODES:
            self.mode.addItem(_(MODE_LABELS[key]), key)
        self.mode.setCurrentIndex(max(self.mode.findData(mode), 0))
        self.mode.blockSignals(False)
        self.scroll.setAccessibleName(_("Programme plan"))
        self.add_goal_button.setText(_("&Add a goal"))
        self.pdf_language_label.setText(_("Language of the plan:"))
        self.pdf_button.setText(_("Print / Save as PDF…"))
        self.open_button.setText(_("Open PDF"))
        self.print_button.setText(_("&Print…"))
        for row in self.goal_rows:
            row.retranslate_ui()
        self._show_goal_advice()
        self._show_partner_names()

    # -- reading ----------------------------------------------------------------------------

    def _programme_id(self) -> int | None:
        programme = self.context.programme
        return programme.id if programme is not None else None

    def _services(self) -> Services | None:
        return self.context.services

    def refresh(self) -> None:
        """Show the plan as stored; fields with unsaved typing keep what was typed."""
        services, programme_id = self._services(), self._programme_id()
        if services is None or programme_id is None:
            return
        plan = services.plan.plan(programme_id)
        programme = self.context.programme
        if programme is not None:
            set_index(self.pdf_language, programme.default_language)
        self.show_plan(plan)
        self.scroll.widget().setEnabled(not self.context.read_only)
        self._show_partner_names()

    def show_plan(self, plan: Plan) -> None:
        for name in TEXT_FIELDS:
            if name not in self._dirty_fields:
                set_text(getattr(self, name), getattr(plan, name))
        if "pairs_per_round" not in self._dirty_fields:
            set_value(self.pairs, plan.pairs_per_round or 0)
        if "gatherings_per_round" not in self._dirty_fields:
            count = plan.gatherings_per_round
            set_value(self.gathering_count, NO_NUMBER if count is None else count)
        if "mode" not in self._dirty_fields:
            set_index(self.mode, plan.mode)
        if "languages" not in self._dirty_fields:
            for code, box in self.language_boxes.items():
                if box.isChecked() != (code in plan.languages):
                    box.blockSignals(True)
                    box.setChecked(code in plan.languages)
                    box.blockSignals(False)
        if not self._dirty_format:
            set_value(self.months, plan.months_per_round)
            set_value(self.meetings, plan.meetings_per_round)
        self._show_goals(plan.goals)

    def _show_goals(self, goals: tuple[Goal, ...]) -> None:
        if [row.goal_id for row in self.goal_rows] != [goal.id for goal in goals]:
            for row in self.goal_rows:
                self.goals_layout.removeWidget(row)
                row.deleteLater()
            self.goal_rows = [GoalRow(goal, self._goal_edited, self) for goal in goals]
            for row in self.goal_rows:
                row.remove_button.clicked.connect(lambda _on=False, row=row: self.remove_goal(row))
                self.goals_layout.addWidget(row)
        else:
            for row, goal in zip(self.goal_rows, goals, strict=True):
                if goal.id not in self._dirty_goals:
                    row.show_goal(goal)
        self._show_goal_advice()

    def _show_goal_advice(self) -> None:
        advice = goal_count_advice(len(self.goal_rows))
        self.goal_advice.setText(advice)
        self.goal_advice.setVisible(bool(advice))

    def _show_partner_names(self) -> None:
        services, programme_id = self._services(), self._programme_id()
        names = (
            [row.name for row in services.partners.partners(programme_id)]
            if services is not None and programme_id is not None
            else []
        )
        self.partner_names.setText(
            _("Partner organisations (from the Anchoring stage): {names}").format(
                names=", ".join(names)
            )
            if names
            else _("Partner organisations are listed in the Anchoring stage.")
        )

    # -- saving -----------------------------------------------------------------------------

    def _field_edited(self, name: str) -> None:
        self._dirty_fields.add(name)
        self._timer.start()

    def _format_edited(self) -> None:
        self._dirty_format = True
        self._timer.start()

    def _goal_edited(self, row: GoalRow) -> None:
        if row.goal_id is not None:
            self._dirty_goals.add(row.goal_id)
        row._show_sentence()
        self._timer.start()

    def flush(self) -> None:
        """Save everything typed and not yet saved (a pause in typing, leaving, quitting)."""
        self._timer.stop()
        services, programme_id = self._services(), self._programme_id()
        if services is None or programme_id is None or self.context.read_only:
            return
        problems: list[MentorappError] = []
        fields = {name: self._field_value(name) for name in self._dirty_fields}
        while fields:
            try:
                services.plan.save(programme_id, **fields)
            except ValidationError as error:
                problems.append(error)
                if error.field not in fields:
                    break
                del fields[error.field]  # kept as typed; the other fields are still saved
                continue
            except MentorappError as error:
                problems.append(error)
                break
            self._dirty_fields -= set(fields)
            break
        for row in self.goal_rows:
            if row.goal_id in self._dirty_goals:
                try:
                    services.plan.update_goal(row.goal_id, **row.values())
                    self._dirty_goals.discard(row.goal_id)
                except MentorappError as error:
                    problems.append(error)
        if self._dirty_format and self._save_format(services, problems):
            self._dirty_format = False
        self.status.setText(problems[0].user_message() if problems else "")
        self.status.setStyleSheet("font-weight: bold" if problems else "")

    def _field_value(self, name: str) -> Any:
        if name in TEXT_FIELDS:
            return getattr(self, name).toPlainText()
        if name == "pairs_per_round":
            return self.pairs.value() or None
        if name == "gatherings_per_round":
            count = self.gathering_count.value()
            return None if count <= NO_NUMBER else count
        if name == "mode":
            return self.mode.currentData() or ""
        return [code for code, box in self.language_boxes.items() if box.isChecked()]

    def _save_format(self, services: Services, problems: list[MentorappError]) -> bool:
        """The length and the meetings are the programme's: saved as the programme dialog
        saves them, then announced, so every page that shows them follows."""
        from mentorapp.programme.rules import ProgrammeDraft

        programme = self.context.programme
        if programme is None or programme.id is None:
            return False
        months, meetings = self.months.value(), self.meetings.value()
        if (months, meetings) == (programme.months_per_round, programme.meetings_per_round):
            return True
        draft = ProgrammeDraft(
            organisation=programme.organisation,
            name=programme.name,
            contact_name=programme.contact_name,
            contact_email=programme.contact_email,
            default_language=programme.default_language,
            meetings_per_round=meetings,
            months_per_round=months,
            logo=programme.logo,
        )
        try:
            services.programmes.save_programme(draft, programme.id)
        except MentorappError as error:
            problems.append(error)
            return False
        self._dirty_format = False
        self.context.events.programme_changed.emit()
        return True

    # -- goals ------------------------------------------------------------------------------

    def add_goal(self) -> None:
        services, programme_id = self._services(), self._programme_id()
        if services is None or programme_id is None:
            return
        self.flush()
        try:
            services.plan.add_goal(programme_id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._show_goals(services.plan.plan(programme_id).goals)
        if self.goal_rows:
            self.goal_rows[-1].text.setFocus()
            self.scroll.ensureWidgetVisible(self.goal_rows[-1])

    def remove_goal(self, row: GoalRow) -> None:
        services, programme_id = self._services(), self._programme_id()
        if services is None or programme_id is None or row.goal_id is None:
            return
        self._dirty_goals.discard(row.goal_id)
        self.flush()
        try:
            services.plan.remove_goal(row.goal_id)
        except MentorappError as error:
            show_error(self, error)
            return
        self._show_goals(services.plan.plan(programme_id).goals)

    # -- the PDF ----------------------------------------------------------------------------

    def save_pdf(self) -> None:
        """Ask where, then write the plan in the chosen language with the current round's
        timeline; it can then be opened or printed from here."""
        from mentorapp.gui.dialogs.files import ask_save_path
        from mentorapp.paths import safe_file_name

        services, programme = self._services(), self.context.programme
        if services is None or programme is None or programme.id is None:
            return
        self.flush()
        language = self.pdf_language.currentData() or programme.default_language
        title = _("Programme plan")
        path = ask_save_path(
            self,
            _("Save the programme plan as PDF"),
            safe_file_name(f"{title} – {programme.name}.pdf"),
            _("PDF files (*.pdf)"),
            suffix="pdf",
        )
        if path is None:
            return
        try:
            self.written = services.plan.write_pdf(programme.id, path, language)
        except MentorappError as error:
            show_error(self, error)
            return
        self.status.setStyleSheet("")
        self.status.setText(_("Saved to {path}").format(path=self.written))
        self._written_changed()

    def _written_changed(self) -> None:
        for button in (self.open_button, self.print_button):
            button.setEnabled(self.written is not None)

    def open_pdf(self) -> None:
        if self.written is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.written)))

    def print_pdf(self) -> None:
        from mentorapp.gui.pdf_printing import print_pdf

        if self.written is not None:
            print_pdf(self, self.written)
