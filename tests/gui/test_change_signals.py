"""Every write through the GUI announces what changed, and the views that show it follow.

Each test makes a change the way the user would (through the page or dialog that makes it)
and checks both the announcement and that a page which shows the change is current without
a hand-called reload. A page that is not on screen is left alone until it is shown.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from PySide6.QtWidgets import QInputDialog, QMessageBox

import mentorapp.gui
from mentorapp.gui.dialogs.cohort_dialog import CohortDialog
from mentorapp.gui.dialogs.programme_dialog import ProgrammeDialog
from mentorapp.gui.dialogs.settings_dialog import SettingsDialog
from mentorapp.gui.events import AppEvents
from mentorapp.gui.models.navigator_model import OVERVIEW_KEY
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from tests.demo_helpers import demo_round_names, forget_the_demo_groups

pytestmark = pytest.mark.gui


@pytest.fixture
def demo(tmp_path: Path) -> Path:
    from mentorapp.cli import main

    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    forget_the_demo_groups(path)  # these tests match the round themselves
    return path


@pytest.fixture
def yes(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    for name in ("information", "warning", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda *a, **k: None)


def tool(window, stage: str):
    return window.pages[stage]._tools[0][0]


def proposed(qtbot, board) -> None:
    qtbot.waitUntil(lambda: board._job is None and board.proposal is not None, timeout=20000)


# -- the programme and its rounds --------------------------------------------------------------


def test_editing_the_programme_updates_the_overview_and_title(
    open_window, demo, qtbot, monkeypatch
) -> None:
    window = open_window(demo)
    overview = window.pages[OVERVIEW_KEY]
    programme = window.context.programme
    draft = ProgrammeDraft(programme.organisation, "Broar 2027")
    monkeypatch.setattr(ProgrammeDialog, "ask", lambda *a, **k: draft)
    with qtbot.waitSignal(window.context.events.programme_changed):
        window.edit_programme()
    assert overview.programme_title.text() == "Broar 2027"
    assert window.windowTitle().startswith("Broar 2027")


def test_changing_a_round_in_the_round_dialog_updates_the_overview(
    open_window, demo, qtbot, monkeypatch
) -> None:
    window = open_window(demo)
    overview = window.pages[OVERVIEW_KEY]
    cohort = window.context.cohort
    draft = CohortDraft("Hösten 2026", cohort.start, cohort.end, cohort.application_deadline)
    monkeypatch.setattr(CohortDialog, "ask", lambda *a, **k: (draft, True))
    with qtbot.waitSignal(window.context.events.cohorts_changed) as announced:
        window.edit_round()
    assert announced.args == [window.context.programme.id]
    assert overview.round_name.text() == "Hösten 2026"  # no reload by hand
    assert window.round_combo.currentText() == "Hösten 2026"


def test_choosing_another_round_updates_the_page_on_screen(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    window.show_stage("selection")
    panel = tool(window, "selection")
    shown = {row.cohort_id for row in panel.model.all_rows()}
    finished, _running = demo_round_names()
    other = window.round_combo.findText(finished)
    with qtbot.waitSignal(window.context.events.cohorts_changed):
        window._round_chosen(other)
    assert window.context.cohort.name == finished
    now = {row.cohort_id for row in panel.model.all_rows()}
    assert now == {window.context.cohort.id} and now != shown
    assert finished in window.pages["selection"].scope_label.text()


# -- checklists, criteria, partners -----------------------------------------------------------


def test_ticking_a_checklist_item_updates_the_overview_on_screen(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    overview = window.pages[OVERVIEW_KEY]
    done = overview.share_bar.value()
    checklist = window.pages["kickoff"].checklist  # its page is not on screen
    checklist.refresh()
    item = checklist.rows()[0]
    with qtbot.waitSignal(window.context.events.checklist_changed) as announced:
        checklist._toggle_row(0, not item.done)
    assert announced.args == ["kickoff"]
    assert overview.share_bar.value() == done + (-1 if item.done else 1)


def test_a_new_criterion_reaches_the_applications_on_screen(
    open_window, demo, qtbot, monkeypatch
) -> None:
    window = open_window(demo)
    window.show_stage("selection")
    panel = tool(window, "selection")
    role = panel.editor.row().role
    side = next(s for s in tool(window, "purpose").sides if s.role == role)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Has a bicycle", True))
    with qtbot.waitSignal(window.context.events.criteria_changed):
        side.add()
    model = panel.confirmations.model
    assert "Has a bicycle" in [model.item(r).text() for r in range(model.rowCount())]


def test_renaming_a_partner_reaches_the_applications_on_screen(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    window.show_stage("selection")
    panel = tool(window, "selection")
    mentor = next(r for r in panel.model.all_rows() if r.role == "mentor" and r.employer)
    panel._select(mentor.enrolment_id)
    partners = tool(window, "anchoring")  # its page is not on screen
    partners.refresh()
    row = next(
        r
        for r in range(partners.model.rowCount())
        if partners.model.item(r).text() == mentor.employer
    )
    partners.view.setCurrentIndex(partners.model.index(row, 0))
    partners.name.setText("Nya Namnet AB")
    with qtbot.waitSignal(window.context.events.partners_changed):
        partners.save()
    assert panel.editor.inputs["employer"].text() == "Nya Namnet AB"


# -- people, pairs and groups -----------------------------------------------------------------


def test_a_status_change_reaches_the_matching_board_on_screen(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    window.show_stage("matching")
    board = tool(window, "matching")
    proposed(qtbot, board)
    placed = board.proposal.groups[0].adepts[0].adept
    selection = tool(window, "selection")  # its page is not on screen
    recruitment = tool(window, "recruitment")
    recruitment.refresh()
    before = {row.enrolment_id: row.status for row in recruitment.model.all_rows()}
    with qtbot.waitSignal(window.context.events.participants_changed) as announced:
        selection.change_status([placed.enrolment_id], "withdrawn", "moved away")
    assert announced.args == [window.context.cohort.id]
    qtbot.waitUntil(lambda: board._job is None and board.proposal is not None, timeout=20000)
    kept = {p.adept.enrolment_id for g in board.proposal.groups for p in g.adepts}
    assert placed.enrolment_id not in kept
    # A page not on screen waits until it is shown.
    after = {row.enrolment_id: row.status for row in recruitment.model.all_rows()}
    assert after == before
    window.show_stage("recruitment")
    statuses = {row.enrolment_id: row.status for row in recruitment.model.all_rows()}
    assert statuses[placed.enrolment_id] == "withdrawn"


def test_locking_a_pair_is_announced_and_the_board_proposes_again(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    window.show_stage("matching")
    board = tool(window, "matching")
    proposed(qtbot, board)
    group = board.proposal.groups[0]
    adept = group.adepts[0].adept
    board.proposal = None  # so the new proposal can be told from the old one
    with qtbot.waitSignal(window.context.events.pair_rules_changed) as announced:
        window.context.services.matching.lock(
            window.context.cohort.id, group.mentor.enrolment_id, adept.enrolment_id
        )
        board._rule_changed()
    assert announced.args == [window.context.cohort.id]
    proposed(qtbot, board)
    placements = [p for g in board.proposal.groups for p in g.adepts]
    assert any(p.adept.enrolment_id == adept.enrolment_id and p.locked for p in placements)


def test_accepting_groups_reaches_the_workbooks_on_screen(open_window, demo, qtbot, yes) -> None:
    window = open_window(demo)
    window.show_stage("matching")
    board = tool(window, "matching")
    proposed(qtbot, board)
    window.show_stage("kickoff")
    workbooks = tool(window, "kickoff")
    assert workbooks.groups.rowCount() == 0
    with qtbot.waitSignal(window.context.events.groups_changed) as announced:
        board.accept()  # its page is not on screen
    assert announced.args == [window.context.cohort.id]
    assert (
        workbooks.groups.rowCount()
        == len(window.context.services.matching.groups(window.context.cohort.id))
        > 0
    )
    assert board.proposal is None  # made anew when the board is shown again


# -- settings, language, the whole file -------------------------------------------------------


def test_keeping_data_longer_updates_the_overview(open_window, demo, qtbot, monkeypatch) -> None:
    window = open_window(demo)
    overview = window.pages[OVERVIEW_KEY]
    settings = window.context.settings

    class Choices:
        language = "en"
        retention_months = settings.retention_months + 7
        safety_copies_keep = settings.safety_copies_keep

    monkeypatch.setattr(SettingsDialog, "ask", lambda *a, **k: Choices)
    with qtbot.waitSignal(window.context.events.settings_changed):
        window.open_settings()
    assert f"{Choices.retention_months} months" in overview.due_label.text()


def test_changing_the_language_retranslates_the_window(open_window, demo, qtbot) -> None:
    window = open_window(demo)
    with qtbot.waitSignal(window.context.events.language_changed) as announced:
        window.apply_language("sv")
    assert announced.args == ["sv"]
    assert window.menus["file"].title() != "&File"
    window.apply_language("en")
    assert window.menus["file"].title() == "&File"


def test_the_backups_dialog_needs_no_window(demo, tmp_path, qtbot, yes) -> None:
    """A restore replaces every table: the dialog announces it through the context alone,
    and a page showing the programme follows."""
    from mentorapp.app import _application, open_workspace
    from mentorapp.gui.context import AppContext
    from mentorapp.gui.dialogs.backups_dialog import BackupsDialog
    from mentorapp.gui.pages.overview_page import OverviewPage
    from mentorapp.workspace.settings import Settings

    _application()
    context = AppContext(events=AppEvents(), settings=Settings())
    workspace = open_workspace(demo, demo=False)
    try:
        context.attach(workspace)
        page = OverviewPage(context)
        qtbot.addWidget(page)
        page.retranslate_ui()
        page.refresh()
        name = context.programme.name
        dialog = BackupsDialog(context)
        qtbot.addWidget(dialog)
        backup = tmp_path / "backup.zip"
        assert dialog.export_to(backup)
        copies = dialog.copies.rowCount()
        dialog.make_copy()
        assert dialog.copies.rowCount() == copies + 1
        services = context.services
        services.programmes.save_programme(
            ProgrammeDraft(context.programme.organisation, "Renamed"), context.programme.id
        )
        with qtbot.waitSignal(context.events.workspace_changed):
            assert dialog.restore_from(backup, confirm=lambda question: True)
        assert context.programme.name == name
        assert page.programme_title.text() == name
    finally:
        workspace.close()


# -- every signal reaches someone ------------------------------------------------------------


def _signal_names() -> set[str]:
    return {name for name, value in vars(AppEvents).items() if type(value).__name__ == "Signal"}


def _signal_uses(names: set[str]) -> tuple[set[str], set[str]]:
    """Names of AppEvents signals emitted and connected anywhere in mentorapp/gui.

    Emitting is ``<…>.name.emit`` (called or passed on as a slot) or passing ``<…>.name`` to a
    method that emits its parameter; connecting is ``<…>.name.connect(…)``, also through a
    ``for signal in (<…>.a, <…>.b): signal.connect(…)`` loop."""
    emitted: set[str] = set()
    connected: set[str] = set()
    for path in Path(mentorapp.gui.__file__).parent.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        emitters = set()
        for node in ast.walk(tree):
            if isinstance(node, ast.FunctionDef) and len(node.args.args) > 1:
                parameter = node.args.args[1].arg
                if any(
                    isinstance(n, ast.Attribute)
                    and n.attr == "emit"
                    and isinstance(n.value, ast.Name)
                    and n.value.id == parameter
                    for n in ast.walk(node)
                ):
                    emitters.add(node.name)
        for node in ast.walk(tree):
            if isinstance(node, ast.Attribute) and isinstance(node.value, ast.Attribute):
                if node.value.attr in names and node.attr == "emit":
                    emitted.add(node.value.attr)
                if node.value.attr in names and node.attr == "connect":
                    connected.add(node.value.attr)
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr in emitters
                and node.args
                and isinstance(node.args[0], ast.Attribute)
                and node.args[0].attr in names
            ):
                emitted.add(node.args[0].attr)
            if isinstance(node, ast.For) and isinstance(node.target, ast.Name):
                loops = [
                    n
                    for n in ast.walk(node)
                    if isinstance(n, ast.Attribute)
                    and n.attr == "connect"
                    and isinstance(n.value, ast.Name)
                    and n.value.id == node.target.id
                ]
                if loops and isinstance(node.iter, ast.Tuple):
                    for item in node.iter.elts:
                        if isinstance(item, ast.Attribute) and item.attr in names:
                            connected.add(item.attr)
    return emitted, connected


def test_every_signal_is_emitted_and_connected_somewhere() -> None:
    names = _signal_names()
    assert len(names) >= 10 and "workspace_changed" in names
    assert "workbooks_written" not in names and "current_cohort_changed" not in names
    emitted, connected = _signal_uses(names)
    assert names - emitted == set(), "emitted by no one"
    assert names - connected == set(), "heard by no one"
