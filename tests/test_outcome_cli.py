"""``mentorapp outcome``: record what an adept told, list the round's outcomes."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
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


def adept_email(path: Path) -> str:
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(FINISHED)
        return services.outcomes.adepts(cohort.id)[0].email


def listed(path: Path, capsys) -> list[dict]:
    assert run("--db", path, "outcome", "--list", "--cohort", FINISHED, "--json") == 0
    data = json.loads(capsys.readouterr().out)
    assert data["cohort"] == FINISHED
    return data["outcomes"]


def test_record_an_outcome_and_list_it(demo_file: Path, capsys) -> None:
    before = listed(demo_file, capsys)
    assert len(before) == 3  # the demo's
    email = adept_email(demo_file)
    day = (date.today() - timedelta(days=10)).isoformat()
    code = run(
        *("--db", demo_file, "outcome", "--cohort", FINISHED, "--adept", email.upper()),
        *("--kind", "job", "--on", day, "--field", "partly", "--through", "yes"),
        *("--note", "Region Skåne", "--json"),
    )
    assert code == 0
    made = json.loads(capsys.readouterr().out)
    assert set(made) == {"outcome", "adept"} and isinstance(made["outcome"], int)
    after = listed(demo_file, capsys)
    [row] = [r for r in after if r["id"] == made["outcome"]]
    assert row == {
        "id": made["outcome"],
        "adept": email,
        "name": row["name"],
        "kind": "job",
        "started_on": day,
        "in_field": "partly",
        "through_programme": "yes",
        "note": "Region Skåne",
        "recorded_on": date.today().isoformat(),
    }
    assert row["name"]


def test_the_list_reads_in_swedish(demo_file: Path, capsys) -> None:
    assert run("--db", demo_file, "--lang", "sv", "outcome", "--list", "--cohort", FINISHED) == 0
    out = capsys.readouterr().out
    assert f"Utfall i ”{FINISHED}”" in out
    assert "jobb" in out and "från" in out


@pytest.mark.parametrize(
    "arguments",
    [
        ["--kind", "job", "--on", "2026-01-01"],  # no --adept
        ["--adept", "{email}", "--kind", "pension", "--on", "2026-09-01"],
        ["--adept", "{email}", "--kind", "job", "--on", "2026-02-30"],
        ["--adept", "{email}", "--kind", "job", "--on", "9999-12-31"],
        ["--adept", "{email}", "--kind", "job", "--on", "2026-09-01", "--field", "maybe"],
        ["--adept", "{email}", "--kind", "job", "--on", "2026-09-01", "--through", "partly"],
        ["--adept", "{email}", "--kind", "job", "--on", "2026-09-01", "--note", "x" * 300],
        ["--adept", "nobody@example.org", "--kind", "job", "--on", "2026-09-01"],
    ],
)
def test_a_bad_argument_is_one_sentence_and_changes_nothing(
    demo_file: Path, capsys, arguments: list[str]
) -> None:
    email = adept_email(demo_file)
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    argv = [a.replace("{email}", email) for a in arguments]
    assert run("--db", demo_file, "outcome", "--cohort", FINISHED, *argv) == 2
    err = capsys.readouterr().err.strip()
    assert err and "\n" not in err and "Traceback" not in err
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before
