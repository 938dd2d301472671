"""GUI composition root: settings → language → database → services → window.

The window is built and shown before anything slow that is not needed for the first paint.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from mentorapp import __version__
from mentorapp.errors import MentorappError
from mentorapp.i18n import _, normalise_language, set_language
from mentorapp.paths import default_database_path, resource_path


def first_start_language() -> str:
    """Swedish when the operating system is set to Swedish, English otherwise."""
    return normalise_language(QLocale.system().name())


def _application() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mentorapp")
    app.setApplicationDisplayName("Mentorapp")
    app.setApplicationVersion(__version__)
    app.setOrganizationName("Mentorapp")
    icon = resource_path("icons", "mentorapp.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    return app


def open_services(database: Path | None, demo: bool, workdir: Path | None = None):  # noqa: ANN201
    """Open the user's database, another file, or a fresh demo copy in a temporary folder."""
    from mentorapp.services import Services

    if demo:
        from mentorapp.demo import write_demo

        folder = workdir or Path(tempfile.mkdtemp(prefix="mentorapp-demo-"))
        services = Services.open(folder / "demo.db")
        write_demo(services.database)
        return services
    return Services.open(database or default_database_path())


def build_window(database: Path | None, demo: bool, language: str | None):  # noqa: ANN201
    """Everything run_gui does except the event loop, so tests and benchmarks can drive it."""
    from mentorapp.gui.context import AppContext
    from mentorapp.gui.events import AppEvents
    from mentorapp.gui.main_window import MainWindow
    from mentorapp.gui.qt_translation import install_qt_translations
    from mentorapp.settings import load_settings

    _application()
    settings = load_settings()
    chosen = language or settings.language or first_start_language()
    if settings.language is None:
        settings.language = chosen
    set_language(chosen)
    install_qt_translations(chosen)
    services = open_services(database, demo)
    context = AppContext(services=services, events=AppEvents(), settings=settings, demo=demo)
    return MainWindow(context)


def run_gui(database: Path | None = None, language: str | None = None, demo: bool = False) -> int:
    app = _application()
    try:
        window = build_window(database, demo, language)
    except MentorappError as error:
        QMessageBox.critical(None, error.user_title(), error.user_message())
        return 2
    window.show()
    try:
        return app.exec()
    finally:
        window.context.services.close()
