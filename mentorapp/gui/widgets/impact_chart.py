"""The impact report as a picture: one horizontal bar per measure on a 0–100 % axis, its 95 %
interval as a whisker, a published reference figure as a dashed line, and the compared
round's bar just below it in a second colour.

The widget turns the report into ``ChartRow`` values first (``rows()``) and paints only those,
so a test can check what is drawn without reading pixels. Text and lines take the palette's
colours; the bars take the palette's highlight and a second hue at a lightness that stands out
from the window colour, so a light and a dark theme both read. The table beside it is the
text alternative: it lists the same numbers.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import (
    QColor,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
    QPolygonF,
)
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mentorapp.gui.models.impact_model import SECTION_TITLES, survey_parts
from mentorapp.i18n import _, format_percent
from mentorapp.impact.reading import interval_text, percent
from mentorapp.impact.report_model import GROUPS, ImpactReport, Measure

MARGIN = 12
BAR = 12  # the height of one bar, pixels
GAP = 3  # between a round's bar and the compared round's bar
ROW_PADDING = 8
TICKS = (0.0, 0.25, 0.5, 0.75, 1.0)
OTHER_HUE = 0.08  # orange: apart from the usual blue highlight, and not red/green-dependent


@dataclass(frozen=True)
class ChartRow:
    """One line of the chart: a section's title, or a measure's bar(s) in 0..1 shares."""

    kind: str  # "section", "survey" (a part of a section) or "measure"
    key: str
    label: str
    share: float | None = None
    low: float | None = None
    high: float | None = None
    reference: float | None = None
    other_share: float | None = None  # the compared round's, when there is one
    other_low: float | None = None
    other_high: float | None = None
    tooltip: str = ""
    target: float | None = None  # the programme plan's goal for the measure


def chart_rows(report: ImpactReport | None) -> tuple[ChartRow, ...]:
    """What the chart draws for ``report``, in order; empty when nobody answered anything."""
    if report is None or not any(measure.answered for measure in report.measures):
        return ()
    others = {m.key: m for m in report.other.measures} if report.other is not None else {}
    rows: list[ChartRow] = []
    for group in GROUPS:
        measures = [m for m in report.measures if m.group == group]
        if not measures:
            continue
        rows.append(ChartRow("section", group, _(SECTION_TITLES.get(group, group))))
        for survey, part in survey_parts(report, measures):
            if survey:
                rows.append(ChartRow("survey", group, survey))
            rows.extend(_measure_row(report, measure, others.get(measure.key)) for measure in part)
    return tuple(rows)


def _measure_row(report: ImpactReport, measure: Measure, other: Measure | None) -> ChartRow:
    return ChartRow(
        "measure",
        measure.key,
        measure.label,
        measure.share,
        measure.ci95.low if measure.ci95 else None,
        measure.ci95.high if measure.ci95 else None,
        measure.reference.share if measure.reference else None,
        other.share if other else None,
        other.ci95.low if other and other.ci95 else None,
        other.ci95.high if other and other.ci95 else None,
        _tooltip(report, measure, other),
        measure.target,
    )


def _tooltip(report: ImpactReport, measure: Measure, other: Measure | None) -> str:
    lines = [measure.label, _round_text(report.cohort, measure)]
    if report.other is not None:
        lines.append(_round_text(report.other.cohort, other))
    if measure.reference is not None:
        lines.append(
            _("Reference: {share} ({source})").format(
                share=percent(measure.reference.share), source=measure.reference.source
            )
        )
    if measure.target is not None:
        lines.append(_("Goal of the programme plan: {share}").format(share=percent(measure.target)))
    return "\n".join(lines)


def _round_text(name: str, measure: Measure | None) -> str:
    if measure is None or not measure.answered:
        return _("{round}: nobody answered").format(round=name)
    return _("{round}: {share} ({count} of {answered}), 95 % interval {interval}").format(
        round=name,
        share=percent(measure.share),
        count=measure.count,
        answered=measure.answered,
        interval=interval_text(measure.ci95),
    )


class ImpactChart(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("impactChart")
        self._report: ImpactReport | None = None
        self._rows: tuple[ChartRow, ...] = ()
        self._plot_cache: tuple[object, tuple[float, float]] | None = None
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setFocusPolicy(Qt.FocusPolicy.TabFocus)  # a screen reader reaches its description
        self.retranslate_ui()

    # -- API ------------------------------------------------------------------------------
    def set_report(self, report: ImpactReport | None) -> None:
        self._report = report
        self._rows = chart_rows(report)
        self.setAccessibleDescription(self._description())
        self.setFixedHeight(self._height())
        self.update()

    def rows(self) -> tuple[ChartRow, ...]:
        return self._rows

    @property
    def compared(self) -> bool:
        return self._report is not None and self._report.other is not None

    def retranslate_ui(self) -> None:
        """Labels come from the report (made in the UI language); rebuild the rows' own."""
        self.setAccessibleName(_("Impact chart"))
        self.set_report(self._report)

    def sizeHint(self) -> QSize:
        return QSize(720, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(360, self._height())

    # -- geometry -------------------------------------------------------------------------
    def _line(self) -> int:
        return self.fontMetrics().height()

    def _row_height(self, row: ChartRow) -> int:
        if row.kind != "measure":
            return self._line() + ROW_PADDING
        bars = 2 * BAR + GAP if self.compared else BAR
        return max(bars, self._line()) + ROW_PADDING

    def _legend_height(self) -> int:
        """The legend's line and the axis labels under it (the chart may scroll)."""
        return 2 * self._line() + 14

    def _height(self) -> int:
        if not self._rows:
            return 4 * self._line()
        body = sum(self._row_height(row) for row in self._rows)
        return MARGIN + self._legend_height() + body + 2 * self._line() + MARGIN

    def _label_width(self) -> int:
        metrics = self.fontMetrics()
        widest = max((metrics.horizontalAdvance(row.label) for row in self._rows), default=0)
        return min(widest + 24, int(self.width() * 0.42))

    def _plot(self) -> tuple[float, float]:
        """The x of 0 % and of 100 %, with a column on the right for the shares' text
        (kept while the width, the font and the rows stay: measuring text is the slow part)."""
        key = (self.width(), self.font().key(), id(self._rows))
        if self._plot_cache is None or self._plot_cache[0] != key:
            left = MARGIN + self._label_width()
            right = self.width() - MARGIN - self._value_width() - 12
            self._plot_cache = (key, (left, max(right, left + 40)))
        return self._plot_cache[1]

    def _value_width(self) -> int:
        return self.fontMetrics().horizontalAdvance(format_percent(1.0)) + 4

    def _x(self, share: float) -> float:
        left, right = self._plot()
        return left + share * (right - left)

    def _row_tops(self) -> list[float]:
        top = float(MARGIN + self._legend_height())
        tops = []
        for row in self._rows:
            tops.append(top)
            top += self._row_height(row)
        return tops

    # -- colours --------------------------------------------------------------------------
    def round_colour(self) -> QColor:
        return self.palette().color(QPalette.ColorRole.Highlight)

    def other_colour(self) -> QColor:
        """The compared round's hue, lighter on a dark theme and darker on a light one."""
        dark = self.palette().color(QPalette.ColorRole.Window).lightnessF() < 0.5
        return QColor.fromHslF(OTHER_HUE, 0.8, 0.62 if dark else 0.45)

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        text = self.palette().color(QPalette.ColorRole.WindowText)
        if not self._rows:
            painter.setPen(text)
            painter.drawText(
                self.rect().adjusted(MARGIN, 0, -MARGIN, 0),
                Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap,
                _("The chart appears when someone has answered a survey of this round."),
            )
            painter.end()
            return
        tops = self._row_tops()
        bottom = tops[-1] + self._row_height(self._rows[-1])
        self._paint_legend(painter, text)
        self._paint_grid(painter, tops[0], bottom)
        for row, top in zip(self._rows, tops, strict=True):
            if row.kind != "measure":
                self._paint_section(painter, row, top, text)
            else:
                self._paint_measure(painter, row, top, text)
        painter.end()

    def _paint_legend(self, painter: QPainter, text: QColor) -> None:
        assert self._report is not None
        metrics = self.fontMetrics()
        y = MARGIN + metrics.height() / 2
        x = float(MARGIN)
        entries: list[tuple[str, str]] = [("round", self._report.cohort)]
        if self._report.other is not None:
            entries.append(("other", self._report.other.cohort))
        entries.append(("whisker", _("95 % interval")))
        if any(row.reference is not None for row in self._rows):
            entries.append(("reference", _("Reference figure")))
        if any(row.target is not None for row in self._rows):
            entries.append(("target", _("Goal of the plan")))
        for kind, label in entries:
            swatch = QRectF(x, y - BAR / 2, 18, BAR)
            if kind in ("round", "other"):
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(self.round_colour() if kind == "round" else self.other_colour())
                painter.drawRect(swatch)
            elif kind == "whisker":
                self._whisker(painter, swatch.left(), swatch.right(), y, text)
            elif kind == "target":
                self._goal_mark(painter, swatch.center().x(), y + BAR / 2, text)
            else:
                self._reference_line(painter, swatch.center().x(), y - BAR, y + BAR, text)
            painter.setPen(text)
            painter.drawText(QPointF(x + 24, y + metrics.ascent() / 2 - 1), label)
            x += 24 + metrics.horizontalAdvance(label) + 18

    def _paint_grid(self, painter: QPainter, top: float, bottom: float) -> None:
        palette = self.palette()
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.WindowText)
        metrics = self.fontMetrics()
        for tick in TICKS:
            x = self._x(tick)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, top), QPointF(x, bottom))
            label = format_percent(tick)
            width = metrics.horizontalAdvance(label)
            painter.setPen(text)
            painter.drawText(QPointF(x - width / 2, bottom + 4 + metrics.ascent()), label)
            painter.drawText(QPointF(x - width / 2, top - 4 - metrics.descent()), label)
        painter.setPen(QPen(text, 1))
        crisp = int(bottom) + 0.5
        painter.drawLine(QPointF(self._x(0), crisp), QPointF(self._x(1), crisp))

    def _paint_section(self, painter: QPainter, row: ChartRow, top: float, text: QColor) -> None:
        font = painter.font()
        font.setBold(row.kind == "section")
        font.setItalic(row.kind == "survey")
        painter.save()
        painter.setFont(font)
        painter.setPen(text)
        baseline = top + ROW_PADDING / 2 + self.fontMetrics().ascent()
        indent = 0 if row.kind == "section" else 8
        painter.drawText(QPointF(MARGIN + indent, baseline), row.label)
        painter.restore()

    def _paint_measure(self, painter: QPainter, row: ChartRow, top: float, text: QColor) -> None:
        metrics = self.fontMetrics()
        height = self._row_height(row)
        room = int(self._plot()[0]) - MARGIN - 20
        label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, room)
        painter.setPen(text)
        middle = top + height / 2
        painter.drawText(QPointF(MARGIN + 16, middle + metrics.ascent() / 2 - 1), label)
        bars_top = top + (height - (2 * BAR + GAP if self.compared else BAR)) / 2
        self._bar(painter, row.share, row.low, row.high, bars_top, self.round_colour(), text)
        if self.compared:
            self._bar(
                painter,
                row.other_share,
                row.other_low,
                row.other_high,
                bars_top + BAR + GAP,
                self.other_colour(),
                text,
            )
        if row.reference is not None:
            x = self._x(row.reference)
            self._reference_line(painter, x, top + 2, top + height - 2, text)
        if row.target is not None:
            self._goal_mark(painter, self._x(row.target), top + height - 1, text)

    def _bar(
        self,
        painter: QPainter,
        share: float | None,
        low: float | None,
        high: float | None,
        top: float,
        colour: QColor,
        text: QColor,
    ) -> None:
        metrics = self.fontMetrics()
        if share is None:
            painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
            baseline = top + BAR / 2 + metrics.ascent() / 2 - 1
            painter.drawText(QPointF(self._x(0) + 4, baseline), _("no answers"))
            return
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRect(QRectF(self._x(0), top, max(self._x(share) - self._x(0), 1.5), BAR))
        if low is not None and high is not None:
            self._whisker(painter, self._x(low), self._x(high), top + BAR / 2, text)
        painter.setPen(text)
        value = percent(share)
        x = self.width() - MARGIN - metrics.horizontalAdvance(value)
        painter.drawText(QPointF(x, top + BAR / 2 + metrics.ascent() / 2 - 1), value)

    @staticmethod
    def _whisker(painter: QPainter, left: float, right: float, y: float, colour: QColor) -> None:
        painter.setPen(QPen(colour, 1.5))
        painter.drawLine(QPointF(left, y), QPointF(right, y))
        for x in (left, right):
            painter.drawLine(QPointF(x, y - BAR / 2 + 2), QPointF(x, y + BAR / 2 - 2))

    @staticmethod
    def _goal_mark(painter: QPainter, x: float, bottom: float, colour: QColor) -> None:
        """A small triangle pointing up at the goal, under the bars."""
        painter.setPen(QPen(colour, 1))
        painter.setBrush(colour)
        size = 4.5
        tip, left, right = (
            QPointF(x, bottom - size * 1.4),
            QPointF(x - size, bottom),
            QPointF(x + size, bottom),
        )
        painter.drawPolygon(QPolygonF([tip, left, right]))

    @staticmethod
    def _reference_line(
        painter: QPainter, x: float, top: float, bottom: float, colour: QColor
    ) -> None:
        pen = QPen(colour, 1.5, Qt.PenStyle.DashLine)
        painter.setPen(pen)
        painter.drawLine(QPointF(x, top), QPointF(x, bottom))

    # -- tooltips and words ---------------------------------------------------------------
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(event.pos())
            if text:
                QToolTip.showText(event.globalPos(), text, self)
            else:
                QToolTip.hideText()
                event.ignore()
            return True
        return super().event(event)

    def tooltip_at(self, point: QPoint) -> str:
        for row, top in zip(self._rows, self._row_tops(), strict=True):
            if top <= point.y() < top + self._row_height(row):
                return row.tooltip
        return ""

    def _description(self) -> str:
        """The picture in words for screen readers (the table lists the same in full)."""
        if not self._rows:
            return _("Nobody has answered yet, so there is nothing to draw.")
        return "; ".join(
            _("{measure}: {share}").format(measure=row.label, share=percent(row.share))
            for row in self._rows
            if row.kind == "measure"
        )
