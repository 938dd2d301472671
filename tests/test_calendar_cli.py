"""``mentorapp calendar``: the round's or one mentor's group's calendar file, from the CLI."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from icalendar import Calendar

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("calendar-cli") / "programme.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    return path


def a_mentor(path: Path) -> tuple[str, int, str]:
    """A mentor of the running round with dated meetings: (e-mail, group id, calendar id)."""
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named(demo_round_names()[1])
        assert cohort.id is not None
        schedule = services.meetings.schedule(cohort.id)
        group = next(
            g for g in schedule.groups if sum(m.planned_on is not None for m in g.meetings) >= 2
        )
        return group.mentor.email, group.id, schedule.calendar_id


def test_the_round_calendar_is_written_and_counted(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "round.ics"
    running = demo_round_names()[1]
    argv = ["--lang", "en", "--db", str(demo_file), "calendar", "--cohort", running]
    assert main([*argv, "--out", str(out)]) == 0
    calendar = Calendar.from_ical(out.read_bytes())
    count = len(calendar.events)
    assert count > 20
    assert capsys.readouterr().out.strip() == f"Wrote {count} events to {out}."
    assert str(calendar["METHOD"]) == "PUBLISH"
    assert running in str(calendar["X-WR-CALNAME"])


def test_json_names_the_file_and_the_events(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "round.ics"
    assert main(["--db", str(demo_file), "calendar", "--out", str(out), "--json"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed == {"file": str(out), "events": len(Calendar.from_ical(out.read_bytes()).events)}


def test_one_mentor_gets_their_groups_meetings_only(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    email, group_id, calendar_id = a_mentor(demo_file)
    out = tmp_path / "pair.ics"
    argv = ["--db", str(demo_file), "calendar", "--mentor", email.upper(), "--out", str(out)]
    assert main([*argv, "--lang", "en", "--json"]) == 0
    events = Calendar.from_ical(out.read_bytes()).events
    meetings = [str(e["UID"]) for e in events if str(e["UID"]).startswith("meeting-")]
    assert len(meetings) >= 2
    assert all(uid.startswith(f"meeting-{group_id}-") for uid in meetings)
    assert all(uid.endswith(f"-{calendar_id}@mentorapp") for uid in meetings)
    assert all(
        str(e["SUMMARY"]).startswith("Pair meeting") for e in events if "meeting-" in e["UID"]
    )
    assert json.loads(capsys.readouterr().out)["events"] == len(events)


def test_the_swedish_ui_says_what_was_written(demo_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "omgång.ics"
    assert main(["--lang", "sv", "--db", str(demo_file), "calendar", "--out", str(out)]) == 0
    count = len(Calendar.from_ical(out.read_bytes()).events)
    assert capsys.readouterr().out.strip() == f"Skrev {count} händelser till {out}."


@pytest.mark.parametrize(
    ("extra", "words"),
    [
        (["--mentor", "nobody@example.org"], "No group in the round"),
        (["--cohort", "No such round"], "There is no round called “No such round”"),
    ],
)
def test_a_bad_mentor_or_round_gets_one_sentence_and_no_file(
    demo_file: Path, tmp_path: Path, capsys, extra: list[str], words: str
) -> None:
    out = tmp_path / "x.ics"
    argv = ["--lang", "en", "--db", str(demo_file), "calendar", *extra, "--out", str(out)]
    assert main(argv) == 2
    captured = capsys.readouterr()
    assert words in captured.err
    assert len(captured.err.strip().splitlines()) == 1
    assert "Traceback" not in captured.err
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_replaced_only_with_force(
    demo_file: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "round.ics"
    out.write_text("keep me")
    argv = ["--lang", "en", "--db", str(demo_file), "calendar", "--out", str(out)]
    assert main(argv) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_text() == "keep me"
    assert main([*argv, "--force"]) == 0
    assert out.read_bytes().startswith(b"BEGIN:VCALENDAR\r\n")
