"""Qt's own translations, so standard buttons and dialogs speak the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from mentorapp.domain import languages

_installed: list[QTranslator] = []


def install_qt_translations(language: str) -> bool:
    """Swap Qt's catalog and locale for ``language``'s row of the language table; True when a
    catalog was found (English needs none)."""
    app = QCoreApplication.instance()
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    row = languages.get_or_fallback(language)
    QLocale.setDefault(QLocale(row.qt_locale))
    if row.qt_catalog is None:
        return True
    translator = QTranslator(app)
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(row.qt_catalog, folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return True
    return False
