"""The demo programme: deterministic, realistic in size and shape, and never written over data."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

import pytest

from mentorapp.db.migrate import open_database
from mentorapp.demo.writer import DemoRefused, write_demo
from mentorapp.domain.codes import education_fields, industries
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGES

TODAY = date(2027, 3, 15)
TABLES = (
    "programme",
    "cohort",
    "organisation",
    "person",
    "enrolment",
    "checklistentry",
    "statuschange",
    "eligibilitycriterion",
    "eligibilitycheck",
)


def _demo_file(path: Path, today: date = TODAY) -> Path:
    database = open_database(path)
    try:
        write_demo(database, today)
    finally:
        database.close()
    return path


def _dump(path: Path) -> dict[str, list[tuple]]:
    connection = sqlite3.connect(path)
    try:
        return {t: connection.execute(f"SELECT * FROM {t} ORDER BY id").fetchall() for t in TABLES}
    finally:
        connection.close()


def _query(path: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(path)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _demo_file(tmp_path_factory.mktemp("demo") / "x.db")


def test_same_day_gives_identical_rows(demo: Path, tmp_path: Path) -> None:
    assert _dump(_demo_file(tmp_path / "again.db")) == _dump(demo)


def test_another_day_moves_the_dates_only(demo: Path, tmp_path: Path) -> None:
    later = _dump(_demo_file(tmp_path / "later.db", date(2028, 9, 1)))
    assert later["person"] == _dump(demo)["person"]
    assert later["cohort"] != _dump(demo)["cohort"]


def test_counts(demo: Path) -> None:
    def people(role: Role) -> int:
        sql = f"SELECT COUNT(DISTINCT person_id) FROM enrolment WHERE role = '{role.value}'"
        return _query(demo, sql)[0][0]

    assert 55 <= people(Role.ADEPT) <= 65
    assert 35 <= people(Role.MENTOR) <= 45
    assert _query(demo, "SELECT COUNT(*) FROM programme")[0][0] == 1
    assert 8 <= _query(demo, "SELECT COUNT(*) FROM organisation")[0][0] <= 12
    # Some mentors come back for the second round: one person, two enrolments.
    twice = "SELECT person_id FROM enrolment GROUP BY person_id HAVING COUNT(*) > 1"
    assert 1 <= len(_query(demo, twice)) <= 3
    assert _query(
        demo, "SELECT COUNT(*) FROM person WHERE id NOT IN (SELECT person_id FROM enrolment)"
    ) == [(0,)]


def test_cohorts(demo: Path) -> None:
    rows = _query(
        demo, "SELECT name, application_deadline, start, end, is_current FROM cohort ORDER BY start"
    )
    assert len(rows) == 2
    assert [r[4] for r in rows] == [0, 1]
    (old_name, old_deadline, old_start, old_end, _), (name, _, start, end, _) = rows
    assert date.fromisoformat(old_end) < TODAY
    assert date.fromisoformat(old_deadline) < date.fromisoformat(old_start)
    assert date.fromisoformat(start) < TODAY < date.fromisoformat(end)
    for cohort_name, cohort_start in ((old_name, old_start), (name, start)):
        season = "Vår" if date.fromisoformat(cohort_start).month <= 6 else "Höst"
        assert cohort_name == f"{season} {cohort_start[:4]}"


def test_statuses(demo: Path) -> None:
    rows = _query(
        demo,
        "SELECT c.is_current, e.role, e.status, COUNT(*) FROM enrolment e "
        "JOIN cohort c ON c.id = e.cohort_id GROUP BY 1, 2, 3",
    )
    counts = {(bool(current), role, status): n for current, role, status, n in rows}
    valid = {s.value for s in EnrolmentStatus}
    assert {status for _, _, status in counts} <= valid
    assert counts[(False, "adept", "completed")] > 20
    assert counts[(False, "adept", "withdrawn")] in (1, 2, 3)
    assert counts[(True, "adept", "active")] > 20
    for status in ("waitlisted", "declined", "applied"):
        assert counts[(True, "adept", status)] in (1, 2, 3)
    capacities = [
        r[0] for r in _query(demo, "SELECT capacity FROM enrolment WHERE role = 'mentor'")
    ]
    assert set(capacities) <= {1, 2, 3} and capacities.count(3) < capacities.count(1)
    matched = (
        "SELECT c.is_current, e.role, SUM(e.capacity) FROM enrolment e "
        "JOIN cohort c ON c.id = e.cohort_id "
        "WHERE e.status IN ('active', 'completed') GROUP BY 1, 2"
    )
    room = {(current, role): total for current, role, total in _query(demo, matched)}
    for current in (0, 1):
        assert room[(current, "mentor")] >= room[(current, "adept")]


def test_names_have_the_hard_letters(demo: Path) -> None:
    names = " ".join(
        f"{first} {last}"
        for first, last in _query(demo, "SELECT first_name, last_name FROM person")
    )
    for letter in "Łőşăđıåäö":
        assert letter in names, letter


def test_emails_unique_lower_case_ascii(demo: Path) -> None:
    emails = [r[0] for r in _query(demo, "SELECT email FROM person")]
    assert len(set(emails)) == len(emails)
    for email in emails:
        assert email == email.lower() and email.isascii(), email
        assert email.endswith(("@example.com", "@example.org")), email


def test_fields_use_valid_codes_and_values(demo: Path) -> None:
    sun = {c.code for c in education_fields()}
    sni = {c.code for c in industries()}
    rows = _query(
        demo, "SELECT education_field, industry, languages, gender, years_experience FROM person"
    )
    for field, industry, languages, gender, years in rows:
        assert field in sun | {""} and industry in sni | {""}
        assert languages in ("sv", "en", "sv,en")
        assert gender in ("kvinna", "man", "")
        assert 1 <= years <= 35
    assert 0 < sum(r[0] for r in _query(demo, "SELECT digital FROM person")) < len(rows)


def test_checklist_uses_the_guide(demo: Path) -> None:
    guide = load_guide("sv")
    keys = {(stage, item.key) for stage, content in guide.items() for item in content.items}
    rows = _query(
        demo, "SELECT stage, cohort_id, builtin_key, own_text, done, done_on FROM checklistentry"
    )
    builtin = [r for r in rows if r[2] is not None]
    assert all((stage, key) in keys for stage, _, key, _, _, _ in builtin)
    own = [r for r in rows if r[3]]
    assert sorted(done for *_, done, _ in own) == [0, 1]
    assert all(date.fromisoformat(r[5]) <= TODAY for r in rows if r[4])
    programme_stages = {s.key for s in STAGES if not s.per_round}
    done_programme = {(s, k) for s, c, k, _, d, _ in builtin if c is None and d}
    assert done_programme == {(s, k) for s, k in keys if s in programme_stages}
    current = _query(demo, "SELECT id FROM cohort WHERE is_current")[0][0]
    done_now = {s for s, c, _, _, d, _ in builtin if c == current and d}
    assert {"recruitment", "selection", "matching", "kickoff", "running"} <= done_now
    assert not done_now & {"followup", "closing", "evaluation", "alumni"}


def test_refuses_a_file_with_data(demo: Path, tmp_path: Path) -> None:
    before = _dump(demo)
    database = open_database(demo)
    try:
        with pytest.raises(DemoRefused) as refused:
            write_demo(database, TODAY)
    finally:
        database.close()
    assert str(demo) in refused.value.user_message()
    assert _dump(demo) == before


def test_refuses_a_file_with_only_people(tmp_path: Path) -> None:
    from mentorapp.domain.models import Person

    path = tmp_path / "x.db"
    database = open_database(path)
    try:
        with database.transaction() as session:
            session.add(Person(first_name="Ada", last_name="Ek", email="ada.ek@example.com"))
        with pytest.raises(DemoRefused):
            write_demo(database, TODAY)
    finally:
        database.close()
    assert [len(rows) for rows in _dump(path).values()] == [0, 0, 0, 1, 0, 0, 0, 0, 0]


def test_a_few_new_applications_wait_for_codes(demo: Path) -> None:
    rows = _query(
        demo,
        "SELECT p.education_field, p.education_field_text, p.industry, p.industry_text, "
        "e.role, e.status FROM person p JOIN enrolment e ON e.person_id = p.id "
        "WHERE p.education_field = '' OR p.industry = ''",
    )
    assert 3 <= len(rows) <= 5
    for field, field_text, industry, industry_text, role, status in rows:
        assert role == "adept" and status in ("applied", "interview", "waitlisted")
        assert (field or field_text) and (industry or industry_text)


def test_every_application_has_a_history_that_ends_in_its_status(demo: Path) -> None:
    enrolments = _query(
        demo,
        "SELECT e.id, e.status, c.application_deadline FROM enrolment e "
        "JOIN cohort c ON c.id = e.cohort_id",
    )
    steps: dict[int, list[tuple]] = {}
    for row in _query(
        demo,
        "SELECT enrolment_id, from_status, to_status, changed_on, reason FROM statuschange "
        "ORDER BY id",
    ):
        steps.setdefault(row[0], []).append(row[1:])
    assert set(steps) == {e[0] for e in enrolments}
    for enrolment_id, status, deadline in enrolments:
        history = steps[enrolment_id]
        assert history[0][:2] == (None, "applied")
        assert [s[0] for s in history[1:]] == [s[1] for s in history[:-1]], history
        assert history[-1][1] == status
        days = [date.fromisoformat(s[2]) for s in history]
        assert days == sorted(days) and days[-1] <= TODAY
        if status not in ("applied", "interview"):  # late applicants: one has a booking
            assert days[0] < date.fromisoformat(deadline)
            assert history[1][1] == "interview"
        if status in ("waitlisted", "declined", "withdrawn"):
            assert history[-1][3], history
        if status in ("active", "completed"):
            assert [s[1] for s in history][2:4] == ["accepted", "active"]


def test_criteria_are_confirmed_only_for_accepted_applications(demo: Path) -> None:
    criteria = dict(_query(demo, "SELECT role, COUNT(*) FROM eligibilitycriterion GROUP BY role"))
    assert criteria == {"adept": 5, "mentor": 4}
    rows = _query(
        demo,
        "SELECT e.id, e.role, e.status, COUNT(k.id), MIN(k.confirmed_on), MAX(k.confirmed_on), "
        "(SELECT changed_on FROM statuschange s WHERE s.enrolment_id = e.id "
        " AND s.to_status = 'interview') FROM enrolment e "
        "LEFT JOIN eligibilitycheck k ON k.enrolment_id = e.id GROUP BY e.id",
    )
    accepted_or_later = {"accepted", "active", "completed", "withdrawn"}
    for _id, role, status, checks, first, last, interview in rows:
        if status in accepted_or_later:
            assert checks == criteria[role]
            assert first == last == interview
        else:
            assert checks == 0, status
    assert {r[2] for r in rows if r[3] == 0} == {"applied", "interview", "waitlisted", "declined"}
