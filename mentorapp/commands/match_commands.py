"""``match``: propose a round's groups, print them (text or JSON), and accept them with --apply.

JSON shape::

    {"source": "accepted" | "applicants", "placed": n, "total_score": n,
     "groups": [{"mentor": email, "adepts": [email, …], "language": "sv" | "en",
                 "score": n, "parts": {adept email: {part: points}}}],
     "unmatched": [{"adept": email, "reasons": [text, …]}],
     "help": [text, …], "notes": [text, …]}

A group's "score" is the rounded mean of its pairs' scores; "parts" is always keyed by the
adept's e-mail, for one adept as for three. With --apply, "accepted_groups" lists the ids of
the groups written.
"""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from mentorapp.i18n import _, ngettext

if TYPE_CHECKING:
    from mentorapp.matching.model import Proposal


def register(subparsers: argparse._SubParsersAction) -> None:
    match = subparsers.add_parser("match", help=_("propose groups of mentors and adepts"))
    match.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    match.add_argument(
        "--apply", action="store_true", help=_("accept the proposal as the round's groups")
    )
    match.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    match.set_defaults(handler=run_match)


def run_match(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.workspace.services import Services

    opened = Services.to_write if args.apply else Services.to_read
    with opened(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        proposal = services.matching.propose(cohort.id)
        accepted = services.matching.accept(cohort.id, proposal) if args.apply else None
    if args.json:
        data = as_json(proposal)
        if accepted is not None:
            data["accepted_groups"] = accepted
        print(json.dumps(data, indent=2))
        return 0
    print(summary(cohort.name, proposal))
    if accepted is not None:
        count = len(accepted)
        print(
            ngettext(
                "Accepted {count} group as the round's groups.",
                "Accepted {count} groups as the round's groups.",
                count,
            ).format(count=count)
        )
    return 0


def as_json(proposal: Proposal) -> dict[str, Any]:
    """The proposal for scripts: e-mails and codes, the reasons and help in the UI language."""
    return {
        "source": proposal.source,
        "placed": proposal.placed,
        "total_score": proposal.total_score,
        "groups": [
            {
                "mentor": group.mentor.email,
                "adepts": [p.adept.email for p in group.adepts],
                "language": group.language,
                "score": group.score,
                "parts": group.parts,
            }
            for group in proposal.groups
        ],
        "unmatched": [{"adept": u.adept.email, "reasons": u.texts} for u in proposal.unmatched],
        "help": proposal.help_texts,
        "notes": [note.text for note in proposal.notes],
    }


def summary(round_name: str, proposal: Proposal) -> str:
    """A readable proposal in the current UI language: groups, who was left out and why,
    and what would help."""
    if proposal.source == "accepted":
        who = _("the accepted applications")
    else:
        who = _("everyone who applied, as nobody has been accepted yet")
    from mentorapp.matching.model import LANGUAGE_NAMES

    lines = [
        _("Proposal for {round}, from {who}.").format(round=round_name, who=who),
        _("{placed} of {adepts} adepts placed, total score {score}.").format(
            placed=proposal.placed, adepts=len(proposal.adepts), score=proposal.total_score
        ),
        "",
    ]
    for group in proposal.groups:
        lines.append(
            _("{name} <{email}> · meets in {language} · score {score}").format(
                name=group.mentor.name,
                email=group.mentor.email,
                language=_(LANGUAGE_NAMES[group.language]),
                score=group.score,
            )
        )
        if group.language_note:
            lines.append("    " + group.language_note.text)
        for placement in group.adepts:
            earned = "; ".join(part.text for part in placement.pair.parts if part.points)
            marks = [_("locked")] if placement.locked else []
            marks += [_("accepted")] if placement.accepted else []
            flag = f" [{', '.join(marks)}]" if marks else ""
            lines.append(
                f"  - {placement.adept.name} <{placement.adept.email}>: "
                f"{placement.pair.score}{flag}"
            )
            if earned:
                lines.append(f"      {earned}")
    sections = (
        (
            _("Not placed:"),
            [f"{u.adept.name} <{u.adept.email}>: {'; '.join(u.texts)}" for u in proposal.unmatched],
        ),
        (_("What would help:"), proposal.help_texts),
        (_("Notes:"), [note.text for note in proposal.notes]),
    )
    for heading, items in sections:
        if items:
            lines += ["", heading, *(f"  - {item}" for item in items)]
    return "\n".join(lines)
