"""Reminders (being written in this change)."""

from __future__ import annotations

from mentorapp.db import Database


class ReminderService:
    def __init__(self, database: Database) -> None:
        self._db = database
