"""The thirteen stages of the organiser's guide, in the order a programme meets them."""

from __future__ import annotations

from dataclasses import dataclass

from mentorapp.domain.enums import StageScope
from mentorapp.i18n import N_, _


@dataclass(frozen=True)
class Stage:
    """A stage's texts (purpose, help, checklist) live in resources/guide/<lang>.toml under
    its key; its tools register themselves in gui/pages/stage_tool.py."""

    key: str
    scope: StageScope
    title_msgid: str
    # The section of the user guide (resources/help/<lang>/guide.md) that explains its page.
    user_guide_section: str = "guide"

    @property
    def title(self) -> str:
        return _(self.title_msgid)

    @property
    def per_round(self) -> bool:
        return self.scope is StageScope.COHORT


# A new stage needs a line here and its section in every resources/guide/<lang>.toml; nothing
# else is told about it (its page, the demo's checklist and the help follow from this table).
STAGES: tuple[Stage, ...] = (
    Stage("idea", StageScope.PROGRAMME, N_("Idea and needs")),
    Stage("anchoring", StageScope.PROGRAMME, N_("Anchoring and partners")),
    Stage("purpose", StageScope.PROGRAMME, N_("Purpose, goals and format"), "recruitment"),
    Stage("resources", StageScope.PROGRAMME, N_("Resources, budget and timeline"), "privacy"),
    Stage("recruitment", StageScope.COHORT, N_("Recruitment"), "recruitment"),
    Stage("selection", StageScope.COHORT, N_("Selection and interviews"), "selection"),
    Stage("matching", StageScope.COHORT, N_("Matching"), "matching"),
    Stage("kickoff", StageScope.COHORT, N_("Training and kick-off"), "workbooks"),
    Stage("running", StageScope.COHORT, N_("Running period"), "running"),
    Stage("followup", StageScope.COHORT, N_("Follow-up"), "surveys"),
    Stage("closing", StageScope.COHORT, N_("Closing"), "surveys"),
    Stage("evaluation", StageScope.COHORT, N_("Evaluation and impact"), "impact"),
    Stage("alumni", StageScope.COHORT, N_("Alumni and next round"), "programme"),
)

STAGE_BY_KEY = {stage.key: stage for stage in STAGES}


def stage(key: str) -> Stage:
    return STAGE_BY_KEY[key]
