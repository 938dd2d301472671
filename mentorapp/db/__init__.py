"""The SQLite file: engine, transactions and migrations.

``Database`` is loaded on first use (PEP 562), so the window can import the standard-library
parts of this package (``db.precheck``) before the database layer's own import.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from mentorapp.db.engine import Database

__all__ = ["Database"]


def __getattr__(name: str) -> Any:
    if name == "Database":
        from mentorapp.db.engine import Database

        return Database
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
