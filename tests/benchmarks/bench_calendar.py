"""The round's calendar with 1,000 groups of four pair meetings each, and six gatherings.

Run: python tests/benchmarks/bench_calendar.py [groups]. Prints the median and the slowest of
five runs of reading the round's schedule (``MeetingService.schedule``), and of writing the
calendar from the schedule read to the file written (gatherings read, events built, the file
serialised and moved into place; target: under 1 s). The rows are written straight with
SQLModel into a temporary file, so setting up takes a few seconds.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from icalendar import Calendar

from mentorapp.dataio.calendar_ics import export_calendar
from mentorapp.domain.models import (
    Enrolment,
    Gathering,
    GroupMember,
    MatchGroup,
    Person,
    PlannedMeeting,
)
from mentorapp.i18n import set_language
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from mentorapp.workspace.services import Services

RUNS = 5
FIRST = ["Åsa", "Łukasz", "Nguyễn", "Aylin", "Ștefan", "Zoltán", "Amal", "Reza", "Sofia"]
LAST = ["Öberg", "Żółć", "Đặng", "Yıldız", "Năstase", "Hőgyes", "Yousef", "Karimi", "Lund"]
START = date(2027, 2, 1)


def fill(services: Services, groups: int) -> int:
    programme = services.programmes.save_programme(
        ProgrammeDraft(organisation="Föreningen Broar", name="Mentorskap 2027")
    )
    assert programme.id is not None
    cohort = services.programmes.save_cohort(
        programme.id, CohortDraft("Vår 2027", START, date(2027, 5, 31), date(2027, 1, 10))
    )
    assert cohort.id is not None
    with services.database.transaction() as session:
        people = [
            Person(
                first_name=FIRST[n % len(FIRST)],
                last_name=f"{LAST[n % len(LAST)]} {n}",
                email=f"person{n}@example.com",
            )
            for n in range(2 * groups)
        ]
        session.add_all(people)
        session.flush()
        enrolments = [
            Enrolment(
                person_id=person.id,
                cohort_id=cohort.id,
                role="mentor" if n % 2 == 0 else "adept",
                status="accepted",
            )
            for n, person in enumerate(people)
        ]
        session.add_all(enrolments)
        session.flush()
        made = [
            MatchGroup(
                cohort_id=cohort.id,
                mentor_enrolment_id=enrolments[2 * n].id,
                accepted_on=START - timedelta(days=7),
            )
            for n in range(groups)
        ]
        session.add_all(made)
        session.flush()
        for n, group in enumerate(made):
            session.add(GroupMember(group_id=group.id, adept_enrolment_id=enrolments[2 * n + 1].id))
            for number in range(1, 5):
                day = START + timedelta(days=30 * (number - 1) + n % 25)
                state = "held" if number == 1 else ("cancelled" if n % 40 == 0 else "planned")
                session.add(
                    PlannedMeeting(
                        group_id=group.id,
                        number=number,
                        planned_on=day,
                        state=state,
                        held_on=day if state == "held" else None,
                        minutes=60 if state == "held" else None,
                        sequence=n % 3,
                    )
                )
        for n in range(6):
            session.add(
                Gathering(
                    cohort_id=cohort.id,
                    title=f"Nätverksträff {n + 1}",
                    starts_at=datetime(2027, 2, 10, 17, 30) + timedelta(days=20 * n),
                    place="Stadsbiblioteket, Odengatan 59, Stockholm",
                    description="Jobbsök, cv och LinkedIn i små grupper.",
                )
            )
    return cohort.id


def main() -> None:
    groups = int(sys.argv[1]) if len(sys.argv) > 1 else 1_000
    set_language("sv")
    with (
        tempfile.TemporaryDirectory() as folder,
        Services.opened(Path(folder) / "programme.db") as services,
    ):
        started = time.perf_counter()
        cohort_id = fill(services, groups)
        print(f"set-up: {groups} groups in {time.perf_counter() - started:.1f} s")
        reads, writes = [], []
        out = Path(folder) / "round.ics"
        for _ in range(RUNS):
            started = time.perf_counter()
            schedule = services.meetings.schedule(cohort_id)
            read = time.perf_counter()
            written = export_calendar(services.database, schedule, out)
            done = time.perf_counter()
            reads.append(read - started)
            writes.append(done - read)
        parsed = Calendar.from_ical(out.read_bytes())
        assert len(parsed.events) == written.events == 4 * groups + 6, written.events
        size = out.stat().st_size / 1e6
    print(
        f"reading the schedule ({groups} groups): median {statistics.median(reads) * 1000:.0f} ms, "
        f"slowest {max(reads) * 1000:.0f} ms"
    )
    print(
        f"writing the round's calendar ({written.events} events, {size:.1f} MB): median "
        f"{statistics.median(writes) * 1000:.0f} ms, slowest {max(writes) * 1000:.0f} ms "
        f"(target: under 1 s)"
    )


if __name__ == "__main__":
    main()
