"""``mentorapp import-checkins``: JSON and exit codes as scripts rely on them, all or nothing."""

from __future__ import annotations

import hashlib
import json
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.demo.writer import write_demo
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

TODAY = date.today()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Path:
    path = tmp_path / "programme.db"
    shutil.copy(demo_file, path)
    return path


def open_meetings(path: Path) -> list[tuple[str, int]]:
    """(mentor's e-mail, meeting number) of meetings not held, in groups that go on."""
    _finished, running = demo_round_names()
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(running)
        assert cohort.id is not None
        schedule = services.meetings.schedule(cohort.id)
    return [
        (group.mentor.email, m.number)
        for group in schedule.groups
        if group.ended_on is None
        for m in group.meetings
        if m.state != "held"
    ]


def held_on(path: Path, email: str, number: int) -> date | None:
    _finished, running = demo_round_names()
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(running)
        assert cohort.id is not None
        group = services.meetings.schedule(cohort.id).group_of_mentor(email)
    assert group is not None
    return next(m.held_on for m in group.meetings if m.number == number)


def run(capsys: pytest.CaptureFixture, *argv: str) -> tuple[int, dict]:
    code = main(["--lang", "en", *argv, "--json"])
    return code, json.loads(capsys.readouterr().out)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_clean_file_is_recorded_and_a_second_import_changes_nothing(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (first, n1), (second, n2) = open_meetings(demo)[:2]
    day = TODAY - timedelta(days=2)
    source = tmp_path / "svar.csv"
    source.write_text(
        f"E-postadress;Träff;Datum\n{first};{n1};{day}\n{second};Träff {n2};{day}\n",
        encoding="utf-8-sig",
    )
    _finished, running = demo_round_names()
    base = ["--db", str(demo), "import-checkins", str(source), "--cohort", running]
    code, answer = run(capsys, *base, "--dry-run")
    assert code == 0 and answer["recorded"] == 2 and not answer["written"]
    assert held_on(demo, first, n1) is None

    code, answer = run(capsys, *base)
    assert code == 0
    assert answer == {
        "rows": 2,
        "recorded": 2,
        "unchanged": 0,
        "problems": [],
        "warnings": [],
        "written": True,
    }
    assert held_on(demo, first, n1) == day and held_on(demo, second, n2) == day

    code, answer = run(capsys, *base)
    assert code == 0 and (answer["recorded"], answer["unchanged"]) == (0, 2)


def test_a_file_with_a_problem_exits_2_and_leaves_the_file_as_it_was(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    (first, n1), (second, _n2) = open_meetings(demo)[:2]
    source = tmp_path / "svar.csv"
    source.write_text(
        f"Email,Meeting,Date\n{first},{n1},{TODAY}\n{second},7,{TODAY}\n", encoding="utf-8"
    )
    before = digest(demo)
    _finished, running = demo_round_names()
    code, answer = run(
        capsys, "--db", str(demo), "import-checkins", str(source), "--cohort", running
    )
    assert code == 2
    assert answer["recorded"] == 0 and not answer["written"]
    assert [(p["row"], p["column"]) for p in answer["problems"]] == [(3, "Meeting")]
    assert digest(demo) == before


def test_replace_moves_a_recorded_day_only_when_asked(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    ((email, number),) = open_meetings(demo)[:1]
    first_day, second_day = TODAY - timedelta(days=6), TODAY - timedelta(days=3)
    _finished, running = demo_round_names()
    for day, extra, expected in (
        (first_day, [], 0),
        (second_day, [], 2),
        (second_day, ["--replace"], 0),
    ):
        source = tmp_path / f"{day}.csv"
        source.write_text(f"Email,Meeting,Date\n{email},{number},{day}\n", encoding="utf-8")
        argv = ["--db", str(demo), "import-checkins", str(source), "--cohort", running, *extra]
        code, _answer = run(capsys, *argv)
        assert code == expected
    assert held_on(demo, email, number) == second_day


def test_the_summary_is_in_the_users_language(
    demo: Path, tmp_path: Path, capsys: pytest.CaptureFixture
) -> None:
    ((email, number),) = open_meetings(demo)[:1]
    source = tmp_path / "svar.csv"
    source.write_text(f"E-post,Träff,Datum\n{email},{number},{TODAY}\n", encoding="utf-8")
    _finished, running = demo_round_names()
    argv = ["--lang", "sv", "--db", str(demo), "import-checkins", str(source)]
    assert main([*argv, "--cohort", running, "--dry-run"]) == 0
    out = capsys.readouterr().out
    assert "Provkörning: ingenting skrevs." in out
    assert "Importen skulle registrera 1 träff som genomförd." in out
