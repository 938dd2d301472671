"""A person's data: everything exported, then erased without a trace, statistics kept."""

from __future__ import annotations

import json
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import event
from sqlmodel import select

from mentorapp import i18n
from mentorapp.db.safety import SafetyCopies
from mentorapp.domain.models import (
    Cohort,
    EligibilityCheck,
    EligibilityCriterion,
    Enrolment,
    GroupMember,
    MatchGroup,
    Organisation,
    PairRule,
    Person,
    PlannedMeeting,
    StatusChange,
)
from mentorapp.people.privacy import PrivacyService, is_erased
from mentorapp.workspace.services import Services

from .conftest import checkpoint

SECRETS = {
    "first_name": "Zbygniewa",
    "last_name": "Quorrakowska",
    "email": "zq.unik@example.org",
    "phone": "+46 70 999 12 34",
    "city": "Pajalaby-unik",
    "job_title": "Kvantkemist-unik",
    "education_field_text": "Utbildning-unik-text",
    "industry_text": "Bransch-unik-text",
}
GOAL, REASON = "Målet-unikt-XY: forska i Kiruna", "Skäl-unikt-QQ"
# Free text about the pair that may name the person: a meeting note, a group's end reason.
NOTE, ENDED = "Träffnotis-unik-MN om Zbygniewa", "Slutskäl-unikt-ER"


def add_person(services: Services) -> int:
    """A person in both rounds: history with a reason, a confirmation, a group, a pair rule."""
    with services.database.transaction() as session:
        employer = session.exec(select(Organisation)).first()
        person = Person(**SECRETS, languages="sv,pl", gender="kvinna", years_experience=7)
        person.organisation_id = employer.id
        session.add(person)
        session.flush()
        cohorts = session.exec(select(Cohort).order_by(Cohort.start)).all()
        criterion = session.exec(
            select(EligibilityCriterion).where(EligibilityCriterion.role == "adept")
        ).first()
        for cohort in cohorts:
            enrolment = Enrolment(
                person_id=person.id, cohort_id=cohort.id, role="adept", status="accepted", goal=GOAL
            )
            session.add(enrolment)
            session.flush()
            session.add(
                StatusChange(
                    enrolment_id=enrolment.id, to_status="applied", changed_on=cohort.start
                )
            )
            session.add(
                StatusChange(
                    enrolment_id=enrolment.id,
                    from_status="applied",
                    to_status="accepted",
                    changed_on=cohort.start,
                    reason=REASON,
                )
            )
            session.add(
                EligibilityCheck(
                    enrolment_id=enrolment.id,
                    criterion_id=criterion.id,
                    confirmed_on=date(2027, 1, 5),
                )
            )
            leading = select(MatchGroup.mentor_enrolment_id)
            mentor = session.exec(
                select(Enrolment).where(
                    Enrolment.cohort_id == cohort.id,
                    Enrolment.role == "mentor",
                    Enrolment.id.not_in(leading),
                )
            ).first()
            group = MatchGroup(
                cohort_id=cohort.id,
                mentor_enrolment_id=mentor.id,
                score=70,
                parts=json.dumps(
                    {
                        str(enrolment.id): {
                            "city": {
                                "variant": "same",
                                "points": 5,
                                "params": {"city": SECRETS["city"]},
                            }
                        }
                    }
                ),
            )
            session.add(group)
            session.flush()
            session.add(GroupMember(group_id=group.id, adept_enrolment_id=enrolment.id))
            session.add(
                PlannedMeeting(
                    group_id=group.id,
                    number=1,
                    planned_on=cohort.start,
                    state="held",
                    held_on=cohort.start,
                    minutes=90,
                    note=NOTE,
                )
            )
            if cohort is cohorts[0]:
                group.ended_on, group.end_reason = cohort.end, ENDED
                session.add(group)
            other = session.exec(
                select(Enrolment).where(
                    Enrolment.cohort_id == cohort.id,
                    Enrolment.role == "mentor",
                    Enrolment.id != mentor.id,
                )
            ).first()
            session.add(
                PairRule(
                    cohort_id=cohort.id,
                    mentor_enrolment_id=other.id,
                    adept_enrolment_id=enrolment.id,
                    rule="never",
                )
            )
        return person.id


def raw_bytes(db_path: Path) -> bytes:
    files = [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm", "-journal"))]
    return b"".join(path.read_bytes() for path in files if path.exists())


def traces(data: bytes) -> list[str]:
    found = [v for v in (*SECRETS.values(), GOAL, REASON, NOTE, ENDED) if v.encode() in data]
    return found + [v for v in SECRETS.values() if v.lower().encode() in data.lower()]


def statistics(services: Services) -> Counter:
    with services.database.reading() as session:
        rows = session.exec(select(Enrolment.cohort_id, Enrolment.role, Enrolment.status)).all()
        groups = session.exec(select(GroupMember.group_id)).all()
        changes = session.exec(select(StatusChange.enrolment_id, StatusChange.to_status)).all()
    return Counter(rows) + Counter(("group", g) for g in groups) + Counter(changes)


@pytest.fixture
def person(demo: Services) -> int:
    return add_person(demo)


def test_person_data_holds_everything(demo: Services, person: int) -> None:
    data = PrivacyService(demo.database).person_data(person)
    assert {k: data["person"][k] for k in SECRETS} == SECRETS
    assert data["person"]["years_experience"] == 7 and data["organisation"]
    assert len(data["enrolments"]) == 2
    first = data["enrolments"][0]
    assert first["round"] and first["role"] == "adept" and first["goal"] == GOAL
    assert [c["to"] for c in first["status_history"]] == ["applied", "accepted"]
    assert first["status_history"][1]["reason"] == REASON
    (confirmation,) = first["eligibility_confirmations"]
    assert confirmation["confirmed_on"] == "2027-01-05" and len(confirmation["criterion"]) > 10
    (group,) = first["groups"]
    assert group["as"] == "adept" and group["mentor"] and group["planned_meetings"]
    assert group["meetings"][0]["note"] == NOTE and group["meetings"][0]["state"] == "held"
    assert group["end_reason"] == ENDED and group["ended_on"]
    assert first["pair_rules"][0]["rule"] == "never" and first["pair_rules"][0]["with"]


def test_export_writes_json_and_a_readable_text(demo: Services, person: int, tmp_path: Path):
    privacy = PrivacyService(demo.database)
    i18n.set_language("sv")
    json_path, text_path = privacy.export_person(person, tmp_path / "ut")
    exported = json.loads(json_path.read_text(encoding="utf-8"))
    assert {**exported, "exported_at": ""} == {**privacy.person_data(person), "exported_at": ""}
    text = text_path.read_text(encoding="utf-8")
    for value in (*SECRETS.values(), GOAL, REASON):
        assert value in text
    assert "Antagen" in text  # statuses in the UI language
    assert (json_path.stat().st_mode & 0o777) == 0o600


def without_secure_delete(services: Services) -> None:
    """Some SQLite builds (Debian's) zero deleted data by default; most do not. Be like them."""
    services.database.engine.dispose()
    event.listen(
        services.database.engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA secure_delete = OFF"),
    )


def test_erasure_leaves_no_trace_in_the_file(demo: Services, person: int, db_path: Path):
    without_secure_delete(demo)
    checkpoint(db_path)
    assert traces(raw_bytes(db_path)), "the test data never reached the file"
    SafetyCopies(db_path).make("manual")
    report = PrivacyService(demo.database).erase_person(person)
    assert report.file_cleaned and report.applications_kept == 2
    assert report.safety_copies == 1
    assert traces(raw_bytes(db_path)) == []
    checkpoint(db_path)
    assert traces(raw_bytes(db_path)) == []
    demo.close()
    assert traces(raw_bytes(db_path)) == []


def test_erasure_keeps_the_statistics(demo: Services, person: int) -> None:
    before, info = statistics(demo), demo.info()
    PrivacyService(demo.database).erase_person(person)
    assert statistics(demo) == before
    assert demo.info() == info
    data = PrivacyService(demo.database).person_data(person)
    assert is_erased(data["person"]["email"])
    assert data["person"]["first_name"] == data["person"]["last_name"] == ""
    assert all(
        v in ("", None, False) for k, v in data["person"].items() if k not in ("id", "email")
    )
    assert data["organisation"] is None
    for enrolment in data["enrolments"]:
        assert enrolment["goal"] == "" and enrolment["eligibility_confirmations"] == []
        assert all(c["reason"] == "" for c in enrolment["status_history"])
        assert enrolment["groups"] and enrolment["pair_rules"]


def test_old_safety_copies_can_be_erased_too(demo: Services, person: int, db_path: Path):
    copies = SafetyCopies(db_path)
    old = copies.make("daily")
    privacy = PrivacyService(demo.database)
    report = privacy.erase_person(person)
    assert traces(old.read_bytes())  # the copy still holds the data, as reported
    assert privacy.erase_from_safety_copies(report) == 1
    assert not old.exists()
    (fresh,) = copies.list()
    assert fresh.reason == "manual" and traces(fresh.path.read_bytes()) == []


def test_two_erased_people_get_distinct_addresses(demo: Services, person: int) -> None:
    privacy = PrivacyService(demo.database)
    other = privacy.find("samira.benali@example.com")
    privacy.erase_due([person, other])
    emails = {privacy.person_data(i)["person"]["email"] for i in (person, other)}
    assert len(emails) == 2 and all(is_erased(e) for e in emails)


def test_a_reader_holding_the_journal_is_reported(demo: Services, person: int, db_path: Path):
    import sqlite3

    reader = sqlite3.connect(db_path)
    reader.execute("BEGIN")
    reader.execute("SELECT COUNT(*) FROM person").fetchone()  # keeps a snapshot of the WAL
    try:
        report = PrivacyService(demo.database).erase_person(person)
    finally:
        reader.close()
    assert not report.file_cleaned
    assert PrivacyService(demo.database).person_data(person)["person"]["first_name"] == ""


def test_an_adept_of_a_shared_group_is_not_shown_its_notes(demo: Services) -> None:
    """A note in a group of two adepts may be about the other one: only the mentor sees it."""
    cohort = demo.programmes.current_cohort(demo.programmes.programme().id)
    shared = next(g for g in demo.running.groups(cohort.id) if len(g.group.adepts) > 1).group
    with demo.database.transaction() as session:
        meeting = session.exec(
            select(PlannedMeeting).where(
                PlannedMeeting.group_id == shared.id, PlannedMeeting.number == 1
            )
        ).one()
        meeting.note = NOTE
        session.add(meeting)
    privacy = PrivacyService(demo.database)

    def notes(person_id: int) -> list[str]:
        data = privacy.person_data(person_id)
        groups = [g for e in data["enrolments"] for g in e["groups"]]
        return [m["note"] for g in groups for m in g["meetings"]]

    assert NOTE in notes(shared.mentor.person_id)
    assert NOTE not in notes(shared.adepts[0].person_id)
    mentor_groups = [
        g for e in privacy.person_data(shared.mentor.person_id)["enrolments"] for g in e["groups"]
    ]
    assert any(len(g["adepts"]) == 2 for g in mentor_groups)
