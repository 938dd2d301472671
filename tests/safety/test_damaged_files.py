"""Damaged files are refused before the first write; a read-only place is not called damage.

A file with a valid header but scribbled pages used to open and take writes; worse damage
gave a raw driver traceback. Now ``quick_check`` runs at every open and any damage found
mid-job becomes the same sentence, pointing to the safety copies.
"""

from __future__ import annotations

import shlex
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.errors import DatabaseRefused
from mentorapp.workspace.workspace import Workspace
from tests.safety.conftest import digest

ROOT = Path(__file__).resolve().parents[2]


def run(*args: object) -> int:
    return main([str(a) for a in args])


def scribble_on_index(path: Path) -> None:
    """Overwrite the middle of one index page: the header and the schema stay readable."""
    connection = sqlite3.connect(path)
    (page_size,) = connection.execute("PRAGMA page_size").fetchone()
    (root,) = connection.execute(
        "SELECT rootpage FROM sqlite_master WHERE type = 'index' AND tbl_name = 'person' "
        "ORDER BY rootpage DESC LIMIT 1"
    ).fetchone()
    connection.close()
    with path.open("r+b") as handle:
        handle.seek(page_size * (root - 1) + 8)
        handle.write(b"\xff\x7f" * (page_size // 4))


def assert_sane(path: Path) -> None:
    """The fixture's damage is the kind the issue describes: header and schema still fine."""
    connection = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        assert connection.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 5
        assert connection.execute("PRAGMA integrity_check").fetchone()[0] != "ok"
    finally:
        connection.close()


COMMANDS = [
    ["info"],
    ["list"],
    ["match", "--json"],
    ["match", "--apply"],
    ["export", "--out", "{tmp}/backup.zip"],
    ["backup", "--out", "{tmp}/copy.db"],
    ["person-erase", "samira.benali@example.com", "--yes"],
    ["demo-data"],
]


def test_a_file_with_damaged_pages_is_refused_by_every_command(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    scribble_on_index(demo_file)
    assert_sane(demo_file)
    before = digest(demo_file)
    for command in COMMANDS:
        args = [part.format(tmp=tmp_path) for part in command]
        assert run("--db", demo_file, *args) == 2, args
        error = capsys.readouterr().err
        assert "is damaged" in error and "safety copy" in error, (args, error)
        assert digest(demo_file) == before, args
    assert not (tmp_path / "backup.zip").exists() and not (tmp_path / "copy.db").exists()


def test_the_gui_refuses_it_before_the_first_write(demo_file: Path) -> None:
    scribble_on_index(demo_file)
    before = digest(demo_file)
    with pytest.raises(DatabaseRefused, match="is damaged"):
        Workspace.open(demo_file)
    assert digest(demo_file) == before
    assert not Path(f"{demo_file}.lock").exists()  # and the lock was given back


def test_worse_damage_is_one_sentence_not_a_traceback(demo_file: Path, tmp_path: Path) -> None:
    """Half the file gone, and the schema page scribbled: both refused in one sentence."""
    truncated = tmp_path / "truncated.db"
    shutil.copy(demo_file, truncated)
    with truncated.open("r+b") as handle:
        handle.truncate(truncated.stat().st_size // 2)
    schema = tmp_path / "schema.db"
    shutil.copy(demo_file, schema)
    with schema.open("r+b") as handle:  # the schema's cells sit at the end of page 1
        handle.seek(4096 - 1200)
        handle.write(b"\x00\x13" * 600)
    for path in (truncated, schema):
        for command in (
            ["info"],
            ["import", str(tmp_path / "x.csv"), "--role", "adept", "--cohort", "V"],
        ):
            (tmp_path / "x.csv").write_text("Förnamn,Efternamn,E-post\nA,B,a@b.se\n")
            result = subprocess.run(
                [sys.executable, "-m", "mentorapp", "--db", str(path), *command],
                capture_output=True,
                text=True,
                cwd=ROOT,
            )
            assert result.returncode == 2, (path, command, result.stderr)
            assert "Traceback" not in result.stderr
            assert "damaged" in result.stderr, result.stderr
            assert len(result.stderr.strip().splitlines()) == 1


def test_damage_found_in_the_middle_of_a_job_is_the_same_sentence(demo_file: Path) -> None:
    """The database seam turns the driver's 'malformed' into the user's sentence."""
    from mentorapp.workspace.services import Services

    services = Services.open(demo_file)
    try:
        scribble_on_index(demo_file)
        with pytest.raises(DatabaseRefused, match="is damaged"):  # noqa: SIM117
            with services.database.reading() as session:
                session.exec(  # an index-only scan over the scribbled index
                    __import__("sqlalchemy").text("SELECT email FROM person ORDER BY email")
                ).all()
    finally:
        services.close()


UNSHARE = shutil.which("unshare")


def in_read_only_folder(
    folder: Path, *args: str, module: bool = True
) -> subprocess.CompletedProcess:
    """Run Mentorapp where ``folder`` is mounted read-only (a private mount namespace), so the
    test holds for root too, who may write into any chmod-ed folder."""
    command = " ".join(
        [
            f"mount --bind '{folder}' '{folder}' &&",
            f"mount -o remount,ro,bind '{folder}' '{folder}' &&",
            f"exec '{sys.executable}'",
            *(["-m", "mentorapp"] if module else []),
            *(shlex.quote(arg) for arg in args),
        ]
    )
    return subprocess.run(
        [UNSHARE, "-rm", "sh", "-c", command], capture_output=True, text=True, cwd=ROOT
    )


def _can_mount(tmp_path: Path) -> bool:
    if UNSHARE is None:
        return False
    probe = subprocess.run(
        [UNSHARE, "-rm", "sh", "-c", f"mount --bind '{tmp_path}' '{tmp_path}'"],
        capture_output=True,
    )
    return probe.returncode == 0


def test_a_healthy_file_in_a_read_only_folder_opens_read_only(
    demo_file: Path, tmp_path: Path
) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("needs unshare with user namespaces to mount a folder read-only")
    before = digest(demo_file)
    info = in_read_only_folder(tmp_path, "--db", str(demo_file), "info", "--json")
    assert info.returncode == 0, info.stderr
    assert '"programmes": 1' in info.stdout
    erase = in_read_only_folder(
        tmp_path, "--db", str(demo_file), "person-erase", "samira.benali@example.com", "--yes"
    )
    assert erase.returncode == 2
    assert "read-only" in erase.stderr and "not damaged" in erase.stderr, erase.stderr
    assert "is damaged" not in erase.stderr
    assert digest(demo_file) == before


GUI_OPEN = """
import sys
from pathlib import Path
from mentorapp.db.opening import FileIsReadOnly
from mentorapp.workspace.workspace import Workspace
path = Path(sys.argv[1])
try:
    Workspace.open(path)
except FileIsReadOnly as error:
    print("refused:", error.user_message())
viewer = Workspace.open(path, read_only=True)
print("programmes:", viewer.services.info().programmes, viewer.read_only)
viewer.close()
"""


def test_the_gui_opens_a_file_in_a_read_only_folder_to_look(
    demo_file: Path, tmp_path: Path
) -> None:
    if not _can_mount(tmp_path):
        pytest.skip("needs unshare with user namespaces to mount a folder read-only")
    result = in_read_only_folder(tmp_path, "-c", GUI_OPEN, str(demo_file), module=False)
    assert result.returncode == 0, result.stderr
    assert "refused:" in result.stdout and "not damaged" in result.stdout
    assert "programmes: 1 True" in result.stdout
