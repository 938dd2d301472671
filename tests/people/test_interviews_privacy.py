"""A person's interviews are part of what is stored about them: exported with the notes and
assessments, and erased without a trace (rows, notes and free pages)."""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

from sqlalchemy import event
from sqlmodel import func, select

from mentorapp import i18n
from mentorapp.domain.models import Interview, InterviewAnswer, StatusChange
from mentorapp.workspace.services import Services
from tests.safety.conftest import checkpoint

NOTE = "Vill bli redovisningsekonom i Lund"
GENERAL = "Samtalet hölls på Pildammsvägen"
REASON = "Tydliga mål och gott om tid"


def interviewed(services: Services, add) -> tuple[int, int]:
    row = add(first_name="Zofia", last_name="Wróblewska", email="zofia.w@example.com")
    booked = services.interviews.book(row.enrolment_id, datetime(2027, 2, 3, 13, 30), 45, "Rum 2")
    services.interviews.save_answer(booked.id, "goals", 4, NOTE)
    services.interviews.save_answer(booked.id, "motivation", 5, "")
    services.interviews.save_notes(booked.id, GENERAL)
    services.interviews.decide(booked.id, "accepted", REASON)
    return row.person_id, booked.id


def test_the_export_holds_the_interviews_with_their_answers(
    services: Services, add, tmp_path: Path
) -> None:
    person_id, _interview = interviewed(services, add)
    data = services.privacy.person_data(person_id)
    (interview,) = data["enrolments"][0]["interviews"]
    assert interview["starts_at"] == "2027-02-03T13:30" and interview["place"] == "Rum 2"
    assert (interview["state"], interview["decision"], interview["reason"]) == (
        "held",
        "accepted",
        REASON,
    )
    assert interview["notes"] == GENERAL
    assert interview["answers"] == [
        {"question": "goals", "score": 4, "note": NOTE},
        {"question": "motivation", "score": 5, "note": ""},
    ]
    i18n.set_language("sv")
    json_path, text_path = services.privacy.export_person(person_id, tmp_path / "ut")
    assert json.loads(json_path.read_text(encoding="utf-8"))["enrolments"][0]["interviews"]
    text = text_path.read_text(encoding="utf-8")
    assert "Intervjuer:" in text and NOTE in text and GENERAL in text
    assert "Vad vill du ha uppnått" in text  # the question, in the reader's language


def raw_bytes(db_path: Path) -> bytes:
    files = [db_path, *(db_path.with_name(db_path.name + s) for s in ("-wal", "-shm"))]
    return b"".join(path.read_bytes() for path in files if path.exists())


def test_erasure_removes_every_interview_row_and_note(
    services: Services, add, db_path: Path
) -> None:
    person_id, interview_id = interviewed(services, add)
    other = add(email="other@example.com")
    kept = services.interviews.book(other.enrolment_id, datetime(2027, 2, 4, 9, 0))
    services.interviews.save_answer(kept.id, "goals", 3, "Someone else's note")
    # As most SQLite builds do: deleted data is not zeroed unless Mentorapp asks for it.
    services.database.engine.dispose()
    event.listen(
        services.database.engine,
        "connect",
        lambda connection, _record: connection.execute("PRAGMA secure_delete = OFF"),
    )
    checkpoint(db_path)
    assert NOTE.encode() in raw_bytes(db_path)

    services.privacy.erase_person(person_id)

    with services.database.reading() as session:
        assert session.get(Interview, interview_id) is None
        answers = session.exec(select(InterviewAnswer.interview_id)).all()
        reasons = session.exec(select(StatusChange.reason)).all()
        count = session.exec(select(func.count()).select_from(Interview)).one()
    assert answers == [kept.id] and count == 1  # the other applicant's interview stays
    assert REASON not in reasons
    checkpoint(db_path)
    data = raw_bytes(db_path)
    for secret in (NOTE, GENERAL, REASON, "Wróblewska"):
        assert secret.encode() not in data, secret
    assert b"Someone else's note" in data
