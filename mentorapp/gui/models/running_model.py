"""The Running page's table: every accepted group of a round with its pair health.

Every text, search haystack and sort rank is made once per refresh, so painting, sorting and
filtering 1,000 groups does no date formatting and calls no service. Each column has an
integer rank per row (its SORT_ROLE), made once: dates sort as dates and health by how urgent
it is (not started, needs a check-in, on track, ended); a click on a header reorders the rows
by those ranks in one Python sort.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QIcon, QPainter, QPalette, QPixmap

from mentorapp.i18n import N_, _, current_language, format_date, ngettext
from mentorapp.people.collation import query_terms, search_text, sort_key
from mentorapp.running.health import Health, health_label

if TYPE_CHECKING:
    from mentorapp.running.board import GroupHealth  # the service module loads SQLAlchemy
    from mentorapp.running.schedule import GroupSchedule

Index = QModelIndex | QPersistentModelIndex
MENTOR, ADEPTS, HEALTH, LAST, NEXT, HELD, REASON = range(7)
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_ID_ROLE = Qt.ItemDataRole.UserRole + 2
HEALTH_ROLE = Qt.ItemDataRole.UserRole + 3

HEADERS = (
    N_("Mentor"),
    N_("Adepts"),
    N_("Health"),
    N_("Last meeting"),
    N_("Next meeting"),
    N_("Meetings held"),
    N_("Reason"),
)
# The most urgent first when sorted by health.
SEVERITY = {Health.NOT_STARTED: 0, Health.NEEDS_CHECK_IN: 1, Health.ON_TRACK: 2, Health.ENDED: 3}
# Each state's hue on the colour wheel (0..1); the lightness follows the palette. An ended
# group takes the palette's own mid tone.
HUES = {Health.ON_TRACK: 0.36, Health.NEEDS_CHECK_IN: 0.11, Health.NOT_STARTED: 0.0}
DOT_PIXELS = 12

ATTENTION = "attention"
# The health filter's choices: key → the states it shows (None: every group).
FILTERS: dict[str, frozenset[str] | None] = {
    "": None,
    ATTENTION: frozenset({Health.NOT_STARTED, Health.NEEDS_CHECK_IN}),
    **{health.value: frozenset({health}) for health in Health},
}


def filter_label(key: str) -> str:
    if key == "":
        return _("All groups")
    if key == ATTENTION:
        return _("Needs attention (not started or a check-in)")
    return health_label(key)


def health_counts_text(counts: Mapping[str, int], separator: str) -> str:
    """ "14 on track · 4 need a check-in · 1 not started · 1 ended" (ended only when some
    are)."""
    on_track, check_in, not_started, ended = (
        counts.get(health, 0)
        for health in (Health.ON_TRACK, Health.NEEDS_CHECK_IN, Health.NOT_STARTED, Health.ENDED)
    )
    texts = [
        ngettext("{n} on track", "{n} on track", on_track).format(n=on_track),
        ngettext("{n} needs a check-in", "{n} need a check-in", check_in).format(n=check_in),
        ngettext("{n} not started", "{n} not started", not_started).format(n=not_started),
    ]
    if ended:
        texts.append(ngettext("{n} ended", "{n} ended", ended).format(n=ended))
    return separator.join(texts)


def health_colour(health: str, palette: QPalette) -> QColor:
    """The state's dot colour, lighter on a dark theme and darker on a light one."""
    hue = HUES.get(health)  # type: ignore[call-overload]
    if hue is None:
        return palette.color(QPalette.ColorRole.Mid)
    dark_theme = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
    return QColor.fromHslF(hue, 0.85, 0.6 if dark_theme else 0.46)


def _dot(colour: QColor, outline: QColor) -> QIcon:
    pixmap = QPixmap(DOT_PIXELS, DOT_PIXELS)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(outline)
    painter.setBrush(QBrush(colour))
    painter.drawEllipse(1, 1, DOT_PIXELS - 2, DOT_PIXELS - 2)
    painter.end()
    return QIcon(pixmap)


class RunningModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._items: list[GroupHealth] = []
        self._texts: list[tuple[str, ...]] = []
        self._ranks: list[list[int]] = [[] for _header in HEADERS]  # column → rank per row
        self._haystacks: list[str] = []
        self._overdue: list[bool] = []
        self._tips: list[tuple[str, str]] = []  # (people with e-mails, the reason)
        self._row_of: dict[int, int] = {}
        self._sort = (HEALTH, Qt.SortOrder.AscendingOrder)
        self._icons: dict[str, QIcon] = {}
        self._bold = QFont()
        self._bold.setBold(True)
        self.set_palette(QGuiApplication.palette())

    # -- data in ---------------------------------------------------------------------------
    def set_groups(self, items: list[GroupHealth], today: date) -> None:
        """Show ``items`` (in the order the schedule gives: by mentor name)."""
        self.beginResetModel()
        self._items = list(items)
        dates: dict[date, str] = {}

        def shown(day: date) -> str:
            text = dates.get(day)
            if text is None:
                text = dates[day] = format_date(day)
            return text

        texts, haystacks, overdue, tips = [], [], [], []
        for item in self._items:
            row_texts, late = _texts(item, today, shown)
            texts.append(row_texts)
            overdue.append(late)
            people = item.group.people
            haystacks.append(
                search_text(
                    *(part for p in people for part in (p.first_name, p.last_name, p.email))
                )
            )
            tips.append(("\n".join(f"{p.name} <{p.email}>" for p in people), row_texts[REASON]))
        self._texts, self._haystacks, self._overdue, self._tips = texts, haystacks, overdue, tips
        self._ranks = _ranks(self._items, texts, current_language())
        self._arrange(self._sorted_order())
        self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Put the rows in the order of ``column``'s ranks, moving the persistent indexes
        with their rows (the view's selection stays on the same group)."""
        self.layoutAboutToBeChanged.emit()
        self._sort = (column, order)
        new = self._sorted_order()
        now_at = {old: row for row, old in enumerate(new)}
        self._arrange(new)
        before = self.persistentIndexList()
        after = [
            self.index(now_at[index.row()], index.column())
            if 0 <= index.row() < len(new)
            else QModelIndex()
            for index in before
        ]
        self.changePersistentIndexList(before, after)
        self.layoutChanged.emit()

    def _sorted_order(self) -> list[int]:
        column, order = self._sort
        ranks = self._ranks[column]
        descending = order == Qt.SortOrder.DescendingOrder
        return sorted(range(len(self._items)), key=ranks.__getitem__, reverse=descending)

    def _arrange(self, order: list[int]) -> None:
        """Reorder every per-row list: row ``n`` becomes what row ``order[n]`` was."""
        self._items = [self._items[i] for i in order]
        self._texts = [self._texts[i] for i in order]
        self._haystacks = [self._haystacks[i] for i in order]
        self._overdue = [self._overdue[i] for i in order]
        self._tips = [self._tips[i] for i in order]
        self._ranks = [[ranks[i] for i in order] for ranks in self._ranks]
        self._row_of = {item.group.id: row for row, item in enumerate(self._items)}

    def set_palette(self, palette: QPalette) -> None:
        """Make the dots anew for this palette (a dark theme needs lighter ones)."""
        outline = palette.color(QPalette.ColorRole.Text)
        self._icons = {health: _dot(health_colour(health, palette), outline) for health in Health}
        if self._items:
            self.dataChanged.emit(
                self.index(0, HEALTH),
                self.index(len(self._items) - 1, HEALTH),
                [Qt.ItemDataRole.DecorationRole],
            )

    def retranslate(self, today: date) -> None:
        self.set_groups(self._items, today)

    # -- what the board asks ---------------------------------------------------------------
    def item_at(self, row: int) -> GroupHealth | None:
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, group_id: int | None) -> int:
        return -1 if group_id is None else self._row_of.get(group_id, -1)

    def items(self) -> list[GroupHealth]:
        return list(self._items)

    def accepts(self, row: int, healths: frozenset[str] | None, terms: tuple[str, ...]) -> bool:
        if healths is not None and self._items[row].health not in healths:
            return False
        haystack = self._haystacks[row]
        return all(term in haystack for term in terms)

    # -- Qt model --------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _(HEADERS[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row, column = index.row(), index.column()
        if not 0 <= row < len(self._items):
            return None
        if role == SORT_ROLE:
            return self._ranks[column][row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts[row][column]
        if role == Qt.ItemDataRole.DecorationRole:
            return self._icons.get(self._items[row].health) if column == HEALTH else None
        if role == GROUP_ID_ROLE:
            return self._items[row].group.id
        if role == HEALTH_ROLE:
            return self._items[row].health.value
        if role == Qt.ItemDataRole.ToolTipRole:
            if column in (MENTOR, ADEPTS):
                return self._tips[row][0]
            return self._tips[row][1] if column in (HEALTH, REASON) else None
        if column == NEXT and self._overdue[row]:
            if role == Qt.ItemDataRole.FontRole:
                return self._bold
            if role == Qt.ItemDataRole.AccessibleDescriptionRole:
                return _("Overdue")
        return None


class RunningProxy(QSortFilterProxyModel):
    """Filters by health and the search box's terms; sorting is left to the model, which
    orders its rows by their ranks in one Python sort, where the proxy's own sort would call
    back into Python twice for every comparison (40 ms for 1,000 groups)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self._healths: frozenset[str] | None = None
        self._terms: tuple[str, ...] = ()

    def set_health_filter(self, key: str) -> None:
        healths = FILTERS.get(key)
        if healths != self._healths:
            self._refilter(lambda: setattr(self, "_healths", healths))

    def set_search(self, text: str) -> None:
        terms = query_terms(text)
        if terms != self._terms:
            self._refilter(lambda: setattr(self, "_terms", terms))

    def _refilter(self, change: Callable[[], None]) -> None:
        """Change what the filter lets through (Qt 6.9 and later want to be told first)."""
        if hasattr(self, "beginFilterChange"):
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateRowsFilter()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        model = self.sourceModel()
        assert isinstance(model, RunningModel)
        model.sort(column, order)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:
        model = self.sourceModel()
        assert isinstance(model, RunningModel)
        return model.accepts(source_row, self._healths, self._terms)


def _texts(
    item: GroupHealth, today: date, shown: Callable[[date], str]
) -> tuple[tuple[str, ...], bool]:
    """The row's cells and whether its next meeting is overdue."""
    group, assessment = item.group, item.assessment
    last = shown(assessment.last_held) if assessment.last_held else _("None yet")
    next_text, late = "", False
    due = assessment.next_due
    if item.health != Health.ENDED and due is not None:
        next_text, late = _next_text(group, due.number, due.due, today, shown)
    held = sum(1 for m in group.meetings if m.state == "held")
    reason = assessment.reason
    params = {k: shown(v) if isinstance(v, date) else v for k, v in reason.params.items()}
    return (
        group.mentor.name,
        ", ".join(adept.name for adept in group.adepts),
        health_label(item.health),
        last,
        next_text,
        _("{held} of {count}").format(held=held, count=len(group.meetings)),
        _(reason.template).format(**params),
    ), late


def _next_text(
    group: GroupSchedule, number: int, due: date | None, today: date, shown: Callable[[date], str]
) -> tuple[str, bool]:
    if due is None:
        return _("No. {number}: no date yet").format(number=number), False
    meeting = next((m for m in group.meetings if m.number == number), None)
    planned = meeting is not None and meeting.planned_on is not None
    template = _("No. {number}: {date}") if planned else _("No. {number}: by {date}")
    text = template.format(number=number, date=shown(due))
    if due < today:
        return _("{meeting} (overdue)").format(meeting=text), True
    return text, False


def _ranks(
    items: list[GroupHealth], texts: list[tuple[str, ...]], language: str
) -> list[list[int]]:
    """Per column, each row's place in ascending order; ties keep the mentors' name order."""
    never = date.min.toordinal()

    def last_key(row: int) -> tuple[int, int]:
        held = items[row].assessment.last_held  # never met sorts as longest ago
        return (held.toordinal() if held else never, row)

    def next_key(row: int) -> tuple[bool, int, int]:
        due = items[row].assessment.next_due
        when = due.due if due is not None and items[row].health != Health.ENDED else None
        return (when is None, when.toordinal() if when else 0, row)  # nothing due goes last

    def held_key(row: int) -> tuple[int, int, int]:
        meetings = items[row].group.meetings
        return (sum(1 for m in meetings if m.state == "held"), len(meetings), row)

    keys: list[Callable[[int], Any]] = [
        lambda row: (sort_key(texts[row][MENTOR], language), row),
        lambda row: (sort_key(texts[row][ADEPTS], language), row),
        lambda row: (SEVERITY[items[row].health], row),
        last_key,
        next_key,
        held_key,
        lambda row: (sort_key(texts[row][REASON], language), row),
    ]
    ranks = []
    for key in keys:
        order = sorted(range(len(items)), key=key)
        rank = [0] * len(items)
        for place, row in enumerate(order):
            rank[row] = place
        ranks.append(rank)
    return ranks
