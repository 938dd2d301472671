"""A small past round for the answers, outcomes and owed-answers tests: a mentor with three
adepts in an accepted group (one in an English-speaking group), an adept who left early, one
on the waiting list, and a second mentor."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from mentorapp.domain.models import Enrolment, FormerMember, GroupMember, MatchGroup, Person
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft

START, END = date(2026, 2, 2), date(2026, 5, 29)


@dataclass
class Round:
    programme_id: int
    cohort_id: int
    ids: dict[str, int]  # first name → enrolment id


def enrol(session, cohort_id: int, name: str, role: str, status: str = "completed") -> int:
    person = Person(first_name=name, last_name="Testsson", email=f"{name.lower()}@example.org")
    session.add(person)
    session.flush()
    enrolment = Enrolment(person_id=person.id, cohort_id=cohort_id, role=role, status=status)
    session.add(enrolment)
    session.flush()
    return enrolment.id


def make_round(services, name: str = "Vår 2026", suffix: str = "") -> Round:
    """The round; ``suffix`` keeps a second round's e-mail addresses apart."""
    programme = services.programmes.programme()
    if programme is None:
        programme = services.programmes.save_programme(
            ProgrammeDraft(organisation="Föreningen Broar", name="Mentorskap")
        )
    cohort = services.programmes.save_cohort(
        programme.id, CohortDraft(name, START, END, date(2026, 1, 10))
    )
    ids: dict[str, int] = {}
    with services.database.transaction() as session:
        for first, role, status in (
            ("Mira", "mentor", "completed"),
            ("Mats", "mentor", "completed"),
            ("Amal", "adept", "completed"),
            ("Bashir", "adept", "completed"),
            ("Chen", "adept", "completed"),
            ("Dina", "adept", "withdrawn"),
            ("Elif", "adept", "waitlisted"),
        ):
            ids[first] = enrol(session, cohort.id, first + suffix, role, status)
        swedish = MatchGroup(
            cohort_id=cohort.id,
            mentor_enrolment_id=ids["Mira"],
            accepted_on=date(2026, 1, 25),
            language="sv",
        )
        english = MatchGroup(
            cohort_id=cohort.id,
            mentor_enrolment_id=ids["Mats"],
            accepted_on=date(2026, 1, 25),
            language="en",
        )
        session.add_all([swedish, english])
        session.flush()
        session.add(GroupMember(group_id=swedish.id, adept_enrolment_id=ids["Amal"]))
        session.add(GroupMember(group_id=swedish.id, adept_enrolment_id=ids["Bashir"]))
        session.add(GroupMember(group_id=english.id, adept_enrolment_id=ids["Chen"]))
        session.add(
            FormerMember(
                group_id=english.id, adept_enrolment_id=ids["Dina"], left_on=date(2026, 3, 1)
            )
        )
    return Round(programme.id, cohort.id, ids)


T0 = {
    "understand_recruitment": "2",
    "present_competence": "3",
    "confident_search": "2",
    "next_steps": "dont_know",
    "contacts": "1_2",
}
T1 = {
    "understand_recruitment": "4",
    "present_competence": " 5 ",
    "confident_search": "4",
    "next_steps": "4",
    "contacts": "3_5",
    "new_contact": "Yes",
    "status": "job",
    "in_field": "partly",
    "recommend": "9",
    "most_valuable": "  Att få öva på intervjuer.  ",
    "improve": "",
}
