"""``mentorapp interviews`` and ``interview-book``: the same bookings as the GUI, as JSON."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names

_FINISHED, ROUND = demo_round_names()
LATE = "kaveh.jafari@example.com"  # applied late to the running round, no interview yet


def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "programme.db"
    assert run("--db", path, "demo-data") == 0
    capsys.readouterr()
    return path


def listing(path: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> list[dict]:
    assert run("--db", path, "interviews", "--cohort", ROUND, "--json", *extra) == 0
    return json.loads(capsys.readouterr().out)["interviews"]


def test_the_demo_rounds_interviews_as_json(demo_file: Path, capsys) -> None:
    rows = listing(demo_file, capsys)
    assert len(rows) > 50
    assert set(rows[0]) == {
        "email", "role", "starts_at", "minutes", "place", "interviewer", "state", "decision",
    }  # fmt: skip
    assert {r["state"] for r in rows} == {"held", "booked"}
    assert {r["decision"] for r in rows if r["state"] == "held"} == {
        "accepted",
        "waitlisted",
        "declined",
    }
    assert [r["starts_at"] for r in rows] == sorted(r["starts_at"] for r in rows)


def test_booking_from_the_command_line_moves_the_pipeline(demo_file: Path, capsys) -> None:
    assert run(
        "--lang", "en", "--db", demo_file, "interview-book", "--cohort", ROUND,
        "--at", "2031-02-03 13:30", "--minutes", "30", "--place", "Rum 2",
        "--interviewer", "Linnea", "--json", LATE,
    ) == 0  # fmt: skip
    booked = json.loads(capsys.readouterr().out)["booked"]
    assert booked == {
        "email": LATE, "role": "adept", "starts_at": "2031-02-03T13:30", "minutes": 30,
        "place": "Rum 2", "interviewer": "Linnea", "state": "booked", "decision": "",
    }  # fmt: skip
    day = listing(demo_file, capsys, "--day", "2031-02-03")
    assert [r["email"] for r in day] == [LATE]
    with Services.to_read(demo_file) as services:
        cohort = services.programmes.round_named(ROUND)
        row = next(r for r in services.participants.rows(cohort.id) if r.email == LATE)
        step = services.pipeline.history(row.enrolment_id)[-1]
    assert row.status == "interview" and (step.from_status, step.to_status) == (
        "applied",
        "interview",
    )
    assert "13:30" in step.reason
    # A second booking is refused in one sentence, and nothing changes.
    before = demo_file.read_bytes()
    assert run("--lang", "en", "--db", demo_file, "interview-book", "--cohort", ROUND,
               "--at", "2031-02-04 09:00", LATE) == 2  # fmt: skip
    assert "already has an interview booked" in capsys.readouterr().err
    assert len(listing(demo_file, capsys, "--day", "2031-02-04")) == 0
    assert demo_file.read_bytes() == before


def test_the_days_schedule_as_a_pdf(demo_file: Path, capsys, tmp_path: Path) -> None:
    day = listing(demo_file, capsys)[0]["starts_at"][:10]
    out = tmp_path / "schema.pdf"
    assert run("--lang", "sv", "--db", demo_file, "interviews", "--cohort", ROUND,
               "--day", day, "--out", out) == 0  # fmt: skip
    assert "Sparade schemat" in capsys.readouterr().out
    text = PdfReader(out).pages[0].extract_text()
    assert "Intervjuschema" in text and ROUND in text


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (["interviews", "--cohort", ROUND, "--day", "3 feb"], "is not a date"),
        (["interviews", "--cohort", ROUND, "--out", "x.pdf"], "--day"),
        (["interview-book", "--cohort", ROUND, "--at", "13:30", LATE], "not a date and time"),
        (
            [
                "interview-book",
                "--cohort",
                ROUND,
                "--at",
                "2031-02-03 13:30",
                "--minutes",
                "0",
                LATE,
            ],
            "from 5 to 480 minutes",
        ),
        (
            [
                "interview-book",
                "--cohort",
                ROUND,
                "--at",
                "2031-02-03 13:30",
                "omar.al-khatib@example.com",
            ],
            "no interview can be booked",
        ),
    ],
)
def test_bad_input_is_one_sentence(demo_file: Path, capsys, args: list[str], words: str) -> None:
    assert run("--lang", "en", "--db", demo_file, *args) == 2
    error = capsys.readouterr().err
    assert words in error and "Traceback" not in error
