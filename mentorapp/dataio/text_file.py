"""A plain text file written whole: in one step, owner-only, never over a programme file.

The survey questions for an online form are written from the CLI and the GUI alike; both
must leave either the old file or the whole new one, and never clobber the database.
"""

from __future__ import annotations

from pathlib import Path


def write_text_file(path: Path, text: str, encoding: str = "utf-8") -> None:
    """Write ``text`` to ``path``; an OSError becomes the usual one-sentence file problem."""
    from mentorapp.db.files import private_temporary, refuse_programme_file
    from mentorapp.errors import file_problem, move_into_place

    refuse_programme_file(path)
    temporary: Path | None = None
    try:
        temporary = private_temporary(path.parent, path.name)
        temporary.write_text(text, encoding=encoding)
        move_into_place(temporary, path)
    except OSError as exc:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise file_problem(exc) from exc
    except BaseException:
        if temporary is not None:
            temporary.unlink(missing_ok=True)
        raise
