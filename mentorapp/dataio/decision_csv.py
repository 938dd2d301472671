"""The decision list as a spreadsheet file: whom to send a yes, a waiting-list place or a no.

Kept with the other files Mentorapp writes, so the pipeline service never writes files.
"""

from __future__ import annotations

from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.domain.enums import role_label, status_label
from mentorapp.i18n import _
from mentorapp.people.pipeline import PipelineService
from mentorapp.people.records import ParticipantRow


def write_decision_csv(
    pipeline: PipelineService, cohort_id: int, path: Path | str, delimiter: str = ","
) -> int:
    """Write the decisions as CSV (UTF-8 with BOM, so Excel reads åäö); returns the rows.

    The file is written beside ``path`` first and then moved into place, so a failed
    export never leaves half a file; formula-like cells are marked as text.
    """
    headers = [_("Decision"), _("Role"), _("First name"), _("Last name"), _("E-mail"), _("Reason")]
    rows = [
        _cells(status, row)
        for status, group in pipeline.decision_list(cohort_id).items()
        for row in group
    ]
    return write_csv(Path(path), headers, rows, delimiter)


def _cells(status: str, row: ParticipantRow) -> list[str]:
    role = role_label(row.role)
    return [status_label(status), role, row.first_name, row.last_name, row.email, row.status_reason]
