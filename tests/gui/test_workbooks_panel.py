from pathlib import Path

import pytest
from PySide6.QtWidgets import QFileDialog

from mentorapp.gui.dialogs import workbook_content_dialog
from mentorapp.gui.dialogs.workbook_content_dialog import WorkbookContentDialog
from tests.gui.test_matching_board import accepted_round  # noqa: F401 - a fixture

pytestmark = pytest.mark.gui


@pytest.fixture
def accepted_groups(services, cohort, accepted_round):  # noqa: F811
    services.matching.accept(cohort.id, services.matching.propose(cohort.id))
    return services.matching.groups(cohort.id)


def panel_of(window):
    window.show_stage("kickoff")
    return window.pages["kickoff"]._tools[0][0]


def test_workbooks_are_written_for_the_ticked_groups(
    open_window, db_path, accepted_groups, tmp_path, qtbot
) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    assert panel.groups.rowCount() == len(accepted_groups) == 2
    panel.groups.item(1, 0).setCheckState(panel.groups.item(1, 0).checkState().Unchecked)
    panel.combined.setChecked(True)
    panel.write(tmp_path)
    qtbot.waitUntil(lambda: bool(panel.written), timeout=30_000)
    names = sorted(path.name for path in panel.written)
    assert len(names) == 2  # one group's workbook and the combined file
    assert all(path.suffix == ".pdf" and path.stat().st_size > 10_000 for path in panel.written)
    assert panel.files_model.rowCount() == 2 and panel.print_button.isEnabled()
    # The overview counts the printed workbooks: the ticked group's, not the other one's.
    counts = window.context.services.standing.counts(window.context.cohort.id)
    assert counts.groups == 2 and counts.workbooks_printed == 1


def test_no_groups_explains_what_to_do(open_window, db_path, cohort) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    assert panel.groups.rowCount() == 0
    assert "Matching stage" in panel.intro.text()
    assert not panel.write_button.isEnabled()


def test_edited_content_is_checked_before_it_is_used(qtbot, tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "content"
    dialog = WorkbookContentDialog(folder)
    qtbot.addWidget(dialog)
    exported = tmp_path / "workbook-sv.toml"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(exported), ""))
    dialog.export("sv")
    assert exported.is_file()

    broken = tmp_path / "broken.toml"
    broken.write_text(
        exported.read_text(encoding="utf-8").replace("[welcome]", "[welcome", 1), encoding="utf-8"
    )
    shown = []
    monkeypatch.setattr(workbook_content_dialog, "show_error", lambda _p, e: shown.append(e))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    dialog.load("sv")
    assert shown and "line" in shown[0].user_message().lower()
    assert not dialog.custom_file("sv").exists()

    edited = tmp_path / "edited.toml"
    edited.write_text(
        exported.read_text(encoding="utf-8").replace(
            'title = "Arbetsbok för mentorpar"', 'title = "Vår egen arbetsbok"'
        ),
        encoding="utf-8",
    )
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(edited), ""))
    dialog.load("sv")
    assert dialog.custom_file("sv").is_file()
    assert "edited version" in dialog.status["sv"].text()
    dialog.use_builtin("sv")
    assert not dialog.custom_file("sv").exists()


def test_each_group_can_have_its_own_language(
    open_window, db_path, accepted_groups, tmp_path, qtbot
) -> None:
    window = open_window(db_path)
    panel = panel_of(window)
    first = panel.view.indexWidget(panel.groups.index(0, 2))
    first.setCurrentIndex(first.findData("both"))
    second = panel.view.indexWidget(panel.groups.index(1, 2))
    second.setCurrentIndex(second.findData("en"))
    panel.combined.setChecked(True)
    panel.write(tmp_path)
    qtbot.waitUntil(lambda: bool(panel.written), timeout=60_000)
    names = sorted(path.name for path in panel.written)
    assert len(names) == 5  # group 1 in sv and en, group 2 in en, one combined file per language
    assert sum(name.endswith("_sv.pdf") for name in names) == 2
    assert sum(name.endswith("_en.pdf") for name in names) == 2
