"""The file's page check started early, in a thread, while the window is still being built.

``PRAGMA quick_check`` reads every page of the file (70 ms for a file with 100,000 people)
and SQLite releases Python's lock while it reads, so it can run beside the window's
construction and the database layer's import instead of after them. The result is used only
if the file is unchanged since (same size and modification time) — otherwise the check runs
again — so the rule stays "every file is checked when it is opened". Standard library only:
importing this costs nothing.
"""

from __future__ import annotations

import sqlite3
import threading
from dataclasses import dataclass, field
from pathlib import Path

_lock = threading.Lock()
_started: dict[Path, _Check] = {}


@dataclass
class _Check:
    stamp: tuple[int, int]  # size and modification time when the check began
    done: threading.Event = field(default_factory=threading.Event)
    rows: list[str] | None = None  # quick_check's answer, or None when it could not run


def _stamp(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_size, status.st_mtime_ns


def start(path: Path) -> None:
    """Begin checking ``path`` in the background (nothing happens for a missing file)."""
    path = Path(path).resolve()
    stamp = _stamp(path)
    if stamp is None or stamp[0] == 0:
        return
    check = _Check(stamp)
    with _lock:
        _started[path] = check

    def run() -> None:
        try:
            uri = f"{path.as_uri()}?mode=ro"
            connection = sqlite3.connect(uri, uri=True, check_same_thread=False)
            try:
                check.rows = [row[0] for row in connection.execute("PRAGMA quick_check(5)")]
            finally:
                connection.close()
        except sqlite3.Error:
            check.rows = None  # the real check says what is wrong, in its words
        finally:
            check.done.set()

    threading.Thread(target=run, name="mentorapp-precheck", daemon=True).start()


def take(path: Path) -> list[str] | None:
    """quick_check's rows from the early check, if one ran on the file as it is now."""
    path = Path(path).resolve()
    with _lock:
        check = _started.pop(path, None)
    if check is None:
        return None
    check.done.wait()
    if check.rows is None or _stamp(path) != check.stamp:
        return None
    return check.rows


def forget_all() -> None:
    with _lock:
        _started.clear()


__all__ = ["forget_all", "start", "take"]
