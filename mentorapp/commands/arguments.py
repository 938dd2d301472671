"""Reading the dates and times people type on the command line, with one clear sentence
when they cannot be read (shared by the commands that take them)."""

from __future__ import annotations

from datetime import date

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_


def parse_day(text: str, field: str = "day") -> date:
    """A YYYY-MM-DD day; ``field`` names the argument in the refusal."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(
            N_("“{text}” is not a date. Write it as YYYY-MM-DD, e.g. 2027-02-03."),
            field,
            text=text[:40],
        ) from None
