"""``reminders``: write a reminder for a set of people of a round; Mentorapp never sends it.

``reminders --cohort NAME --who WHO --out FILE.csv`` writes a mail merge file (one row per
person: e-mail, names, role, language, the subject and text written for them, and every
placeholder's value) for Word or Outlook; ``--mailto`` prints the ``mailto:`` links instead
(each under 2,000 characters, the addresses in Bcc, split over several links when needed).
Either way each person's history notes that the reminder was drafted (way "csv" or "mail").

WHO is ``needs_check_in`` or ``not_started`` (everyone in the groups with that health),
``mentors_without_first_meeting``, ``meeting_upcoming`` (groups with a meeting planned in
the next 14 days), ``gathering:ID`` (that gathering's invitees) or ``survey:KEY`` (those a
survey t0, t1, t2 or mentor_end is for who have not answered it and have not left the round;
the survey is noted as sent to them too). ``--lang sv|en`` writes
everyone's message in that language; left out, each person gets their group's meeting
language (the programme's language for someone not in a group). The coordinator's own
wording, saved in the GUI, is used where there is one.

Nobody in the set is not an error: the command says so, writes no file, notes nothing and
exits 0 (``"file": null`` in JSON), so a script run every week need not treat a quiet week
as a failure.

JSON shape::

    {"file": path | null, "recipients": n, "emails": [email, …]}

and with ``--mailto``: ``{"links": [url, …], "recipients": n, "emails": [email, …],
"shortened": bool}`` ("shortened": the text in the links was cut to fit; the CSV or the
GUI has it whole).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.running.reminders import Draft
    from mentorapp.workspace.services import Services


def register(subparsers: argparse._SubParsersAction) -> None:
    command = subparsers.add_parser(
        "reminders",
        help=_("write a reminder for a set of people as a mail merge file or mailto links"),
    )
    command.add_argument("--cohort", metavar=_("ROUND"), help=_("the round's name"))
    command.add_argument(
        "--who",
        required=True,
        metavar=_("WHO"),
        help=_(
            "needs_check_in, not_started, mentors_without_first_meeting, meeting_upcoming, "
            "gathering:ID or survey:KEY (those who have not answered t0, t1, t2 or mentor_end)"
        ),
    )
    command.add_argument(
        "--lang",
        dest="message_language",
        choices=("sv", "en"),
        help=_("the message's language (left out: each group's meeting language)"),
    )
    where = command.add_mutually_exclusive_group(required=True)
    where.add_argument("--out", type=Path, metavar=_("FILE"), help=_("the mail merge file (.csv)"))
    where.add_argument(
        "--mailto", action="store_true", help=_("print mailto links instead of writing a file")
    )
    command.add_argument("--force", action="store_true", help=_("replace an existing file"))
    command.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    command.set_defaults(handler=write_reminders)


def write_reminders(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.dataio.mail_merge_csv import write_mail_merge_csv
    from mentorapp.errors import require_output_file
    from mentorapp.running.reminders import template_key
    from mentorapp.workspace.services import Services

    template_key(args.who)  # an unknown set is refused before the file is opened
    if args.out is not None:
        if args.out.suffix.lower() != ".csv":
            raise ValidationError(N_("The mail merge file must end in .csv."), "out")
        require_output_file(args.out, replace=args.force)
    today = date.today()
    with Services.to_write(database_path(args)) as services:
        cohort = find_cohort(services, args.cohort)
        assert cohort.id is not None
        draft = services.reminders.draft(cohort.id, args.who, args.message_language, today)
        if draft.recipients:
            if args.mailto:
                _note(services, draft, "mail", today)
            else:
                write_mail_merge_csv(draft, args.out)
                try:
                    _note(services, draft, "csv", today)
                except BaseException:
                    args.out.unlink(missing_ok=True)  # a file without its notes: neither
                    raise
    emails = draft.emails
    if args.mailto:
        links = [link for shared in draft.shared for link in shared.links]
        shortened = any(shared.links.shortened for shared in draft.shared)
        if args.json:
            found = {"links": links, "recipients": len(emails), "emails": emails}
            print(_dump({**found, "shortened": shortened}))
            return 0
        if not emails:
            print(_nobody(cohort.name))
            return 0
        print("\n".join(links))
        print(_noted(len(emails)))
        if shortened:
            print(_("The text in the links is shortened to fit; the mail merge file has it whole."))
        return 0
    written = str(args.out) if emails else None
    if args.json:
        print(_dump({"file": written, "recipients": len(emails), "emails": emails}))
    elif not emails:
        print(_nobody(cohort.name))
    else:
        print(
            ngettext(
                "Wrote the reminder for {n} person to {path}. Nothing was sent: open the file "
                "in your mail merge.",
                "Wrote the reminder for {n} people to {path}. Nothing was sent: open the file "
                "in your mail merge.",
                len(emails),
            ).format(n=len(emails), path=args.out)
        )
    return 0


def _nobody(round_name: str) -> str:
    return _("Nobody in “{round}” is in that set today, so no reminder was written.").format(
        round=round_name
    )


def _noted(people: int) -> str:
    return ngettext(
        "The reminder for {n} person is in the link above; nothing was sent.",
        "The reminder for {n} people is in the links above; nothing was sent.",
        people,
    ).format(n=people)


def _dump(data: dict[str, Any]) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def _note(services: Services, draft: Draft, way: str, today: date) -> None:
    """On the people's history; a survey reminder also notes the survey as sent to them."""
    if draft.who.startswith("survey:"):
        services.owed.note_reminder(draft, way, today)
    else:
        services.reminders.note_draft(draft, way, today)
