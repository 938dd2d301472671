"""A person's rights: a copy of everything stored about them, and erasure."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from mentorapp.errors import MentorappError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import _, ngettext

if TYPE_CHECKING:
    from mentorapp.workspace.services import Services


def export_person(parent: QWidget, services: Services, person_id: int, name: str) -> list[Path]:
    folder = QFileDialog.getExistingDirectory(
        parent, _("Where should the copy of {name}'s data go?").format(name=name), str(Path.home())
    )
    if not folder:
        return []
    try:
        files = list(services.privacy.export_person(person_id, Path(folder)))
    except (MentorappError, OSError) as error:
        _report(parent, error)
        return []
    QMessageBox.information(
        parent,
        _("Copy of personal data saved"),
        _(
            "Everything Mentorapp stores about {name} is in:\n{files}\n\nThe .json file is for "
            "computers, the .txt file for people. Send it to {name} in a safe way."
        ).format(name=name, files="\n".join(path.name for path in files)),
    )
    return files


def erase_people(
    parent: QWidget, services: Services, person_ids: list[int], names: list[str]
) -> bool:
    """Ask, erase in one go, and say what still holds the data (older copies, exports)."""
    shown = ", ".join(names[:5]) + (" …" if len(names) > 5 else "")
    answer = QMessageBox.question(
        parent,
        _("Erase personal data"),
        ngettext(
            "Erase {names} for good? The name, e-mail and every other personal detail "
            "are removed from Mentorapp; the round's statistics keep an anonymous entry. "
            "This cannot be undone.",
            "Erase {n} people for good ({names})? Names, e-mails and every other personal "
            "detail are removed from Mentorapp; the rounds' statistics keep anonymous "
            "entries. This cannot be undone.",
            len(person_ids),
        ).format(n=len(person_ids), names=shown),
    )
    if answer != QMessageBox.StandardButton.Yes:
        return False
    try:
        report = services.privacy.erase_due(person_ids)
    except MentorappError as error:
        show_error(parent, error)
        return False
    message = ngettext(
        "{n} person was erased.", "{n} people were erased.", len(report.person_ids)
    ).format(n=len(report.person_ids))
    if report.safety_copies:
        answer = QMessageBox.question(
            parent,
            _("Older safety copies"),
            ngettext(
                "{n} older safety copy still holds their data. Delete it now? A new safety "
                "copy without them is made first.",
                "{n} older safety copies still hold their data. Delete them now? A new safety "
                "copy without them is made first.",
                report.safety_copies,
            ).format(n=report.safety_copies),
        )
        if answer == QMessageBox.StandardButton.Yes:
            try:
                services.privacy.erase_from_safety_copies(report)
            except MentorappError as error:
                show_error(parent, error)
        else:
            message += "\n\n" + _("The older safety copies go as new ones replace them.")
    message += "\n\n" + _(
        "CSV backups and exports made earlier still hold the data: delete them wherever you "
        "keep them."
    )
    QMessageBox.information(parent, _("Erased"), message)
    return True


def _report(parent: QWidget, error: Exception) -> None:
    if isinstance(error, MentorappError):
        show_error(parent, error)
    else:
        QMessageBox.warning(
            parent,
            _("The copy could not be saved"),
            _("{detail}. Choose another folder and try again.").format(
                detail=getattr(error, "strerror", None) or error
            ),
        )
