"""Choosing files to save to, with the message the user needs when writing fails."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _, ngettext
from mentorapp.paths import safe_file_name

if TYPE_CHECKING:
    from mentorapp.domain.models import Cohort
    from mentorapp.workspace.services import Services


def ask_save_path(
    parent: QWidget, title: str, suggested: str, file_filter: str, suffix: str = ""
) -> Path | None:
    """The file to write. With ``suffix`` ("pdf"), a name typed without it gets it, and a
    file that then exists is only replaced after the user said yes (the dialog asked about
    the name without the suffix)."""
    start = str(Path.home() / suggested)
    chosen, _selected = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    if not chosen:
        return None
    path = Path(chosen)
    if suffix and path.suffix.lower() != f".{suffix}":
        path = path.with_name(f"{path.name}.{suffix}")
        if path.exists() and not _replace_ok(parent, path):
            return None
    return path


def _replace_ok(parent: QWidget, path: Path) -> bool:
    answer = QMessageBox.question(
        parent,
        _("Replace the file?"),
        _("“{name}” already exists. Do you want to replace it?").format(name=path.name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return answer == QMessageBox.StandardButton.Yes


def export_participants(parent: QWidget, services: Services, cohort: Cohort, role: str) -> None:
    from mentorapp.dataio.participants_csv import write_participants_csv

    who = _("adepts") if role == "adept" else _("mentors")
    path = ask_save_path(
        parent,
        _("Export participants"),
        safe_file_name(f"{cohort.name} {who}.csv"),
        _("CSV files (*.csv)"),
    )
    if path is None:
        return
    try:
        count = write_participants_csv(services.database, cohort.name, role, path)
    except MentorappError as error:
        show_error(parent, error)
        return
    QMessageBox.information(
        parent,
        _("Export finished"),
        ngettext(
            "Saved {count} person to {path}.", "Saved {count} people to {path}.", count
        ).format(count=count, path=path),
    )
