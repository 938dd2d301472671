"""Qt's own translations, so standard buttons and dialogs speak the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

_installed: list[QTranslator] = []


def install_qt_translations(language: str) -> bool:
    """Swap Qt's catalog for ``language``; True when a catalog was found (English needs none)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(
        QLocale(
            QLocale.Language.Swedish if language == "sv" else QLocale.Language.English,
            QLocale.Country.Sweden if language == "sv" else QLocale.Country.UnitedKingdom,
        )
    )
    if language == "en":
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{language}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False
