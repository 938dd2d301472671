"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from mentorapp.gui.context import AppContext


class Page(QWidget):
    """A page sets its fixed texts in retranslate_ui() and re-reads its data in refresh().

    Only the page on screen is refreshed; the others are refreshed when they are shown.
    """

    stage_key: str = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Save anything typed but not yet written (called before the page is left or closed)."""
