import hashlib
import json
import subprocess
import sys
from pathlib import Path

from mentorapp import __version__
from mentorapp.cli import main
from mentorapp.db.migrate import head_revision


def test_version(capsys) -> None:
    try:
        main(["--version"])
    except SystemExit as stop:
        assert stop.code == 0
    assert capsys.readouterr().out.strip() == f"Mentorapp {__version__}"


def test_demo_data_then_info_json(db_path: Path, capsys) -> None:
    assert main(["--db", str(db_path), "demo-data"]) == 0
    capsys.readouterr()
    assert main(["--db", str(db_path), "info", "--json"]) == 0
    info = json.loads(capsys.readouterr().out)
    assert set(info) == {"programmes", "cohorts", "adepts", "mentors", "partners", "schema"}
    assert info["programmes"] == 1 and info["cohorts"] == 2
    assert 55 <= info["adepts"] <= 65 and 35 <= info["mentors"] <= 45
    assert info["partners"] >= 5
    assert info["schema"] == head_revision()


def test_demo_data_refuses_a_file_with_data(db_path: Path, capsys) -> None:
    assert main(["--db", str(db_path), "demo-data"]) == 0
    before = json.dumps(_info(db_path, capsys))
    assert main(["--db", str(db_path), "--lang", "sv", "demo-data"]) == 2
    error = capsys.readouterr().err
    assert "innehåller redan" in error or "already holds data" in error
    assert json.dumps(_info(db_path, capsys)) == before


def test_info_refuses_a_file_that_is_not_ours(tmp_path: Path, capsys) -> None:
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 not a database")
    before = hashlib.sha256(path.read_bytes()).hexdigest()
    assert main(["--db", str(path), "info"]) == 2
    assert "not a Mentorapp database" in capsys.readouterr().err
    assert hashlib.sha256(path.read_bytes()).hexdigest() == before


def test_info_in_swedish(db_path: Path, capsys) -> None:
    assert main(["--db", str(db_path), "new"]) == 0
    assert main(["--db", str(db_path), "--lang", "sv", "info"]) == 0
    assert "Omgångar: 0" in capsys.readouterr().out


def test_default_database_lives_in_the_user_data_folder(tmp_path: Path, capsys) -> None:
    assert main(["info", "--json"]) == 2  # no programme yet: nothing is made by looking
    assert not (tmp_path / "user-data" / "mentorapp.db").exists()
    assert main(["demo-data"]) == 0
    assert main(["info", "--json"]) == 0
    assert (tmp_path / "user-data" / "mentorapp.db").is_file()


def test_python_dash_m_runs(tmp_path: Path) -> None:
    assert main(["--db", str(tmp_path / "x.db"), "new"]) == 0
    result = subprocess.run(
        [sys.executable, "-m", "mentorapp", "--db", str(tmp_path / "x.db"), "info", "--json"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert json.loads(result.stdout)["programmes"] == 0


def _info(path: Path, capsys) -> dict:
    capsys.readouterr()
    main(["--db", str(path), "info", "--json"])
    return json.loads(capsys.readouterr().out)
