"""Command line: no subcommand opens the GUI; each subcommand is a thin call into a service."""

from __future__ import annotations

import argparse
import json
import locale
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from mentorapp import __version__
from mentorapp.errors import MentorappError
from mentorapp.i18n import LANGUAGES, _, normalise_language, set_language

Command = Callable[[argparse.Namespace], int]
_COMMANDS: dict[str, Command] = {}


def command(name: str) -> Callable[[Command], Command]:
    def register(function: Command) -> Command:
        _COMMANDS[name] = function
        return function

    return register


def system_language() -> str:
    """Swedish when the system speaks Swedish, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(variable):
            return normalise_language(os.environ[variable])
    return normalise_language(locale.getlocale()[0])


def choose_language(requested: str | None) -> str:
    if requested:
        return requested
    from mentorapp.settings import load_settings

    return load_settings().language or system_language()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="mentorapp",
        description=_(
            "Run a mentorship programme: the organiser's guide, participants, matching "
            "and workbooks."
        ),
    )
    parser.add_argument("--version", action="version", version=f"Mentorapp {__version__}")
    parser.add_argument("--db", type=Path, help=_("the database file to open"))
    parser.add_argument("--lang", choices=LANGUAGES, help=_("the language to use (sv or en)"))
    parser.add_argument(
        "--demo", action="store_true", help=_("open a fresh copy of the demo programme")
    )
    subcommands = parser.add_subparsers(dest="command", metavar=_("command"))
    subcommands.add_parser("demo-data", help=_("write the demo programme into a new file"))
    info = subcommands.add_parser("info", help=_("show what the database holds"))
    info.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    return parser


def _database_path(args: argparse.Namespace) -> Path:
    from mentorapp.paths import default_database_path

    return args.db if args.db else default_database_path()


@command("demo-data")
def _demo_data(args: argparse.Namespace) -> int:
    from mentorapp.demo import write_demo
    from mentorapp.services import Services

    path = _database_path(args)
    services = Services.open(path)
    try:
        write_demo(services.database)
        info = services.info()
    finally:
        services.close()
    print(
        _("Wrote the demo programme into {path}: {adepts} adepts, {mentors} mentors.").format(
            path=path, adepts=info.adepts, mentors=info.mentors
        )
    )
    return 0


@command("info")
def _info(args: argparse.Namespace) -> int:
    from mentorapp.services import Services

    services = Services.open(_database_path(args))
    try:
        info = services.info()
    finally:
        services.close()
    if args.json:
        print(json.dumps(info.as_dict()))
        return 0
    labels = {
        "programmes": _("Programmes"),
        "cohorts": _("Rounds"),
        "adepts": _("Adepts"),
        "mentors": _("Mentors"),
        "partners": _("Partner organisations"),
        "schema": _("Schema revision"),
    }
    for key, value in info.as_dict().items():
        print(f"{labels[key]}: {value}")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES)
    known, _rest = early.parse_known_args(argv)
    set_language(choose_language(known.lang))
    args = build_parser().parse_args(argv)
    if args.command is None:
        from mentorapp.app import run_gui

        return run_gui(database=args.db, language=args.lang, demo=args.demo)
    try:
        return _COMMANDS[args.command](args)
    except MentorappError as error:
        print(f"{error.user_title()}: {error.user_message()}", file=sys.stderr)
        return 2
