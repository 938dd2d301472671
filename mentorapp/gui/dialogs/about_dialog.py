"""About Mentorapp: the version, the licences of everything it is built from, and the way to
the diagnosis log (a coordinator whom support asks for it finds it here)."""

from __future__ import annotations

from html import escape
from importlib import metadata

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QMessageBox,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from mentorapp import __version__
from mentorapp.i18n import _
from mentorapp.paths import resource_path, user_log_dir

# (distribution on PyPI, shown name, licence) of what Mentorapp ships with.
COMPONENTS = (
    ("PySide6-Essentials", "Qt for Python (PySide6) and Qt", "LGPL-3.0"),
    ("SQLAlchemy", "SQLAlchemy", "MIT"),
    ("sqlmodel", "SQLModel", "MIT"),
    ("alembic", "Alembic", "MIT"),
    ("pydantic", "Pydantic", "MIT"),
    ("Babel", "Babel", "BSD-3-Clause"),
    ("platformdirs", "platformdirs", "MIT"),
    ("reportlab", "ReportLab", "BSD-3-Clause"),
    ("scipy", "SciPy", "BSD-3-Clause"),
    ("numpy", "NumPy", "BSD-3-Clause"),
    ("pypdfium2", "pypdfium2 and PDFium", "Apache-2.0 / BSD-3-Clause"),
)


def about_html() -> str:
    rows = []
    for distribution, name, licence in COMPONENTS:
        try:
            version = metadata.version(distribution)
        except metadata.PackageNotFoundError:
            version = "–"
        rows.append(f"<li>{escape(name)} {escape(version)} — {escape(licence)}</li>")
    font_licence = resource_path("fonts", "LICENSE-DejaVu.txt")
    font_text = font_licence.read_text(encoding="utf-8") if font_licence.is_file() else ""
    purpose = _(
        "Run a mentorship programme that pairs foreign-born academics with mentors from the "
        "Swedish labour market."
    )
    licence = _(
        "Mentorapp is free software under the GNU General Public License, version 3 or "
        "later. It makes no network connections: your data stays on this computer."
    )
    built_with = _("Built with")
    fonts = _("Fonts in the printed workbooks")
    fonts_licence = _("DejaVu Sans and DejaVu Serif, under the licence below.")
    return (
        f"<h2>Mentorapp {escape(__version__)}</h2>"
        f"<p>{escape(purpose)}</p><p>{escape(licence)}</p>"
        f"<h3>{escape(built_with)}</h3><ul>{''.join(rows)}</ul>"
        f"<h3>{escape(fonts)}</h3><p>{escape(fonts_licence)}</p>"
        f"<pre>{escape(font_text)}</pre>"
    )


class AboutDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(_("About Mentorapp"))
        self.browser = QTextBrowser(objectName="aboutText")
        self.browser.setAccessibleName(_("About Mentorapp"))
        self.browser.setHtml(about_html())
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.log_button = buttons.addButton(
            _("Open the log folder"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.log_button.setObjectName("openLogFolder")
        self.log_button.setAccessibleName(_("Open the log folder"))
        self.log_button.setAccessibleDescription(
            _("The folder of Mentorapp's diagnosis log, which holds no names or e-mail addresses")
        )
        self.log_button.clicked.connect(self.open_log_folder)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser)
        layout.addWidget(buttons)
        self.resize(620, 560)

    def open_log_folder(self) -> bool:
        """Show the log folder in the system's file manager; where that fails, say where it is."""
        folder = user_log_dir()
        opened = folder.is_dir() and QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))
        if not opened:
            QMessageBox.information(
                self,
                _("Open the log folder"),
                _("Mentorapp could not open the log folder. It is at “{folder}”.").format(
                    folder=folder
                ),
            )
        return opened

    @classmethod
    def show_for(cls, parent: QWidget | None) -> None:
        cls(parent).exec()
