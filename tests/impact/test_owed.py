"""Who still owes an answer: the counts, handing out all or nothing, and survey reminders."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from sqlmodel import func, select

from mentorapp.domain.models import ReminderNote, SurveySent
from mentorapp.errors import ValidationError
from mentorapp.impact.survey_content import load_content
from mentorapp.running.reminders import template_key
from tests.impact.people_helpers import END, T1, make_round


def rows(services, model) -> int:
    with services.database.reading() as session:
        return session.exec(select(func.count()).select_from(model)).one()


def test_the_status_counts_sent_answered_and_missing(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    empty = services.owed.status(round_.cohort_id, "t1")
    assert (len(empty.people), empty.sent, empty.answered, len(empty.missing)) == (4, 0, 0, 4)
    assert empty.rate == 0
    services.owed.mark_sent([ids["Amal"], ids["Bashir"], ids["Chen"]], "t1", on=END)
    services.surveys.save(ids["Amal"], "t1", T1, END)
    services.surveys.save(ids["Dina"], "t1", {"status": "seeking"}, END)
    status = services.owed.status(round_.cohort_id, "t1")
    assert (status.sent, status.answered) == (3, 2)
    assert [p.first_name for p in status.missing] == ["Bashir", "Chen"]
    assert status.rate == pytest.approx(0.5)
    chen = next(p for p in status.people if p.first_name == "Chen")
    assert (chen.sent_on, chen.sent_way) == (END, "handed")
    mentors = services.owed.status(round_.cohort_id, "mentor_end")
    assert (len(mentors.people), mentors.answered, mentors.rate) == (2, 0, 0)


def test_a_survey_for_nobody_has_no_rate(services) -> None:
    from mentorapp.programme.programmes import CohortDraft

    round_ = make_round(services)
    draft = CohortDraft("Tom", date(2026, 8, 3), date(2026, 11, 30), date(2026, 7, 1))
    empty = services.programmes.save_cohort(round_.programme_id, draft)
    status = services.owed.status(empty.id, "t0")
    assert status.people == () and status.rate is None


@pytest.mark.parametrize(
    ("names", "survey", "way", "on"),
    [
        (["Amal", "Elif"], "t1", "handed", END),  # Elif is on the waiting list
        (["Amal", "Mira"], "t1", "handed", END),  # a mentor is not asked the adepts' survey
        (["Amal"], "t1", "pigeon", END),
        (["Amal"], "t1", "handed", date.today() + timedelta(days=1)),
        (["Amal"], "partner", "handed", END),
    ],
)
def test_handing_out_is_all_or_nothing(
    services, names: list[str], survey: str, way: str, on: date
) -> None:
    round_ = make_round(services)
    with pytest.raises(ValidationError):
        services.owed.mark_sent([round_.ids[n] for n in names], survey, way=way, on=on)
    with pytest.raises(ValidationError):
        services.owed.mark_sent([round_.ids["Amal"], 999999], "t1")
    assert rows(services, SurveySent) == 0


def test_a_reminder_goes_only_to_those_who_have_not_answered(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    services.surveys.save(ids["Amal"], "t1", T1, END)
    draft = services.owed.draft_reminder(round_.cohort_id, "t1", today=END)
    # Amal answered; Dina left the round; Elif never took part.
    assert {r.enrolment_id for r in draft.recipients} == {ids["Bashir"], ids["Chen"]}
    assert template_key(draft.who) == draft.key == "survey_missing"
    by_language = {m.language: m for m in draft.messages}
    assert set(by_language) == {"sv", "en"}  # Bashir's group speaks Swedish, Chen's English
    for language, message in by_language.items():
        title = load_content(language).survey("t1").title
        assert title in message.body and message.recipient.first_name in message.body
    assert "namn" in by_language["sv"].body and "name" in by_language["en"].body
    only = services.owed.draft_reminder(round_.cohort_id, "t1", only={ids["Chen"]})
    assert [r.enrolment_id for r in only.recipients] == [ids["Chen"]]


def test_a_reminder_in_one_language_names_the_survey_in_that_language(services) -> None:
    round_ = make_round(services)
    draft = services.owed.draft_reminder(round_.cohort_id, "t1", language="en")
    title = load_content("en").survey("t1").title
    assert all(title in m.body for m in draft.messages)
    assert all(title in s.body for s in draft.shared)
    assert load_content("sv").survey("t1").title not in draft.shared[0].body


def test_noting_a_reminder_writes_the_history_and_the_survey_sent(services) -> None:
    round_ = make_round(services)
    ids = round_.ids
    draft = services.owed.draft_reminder(round_.cohort_id, "t1")
    noted = services.owed.note_reminder(draft, "mail", on=END + timedelta(days=7))
    assert noted == 3  # Amal, Bashir and Chen (Dina left the round)
    assert rows(services, ReminderNote) == rows(services, SurveySent) == 3
    notes = services.reminders.notes_for(ids["Bashir"])
    assert [(n.template, n.way) for n in notes] == [("survey_missing", "mail")]
    bashir = next(
        p for p in services.owed.status(round_.cohort_id, "t1").people if p.first_name == "Bashir"
    )
    assert (bashir.sent_on, bashir.sent_way) == (END + timedelta(days=7), "mail")


def test_a_reminder_that_cannot_be_noted_notes_nothing(services) -> None:
    round_ = make_round(services)
    draft = services.owed.draft_reminder(round_.cohort_id, "t1")
    for way in ("handed", "pigeon"):
        with pytest.raises(ValidationError):
            services.owed.note_reminder(draft, way)
    other = services.reminders.draft(round_.cohort_id, "not_started")
    with pytest.raises(ValidationError):
        services.owed.note_reminder(other, "mail")
    with services.database.transaction() as session:  # someone erased meanwhile
        from mentorapp.domain.models import Enrolment

        session.delete(session.get(Enrolment, round_.ids["Chen"]))
    with pytest.raises(ValidationError):
        services.owed.note_reminder(draft, "copy")
    assert rows(services, ReminderNote) == rows(services, SurveySent) == 0


def test_the_survey_sets_are_named_in_the_refusal(services) -> None:
    round_ = make_round(services)
    with pytest.raises(ValidationError) as caught:
        services.reminders.recipients(round_.cohort_id, "survey:t9")
    assert "survey:t1" in caught.value.user_message()
    with pytest.raises(ValidationError):
        services.reminders.recipients(round_.cohort_id, "survey:partner")
