"""Saving a round's or a group's calendar (.ics) from the Running page and the gatherings
panel: ask for a file, write it, say what was written.

The calendar code is imported when a file is saved, not with the window (start-up rule).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from mentorapp.errors import MentorappError, ValidationError
from mentorapp.gui.errors import show_error
from mentorapp.i18n import N_, _, ngettext

if TYPE_CHECKING:
    from mentorapp.gui.context import AppContext


def save_round_calendar(parent: QWidget, context: AppContext, cohort_id: int) -> None:
    """Every group's meetings and the round's gatherings, for the coordinator's calendar."""
    _save(parent, context, cohort_id, None, _("Save the round's calendar"))


def save_group_calendar(parent: QWidget, context: AppContext, group_id: int) -> None:
    """One group's meetings and the round's gatherings, to send to the pair."""
    from mentorapp.dataio.calendar_ics import round_of_group

    services = context.services
    if services is None:
        return
    try:
        cohort_id = round_of_group(services.database, group_id)
    except MentorappError as error:
        show_error(parent, error)
        return
    _save(parent, context, cohort_id, group_id, _("Save the group's calendar"))


def _save(
    parent: QWidget, context: AppContext, cohort_id: int, group_id: int | None, title: str
) -> Path | None:
    from mentorapp.dataio.calendar_ics import export_calendar, suggested_name
    from mentorapp.errors import file_problem
    from mentorapp.gui.dialogs import files

    services = context.services
    if services is None:
        return None
    try:
        schedule = services.meetings.schedule(cohort_id)
        if group_id is not None and schedule.group(group_id) is None:
            raise ValidationError(N_("This group no longer exists."))
    except MentorappError as error:
        show_error(parent, error)
        return None
    path = files.ask_save_path(
        parent,
        title,
        suggested_name(schedule, group_id),
        _("Calendar files (*.ics)"),
        suffix="ics",
    )
    if path is None:
        return None
    try:
        written = export_calendar(services.database, schedule, path, group_id)
    except MentorappError as error:
        show_error(parent, error)
        return None
    except OSError as error:
        show_error(parent, file_problem(error))
        return None
    QMessageBox.information(
        parent,
        _("Calendar saved"),
        ngettext(
            "Saved {count} event to {path}. Import the file into Outlook, Google Calendar or "
            "Apple Calendar; importing it again later updates the events.",
            "Saved {count} events to {path}. Import the file into Outlook, Google Calendar or "
            "Apple Calendar; importing it again later updates the events.",
            written.events,
        ).format(count=written.events, path=written.path),
    )
    return written.path
