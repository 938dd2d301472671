"""A writer to be killed: forks a fresh child per line on stdin; the child writes for ever.

Run as ``python crash_writer.py DB``. Imports happen once here, so each forked writer is
ready within milliseconds and the parent can kill many of them quickly. Each child prints
``ready``, then ``item <id>`` or ``status <id>`` after every *committed* change; this
process prints ``dead`` when the child has gone.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from mentorapp.guide.checklist import Scope
from mentorapp.workspace.services import Services


def write_for_ever(path: Path) -> None:
    services = Services.open(path)
    programme = services.programmes.programme()
    assert programme is not None and programme.id is not None
    cohort = services.programmes.cohorts(programme.id)[0]
    enrolment_id = services.participants.rows(cohort.id)[0].enrolment_id
    scope = Scope(programme.id, cohort.id)
    print("ready", flush=True)
    number = 0
    while True:
        number += 1
        row = services.guide.add_own_item(scope, "recruitment", f"Punkt {number} – Åsa Łukasz")
        print(f"item {row.entry_id}", flush=True)
        status = "interview" if number % 2 else "applied"
        for change in services.pipeline.change_status([enrolment_id], status, f"skäl {number}"):
            print(f"status {change}", flush=True)


def main() -> None:
    path = Path(sys.argv[1])
    for _line in sys.stdin:
        child = os.fork()
        if child == 0:
            try:
                write_for_ever(path)
            finally:
                os._exit(1)
        print(f"pid {child}", flush=True)
        os.waitpid(child, 0)
        print("dead", flush=True)


if __name__ == "__main__":
    main()
