import re

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from mentorapp import __version__
from mentorapp.app import open_workspace
from mentorapp.gui.dialogs import guide_dialog, welcome_dialog
from mentorapp.gui.dialogs.about_dialog import about_html
from mentorapp.gui.dialogs.guide_dialog import GuideDialog, load_sections
from mentorapp.paths import resource_path

pytestmark = pytest.mark.gui


def test_welcome_creates_my_programme(open_window, db_path, monkeypatch) -> None:
    def fill_and_create(dialog) -> int:
        dialog.language.setCurrentIndex(dialog.language.findData("sv"))
        dialog.organisation.setText("Fackförbundet Akademikerna")
        dialog.name.setText("Mentor för nya kollegor")
        dialog.create_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(welcome_dialog.WelcomeDialog, "exec", fill_and_create)
    window = open_window(db_path, language="en")
    window.welcome()
    assert window.context.programme.name == "Mentor för nya kollegor"
    assert window.context.programme.default_language == "sv"
    assert window.menus["file"].title() == "&Arkiv"  # the language chosen in the welcome


def test_welcome_asks_again_for_missing_names(qtbot) -> None:
    dialog = welcome_dialog.WelcomeDialog(lambda language: None)
    qtbot.addWidget(dialog)
    dialog.organisation.setText("Broar")
    dialog.create_button.click()
    assert dialog.choice is None and dialog.error.isVisibleTo(dialog)
    assert "name" in dialog.error.text().lower()


def test_welcome_can_explore_the_demo(open_window, db_path, monkeypatch) -> None:
    def explore(dialog) -> int:
        dialog.demo_button.click()
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(welcome_dialog.WelcomeDialog, "exec", explore)
    window = open_window(db_path)
    window.welcome()
    assert window.context.demo and window.windowTitle().startswith("Demo:")
    assert window.context.services.info().adepts > 50
    assert window.context.services.database.path != db_path
    mine = open_workspace(db_path, demo=False)  # the lock on the real file was released
    assert mine.services.info().programmes == 0
    mine.close()


def test_no_welcome_when_there_is_a_programme(open_window, db_path, programme, monkeypatch):
    shown = []
    monkeypatch.setattr(welcome_dialog.WelcomeDialog, "exec", lambda d: shown.append(d))
    window = open_window(db_path)
    window.welcome()
    assert shown == []


def test_the_user_guide_in_both_languages() -> None:
    english, swedish = load_sections("en"), load_sections("sv")
    keys = [s.key for s in english]
    assert keys == [s.key for s in swedish]
    assert {"start", "recruitment", "matching", "workbooks", "backups", "privacy"} <= set(keys)
    for language, sections in (("en", english), ("sv", swedish)):
        for section in sections:
            for image in re.findall(r"!\[[^\]]*\]\(([^)]+)\)", section.markdown):
                assert (resource_path("help", language) / image).resolve().is_file(), image


def test_shift_f1_opens_the_guide_at_the_stage(open_window, db_path, cohort, monkeypatch, qtbot):
    opened = []
    monkeypatch.setattr(guide_dialog.GuideDialog, "exec", lambda d: opened.append(d))
    window = open_window(db_path)
    window.show_stage("matching")
    qtbot.keyClick(window, Qt.Key.Key_F1, Qt.KeyboardModifier.ShiftModifier)
    assert opened and opened[0].list.currentIndex().data(guide_dialog.KEY_ROLE) == "matching"
    assert "Propose" in opened[0].browser.toPlainText()


def test_guide_dialog_shows_a_section(qtbot) -> None:
    dialog = GuideDialog("backups")
    qtbot.addWidget(dialog)
    assert dialog.contents.rowCount() >= 8
    assert dialog.browser.toPlainText().strip()


def test_about_lists_the_version_and_licences() -> None:
    html = about_html()
    assert __version__ in html
    for name in ("PySide6", "ReportLab", "SciPy", "DejaVu", "LGPL-3.0", "Bitstream"):
        assert name in html, name
