"""The round's timeline as a picture: a time axis with month ticks, the phases as coloured
bars, the pair meeting windows, the single-day milestones and a line for today.

It paints a ``planning.layout.TimelineLayout`` and nothing else, so the overview, the
Resources stage and the programme plan PDF show the same picture; give it one with
``set_layout``. Lines and text use the palette's colours (light and dark themes alike); the
phases use ``PHASE_COLOURS``, mid-tones that read on both.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QHelpEvent, QPainter, QPaintEvent, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QSizePolicy, QToolTip, QWidget

from mentorapp.i18n import _, format_date, format_date_range
from mentorapp.planning.layout import EMPTY_LAYOUT, PHASE_COLOURS, Bar, Mark, TimelineLayout

MARGIN = 14  # pixels left and right of the axis
PHASE_HEIGHT = 22
WINDOW_HEIGHT = 14
MARK_SIZE = 7
HOVER_PIXELS = 6  # how close the pointer must be to a mark for its tooltip


class TimelineView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timelineView")
        self._layout: TimelineLayout = EMPTY_LAYOUT
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMinimumWidth(320)
        self.retranslate_ui()

    # -- API ------------------------------------------------------------------------------
    def set_layout(self, layout: TimelineLayout) -> None:
        """Show another picture (make a new layout after the UI language changed)."""
        self._layout = layout
        self.setAccessibleDescription(self._description())
        self.update()

    def timeline_layout(self) -> TimelineLayout:
        return self._layout

    def retranslate_ui(self) -> None:
        self.setAccessibleName(_("Timeline of the round"))
        self.setAccessibleDescription(self._description())

    def sizeHint(self) -> QSize:
        return QSize(760, self._height())

    def minimumSizeHint(self) -> QSize:
        return QSize(320, self._height())

    # -- geometry -------------------------------------------------------------------------
    def _height(self) -> int:
        line = self.fontMetrics().height()
        return 8 + PHASE_HEIGHT + 4 + WINDOW_HEIGHT + 10 + MARK_SIZE * 2 + 2 * line + 12 + 2 * line

    def _x(self, share: float) -> float:
        return MARGIN + share * max(self.width() - 2 * MARGIN, 1)

    def _share(self, x: float) -> float:
        return (x - MARGIN) / max(self.width() - 2 * MARGIN, 1)

    def _rows(self) -> dict[str, float]:
        """The top of each band of the picture, in pixels."""
        line = self.fontMetrics().height()
        phases = 8.0
        windows = phases + PHASE_HEIGHT + 4
        axis = windows + WINDOW_HEIGHT + 10 + MARK_SIZE
        labels = axis + MARK_SIZE + 4
        ticks = labels + 2 * line + 4
        return {
            "phases": phases,
            "windows": windows,
            "axis": axis,
            "labels": labels,
            "ticks": ticks,
        }

    # -- painting -------------------------------------------------------------------------
    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette = self.palette()
        text = palette.color(QPalette.ColorRole.WindowText)
        if self._layout.empty:
            painter.setPen(text)
            painter.drawText(
                self.rect(),
                Qt.AlignmentFlag.AlignCenter,
                _("The timeline appears when the programme has a round."),
            )
            return
        rows = self._rows()
        self._paint_ticks(painter, rows, palette)
        for bar in self._layout.bars:
            self._paint_bar(painter, bar, rows)
        self._paint_marks(painter, rows, text)
        self._paint_today(painter, palette)
        painter.end()

    def _paint_ticks(self, painter: QPainter, rows: dict[str, float], palette: QPalette) -> None:
        grid = palette.color(QPalette.ColorRole.Mid)
        text = palette.color(QPalette.ColorRole.WindowText)
        axis_y = rows["axis"]
        painter.setPen(QPen(text, 1))
        crisp = int(axis_y) + 0.5  # a 1-pixel line on the pixel row, not smeared over two
        painter.drawLine(QPointF(self._x(0), crisp), QPointF(self._x(1), crisp))
        metrics = self.fontMetrics()
        line = metrics.height()
        last_right = -1e9
        for tick in self._layout.ticks:
            x = self._x(tick.x)
            painter.setPen(QPen(grid, 1, Qt.PenStyle.DotLine))
            painter.drawLine(QPointF(x, rows["phases"]), QPointF(x, axis_y + 4))
            painter.setPen(text)
            width = metrics.horizontalAdvance(tick.label)
            if x + 2 > last_right and x + 2 + width <= self.width():
                painter.drawText(QPointF(x + 2, rows["ticks"] + metrics.ascent()), tick.label)
                last_right = x + 2 + width + 4
            if tick.year and x + 2 + metrics.horizontalAdvance(tick.year) <= self.width():
                bold = painter.font()
                bold.setBold(True)
                painter.save()
                painter.setFont(bold)
                painter.drawText(QPointF(x + 2, rows["ticks"] + line + metrics.ascent()), tick.year)
                painter.restore()

    def _paint_bar(self, painter: QPainter, bar: Bar, rows: dict[str, float]) -> None:
        top = rows["phases"] if bar.lane == 0 else rows["windows"]
        height = PHASE_HEIGHT if bar.lane == 0 else WINDOW_HEIGHT
        left, right = self._x(bar.x0), self._x(bar.x1)
        rect = QRectF(left, top, max(right - left - (1 if bar.lane else 0), 1.5), height)
        colour = self.phase_colour(bar.phase, lighter=bar.lane == 1)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(rect, 3, 3)
        if bar.moved:
            painter.setPen(QPen(self.palette().color(QPalette.ColorRole.WindowText), 1.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(rect, 3, 3)
        label = bar.label if bar.lane == 0 else bar.label.rsplit(" ", 1)[-1]
        metrics = self.fontMetrics()
        if metrics.horizontalAdvance(label) + 6 <= rect.width() and metrics.height() <= height:
            painter.setPen(self._text_on(colour))
            painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, label)

    def _paint_marks(self, painter: QPainter, rows: dict[str, float], text: QColor) -> None:
        axis_y = rows["axis"]
        metrics = self.fontMetrics()
        line = metrics.height()
        ends = [-1e9, -1e9]  # the right end of the last label in each of two label rows
        for mark in sorted(self._layout.marks, key=lambda m: (not m.major, m.x)):
            x = self._x(mark.x)
            size = MARK_SIZE if mark.major else MARK_SIZE - 3
            colour = self.phase_colour(mark.phase)
            diamond = QPolygonF(
                [
                    QPointF(x, axis_y - size),
                    QPointF(x + size, axis_y),
                    QPointF(x, axis_y + size),
                    QPointF(x - size, axis_y),
                ]
            )
            painter.setPen(QPen(text, 2 if mark.moved else 1))
            painter.setBrush(colour)
            painter.drawPolygon(diamond)
            if not mark.major:
                continue
            label = mark.label
            width = metrics.horizontalAdvance(label)
            left = min(max(x - width / 2, 0), self.width() - width)
            for row in (0, 1):
                if left > ends[row] + 6:
                    painter.setPen(text)
                    baseline = rows["labels"] + row * line + metrics.ascent()
                    painter.drawText(QPointF(left, baseline), label)
                    ends[row] = left + width
                    break

    def _paint_today(self, painter: QPainter, palette: QPalette) -> None:
        if self._layout.today_x is None:
            return
        x = self._x(self._layout.today_x)
        colour = palette.color(QPalette.ColorRole.Highlight)
        painter.setPen(QPen(colour, 2))
        painter.drawLine(QPointF(x, 2), QPointF(x, self._rows()["labels"] - 2))
        label = _("Today")
        metrics = self.fontMetrics()
        width = metrics.horizontalAdvance(label) + 6
        left = min(max(x - width / 2, 0), self.width() - width)
        box = QRectF(left, self.height() - metrics.height() - 2, width, metrics.height())
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(colour)
        painter.drawRoundedRect(box, 3, 3)
        painter.setPen(palette.color(QPalette.ColorRole.HighlightedText))
        painter.drawText(box, Qt.AlignmentFlag.AlignCenter, label)

    # -- colours --------------------------------------------------------------------------
    def phase_colour(self, phase: str, lighter: bool = False) -> QColor:
        """The stage's hue (``PHASE_COLOURS``, shared with the PDF) at a lightness that stands
        out from this palette's window colour: lighter on a dark theme, darker on a light one.
        An unknown phase, or a grey one, takes the palette's own mid tone."""
        palette = self.palette()
        hue, saturation = _hue_and_saturation(PHASE_COLOURS.get(phase, ""))
        if hue is None:
            return palette.color(QPalette.ColorRole.Mid)
        dark_theme = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
        lightness = 0.62 if dark_theme else 0.48
        if lighter:
            lightness += 0.1
        return QColor.fromHslF(hue, saturation, min(lightness, 0.9))

    def _text_on(self, colour: QColor) -> QColor:
        """The palette's text or background colour, whichever differs more from ``colour``."""
        palette = self.palette()
        candidates = (
            palette.color(QPalette.ColorRole.WindowText),
            palette.color(QPalette.ColorRole.Window),
        )
        return max(candidates, key=lambda c: abs(c.lightnessF() - colour.lightnessF()))

    # -- tooltips -------------------------------------------------------------------------
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
        """What the pointer is on: a milestone and its date, or a phase and its dates."""
        if self._layout.empty:
            return ""
        rows = self._rows()
        share = self._share(point.x())
        tolerance = HOVER_PIXELS / max(self.width() - 2 * MARGIN, 1)
        if point.y() >= rows["windows"] + WINDOW_HEIGHT:
            mark = self._layout.nearest_mark(share, tolerance)
            return _mark_text(mark) if mark else ""
        lane = 0 if point.y() < rows["windows"] else 1
        bars = self._layout.bars_at(share, lane)
        return "\n".join(_bar_text(bar) for bar in bars)

    def _description(self) -> str:
        """The picture in words, for screen readers."""
        if self._layout.empty:
            return ""
        return "; ".join(_mark_text(mark) for mark in self._layout.marks if mark.major)


def _mark_text(mark: Mark) -> str:
    text = _("{milestone}: {date}").format(milestone=mark.label, date=format_date(mark.on))
    return text + (" " + _("(moved by hand)") if mark.moved else "")


def _bar_text(bar: Bar) -> str:
    text = _("{milestone}: {date}").format(
        milestone=bar.label, date=format_date_range(bar.start, bar.end)
    )
    return text + (" " + _("(moved by hand)") if bar.moved else "")


def _hue_and_saturation(hex_colour: str) -> tuple[float | None, float]:
    """The hue (0..1) and saturation of an "#rrggbb" colour; no hue for a grey."""
    import colorsys

    if len(hex_colour) != 7 or not hex_colour.startswith("#"):
        return None, 0.0
    red, green, blue = (int(hex_colour[i : i + 2], 16) / 255 for i in (1, 3, 5))
    hue, _lightness, saturation = colorsys.rgb_to_hls(red, green, blue)
    if saturation < 0.05:
        return None, 0.0
    return hue, max(saturation, 0.45)
