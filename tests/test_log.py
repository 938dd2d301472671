"""The diagnosis log: written where the user's log folder is, rotated, owner-only, never in
the way, and free of people's names and e-mail addresses."""

from __future__ import annotations

import logging
import logging.handlers
import os
import re
import sqlite3
import stat
import sys
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace import log
from mentorapp.workspace.services import Services

SAMPLES = Path(__file__).parent / "data" / "samples"
posix_only = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX's")


@pytest.fixture(autouse=True)
def fresh_log():
    """Each test starts without a log file and leaves none open."""
    log.stop_logging()
    yield
    log.stop_logging()


def log_text() -> str:
    folder = Path(os.environ["MENTORAPP_LOG_DIR"])
    return "".join(
        path.read_text(encoding="utf-8") for path in sorted(folder.glob("mentorapp.log*"))
    )


def file_handlers() -> list[logging.handlers.RotatingFileHandler]:
    handlers = logging.getLogger("mentorapp").handlers
    return [h for h in handlers if isinstance(h, logging.handlers.RotatingFileHandler)]


def test_an_unexpected_error_in_a_command_is_logged_with_its_frames_not_its_values(
    db_path: Path, monkeypatch, capsys
) -> None:
    assert main(["--db", str(db_path), "demo-data"]) == 0

    def broken(self):
        try:
            {}["karin.lundgren@example.com"]
        except KeyError as missing:
            raise ValueError("Karin Lundgren could not be read") from missing

    monkeypatch.setattr(Services, "info", broken)
    capsys.readouterr()
    assert main(["--db", str(db_path), "info"]) == 70
    assert "Traceback" not in capsys.readouterr().err  # the user still gets one sentence
    text = log_text()
    assert "ERROR mentorapp.cli: info failed unexpectedly" in text
    assert "Traceback (most recent call last):" in text
    assert re.search(r"mentorapp/cli\.py:\d+ in main", text)
    assert re.search(r"tests/test_log\.py:\d+ in broken", text)
    assert "KeyError\nwhich led to:" in text and "\nValueError" in text
    assert "Karin" not in text and "karin.lundgren" not in text and "Lundgren" not in text


def test_a_refusal_is_logged_as_its_sentence_without_the_values(db_path: Path) -> None:
    assert main(["--db", str(db_path), "demo-data"]) == 0
    assert main(["--db", str(db_path), "person-erase", "nobody.here@example.org"]) == 2
    text = log_text()
    assert "person-erase refused: mentorapp.people.privacy.PersonNotFound: " in text
    assert "'Nobody with the e-mail {email} is stored.'" in text
    assert "nobody.here" not in text


def demo_people(path: Path) -> tuple[set[str], set[str]]:
    """(names, e-mail addresses) of everyone stored in the file."""
    connection = sqlite3.connect(path)
    try:
        rows = connection.execute("SELECT first_name, last_name, email FROM person").fetchall()
    finally:
        connection.close()
    names = {part for first, last, _email in rows for part in (first, last) if part}
    names |= {f"{first} {last}" for first, last, _email in rows}
    return names, {email for _first, _last, email in rows}


def test_a_whole_session_on_the_demo_logs_ids_and_counts_but_no_person(
    db_path: Path, tmp_path: Path, capsys
) -> None:
    db = str(db_path)
    assert main(["--db", db, "demo-data"]) == 0
    mentors = SAMPLES / "mentors_en_comma.csv"
    assert main(["--db", db, "import", str(mentors), "--role", "mentor", "--cohort", "Höst"]) == 0
    assert main(["--db", db, "match", "--apply"]) == 0
    names, emails = demo_people(db_path)
    assert len(emails) > 90 and "karin.lundgren@example.com" in emails
    erased = sorted(emails)[0]
    person_id = (
        sqlite3.connect(db_path)
        .execute("SELECT id FROM person WHERE email = ?", (erased,))
        .fetchone()[0]
    )
    assert main(["--db", db, "person-export", erased, "--out", str(tmp_path / "export")]) == 0
    assert main(["--db", db, "person-erase", erased, "--yes"]) == 0
    assert main(["--db", db, "export", "--out", str(tmp_path / "backup.zip")]) == 0
    assert main(["--db", db, "restore", str(tmp_path / "backup.zip"), "--replace"]) == 0
    assert main(["--db", db, "person-erase", "nobody.here@example.org"]) == 2
    capsys.readouterr()

    text = log_text()
    # What happened, by id and count:
    assert "INFO mentorapp.cli: Mentorapp " in text and ": person-erase (Python " in text
    assert "programme.db opened for writing at revision " in text
    assert "import of mentor: 4 rows, 4 created, 0 updated, 0 skipped, 0 with errors" in text
    assert f"person ids {person_id} erased: " in text
    assert f"personal data of person id {person_id} exported" in text
    assert "backup restored: " in text and "safety copy made: programme-" in text
    # …and nobody it happened to:
    lowered = text.lower()
    leaked = sorted(email for email in emails if email.lower() in lowered)
    leaked += sorted(name for name in names if re.search(rf"\b{re.escape(name)}\b", text))
    assert leaked == []
    assert "@" not in text


def test_the_log_rotates_at_a_megabyte_keeping_three_older_files(monkeypatch) -> None:
    path = log.setup_logging()
    assert path is not None and path.name == "mentorapp.log"
    (handler,) = file_handlers()
    assert (handler.maxBytes, handler.backupCount) == (1_000_000, 3)
    handler.maxBytes = 2_000  # the same rotation, sooner
    writer = logging.getLogger("mentorapp.test")
    for number in range(400):
        writer.info("line %d of a long session", number)
    names = sorted(p.name for p in path.parent.iterdir())
    assert names == ["mentorapp.log", "mentorapp.log.1", "mentorapp.log.2", "mentorapp.log.3"]
    assert "line 399 of a long session" in path.read_text(encoding="utf-8")
    if os.name == "posix":
        assert {stat.S_IMODE(p.stat().st_mode) for p in path.parent.iterdir()} == {0o600}


@posix_only
def test_the_platform_log_folder_and_file_are_the_owner_s_only(tmp_path, monkeypatch) -> None:
    if sys.platform != "linux":
        pytest.skip("the XDG folders are Linux's")
    monkeypatch.delenv("MENTORAPP_LOG_DIR")
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))
    old = os.umask(0o022)  # the usual umask, which would give 0755 and 0644
    try:
        path = log.setup_logging()
        logging.getLogger("mentorapp.test").info("started")
    finally:
        os.umask(old)
    assert path == tmp_path / "state" / "Mentorapp" / "log" / "mentorapp.log"
    for level in (path.parent, path.parent.parent, tmp_path / "state"):
        assert stat.S_IMODE(level.stat().st_mode) == 0o700, level
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


@posix_only
def test_a_log_file_someone_left_readable_is_made_private(monkeypatch) -> None:
    folder = Path(os.environ["MENTORAPP_LOG_DIR"])
    (folder / "mentorapp.log").write_text("older lines\n", encoding="utf-8")
    os.chmod(folder / "mentorapp.log", 0o644)
    log.setup_logging()
    assert stat.S_IMODE((folder / "mentorapp.log").stat().st_mode) == 0o600


def test_e_mail_addresses_are_scrubbed_from_any_line() -> None:
    log.setup_logging()
    logging.getLogger("mentorapp.test").info("a careless line about %s", "Anna.B+x@Example.org")
    text = log_text()
    assert "a careless line about <e-mail>" in text and "Example.org" not in text


def test_a_log_folder_that_cannot_be_made_leaves_mentorapp_running(
    tmp_path: Path, monkeypatch, capsys
) -> None:
    (tmp_path / "a-file").write_text("not a folder")
    monkeypatch.setenv("MENTORAPP_LOG_DIR", str(tmp_path / "a-file" / "log"))
    assert log.setup_logging() is None and log.log_file() is None
    db = str(tmp_path / "programme.db")
    assert main(["--db", db, "demo-data"]) == 0
    assert main(["--db", db, "person-erase", "nobody.here@example.org"]) == 2
    error = capsys.readouterr().err
    assert "Traceback" not in error and "Logging error" not in error


@posix_only
def test_a_read_only_log_folder_leaves_mentorapp_running(tmp_path: Path, monkeypatch, capsys):
    if os.geteuid() == 0:
        pytest.skip("root writes into read-only folders")
    folder = Path(os.environ["MENTORAPP_LOG_DIR"])
    os.chmod(folder, 0o500)
    try:
        assert log.setup_logging() is None
        assert main(["--db", str(tmp_path / "programme.db"), "demo-data"]) == 0
    finally:
        os.chmod(folder, 0o700)
    assert "Traceback" not in capsys.readouterr().err


def test_a_write_that_fails_later_is_dropped_without_a_word(monkeypatch, capsys) -> None:
    log.setup_logging()
    (handler,) = file_handlers()

    def full_disk(_text: str) -> int:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(handler.stream, "write", full_disk)
    logging.getLogger("mentorapp.test").info("this line finds no room")
    logging.getLogger("mentorapp.test").error("nor this one", exc_info=ValueError("x"))
    captured = capsys.readouterr()
    assert captured.err == "" and captured.out == ""


def test_a_rotation_another_mentorapp_prevents_keeps_the_lines(monkeypatch, capsys) -> None:
    """On Windows a file another process has open cannot be renamed."""
    path = log.setup_logging()
    assert path is not None
    (handler,) = file_handlers()
    handler.maxBytes = 2_000

    def in_use(source: str, target: str) -> None:
        raise PermissionError(13, "The process cannot access the file", source)

    monkeypatch.setattr(handler, "rotate", in_use)
    writer = logging.getLogger("mentorapp.test")
    for number in range(100):
        writer.info("line %d while another Mentorapp writes", number)
    text = path.read_text(encoding="utf-8")
    assert all(f"line {n} while" in text for n in range(100))
    assert capsys.readouterr().err == ""


def test_a_refused_lock_is_logged_by_the_file_s_name(db_path: Path, monkeypatch) -> None:
    from mentorapp.db.lock import DatabaseInUse, DatabaseLock
    from mentorapp.i18n import N_

    assert main(["--db", str(db_path), "demo-data"]) == 0

    def held_elsewhere(self, take_over: bool = False) -> None:
        raise DatabaseInUse(
            N_("“{path}” is open in Mentorapp by {user}."), path=db_path, user="Eva"
        )

    monkeypatch.setattr(DatabaseLock, "acquire", held_elsewhere)
    assert main(["--db", str(db_path), "match", "--apply"]) == 2
    text = log_text()
    assert "programme.db not opened for writing: DatabaseInUse" in text
    assert "Eva" not in text and str(db_path.parent) not in text
