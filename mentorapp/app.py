"""GUI composition root: settings → language → window → database → services.

The window appears before the database layer (SQLAlchemy, the slowest import) is loaded, and
fills in a moment later; tests and tools that need it complete use build_window().
"""

from __future__ import annotations

import logging
import sys
import tempfile
import traceback
from collections.abc import Callable
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QThreadPool, QTimer
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from mentorapp import __version__
from mentorapp.errors import MentorappError
from mentorapp.gui.workers import stop_jobs
from mentorapp.i18n import _, normalise_language, set_language
from mentorapp.paths import default_database_path, resource_path

_log = logging.getLogger(__name__)


def first_start_language() -> str:
    """Swedish when the operating system is set to Swedish, English otherwise."""
    return normalise_language(QLocale.system().name())


def _application() -> QApplication:
    from mentorapp.gui.pyside_bugs import keep_none_alive, keep_true_alive, quick_feature_check

    keep_true_alive()  # PySide6 6.12.0's emit() would crash the quit after a long session
    keep_none_alive()  # … and its methods returning nothing would free None itself
    quick_feature_check()  # its import hook would re-read the source of every later module
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mentorapp")
    app.setApplicationDisplayName("Mentorapp")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Mentorapp")
    app.setDesktopFileName("mentorapp")  # Wayland docks match the window to the menu entry
    icon = resource_path("icons", "mentorapp.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    from mentorapp.gui.wheel_guard import install_wheel_guard

    install_wheel_guard(app)  # the wheel scrolls forms instead of changing unfocused fields
    from mentorapp.gui.main_thread_gc import collect_in_the_gui_thread

    collect_in_the_gui_thread(app)  # never destroy a widget in a worker thread
    return app


def open_workspace(
    database: Path | None, demo: bool, read_only: bool = False, create: bool = True
):
    """Open the user's database, another file, or a fresh demo copy in a temporary folder."""
    from mentorapp.workspace.services import Services
    from mentorapp.workspace.settings import adopt_content_beside, load_settings
    from mentorapp.workspace.workspace import Workspace

    if demo:
        from mentorapp.demo.writer import write_demo

        folder = Path(tempfile.mkdtemp(prefix="mentorapp-demo-"))
        services = Services.open(folder / "demo.db")
        write_demo(services.database)
        return Workspace.temporary(services, folder)  # the folder goes when the demo does
    keep = load_settings().safety_copies_keep
    if database is None:  # Mentorapp's own data folder is ours to make; a named one is not
        from mentorapp.db.files import private_folder

        database = default_database_path()
        private_folder(database.parent)
    workspace = Workspace.open(database, keep=keep, read_only=read_only, create=create)
    adopt_content_beside(load_settings(), database)  # content an earlier version kept there
    return workspace


def empty_window(demo: bool, language: str | None):
    """The main window in the user's language, before any database is open."""
    from mentorapp.gui.context import AppContext
    from mentorapp.gui.events import AppEvents
    from mentorapp.gui.main_window import MainWindow
    from mentorapp.gui.qt_translation import install_qt_translations
    from mentorapp.workspace.settings import load_settings

    _application()
    settings = load_settings()
    chosen = language or settings.language or first_start_language()
    if settings.language is None:
        settings.language = chosen
    set_language(chosen)
    install_qt_translations(chosen)
    return MainWindow(AppContext(events=AppEvents(), settings=settings, demo=demo))


def build_window(database: Path | None, demo: bool, language: str | None):
    """A main window with its database open: everything run_gui does but the event loop."""
    window = empty_window(demo, language)
    window.attach_workspace(open_workspace(database, demo))
    return window


def _report_unexpected(window: QWidget) -> None:
    """A bug must not vanish into a console nobody sees: say so, and that saved work is safe."""

    def hook(
        kind: type[BaseException], error: BaseException, trace: TracebackType | None
    ) -> None:
        _log.error("unexpected error in the window", exc_info=(kind, error, trace))
        traceback.print_exception(kind, error, trace)
        QMessageBox.critical(
            window,
            _("Something unexpected went wrong"),
            _(
                "Mentorapp ran into an error it did not expect. Everything you saved before "
                "this is safe in the database. If it happens again, please tell us what you "
                "were doing and include this text:\n\n{error}"
            ).format(error="".join(traceback.format_exception_only(kind, error)).strip()),
        )

    sys.excepthook = hook


def run_gui(database: Path | None = None, language: str | None = None, demo: bool = False) -> int:
    if not demo:  # the file's page check runs while the window is built
        from mentorapp.db import precheck

        precheck.start(database or default_database_path())
    app = _application()
    window = empty_window(demo, language)
    _report_unexpected(window)
    window.show()
    _start_log()
    outcome = {"code": 0}

    def open_database() -> None:
        from mentorapp.db.lock import DatabaseInUse, LockUnavailable
        from mentorapp.db.opening import FileIsReadOnly

        try:
            try:
                # A file named with --db is opened, never made: a typo is not a new programme.
                workspace = open_workspace(database, demo, create=database is None)
            except (DatabaseInUse, FileIsReadOnly, LockUnavailable) as busy:
                if not _ask_read_only(window, busy):
                    raise
                workspace = open_workspace(database, demo, read_only=True)
            window.attach_workspace(workspace)
            from mentorapp.gui.main_thread_gc import settle_after_start

            settle_after_start(app)  # start-up's objects stay: no collection walks them again
            window.welcome()
        except MentorappError as error:
            trace = error if error.__cause__ is not None else None  # a wrapped driver's error
            _log.info("the window could not open its file: %s", _described(error), exc_info=trace)
            QMessageBox.critical(window, error.user_title(), error.user_message())
            outcome["code"] = 2
            window.close()

    after_first_paint(window, open_database)
    try:
        code = app.exec()
    finally:
        # Before the file closes: no worker thread may still use it or report. One that did
        # not stop in time is waited for: releasing the lock under a running write would let
        # a second Mentorapp in while it commits.
        if not stop_jobs():
            QThreadPool.globalInstance().waitForDone(-1)
        workspace = window.workspace
        if workspace is not None:
            try:
                workspace.close()
            except MentorappError as error:  # e.g. a full disk for the closing safety copy
                _log.warning("closing the file failed: %s", _described(error))
                print(f"{error.user_title()}: {error.user_message()}", file=sys.stderr)
        _delete_window(window)
    return outcome["code"] or code


class _FirstPaint(QObject):
    """Calls ``then`` once, just after the window's first paint (or after ``FIRST_PAINT_WAIT``
    if no paint comes, e.g. a window opened minimised)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_WAIT_MS, self._go)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._go)  # once this paint is on screen
        return False

    def _go(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self.parent().removeEventFilter(self)
            then()


FIRST_PAINT_WAIT_MS = 1000


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """Open the database once the empty window is on screen: the database layer's import is
    the slowest part of a start, and a user who sees the window knows the app is coming."""
    _FirstPaint(window, then)


def _start_log() -> None:
    """The log file, once the window is shown (setting it up costs a few milliseconds)."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtCore import qVersion

    from mentorapp.workspace.log import running_on, setup_logging

    setup_logging()
    _log.info(
        "Mentorapp %s: window (%s, Qt %s, PySide6 %s)",
        __version__,
        running_on(),
        qVersion(),
        pyside_version,
    )


def _described(error: BaseException) -> str:
    from mentorapp.workspace.log import describe

    return describe(error)


def _delete_window(window: QWidget) -> None:
    """Delete the window now, while QApplication and Python are alive, not during interpreter exit.

    The error hook holds the window, so it would otherwise outlive run_gui.
    """
    sys.excepthook = sys.__excepthook__
    window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def _ask_read_only(window: QWidget, busy: MentorappError) -> bool:
    """Another Mentorapp has the file: offer to look without changing anything."""
    box = QMessageBox(window)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(busy.user_title())
    box.setText(busy.user_message())
    box.setInformativeText(
        _("You can open it read-only to look at it; nothing can be changed or saved then.")
    )
    read_only = box.addButton(_("Open read-only"), QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    return box.clickedButton() is read_only
