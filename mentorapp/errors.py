"""Errors that reach the user. Each carries a sentence that says what happened and what to do."""

from __future__ import annotations

import errno
from pathlib import Path
from typing import Any

from mentorapp.i18n import N_, _


class MentorappError(Exception):
    """A problem the user can act on; the text is translated when it is shown, not when raised."""

    title = N_("Something went wrong")

    def __init__(self, template: str, **params: Any) -> None:
        super().__init__(template.format(**params))
        self.template = template
        self.params = params

    def user_message(self) -> str:
        return _(self.template).format(**self.params)

    def user_title(self) -> str:
        return _(self.title)


class DatabaseRefused(MentorappError):
    """The file is not one Mentorapp may open; it has been left exactly as it was."""

    title = N_("This file cannot be opened")


class ValidationError(MentorappError):
    """Input that breaks a rule; nothing was saved."""

    title = N_("Please check what you entered")

    def __init__(self, template: str, field: str = "", **params: Any) -> None:
        super().__init__(template, **params)
        self.field = field


class FileProblem(MentorappError):
    """The operating system refused to read or write a file; nothing was half-written."""

    title = N_("A file could not be used")


_REASONS = {
    errno.ENOENT: N_("it or its folder does not exist"),
    errno.EEXIST: N_("a file with that name already exists"),
    errno.ENOSPC: N_("the disk is full"),
    getattr(errno, "EDQUOT", -1): N_("your disk quota is used up"),
    errno.EACCES: N_("you do not have permission"),
    errno.EPERM: N_("you do not have permission"),
    errno.EROFS: N_("the disk is read-only"),
    errno.ENOTDIR: N_("a part of the path is a file, not a folder"),
    errno.EISDIR: N_("it is a folder, not a file"),
    errno.ENAMETOOLONG: N_("the name is too long"),
    errno.EIO: N_("the disk reported a read or write error"),
}


def file_problem(exc: OSError) -> FileProblem:
    """One sentence for an OSError, in the user's language, naming the file."""
    name = exc.filename if exc.filename is not None else ""
    reason = _REASONS.get(exc.errno or 0)
    if not name:
        return FileProblem(
            N_("Mentorapp could not read or write a file ({detail}). Nothing was changed."),
            detail=Translated(reason) if reason else (exc.strerror or type(exc).__name__),
        )
    if reason is None:
        return FileProblem(
            N_("Mentorapp could not use “{path}” ({detail}). Nothing was changed."),
            path=name,
            detail=exc.strerror or type(exc).__name__,
        )
    return FileProblem(
        N_("Mentorapp could not use “{path}”: {reason}. Nothing was changed."),
        path=name,
        reason=Translated(reason),
    )


class Translated(str):
    """A message parameter that is itself a message: translated when the whole is shown."""

    def __format__(self, spec: str) -> str:
        return format(_(str(self)), spec)


def require_output_file(path: Path, replace: bool = False) -> None:
    """Refuse an output name that cannot work, before any work is done."""
    if path.is_dir():
        raise FileProblem(N_("“{path}” is a folder. Give the name of a file to write."), path=path)
    if not path.parent.is_dir():
        raise FileProblem(
            N_("The folder “{folder}” does not exist. Choose a folder that exists."),
            folder=path.parent,
        )
    require_ordinary_target(path)
    if path.exists() and not replace:
        raise FileProblem(
            N_("“{path}” already exists. Choose another name; nothing was overwritten."),
            path=path,
        )


def require_ordinary_target(path: Path) -> None:
    """Refuse to write over something that is not an ordinary file (a device such as
    /dev/full, a pipe): moving a finished file into place would swap it for a file."""
    if path.exists() and not path.is_file() and not path.is_dir():
        raise FileProblem(
            N_(
                "“{path}” is not an ordinary file (it is a device or a pipe). Give the name "
                "of a file to write; nothing was written."
            ),
            path=path,
        )


def move_into_place(temporary: Path | str, target: Path) -> None:
    """Move a finished file over ``target`` in one step (never a half file under its name),
    but never over a device or a pipe."""
    import os

    require_ordinary_target(Path(target))
    os.replace(temporary, target)


def require_output_folder(path: Path) -> None:
    """An output folder must be a folder, or a new one in a folder that exists."""
    if path.exists() and not path.is_dir():
        raise FileProblem(
            N_("“{path}” is a file, not a folder. Give a folder to write into."), path=path
        )
    if not path.exists() and not path.parent.is_dir():
        raise FileProblem(
            N_("The folder “{folder}” does not exist. Choose a folder that exists."),
            folder=path.parent,
        )
