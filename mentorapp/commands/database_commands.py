"""``demo-data`` and ``info``: create the demo in a file, and show what a file holds."""

from __future__ import annotations

import argparse
import json

from mentorapp.i18n import _


def register(subparsers: argparse._SubParsersAction) -> None:
    demo = subparsers.add_parser("demo-data", help=_("write the demo programme into a new file"))
    demo.set_defaults(handler=demo_data)
    info = subparsers.add_parser("info", help=_("show what the database holds"))
    info.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    info.set_defaults(handler=show_info)


def demo_data(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.demo import write_demo
    from mentorapp.services import Services

    path = database_path(args)
    with Services.opened(path) as services:
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
    from mentorapp.services import Services

    with Services.opened(database_path(args)) as services:
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
