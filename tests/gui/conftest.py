"""Build the real main window offscreen on a fresh database."""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.app import build_window
from mentorapp.gui.pyside_bugs import keep_none_alive, keep_true_alive

# The repairs the app makes before its first window, made before any test builds a widget.
keep_true_alive()
keep_none_alive()


@pytest.fixture
def open_window(qtbot):
    """Open a main window on a file; windows are closed (and settings saved) after the test."""
    opened = []

    def opener(path: Path, language: str | None = "en", demo: bool = False):
        window = build_window(path, demo, language)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        window.activateWindow()
        qtbot.waitUntil(window.isActiveWindow)
        opened.append(window)
        return window

    yield opener
    for window in opened:
        close(window)


def close(window) -> None:
    """Close as the app does on quit: save, make the closing safety copy, release the lock."""
    window.close()
    if window.workspace is not None and not getattr(window, "_closed_in_test", False):
        window.workspace.close()
        window._closed_in_test = True
