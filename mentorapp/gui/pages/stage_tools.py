"""Which tools each stage page carries, beside its checklist."""

from __future__ import annotations

from mentorapp.gui.context import AppContext
from mentorapp.gui.pages.stage_page import StagePage
from mentorapp.gui.widgets.criteria_editor import CriteriaEditor
from mentorapp.gui.widgets.matching_board import MatchingBoard
from mentorapp.gui.widgets.participants_panel import ParticipantsPanel
from mentorapp.gui.widgets.partners_panel import PartnersPanel
from mentorapp.gui.widgets.workbooks_panel import WorkbooksPanel
from mentorapp.i18n import _


def install_tools(pages: dict[str, StagePage], context: AppContext) -> None:
    pages["anchoring"].add_tool(PartnersPanel(context), lambda: _("Partner organisations"))
    pages["purpose"].add_tool(CriteriaEditor(context), lambda: _("Eligibility criteria"))
    pages["matching"].add_tool(MatchingBoard(context), lambda: _("Matching board"))
    pages["kickoff"].add_tool(WorkbooksPanel(context), lambda: _("Workbooks"))
    for stage in ("recruitment", "selection"):
        panel = ParticipantsPanel(context)
        panel.setObjectName(f"participants_{stage}")
        pages[stage].add_tool(panel, lambda: _("Applications"))
