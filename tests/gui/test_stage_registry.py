"""Stage tools register themselves for a stage; a new stage needs only its definition and texts."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp import paths
from mentorapp.domain.enums import StageScope
from mentorapp.domain.models import ChecklistEntry
from mentorapp.gui.dialogs import guide_dialog, help_dialog
from mentorapp.gui.dialogs.guide_dialog import GuideDialog, load_sections, section_for
from mentorapp.gui.pages import stage_tool, stage_tools
from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.pages.stage_tool import StageTool
from mentorapp.guide import stages
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGE_BY_KEY, STAGES, Stage
from mentorapp.i18n import LANGUAGES

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]

# The tools each page carries, in tab order, with their tab texts (a stage may have several).
EXPECTED_TOOLS = {
    "idea": [("PlanForm", "Programme plan")],
    "anchoring": ("PartnersPanel", "Partner organisations"),
    "resources": [("TimelinePanel", "Timeline"), ("BudgetPanel", "Budget")],
    "purpose": [("CriteriaEditor", "Eligibility criteria"), ("PlanForm", "Programme plan")],
    "recruitment": ("ParticipantsPanel", "Applications"),
    "selection": [("ParticipantsPanel", "Applications"), ("InterviewsPanel", "Interviews")],
    "matching": ("MatchingBoard", "Matching board"),
    "kickoff": [("WorkbooksPanel", "Workbooks"), ("SurveysPanel", "Surveys")],
    "followup": [("SurveysPanel", "Surveys"), ("OutcomesPanel", "Outcomes")],
    "closing": ("SurveysPanel", "Surveys"),
    "evaluation": ("ImpactPanel", "Impact report"),
    "running": [("RunningBoard", "Pairs"), ("GatheringsPanel", "Joint gatherings")],
}
# Tab texts that are the same word in Swedish.
SAME_IN_SWEDISH = {"Budget"}


def test_every_registered_tool_belongs_to_a_stage() -> None:
    tools = stage_tools.load_tools()
    assert tools
    assert [tool.stage_key for tool in tools if tool.stage_key not in STAGE_BY_KEY] == []


def test_every_module_that_registers_a_tool_is_loaded() -> None:
    """A tool module that is not listed would register nothing: its tool would silently vanish."""
    decorated = {
        ".".join(path.relative_to(ROOT).with_suffix("").parts)
        for path in (ROOT / "mentorapp" / "gui").rglob("*.py")
        if "\n@stage_tool(" in path.read_text(encoding="utf-8")
    }
    assert decorated == set(stage_tools.TOOL_MODULES)


def test_the_registry_loads_no_tool_until_asked() -> None:
    """Importing the registry (or the page) does not import a tool module."""
    code = (
        "import sys; import mentorapp.gui.pages.stage_tools, mentorapp.gui.pages.stage_page; "
        f"loaded = [m for m in {stage_tools.TOOL_MODULES!r} if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)


def test_a_tool_without_refresh_is_refused() -> None:
    class NoRefresh:
        def retranslate_ui(self) -> None:
            pass

    with pytest.raises(TypeError, match="refresh"):
        stage_tool.stage_tool("matching", title="Broken")(NoRefresh)


def test_the_pages_carry_the_same_tools_as_before(open_window, db_path) -> None:
    window = open_window(db_path, demo=True)
    for stage in STAGES:
        page = window.pages[stage.key]
        tools = [tool for tool, _title in page._tools]
        tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
        if stage.key in EXPECTED_TOOLS:
            names, titles = zip(*expected(stage.key), strict=True)
            assert [type(tool).__name__ for tool in tools] == list(names), stage.key
            assert tabs == [*titles, "Checklist"], stage.key
        else:
            assert tools == [] and page.tabs.count() == 0, stage.key
    for stage_key in ("recruitment", "selection"):
        assert window.pages[stage_key]._tools[0][0].objectName() == f"participants_{stage_key}"


def test_every_tool_keeps_the_contract(open_window, db_path, qtbot) -> None:
    """Each registered tool, built on its own on the demo, has a title, refreshes, saves and
    follows the language."""
    window = open_window(db_path, demo=True)
    assert window.context.cohort is not None  # the running round
    for entry in stage_tools.load_tools():
        tool = entry.tool_class(window.context)
        qtbot.addWidget(tool)
        assert isinstance(tool, StageTool), entry
        tool.retranslate_ui()
        tool.refresh()
        qtbot.waitUntil(lambda tool=tool: getattr(tool, "_job", None) is None)
        tool.flush()
        titles = {title for _name, title in expected(entry.stage_key)}
        assert tool.title() in titles
        window.apply_language("sv")
        tool.retranslate_ui()
        assert tool.title() not in ("", *(titles - SAME_IN_SWEDISH)), entry
        window.apply_language("en")


def test_every_stage_opens_a_section_of_the_user_guide() -> None:
    for language in LANGUAGES:
        sections = {section.key for section in load_sections(language)}
        for stage in STAGES:
            assert section_for(stage.key) in sections, (language, stage.key)
    assert section_for("matching") == "matching" and section_for("kickoff") == "workbooks"
    assert section_for("") == section_for("overview") == section_for("no such page") == "start"


# -- a stage added later -------------------------------------------------------------------

def expected(stage_key: str) -> list[tuple[str, str]]:
    """(class name, tab text) of each tool of the stage: one pair, or a list of them."""
    tools = EXPECTED_TOOLS[stage_key]
    return list(tools) if isinstance(tools, list) else [tools]


PSEUDO = Stage("gatherings", StageScope.COHORT, "Gatherings")
PSEUDO_TEXTS = """
[stages.gatherings]
purpose = "Pseudo purpose ({language})."
help = "Pseudo help ({language})."

[[stages.gatherings.items]]
key = "book_a_room"
text = "Book a room ({language})"

[[stages.gatherings.items]]
key = "invite"
text = "Invite everyone ({language})"
"""


@pytest.fixture
def pseudo_stage(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Stage:
    """STAGES with one more per-round stage, and its texts in a copy of the resources folder:
    nothing else is told about it."""
    data = tmp_path / "data"
    resources = data / "resources"
    resources.mkdir(parents=True)
    for entry in paths.resource_path().iterdir():
        if entry.name != "guide":
            (resources / entry.name).symlink_to(entry)
    (resources / "guide").mkdir()
    for language in LANGUAGES:
        original = paths.resource_path("guide", f"{language}.toml").read_text(encoding="utf-8")
        extended = original + PSEUDO_TEXTS.format(language=language)
        (resources / "guide" / f"{language}.toml").write_text(extended, encoding="utf-8")
    (data / "translations").symlink_to(paths.translations_dir())
    monkeypatch.setattr(paths, "_data_root", lambda: data)

    extended_stages = (*STAGES, PSEUDO)
    for module in list(sys.modules.values()):
        if module.__name__.startswith("mentorapp") and getattr(module, "STAGES", None) is STAGES:
            monkeypatch.setattr(module, "STAGES", extended_stages)
    monkeypatch.setattr(stages, "STAGE_BY_KEY", {s.key: s for s in extended_stages})
    load_guide.cache_clear()
    yield PSEUDO
    load_guide.cache_clear()


def test_a_new_round_stage_gets_its_demo_checklist(pseudo_stage, open_window, db_path) -> None:
    window = open_window(db_path, demo=True)
    query = select(ChecklistEntry).where(ChecklistEntry.stage == pseudo_stage.key)
    with window.context.services.database.reading() as session:
        entries = session.exec(query).all()
    # The finished round did it all; the running one has not come to it yet.
    done = sorted((entry.builtin_key, entry.done) for entry in entries)
    assert done == [("book_a_room", True), ("invite", True)]
    assert len({entry.cohort_id for entry in entries}) == 1


def test_a_new_round_stage_has_its_page_and_help(
    pseudo_stage, open_window, db_path, monkeypatch
) -> None:
    window = open_window(db_path, demo=True)
    window.show_stage(pseudo_stage.key)
    page = window.stack.currentWidget()
    assert isinstance(page, StagePage) and page.stage_key == pseudo_stage.key
    assert page.purpose_label.text() == "Pseudo purpose (en)."
    assert page.checklist.rows()[0].text == "Book a room (en)"
    assert page.tabs.count() == 0  # no tool: the checklist alone

    shown = []
    monkeypatch.setattr(help_dialog.HelpDialog, "exec", lambda dialog: shown.append(dialog))
    monkeypatch.setattr(guide_dialog.GuideDialog, "exec", lambda dialog: shown.append(dialog))
    window.show_help()
    assert "Pseudo help (en)." in shown[0].browser.toPlainText()
    shown[0].guide_button.click()
    assert isinstance(shown[1], GuideDialog)
    assert shown[1].list.currentIndex().data(guide_dialog.KEY_ROLE) == "guide"
