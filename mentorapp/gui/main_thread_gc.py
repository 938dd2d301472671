"""Python's cycle collector runs in the GUI thread only.

The collector starts in whichever thread happens to allocate when a threshold is reached. If
that is a worker (a matching proposal importing SciPy, a workbook being typeset) and the
garbage holds a widget in a reference cycle — a model keeping a bound method of its panel, a
lambda keeping its dialog — Qt destroys the widget in the worker thread and the process
dies with a segmentation fault. So the automatic collector is switched off and a timer in
the GUI thread collects as soon as the same thresholds are passed.

Once the window shows its file, what start-up made (modules, classes, the window) lives as
long as the app: ``settle()`` moves it out of the collector's sight (``gc.freeze``), so no
collection walks those hundreds of thousands of objects again.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

NAME = "mentorappMainThreadCollector"
INTERVAL_MS = 1000


class MainThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName(NAME)
        self._timer = QTimer(self, interval=INTERVAL_MS)
        self._timer.timeout.connect(self.collect_if_due)
        gc.disable()
        self._timer.start()

    def settle(self) -> None:
        """Start-up is over: what exists now stays for the session."""
        gc.freeze()

    def collect_if_due(self) -> int:
        """Collect the generations whose thresholds are passed, as the automatic collector
        would; returns the number of objects found unreachable."""
        counts, thresholds = gc.get_count(), gc.get_threshold()
        generation = -1
        for level in range(3):
            if counts[level] > thresholds[level]:
                generation = level
        return gc.collect(generation) if generation >= 0 else 0


def settle_after_start(app: QApplication) -> None:
    collector = app.findChild(MainThreadCollector, NAME)
    if collector is not None:
        collector.settle()


def collect_in_the_gui_thread(app: QApplication) -> MainThreadCollector:
    """Install once per application (tests build many windows in one)."""
    existing = app.findChild(MainThreadCollector, NAME)
    if existing is not None:
        return existing
    return MainThreadCollector(app)
