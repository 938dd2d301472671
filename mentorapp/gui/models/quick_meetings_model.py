"""The quick entry table: a round's groups (rows) × their meetings (columns).

A cell shows the day a meeting was held, or its planned day greyed, or that it was cancelled.
Typing a day marks the meeting held that day and Delete takes the mark away again; the edits
are only collected here, and saved together (``records``) when the coordinator presses Save,
so a refused value or a closed dialog changes nothing in the file.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QGuiApplication, QPalette

from mentorapp.domain.day_text import parse_day, within
from mentorapp.i18n import N_, _, format_date
from mentorapp.running.health import MeetingState, meeting_state_label

if TYPE_CHECKING:
    from mentorapp.running.meetings import MeetingRecord  # the service loads SQLAlchemy
    from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule

Index = QModelIndex | QPersistentModelIndex
GROUP = 0  # the first column: the mentor's and adepts' names
_FARTHEST_DAYS = 366  # as MeetingService: further from the round is a wrong year
Key = tuple[int, int]  # (group id, meeting number)


class QuickMeetingsModel(QAbstractTableModel):
    """``problem`` says, in a sentence, why a typed value was not taken."""

    problem = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._groups: list[GroupSchedule] = []
        self._labels: list[str] = []
        self._count = 0
        self._start = self._end = date.today()
        self._today = date.today()
        self._edits: dict[Key, date | None] = {}  # held on that day, or None: not held
        self._dates: dict[date, str] = {}  # formatted once per day
        self.last_refused = False

    def set_schedule(self, schedule: RoundSchedule, today: date) -> None:
        """Show the round's groups that go on; edits not saved are dropped."""
        from mentorapp.dataio.checkin_csv import group_name  # loads SQLAlchemy

        self.beginResetModel()
        self._groups = [g for g in schedule.groups if g.ended_on is None]
        self._labels = [group_name(g) for g in self._groups]
        self._count = schedule.meetings_per_round
        self._end = schedule.end
        self._start = min(schedule.kickoff or schedule.end, schedule.end)
        self._today = today
        self._edits.clear()
        self.endResetModel()

    # -- what is shown -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._groups)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count + 1

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return super().headerData(section, orientation, role)
        if section == GROUP:
            return _("Group")
        return _("Meeting {number}").format(number=section)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if index.isValid() and index.column() != GROUP:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        group = self._groups[index.row()]
        if index.column() == GROUP:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
                return self._labels[index.row()]
            return None
        number = index.column()
        held = self.held_on(index)
        stored = self._meeting(group, number)
        edited = (group.id, number) in self._edits
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(held, stored)
        if role == Qt.ItemDataRole.EditRole:
            return held.isoformat() if held else ""
        if role == Qt.ItemDataRole.ForegroundRole and held is None:
            return QGuiApplication.palette().brush(
                QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text
            )
        if role == Qt.ItemDataRole.FontRole and edited:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(held, stored, edited)
        return None

    def _text(self, held: date | None, stored: Meeting | None) -> str:
        if held is not None:
            return self._day(held)
        if stored is None:
            return ""
        if stored.state == MeetingState.CANCELLED:
            return meeting_state_label(MeetingState.CANCELLED)
        return self._day(stored.planned_on) if stored.planned_on else ""

    def _tooltip(self, held: date | None, stored: Meeting | None, edited: bool) -> str:
        if held is not None:
            text = _("Held on {date}").format(date=format_date(held))
        elif stored is not None and stored.state == MeetingState.CANCELLED:
            text = meeting_state_label(MeetingState.CANCELLED)
        elif stored is not None and stored.planned_on is not None:
            text = _("Planned for {date}").format(date=format_date(stored.planned_on))
        else:
            text = _("No day planned")
        if edited:
            text += " " + _("(not saved yet)")
        if stored is not None and stored.note:
            text += "\n" + stored.note
        return text

    def _day(self, day: date) -> str:
        if day not in self._dates:
            self._dates[day] = format_date(day)
        return self._dates[day]

    # -- editing -----------------------------------------------------------------------

    def held_on(self, index: Index) -> date | None:
        """The day the meeting in the cell counts as held, with the edits not yet saved."""
        if not index.isValid() or index.column() == GROUP:
            return None
        group = self._groups[index.row()]
        key = (group.id, index.column())
        if key in self._edits:
            return self._edits[key]
        stored = self._meeting(group, index.column())
        if stored is not None and stored.state == MeetingState.HELD:
            return stored.held_on
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() == GROUP:
            return False
        text = str(value or "").strip()
        self.last_refused = False
        if not text:
            return self.clear(index, quiet=True)
        day = parse_day(text, self._today)
        template = None
        if day is None:
            template = N_("“{text}” is not a day: type it as 2026-10-02, 2/10 or 2 Oct.")
        elif day > self._today:
            template = N_("The meeting cannot have been held on {date}: that day has not come yet.")
        elif not within(day, self._start, self._end, _FARTHEST_DAYS):
            template = N_("{date} is more than a year from the round; check the year.")
        if template is not None:
            self.last_refused = True
            self.problem.emit(_(template).format(text=text, date=format_date(day)))
            return False
        if day == self.held_on(index):
            return True
        self._set(index, day)
        return True

    def clear(self, index: Index, quiet: bool = False) -> bool:
        """Delete: the meeting is not held after all (it goes back to planned)."""
        if self.held_on(index) is None:
            if not quiet and index.isValid() and index.column() != GROUP:
                self.problem.emit(
                    _("This meeting is not marked as held, so there is nothing to clear.")
                )
            return False
        self._set(index, None)
        return True

    def _set(self, index: Index, day: date | None) -> None:
        group = self._groups[index.row()]
        key = (group.id, index.column())
        stored = self._meeting(group, index.column())
        stored_day = stored.held_on if stored and stored.state == MeetingState.HELD else None
        if day == stored_day:
            self._edits.pop(key, None)  # back to what the file holds
        else:
            self._edits[key] = day
        self.dataChanged.emit(index, index)

    def has_edits(self) -> bool:
        return bool(self._edits)

    def edits(self) -> dict[Key, date | None]:
        return dict(self._edits)

    def records(self) -> dict[Key, MeetingRecord]:
        """The edits as ``MeetingService.record_many`` takes them; what else was recorded about
        a meeting (how long, where, its note) stays as it was."""
        from mentorapp.running.meetings import MeetingRecord

        records = {}
        groups = {group.id: group for group in self._groups}
        for (group_id, number), day in self._edits.items():
            stored = self._meeting(groups[group_id], number)
            was_held = stored is not None and stored.state == MeetingState.HELD
            note = stored.note if stored else ""
            if day is None:
                records[(group_id, number)] = MeetingRecord(MeetingState.PLANNED, note=note)
            else:
                records[(group_id, number)] = MeetingRecord(
                    MeetingState.HELD,
                    held_on=day,
                    minutes=stored.minutes if was_held and stored else None,
                    mode=stored.mode if was_held and stored else "",
                    note=note,
                )
        return records

    def group_at(self, row: int) -> GroupSchedule | None:
        return self._groups[row] if 0 <= row < len(self._groups) else None

    @staticmethod
    def _meeting(group: GroupSchedule, number: int) -> Meeting | None:
        return next((m for m in group.meetings if m.number == number), None)
