"""The programme as the GUI holds it: one writer at a time, and safety copies.

Opening goes through ``db/opening.open_for_writing`` like every command does (the lock, the
checks, the day's first safety copy), or opens it read-only when the user chooses to look
while another Mentorapp has it; closing makes one more safety copy and releases the lock.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

from mentorapp.db.lock import DatabaseLock
from mentorapp.db.opening import WritableFile, open_for_reading, open_for_writing
from mentorapp.db.read_only import ReadOnlyDatabase
from mentorapp.db.safety import SafetyCopies
from mentorapp.workspace.services import Services


@dataclass
class Workspace:
    services: Services
    held: WritableFile | None = None  # None: read-only, or the demo
    temporary_folder: Path | None = None  # the demo's own folder, removed when it closes

    @property
    def read_only(self) -> bool:
        return isinstance(self.services.database, ReadOnlyDatabase)

    @property
    def lock(self) -> DatabaseLock | None:
        return self.held.lock if self.held is not None else None

    @property
    def safety(self) -> SafetyCopies | None:
        return self.held.safety if self.held is not None else None

    @classmethod
    def open(
        cls, path: Path, keep: int = 10, read_only: bool = False, create: bool = True
    ) -> Workspace:
        """Raises DatabaseInUse when another Mentorapp writes to the file (unless read_only),
        FileIsReadOnly where it cannot be written, DatabaseMissing for a missing folder."""
        if read_only:
            return cls(Services(open_for_reading(path)))
        held = open_for_writing(path, create=create, safety_copies_keep=keep)
        return cls(Services(held.database), held)

    @classmethod
    def temporary(cls, services: Services, folder: Path | None = None) -> Workspace:
        """The demo: a throwaway file needs neither a lock nor safety copies; ``folder`` (made
        for it alone) is deleted when it closes."""
        return cls(services, None, folder)

    def reopen(self) -> None:
        """After the file was replaced from a safety copy: a fresh connection to it."""
        if self.held is not None:
            self.held.reopen()
            self.services = Services(self.held.database)
            return
        location = self.services.database.location
        self.services.close()
        self.services = Services.open(location)

    def close(self) -> None:
        try:
            if self.held is not None:
                self.held.close()  # the closing safety copy, the connection, the lock
            else:
                self.services.close()
        finally:
            if self.temporary_folder is not None:
                shutil.rmtree(self.temporary_folder, ignore_errors=True)
