"""Helpers for the data-safety tests: the CLI with the safety commands, and file fingerprints."""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from mentorapp.commands import safety_commands
from mentorapp.demo.writer import write_demo
from mentorapp.workspace.services import Services


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch) -> Callable[..., int]:
    """``mentorapp.cli.main`` with the safety commands registered (until services wire them)."""
    import mentorapp.commands as commands
    from mentorapp.cli import main

    if safety_commands not in commands.MODULES:
        monkeypatch.setattr(commands, "MODULES", [*commands.MODULES, safety_commands])

    def run(*argv: object) -> int:
        return main([str(arg) for arg in argv])

    return run


@pytest.fixture
def demo(services: Services) -> Services:
    write_demo(services.database)
    return services


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    """A programme file with the demo in it, made the way a coordinator would."""
    from mentorapp.cli import main

    path = tmp_path / "programme.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    capsys.readouterr()
    return path


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def table_counts(path: Path) -> dict[str, int]:
    """Rows per table, read with a plain connection that changes nothing."""
    connection = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        names = [
            row[0]
            for row in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name"
            )
        ]
        return {
            name: connection.execute(f'SELECT COUNT(*) FROM "{name}"').fetchone()[0]
            for name in names
        }
    finally:
        connection.close()


def checkpoint(path: Path) -> None:
    """Fold the WAL into the file and empty it, as the last connection closing would."""
    connection = sqlite3.connect(path)
    try:
        connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        connection.close()
