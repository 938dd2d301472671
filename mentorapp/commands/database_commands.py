"""``new``, ``demo-data`` and ``info``: make a programme file, fill one with the demo, and
show what a file holds. Only the first two create a file, and never a missing folder."""

from __future__ import annotations

import argparse
import json

from mentorapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    new = subparsers.add_parser("new", help=_("make a new, empty programme file"))
    new.add_argument("--organisation", default="", help=_("the organisation's name"))
    new.add_argument("--programme", default="", help=_("the programme's name"))
    new.set_defaults(handler=new_programme)
    demo = subparsers.add_parser("demo-data", help=_("write the demo programme into a new file"))
    demo.set_defaults(handler=demo_data)
    info = subparsers.add_parser("info", help=_("show what the database holds"))
    info.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    info.set_defaults(handler=show_info)


def new_programme(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.errors import require_output_file
    from mentorapp.programme.rules import ProgrammeDraft
    from mentorapp.workspace.services import Services

    path = database_path(args)
    require_output_file(path)  # a new file: never over an existing one
    draft = ProgrammeDraft(organisation=args.organisation, name=args.programme)
    if draft.organisation or draft.name:
        from mentorapp.programme.rules import validate_programme

        validate_programme(draft)  # before the file is made, so a refusal leaves nothing
    with Services.to_write(path, create=True) as services:
        if draft.organisation or draft.name:
            services.programmes.save_programme(draft)
    print(_("Made a new programme file at {path}.").format(path=path))
    return 0


def demo_data(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.demo.writer import write_demo
    from mentorapp.workspace.services import Services

    path = database_path(args)
    with Services.to_write(path, create=True) as services:
        write_demo(services.database)
        info = services.info()
    print(
        _("Wrote the demo programme into {path}: {adepts} adepts, {mentors} mentors.").format(
            path=path, adepts=info.adepts, mentors=info.mentors
        )
    )
    return 0


def show_info(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.workspace.services import Services

    with Services.to_read(database_path(args)) as services:
        info = services.info()
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
