"""The impact report's measures as a tree: a row per section (outcomes, adepts, mentors) with
its measures beneath, in one of two layouts.

Alone, a round shows for each measure how many said it of how many answered, the share, its
95 % interval, the floor, the change among those asked before and after, and a reference
figure. Compared with another round, it shows both rounds' shares, the difference with its
interval, and the plain sentence of what that difference can tell. The screen reader and the
keyboard get the same numbers as the chart draws: this table is the chart's text alternative.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from mentorapp.i18n import N_, _
from mentorapp.impact.reading import difference_text, interval_text, percent
from mentorapp.impact.report_model import GROUPS, Comparison, ImpactReport, Measure
from mentorapp.impact.wording import FEW_ANSWERS, comparison_sentence

MEASURE_KEY = Qt.ItemDataRole.UserRole + 1
SECTION_KEY = Qt.ItemDataRole.UserRole + 2

SECTION_TITLES = {
    "outcomes": N_("Outcomes"),
    "adepts": N_("Adepts"),
    "mentors": N_("Mentors"),
}

# Columns of the two layouts, by name (tests and the panel ask for a column by its name).
SINGLE_COLUMNS = ("measure", "said", "share", "interval", "floor", "change", "reference")
COMPARE_COLUMNS = ("measure", "this", "other", "difference", "meaning")


class ImpactModel(QStandardItemModel):
    """Shows an ``ImpactReport`` (with its comparison, if it has one); read-only."""

    def __init__(self, parent: object = None) -> None:
        super().__init__(parent)
        self.report: ImpactReport | None = None
        self.columns: tuple[str, ...] = SINGLE_COLUMNS

    def column(self, name: str) -> int:
        return self.columns.index(name)

    def show(self, report: ImpactReport | None) -> None:
        self.clear()
        self.report = report
        compared = report is not None and report.other is not None
        self.columns = COMPARE_COLUMNS if compared else SINGLE_COLUMNS
        self.setHorizontalHeaderLabels(self._headers(report))
        for column in range(1, len(self.columns)):
            self.setHeaderData(
                column,
                Qt.Orientation.Horizontal,
                int(Qt.AlignmentFlag.AlignCenter),
                Qt.ItemDataRole.TextAlignmentRole,
            )
        self.header_tips()
        if report is None:
            return
        comparisons = {comparison.key: comparison for comparison in report.comparisons}
        bold = QFont()
        bold.setBold(True)
        for group in GROUPS:
            measures = [measure for measure in report.measures if measure.group == group]
            if not measures:
                continue
            section = _cell(_(SECTION_TITLES.get(group, group)))
            section.setFont(bold)
            section.setData(group, SECTION_KEY)
            section.setAccessibleText(section.text())
            for survey, part in survey_parts(report, measures):
                parent = section
                if survey:
                    parent = _cell(survey)
                    italic = QFont()
                    italic.setItalic(True)
                    parent.setFont(italic)
                    section.appendRow([parent, *self._filler()])
                for measure in part:
                    if compared:
                        cells = self._compared_row(measure, comparisons.get(measure.key), report)
                    else:
                        cells = self._single_row(measure)
                    cells[0].setToolTip(cells[0].toolTip() or measure.label)
                    for cell in cells:
                        cell.setData(measure.key, MEASURE_KEY)
                    parent.appendRow(cells)
            self.appendRow([section, *self._filler()])

    def _filler(self) -> list[QStandardItem]:
        return [_cell("") for _column in self.columns[1:]]

    def _headers(self, report: ImpactReport | None) -> list[str]:
        if report is not None and report.other is not None:
            return [
                _("Measure"),
                report.cohort,
                report.other.cohort,
                _("Difference (95 % interval)"),
                _("What it says"),
            ]
        return [
            _("Measure"),
            _("Said it / answered"),
            _("Share"),
            _("95 % interval"),
            _("Floor"),
            _("Before → after"),
            _("Reference or goal"),
        ]

    def _single_row(self, measure: Measure) -> list[QStandardItem]:
        said = _cell(_("{count} of {answered}").format(**_counts(measure)), centred=True)
        floor = _cell(percent(measure.floor), centred=True)
        floor.setToolTip(
            _("{count} of all {population} asked: if those who did not answer had said no.").format(
                **_counts(measure)
            )
        )
        change = _cell("", centred=True)
        if measure.change is not None and measure.change.paired:
            change.setText(
                _("{before} → {after}").format(
                    before=percent(measure.change.before_share),
                    after=percent(measure.change.after_share),
                )
            )
            change.setToolTip(
                _("The same {n} people, before the programme and at its end.").format(
                    n=measure.change.paired
                )
            )
        reference = _cell("", centred=True)
        parts, tips = [], []
        if measure.reference is not None:
            parts.append(percent(measure.reference.share))
            tips.append(measure.reference.source)
        if measure.target is not None:
            parts.append(_("goal {share}").format(share=percent(measure.target)))
            tips.append(_("The programme plan's goal for this measure."))
        reference.setText(" · ".join(parts))
        reference.setToolTip("\n".join(tips))
        return [
            _cell(measure.label),
            said,
            _cell(percent(measure.share), centred=True),
            _cell(interval_text(measure.ci95), centred=True),
            floor,
            change,
            reference,
        ]

    def _compared_row(
        self, measure: Measure, comparison: Comparison | None, report: ImpactReport
    ) -> list[QStandardItem]:
        other = comparison.other if comparison is not None else None
        if comparison is None:
            difference, meaning = _cell("–", centred=True), _cell("")
        else:
            difference = _cell(difference_text(comparison), centred=True)
            assert report.other is not None
            meaning = _cell(verdict(comparison, report.cohort, report.other.cohort))
            meaning.setToolTip(comparison_sentence(comparison, report.cohort, report.other.cohort))
        cells = [
            _cell(measure.label),
            _cell(_share_with_counts(measure), centred=True),
            _cell(_share_with_counts(other), centred=True),
            difference,
            meaning,
        ]
        if comparison is not None:
            for cell in cells[1:4]:
                cell.setToolTip(meaning.toolTip())
        return cells

    def header_tips(self) -> None:
        """What a header means where its text is short."""
        if "difference" in self.columns:
            self.setHeaderData(
                self.column("difference"),
                Qt.Orientation.Horizontal,
                _("This round's share minus the other's, in percentage points."),
                Qt.ItemDataRole.ToolTipRole,
            )

    # -- reading back (tests, the chart's description) -------------------------------------
    def measure_rows(self) -> list[tuple[str, dict[str, str]]]:
        """Every measure row as (key, {column name: text}), in the order shown."""
        rows: list[tuple[str, dict[str, str]]] = []

        def visit(parent: QStandardItem) -> None:
            for row in range(parent.rowCount()):
                first = parent.child(row, 0)
                if first.hasChildren():
                    visit(first)
                elif first.data(MEASURE_KEY):
                    texts = {
                        name: parent.child(row, column).text()
                        for column, name in enumerate(self.columns)
                    }
                    rows.append((first.data(MEASURE_KEY), texts))

        visit(self.invisibleRootItem())
        return rows


def survey_parts(report: ImpactReport, measures: list[Measure]) -> list[tuple[str, list[Measure]]]:
    """A section's measures by the survey that asked them, titled by the survey's short name
    (the same question asked at the start and at the end reads the same otherwise); one
    untitled part when they all come from one survey or from none (the outcomes)."""
    surveys = {rate.survey: rate.label for rate in report.surveys}
    parts: dict[str, list[Measure]] = {}
    for measure in measures:
        survey = measure.key.split(".", 1)[0] if "." in measure.key else ""
        parts.setdefault(survey, []).append(measure)
    if len(parts) == 1:
        return [("", measures)]
    return [(surveys.get(survey, survey), part) for survey, part in parts.items()]


def verdict(comparison: Comparison, this_round: str, other_round: str) -> str:
    """The comparison's sentence in a few words, for its column (the sentence is its tooltip)."""
    if comparison.ci95 is None or comparison.difference is None:
        return _("Nothing to compare")
    if not comparison.tells_apart:
        if min(comparison.this.answered, comparison.other.answered) < FEW_ANSWERS:
            return _("Too few answers to tell")
        return _("Could be chance")
    round_name = this_round if comparison.difference > 0 else other_round
    return _("Higher in {round}").format(round=round_name)


def _cell(text: str, centred: bool = False) -> QStandardItem:
    item = QStandardItem(text)
    item.setEditable(False)
    if centred:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    return item


def _counts(measure: Measure) -> dict[str, int]:
    return {
        "count": measure.count,
        "answered": measure.answered,
        "population": measure.population,
    }


def _share_with_counts(measure: Measure | None) -> str:
    """ "45 % (9 of 20)"; a dash when the round has no such measure or nobody answered."""
    if measure is None or not measure.answered:
        return "–"
    return _("{share} ({count} of {answered})").format(
        share=percent(measure.share), count=measure.count, answered=measure.answered
    )
