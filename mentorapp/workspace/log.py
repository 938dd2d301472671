"""The diagnosis log: a rotating, owner-only file in the user's log folder.

When something goes wrong on a coordinator's laptop, the log says what Mentorapp did and where
a bug struck, so she can send it without sending her participants along. Therefore a log line
holds ids, counts, revisions, file names and versions, never a person's name, e-mail address
or free text; the front ends set it up once (``setup_logging`` in ``cli.main`` and
``app.run_gui``) and every module writes with ``logging.getLogger(__name__)``.

An exception's own message is not written, only its type and its traceback's frames
(``file:line in function``): ``str(error)`` carries values (SQLAlchemy puts the statement and
its parameters in it, a ``KeyError`` the missing key, a ``ValueError`` the text it could not
read), and a scrubber could remove e-mail addresses but never names. Mentorapp's own errors
are written as their untranslated template, whose ``{placeholders}`` stay unfilled. E-mail
addresses are still scrubbed from every line, for a careless call added later.

Logging never stops the app: a log folder that cannot be made or written means no log file,
a write that fails (a full disk) is dropped, and a rotation that fails (on Windows, while
another Mentorapp has the file open) leaves the lines in the same file until the next start.
Only the ``mentorapp`` loggers go to the file: SQLAlchemy's would log statements with their
parameters.
"""

from __future__ import annotations

import errno
import io
import logging
import logging.handlers
import os
import platform
import re
import sqlite3
import traceback
from pathlib import Path

from mentorapp.paths import log_dir_is_own, make_private_folders, user_log_dir

LOG_FILENAME = "mentorapp.log"
MAX_BYTES = 1_000_000  # about 10,000 lines; with three older files, months of normal use
BACKUP_COUNT = 3
PRIVATE_FILE = 0o600  # as db.files.PRIVATE_FILE; importing db would load SQLAlchemy at start
LINE_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"
_EMAIL = re.compile(r"[^\s@<>()\[\]\"',;:]+@[^\s@<>()\[\]\"',;:]+\.[^\s@<>()\[\]\"',;:]+")
_PACKAGE_PARENT = Path(__file__).resolve().parent.parent.parent

_handler: PrivateRotatingFile | None = None


class PrivateRotatingFile(logging.handlers.RotatingFileHandler):
    """A rotating file only its owner can read, that never lets a failed write reach the app."""

    def _open(self) -> io.TextIOWrapper:
        # O_BINARY: on Windows the text stream translates line ends already, not the C library.
        flags = os.O_WRONLY | os.O_CREAT | os.O_APPEND | getattr(os, "O_BINARY", 0)
        descriptor = os.open(self.baseFilename, flags, PRIVATE_FILE)
        if os.name == "posix":
            os.fchmod(descriptor, PRIVATE_FILE)  # a file made under another umask, too
        return open(descriptor, "a", encoding=self.encoding, errors=self.errors)

    def doRollover(self) -> None:
        """Rotate; where that fails (on Windows another Mentorapp has the file open), write
        on in the same file and leave the rotation to the next start, instead of losing every
        line and shifting the older files at each attempt."""
        try:
            super().doRollover()
        except OSError:
            self.maxBytes = 0  # no more attempts in this process
            if self.stream is None:
                self.stream = self._open()

    def handleError(self, record: logging.LogRecord) -> None:
        """Dropped: logging's default prints a traceback on the console."""


class SafeFormatter(logging.Formatter):
    """Exceptions as type and frames only; e-mail addresses scrubbed from the whole line."""

    def format(self, record: logging.LogRecord) -> str:
        exc_info, exc_text = record.exc_info, record.exc_text
        record.exc_info = record.exc_text = None  # another handler's full text is not reused
        try:
            text = super().format(record)
        finally:
            record.exc_info, record.exc_text = exc_info, exc_text
        if exc_info and exc_info[1] is not None:
            text = f"{text}\n{exception_report(exc_info[1])}"
        return scrub(text)


def scrub(text: str) -> str:
    return _EMAIL.sub("<e-mail>", text)


def describe(error: BaseException) -> str:
    """The error's type and what can be said of it without its values."""
    kind = type(error)
    name = (
        kind.__qualname__
        if kind.__module__ == "builtins"
        else f"{kind.__module__}.{kind.__qualname__}"
    )
    template = getattr(error, "template", None)
    if isinstance(template, str):  # a MentorappError: the sentence with its {placeholders}
        return f"{name}: {template!r}"
    if isinstance(error, OSError) and error.errno is not None:
        return f"{name} [{errno.errorcode.get(error.errno, error.errno)}]"
    if isinstance(error, sqlite3.Error) and getattr(error, "sqlite_errorname", None):
        return f"{name} [{error.sqlite_errorname}]"
    return name


def exception_report(error: BaseException) -> str:
    """A traceback of ``error`` and the errors that led to it, without their messages."""
    chain: list[BaseException] = []
    current: BaseException | None = error
    while current is not None and all(current is not seen for seen in chain):
        chain.append(current)
        current = current.__cause__ or (
            None if current.__suppress_context__ else current.__context__
        )
    lines: list[str] = []
    for index, each in enumerate(reversed(chain)):
        if index:
            lines.append("which led to:")
        lines.append("Traceback (most recent call last):")
        for frame in traceback.extract_tb(each.__traceback__):
            lines.append(f"  {_short(frame.filename)}:{frame.lineno} in {frame.name}")
        lines.append(describe(each))
    return "\n".join(lines)


def _short(filename: str) -> str:
    """The file below its package folder: the home folder names the user."""
    path = Path(filename)
    try:
        return path.resolve().relative_to(_PACKAGE_PARENT).as_posix()
    except (ValueError, OSError):
        pass
    parts = path.parts
    for marker in ("site-packages", "dist-packages", "lib"):
        if marker in parts:
            return "/".join(parts[len(parts) - parts[::-1].index(marker) :])
    return path.name


def setup_logging() -> Path | None:
    """Send the ``mentorapp`` loggers (INFO and up) to the log file; returns its path, or None
    where no log can be written. Calling it again keeps the file, or moves to a new folder."""
    global _handler
    logger = logging.getLogger("mentorapp")
    logger.setLevel(logging.INFO)
    try:
        folder = user_log_dir()
        path = Path(os.path.abspath(folder / LOG_FILENAME))
        if _handler is not None and Path(_handler.baseFilename) == path:
            return path
        stop_logging()
        make_private_folders(folder, own=log_dir_is_own())
        handler = PrivateRotatingFile(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except Exception:  # a read-only or missing home: Mentorapp runs unlogged
        stop_logging()
        return None
    handler.setFormatter(SafeFormatter(LINE_FORMAT))
    logger.addHandler(handler)
    _handler = handler
    return path


def running_on() -> str:
    """Python's version and the system's name, release and machine, for the first line."""
    system = f"{platform.system()} {platform.release()} {platform.machine()}"
    return f"Python {platform.python_version()} on {system}"


def log_file() -> Path | None:
    """The file being written, or None (not set up, or the folder cannot be written)."""
    return Path(_handler.baseFilename) if _handler is not None else None


def stop_logging() -> None:
    """Close the log file (tests, and before moving to another folder)."""
    global _handler
    if _handler is not None:
        logging.getLogger("mentorapp").removeHandler(_handler)
        _handler.close()
        _handler = None
