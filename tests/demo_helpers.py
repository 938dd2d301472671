"""What several test files need of the demo: a second process holding a file the way the
window does, and the names of the demo's two rounds (they follow today's date)."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_HOLD = """
import sys
from pathlib import Path
from mentorapp.workspace.workspace import Workspace
workspace = Workspace.open(Path(sys.argv[1]))
print("holding", flush=True)
sys.stdin.read()
workspace.close()
"""


@contextmanager
def held_like_the_gui(path: Path) -> Iterator[subprocess.Popen]:
    """Another process has the file open as the window has it, until the block ends."""
    holder = subprocess.Popen(
        [sys.executable, "-c", _HOLD, str(path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
        cwd=ROOT,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == "holding"
        yield holder
    finally:
        assert holder.stdin is not None
        holder.stdin.close()
        holder.wait(timeout=30)


@cache
def demo_round_names() -> tuple[str, str]:
    """(finished, running): the demo dates its rounds from today, so tests ask, not assume."""
    from mentorapp.demo.writer import write_demo
    from mentorapp.workspace.services import Services

    with (
        tempfile.TemporaryDirectory() as folder,
        Services.opened(Path(folder) / "demo.db") as services,
    ):
        write_demo(services.database)
        programme = services.programmes.programme()
        assert programme is not None and programme.id is not None
        names = [c.name for c in services.programmes.cohorts(programme.id)]
    finished, running = names[0], names[-1]
    return finished, running


def forget_the_demo_groups(path: Path) -> None:
    """The demo as it was before its running round was matched: no accepted groups, for the
    tests of matching itself (the demo's groups have met, so they cannot be dissolved)."""
    from sqlmodel import delete

    from mentorapp.domain.models import MatchGroup
    from mentorapp.workspace.services import Services

    with Services.opened(path) as services, services.database.transaction() as session:
        session.exec(delete(MatchGroup))  # members, meetings and former members go with them
