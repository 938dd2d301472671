"""``mentorapp reminders --who survey:KEY``: those who have not answered, noted as reminded."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

FINISHED, RUNNING = demo_round_names()


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "programme.db"
    assert run("--db", path, "demo-data") == 0
    capsys.readouterr()
    return path


def test_a_survey_reminder_from_the_command_line_notes_the_survey_sent(
    demo_file: Path, capsys, tmp_path: Path
) -> None:
    with Services.to_read(demo_file) as services:
        cohort = services.programmes.round_named(FINISHED)
        before = services.owed.status(cohort.id, "t2")
    out = tmp_path / "t2.csv"
    argv = ["--db", demo_file, "reminders", "--cohort", FINISHED, "--who", "survey:t2"]
    assert run(*argv, "--out", out, "--json") == 0
    emails = json.loads(capsys.readouterr().out)["emails"]
    missing = {p.email for p in before.missing if p.status not in ("withdrawn", "declined")}
    assert set(emails) == missing and emails
    with Services.to_read(demo_file) as services:
        after = services.owed.status(cohort.id, "t2")
    today = date.today()
    reminded = {p.email for p in after.people if p.sent_on == today and p.sent_way == "csv"}
    assert reminded == missing
