"""Every file and folder Mentorapp makes that can hold personal data is the owner's alone.

Each export path runs under a permissive umask (what a shared machine or a careless shell
may have), so a file created with the default mode would be readable by everyone. Files must
be 0600 and folders Mentorapp creates 0700; a folder the user chose that already exists keeps
its permissions.
"""

from __future__ import annotations

import os
import stat
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.dataio.backup_zip import export_backup
from mentorapp.dataio.decision_csv import write_decision_csv
from mentorapp.dataio.importer import ImportOptions, run_import
from mentorapp.dataio.participants_csv import write_participants_csv
from mentorapp.db.safety import SafetyCopies
from mentorapp.people.privacy import PrivacyService
from mentorapp.workspace.services import Services
from mentorapp.workspace.settings import Settings, save_settings, settings_path
from mentorapp.workspace.workspace import Workspace
from tests.dataio.helpers import HEADER, csv_bytes, row
from tests.documents.helpers import NAMES, add_group, make_round

pytestmark = pytest.mark.skipif(os.name != "posix", reason="file modes are POSIX permissions")

EMAIL = "amal@example.com"


@pytest.fixture(params=[0o022, 0o000], ids=["umask-022", "umask-000"], autouse=True)
def permissive_umask(request: pytest.FixtureRequest) -> Iterator[int]:
    previous = os.umask(request.param)
    try:
        yield request.param
    finally:
        os.umask(previous)


def mode(path: Path) -> int:
    return stat.S_IMODE(path.lstat().st_mode)


def assert_private_tree(root: Path, keep: dict[Path, int] | None = None) -> list[Path]:
    """Every file under ``root`` (and ``root``) is 0600 and every folder 0700, except the
    folders in ``keep``, which must still have the mode given. Returns the files found."""
    keep = keep or {}
    files: list[Path] = []
    wrong: list[str] = []
    for path in [root, *sorted(root.rglob("*"))]:
        if path in keep:
            expected = keep[path]
        elif path.is_dir():
            expected = 0o700
        else:
            expected = 0o600
            files.append(path)
        if mode(path) != expected:
            wrong.append(f"{path.relative_to(root.parent)}: {mode(path):o}, not {expected:o}")
    assert not wrong, wrong
    return files


def user_folder(path: Path) -> Path:
    """A folder the user made beforehand, readable by others (like ~/Desktop)."""
    path.mkdir(parents=True)
    os.chmod(path, 0o755)
    return path


@contextmanager
def opened(path: Path) -> Iterator[Services]:
    services = Services.open(path)
    try:
        yield services
    finally:
        services.close()


@pytest.fixture
def filled(db_path: Path) -> Path:
    """A closed database with two adepts in "Vår 2027", one accepted group and a decision."""
    with opened(db_path) as services:
        cohort_id = make_round(services)
        add_group(services, cohort_id, NAMES[0], [NAMES[1]])
        source = csv_bytes([HEADER, row("Amal"), row("Bo")])
        run_import(services.database, source, ImportOptions("adept", "Vår 2027"))
        first = services.participants.rows(cohort_id)[0]
        services.pipeline.change_status([first.enrolment_id], "accepted")
    os.chmod(db_path.parent, 0o700)  # tmp_path itself is pytest's, not Mentorapp's
    return db_path


def cli_ok(*argv: object) -> None:
    assert main([str(arg) for arg in argv]) == 0


def test_cli_participants_export(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "exports" / "adepts.csv"
    out.parent.mkdir(mode=0o700)
    args = ["--cohort", "Vår 2027", "--role", "adept", "--out", out]
    cli_ok("--db", filled, "export-participants", *args)
    assert assert_private_tree(out.parent) == [out]


def test_service_exports_overwrite_a_readable_file_owner_only(filled: Path, tmp_path) -> None:
    folder = user_folder(tmp_path / "Desktop")
    participants, decisions = folder / "adepts.csv", folder / "decisions.csv"
    for path in (participants, decisions):
        path.write_text("an older export someone made readable")
        os.chmod(path, 0o644)
    with opened(filled) as services:
        write_participants_csv(services.database, "Vår 2027", "adept", participants)
        cohort = services.programmes.round_named("Vår 2027")
        assert write_decision_csv(services.pipeline, cohort.id, decisions) >= 1
    files = assert_private_tree(folder, keep={folder: 0o755})
    assert files == [participants, decisions]


def test_person_export_makes_its_folder_owner_only(filled: Path, tmp_path: Path, cli) -> None:
    out = tmp_path / "person"
    assert cli("--db", filled, "person-export", EMAIL, "--out", out) == 0
    assert len(assert_private_tree(out)) == 2
    with opened(filled) as services:  # the service also makes missing parents
        privacy = PrivacyService(services.database)
        privacy.export_person(privacy.find(EMAIL), tmp_path / "new" / "person")
    assert len(assert_private_tree(tmp_path / "new")) == 2


def test_person_export_into_a_folder_the_user_chose(filled: Path, tmp_path: Path) -> None:
    folder = user_folder(tmp_path / "Desktop")
    with opened(filled) as services:
        privacy = PrivacyService(services.database)
        written = privacy.export_person(privacy.find(EMAIL), folder)
    assert assert_private_tree(folder, keep={folder: 0o755}) == sorted(written)


def test_workbooks_folder_and_files(filled: Path, tmp_path: Path) -> None:
    out = tmp_path / "pdf"
    cli_ok("--db", filled, "workbooks", "--cohort", "Vår 2027", "--out", out)
    cli_ok("--db", filled, "workbooks", "--cohort", "Vår 2027", "--out", out, "--combined")
    assert len(assert_private_tree(out)) == 2
    with opened(filled) as services:  # the service also makes missing parents
        cohort = services.programmes.round_named("Vår 2027")
        services.workbooks.write_workbooks(cohort.id, tmp_path / "printing" / "pdf")
    assert len(assert_private_tree(tmp_path / "printing")) == 1
    chosen = user_folder(tmp_path / "Documents")
    cli_ok("--db", filled, "workbooks", "--cohort", "Vår 2027", "--out", chosen)
    assert len(assert_private_tree(chosen, keep={chosen: 0o755})) == 1


def test_backup_zip_and_database_copy(filled: Path, tmp_path: Path, cli) -> None:
    folder = user_folder(tmp_path / "Desktop")
    assert cli("--db", filled, "export", "--out", folder / "backup.zip") == 0
    assert cli("--db", filled, "backup", "--out", folder / "copy.db") == 0
    with opened(filled) as services:
        export_backup(services.database, folder / "again.zip")
    assert len(assert_private_tree(folder, keep={folder: 0o755})) == 3


def test_settings_file_and_the_folders_made_for_it(tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("MENTORAPP_CONFIG_DIR", str(tmp_path / "config" / "Mentorapp"))
    save_settings(Settings(import_mappings={"e-post": "email"}))
    save_settings(Settings(language="sv"))  # replacing the file keeps it private
    assert assert_private_tree(tmp_path / "config") == [settings_path()]


def test_a_config_folder_that_exists_keeps_its_mode(tmp_path, monkeypatch) -> None:
    folder = user_folder(tmp_path / "portable")
    monkeypatch.setenv("MENTORAPP_CONFIG_DIR", str(folder))
    save_settings(Settings())
    assert assert_private_tree(folder, keep={folder: 0o755}) == [settings_path()]


def test_the_default_data_folder_from_the_cli(tmp_path: Path, monkeypatch) -> None:
    data = tmp_path / "share" / "Mentorapp"
    monkeypatch.setenv("MENTORAPP_DATA_DIR", str(data))
    cli_ok("demo-data")
    files = assert_private_tree(tmp_path / "share")
    assert data / "mentorapp.db" in files


def test_the_gui_workspace_with_its_lock_and_safety_copies(tmp_path: Path) -> None:
    folder = user_folder(tmp_path / "Documents")
    path = folder / "programme.db"
    workspace = Workspace.open(path)
    try:
        assert (folder / "programme-safety-copies").is_dir()  # the day's first copy
        SafetyCopies(path).make("before-restore")
        files = assert_private_tree(folder, keep={folder: 0o755})
    finally:
        workspace.close()
    assert len([f for f in files if f.parent.name == "programme-safety-copies"]) == 2
    assert_private_tree(folder, keep={folder: 0o755})


def test_a_database_in_a_folder_the_user_chose(tmp_path: Path) -> None:
    folder = user_folder(tmp_path / "Documents")
    with opened(folder / "programme.db"):
        pass
    assert assert_private_tree(folder, keep={folder: 0o755}) == [folder / "programme.db"]


@pytest.mark.skipif(sys.platform != "linux", reason="the XDG folders are Linux's")
def test_the_platform_config_folder_an_older_version_left_readable(tmp_path, monkeypatch) -> None:
    monkeypatch.delenv("MENTORAPP_CONFIG_DIR")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    own = user_folder(tmp_path / "xdg" / "Mentorapp")  # Mentorapp's own, yet 0755
    save_settings(Settings())
    assert settings_path() == own / "settings.json"
    assert assert_private_tree(own) == [settings_path()]
