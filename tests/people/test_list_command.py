"""``mentorapp list``: the applicants of a round as JSON for scripts or as a table."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.people.collation import sort_key

REQUIRED = {
    "email",
    "first_name",
    "last_name",
    "city",
    "digital",
    "languages",
    "education_field",
    "industry",
    "years_experience",
    "status",
}


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("list") / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


def _rounds(path: Path, capsys) -> list[str]:
    capsys.readouterr()
    assert main(["--db", str(path), "list", "--cohort", "no such round"]) == 2
    error = capsys.readouterr().err
    assert "no such round" in error
    return [name.strip("“”") for name in error.split("are: ")[1].rstrip(".\n").split(", ")]


def _listed(path: Path, capsys, *args: str) -> list[dict]:
    capsys.readouterr()
    assert main(["--db", str(path), *args, "--json"]) == 0
    listed = json.loads(capsys.readouterr().out)
    assert isinstance(listed, list)
    return listed


def test_unknown_round_lists_the_rounds(demo: Path, capsys) -> None:
    rounds = _rounds(demo, capsys)
    assert len(rounds) == 2 and all(name.startswith(("Vår ", "Höst ")) for name in rounds)


def test_adepts_as_json(demo: Path, capsys) -> None:
    running = _rounds(demo, capsys)[1]
    adepts = _listed(demo, capsys, "list", "--cohort", running.upper(), "--role", "adept")
    assert len(adepts) == 35
    for adept in adepts:
        assert set(adept) >= REQUIRED
        assert "capacity" not in adept and "employer" not in adept
        assert isinstance(adept["digital"], bool) and isinstance(adept["years_experience"], int)
        assert adept["languages"] in (["sv"], ["en"], ["sv", "en"])
        assert adept["role"] == "adept"
    statuses = {a["status"] for a in adepts}
    assert statuses == {"active", "waitlisted", "declined", "applied", "interview"}
    uncoded = [a for a in adepts if not a["education_field"] or not a["industry"]]
    assert uncoded and all(a["education_field_text"] and a["industry_text"] for a in uncoded)
    keys = [(sort_key(a["last_name"], "en"), sort_key(a["first_name"], "en")) for a in adepts]
    assert keys == sorted(keys)


def test_mentors_as_json_in_swedish_order(demo: Path, capsys) -> None:
    finished = _rounds(demo, capsys)[0]
    args = ("--lang", "sv", "list", "--cohort", finished, "--role", "mentor")
    mentors = _listed(demo, capsys, *args)
    assert len(mentors) == 17
    assert all(isinstance(m["capacity"], int) and 1 <= m["capacity"] <= 3 for m in mentors)
    assert any(m["employer"] for m in mentors) and any(not m["employer"] for m in mentors)
    assert {m["status"] for m in mentors} == {"completed", "withdrawn"}
    names = [m["last_name"] for m in mentors]
    assert names == sorted(names, key=lambda n: sort_key(n, "sv"))
    assert names != sorted(names, key=lambda n: sort_key(n, "en"))  # Å, Ä, Ö really come last


def test_without_a_round_the_current_one_is_listed(demo: Path, capsys) -> None:
    everyone = _listed(demo, capsys, "list")
    assert len(everyone) == 35 + 23 and {p["role"] for p in everyone} == {"adept", "mentor"}


def test_table_has_translated_headers(demo: Path, capsys) -> None:
    capsys.readouterr()
    assert main(["--db", str(demo), "list", "--role", "mentor"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].split()[:3] == ["Last", "name", "First"]
    assert "Number of adepts" in lines[0] and set(lines[1]) == {"-", " "}
    assert len(lines) == 2 + 23 and any("Active" in line for line in lines)


def test_a_file_without_rounds(tmp_path: Path, capsys) -> None:
    assert main(["--db", str(tmp_path / "empty.db"), "new"]) == 0
    assert main(["--db", str(tmp_path / "empty.db"), "list"]) == 2
    assert "no rounds yet" in capsys.readouterr().err
