"""``mentorapp status``: moves applicants as the GUI does (history with date and reason),
all or nothing, only with the file's lock, as JSON for scripts and in the user's language."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names, held_like_the_gui

ROOT = Path(__file__).resolve().parent.parent
SPRING, ROUND = demo_round_names()  # the demo's finished and current rounds
APPLIED = ["emir.hodzic@example.com", "kaveh.jafari@example.com"]
WAITLISTED = "omar.al-khatib@example.com"
ONLY_IN_SPRING = "abdirahman.farah@example.com"  # applied to the finished round only
def run(*args: object) -> int:
    return main([str(a) for a in args])


@pytest.fixture
def demo_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> Path:
    path = tmp_path / "programme.db"
    assert run("--db", path, "demo-data") == 0
    capsys.readouterr()
    return path


def state(path: Path) -> dict[tuple[str, str, str], tuple[str, int]]:
    """Every application's status and number of history steps, per round, e-mail and role."""
    with Services.to_read(path) as services:
        seen = {}
        for cohort in services.programmes.cohorts(services.programmes.programme().id):
            for row in services.participants.rows(cohort.id):
                steps = len(services.pipeline.history(row.enrolment_id))
                seen[(cohort.name, row.email, row.role)] = (row.status, steps)
    return seen


def rows_by_email(path: Path, round_name: str = ROUND) -> dict[tuple[str, str], object]:
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(round_name)
        return {(r.email, r.role): r for r in services.participants.rows(cohort.id)}


def test_moves_with_a_dated_history_row_and_the_reason(demo_file: Path, capsys) -> None:
    before = state(demo_file)
    code = run(
        "--db", demo_file, "status", "--cohort", "höst 2026", "--to", "accepted",
        "--reason", "  Strong interview ", *APPLIED, WAITLISTED,
    )  # fmt: skip
    assert code == 0, capsys.readouterr().err
    after = state(demo_file)
    with Services.to_read(demo_file) as services:
        rows = rows_by_email(demo_file)
        for email, came_from in [(APPLIED[0], "applied"), (APPLIED[1], "applied"),
                                 (WAITLISTED, "waitlisted")]:  # fmt: skip
            row = rows[(email, "adept")]
            assert row.status == "accepted"
            last = services.pipeline.history(row.enrolment_id)[-1]
            assert (last.from_status, last.to_status) == (came_from, "accepted")
            assert last.changed_on == date.today()
            assert last.reason == "Strong interview"
    changed = {key for key in before if before[key] != after[key]}
    assert changed == {(ROUND, email, "adept") for email in [*APPLIED, WAITLISTED]}
    out = capsys.readouterr().out
    assert f"Moved 3 applications in {ROUND} to “Accepted”." in out
    assert "<omar.al-khatib@example.com>: Waitlisted → Accepted" in out


def test_addresses_are_found_in_their_one_form(demo_file: Path, capsys) -> None:
    assert run("--db", demo_file, "status", "--cohort", ROUND, "--to", "declined",
               "  Emir.HODZIC@Example.com\u200b", APPLIED[0]) == 0  # fmt: skip
    assert rows_by_email(demo_file)[(APPLIED[0], "adept")].status == "declined"
    assert "Moved 1 application in" in capsys.readouterr().out  # the duplicate counted once


@pytest.mark.parametrize(
    "wrong", ["nobody@example.org", ONLY_IN_SPRING, ""], ids=["unknown", "other-round", "empty"]
)
def test_one_address_that_did_not_apply_changes_nobody(demo_file: Path, wrong: str, capsys) -> None:
    before = state(demo_file)
    code = run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted", *APPLIED, wrong)
    assert code == 2
    error = capsys.readouterr().err
    assert f"“{wrong}” did not apply to “{ROUND}”, so nothing was changed." in error
    assert error.count("\n") == 1 and "Traceback" not in error
    assert APPLIED[0] not in error
    assert state(demo_file) == before


def test_the_refusal_names_every_address_that_did_not_apply(demo_file: Path, capsys) -> None:
    code = run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted",
               "a@example.org", APPLIED[0], "b@example.org")  # fmt: skip
    assert code == 2
    assert "“a@example.org”, “b@example.org” did not apply" in capsys.readouterr().err


def test_role_picks_the_application_of_someone_in_both_roles(demo_file: Path, capsys) -> None:
    with Services.opened(demo_file) as services:
        cohort = services.programmes.round_named(ROUND)
        values = {"first_name": "Emir", "last_name": "Hodžić", "email": APPLIED[0],
                  "city": "Malmö", "languages": ("sv",), "education_field_text": "Teknik",
                  "industry_text": "IT"}  # fmt: skip
        services.participants.create(cohort.id, "mentor", values)
    before = state(demo_file)
    assert run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted", APPLIED[0]) == 2
    error = capsys.readouterr().err
    assert f"“emir.hodzic@example.com” applied to “{ROUND}” both as an adept and as a mentor" in (
        error
    )
    assert "--role adept or --role mentor" in error
    assert state(demo_file) == before

    assert run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted",
               "--role", "mentor", APPLIED[0]) == 0  # fmt: skip
    rows = rows_by_email(demo_file)
    assert rows[(APPLIED[0], "mentor")].status == "accepted"
    assert rows[(APPLIED[0], "adept")].status == "applied"


def test_role_that_the_person_did_not_apply_in_changes_nobody(demo_file: Path, capsys) -> None:
    before = state(demo_file)
    code = run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted",
               "--role", "mentor", *APPLIED)  # fmt: skip
    assert code == 2
    error = capsys.readouterr().err
    assert f"did not apply to “{ROUND}” as a mentor, so nothing was changed." in error
    assert state(demo_file) == before


def test_an_unknown_round_changes_nobody(demo_file: Path, capsys) -> None:
    before = state(demo_file)
    assert run("--db", demo_file, "status", "--cohort", "Vinter", "--to", "accepted", *APPLIED) == 2
    assert "There is no round called “Vinter”" in capsys.readouterr().err
    assert state(demo_file) == before


def test_json_lists_what_changed_with_stored_keys(demo_file: Path, capsys) -> None:
    assert run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted",
               WAITLISTED) == 0  # fmt: skip
    capsys.readouterr()
    # Omar is "accepted" already: left alone and not listed; Emir moves.
    assert run("--db", demo_file, "--lang", "sv", "status", "--cohort", ROUND, "--to",
               "accepted", "--json", WAITLISTED, APPLIED[0].upper()) == 0  # fmt: skip
    data = json.loads(capsys.readouterr().out)
    assert data == {"changed": [{"email": APPLIED[0], "from": "applied", "to": "accepted"}]}


def test_summary_and_refusal_read_in_swedish(demo_file: Path, capsys) -> None:
    assert run("--db", demo_file, "--lang", "sv", "status", "--cohort", ROUND, "--to",
               "waitlisted", *APPLIED, WAITLISTED) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert f"Flyttade 2 ansökningar i {ROUND} till ”Reserv”." in out
    assert "<emir.hodzic@example.com>: Har ansökt → Reserv" in out
    assert "1 ansökan stod redan på ”Reserv” och lämnades som den var." in out

    assert run("--db", demo_file, "--lang", "sv", "status", "--cohort", ROUND, "--to",
               "accepted", "nobody@example.org") == 2  # fmt: skip
    error = capsys.readouterr().err
    assert f"“nobody@example.org” har inte sökt till ”{ROUND}”, så inget ändrades." in error


@pytest.fixture
def held(demo_file: Path) -> Iterator[None]:
    """A second process that holds the file the way the GUI does."""
    with held_like_the_gui(demo_file):
        yield


def test_a_held_file_is_refused_and_left_as_it_was(demo_file: Path, held, capsys) -> None:
    before = state(demo_file)
    assert run("--db", demo_file, "status", "--cohort", ROUND, "--to", "accepted", *APPLIED) == 2
    error = capsys.readouterr().err
    assert "is open in Mentorapp by" in error and "Traceback" not in error
    assert state(demo_file) == before
