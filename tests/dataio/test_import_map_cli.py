"""``mentorapp import --map "Header=field"`` and the wizard's remembered choices on the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.dataio.columns import ColumnMapError, apply_overrides
from mentorapp.workspace.services import Services
from mentorapp.workspace.settings import Settings, load_settings, save_settings
from tests.dataio.helpers import HEADER, csv_bytes, row

OWN = ["Namn", "Efternamn", "Mejl", "Ort", "Språk", "Område", "Bransch"]


def write(tmp_path: Path, rows: list[list[str]]) -> str:
    path = tmp_path / "in.csv"
    path.write_bytes(csv_bytes(rows))
    return str(path)


def run(db_path: Path, path: str, *args: str) -> int:
    return main(["--db", str(db_path), "import", path, "--role", "adept", "--cohort", "V", *args])


def report(capsys) -> dict:
    return json.loads(capsys.readouterr().out)


@pytest.fixture
def existing(db_path: Path) -> Path:
    """A Mentorapp file that exists (and is closed), as a coordinator's would."""
    with Services.opened(db_path):
        pass
    return db_path


def test_map_names_columns_the_format_does_not_know(existing, tmp_path, capsys) -> None:
    db_path = existing
    path = write(tmp_path, [OWN, row("Amal"), row("Bo")])
    assert run(db_path, path, "--json") == 1  # blocked: no first name, e-mail, field …
    assert report(capsys)["written"] is False
    maps = ["Namn=first_name", "mejl =email", "Område=education_field"]
    assert run(db_path, path, "--json", *[f"--map={m}" for m in maps]) == 0
    data = report(capsys)
    assert (data["created"], data["errors"]) == (2, [])
    assert {c["header"]: c["field"] for c in data["columns"]}["Mejl"] == "email"


def test_map_overrides_what_was_recognised(existing, tmp_path, capsys) -> None:
    db_path = existing
    rows = [[*HEADER, "Kontakt"], [*row("Amal", email="anonymous"), "amal@example.se"]]
    path = write(tmp_path, rows)
    assert run(db_path, path, "--json", "--map", "Kontakt=email", "--map", "City=") == 1
    data = report(capsys)
    assert data["ignored_columns"] == ["Email", "City"]  # nothing else takes the e-mail
    assert [e["column"] for e in data["errors"]] == ["City"]  # City is required
    assert run(db_path, path, "--json", "--map", "Kontakt=email") == 0
    assert report(capsys)["created"] == 1


@pytest.mark.parametrize(
    ("option", "words"),
    [
        ("Mejl=mail", ["“mail”", "first_name", "email", "preferred_mentor_gender"]),
        ("Mejl=capacity", ["“capacity”"]),  # a mentor's field in an adept import
        ("Epost=email", ["“Epost”", "“Mejl”"]),  # no such header: name it and the real ones
        ("Mejl", ["“Mejl”", "="]),
        ("=email", ["="]),
    ],
)
def test_a_wrong_map_is_one_sentence_and_imports_nothing(
    db_path, tmp_path, capsys, option, words
) -> None:
    path = write(tmp_path, [OWN, row("Amal")])
    assert run(db_path, path, "--map", option) == 2
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err.count("\n") == 1
    assert all(word in captured.err for word in words), captured.err
    assert "Traceback" not in captured.err
    assert not db_path.exists()  # checked before the database is opened


def test_two_columns_for_one_field_is_an_error() -> None:
    with pytest.raises(ColumnMapError) as caught:
        apply_overrides(OWN, [None] * 7, ["Namn=email", "Mejl=email"], "adept")
    assert "“Namn”" in caught.value.user_message() and "“Mejl”" in caught.value.user_message()


def test_the_cli_uses_the_wizards_remembered_choices(existing, tmp_path, capsys) -> None:
    db_path = existing
    remembered = {"namn": "first_name", "mejl": "email", "område": "education_field"}
    save_settings(Settings(import_mappings=remembered))
    path = write(tmp_path, [OWN, row("Amal")])
    assert run(db_path, path, "--json") == 0
    assert report(capsys)["created"] == 1
    assert load_settings().import_mappings == remembered  # read, never changed by the CLI
    # --map wins over a remembered choice
    assert run(db_path, path, "--json", "--map", "Namn=", "--dry-run") == 1
    assert report(capsys)["ignored_columns"] == ["Namn"]


def test_map_is_listed_in_the_help(capsys) -> None:
    with pytest.raises(SystemExit):
        main(["import", "--help"])
    assert "--map" in capsys.readouterr().out
