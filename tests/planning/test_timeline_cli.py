"""``mentorapp timeline``: milestones and due dates as JSON for scripts and as a table."""

from __future__ import annotations

import hashlib
import json
from datetime import date
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.guide.checklist import Scope
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from mentorapp.workspace.services import Services


@pytest.fixture
def made(tmp_path: Path) -> Path:
    """A programme with a round over New Year, one milestone moved and one item ticked."""
    path = tmp_path / "programme.db"
    with Services.opened(path) as services:
        programme = services.programmes.save_programme(
            ProgrammeDraft(organisation="Föreningen Broar", name="Mentorskap")
        )
        winter = services.programmes.save_cohort(
            programme.id,
            CohortDraft("Vinter 2027", date(2027, 11, 15), date(2028, 3, 15), date(2027, 10, 1)),
        )
        services.timeline.move(winter.id, "midpoint", date(2028, 1, 20))
        scope = Scope(programme.id, winter.id)
        row = services.guide.checklist(scope, "closing", "en")[2]  # the end survey
        services.guide.set_done(scope, row, True)
    return path


def test_json_has_exactly_the_documented_shape(made: Path, capsys) -> None:
    assert main(["--db", str(made), "timeline", "--cohort", "vinter 2027", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert set(data) == {"milestones", "due"}
    milestones = {m["key"]: m for m in data["milestones"]}
    assert milestones["midpoint"] == {"key": "midpoint", "date": "2028-01-20"}
    assert milestones["kickoff"] == {"key": "kickoff", "date": "2027-11-15"}
    assert milestones["meeting_4"] == {
        "key": "meeting_4",
        "date": milestones["meeting_4"]["date"],
        "until": "2028-03-15",
    }
    assert all(set(m) in ({"key", "date"}, {"key", "date", "until"}) for m in data["milestones"])
    due = {(d["stage"], d["item"]): d for d in data["due"]}
    assert all(set(d) == {"stage", "item", "due", "done"} for d in data["due"])
    assert due[("followup", "midpoint_checkin")] == {
        "stage": "followup",
        "item": "midpoint_checkin",
        "due": "2028-01-20",
        "done": False,
    }
    assert due[("closing", "end_survey")]["done"] is True
    assert due[("idea", "problem_statement")]["due"] < "2027-11-15"


def test_the_table_is_in_the_users_language(made: Path, capsys) -> None:
    assert main(["--lang", "sv", "--db", str(made), "timeline", "--cohort", "Vinter 2027"]) == 0
    out = capsys.readouterr().out
    assert "Tidsplan för Vinter 2027" in out
    assert "Parträff 2" in out and "20 jan. 2028" in out and "flyttad för hand" in out
    assert "Uppföljning: " in out  # stage titles name the items


def test_the_current_round_is_the_default_and_nothing_is_written(made: Path, capsys) -> None:
    before = hashlib.sha256(made.read_bytes()).hexdigest()
    assert main(["--db", str(made), "timeline", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["milestones"][0]["key"] == "planning_start"
    assert hashlib.sha256(made.read_bytes()).hexdigest() == before


def test_an_unknown_round_is_one_sentence_and_exit_2(made: Path, capsys) -> None:
    assert main(["--db", str(made), "timeline", "--cohort", "Sommar 1999", "--json"]) == 2
    captured = capsys.readouterr()
    assert captured.out == ""
    assert "Sommar 1999" in captured.err and "Vinter 2027" in captured.err
    assert len(captured.err.strip().splitlines()) == 1
