"""``mentorapp gathering add|list|attend|attendance-list``: the same gatherings as the GUI."""

from __future__ import annotations

import hashlib
import json
from datetime import date, timedelta
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

_FINISHED, ROUND = demo_round_names()
DAY = (date.today() + timedelta(days=9)).isoformat()


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "programme.db"
    assert run("--db", path, "demo-data") == 0
    capsys.readouterr()
    return path


def gatherings(path: Path, capsys: pytest.CaptureFixture[str]) -> list[dict]:
    assert run("--db", path, "gathering", "list", "--cohort", ROUND, "--json") == 0
    return json.loads(capsys.readouterr().out)["gatherings"]


def active_emails(path: Path, role: str) -> list[str]:
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(ROUND)
        rows = services.participants.rows(cohort.id, role)
    return [r.email for r in rows if r.status in ("accepted", "active")]


def test_add_from_a_template_inviting_everyone_then_list(demo_file: Path, capsys) -> None:
    before = gatherings(demo_file, capsys)
    code = run(
        *("--db", demo_file, "--lang", "sv", "gathering", "add", "--cohort", ROUND),
        *("--date", DAY, "--time", "17:30", "--from-template", "salary_union"),
        *("--place", "Folkets hus", "--invite", "all", "--json"),
    )
    assert code == 0
    made = json.loads(capsys.readouterr().out)
    assert set(made) == {"id"}
    listed = gatherings(demo_file, capsys)
    assert len(listed) == len(before) + 1
    [row] = [g for g in listed if g["id"] == made["id"]]
    assert row == {
        "id": made["id"],
        "title": "Lön, fackförbund och a-kassa",
        "date": DAY,
        "time": "17:30",
        "place": "Folkets hus",
        "cancelled": False,
        "invited": len(active_emails(demo_file, "adept")) + len(active_emails(demo_file, "mentor")),
        "attended": 0,
    }
    with Services.to_read(demo_file) as services:
        stored = services.gatherings.gathering(made["id"])
    assert stored.minutes == 120 and "kollektivavtal" in stored.description


def test_a_whole_day_gathering_has_no_time_and_mentors_only(demo_file: Path, capsys) -> None:
    code = run(
        *("--db", demo_file, "gathering", "add", "--cohort", ROUND, "--title", "Mentorsfika"),
        *("--date", DAY, "--invite", "mentors", "--minutes", "90"),
    )
    assert code == 0
    new_id = int(capsys.readouterr().out.strip())
    [row] = [g for g in gatherings(demo_file, capsys) if g["id"] == new_id]
    assert row["time"] is None and row["invited"] == len(active_emails(demo_file, "mentor"))


def test_attend_records_walk_ins_and_absence(demo_file: Path, capsys) -> None:
    assert run("--db", demo_file, "gathering", "add", "--cohort", ROUND, "--title", "Fika",
               "--date", DAY, "--json") == 0  # fmt: skip
    new_id = json.loads(capsys.readouterr().out)["id"]
    adept, mentor = active_emails(demo_file, "adept")[0], active_emails(demo_file, "mentor")[0]
    code = run("--db", demo_file, "gathering", "attend", "--id", new_id,
               "--email", adept, "--email", mentor.upper())  # fmt: skip
    assert code == 0
    assert "2" in capsys.readouterr().out
    [row] = [g for g in gatherings(demo_file, capsys) if g["id"] == new_id]
    assert (row["invited"], row["attended"]) == (0, 2)  # nobody was invited: walk-ins
    assert run("--db", demo_file, "gathering", "attend", "--id", new_id, "--email", mentor,
               "--absent", "--json") == 0  # fmt: skip
    assert json.loads(capsys.readouterr().out) == {"changed": 1}
    [row] = [g for g in gatherings(demo_file, capsys) if g["id"] == new_id]
    assert row["attended"] == 1


def test_an_unknown_address_writes_nothing(demo_file: Path, capsys) -> None:
    new_id = gatherings(demo_file, capsys)[0]["id"]
    adept = active_emails(demo_file, "adept")[0]
    before = hashlib.sha256(demo_file.read_bytes()).hexdigest()
    code = run("--db", demo_file, "gathering", "attend", "--id", new_id,
               "--email", adept, "--email", "nobody@example.org")  # fmt: skip
    captured = capsys.readouterr()
    assert code == 2
    assert "nobody@example.org" in captured.err and "nothing was changed" in captured.err
    assert captured.err.count("\n") == 1  # one sentence
    assert hashlib.sha256(demo_file.read_bytes()).hexdigest() == before


def test_bad_values_are_one_sentence(demo_file: Path, capsys) -> None:
    for extra, words in [
        (("--title", "X", "--date", "2027-02-30"), "is not a date"),
        (("--title", "X", "--date", DAY, "--time", "25:00"), "is not a time"),
        (("--title", "", "--date", DAY), "title"),
        (("--title", "X", "--date", "2000-01-01"), "more than a year"),
        (("--from-template", "nope", "--date", DAY), "job_search_cv"),
        (("--title", "X", "--date", DAY, "--minutes", "99999"), "minutes"),
    ]:
        assert run("--db", demo_file, "gathering", "add", "--cohort", ROUND, *extra) == 2, extra
        assert words in capsys.readouterr().err, extra


def test_the_attendance_list_is_written(demo_file: Path, tmp_path: Path, capsys) -> None:
    held = gatherings(demo_file, capsys)[0]
    out = tmp_path / "lista.pdf"
    code = run("--db", demo_file, "gathering", "attendance-list", "--id", held["id"],
               "--out", out, "--lang", "sv")  # fmt: skip
    assert code == 0
    assert str(held["invited"]) in capsys.readouterr().out
    text = "".join(page.extract_text() for page in PdfReader(out).pages)
    assert "Närvarolista" in text and held["title"] in text
    assert run("--db", demo_file, "gathering", "attendance-list", "--id", held["id"],
               "--out", out) == 2  # fmt: skip
    assert "already exists" in capsys.readouterr().err
