"""``mentorapp workbooks``: files for a round from the command line."""

from __future__ import annotations

from pathlib import Path

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.documents.helpers import NAMES, add_group, make_round


def make_file(path: Path, groups: int) -> None:
    """A database with one round and ``groups`` groups, closed again before the CLI opens it."""
    with Services.opened(path) as services:
        cohort_id = make_round(services)
        for number in range(groups):
            add_group(services, cohort_id, f"Mentor{number} {NAMES[0]}", [NAMES[1 + number % 4]])


def test_one_file_per_group(db_path: Path, tmp_path: Path, capsys) -> None:
    make_file(db_path, 3)
    out = tmp_path / "pdf"
    code = main(["--db", str(db_path), "workbooks", "--cohort", "vår 2027", "--out", str(out)])
    assert code == 0
    printed = capsys.readouterr().out.splitlines()
    assert len(printed) == 3 and all(Path(line).is_file() for line in printed)
    assert sorted(p.name for p in out.iterdir()) == sorted(Path(line).name for line in printed)


def test_combined_and_both_languages(db_path: Path, tmp_path: Path, capsys) -> None:
    make_file(db_path, 2)
    args = ["--db", str(db_path), "workbooks", "--cohort", "Vår 2027", "--out", str(tmp_path / "o")]
    assert main([*args, "--combined"]) == 0
    assert [Path(line).name for line in capsys.readouterr().out.splitlines()] == ["Vår 2027.pdf"]
    assert main([*args, "--combined", "--lang", "both", "--paper", "Letter"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_a_round_without_groups_exits_with_advice(db_path: Path, tmp_path: Path, capsys) -> None:
    make_file(db_path, 0)
    out = tmp_path / "out"
    code = main(["--db", str(db_path), "workbooks", "--cohort", "Vår 2027", "--out", str(out)])
    assert code == 2
    error = capsys.readouterr().err
    assert "no accepted groups" in error and "Matching stage" in error
    assert not out.exists() or not any(out.iterdir())


def test_the_ui_language_option_still_works_before_the_command(db_path: Path, capsys) -> None:
    make_file(db_path, 0)
    code = main(["--db", str(db_path), "--lang", "sv", "workbooks", "--out", "x", "--lang", "en"])
    assert code == 2
    assert "Godkänn matchningar" in capsys.readouterr().err  # in the UI language, Swedish
