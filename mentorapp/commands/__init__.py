"""The CLI's subcommands. Each module has ``register(subparsers)`` which adds its parsers and
sets ``handler=`` (a function taking the parsed arguments and returning an exit code)."""

from __future__ import annotations

import argparse
from pathlib import Path

from mentorapp.commands import (
    budget_commands,
    calendar_commands,
    checkin_commands,
    database_commands,
    gathering_commands,
    impact_commands,
    import_commands,
    interview_commands,
    match_commands,
    outcome_commands,
    people_commands,
    plan_commands,
    reminder_commands,
    running_commands,
    safety_commands,
    status_commands,
    survey_commands,
    survey_content_commands,
    survey_form_commands,
    timeline_commands,
    workbook_commands,
)

MODULES = [
    database_commands,
    import_commands,
    people_commands,
    status_commands,
    interview_commands,
    match_commands,
    workbook_commands,
    plan_commands,
    timeline_commands,
    budget_commands,
    running_commands,
    checkin_commands,
    gathering_commands,
    calendar_commands,
    reminder_commands,
    survey_commands,
    survey_content_commands,
    survey_form_commands,
    outcome_commands,
    impact_commands,
    safety_commands,
]


def database_path(args: argparse.Namespace) -> Path:
    """The file named with --db, or the user's own one (whose folder is Mentorapp's to make)."""
    if args.db:
        return args.db
    from mentorapp.db.files import private_folder
    from mentorapp.paths import default_database_path

    path = default_database_path()
    private_folder(path.parent)
    return path


def register_all(subparsers: argparse._SubParsersAction) -> None:
    for module in MODULES:
        module.register(subparsers)
