"""A backup of the demo programme, for the tests of what a backup's values may mean."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from mentorapp.dataio.backup_zip import RestoreReport, export_backup, restore_backup
from mentorapp.demo.writer import write_demo
from mentorapp.workspace.services import Services


@pytest.fixture
def backup(services: Services, tmp_path: Path) -> Path:
    """The demo written into the test's file, exported as a backup (";" separated)."""
    write_demo(services.database)
    path = tmp_path / "backup.zip"
    export_backup(services.database, path, ";")
    return path


@contextmanager
def restored(backup: Path, folder: Path) -> Iterator[tuple[Services, RestoreReport]]:
    """A new file in ``folder`` with ``backup`` restored into it, open for the block, and
    the restore's report."""
    target = Services.open(folder / "target.db")
    try:
        yield target, restore_backup(target.database, backup)
    finally:
        target.close()
