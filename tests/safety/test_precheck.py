"""The page check the window starts early counts only for the file as it still is."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from mentorapp.db import precheck
from mentorapp.db.backends.sqlite import SQLiteFile
from mentorapp.errors import DatabaseRefused


def backend(path: Path) -> SQLiteFile:
    return SQLiteFile(path)


def test_an_early_check_of_an_unchanged_file_is_used(demo_file: Path, monkeypatch) -> None:
    precheck.start(demo_file)
    calls = []
    monkeypatch.setattr(
        "mentorapp.db.backends.sqlite.connect_existing",
        lambda *a, **k: calls.append(a) or pytest.fail("checked twice"),
    )
    backend(demo_file).check_integrity()  # no second connection: the early answer counts
    assert calls == []


def test_a_file_changed_since_the_early_check_is_checked_again(demo_file: Path) -> None:
    precheck.start(demo_file)
    precheck._started[demo_file.resolve()].done.wait()
    damage(demo_file)
    with pytest.raises(DatabaseRefused):
        backend(demo_file).check_integrity()


def test_a_damaged_file_is_refused_with_or_without_the_early_check(demo_file: Path) -> None:
    damage(demo_file)
    precheck.start(demo_file)
    with pytest.raises(DatabaseRefused):
        backend(demo_file).check_integrity()
    with pytest.raises(DatabaseRefused):
        backend(demo_file).check_integrity()  # the early answer is used once only


def damage(path: Path) -> None:
    """Scribble over a page in the middle of the file (not the header)."""
    size = path.stat().st_size
    with path.open("r+b") as handle:
        handle.seek(size // 2 // 4096 * 4096)
        handle.write(b"\xff" * 4096)
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000))
