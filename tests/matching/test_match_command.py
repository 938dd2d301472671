"""``mentorapp match``: the JSON shape, the readable summary and --apply."""

from __future__ import annotations

import json
from pathlib import Path

from mentorapp.cli import main
from tests.matching.conftest import Add


def test_json_shape(services, db_path: Path, cohort, add: Add, capsys) -> None:
    one, two = add("adept"), add("adept", languages=("sv", "en"))
    lost = add("adept", languages=("en",))
    mentor = add("mentor", capacity=2)
    assert main(["--db", str(db_path), "match", "--cohort", "vår 2027", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert {"groups", "unmatched", "source", "help"} <= set(data)
    assert data["source"] == "accepted"
    (group,) = data["groups"]
    assert group["mentor"] == mentor.email
    assert sorted(group["adepts"]) == sorted([one.email, two.email])
    assert group["language"] == "sv"
    assert set(group["parts"]) == {one.email, two.email}
    assert set(group["parts"][one.email]) == {
        "field",
        "industry",
        "experience",
        "wishes",
        "city",
        "languages",
    }
    scores = [sum(parts.values()) for parts in group["parts"].values()]
    assert group["score"] == round(sum(scores) / 2)
    assert data["unmatched"] == [
        {"adept": lost.email, "reasons": ["no mentor shares a meeting language"]}
    ]
    assert services.matching.groups(cohort.id) == []


def test_apply_writes_the_groups(services, db_path: Path, cohort, add: Add, capsys) -> None:
    adept, mentor = add("adept"), add("mentor")
    assert main(["--db", str(db_path), "match", "--apply", "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert len(data["accepted_groups"]) == 1
    (group,) = services.matching.groups(cohort.id)
    assert group.mentor.email == mentor.email
    assert [m.row.email for m in group.adepts] == [adept.email]


def test_readable_summary(db_path: Path, cohort, add: Add, capsys) -> None:
    add("adept", city="Kiruna", first_name="Kim")
    add("adept", first_name="Alva")
    add("mentor", first_name="Maja")
    assert main(["--db", str(db_path), "match", "--cohort", "Vår 2027", "--apply"]) == 0
    out = capsys.readouterr().out
    assert "Proposal for Vår 2027" in out
    assert "1 of 2 adepts placed" in out
    assert "Maja Testsson" in out and "Alva Testsson" in out
    assert "no mentor in Kiruna, and the adept does not meet digitally" in out
    assert "Accepted 1 group" in out


def test_unknown_round(db_path: Path, cohort, capsys) -> None:
    assert main(["--db", str(db_path), "match", "--cohort", "Höst 1999"]) == 2
    assert "Höst 1999" in capsys.readouterr().err
