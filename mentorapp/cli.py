"""Command line: no subcommand opens the GUI; each subcommand is a thin call into a service."""

from __future__ import annotations

import argparse
import locale
import logging
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from mentorapp import __version__
from mentorapp.commands import register_all
from mentorapp.errors import MentorappError, file_problem
from mentorapp.i18n import LANGUAGES, _, normalise_language, set_language

_log = logging.getLogger(__name__)


def system_language() -> str:
    """Swedish when the system speaks Swedish, English otherwise."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if os.environ.get(variable):
            return normalise_language(os.environ[variable])
    return normalise_language(locale.getlocale()[0])


def choose_language(requested: str | None) -> str:
    if requested:
        return requested
    from mentorapp.workspace.settings import load_settings

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
    parser.add_argument(
        "--self-test",
        action="store_true",
        help=_("check that this installation has everything it needs, then exit"),
    )
    subcommands = parser.add_subparsers(dest="command", metavar=_("command"))
    register_all(subcommands)
    return parser


def _subcommand_index(argv: list[str]) -> int:
    """Where the subcommand starts: its own options (``workbooks --lang both``) are not ours."""
    index = 0
    while index < len(argv):
        token = argv[index]
        if token in ("--db", "--lang"):
            index += 2
        elif token.startswith("-"):
            index += 1
        else:
            return index
    return len(argv)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    early = argparse.ArgumentParser(add_help=False)
    early.add_argument("--lang", choices=LANGUAGES)
    known, _rest = early.parse_known_args(argv[: _subcommand_index(argv)])
    set_language(choose_language(known.lang))
    args = build_parser().parse_args(argv)
    if args.self_test:
        _start_log("self-test")
        from mentorapp.gui.self_test import run_self_test

        return run_self_test()
    if args.command is None:
        from mentorapp.gui.platform_check import screen_libraries_problem

        # Before PySide6 is imported: without its system libraries Qt aborts the process,
        # naming a wrong package; this names the missing ones and the apt command.
        problem = screen_libraries_problem()
        if problem is not None:
            return _report(problem)
        from mentorapp.app import run_gui

        return run_gui(database=args.db, language=args.lang, demo=args.demo)
    _start_log(args.command)
    try:
        return args.handler(args)
    except MentorappError as error:
        # A refusal that wraps another error (a driver's, the system's) keeps its frames.
        trace = error if error.__cause__ is not None else None
        _log.info("%s refused: %s", args.command, _described(error), exc_info=trace)
        return _report(error)
    except BrokenPipeError:  # the output went to a program that stopped reading, e.g. head
        sys.stderr.close()
        return 0
    except OSError as error:  # a full disk, a missing folder, no permission: one sentence
        _log.warning("%s failed: %s", args.command, _described(error), exc_info=error)
        return _report(file_problem(error))
    except KeyboardInterrupt:
        _log.info("%s stopped by the user", args.command)
        print(_("Stopped. Nothing was half-saved."), file=sys.stderr)
        return 130
    except Exception as error:  # a bug: still one sentence, never a traceback (but in the log)
        _log.error("%s failed unexpectedly", args.command, exc_info=error)
        print(
            _(
                "Mentorapp ran into an error it did not expect ({error}). Nothing was "
                "half-saved. Please tell us the command you ran."
            ).format(error=type(error).__name__),
            file=sys.stderr,
        )
        return 70


def _start_log(command: str) -> None:
    """The log file, and a first line that says which Mentorapp ran what (never the
    arguments: they name people's files and e-mail addresses). The window sets up its own
    log after it is shown (app.run_gui), so this is imported here and not for it."""
    from mentorapp.workspace.log import running_on, setup_logging

    setup_logging()
    _log.info("Mentorapp %s: %s (%s)", __version__, command, running_on())


def _described(error: BaseException) -> str:
    from mentorapp.workspace.log import describe

    return describe(error)


def _report(error: MentorappError) -> int:
    print(f"{error.user_title()}: {error.user_message()}", file=sys.stderr)
    return 2
