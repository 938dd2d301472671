"""Writing a CSV file that Excel and LibreOffice open with åäö intact, and never half a file."""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Sequence
from pathlib import Path

from mentorapp.errors import MentorappError
from mentorapp.i18n import N_


class CsvWriteFailed(MentorappError):
    title = N_("The file could not be saved")


def write_csv(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[object]], delimiter: str = ","
) -> int:
    """UTF-8 with BOM (so Excel reads åäö), CRLF; written beside and moved into place."""
    path = Path(path)
    partial = path.with_name(f".{path.name}.partial")
    count = 0
    try:
        with partial.open("w", encoding="utf-8-sig", newline="") as handle:
            writer = csv.writer(handle, delimiter=delimiter, lineterminator="\r\n")
            writer.writerow(headers)
            for row in rows:
                writer.writerow(row)
                count += 1
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise CsvWriteFailed(
            N_(
                "Mentorapp could not write {path} ({detail}). Close the file if another "
                "program has it open, or choose another folder, then try again."
            ),
            path=path,
            detail=exc.strerror or str(exc),
        ) from exc
    return count
