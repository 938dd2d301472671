"""Rewording the surveys in the GUI: export, a refused edit shows its place, a wording edit is
used, a kept copy that no longer fits says so, and the built-in wording can be restored."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QFileDialog

from mentorapp.gui.dialogs import workbook_content_dialog
from mentorapp.gui.dialogs.survey_content_dialog import SurveyContentDialog
from mentorapp.impact.survey_content import built_in_path, content_for


def test_surveys_are_exported_checked_and_loaded(qtbot, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "content"
    dialog = SurveyContentDialog(folder)
    qtbot.addWidget(dialog)
    assert dialog.objectName() == "surveyContentDialog"
    assert "built-in wording" in dialog.status["sv"].text()

    exported = tmp_path / "surveys-sv.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    dialog.export("sv")
    assert exported.read_bytes() == built_in_path("sv").read_bytes()

    changed_key = tmp_path / "changed.toml"
    changed_key.write_text(
        exported.read_text(encoding="utf-8").replace('key = "match_suited"', 'key = "match"'),
        encoding="utf-8",
    )
    shown: list = []
    monkeypatch.setattr(workbook_content_dialog, "show_error", lambda _p, e: shown.append(e))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(changed_key), ""))
    dialog.load("sv")
    assert shown and "surveys[1].items[7]" in shown[0].user_message()
    assert not dialog.custom_file("sv").exists()

    reworded = tmp_path / "reworded.toml"
    reworded.write_text(
        exported.read_text(encoding="utf-8").replace("Vad gör du just nu?", "Vad gör du nu?"),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(reworded), ""))
    dialog.load("sv")
    assert dialog.custom_file("sv") == folder / "surveys-sv.toml"
    assert "edited version is used" in dialog.status["sv"].text()
    status = content_for("sv", folder).content.survey("t2").item("status")
    assert status is not None and status.text == "Vad gör du nu?"

    dialog.grab().save(str(tmp_path / "dialog.png"))
    dialog.use_builtin("sv")
    assert not dialog.custom_file("sv").exists()
    assert "built-in wording" in dialog.status["sv"].text()


def test_an_english_file_is_not_taken_for_swedish(qtbot, tmp_path: Path, monkeypatch) -> None:
    dialog = SurveyContentDialog(tmp_path / "content")
    qtbot.addWidget(dialog)
    warned: list = []
    monkeypatch.setattr(
        workbook_content_dialog.QMessageBox, "warning", lambda *a, **k: warned.append(a)
    )
    monkeypatch.setattr(
        QFileDialog, "getOpenFileName", lambda *a, **k: (str(built_in_path("en")), "")
    )
    dialog.load("sv")
    assert warned and not dialog.custom_file("sv").exists()


def test_a_kept_copy_that_no_longer_fits_is_shown(qtbot, tmp_path: Path) -> None:
    folder = tmp_path / "content"
    folder.mkdir()
    text = built_in_path("en").read_text(encoding="utf-8")
    (folder / "surveys-en.toml").write_text(
        text.replace('    { key = "maybe", label = "Maybe" },\n', ""), encoding="utf-8"
    )
    dialog = SurveyContentDialog(folder)
    qtbot.addWidget(dialog)
    label = dialog.status["en"].text()
    assert "does not fit" in label and "maybe" in label and "surveys[3].items[8]" in label


def test_an_export_never_writes_over_a_programme_file(qtbot, tmp_path: Path, monkeypatch) -> None:
    programme = tmp_path / "programme.db"
    programme.write_bytes(b"SQLite format 3\x00" + b"\x00" * 100)
    before = programme.read_bytes()
    dialog = SurveyContentDialog(tmp_path / "content")
    qtbot.addWidget(dialog)
    shown: list = []
    monkeypatch.setattr(workbook_content_dialog, "show_error", lambda _p, e: shown.append(e))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(programme), ""))
    dialog.export("sv")
    assert shown and "programme file" in shown[0].user_message()
    assert programme.read_bytes() == before
