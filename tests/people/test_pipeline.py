"""Status changes: bulk and all-or-nothing, with history, undo and the list of decisions."""

from __future__ import annotations

import csv
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from mentorapp import i18n
from mentorapp.dataio.decision_csv import write_decision_csv
from mentorapp.domain.enums import status_label
from mentorapp.domain.models import StatusChange
from mentorapp.errors import ValidationError
from mentorapp.workspace.services import Services

DAY = date(2027, 1, 20)


def _changes(services: Services) -> int:
    with services.database.reading() as session:
        return len(session.exec(select(StatusChange)).all())


def _statuses(services: Services, cohort) -> dict[int, str]:
    return {r.enrolment_id: r.status for r in services.participants.rows(cohort.id)}


def test_bulk_change_writes_one_step_each(services: Services, cohort, add) -> None:
    ids = [add().enrolment_id for _ in range(3)]
    change_ids = services.pipeline.change_status(ids, "interview", "  Intervju bokad  ", DAY)
    assert len(change_ids) == 3 and len(set(change_ids)) == 3
    assert set(_statuses(services, cohort).values()) == {"interview"}
    steps = services.pipeline.history(ids[1])
    assert [(s.from_status, s.to_status) for s in steps] == [
        (None, "applied"),
        ("applied", "interview"),
    ]
    assert (steps[1].changed_on, steps[1].reason) == (DAY, "Intervju bokad")
    assert steps[0].changed_on == date.today()


def test_applications_already_there_are_left_alone(services: Services, cohort, add) -> None:
    first, second = add().enrolment_id, add().enrolment_id
    services.pipeline.change_status([first], "accepted")
    created = services.pipeline.change_status([first, second, second], "accepted")
    assert len(created) == 1
    assert len(services.pipeline.history(first)) == 2
    assert services.pipeline.history(second)[-1].id == created[0]


def test_one_missing_application_changes_nothing(services: Services, cohort, add) -> None:
    ids = [add().enrolment_id for _ in range(3)]
    before, count = _statuses(services, cohort), _changes(services)
    with pytest.raises(ValidationError, match="nothing was changed"):
        services.pipeline.change_status([ids[0], 9999, ids[2]], "declined", "Nej")
    assert _statuses(services, cohort) == before and _changes(services) == count


def test_unknown_status_is_refused(services: Services, cohort, add) -> None:
    row = add()
    with pytest.raises(ValidationError) as caught:
        services.pipeline.change_status([row.enrolment_id], "hired")
    assert caught.value.field == "status"
    assert services.participants.row(row.enrolment_id).status == "applied"


def test_any_status_may_follow_any_other(services: Services, add) -> None:
    row = add()
    for status in ("declined", "interview", "withdrawn", "active", "completed", "applied"):
        services.pipeline.change_status([row.enrolment_id], status)
        assert services.participants.row(row.enrolment_id).status == status


def test_undo_puts_every_application_back(services: Services, cohort, add) -> None:
    ids = [add().enrolment_id for _ in range(2)]
    services.pipeline.change_status(ids, "interview")
    before, count = _statuses(services, cohort), _changes(services)
    created = services.pipeline.change_status(ids, "waitlisted", "Reserv")
    services.pipeline.undo(created)
    assert _statuses(services, cohort) == before and _changes(services) == count
    assert services.participants.row(ids[0]).status_reason == ""
    with pytest.raises(ValidationError, match="already been undone"):
        services.pipeline.undo(created)


def test_undo_is_refused_after_a_later_change(services: Services, cohort, add) -> None:
    row, other = add(), add()
    interview = services.pipeline.change_status([row.enrolment_id, other.enrolment_id], "interview")
    accepted = services.pipeline.change_status([row.enrolment_id], "accepted")
    before, count = _statuses(services, cohort), _changes(services)
    with pytest.raises(ValidationError, match="changed again since") as caught:
        services.pipeline.undo(interview)  # the other one alone could be undone
    assert "Łukasz Żółć" in caught.value.user_message()
    assert _statuses(services, cohort) == before and _changes(services) == count
    services.pipeline.undo(accepted + interview)  # both at once, newest first
    assert set(_statuses(services, cohort).values()) == {"applied"}


def test_the_application_itself_cannot_be_undone(services: Services, add) -> None:
    row = add()
    [first] = services.pipeline.history(row.enrolment_id)
    with pytest.raises(ValidationError, match="Remove the person"):
        services.pipeline.undo([first.id])
    assert services.participants.row(row.enrolment_id).status == "applied"


@pytest.fixture
def decided(services: Services, cohort, add) -> dict[str, int]:
    """Applications with Swedish names, some decided."""
    people = {
        "zetterberg": add(first_name="Åsa", last_name="Zetterberg", email="asa.z@example.com"),
        "oberg": add(first_name="Örjan", last_name="Öberg", email="orjan@example.com"),
        "aberg": add(first_name="Ärla", last_name="Åberg", email="arla@example.com"),
        "mentor": add("mentor", first_name="Bo", last_name="Ek", email="bo@example.com"),
        "waiting": add(first_name="Łukasz", last_name="Łoś", email="lukasz@example.com"),
        "no": add(first_name="Şebnem", last_name="Kaya", email="sebnem@example.com"),
        "applied": add(first_name="Ali", last_name="Abbasi", email="ali@example.com"),
    }
    ids = {key: row.enrolment_id for key, row in people.items()}
    pipeline = services.pipeline
    pipeline.change_status([ids[k] for k in ("zetterberg", "oberg", "aberg", "mentor")], "accepted")
    pipeline.change_status([ids["waiting"]], "waitlisted", "Reserv – ingen ledig mentor inom IT.")
    pipeline.change_status([ids["no"]], "declined", "Har redan ett arbete inom sitt område.")
    return ids


def test_decision_list_groups_and_sorts_in_the_ui_language(
    services: Services, cohort, decided
) -> None:
    groups = services.pipeline.decision_list(cohort.id)
    assert list(groups) == ["accepted", "waitlisted", "declined"]
    names = [r.last_name for r in groups["accepted"]]
    assert names == ["Åberg", "Öberg", "Zetterberg", "Ek"]  # English: adepts, then mentors
    i18n.set_language("sv")
    groups = services.pipeline.decision_list(cohort.id)
    assert [r.last_name for r in groups["accepted"]] == ["Zetterberg", "Åberg", "Öberg", "Ek"]
    assert [r.last_name for r in groups["waitlisted"]] == ["Łoś"]
    assert [r.last_name for r in groups["declined"]] == ["Kaya"]


def test_decision_csv(services: Services, cohort, decided, tmp_path: Path) -> None:
    path = tmp_path / "beslut.csv"
    assert write_decision_csv(services.pipeline, cohort.id, path, delimiter=";") == 6
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[0] == ["Decision", "Role", "First name", "Last name", "E-mail", "Reason"]
    assert [r[0] for r in rows[1:]] == ["Accepted"] * 4 + ["Waitlisted", "Declined"]
    assert rows[1][:5] == ["Accepted", "Adept", "Ärla", "Åberg", "arla@example.com"]
    assert rows[4][1] == "Mentor"
    assert rows[5][2:4] == ["Łukasz", "Łoś"]
    assert rows[5][5] == "Reserv – ingen ledig mentor inom IT."
    assert rows[6][5] == "Har redan ett arbete inom sitt område."
    assert not list(tmp_path.glob(".*partial"))


def test_decision_csv_reports_a_folder_it_cannot_write(services: Services, cohort, tmp_path):
    from mentorapp.dataio.csv_files import CsvWriteFailed

    with pytest.raises(CsvWriteFailed) as caught:
        write_decision_csv(services.pipeline, cohort.id, tmp_path / "missing" / "beslut.csv")
    assert "missing" in caught.value.user_message()


def test_decision_text(services: Services, cohort, decided) -> None:
    text = services.pipeline.decision_text(cohort.id, today=date(2027, 1, 31))
    lines = text.splitlines()
    assert "Vår 2027" in lines[0] and "2027" in lines[0]
    assert f"{status_label('accepted')} (4)" in lines
    assert "    Ärla Åberg <arla@example.com>" in lines
    assert lines.index("Waitlisted (1)") < lines.index("    Łukasz Łoś <lukasz@example.com>")
    assert "Declined (1)" in lines and "Ali Abbasi" not in text
    assert lines.index("  Adepts") < lines.index("  Mentors") < lines.index("Waitlisted (1)")
