"""Telling a damaged file from one that merely cannot be opened, in one sentence each."""

from __future__ import annotations

from pathlib import Path

from mentorapp.errors import DatabaseRefused
from mentorapp.i18n import N_


def is_damage(exc: BaseException) -> bool:
    """Whether a driver error means the file's pages are damaged (not, say, a locked disk)."""
    text = str(exc).lower()
    return "malformed" in text or "not a database" in text or "corrupt" in text


def unreadable(path: Path, exc: BaseException) -> DatabaseRefused:
    """The sentence for a file SQLite could not read: damaged, or unopenable for another
    reason (permissions, a locked network share), which must not be called damage."""
    detail = str(getattr(exc, "orig", None) or exc)[:120]
    if is_damage(exc):
        return DatabaseRefused(
            N_(
                "“{path}” is damaged and cannot be read ({detail}). Nothing in it was changed. "
                "Open a safety copy or a backup instead."
            ),
            path=path,
            detail=detail,
        )
    return DatabaseRefused(
        N_(
            "Mentorapp could not open “{path}” ({detail}). Nothing in it was changed. Check "
            "that you may read the file and that its disk is connected."
        ),
        path=path,
        detail=detail,
    )
