"""The database opens after the empty window's first paint, so the user sees the window first."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QWidget

from mentorapp import app


class PaintLog(QObject):
    def __init__(self, log: list[str]) -> None:
        super().__init__()
        self.log = log

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.log.append("paint")
        return False


def test_the_callback_runs_after_the_first_paint_and_only_once(qtbot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    log: list[str] = []
    watcher = PaintLog(log)
    window.installEventFilter(watcher)
    app.after_first_paint(window, lambda: log.append("open"))
    assert log == []
    window.show()
    qtbot.waitUntil(lambda: "open" in log)
    assert log.index("paint") < log.index("open")
    window.update()
    qtbot.wait(50)
    assert log.count("open") == 1


def test_a_window_that_never_paints_still_opens_its_file(qtbot, monkeypatch) -> None:
    monkeypatch.setattr(app, "FIRST_PAINT_WAIT_MS", 30)
    window = QWidget()  # never shown
    qtbot.addWidget(window)
    log: list[str] = []
    app.after_first_paint(window, lambda: log.append("open"))
    qtbot.waitUntil(lambda: log == ["open"], timeout=2000)
