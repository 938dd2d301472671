"""Undoable edits (Ctrl+Z). Each command has already been applied when it is pushed, so a
write that fails never lands on the stack; undo and redo call the same services again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QUndoCommand

from mentorapp.errors import MentorappError


class AppliedCommand(QUndoCommand):
    """Skips the redo() that QUndoStack.push() makes, because the change is already saved."""

    def __init__(
        self,
        text: str,
        apply: Callable[[], object],
        revert: Callable[[], object],
        after: Callable[[], None],
        on_error: Callable[[MentorappError], None],
    ) -> None:
        super().__init__(text)
        self._apply, self._revert, self._after, self._on_error = apply, revert, after, on_error
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._apply)

    def undo(self) -> None:
        self._run(self._revert)

    def _run(self, action: Callable[[], object]) -> None:
        try:
            action()
        except MentorappError as error:
            self.setObsolete(True)
            self._on_error(error)
        self._after()
