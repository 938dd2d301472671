"""What every page of the main window has in common."""

from __future__ import annotations

from PySide6.QtWidgets import QStackedWidget, QWidget

from mentorapp.gui.context import AppContext


class Page(QWidget):
    """A page sets its fixed texts in retranslate_ui() and re-reads its data in refresh().

    Only the page on screen is refreshed; the others are refreshed when they are shown. Every
    page shows the programme and the round, so it follows their changes; a page that shows
    more connects those signals to ``on_change`` too.
    """

    stage_key: str = ""

    def __init__(self, context: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.context = context
        events = context.events
        for signal in (events.workspace_changed, events.programme_changed, events.cohorts_changed):
            signal.connect(self.on_change)

    def retranslate_ui(self) -> None:
        raise NotImplementedError

    def refresh(self) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        """Save anything typed but not yet written (called before the page is left or closed)."""

    def on_change(self, *_where: object) -> None:
        """Something this page shows changed: re-read it now if the page is on screen."""
        if self.on_screen():
            self.refresh()

    def on_screen(self) -> bool:
        """The page shown in the window's stack (one outside a stack, as in tests, counts)."""
        stack = self.parentWidget()
        return not isinstance(stack, QStackedWidget) or stack.currentWidget() is self


def page_on_screen(widget: QWidget) -> bool:
    """Whether the page holding ``widget`` is on screen, a tool in another tab of it included:
    a page refreshes all its tools when it is shown, so a tool on another page can wait."""
    holder: QWidget | None = widget
    while holder is not None and not isinstance(holder, Page):
        holder = holder.parentWidget()
    return holder is None or holder.on_screen()
