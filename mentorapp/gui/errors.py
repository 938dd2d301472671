"""Showing problems to the user: what happened and what to do, in their language."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtWidgets import QMessageBox, QWidget

from mentorapp.errors import MentorappError

T = TypeVar("T")


def show_error(parent: QWidget | None, error: MentorappError) -> None:
    QMessageBox.warning(parent, error.user_title(), error.user_message())


def guarded(parent: QWidget | None, action: Callable[[], T]) -> T | None:
    """Run a service call; on a MentorappError tell the user and return None."""
    try:
        return action()
    except MentorappError as error:
        show_error(parent, error)
        return None


def attempt(parent: QWidget | None, action: Callable[[], object]) -> bool:
    """Run a service call; True when it worked, otherwise tell the user and return False."""
    try:
        action()
    except MentorappError as error:
        show_error(parent, error)
        return False
    return True
