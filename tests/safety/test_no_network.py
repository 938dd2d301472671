"""Mentorapp never talks to the network: people's data stays on the coordinator's laptop."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import pytest

from mentorapp.cli import build_parser

PACKAGE = Path(__file__).resolve().parents[2] / "mentorapp"
NETWORK_MODULES = (
    "socket",
    "ssl",
    # urllib.parse only quotes text (the mailto: links of reminders); the rest of urllib
    # fetches URLs.
    "urllib.request",
    "urllib.error",
    "urllib.response",
    "urllib.robotparser",
    "http",
    "ftplib",
    "smtplib",
    "imaplib",
    "poplib",
    "xmlrpc",
    "requests",
    "httpx",
    "aiohttp",
    "websocket",
    "PySide6.QtNetwork",
)


def test_no_module_imports_a_network_library() -> None:
    names = "|".join(re.escape(name) for name in NETWORK_MODULES)
    pattern = re.compile(rf"^\s*(?:import|from)\s+(?:{names})\b", re.MULTILINE)
    offenders = [
        str(path.relative_to(PACKAGE))
        for path in PACKAGE.rglob("*.py")
        if pattern.search(path.read_text(encoding="utf-8"))
    ]
    assert offenders == []


@pytest.fixture
def offline(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every way to open a connection raises, and is recorded."""
    attempts: list[str] = []

    def refuse(name: str):
        def call(*args, **_kwargs):
            attempts.append(f"{name}{args!r}")
            raise OSError(f"network used: {name}")

        return call

    for name in ("socket", "create_connection", "getaddrinfo", "gethostbyname"):
        monkeypatch.setattr(socket, name, refuse(name))
    return attempts


def available(command: str) -> bool:
    parser = build_parser()
    actions = [a for a in parser._actions if a.dest == "command"]
    return bool(actions) and command in actions[0].choices


def test_a_full_session_never_connects(cli, offline: list[str], tmp_path: Path, capsys) -> None:
    from mentorapp.workspace.services import Services

    with pytest.raises(OSError):  # the guard works
        socket.create_connection(("example.org", 443))
    offline.clear()
    db, other = tmp_path / "programme.db", tmp_path / "restored.db"
    assert cli("--db", db, "demo-data") == 0
    assert cli("--db", db, "info") == 0
    assert cli("--db", db, "list") == 0
    with Services.opened(db) as services:
        cohorts = services.programmes.cohorts(services.programmes.programme().id)
    running = next(c for c in cohorts if c.is_current).name
    adepts = tmp_path / "adepts.csv"
    assert (
        cli(
            "--db",
            db,
            "export-participants",
            "--cohort",
            running,
            "--role",
            "adept",
            "--out",
            adepts,
        )
        == 0
    )
    assert cli("--db", db, "import", adepts, "--role", "adept", "--cohort", "Höst 2099") == 0
    if available("match"):
        assert cli("--db", db, "match", "--json") == 0
    assert cli("--db", db, "export", "--out", tmp_path / "backup.zip") == 0
    assert cli("--db", other, "restore", tmp_path / "backup.zip") == 0
    assert cli("--db", db, "backup", "--out", tmp_path / "copy.db") == 0
    assert cli("--db", other, "safety-copies") == 0
    assert (
        cli("--db", db, "person-export", "samira.benali@example.com", "--out", tmp_path / "ut") == 0
    )
    assert cli("--db", db, "person-erase", "samira.benali@example.com", "--yes") == 0
    capsys.readouterr()
    assert offline == []
