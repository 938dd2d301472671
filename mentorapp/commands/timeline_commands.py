"""``timeline``: a round's milestones and the due date of every built-in checklist item.

JSON shape::

    {"milestones": [{"key": key, "date": "YYYY-MM-DD", "until": "YYYY-MM-DD"}],
     "due": [{"stage": stage, "item": item key, "due": "YYYY-MM-DD", "done": bool}]}

Milestones come in the canonical order of ``planning/milestones.py``; "until" is there only
for the pair meeting windows. "due" lists the programme's stages and the round's in the
guide's order; "due" is null for an item whose milestone the round does not have.
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from typing import TYPE_CHECKING, Any

from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.planning.milestones import Milestone
    from mentorapp.planning.timeline import DueItem


def register(subparsers: argparse._SubParsersAction) -> None:
    timeline = subparsers.add_parser(
        "timeline", help=_("show a round's milestones and when each checklist item is due")
    )
    timeline.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (default: the current round)")
    )
    timeline.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    timeline.set_defaults(handler=show_timeline)


def show_timeline(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.guide.checklist import Scope
    from mentorapp.i18n import current_language
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        milestones = services.timeline.milestones(cohort.id)
        due = services.timeline.due_items(Scope(cohort.programme_id, cohort.id), current_language())
    if args.json:
        print(json.dumps(as_json(milestones, due), indent=2, ensure_ascii=False))
    else:
        print(as_table(cohort.name, milestones, due, date.today()))
    return 0


def as_json(milestones: list[Milestone], due: list[DueItem]) -> dict[str, Any]:
    """Stored keys and ISO dates, never translated labels."""
    rows: list[dict[str, Any]] = []
    for milestone in milestones:
        row: dict[str, Any] = {"key": milestone.key, "date": milestone.on.isoformat()}
        if milestone.until is not None:
            row["until"] = milestone.until.isoformat()
        rows.append(row)
    return {
        "milestones": rows,
        "due": [
            {
                "stage": item.stage,
                "item": item.item,
                "due": item.due.isoformat() if item.due else None,
                "done": item.done,
            }
            for item in due
        ],
    }


def as_table(round_name: str, milestones: list[Milestone], due: list[DueItem], today: date) -> str:
    """Two readable tables in the UI language: the milestones, then the checklist's due dates."""
    from mentorapp.guide.stages import stage
    from mentorapp.i18n import format_date

    def when(milestone: Milestone) -> str:
        if milestone.until is None:
            return format_date(milestone.on)
        return f"{format_date(milestone.on)} – {format_date(milestone.until)}"

    dates = [when(m) for m in milestones]
    width = max(len(text) for text in dates)
    lines = [_("Timeline of {round}").format(round=round_name), ""]
    for milestone, text in zip(milestones, dates, strict=True):
        moved = "  " + _("(moved by hand)") if milestone.moved else ""
        lines.append(f"  {text.ljust(width)}  {milestone.label}{moved}")
    lines += ["", _("Checklist due dates"), ""]
    due_dates = [format_date(item.due) if item.due else "—" for item in due]
    width = max((len(text) for text in due_dates), default=0)
    for item, text in zip(due, due_dates, strict=True):
        overdue = not item.done and item.due is not None and item.due < today
        mark = "✓" if item.done else " "
        suffix = _("  (overdue)") if overdue else ""
        lines.append(
            f"  {mark} {text.ljust(width)}  {stage(item.stage).title}: {item.text}{suffix}"
        )
    return "\n".join(lines)
