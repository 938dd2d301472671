"""A calendar as the bytes of an .ics file (CRLF, folded at 75 octets) and that file on
disk: owner-only, written beside its place and moved there in one step."""

from __future__ import annotations

import os
from pathlib import Path

from icalendar import Calendar

from mentorapp.errors import file_problem, move_into_place

_FOLD_AT = 75  # octets: a content line this long is folded (RFC 5545, 3.1)


def event_count(calendar: Calendar) -> int:
    return len(calendar.events)


def calendar_bytes(calendar: Calendar) -> bytes:
    """``calendar.to_ical()``, byte for byte (CRLF line ends, lines folded at 75 octets), in
    about half the time: icalendar folds every line a character at a time, and most lines
    are short enough to need no fold, so only the long ones go through its folding."""
    return b"".join(
        (
            line.encode()
            if len(line) < _FOLD_AT and len(line.encode()) < _FOLD_AT
            else line.to_ical()
        )
        + b"\r\n"
        for line in calendar.content_lines()
        if line
    )


def write_calendar(calendar: Calendar, path: Path) -> int:
    """Write ``calendar`` owner-only (0600) beside ``path`` and move it there in one step, never
    over a programme file; returns the number of events."""
    from mentorapp.db.files import private_temporary, refuse_programme_file

    path = Path(path)
    refuse_programme_file(path)
    data = calendar_bytes(calendar)
    temporary: Path | None = None
    try:
        temporary = private_temporary(path.parent, path.name)
        with temporary.open("wb") as out:
            out.write(data)
        if os.name == "posix":
            os.chmod(temporary, 0o600)  # private_temporary's mode already; said here so it stays
        move_into_place(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise file_problem(exc) from exc
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
    return event_count(calendar)
