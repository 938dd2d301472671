"""A reminder opened in the coordinator's own mail program: its one ``mailto:`` link at once,
or, when it is too long for one, a note why and a button per part, opened one after the other.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.running.reminders import Draft


class MailParts(QGroupBox):
    """The parts of a draft. ``current`` drafts again from what is typed now and returns that
    draft (None when it cannot); ``opened`` says a draft went to the mail program, once per
    draft however many parts or presses."""

    opened = Signal()

    def __init__(self, current: Callable[[], Draft | None], parent: QWidget | None = None) -> None:
        super().__init__(_("Several messages"), parent)
        self.setObjectName("mailPartsBox")
        self._current = current
        self._opened: Draft | None = None  # the draft already opened in the mail program
        self.note = QLabel(wordWrap=True)
        self.buttons_row = QHBoxLayout()
        layout = QVBoxLayout(self)
        layout.addWidget(self.note)
        layout.addLayout(self.buttons_row)
        self.setVisible(False)
        self.buttons: list[QPushButton] = []

    def show_draft(self, draft: Draft | None) -> None:
        """A button per link when there are several, and a word when the text is shortened."""
        for button in self.buttons:
            self.buttons_row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        links = links_of(draft) if draft else []
        shortened = bool(draft and any(s.links.shortened for s in draft.shared))
        self.setVisible(len(links) > 1 or shortened)
        notes = []
        if len(links) > 1:
            notes.append(
                _(
                    "A mail program takes a limited number of addresses in one link, so "
                    "{n} messages will open, one after the other. Open them one by one:"
                ).format(n=len(links))
            )
        if shortened:
            notes.append(
                _(
                    "The text is too long for a link and is shortened in the mail program: "
                    "use “Copy the text” and paste it into the message."
                )
            )
        self.note.setText(" ".join(notes))
        if len(links) > 1:
            for number in range(1, len(links) + 1):
                button = QPushButton(
                    _("Open part {n} of {count}").format(n=number, count=len(links))
                )
                button.setObjectName(f"openPart{number}")
                button.setAutoDefault(False)
                button.clicked.connect(lambda _c=False, n=number: self._open_part(n))
                self.buttons_row.addWidget(button)
                self.buttons.append(button)
            self.buttons_row.addStretch(1)

    def open(self, draft: Draft) -> int:
        """Open the draft's one link at once; several wait for their buttons, shown now.
        Returns the number of links."""
        links = links_of(draft)
        if len(links) == 1:
            open_link(links[0])
            self._note_opened(draft)
        else:
            self.setVisible(True)
        return len(links)

    def _open_part(self, number: int) -> None:
        """Open part ``number`` of the draft as typed now."""
        draft = self._current()
        if draft is None:
            return
        links = links_of(draft)
        if not 1 <= number <= len(links):
            return
        open_link(links[number - 1])
        if number <= len(self.buttons):
            self.buttons[number - 1].setEnabled(False)  # so the next one is easy to find
        self._note_opened(draft)

    def _note_opened(self, draft: Draft) -> None:
        if self._opened is not draft:
            self._opened = draft
            self.opened.emit()


def links_of(draft: Draft) -> list[str]:
    """Every ``mailto:`` link of the draft, language by language."""
    return [link for shared in draft.shared for link in shared.links]


def open_link(link: str) -> None:
    """Hand one link, already percent-encoded, to the user's mail program as it is."""
    QDesktopServices.openUrl(QUrl.fromEncoded(QByteArray(link.encode("ascii"))))
