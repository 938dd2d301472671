"""Saving the round's and a group's calendar from the window, on the demo."""

from __future__ import annotations

from pathlib import Path

import pytest
from icalendar import Calendar
from PySide6.QtWidgets import QMessageBox

from mentorapp.gui.dialogs import files
from mentorapp.gui.widgets import calendar_actions
from mentorapp.gui.widgets.calendar_actions import save_group_calendar, save_round_calendar

pytestmark = pytest.mark.gui


@pytest.fixture
def said(monkeypatch) -> dict[str, list]:
    """What the actions asked and told: the save dialog's arguments, confirmations, warnings."""
    seen: dict[str, list] = {"asked": [], "told": [], "warned": []}
    monkeypatch.setattr(
        calendar_actions.QMessageBox,
        "information",
        lambda _parent, title, text: seen["told"].append((title, text)),
    )
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, title, text: seen["warned"].append((title, text))
    )
    return seen


def answer_with(monkeypatch, said: dict[str, list], path: Path | None) -> None:
    def ask(parent, title, suggested, file_filter, suffix=""):
        said["asked"].append((title, suggested, file_filter, suffix))
        return path

    monkeypatch.setattr(files, "ask_save_path", ask)


def test_the_round_calendar_is_saved_where_the_user_chose(
    open_window, tmp_path: Path, monkeypatch, said
) -> None:
    window = open_window(None, demo=True)
    cohort = window.context.cohort
    target = tmp_path / "round.ics"
    answer_with(monkeypatch, said, target)
    save_round_calendar(window, window.context, cohort.id)
    events = Calendar.from_ical(target.read_bytes()).events
    assert len(events) > 20
    [(title, suggested, file_filter, suffix)] = said["asked"]
    assert title == "Save the round's calendar"
    assert suggested == f"{cohort.name}.ics" and suffix == "ics" and "*.ics" in file_filter
    [(heading, text)] = said["told"]
    assert heading == "Calendar saved"
    assert f"Saved {len(events)} events to {target}." in text
    assert not said["warned"]


def test_a_group_calendar_holds_that_group_only(
    open_window, tmp_path: Path, monkeypatch, said
) -> None:
    window = open_window(None, demo=True)
    schedule = window.context.services.meetings.schedule(window.context.cohort.id)
    group = next(g for g in schedule.groups if any(m.planned_on for m in g.meetings))
    target = tmp_path / "pair.ics"
    answer_with(monkeypatch, said, target)
    save_group_calendar(window, window.context, group.id)
    uids = [str(e["UID"]) for e in Calendar.from_ical(target.read_bytes()).events]
    meetings = [uid for uid in uids if uid.startswith("meeting-")]
    assert meetings and all(uid.startswith(f"meeting-{group.id}-") for uid in meetings)
    [(title, suggested, _filter, _suffix)] = said["asked"]
    assert title == "Save the group's calendar"
    assert group.mentor.name in suggested and suggested.endswith(".ics")
    assert len(said["told"]) == 1


def test_cancelling_the_dialog_writes_nothing(
    open_window, tmp_path: Path, monkeypatch, said
) -> None:
    window = open_window(None, demo=True)
    answer_with(monkeypatch, said, None)
    save_round_calendar(window, window.context, window.context.cohort.id)
    assert len(said["asked"]) == 1
    assert not said["told"] and not said["warned"]
    assert not list(tmp_path.glob("*.ics"))


def test_a_file_that_cannot_be_written_is_explained(
    open_window, tmp_path: Path, monkeypatch, said
) -> None:
    window = open_window(None, demo=True)
    answer_with(monkeypatch, said, tmp_path / "gone" / "round.ics")
    save_round_calendar(window, window.context, window.context.cohort.id)
    [(title, text)] = said["warned"]
    assert title == "A file could not be used" and "does not exist" in text
    assert not said["told"]
    assert not (tmp_path / "gone").exists()


def test_a_group_that_is_gone_is_explained(open_window, monkeypatch, said) -> None:
    window = open_window(None, demo=True)
    answer_with(monkeypatch, said, None)
    save_group_calendar(window, window.context, 999_999)
    assert said["warned"] == [("Please check what you entered", "This group no longer exists.")]
    assert not said["asked"]


def test_the_running_page_button_saves_the_round(
    open_window, tmp_path: Path, monkeypatch, said
) -> None:
    from mentorapp.gui.widgets.running_board import RunningBoard

    window = open_window(None, demo=True)
    window.show_stage("running")
    page = window.pages["running"]
    board = next(tool for tool, _title in page._tools if isinstance(tool, RunningBoard))
    page.tabs.setCurrentWidget(board)
    target = tmp_path / "from-the-page.ics"
    answer_with(monkeypatch, said, target)
    board.round_calendar_button.click()
    assert Calendar.from_ical(target.read_bytes()).events
    assert len(said["told"]) == 1
