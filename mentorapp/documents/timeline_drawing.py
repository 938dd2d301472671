"""The round's timeline as a reportlab drawing, from ``planning.layout.TimelineLayout``.

The window draws the same layout with QPainter, so the printed picture and the one on screen
agree: a time axis with a tick per month, the round's phases as bars, the pair meeting
windows below them, a mark per milestone day (the major ones named above), today as a line,
and a legend of the phases' colours. Every text is a string in DejaVu Sans, so it is embedded
and can be searched and copied in the PDF.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from reportlab.graphics.shapes import Drawing, Line, Polygon, Rect, String
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from mentorapp.documents.fonts import SANS, SANS_BOLD, register_fonts
from mentorapp.documents.styles import INK, MUTED, RULE, WARM

if TYPE_CHECKING:
    from mentorapp.planning.layout import Bar, Mark, TimelineLayout

LABEL_SIZE = 6.5
TICK_SIZE = 6.5
LEGEND_SIZE = 6.5
# Heights from the bottom of the drawing, in points.
LEGEND_ROW = 10.0
AXIS_GAP = 25.0  # room under the axis for months and years
WINDOW_LANE = 9.0
PHASE_LANE = 13.0
MARK_ROW = 8.0
LABEL_ROW = 9.0
LABEL_ROWS = 3
TODAY_ROOM = 9.0


def _colour(hex_rgb: str) -> colors.Color:
    return colors.HexColor(hex_rgb)


def _text_colour(fill: colors.Color) -> colors.Color:
    """White on a dark bar, ink on a light one."""
    lightness = 0.299 * fill.red + 0.587 * fill.green + 0.114 * fill.blue
    return colors.white if lightness < 0.6 else INK


def _legend(layout: TimelineLayout, windows_label: str) -> list[tuple[str, colors.Color]]:
    from mentorapp.planning.layout import PHASE_COLOURS

    entries = [
        (bar.label, _colour(PHASE_COLOURS.get(bar.phase, "#8c8c8c")))
        for bar in layout.bars_in_lane(0)
    ]
    windows = layout.bars_in_lane(1)
    if windows:
        entries.append((windows_label, _colour(PHASE_COLOURS.get(windows[0].phase, "#fd8d3c"))))
    return entries


def _legend_rows(entries: list[tuple[str, colors.Color]], width: float) -> list[list[int]]:
    """The legend's entries (by index) per row, wrapped to ``width``."""
    rows: list[list[int]] = [[]]
    used = 0.0
    for index, (label, _fill) in enumerate(entries):
        needed = 10 + stringWidth(label, SANS, LEGEND_SIZE) + 10
        if rows[-1] and used + needed > width:
            rows.append([])
            used = 0.0
        rows[-1].append(index)
        used += needed
    return rows


def timeline_drawing(
    layout: TimelineLayout, width: float, today_label: str, windows_label: str
) -> Drawing:
    """The picture ``width`` points wide; ``today_label`` and ``windows_label`` ("Today",
    "Pair meetings") in the plan's language, as the layout's own words are."""
    from mentorapp.planning.layout import PHASE_COLOURS

    register_fonts()
    entries = _legend(layout, windows_label)
    legend_rows = _legend_rows(entries, width)
    legend_height = LEGEND_ROW * len(legend_rows)
    axis = legend_height + AXIS_GAP
    window_bottom = axis + 4
    phase_bottom = window_bottom + WINDOW_LANE + 3
    mark_y = phase_bottom + PHASE_LANE + MARK_ROW / 2 + 1
    label_base = mark_y + MARK_ROW / 2 + 3
    height = label_base + LABEL_ROW * LABEL_ROWS + TODAY_ROOM
    drawing = Drawing(width, height)
    # The renderer starts from these; reportlab's own default would add Helvetica to the file.
    drawing.initialFontName, drawing.initialFontSize = SANS, LABEL_SIZE

    def x_of(share: float) -> float:
        return share * width

    # Month ticks and their names under the axis.
    drawing.add(Line(0, axis, width, axis, strokeColor=RULE, strokeWidth=0.8))
    for tick in layout.ticks:
        x = x_of(tick.x)
        drawing.add(Line(x, axis - 3, x, height - TODAY_ROOM, strokeColor=RULE, strokeWidth=0.3))
        if tick.x < 1.0:  # the last tick is the right edge: no month after it
            drawing.add(_string(x + 2, axis - 10, tick.label, TICK_SIZE, MUTED))
            if tick.year:
                drawing.add(_string(x + 2, axis - 18, tick.year, TICK_SIZE, MUTED, bold=True))

    for bar in layout.bars:
        fill = _colour(PHASE_COLOURS.get(bar.phase, "#8c8c8c"))
        bottom, lane_height = (
            (phase_bottom, PHASE_LANE) if bar.lane == 0 else (window_bottom, WINDOW_LANE)
        )
        x0, x1 = x_of(bar.x0), x_of(bar.x1)
        drawing.add(
            Rect(
                x0,
                bottom,
                max(x1 - x0, 1.2),
                lane_height,
                fillColor=fill,
                strokeColor=colors.white,
                strokeWidth=0.5,
            )
        )
        if bar.lane == 1:
            _window_number(drawing, bar, x0, x1, bottom, fill)

    if layout.today_x is not None:
        x = x_of(layout.today_x)
        drawing.add(
            Line(
                x,
                axis - 3,
                x,
                height - TODAY_ROOM + 2,
                strokeColor=WARM,
                strokeWidth=1.2,
                strokeDashArray=[2, 1.5],
            )
        )
        text_width = stringWidth(today_label, SANS_BOLD, LABEL_SIZE)
        left = min(max(x - text_width / 2, 0), width - text_width)
        drawing.add(_string(left, height - TODAY_ROOM + 3, today_label, LABEL_SIZE, WARM, True))

    for mark in layout.marks:
        _mark(
            drawing, x_of(mark.x), mark_y, mark, _colour(PHASE_COLOURS.get(mark.phase, "#636363"))
        )
    _mark_labels(drawing, layout.marks, width, label_base)

    for row_number, row in enumerate(legend_rows):
        y = legend_height - LEGEND_ROW * (row_number + 1) + 2
        x = 0.0
        for index in row:
            label, fill = entries[index]
            drawing.add(Rect(x, y, 7, 6, fillColor=fill, strokeColor=None))
            drawing.add(_string(x + 10, y + 0.8, label, LEGEND_SIZE, INK))
            x += 10 + stringWidth(label, SANS, LEGEND_SIZE) + 10
    return drawing


def _string(
    x: float, y: float, text: str, size: float, colour: colors.Color, bold: bool = False
) -> String:
    return String(x, y, text, fontName=SANS_BOLD if bold else SANS, fontSize=size, fillColor=colour)


def _window_number(
    drawing: Drawing, bar: Bar, x0: float, x1: float, bottom: float, fill: colors.Color
) -> None:
    """A pair meeting window shows its number when the bar has room for it."""
    number = "".join(ch for ch in bar.key if ch.isdigit())
    if not number or stringWidth(number, SANS_BOLD, 6) + 2 > x1 - x0:
        return
    width = stringWidth(number, SANS_BOLD, 6)
    drawing.add(
        _string((x0 + x1 - width) / 2, bottom + 2.2, number, 6, _text_colour(fill), bold=True)
    )


def _mark(drawing: Drawing, x: float, y: float, mark: Mark, fill: colors.Color) -> None:
    """A diamond for a major milestone, a small tick for the others."""
    if mark.major:
        r = 3.2
        drawing.add(
            Polygon(
                [x, y - r, x + r, y, x, y + r, x - r, y],
                fillColor=fill,
                strokeColor=colors.white,
                strokeWidth=0.4,
            )
        )
    else:
        drawing.add(Line(x, y - 2.5, x, y + 2.5, strokeColor=fill, strokeWidth=1.2))


def _mark_labels(drawing: Drawing, marks: tuple[Mark, ...], width: float, base: float) -> None:
    """The major marks' names above them, on the lowest row where they do not overlap a name
    already placed; one that fits on no row is left to the list of key dates."""
    placed: list[list[tuple[float, float]]] = [[] for _row in range(LABEL_ROWS)]
    for mark in sorted((m for m in marks if m.major), key=lambda m: m.x):
        text_width = stringWidth(mark.label, SANS, LABEL_SIZE)
        left = min(max(mark.x * width - text_width / 2, 0), width - text_width)
        span = (left - 3, left + text_width + 3)
        for row, taken in enumerate(placed):
            if all(span[1] <= a or span[0] >= b for a, b in taken):
                taken.append(span)
                y = base + row * LABEL_ROW
                drawing.add(
                    Rect(
                        left - 1,
                        y - 1.8,
                        text_width + 2,
                        LABEL_SIZE + 1.6,
                        fillColor=colors.white,
                        strokeColor=None,
                    )
                )
                drawing.add(_string(left, y, mark.label, LABEL_SIZE, INK))
                if row:  # a thin leader down to the mark
                    x = mark.x * width
                    drawing.add(Line(x, base - 1, x, y - 1.5, strokeColor=RULE, strokeWidth=0.3))
                break
