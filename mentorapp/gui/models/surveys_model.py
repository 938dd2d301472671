"""The surveys panel's table: the people one survey is for (the partner organisations for the
partner survey), when it was handed out or a reminder drafted, and when they answered.

Rows are plain ``SurveyRow`` values made from the service's answers, so the model loads no
database code; the filter ("all", "missing", "answered") is applied here, not re-read.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from mentorapp.domain.enums import role_label
from mentorapp.i18n import N_, _, format_date

if TYPE_CHECKING:
    from mentorapp.impact.answers import SurveyPerson  # loads SQLAlchemy

Index = QModelIndex | QPersistentModelIndex
C_NAME, C_ROLE, C_CODE, C_SENT, C_ANSWERED = range(5)
FILTERS = (("all", N_("Everyone")), ("missing", N_("Not answered")), ("answered", N_("Answered")))
ROW_ID = Qt.ItemDataRole.UserRole + 1
WAYS = {
    "handed": N_("handed out"),
    "mail": N_("reminded by e-mail"),
    "copy": N_("reminded (addresses copied)"),
    "csv": N_("reminded (mail merge)"),
}


@dataclass(frozen=True)
class SurveyRow:
    """One line: a person's enrolment (``id``), or a partner organisation for the partner
    survey (``role`` is "partner" and there is no code)."""

    id: int
    name: str
    role: str
    code: str
    email: str
    sent_on: date | None
    sent_way: str
    answered_on: date | None

    @classmethod
    def of_person(cls, person: SurveyPerson) -> SurveyRow:
        return cls(
            person.enrolment_id,
            person.name,
            person.role,
            person.code,
            person.email,
            person.sent_on,
            person.sent_way,
            person.answered_on,
        )

    @classmethod
    def of_partner(cls, organisation_id: int, name: str, answered_on: date | None) -> SurveyRow:
        return cls(organisation_id, name, "partner", "", "", None, "", answered_on)


def sent_text(row: SurveyRow) -> str:
    """ "12 Mar 2027 (handed out)", or "" when it was never handed out nor reminded."""
    if row.sent_on is None:
        return ""
    way = WAYS.get(row.sent_way)
    day = format_date(row.sent_on)
    return _("{date} ({how})").format(date=day, how=_(way)) if way else day


class SurveysModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[SurveyRow] = []
        self._rows: list[SurveyRow] = []
        self._filter = "all"
        self.partner = False  # the partner survey: organisations, no role, code or sending

    def set_rows(self, rows: list[SurveyRow], partner: bool = False) -> None:
        self.beginResetModel()
        self.partner = partner
        self._all = list(rows)
        self._rows = self._shown()
        self.endResetModel()

    def set_filter(self, key: str) -> None:
        self.beginResetModel()
        self._filter = key if key in dict(FILTERS) else "all"
        self._rows = self._shown()
        self.endResetModel()

    def _shown(self) -> list[SurveyRow]:
        if self._filter == "missing":
            return [row for row in self._all if row.answered_on is None]
        if self._filter == "answered":
            return [row for row in self._all if row.answered_on is not None]
        return list(self._all)

    def all_rows(self) -> list[SurveyRow]:
        return list(self._all)

    def shown(self) -> list[SurveyRow]:
        return list(self._rows)

    def row_at(self, row: int) -> SurveyRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, row_id: int) -> int:
        return next((n for n, row in enumerate(self._rows) if row.id == row_id), -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 5

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        name = _("Partner organisation") if self.partner else _("Name")
        return (name, _("Role"), _("Code"), _("Handed out or reminded"), _("Answered"))[section]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row())
        if row is None:
            return None
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == C_NAME:
                return row.name
            if column == C_ROLE:
                return "" if row.role == "partner" else role_label(row.role)
            if column == C_CODE:
                return row.code
            if column == C_SENT:
                return sent_text(row)
            return format_date(row.answered_on) if row.answered_on else ""
        if role == Qt.ItemDataRole.AccessibleTextRole and column == C_ANSWERED:
            answered = format_date(row.answered_on) if row.answered_on else _("not yet")
            return _("{name}: answered {when}").format(name=row.name, when=answered)
        if role == Qt.ItemDataRole.ToolTipRole and column == C_NAME and row.email:
            return row.email
        if role == ROW_ID:
            return row.id
        return None
