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


def ask_save_path(parent: QWidget, title: str, suggested: str, file_filter: str) -> Path | None:
    start = str(Path.home() / suggested)
    chosen, _selected = QFileDialog.getSaveFileName(parent, title, start, file_filter)
    return Path(chosen) if chosen else None


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
