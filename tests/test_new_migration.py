"""packaging/new_migration.py writes a next revision that Mentorapp and Alembic both accept.

Every run works in a copy of the migrations folder: the real versions/ is never written.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from mentorapp.db import migrate

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "packaging" / "new_migration.py"
REAL = migrate.MIGRATIONS_DIR


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def fingerprint(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.glob("*.py"))}


@pytest.fixture
def migrations(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A copy of mentorapp/db/migrations that db/migrate.py reads instead of the real one."""
    copy = tmp_path / "migrations"
    shutil.copytree(REAL, copy, ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(migrate, "MIGRATIONS_DIR", copy)
    return copy


def alembic_config(migrations: Path) -> Config:
    config = Config()
    config.set_main_option("script_location", str(migrations))
    return config


def built_by(migrations: Path, path: Path) -> list:
    """Build a database with the copy's migrations; what still differs from the models."""
    from sqlmodel import SQLModel

    import mentorapp.domain.models  # noqa: F401 - registers the tables

    engine = create_engine(f"sqlite:///{path}")
    config = alembic_config(migrations)
    with engine.begin() as connection:
        config.attributes["connection"] = connection
        command.upgrade(config, "head")
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
        (version,) = connection.exec_driver_sql("SELECT version_num FROM alembic_version").one()
    engine.dispose()
    return [version, differences]


def test_the_next_revision_is_the_head_mentorapp_and_alembic_agree_on(
    migrations: Path, tmp_path: Path
) -> None:
    real_before = fingerprint(REAL / "versions")
    old_head = migrate.head_revision()
    next_id = f"{int(old_head) + 1:04d}"

    done = run("--versions-dir", migrations / "versions", "Meeting places: where & when")

    assert done.returncode == 0, done.stderr
    created = migrations / "versions" / f"{next_id}_meeting_places_where_when.py"
    assert created.is_file() and str(created) in done.stdout
    text = created.read_text(encoding="utf-8")
    assert f"revision = '{next_id}'" in text and f"down_revision = '{old_head}'" in text
    assert "op.batch_alter_table" in text and text.startswith('"""Meeting places: where & when')
    compile(text, str(created), "exec")

    assert migrate.known_revisions()[-2:] == [old_head, next_id]
    assert migrate.head_revision() == next_id
    scripts = ScriptDirectory.from_config(alembic_config(migrations))
    assert scripts.get_heads() == [next_id]
    assert scripts.get_revision(next_id).down_revision == old_head
    # The template changes no table: a database built through it still matches the models.
    assert built_by(migrations, tmp_path / "fresh.db") == [next_id, []]
    assert fingerprint(REAL / "versions") == real_before


def test_a_second_run_chains_onto_the_first(migrations: Path) -> None:
    first = run("--versions-dir", migrations / "versions", "first")
    second = run("--versions-dir", migrations / "versions", "second")
    assert first.returncode == second.returncode == 0
    revisions = migrate.known_revisions()
    down = ScriptDirectory.from_config(alembic_config(migrations)).get_revision(revisions[-1])
    assert down.down_revision == revisions[-2]
    assert int(revisions[-1]) == int(revisions[-2]) + 1


def test_autogenerate_writes_what_the_models_have_and_the_migrations_lack(
    migrations: Path, tmp_path: Path
) -> None:
    """Take the newest migration away: the helper writes it again from the models."""
    newest = sorted((migrations / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))[-1]
    newest.unlink()
    head = migrate.head_revision()

    done = run("--versions-dir", migrations / "versions", "--autogenerate", "again")

    assert done.returncode == 0, done.stderr
    (created,) = (migrations / "versions").glob(f"{newest.name[:4]}_again.py")
    text = created.read_text(encoding="utf-8")
    assert f"down_revision = '{head}'" in text and "batch_op" in text
    assert built_by(migrations, tmp_path / "regenerated.db") == [newest.name[:4], []]


@pytest.mark.parametrize("fault", ["revision", "down_revision"])
def test_a_broken_chain_is_named_and_nothing_is_written(migrations: Path, fault: str) -> None:
    """A hand-made file whose id is not its prefix, or that skips a revision, is refused."""
    head = migrate.head_revision()
    following = f"{int(head) + 1:04d}"
    revision, down_revision = (head, head) if fault == "revision" else (following, "0001")
    versions = migrations / "versions"
    extra = versions / f"{following}_hand_written.py"
    extra.write_text(
        f'"""hand written"""\nrevision = {revision!r}\ndown_revision = {down_revision!r}\n',
        encoding="utf-8",
    )
    before = fingerprint(versions)

    done = run("--versions-dir", versions, "next")

    assert done.returncode == 2 and "Traceback" not in done.stderr
    expected = following if fault == "revision" else head
    assert extra.name in done.stderr and f"{fault} = " in done.stderr
    assert f"must be {expected!r}" in done.stderr
    assert fingerprint(versions) == before


@pytest.mark.parametrize("message", ["", "  ", "!!!"])
def test_a_message_without_words_is_refused(migrations: Path, message: str) -> None:
    before = fingerprint(migrations / "versions")
    done = run("--versions-dir", migrations / "versions", message)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "what the migration changes" in done.stderr
    assert fingerprint(migrations / "versions") == before


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    done = run("--versions-dir", tmp_path / "nowhere", "next")
    assert done.returncode == 2 and "nowhere" in done.stderr and "Traceback" not in done.stderr
