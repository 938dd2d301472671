"""Writing a CSV file that Excel and LibreOffice open with åäö intact, and never half a file.

These files are for spreadsheets, and they hold what applicants typed. A cell that starts
like a formula (``=``, ``+``, ``-``, ``@``, a tab or a carriage return) would be run when
the coordinator opens the file, so such a cell gets a leading ``'`` that makes a spreadsheet
show it as text (OWASP's advice against CSV injection); the importer takes the ``'`` off
again, so an exported file imports unchanged. A value that is only a phone number or a plain
number (a leading sign, then digits, spaces, dashes, parentheses, "." or ",") stays as it is:
it can name no function and no cell. The CSV backup zip writes the stored text exactly and
does not use this module.
"""

from __future__ import annotations

import csv
import os
import re
import tempfile
from collections.abc import Iterable, Sequence
from pathlib import Path

from mentorapp.db.files import refuse_programme_file
from mentorapp.errors import MentorappError, move_into_place
from mentorapp.i18n import N_

# OWASP's list (CSV Injection), and NUL from the ASVS (V1.2.10).
FORMULA_STARTS = frozenset("=+-@\t\r\0")
TEXT_MARK = "'"
# "+46 70 123 45 67", "-5", "-2,5", a lone "-": without letters, "$", ":" or "!" such a cell
# can name no function and no cell, so at worst a spreadsheet does arithmetic with it.
_PLAIN_NUMBER = re.compile(r"[+-][0-9 ()\-.,]*")


class CsvWriteFailed(MentorappError):
    title = N_("The file could not be saved")


def _looks_like_formula(text: str) -> bool:
    """Whether a spreadsheet would read ``text`` as a formula, also behind leading spaces or
    text marks (so a value that really starts with ``'`` survives the round trip)."""
    rest = text.lstrip(" ")
    while rest.startswith(TEXT_MARK):
        rest = rest[1:].lstrip(" ")
    return rest[:1] in FORMULA_STARTS and _PLAIN_NUMBER.fullmatch(rest) is None


def spreadsheet_cell(value: object) -> str:
    """The cell to write for ``value``: marked as text where it would start a formula."""
    text = "" if value is None else str(value)
    return TEXT_MARK + text if _looks_like_formula(text) else text


def from_spreadsheet_cell(cell: str) -> str:
    """The value ``spreadsheet_cell`` was given: its text mark taken off again."""
    if cell.startswith(TEXT_MARK) and _looks_like_formula(cell[1:]):
        return cell[1:]
    return cell


def write_csv(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ","
) -> int:
    """UTF-8 with BOM (so Excel reads åäö), CRLF, formula cells marked as text, owner-only
    (0600); written beside ``path`` and moved into place."""
    path = Path(path)
    refuse_programme_file(path)
    partial: Path | None = None
    count = 0
    try:
        # mkstemp makes the file 0600 whatever the umask, under a name nobody else holds.
        handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
        partial = Path(name)
        with os.fdopen(handle, "w", encoding="utf-8-sig", newline="") as stream:
            writer = csv.writer(stream, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow([spreadsheet_cell(h) for h in headers])
            for row in rows:
                writer.writerow([spreadsheet_cell(cell) for cell in row])
                count += 1
        if os.name == "posix":
            os.chmod(partial, 0o600)
        move_into_place(partial, path)
    except OSError as exc:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise CsvWriteFailed(
            N_(
                "Mentorapp could not write {path} ({detail}). Close the file if another "
                "program has it open, or choose another folder, then try again."
            ),
            path=path,
            detail=exc.strerror or str(exc),
        ) from exc
    except BaseException:
        if partial is not None:
            partial.unlink(missing_ok=True)
        raise
    return count
