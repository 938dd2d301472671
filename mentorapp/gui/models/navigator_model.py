"""The stage navigator's tree: the overview, the programme's stages, and the round's stages."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from mentorapp.guide.checklist import StageProgress
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import _

STAGE_KEY_ROLE = Qt.ItemDataRole.UserRole + 1
OVERVIEW_KEY = "overview"


def _header(text: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled)
    font = QFont()
    font.setBold(True)
    item.setFont(font)
    return item


def _cell(text: str, key: str) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(key, STAGE_KEY_ROLE)
    item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
    return item


class NavigatorModel(QStandardItemModel):
    """Rebuilt on refresh(); keys stay stable so the view can keep the selection."""

    def __init__(self) -> None:
        super().__init__()
        self.setColumnCount(2)

    def rebuild(self, progress: list[StageProgress], round_name: str | None) -> None:
        self.clear()
        self.setColumnCount(2)
        by_key = {p.stage.key: p for p in progress}
        root = self.invisibleRootItem()
        root.appendRow([_cell(_("Overview"), OVERVIEW_KEY), _cell("", OVERVIEW_KEY)])
        programme = _header(_("The programme (once)"))
        round_header = _header(
            _("Round: {round}").format(round=round_name) if round_name else _("Each round")
        )
        root.appendRow([programme, _header("")])
        root.appendRow([round_header, _header("")])
        for number, stage in enumerate(STAGES, start=1):
            parent = round_header if stage.per_round else programme
            state = by_key.get(stage.key)
            parent.appendRow(
                [_cell(f"{number}. {stage.title}", stage.key), _cell(_count(state), stage.key)]
            )

    def index_for(self, key: str) -> QModelIndex:
        matches = self.match(
            self.index(0, 0),
            STAGE_KEY_ROLE,
            key,
            1,
            Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive,
        )
        return matches[0] if matches else QModelIndex()

    def keys_in_order(self) -> list[str]:
        return [OVERVIEW_KEY, *(stage.key for stage in STAGES)]


def _count(state: StageProgress | None) -> str:
    if state is None or not state.available or state.total == 0:
        return ""
    if state.done == state.total:
        return "✓"
    return f"{state.done}/{state.total}"
