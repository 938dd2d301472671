"""The safety commands from the command line: exit codes, messages, files."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from mentorapp.db.lock import DatabaseLock

from .conftest import digest, table_counts

EMAIL = "samira.benali@example.com"


@pytest.fixture
def demo_file(cli, db_path: Path, capsys) -> Path:
    assert cli("--db", db_path, "demo-data") == 0
    capsys.readouterr()
    return db_path


def test_export_then_restore_into_a_new_file(cli, demo_file: Path, tmp_path: Path, capsys):
    assert cli("--db", demo_file, "export", "--out", tmp_path / "b.zip", "--delimiter", ";") == 0
    assert "b.zip" in capsys.readouterr().out
    target = tmp_path / "new.db"
    assert cli("--db", target, "restore", tmp_path / "b.zip") == 0
    assert "Restored" in capsys.readouterr().out
    assert table_counts(target) == table_counts(demo_file)

    assert cli("--db", target, "restore", tmp_path / "b.zip") == 1
    err = capsys.readouterr().err
    assert "already holds data" in err and "--replace" in err
    assert cli("--db", target, "restore", tmp_path / "b.zip", "--replace") == 0
    assert "before-restore" in capsys.readouterr().out
    assert cli("--db", target, "safety-copies", "--json") == 0
    (copy,) = json.loads(capsys.readouterr().out)
    assert copy["reason"] == "before-restore" and copy["programmes"] == 1
    assert cli("--db", target, "safety-copies") == 0
    assert "before a restore" in capsys.readouterr().out


def test_a_damaged_backup_never_creates_the_target(cli, tmp_path: Path, capsys) -> None:
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04 nope")
    assert cli("--db", tmp_path / "new.db", "restore", tmp_path / "bad.zip") == 2
    assert "not a Mentorapp backup" in capsys.readouterr().err
    assert not (tmp_path / "new.db").exists()


def test_backup_copies_the_file_and_will_not_overwrite(cli, demo_file: Path, tmp_path: Path):
    out = tmp_path / "copy.db"
    assert cli("--db", demo_file, "backup", "--out", out) == 0
    assert table_counts(out) == table_counts(demo_file)
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    before = digest(out)
    out.write_bytes(b"mine")
    assert cli("--db", demo_file, "backup", "--out", out) == 2
    assert out.read_bytes() == b"mine"
    assert cli("--db", demo_file, "backup", "--out", out, "--force") == 0
    assert table_counts(out) == table_counts(demo_file) and digest(out) == before
    assert cli("--db", demo_file, "backup", "--out", demo_file, "--force") == 2


def test_no_safety_copies_yet(cli, tmp_path: Path, capsys) -> None:
    assert cli("--db", tmp_path / "x.db", "safety-copies") == 0
    assert "no safety copies" in capsys.readouterr().out


def test_person_export_and_erase(cli, demo_file: Path, tmp_path: Path, capsys) -> None:
    assert cli("--db", demo_file, "person-export", EMAIL.upper(), "--out", tmp_path / "ut") == 0
    capsys.readouterr()
    (json_file,) = (tmp_path / "ut").glob("*.json")
    assert json.loads(json_file.read_text(encoding="utf-8"))["person"]["email"] == EMAIL

    before = table_counts(demo_file)
    assert cli("--db", demo_file, "person-erase", EMAIL) == 1
    out = capsys.readouterr().out
    assert "Would erase" in out and "Samira Benali" in out and "--yes" in out
    assert cli("--db", demo_file, "person-export", EMAIL, "--out", tmp_path / "again") == 0

    assert cli("--db", demo_file, "person-erase", EMAIL, "--yes") == 0
    out = capsys.readouterr().out
    assert "Erased the personal data of Samira Benali" in out and "exports" in out
    assert cli("--db", demo_file, "person-export", EMAIL, "--out", tmp_path / "gone") == 2
    assert "Nobody with the e-mail" in capsys.readouterr().err
    after = table_counts(demo_file)
    assert after["person"] == before["person"] and after["enrolment"] == before["enrolment"]


def test_erasing_waits_for_the_other_mentorapp(cli, demo_file: Path, capsys) -> None:
    with DatabaseLock(demo_file):
        assert cli("--db", demo_file, "person-erase", EMAIL, "--yes") == 2
    assert "is open in Mentorapp by" in capsys.readouterr().err
    assert not DatabaseLock(demo_file).path.exists()
