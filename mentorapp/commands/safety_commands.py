"""Backups, safety copies and personal data from the command line.

``export`` / ``restore`` (CSV backup zip), ``backup`` (a copy of the database file),
``safety-copies`` (list them, or delete older ones), ``person-export`` and ``person-erase``.
Commands that change the file hold the single-writer lock, so they never write under an open
Mentorapp.
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, timedelta
from pathlib import Path

from mentorapp.i18n import N_, _, ngettext

REASON_LABELS = {
    "daily": N_("daily"),
    "quit": N_("on quitting"),
    "before-restore": N_("before a restore"),
    "manual": N_("made by hand"),
    "before-migration": N_("before an update"),
}


def register(subparsers: argparse._SubParsersAction) -> None:
    export = subparsers.add_parser("export", help=_("write every table to a CSV backup zip"))
    export.add_argument("--out", type=Path, required=True, help=_("the .zip file to write"))
    export.add_argument(
        "--delimiter",
        choices=(",", ";"),
        default=",",
        help=_("the field separator (; suits Swedish Excel; default ,)"),
    )
    export.set_defaults(handler=export_zip)

    restore = subparsers.add_parser("restore", help=_("restore a CSV backup zip into the file"))
    restore.add_argument("file", type=Path, help=_("the backup .zip to restore"))
    restore.add_argument(
        "--replace", action="store_true", help=_("replace what the file holds (a copy is kept)")
    )
    restore.set_defaults(handler=restore_zip)

    backup = subparsers.add_parser("backup", help=_("save a copy of the database file"))
    backup.add_argument("--out", type=Path, required=True, help=_("the copy to write"))
    backup.add_argument("--force", action="store_true", help=_("overwrite an existing file"))
    backup.set_defaults(handler=backup_file)

    copies = subparsers.add_parser(
        "safety-copies", help=_("list the safety copies, or delete older ones")
    )
    copies.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    deleting = copies.add_mutually_exclusive_group()
    deleting.add_argument(
        "--delete-older-than",
        metavar=_("DAYS"),
        help=_("delete the copies made more than DAYS days ago"),
    )
    deleting.add_argument(
        "--delete-all",
        action="store_true",
        help=_("delete every copy (one new copy of the file as it is now is kept)"),
    )
    copies.add_argument("--yes", action="store_true", help=_("really delete (cannot be undone)"))
    copies.set_defaults(handler=list_safety_copies)

    person_export = subparsers.add_parser(
        "person-export", help=_("write everything stored about a person to a folder")
    )
    person_export.add_argument("email", help=_("the person's e-mail address"))
    person_export.add_argument("--out", type=Path, required=True, help=_("the folder to write"))
    person_export.set_defaults(handler=export_person)

    erase = subparsers.add_parser("person-erase", help=_("erase a person's personal data"))
    erase.add_argument("email", help=_("the person's e-mail address"))
    erase.add_argument("--yes", action="store_true", help=_("really erase (cannot be undone)"))
    erase.set_defaults(handler=erase_person)


def export_zip(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.dataio.backup_zip import export_backup
    from mentorapp.errors import require_output_file
    from mentorapp.workspace.services import Services

    require_output_file(args.out, replace=True)
    with Services.to_read(database_path(args)) as services:
        manifest = export_backup(services.database, args.out, args.delimiter)
    rows = sum(entry.rows for entry in manifest.files)
    print(
        ngettext(
            "Wrote {rows} row from {tables} tables to {path}.",
            "Wrote {rows} rows from {tables} tables to {path}.",
            rows,
        ).format(rows=rows, tables=len(manifest.files), path=args.out)
    )
    return 0


def restore_zip(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.dataio.backup_zip import RestoreNeedsConfirmation, read_backup, restore_backup
    from mentorapp.workspace.services import Services

    contents = read_backup(args.file)  # a refused backup never opens the database
    # A restore may make a new programme file (a new laptop); never a missing folder.
    with Services.to_write(database_path(args), create=True) as services:
        try:
            report = restore_backup(services.database, contents, args.replace)
        except RestoreNeedsConfirmation as error:
            print(f"{error.user_title()}: {error.user_message()}", file=sys.stderr)
            print(_("Run the command again with --replace to replace it."), file=sys.stderr)
            return 1
    print(
        ngettext(
            "Restored {rows} row from {path}.",
            "Restored {rows} rows from {path}.",
            report.total_rows,
        ).format(rows=report.total_rows, path=args.file)
    )
    if report.safety_copy:
        print(_("What the file held before is in {copy}.").format(copy=report.safety_copy))
    return 0


def backup_file(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.db.files import online_copy, refuse_programme_file, side_files
    from mentorapp.db.migrate import inspect_file
    from mentorapp.db.opening import check_integrity, require_existing
    from mentorapp.errors import MentorappError, require_output_file

    path, out = database_path(args), Path(args.out)
    require_existing(path)
    if not inspect_file(path).has_tables:
        raise MentorappError(N_("There is no Mentorapp database at {path}."), path=path)
    check_integrity(path)
    require_output_file(out, replace=True)
    refuse_programme_file(out, allow_database=True)
    if out.resolve() == path.resolve() or any(f.exists() for f in side_files(out)):
        raise MentorappError(
            N_("{out} is a database that is open or in use. Choose another file name."), out=out
        )
    if out.exists() and not args.force:
        raise MentorappError(
            N_("{out} already exists. Choose another name, or use --force to replace it."),
            out=out,
        )
    online_copy(path, out)
    print(_("Saved a copy of {path} as {out}.").format(path=path, out=out))
    return 0


def list_safety_copies(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.db.safety import SafetyCopies

    if args.delete_older_than is not None or args.delete_all:
        return delete_safety_copies(args)
    copies = SafetyCopies(database_path(args)).list()
    if args.json:
        keys = ("reason", "programmes", "cohorts", "adepts", "mentors", "revision")
        items = [
            {
                "path": str(c.path),
                "made_at": c.made_at.isoformat(),
                **{k: getattr(c, k) for k in keys},
            }
            for c in copies
        ]
        print(json.dumps(items, indent=2, ensure_ascii=False))
        return 0
    if not copies:
        print(_("There are no safety copies yet."))
        return 0
    for copy in copies:
        reason = _(REASON_LABELS.get(copy.reason, copy.reason))
        if copy.readable:
            counts = _(
                "{programmes} programme, {cohorts} rounds, {adepts} adepts, {mentors} mentors"
            )
            counts = counts.format(
                programmes=copy.programmes,
                cohorts=copy.cohorts,
                adepts=copy.adepts,
                mentors=copy.mentors,
            )
        else:
            counts = _("cannot be read")
        print(f"{copy.made_at:%Y-%m-%d %H:%M:%S}  {reason}: {counts}  {copy.path.name}")
    return 0


def delete_safety_copies(args: argparse.Namespace) -> int:
    """Without --yes only say what would go (exit 1). Deleting holds the file's lock, as any
    write to the programme's folder does; --delete-all first makes one copy of the file now."""
    from mentorapp.commands import database_path
    from mentorapp.db.lock import DatabaseLock
    from mentorapp.db.opening import check_integrity
    from mentorapp.db.safety import SafetyCopies

    path = database_path(args)
    safety = SafetyCopies(path)
    days = None if args.delete_all else _days(args.delete_older_than)
    cutoff = datetime.now() - timedelta(days=days or 0)
    old = safety.list() if days is None else safety.older_than(cutoff)
    partials = safety.partials()
    if not old and not partials:
        if days is None:
            print(_("There are no safety copies to delete."))
        else:
            print(
                ngettext(
                    "No safety copy is older than {days} day.",
                    "No safety copy is older than {days} days.",
                    days,
                ).format(days=days)
            )
        return 0
    if not args.yes:
        for copy in old:
            reason = _(REASON_LABELS.get(copy.reason, copy.reason))
            print(f"{copy.made_at:%Y-%m-%d %H:%M:%S}  {reason}  {copy.path.name}")
        if partials:
            print(_half_written(len(partials)))
        if days is None:
            print(_("A new safety copy of the file as it is now would be kept."))
        print(_("Nothing was deleted. Run the command again with --yes to delete."))
        return 1
    with DatabaseLock(path):
        fresh = None
        if days is None and path.is_file() and path.stat().st_size > 0:
            check_integrity(path)  # never trade every good copy for a copy of damage
            fresh = safety.make("manual")  # first: if it cannot be made, nothing is deleted
            old = [c for c in safety.list() if c.path != fresh]
        deleted = safety.delete(c.path for c in old)
        removed = safety.clean_partials()
    print(
        ngettext("Deleted {n} safety copy.", "Deleted {n} safety copies.", deleted).format(
            n=deleted
        )
    )
    if removed:
        print(
            ngettext(
                "Also deleted {n} half-written copy left by an interrupted Mentorapp.",
                "Also deleted {n} half-written copies left by an interrupted Mentorapp.",
                removed,
            ).format(n=removed)
        )
    if fresh is not None:
        print(_("Kept a new safety copy of the file as it is now: {copy}").format(copy=fresh.name))
    return 0


def _days(text: str) -> int:
    from mentorapp.errors import ValidationError

    value = text.strip()
    if not (value.isascii() and value.isdigit() and len(value.lstrip("0")) <= 5) or not (
        1 <= int(value) <= 36500
    ):
        raise ValidationError(
            N_("“{value}” is not a whole number of days from 1 to 36500. Give one like 30."),
            value=text[:40],
        )
    return int(value)


def _half_written(count: int) -> str:
    return ngettext(
        "{n} half-written copy left by an interrupted Mentorapp would be deleted too.",
        "{n} half-written copies left by an interrupted Mentorapp would be deleted too.",
        count,
    ).format(n=count)


def export_person(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.errors import require_output_folder
    from mentorapp.people.privacy import PrivacyService
    from mentorapp.workspace.services import Services

    require_output_folder(args.out)
    with Services.to_read(database_path(args)) as services:
        privacy = PrivacyService(services.database)
        json_path, text_path = privacy.export_person(privacy.find(args.email), args.out)
    print(_("Wrote {json} and {text}.").format(json=json_path, text=text_path))
    return 0


def erase_person(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.people.privacy import PrivacyService
    from mentorapp.workspace.services import Services

    with Services.to_write(database_path(args)) as services:
        privacy = PrivacyService(services.database)
        person_id = privacy.find(args.email)
        data = privacy.person_data(person_id)
        name = f"{data['person']['first_name']} {data['person']['last_name']}".strip()
        if not args.yes:
            rounds = ", ".join(sorted({e["round"] for e in data["enrolments"]})) or "–"
            print(
                _(
                    "Would erase the personal data of {name} ({email}): every personal field, "
                    "goals, status reasons and eligibility confirmations. Their applications "
                    "({rounds}) stay anonymously in the statistics."
                ).format(name=name, email=data["person"]["email"], rounds=rounds)
            )
            print(_("Nothing was erased. Run the command again with --yes to erase."))
            return 1
        report = privacy.erase_person(person_id)
    print(_("Erased the personal data of {name}.").format(name=name))
    if not report.file_cleaned:
        print(
            _(
                "Some traces stay in the file's journal until every program that has the file "
                "open has closed it."
            )
        )
    if report.safety_copies:
        command = "mentorapp" + (f' --db "{args.db}"' if args.db else "")
        print(
            ngettext(
                "{n} safety copy made earlier still holds the data. To erase the person from "
                "it too, run: {command} safety-copies --delete-all --yes",
                "{n} safety copies made earlier still hold the data. To erase the person from "
                "them too, run: {command} safety-copies --delete-all --yes",
                report.safety_copies,
            ).format(n=report.safety_copies, command=command)
        )
    print(_("Backups and exports you saved earlier still hold the data."))
    return 0
