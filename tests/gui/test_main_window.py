from datetime import date
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton

from mentorapp.gui.dialogs.cohort_dialog import CohortDialog
from mentorapp.gui.dialogs.programme_dialog import ProgrammeDialog
from mentorapp.gui.models.navigator_model import OVERVIEW_KEY
from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGES
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from tests.gui.conftest import close

pytestmark = pytest.mark.gui


def test_navigating_every_stage_with_the_keyboard(open_window, db_path, cohort, qtbot) -> None:
    window = open_window(db_path)
    assert window.current_key() == OVERVIEW_KEY
    for stage in STAGES:
        qtbot.keyClick(window, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
        page = window.stack.currentWidget()
        assert isinstance(page, StagePage) and page.stage_key == stage.key
        assert page.title_label.text() == stage.title
        assert page.purpose_label.text() == load_guide("en")[stage.key].purpose
        assert window.navigator.currentIndex().data() == f"{STAGES.index(stage) + 1}. {stage.title}"
    qtbot.keyClick(window, Qt.Key.Key_PageUp, Qt.KeyboardModifier.ControlModifier)
    assert window.current_key() == STAGES[-2].key


def test_clicking_in_the_navigator_opens_the_stage(open_window, db_path, cohort) -> None:
    window = open_window(db_path)
    window.navigator.setCurrentIndex(window.navigator_model.index_for("matching"))
    assert window.current_key() == "matching"


def test_ticking_an_item_survives_a_restart(open_window, db_path, cohort, qtbot) -> None:
    window = open_window(db_path)
    window.show_stage("selection")
    panel = window.pages["selection"].checklist
    panel.table.setFocus()
    qtbot.keyClick(panel.table, Qt.Key.Key_Space)
    assert panel.rows()[0].done
    assert window.pages["selection"].progress.value() == 1
    panel.note_edit.setFocus()
    panel.note_edit.insertPlainText("Intervjuer med Łukasz och Åsa")  # QTest types ASCII only
    close(window)  # the note is saved on close even before the typing pause ends

    reopened = open_window(db_path)
    reopened.show_stage("selection")
    row = reopened.pages["selection"].checklist.rows()[0]
    assert row.done and row.done_on == date.today()
    assert row.note == "Intervjuer med Łukasz och Åsa"
    assert reopened.navigator_model.index_for("selection").siblingAtColumn(1).data() == "1/4"


def test_adding_an_own_item(open_window, db_path, cohort, qtbot) -> None:
    window = open_window(db_path)
    window.show_stage("kickoff")
    panel = window.pages["kickoff"].checklist
    before = len(panel.rows())
    qtbot.keyClicks(panel.add_edit, "Boka lokal ")
    panel.add_edit.insert("för uppstarten")
    qtbot.keyClick(panel.add_edit, Qt.Key.Key_Return)
    rows = panel.rows()
    assert len(rows) == before + 1 and rows[-1].own
    assert panel.remove_button.isEnabled()
    assert panel.add_edit.text() == ""


def test_creating_a_round_from_the_window(open_window, db_path, programme, monkeypatch) -> None:
    window = open_window(db_path)
    draft = CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 20), date(2027, 8, 1))
    monkeypatch.setattr(CohortDialog, "ask", classmethod(lambda cls, *a: (draft, True)))
    window.new_round()
    assert window.round_combo.currentText() == "Höst 2027"
    assert window.context.cohort.name == "Höst 2027"
    assert "Höst 2027" in window.navigator_model.item(2).text()


def test_round_dialog_explains_a_bad_round_and_stays_open(qtbot) -> None:
    dialog = CohortDialog(None, ["Vår 2027"], 4)
    qtbot.addWidget(dialog)
    dialog.name.setText("vår 2027")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.error_label.isVisibleTo(dialog)
    assert "already a round called" in dialog.error_label.text()
    assert dialog.result() == 0
    dialog.name.setText("Höst 2027")
    dialog.end.setDate(dialog.start.date().addDays(-1))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert "must end after it starts" in dialog.error_label.text()
    dialog.end.setDate(dialog.start.date().addMonths(4))
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert dialog.result() == CohortDialog.DialogCode.Accepted


def test_creating_the_programme_from_the_welcome(open_window, db_path, monkeypatch) -> None:
    window = open_window(db_path)
    overview = window.pages[OVERVIEW_KEY]
    assert overview.stack.currentIndex() == 0
    draft = ProgrammeDraft("Fackförbundet Akademikerna", "Mentor för nya kollegor")
    monkeypatch.setattr(ProgrammeDialog, "ask", classmethod(lambda cls, *a: draft))
    overview.create_programme_button.click()
    assert overview.stack.currentIndex() == 1
    assert overview.programme_title.text() == "Mentor för nya kollegor"
    assert "Mentor för nya kollegor" in window.windowTitle()


def test_language_switch_changes_visible_texts_live(open_window, db_path, cohort) -> None:
    window = open_window(db_path, language="en")
    window.show_stage("recruitment")
    page = window.pages["recruitment"]
    assert window.menus["file"].title() == "&File"
    assert page.title_label.text() == "Recruitment"
    window.apply_language("sv")
    assert window.menus["file"].title() == "&Arkiv"
    assert page.title_label.text() == "Rekrytering"
    assert page.purpose_label.text() == load_guide("sv")["recruitment"].purpose
    assert page.checklist.rows()[0].text == load_guide("sv")["recruitment"].items[0].text
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Avbryt"
    window.apply_language("en")
    assert page.title_label.text() == "Recruitment"
    assert window.context.settings.language == "en"


def test_language_choice_is_remembered(open_window, db_path, cohort) -> None:
    window = open_window(db_path, language=None)
    window.apply_language("sv")
    close(window)
    again = open_window(db_path, language=None)
    assert again.menus["file"].title() == "&Arkiv"


def test_window_size_is_remembered(open_window, db_path, programme) -> None:
    window = open_window(db_path)
    window.resize(1250, 790)
    close(window)
    again = open_window(db_path)
    assert (again.width(), again.height()) == (1250, 790)


def test_f1_opens_help_for_the_current_stage(open_window, db_path, cohort, monkeypatch, qtbot):
    shown = []
    from mentorapp.gui.dialogs import help_dialog

    monkeypatch.setattr(help_dialog.HelpDialog, "exec", lambda self: shown.append(self))
    window = open_window(db_path)
    window.show_stage("matching")
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert shown and shown[0].windowTitle() == "Help: Matching"
    assert load_guide("en")["matching"].help.split("\n\n")[0][:40] in shown[0].browser.toPlainText()


def test_round_stages_without_a_round_offer_to_create_one(open_window, db_path, programme):
    window = open_window(db_path)
    window.show_stage("matching")
    page = window.pages["matching"]
    assert page.body_stack.currentIndex() == 1
    assert page.new_round_button.isVisibleTo(window)


def test_demo_mode_leaves_the_real_database_alone(open_window, tmp_path: Path) -> None:
    from mentorapp.paths import default_database_path

    window = open_window(None, demo=True)
    assert window.windowTitle().startswith("Demo:")
    assert window.demo_label.isVisibleTo(window)
    assert window.context.services.database.path != default_database_path()
    assert window.context.services.info().adepts > 50
    window.show_stage("idea")
    assert all(row.done for row in window.pages["idea"].checklist.rows())
    assert not default_database_path().exists()


def test_buttons_have_accessible_names(open_window, db_path, cohort) -> None:
    window = open_window(db_path)
    for key, page in window.pages.items():
        for button in page.findChildren(QPushButton):
            assert button.text() or button.accessibleName(), (key, button.objectName())


def test_first_start_speaks_swedish_on_a_swedish_system(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    code = "from mentorapp.app import first_start_language as f; print(f())"
    for system, expected in (("sv_SE.UTF-8", "sv"), ("de_DE.UTF-8", "en"), ("C", "en")):
        env = {**os.environ, "LANG": system, "LC_ALL": system}
        result = subprocess.run(
            [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
        )
        assert result.stdout.strip() == expected, system


def test_programme_dialog_takes_a_logo(qtbot, tmp_path, monkeypatch) -> None:
    from PySide6.QtGui import QImage
    from PySide6.QtWidgets import QFileDialog

    logo = tmp_path / "logo.png"
    image = QImage(40, 20, QImage.Format.Format_RGB32)
    image.fill(0)
    image.save(str(logo))
    dialog = ProgrammeDialog(None)
    qtbot.addWidget(dialog)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(logo), ""))
    dialog.logo_button.click()
    assert dialog.draft().logo == logo.read_bytes()
    assert not dialog.logo_preview.pixmap().isNull()
    dialog.remove_logo.click()
    assert dialog.draft().logo is None
