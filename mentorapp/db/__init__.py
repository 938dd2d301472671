"""The SQLite file: engine, transactions and migrations."""

from mentorapp.db.engine import Database

__all__ = ["Database"]
