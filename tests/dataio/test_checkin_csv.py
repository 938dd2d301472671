"""Recording pair meetings from a check-in form's export, on the demo's running round: files
as Google Forms and Microsoft Forms write them, a file full of mistakes (nothing written, each
problem on its row), dry runs, the mentor and the adept answering about one meeting, and
meetings already recorded."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest

from mentorapp.dataio import checkin_csv
from mentorapp.dataio.checkin_csv import import_checkins, meeting_number, read_checkin_file
from mentorapp.dataio.csv_source import ImportFileError
from mentorapp.demo.writer import write_demo
from mentorapp.running.meetings import NOTE_LIMIT
from mentorapp.running.schedule import GroupSchedule, Meeting, RoundSchedule
from mentorapp.workspace.services import Services

TODAY = date.today()


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.db"
    with Services.opened(path) as services:
        write_demo(services.database)
    return path


@pytest.fixture
def demo(demo_file: Path, tmp_path: Path) -> Iterator[Services]:
    """A fresh copy of the demo for each test: the tests write meetings."""
    path = tmp_path / "programme.db"
    shutil.copy(demo_file, path)
    services = Services.open(path)
    yield services
    services.close()


def running(services: Services) -> RoundSchedule:
    programme = services.programmes.programme()
    assert programme is not None and programme.id is not None
    cohort = services.programmes.current_cohort(programme.id)
    assert cohort is not None and cohort.id is not None
    return services.meetings.schedule(cohort.id)


def meeting(services: Services, group_id: int, number: int) -> Meeting:
    group = running(services).group(group_id)
    assert group is not None
    return next(m for m in group.meetings if m.number == number)


def open_meetings(schedule: RoundSchedule) -> list[tuple[GroupSchedule, int]]:
    """(group, number) of meetings not recorded as held, in groups that have not ended."""
    return [
        (group, m.number)
        for group in schedule.groups
        if group.ended_on is None
        for m in group.meetings
        if m.state != "held"
    ]


def held_meetings(schedule: RoundSchedule) -> list[tuple[GroupSchedule, Meeting]]:
    return [
        (group, m)
        for group in schedule.groups
        if group.ended_on is None
        for m in group.meetings
        if m.state == "held" and m.held_on is not None
    ]


def csv_bytes(rows: list[list[str]], delimiter: str = ",", encoding: str = "utf-8") -> bytes:
    def cell(value: str) -> str:
        if any(c in value for c in (delimiter, '"', "\n")):
            return '"' + value.replace('"', '""') + '"'
        return value

    text = "".join(delimiter.join(cell(v) for v in row) + "\r\n" for row in rows)
    return text.encode(encoding)


def a_day_after_the_12th(latest: date, earliest: date) -> date:
    """A past day whose day of the month is above 12, so a US date shows its order."""
    day = latest
    while day.day <= 12:
        day -= timedelta(days=1)
    assert day >= earliest
    return day


def us(day: date) -> str:
    return f"{day.month}/{day.day}/{day.year}"


def test_a_google_forms_export_in_us_english_records_every_meeting(demo: Services) -> None:
    schedule = running(demo)
    (g1, n1), (g2, n2), (g3, n3) = open_meetings(schedule)[:3]
    assert schedule.kickoff is not None
    held = a_day_after_the_12th(TODAY - timedelta(days=1), schedule.kickoff)
    data = csv_bytes(
        [
            [
                "Timestamp",
                "Email Address",
                "Which meeting was it?",
                "Date of the meeting",
                "Comments",
            ],
            [f"{us(TODAY)} 9:14:03", g1.mentor.email, str(n1), us(held), "Went through her CV"],
            [f"{us(TODAY)} 10:02:45", g2.adepts[0].email.upper(), f"Meeting {n2}", us(held), ""],
            [f"{us(held)} 18:30:00", g3.mentor.email, f"{n3}", "", "Coffee near the station"],
        ]
    )
    report = import_checkins(demo.database, schedule.cohort_id, data)
    assert report.problems == [] and report.warnings == []
    assert (report.rows, report.recorded, report.unchanged, report.written) == (3, 3, 0, True)
    first = meeting(demo, g1.id, n1)
    assert (first.state, first.held_on) == ("held", held)
    assert "Went through her CV" in first.note
    assert meeting(demo, g2.id, n2).held_on == held  # an adept's address, in capitals
    third = meeting(demo, g3.id, n3)
    assert third.held_on == held  # no date: the day of the timestamp
    assert third.note.endswith("Coffee near the station")
    assert report.as_json() == {
        "rows": 3,
        "recorded": 3,
        "unchanged": 0,
        "problems": [],
        "warnings": [],
        "written": True,
    }


def test_a_microsoft_forms_export_from_swedish_excel_records_by_the_mentors_name(
    demo: Services,
) -> None:
    """Excel on Swedish Windows: semicolons, Windows-1252, ISO dates; an anonymous form whose
    own "E-post" says "anonymous", so the mentor's name (with its accents) says whose."""
    schedule = running(demo)
    chosen = [(g, n) for g, n in open_meetings(schedule) if not g.mentor.name.isascii()][:2]
    assert len(chosen) == 2
    (g1, n1), (g2, n2) = chosen
    day1, day2 = TODAY - timedelta(days=3), TODAY - timedelta(days=5)
    header = ["ID", "Starttid", "Slutförandetid", "E-post", "Namn"]
    header += ["Mentorns namn", "Vilken träff gäller det?", "Datum för träffen", "Övrigt"]
    data = csv_bytes(
        [
            header,
            [
                "1",
                f"{day1} 09:12:01",
                f"{day1} 09:14:55",
                "anonymous",
                "",
                g1.mentor.name,
                f"Träff {n1}",
                str(day1),
                "Pratade om nätverk på LinkedIn",
            ],
            [
                "2",
                f"{TODAY} 13:01:12",
                f"{day2} 13:03:40",
                "anonymous",
                "",
                g2.mentor.name.upper(),
                f"{n2}:a",
                "",
                "",
            ],
        ],
        delimiter=";",
        encoding="cp1252",
    )
    report = import_checkins(demo.database, schedule.cohort_id, data)
    assert report.problems == []
    assert report.recorded == 2 and report.written
    assert dict(report.columns)["Mentorns namn"] == "group"
    assert {"ID", "Namn", "Starttid"} <= set(report.ignored_columns)
    first = meeting(demo, g1.id, n1)
    assert first.held_on == day1 and "Pratade om nätverk på LinkedIn" in first.note
    # No date: the completion time (not the start time) gives the day.
    assert meeting(demo, g2.id, n2).held_on == day2


def test_a_file_with_mistakes_records_nothing_and_names_each_row(demo: Services) -> None:
    schedule = running(demo)
    before = running(demo)
    (g1, n1), (g2, n2), (g3, n3) = open_meetings(schedule)[:3]
    inside = {p.email for g in schedule.groups for p in g.people}
    outside = next(r for r in demo.participants.rows(schedule.cohort_id) if r.email not in inside)
    day = TODAY - timedelta(days=2)
    rows = [
        ["Tidstämpel", "E-postadress", "Träff", "Datum", "Kommentar"],
        [f"{TODAY} 10:00:00", g1.mentor.email, str(n1), str(day), "Bra träff"],  # row 2: fine
        # row 3 spans two lines in the file, but it is one row, as a spreadsheet shows it
        [f"{TODAY} 10:00:00", "nobody@example.org", "1", str(day), "Två\nrader"],
        [f"{TODAY} 10:00:00", outside.email, "1", str(day), ""],  # row 4: in no group
        [f"{TODAY} 10:00:00", g2.mentor.email, "9", str(day), ""],  # row 5: no meeting 9
        [f"{TODAY} 10:00:00", g2.mentor.email, str(n2), "i tisdags", ""],  # row 6: no date
        [f"{TODAY} 10:00:00", g3.mentor.email, str(n3), str(TODAY + timedelta(days=3)), ""],
        [f"{TODAY} 10:00:00", g1.adepts[0].email, str(n1), str(day - timedelta(days=1)), ""],
        [f"{TODAY} 10:00:00", "", str(n1), str(day), ""],  # row 9: whose?
        [f"{TODAY} 10:00:00", g2.mentor.email, "någon", str(day), ""],  # row 10
    ]
    report = import_checkins(demo.database, schedule.cohort_id, csv_bytes(rows))
    found = [(p.row, p.column) for p in report.problems]
    assert found == [
        (3, "E-postadress"),
        (4, "E-postadress"),
        (5, "Träff"),
        (6, "Datum"),
        (7, "Datum"),
        (8, "Datum"),
        (9, "E-postadress"),
        (10, "Träff"),
    ]
    messages = {p.row: p.message for p in report.problems}
    assert "nobody@example.org" in messages[3]
    assert outside.name in messages[4] and "no accepted group" in messages[4]
    assert "meetings 1 to 4" in messages[5]
    assert "i tisdags" in messages[6]
    assert "has not come yet" in messages[7]
    assert "row 2" in messages[8]  # the same meeting with another day
    assert "“någon”" in messages[10]
    assert not report.written and report.as_json()["recorded"] == 0
    assert running(demo) == before  # not even the good row 2


def test_a_dry_run_reports_what_it_would_record_and_writes_nothing(demo: Services) -> None:
    schedule = running(demo)
    (group, number) = open_meetings(schedule)[0]
    data = csv_bytes([["E-post", "Träff", "Datum"], [group.mentor.email, str(number), str(TODAY)]])
    report = import_checkins(demo.database, schedule.cohort_id, data, dry_run=True)
    assert (report.recorded, report.written, report.problems) == (1, False, [])
    assert report.meetings[0].group == checkin_csv.group_name(group)
    assert running(demo) == schedule


def test_the_mentor_and_the_adept_answering_about_one_meeting_record_it_once(
    demo: Services,
) -> None:
    schedule = running(demo)
    group, number = next((g, n) for g, n in open_meetings(schedule) if g.adepts)
    stored = meeting(demo, group.id, number)
    day = TODAY - timedelta(days=4)
    data = csv_bytes(
        [
            ["Email", "Meeting", "Date", "Comment"],
            [group.mentor.email, str(number), str(day), "We practised an interview."],
            [group.adepts[0].email, str(number), day.strftime("%d/%m/%Y"), "Very useful!"],
            [group.adepts[0].email, str(number), str(day), "Very useful!"],  # sent twice
        ]
    )
    report = import_checkins(demo.database, schedule.cohort_id, data)
    assert report.problems == []
    assert (report.rows, report.recorded) == (3, 1)
    after = meeting(demo, group.id, number)
    assert after.held_on == day and after.sequence == stored.sequence + 1
    assert after.note.count("Very useful!") == 1
    assert "We practised an interview.\nVery useful!" in after.note


def test_a_meeting_already_held_is_unchanged_on_its_day_and_replaced_only_when_asked(
    demo: Services,
) -> None:
    schedule = running(demo)
    (g1, m1), (g2, m2) = held_meetings(schedule)[:2]
    assert m1.held_on is not None and m2.held_on is not None
    other = m2.held_on - timedelta(days=1)
    rows = [
        ["E-post", "Träff", "Datum"],
        [g1.mentor.email, str(m1.number), str(m1.held_on)],  # the day already recorded
        [g2.mentor.email, str(m2.number), str(other)],  # another day
    ]
    refused = import_checkins(demo.database, schedule.cohort_id, csv_bytes(rows))
    assert [(p.row, p.column) for p in refused.problems] == [(3, "Datum")]
    assert "already recorded as held" in refused.problems[0].message
    assert running(demo) == schedule

    replaced = import_checkins(demo.database, schedule.cohort_id, csv_bytes(rows), replace=True)
    assert replaced.problems == []
    assert (replaced.recorded, replaced.unchanged) == (1, 1)
    assert replaced.meetings[1].replaces == m2.held_on
    same = meeting(demo, g1.id, m1.number)
    assert same == m1  # unchanged: not even its sequence was raised
    moved = meeting(demo, g2.id, m2.number)
    assert moved.held_on == other
    assert (moved.minutes, moved.mode, moved.note) == (m2.minutes, m2.mode, m2.note)

    again = import_checkins(demo.database, schedule.cohort_id, csv_bytes(rows))
    assert again.problems == [] and (again.recorded, again.unchanged) == (0, 2)


def test_a_long_comment_is_cut_to_the_notes_length_with_a_warning(demo: Services) -> None:
    schedule = running(demo)
    group, number = open_meetings(schedule)[0]
    comment = "Vi gick igenom ansökan rad för rad. " * 30
    data = csv_bytes(
        [
            ["E-post", "Träff", "Datum", "Kommentar"],
            [group.mentor.email, str(number), str(TODAY), comment],
        ]
    )
    report = import_checkins(demo.database, schedule.cohort_id, data)
    assert report.problems == [] and report.written
    assert [(w.row, w.column) for w in report.warnings] == [(2, "Kommentar")]
    note = meeting(demo, group.id, number).note
    assert len(note) <= NOTE_LIMIT and note.endswith("…")
    assert note.startswith("Vi gick igenom ansökan")


def test_a_file_without_the_columns_it_needs_says_so_on_the_header_row(demo: Services) -> None:
    schedule = running(demo)
    data = csv_bytes([["Namn", "Kommentar"], ["Eva", "Bra"]])
    report = import_checkins(demo.database, schedule.cohort_id, data)
    assert [p.row for p in report.problems] == [1, 1, 1]
    assert {p.column for p in report.problems} == {"E-mail or group", "Meeting", "Date"}
    assert not report.written


def test_headers_match_without_case_or_accents_and_slash_dates_warn_when_ambiguous(
    demo: Services,
) -> None:
    schedule = running(demo)
    group, number = open_meetings(schedule)[0]
    day = TODAY - timedelta(days=1)
    while day.day > 12 or day.day == day.month:  # readable both ways, e.g. 02/10
        day -= timedelta(days=1)
    data = csv_bytes(
        [
            ["TIDSTAMPEL", "E-POSTADRESS", "Traff nr", "Traffdatum"],
            [f"{day:%d/%m/%Y} 12:00:00", group.mentor.email, str(number), f"{day:%d/%m/%Y}"],
        ]
    )
    report = import_checkins(demo.database, schedule.cohort_id, data, dry_run=True)
    assert dict(report.columns) == {
        "TIDSTAMPEL": "timestamp",
        "E-POSTADRESS": "email",
        "Traff nr": "number",
        "Traffdatum": "date",
    }
    assert report.problems == []
    assert report.meetings[0].held_on == day  # day first
    assert len(report.warnings) == 1 and "day first" in report.warnings[0].message


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("2", 2),
        ("Träff 2", 2),
        ("Meeting 2", 2),
        ("2:a", 2),
        ("2:a träffen", 2),
        ("#3", 3),
        ("Meeting 1 of 4", 1),
        ("Träff 3 av 4", 3),
        ("andra", 2),
        ("Fourth", 4),
        ("", None),
        ("2 eller 3", None),
        ("någon", None),
    ],
)
def test_meeting_numbers_are_read_as_people_write_them(text: str, number: int | None) -> None:
    assert meeting_number(text) == number


def test_an_oversized_file_is_refused_before_it_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(checkin_csv, "MAX_BYTES", 1000)
    path = tmp_path / "big.csv"
    path.write_text("E-post,Träff,Datum\n" + "a@b.se,1,2026-10-02\n" * 100, encoding="utf-8")
    with pytest.raises(ImportFileError) as refused:
        read_checkin_file(path)
    assert "larger than" in refused.value.user_message()
    with pytest.raises(ImportFileError):
        read_checkin_file(tmp_path / "missing.csv")
