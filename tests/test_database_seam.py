"""One database seam: services speak plain SQLModel/SQLAlchemy, the backend knows SQLite.

A server backend comes in a later issue; these tests keep the services ready for it (no
PRAGMA, no sqlite3, no group_concat, no raw driver connection, no database file path) and
check that what moved behind ``Database`` and its backend still does what it did.
"""

from __future__ import annotations

import ast
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.dialects import postgresql
from sqlalchemy.exc import IntegrityError

from mentorapp.db.backends import backend_for
from mentorapp.db.backends.sqlite import SQLiteFile
from mentorapp.db.lock import DatabaseInUse, DatabaseLock
from mentorapp.db.opening import open_for_writing
from mentorapp.db.safety import SafetyCopyError
from mentorapp.domain.models import Cohort, Programme
from mentorapp.errors import DatabaseRefused
from mentorapp.people.participants import _participant_query
from mentorapp.workspace.services import Services
from mentorapp.workspace.settings import (
    Settings,
    load_settings,
    settings_path,
    workbook_content_folder,
)
from mentorapp.workspace.workspace import Workspace
from tests.people.conftest import values

ROOT = Path(__file__).resolve().parent.parent / "mentorapp"
SERVICES = ("people", "programme", "running", "matching", "documents", "guide", "dataio")
DATABASE_NAMES = {"database", "_db", "db", "_database"}


def _docstrings(tree: ast.AST) -> set[int]:
    """ids of the string constants that are docstrings (prose may name SQLite)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def _named(node: ast.AST) -> str | None:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return node.attr
    return None


def backend_specifics(source: str) -> list[str]:
    """What in this code would only work on SQLite or on a file (comments and docstrings,
    which may explain SQLite's behaviour, are not code)."""
    tree = ast.parse(source)
    docstrings = _docstrings(tree)
    found = []
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.Import | ast.ImportFrom):
            names = [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            names += [alias.name for alias in node.names]
            if any("sqlite" in name.lower() or name.endswith(".backends") for name in names):
                found.append(f"{line}: imports {', '.join(names)}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in docstrings and (
                "pragma" in node.value.lower() or "sqlite" in node.value.lower()
            ):
                found.append(f"{line}: SQL or name {node.value[:40]!r}")
        elif isinstance(node, ast.Attribute):
            if node.attr in ("group_concat", "dbapi_connection", "driver_connection"):
                found.append(f"{line}: .{node.attr}")
            elif node.attr == "exec_driver_sql":
                found.append(f"{line}: raw SQL through exec_driver_sql")
            elif (
                node.attr in ("path", "engine", "backend") and _named(node.value) in DATABASE_NAMES
            ):
                found.append(f"{line}: the database's .{node.attr}")
        elif isinstance(node, ast.Name) and node.id == "sqlite3":
            found.append(f"{line}: sqlite3")
    return found


def test_the_check_finds_what_it_looks_for() -> None:
    """The grep below would pass on anything if it found nothing: it finds today's old code."""
    old = '''
import sqlite3
from sqlalchemy import func
def erase(self):
    """Uses SQLite's secure_delete: prose may say so."""
    with self._db.engine.connect() as connection:
        raw = connection.connection.dbapi_connection
        raw.execute("PRAGMA secure_delete = ON")
    SafetyCopies(self._db.path)
    connection.exec_driver_sql("PRAGMA defer_foreign_keys = ON")
    func.group_concat(x)
'''
    found = backend_specifics(old)
    assert len(found) == 8, found
    assert backend_specifics('"""SQLite orders Å before Ä; PRAGMA is prose here."""\n') == []


def test_services_speak_only_what_every_backend_understands() -> None:
    problems = []
    for package in SERVICES:
        for path in sorted((ROOT / package).rglob("*.py")):
            for problem in backend_specifics(path.read_text(encoding="utf-8")):
                problems.append(f"{path.relative_to(ROOT.parent)}:{problem}")
    assert problems == [], "SQLite or file specifics belong in mentorapp/db/:\n" + "\n".join(
        problems
    )


def test_a_database_is_opened_from_a_location_and_keeps_its_name(tmp_path: Path) -> None:
    path = tmp_path / "Föreningen – programme.db"
    assert isinstance(backend_for(path), SQLiteFile)
    with Services.opened(path) as services:
        assert services.database.location == path  # every message about it names it
        assert isinstance(services.database.backend, SQLiteFile)
        with services.database.reading() as session:
            journal = session.connection().exec_driver_sql("PRAGMA journal_mode").scalar()
            keys = session.connection().exec_driver_sql("PRAGMA foreign_keys").scalar()
        assert (journal, keys) == ("wal", 1)  # the backend's pragmas are on


def test_deferred_foreign_keys_let_a_child_come_before_its_parent(services: Services) -> None:
    """What a restore needs: rows in any order, checked at the commit."""
    with services.database.transaction() as session:
        services.database.defer_foreign_keys(session.connection())
        session.add(
            Cohort(id=7, programme_id=3, name="Vår", start=date(2027, 2, 1), end=date(2027, 5, 31))
        )
        session.flush()  # the round is written before its programme exists
        session.add(Programme(id=3, organisation="Broar", name="Mentorskap"))
    with services.database.reading() as session:
        assert session.get(Cohort, 7) is not None
    not_deferred = pytest.raises(IntegrityError, match="FOREIGN KEY")  # checked at once
    with not_deferred, services.database.transaction() as session:
        session.add(
            Cohort(id=8, programme_id=4, name="Höst", start=date(2027, 8, 1), end=date(2027, 12, 1))
        )
        session.flush()
        session.add(Programme(id=4, organisation="Broar", name="Mentorskap 2"))


def test_an_erasure_leaves_no_free_pages_and_puts_secure_delete_back(db_path: Path) -> None:
    with Services.opened(db_path) as services:
        with services.database.engine.connect() as connection:
            before = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
        with services.database.transaction() as session:
            session.connection().execute(text("CREATE TABLE scratch (words TEXT)"))
            session.connection().execute(
                text("INSERT INTO scratch VALUES (:w)"), [{"w": "Åsa Öberg " * 300}] * 40
            )

        def drop(session) -> int:
            session.connection().execute(text("DELETE FROM scratch"))
            return 40

        result, cleaned = services.database.erase(drop)
        assert (result, cleaned) == (40, True)
        with services.database.engine.connect() as connection:
            secure = connection.exec_driver_sql("PRAGMA secure_delete").scalar()
            free = connection.exec_driver_sql("PRAGMA freelist_count").scalar()
        assert (secure, free) == (before, 0)
    assert "Åsa Öberg".encode() not in db_path.read_bytes()


def test_the_aggregate_is_portable_and_joins_the_criteria(services, programme, cohort) -> None:
    sql = str(_participant_query().compile(dialect=postgresql.dialect()))
    assert "string_agg" in sql and "group_concat" not in sql
    row = services.participants.create(cohort.id, "adept", values())
    criteria = services.eligibility.criteria(programme.id, "adept", "en")
    assert len(criteria) >= 2
    for criterion in criteria[:2]:
        services.eligibility.confirm(row.enrolment_id, criterion.id, True)
    assert services.participants.row(row.enrolment_id).confirmed == {c.id for c in criteria[:2]}


def test_workspace_and_commands_open_for_writing_the_same_way(db_path: Path) -> None:
    """The GUI's Workspace holds the one lock the CLI's to_write asks for."""
    Services.open(db_path).close()
    workspace = Workspace.open(db_path, keep=3)
    try:
        assert workspace.lock is not None and workspace.lock.held
        assert workspace.safety is not None and workspace.safety.keep == 3
        assert [c.reason for c in workspace.safety.list()] == ["daily"]
        with pytest.raises(DatabaseInUse), Services.to_write(db_path):
            pass
    finally:
        workspace.close()
    assert sorted(c.reason for c in workspace.safety.list()) == ["daily", "quit"]
    assert DatabaseLock(db_path).holder() is None  # released
    with Services.to_write(db_path) as services:  # and the command gets it now
        assert services.info().programmes == 0
    again = Workspace.open(db_path)  # the day's copy is made once
    again.close()
    assert sorted(c.reason for c in again.safety.list()) == ["daily", "quit", "quit"]


def test_a_failed_closing_copy_still_releases_the_lock(db_path: Path, monkeypatch) -> None:
    Services.open(db_path).close()
    held = open_for_writing(db_path, safety_copies_keep=2)
    assert held.safety is not None

    def refuse(reason: str, now=None) -> Path:
        raise SafetyCopyError("no room")

    monkeypatch.setattr(held.safety, "make", refuse)
    with pytest.raises(SafetyCopyError):
        held.close()
    assert DatabaseLock(db_path).holder() is None


def test_the_command_line_makes_no_safety_copies(db_path: Path) -> None:
    Services.open(db_path).close()
    with Services.to_write(db_path):
        pass
    assert SQLiteFile(db_path).safety_copies().list() == []


def test_the_demo_folder_goes_with_the_demo(tmp_path: Path) -> None:
    folder = tmp_path / "mentorapp-demo-x"
    folder.mkdir()
    workspace = Workspace.temporary(Services.open(folder / "demo.db"), folder)
    workspace.close()
    assert not folder.exists()
    kept = tmp_path / "kept"
    kept.mkdir()
    Workspace.temporary(Services.open(kept / "demo.db")).close()  # no folder given: kept
    assert (kept / "demo.db").exists()


def test_adapted_workbook_content_lives_where_the_settings_say(tmp_path: Path) -> None:
    default = workbook_content_folder(Settings())
    assert default == tmp_path / "user-data" / "workbook-content"  # the user's data folder
    chosen = tmp_path / "Föreningen" / "arbetsbok"
    assert workbook_content_folder(Settings(workbook_content_folder=str(chosen))) == chosen
    settings_path().parent.mkdir(parents=True)
    settings_path().write_text('{"workbook_content_folder": 7, "csv_delimiter": ";"}')
    loaded = load_settings()  # a hand-broken value gives the default, the rest is kept
    assert (loaded.workbook_content_folder, loaded.csv_delimiter) == ("", ";")


def test_integrity_is_the_backends_check(db_path: Path) -> None:
    Services.open(db_path).close()
    SQLiteFile(db_path).check_integrity()  # a healthy file passes
    db_path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 8000)
    with pytest.raises(DatabaseRefused, match=db_path.name):
        SQLiteFile(db_path).check_integrity()


def test_the_gui_demo_removes_its_own_folder_on_close() -> None:
    from mentorapp.app import open_workspace

    workspace = open_workspace(None, demo=True)
    folder = workspace.temporary_folder
    assert folder is not None and (folder / "demo.db").is_file()
    assert workspace.services.info().programmes == 1
    workspace.close()
    assert not folder.exists()


def test_content_an_earlier_version_kept_beside_the_file_is_adopted_once(tmp_path: Path) -> None:
    """Upgrading must not silently swap an organisation's edited workbook text for the
    standard one: the old folder beside the database is copied to where content lives now."""
    from mentorapp.app import open_workspace
    from mentorapp.workspace.settings import load_settings, workbook_content_folder

    path = tmp_path / "programme.db"
    Services.open(path).close()
    old = tmp_path / "programme-workbook-content"
    old.mkdir()
    (old / "workbook-sv.toml").write_text("# our own words\n", encoding="utf-8")
    workspace = open_workspace(path, demo=False)
    workspace.close()
    new = workbook_content_folder(load_settings())
    assert (new / "workbook-sv.toml").read_text(encoding="utf-8") == "# our own words\n"
    (new / "workbook-sv.toml").write_text("# edited since\n", encoding="utf-8")
    open_workspace(path, demo=False).close()  # a second opening copies nothing over it
    assert (new / "workbook-sv.toml").read_text(encoding="utf-8") == "# edited since\n"
