"""The impact report's chart: one horizontal bar per measure with its 95 % interval as a
whisker, a dashed line where a published reference figure lies, and the rounds side by side
when two are compared.

A bar alone suggests a precision a round of twenty people does not have; the whisker shows
how far the share could plausibly be from what was counted, so it is drawn for every bar.
Plain data in (``ChartRow``), a reportlab ``Drawing`` out.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from mentorapp.documents.fonts import SANS, SANS_BOLD
from mentorapp.documents.styles import ACCENT, ACCENT_PALE, INK, MUTED, RULE, WARM
from mentorapp.i18n import format_percent

LABEL_SIZE = 8
LABEL_LEADING = 9.6
BAR = 3.6 * mm
GAP = 1.2 * mm  # between the bars of one measure
ROW_GAP = 4 * mm  # between measures
SERIES = (ACCENT, ACCENT_PALE)  # this round, the round compared with
WHISKER = INK
REFERENCE = WARM


@dataclass(frozen=True)
class ChartBar:
    share: float | None  # None: nobody answered
    low: float | None = None
    high: float | None = None


@dataclass(frozen=True)
class ChartRow:
    label: str
    bars: tuple[ChartBar, ...]  # one per round, in the legend's order
    reference: float | None = None


def measure_chart(
    rows: list[ChartRow],
    width: float,
    series: tuple[str, ...] = (),
    reference_label: str = "",
    no_answers: str = "–",
) -> Drawing:
    """The chart for ``rows``; ``series`` names the rounds for the legend (none for one)."""
    label_width = min(68 * mm, width * 0.4)
    plot_left = label_width + 3 * mm
    plot_width = width - plot_left - 12 * mm  # room for the value after a full bar
    labels = [_wrapped(row.label, label_width, 3) for row in rows]
    heights = [_row_height(row, len(lines)) for row, lines in zip(rows, labels, strict=True)]
    legend = 7 * mm if len(series) > 1 or reference_label else 0
    axis = 6 * mm
    height = sum(heights) + axis + legend + 2 * mm
    drawing = Drawing(width, height)
    # The renderer starts from these; reportlab's own default would add Helvetica to the file.
    drawing.initialFontName, drawing.initialFontSize = SANS, LABEL_SIZE

    def x_of(share: float) -> float:
        return plot_left + max(0.0, min(1.0, share)) * plot_width

    top = height - legend
    for tick in (0, 0.25, 0.5, 0.75, 1):
        x = x_of(tick)
        drawing.add(Line(x, axis, x, top, strokeColor=RULE, strokeWidth=0.4))
        drawing.add(String(x, axis - 3.4 * mm, format_percent(tick), fontName=SANS,
                           fontSize=7, fillColor=MUTED, textAnchor="middle"))  # fmt: skip
    y = top
    for row, lines, row_height in zip(rows, labels, heights, strict=True):
        bars_height = len(row.bars) * BAR + (len(row.bars) - 1) * GAP
        label_top = y - (row_height - len(lines) * LABEL_LEADING) / 2
        for number, text in enumerate(lines):
            drawing.add(String(0, label_top - (number + 1) * LABEL_LEADING + 2, text,
                               fontName=SANS, fontSize=LABEL_SIZE, fillColor=INK))  # fmt: skip
        bar_top = y - (row_height - bars_height) / 2
        for index, bar in enumerate(row.bars):
            bottom = bar_top - (index + 1) * BAR - index * GAP
            _draw_bar(drawing, bar, bottom, x_of, SERIES[index % len(SERIES)], no_answers)
        if row.reference is not None:
            x = x_of(row.reference)
            drawing.add(Line(x, y - 0.5 * mm, x, y - row_height + 0.5 * mm,
                             strokeColor=REFERENCE, strokeWidth=1.2,
                             strokeDashArray=[2.5, 1.8]))  # fmt: skip
        y -= row_height
    if legend:
        _draw_legend(drawing, series, reference_label, height - legend + 2 * mm, plot_left)
    return drawing


def _row_height(row: ChartRow, lines: int) -> float:
    bars = len(row.bars) * BAR + (len(row.bars) - 1) * GAP
    return max(bars, lines * LABEL_LEADING) + ROW_GAP


def _draw_bar(
    drawing: Drawing,
    bar: ChartBar,
    bottom: float,
    x_of: Callable[[float], float],
    colour: colors.Color,
    empty: str,
) -> None:
    start = x_of(0)
    if bar.share is None:
        drawing.add(String(start + 1.5 * mm, bottom + 1 * mm, empty, fontName=SANS,
                           fontSize=7.5, fillColor=MUTED))  # fmt: skip
        return
    end = x_of(bar.share)
    drawing.add(Rect(start, bottom, max(end - start, 0.6), BAR, fillColor=colour,
                     strokeColor=None))  # fmt: skip
    right = end
    if bar.low is not None and bar.high is not None:
        low, high, middle = x_of(bar.low), x_of(bar.high), bottom + BAR / 2
        cap = BAR * 0.32
        drawing.add(Line(low, middle, high, middle, strokeColor=WHISKER, strokeWidth=0.9))
        for x in (low, high):
            drawing.add(Line(x, middle - cap, x, middle + cap, strokeColor=WHISKER,
                             strokeWidth=0.9))  # fmt: skip
        right = max(right, high)
    drawing.add(String(right + 1.5 * mm, bottom + 0.9 * mm, format_percent(bar.share),
                       fontName=SANS_BOLD, fontSize=7.5, fillColor=INK))  # fmt: skip


def _draw_legend(
    drawing: Drawing, series: tuple[str, ...], reference: str, y: float, x: float
) -> None:
    for index, name in enumerate(series if len(series) > 1 else ()):
        drawing.add(Rect(x, y, 3 * mm, 3 * mm, fillColor=SERIES[index % len(SERIES)],
                         strokeColor=None))  # fmt: skip
        drawing.add(String(x + 4.5 * mm, y + 0.6 * mm, name, fontName=SANS, fontSize=7.5,
                           fillColor=INK))  # fmt: skip
        x += 4.5 * mm + stringWidth(name, SANS, 7.5) + 6 * mm
    if reference:
        drawing.add(Line(x, y + 1.5 * mm, x + 6 * mm, y + 1.5 * mm, strokeColor=REFERENCE,
                         strokeWidth=1.2, strokeDashArray=[2.5, 1.8]))  # fmt: skip
        drawing.add(String(x + 7.5 * mm, y + 0.6 * mm, reference, fontName=SANS, fontSize=7.5,
                           fillColor=INK))  # fmt: skip


def _wrapped(text: str, width: float, most: int) -> list[str]:
    """``text`` broken into at most ``most`` lines that fit ``width`` (the last cut short)."""
    lines: list[str] = []
    current = ""
    for word in text.split():
        candidate = f"{current} {word}".strip()
        if stringWidth(candidate, SANS, LABEL_SIZE) <= width or not current:
            current = candidate
        else:
            lines.append(current)
            current = word
    if current:
        lines.append(current)
    if len(lines) > most:
        lines = lines[:most]
        last = lines[-1]
        while last and stringWidth(last + "…", SANS, LABEL_SIZE) > width:
            last = last[:-1]
        lines[-1] = last.rstrip() + "…"
    return lines
