"""Which tools each stage page carries: the modules whose widgets register with @stage_tool.

The tools are named here as modules and imported only when the window builds its pages, so
importing the pages (or the registry) loads no tool. A module left out of this list would
register nothing; tests/gui/test_stage_registry.py checks that none is.
"""

from __future__ import annotations

import importlib

from mentorapp.gui.context import AppContext
from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.pages.stage_tool import RegisteredTool, registered_tools

# In the order the tools are built (as before the registry).
TOOL_MODULES = (
    "mentorapp.gui.widgets.partners_panel",
    "mentorapp.gui.widgets.timeline_panel",
    "mentorapp.gui.widgets.criteria_editor",
    "mentorapp.gui.widgets.plan_form",
    "mentorapp.gui.widgets.matching_board",
    "mentorapp.gui.widgets.workbooks_panel",
    "mentorapp.gui.widgets.surveys_panel",
    "mentorapp.gui.widgets.outcomes_panel",
    "mentorapp.gui.widgets.impact_panel",
    "mentorapp.gui.widgets.running_board",
    "mentorapp.gui.widgets.gatherings_panel",
    "mentorapp.gui.widgets.participants_panel",
    "mentorapp.gui.widgets.interviews_panel",
    "mentorapp.gui.widgets.budget_panel",
)


def load_tools() -> list[RegisteredTool]:
    """Import the tool modules; every registered tool, ordered as TOOL_MODULES."""
    for module in TOOL_MODULES:
        importlib.import_module(module)
    order = {module: index for index, module in enumerate(TOOL_MODULES)}
    return sorted(registered_tools(), key=lambda tool: order.get(tool.module, len(order)))


def install_tools(page: StagePage, context: AppContext) -> None:
    """Give a stage page its tools (the window builds each page when it is first opened)."""
    for registered in load_tools():
        if registered.stage_key != page.stage_key:
            continue
        tool = registered.tool_class(context)
        if registered.name:
            tool.setObjectName(f"{registered.name}_{registered.stage_key}")
        page.add_tool(tool)
