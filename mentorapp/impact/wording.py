"""The impact report's plain words: what a comparison of two rounds says, and how to read
the report. One place, so the screen, the PDF and the command line say the same thing."""

from __future__ import annotations

from mentorapp.i18n import N_, _
from mentorapp.impact.report_model import Comparison

# Below this many answers in either round, a difference that the interval cannot tell from
# zero is put down to size rather than to chance: with four answers nothing can be told.
FEW_ANSWERS = 5

TOO_FEW = N_("Too few answered in one of the rounds to tell them apart.")
COULD_BE_CHANCE = N_("The difference could be chance: the interval includes zero.")
HIGHER = N_("The share is higher in {round}; the interval excludes zero.")
THIS_ROUND = N_("this round")
OTHER_ROUND = N_("the other round")

HOW_TO_READ = (
    N_(
        "Each share comes with a 95% interval: the range where the true share plausibly "
        "lies, given how few people a round has. Few answers give a wide interval."
    ),
    N_(
        "A share counts those who answered the question. The floor counts everyone who did "
        "not answer as a “no”, so the true share is at least the floor."
    ),
    N_(
        "Agreement items count the answers 4 and 5. “Don't know” counts as an answer that "
        "does not agree. Where an item was asked at the start and at the end, the change "
        "compares the same people's answers."
    ),
    N_(
        "A job, internship or studies recorded as an outcome counts from the round's start "
        "on; one that began before the round is not counted."
    ),
    N_(
        "Two rounds differ only when the interval of their difference excludes zero; "
        "otherwise the difference could be chance."
    ),
    N_(
        "Without a comparison group the report shows outcomes, not proof that the programme "
        "caused them."
    ),
)


def comparison_sentence(comparison: Comparison, this_round: str = "", other_round: str = "") -> str:
    """One sentence on whether the two rounds differ in this measure, and which is higher."""
    this, other = comparison.this, comparison.other
    if comparison.ci95 is None or comparison.difference is None:
        return _(TOO_FEW)
    if not comparison.tells_apart:
        if min(this.answered, other.answered) < FEW_ANSWERS:
            return _(TOO_FEW)
        return _(COULD_BE_CHANCE)
    if comparison.difference > 0:
        name = this_round or _(THIS_ROUND)
    else:
        name = other_round or _(OTHER_ROUND)
    return _(HIGHER).format(round=name)


def how_to_read() -> tuple[str, ...]:
    """The "how to read this" box, one paragraph each, in the current language."""
    return tuple(_(paragraph) for paragraph in HOW_TO_READ)
