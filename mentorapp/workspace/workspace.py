"""The programme file as the GUI holds it: one writer at a time, and safety copies.

Opening takes the file's lock (or opens it read-only when the user chooses to look while
another Mentorapp has it), makes the day's first safety copy, and closing makes one more.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from mentorapp.db.lock import DatabaseLock
from mentorapp.db.opening import open_for_reading, open_for_writing
from mentorapp.db.read_only import ReadOnlyDatabase
from mentorapp.db.safety import SafetyCopies
from mentorapp.workspace.services import Services


@dataclass
class Workspace:
    services: Services
    lock: DatabaseLock | None
    safety: SafetyCopies | None

    @property
    def read_only(self) -> bool:
        return isinstance(self.services.database, ReadOnlyDatabase)

    @classmethod
    def open(
        cls, path: Path, keep: int = 10, read_only: bool = False, create: bool = True
    ) -> Workspace:
        """Raises DatabaseInUse when another Mentorapp writes to the file (unless read_only),
        FileIsReadOnly where it cannot be written, DatabaseMissing for a missing folder."""
        if read_only:
            return cls(Services(open_for_reading(path)), None, None)
        held = open_for_writing(path, create=create)
        try:
            services = Services(held.database)
            safety = SafetyCopies(path, keep=keep)
            safety.daily_if_needed()
        except BaseException:
            held.close()
            raise
        return cls(services, held.lock, safety)

    @classmethod
    def temporary(cls, services: Services) -> Workspace:
        """The demo: a throwaway file needs neither a lock nor safety copies."""
        return cls(services, None, None)

    def reopen(self) -> None:
        """After the file was replaced from a safety copy: a fresh connection to it."""
        path = self.services.database.path
        self.services.close()
        self.services = Services.open(path)

    def close(self) -> None:
        if self.safety is not None:
            self.safety.make("quit")
        self.services.close()
        if self.lock is not None:
            self.lock.release()
