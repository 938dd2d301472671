"""A reminder as a mail merge file: one row per person, for Word's or Outlook's mail merge.

Each row holds the person's address, names and role, the subject and text already written
for them, and every placeholder's value, so a coordinator may also build their own letter in
Word from the fields. The headers are fixed English field names (a mail merge refers to them
by name). The file is spreadsheet-safe and owner-only (``csv_files.write_csv``): it holds
names and addresses, and a name that starts like a formula is marked as text.
"""

from __future__ import annotations

from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.running.reminder_text import PLACEHOLDERS
from mentorapp.running.reminders import Draft

# {name} is the first name, already in "first_name".
VALUE_COLUMNS = tuple(p for p in PLACEHOLDERS if p != "name")
HEADERS = ("email", "first_name", "name", "role", "language", "subject", "body", *VALUE_COLUMNS)


def mail_merge_rows(draft: Draft) -> list[list[str]]:
    """One row per recipient, in the draft's order."""
    rows = []
    for message in draft.messages:
        person = message.recipient
        rows.append(
            [
                person.email,
                person.first_name,
                person.name,
                person.role,
                message.language,
                message.subject,
                message.body,
                *(message.values[column] for column in VALUE_COLUMNS),
            ]
        )
    return rows


def write_mail_merge_csv(draft: Draft, path: Path) -> int:
    """Write the file (replacing it only once complete); the number of people in it."""
    return write_csv(Path(path), HEADERS, mail_merge_rows(draft))
