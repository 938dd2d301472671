import zipfile
from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog, QMessageBox

from mentorapp.app import open_workspace
from mentorapp.db.lock import DatabaseInUse
from mentorapp.gui.dialogs import backups_dialog, privacy_actions
from mentorapp.gui.dialogs.backups_dialog import BackupsDialog
from mentorapp.gui.dialogs.retention_dialog import RetentionDialog
from mentorapp.programme.programmes import ProgrammeDraft

pytestmark = pytest.mark.gui


@pytest.fixture
def quiet(monkeypatch):
    """Answer yes to questions and collect the messages the user would read."""
    said = []
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda _p, title, text, *a, **k: said.append(text))
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    monkeypatch.setattr(backups_dialog, "show_error", lambda _p, e: said.append(e.user_message()))
    monkeypatch.setattr(privacy_actions, "show_error", lambda _p, e: said.append(e.user_message()))
    return said


def demo_file(tmp_path: Path) -> Path:
    from mentorapp.cli import main

    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


def test_backup_export_and_restore_in_the_window(open_window, tmp_path, qtbot, quiet) -> None:
    window = open_window(demo_file(tmp_path))
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    backup = tmp_path / "backup.zip"
    assert dialog.export_to(backup)
    assert zipfile.ZipFile(backup).namelist()
    services = window.context.services
    before = services.info()
    # Restoring over a file with data asks first; "no" leaves it alone.
    assert not dialog.restore_from(backup, confirm=lambda question: False)
    assert dialog.restore_from(backup, confirm=lambda question: True)
    assert services.info() == before
    assert any("safety copy" in text for text in quiet)


def test_a_damaged_backup_is_refused(open_window, tmp_path, qtbot, quiet) -> None:
    window = open_window(demo_file(tmp_path))
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    backup = tmp_path / "backup.zip"
    dialog.export_to(backup)
    damaged = tmp_path / "damaged.zip"
    with zipfile.ZipFile(backup) as source, zipfile.ZipFile(damaged, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            if name.startswith("person"):
                data = data.replace(b"@example", b"@exampel", 1)
            target.writestr(name, data)
    before = window.context.services.info()
    assert not dialog.restore_from(damaged, confirm=lambda question: True)
    assert window.context.services.info() == before
    assert any("checksum" in text.lower() or "changed" in text.lower() for text in quiet)


def test_safety_copies_are_listed_and_restored(open_window, tmp_path, qtbot, quiet) -> None:
    window = open_window(demo_file(tmp_path))
    dialog = BackupsDialog(window.context, window)
    qtbot.addWidget(dialog)
    assert dialog.copies.rowCount() >= 1  # the first start of the day made one
    programme = window.context.programme
    dialog.make_copy()
    copies = dialog.copies.rowCount()
    rename = ProgrammeDraft(programme.organisation, "Ett nytt namn")
    window.context.services.programmes.save_programme(rename, programme.id)
    newest = Path(dialog.copies.item(0, 0).data(backups_dialog.COPY_PATH))
    dialog.go_back_to(newest)
    assert window.context.programme.name == programme.name
    assert dialog.copies.rowCount() >= copies


def test_a_second_mentorapp_gets_read_only(open_window, tmp_path) -> None:
    path = demo_file(tmp_path)
    window = open_window(path)
    with pytest.raises(DatabaseInUse) as busy:
        open_workspace(path, demo=False)
    assert "another Mentorapp" in busy.value.user_title()
    viewer = open_workspace(path, demo=False, read_only=True)
    assert viewer.read_only and viewer.services.info().adepts > 0
    viewer.close()
    assert window.workspace.lock is not None


def test_erasing_a_person_from_the_applications(open_window, tmp_path, qtbot, quiet) -> None:
    window = open_window(demo_file(tmp_path))
    window.show_stage("selection")
    panel = window.pages["selection"]._tools[0][0]
    person = panel.editor.row()
    panel.erase_person()
    raw = Path(window.context.services.database.path).read_bytes()
    assert person.email.encode() not in raw
    copies = window.workspace.safety.list()  # older copies were deleted on the user's yes
    assert copies and all(person.email.encode() not in c.path.read_bytes() for c in copies)
    assert person.email not in {row.email for row in panel.model.all_rows()}


def test_exporting_a_person_writes_json_and_text(open_window, tmp_path, quiet, monkeypatch):
    window = open_window(demo_file(tmp_path))
    window.show_stage("selection")
    panel = window.pages["selection"]._tools[0][0]
    folder = tmp_path / "copy"
    folder.mkdir()
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *a, **k: str(folder))
    panel.export_person_data()
    suffixes = sorted(path.suffix for path in folder.iterdir())
    assert suffixes == [".json", ".txt"]
    text_file = next(path for path in folder.iterdir() if path.suffix == ".txt")
    assert panel.editor.row().email in text_file.read_text("utf-8")


def test_retention_lists_and_erases(open_window, tmp_path, qtbot, quiet) -> None:
    window = open_window(demo_file(tmp_path))
    services = window.context.services
    due = services.privacy.due_for_erasure(1)  # everyone from the finished round
    assert due
    dialog = RetentionDialog(services, 1, window)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == len(due)
    dialog.erase()
    assert services.privacy.due_for_erasure(1) == []
    assert dialog.model.rowCount() == 0
