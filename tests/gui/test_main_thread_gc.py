"""A widget left in a reference cycle is destroyed in the GUI thread, never in a worker."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QApplication, QWidget

from mentorapp.app import _application
from mentorapp.gui.main_thread_gc import MainThreadCollector, collect_in_the_gui_thread


class Panel(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.callback = self.method  # panel → bound method → panel: only the collector frees it

    def method(self) -> None:
        """A callback a model would keep."""


def test_the_application_collects_in_the_gui_thread_only(qtbot) -> None:
    app = _application()
    assert isinstance(app.findChild(MainThreadCollector), MainThreadCollector)
    assert collect_in_the_gui_thread(app) is app.findChild(MainThreadCollector)  # once
    assert not gc.isenabled()

    destroyed_in: list[str] = []
    panel = Panel()
    panel.destroyed.connect(lambda: destroyed_in.append(threading.current_thread().name))
    alive = weakref.ref(panel)
    del panel

    def allocate() -> None:  # would have triggered the automatic collector here
        kept = [[] for _ in range(100_000)]
        assert len(kept) == 100_000

    worker = threading.Thread(target=allocate, name="worker")
    worker.start()
    worker.join()
    assert alive() is not None  # nothing was collected in the worker
    collector = app.findChild(MainThreadCollector)
    assert collector._timer.isActive()  # the GUI thread's collections come from its timer
    thresholds = gc.get_threshold()
    gc.set_threshold(1, 1, 1)  # every generation due: what the timer's next tick would see
    try:
        # Young generations first, then the older ones once their counts are passed too,
        # as the automatic collector would go (the panel may have been moved up already).
        for _ in range(20):
            kept = [[] for _ in range(10)]
            collector.collect_if_due()
            if alive() is None:
                break
        assert len(kept) == 10
    finally:
        gc.set_threshold(*thresholds)
    assert alive() is None
    assert destroyed_in in ([], [threading.main_thread().name])
    assert QApplication.instance() is app
