"""A proposal as a tree: each mentor with the adepts proposed (or accepted) for them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel

from mentorapp.domain import languages
from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.matching.model import Proposal

ADEPT_ID = Qt.ItemDataRole.UserRole + 1
MENTOR_ID = Qt.ItemDataRole.UserRole + 2
GROUP_ID = Qt.ItemDataRole.UserRole + 3


def _cell(text: str, mentor_id: int, adept_id: int | None = None) -> QStandardItem:
    item = QStandardItem(text)
    item.setData(mentor_id, MENTOR_ID)
    item.setData(adept_id, ADEPT_ID)
    item.setEditable(False)
    return item


class ProposalModel(QStandardItemModel):
    def show(self, proposal: Proposal | None) -> None:
        self.clear()
        self.setHorizontalHeaderLabels(
            [_("Mentor and adepts"), _("Score"), _("Language"), _("State")]
        )
        if proposal is None:
            return
        bold = QFont()
        bold.setBold(True)
        for group in proposal.groups:
            mentor = group.mentor
            capacity = _("{taken} of {places} places").format(
                taken=len(group.adepts), places=mentor.capacity
            )
            name = _cell(f"{mentor.name} ({capacity})", mentor.enrolment_id)
            name.setFont(bold)
            name.setData(group.group_id, GROUP_ID)
            language = languages.get_or_fallback(group.language).native_name
            state = _("accepted") if group.group_id else ""
            row = [
                name,
                _cell(str(group.score), mentor.enrolment_id),
                _cell(language, mentor.enrolment_id),
                _cell(state, mentor.enrolment_id),
            ]
            if group.language_note is not None:
                for cell in row:
                    cell.setToolTip(group.language_note.text)
            for cell in row[1:]:
                cell.setData(group.group_id, GROUP_ID)
            for placement in group.adepts:
                adept = placement.adept
                state = (
                    _("accepted")
                    if placement.accepted
                    else _("locked")
                    if placement.locked
                    else _("proposed")
                )
                cells = [
                    _cell(adept.name, mentor.enrolment_id, adept.enrolment_id),
                    _cell(str(placement.pair.score), mentor.enrolment_id, adept.enrolment_id),
                    _cell("", mentor.enrolment_id, adept.enrolment_id),
                    _cell(state, mentor.enrolment_id, adept.enrolment_id),
                ]
                tooltip = "\n".join(placement.pair.texts)
                for cell in cells:
                    cell.setToolTip(tooltip)
                    cell.setData(group.group_id, GROUP_ID)
                row[0].appendRow(cells)
            self.appendRow(row)
