"""The demo's survey answers and outcomes, so the Follow-up and Evaluation stages have a story.

The finished round has every survey with the non-response a real round has: most adepts
answered at the kick-off (T0), fewer at the end (T1) and fewer still six months on (T2);
most mentors answered theirs, and two partner organisations answered the yearly survey. The
answers tell a believable story: adepts agree more at the end than at the start, about a
third have a job at the end and more six months later, mostly in their own field, and most
made a new contact. Three outcomes are recorded (one for an adept who answered no survey),
and two published reference figures are entered for the report to show beside its own.
The running round, ten weeks after its kick-off, has its start answers.

Rows are written directly in the demo's one transaction, with the stored values the survey
content defines (``tests/impact/test_demo_surveys.py`` checks each against it). A seeded
random generator makes the demo the same every time; dates count from the rounds and
``today``.
"""

from __future__ import annotations

import random
from datetime import date, timedelta

from sqlmodel import Session, col, select

from mentorapp.demo.history import DemoRound
from mentorapp.domain.models import (
    Organisation,
    Outcome,
    ReferenceFigure,
    SurveyAnswer,
    SurveyResponse,
    SurveySent,
)
from mentorapp.impact.population import round_people

SEED = 1414
# Shares who answered, in the finished round.
ANSWERED = {"t0": 0.9, "t1": 0.75, "t2": 0.55, "mentor_end": 0.7}
RUNNING_T0 = 0.85
NEW_CONTACT = 0.8  # of the end survey's answers
PARTNERS_ANSWERING = 2
T0_ITEMS = ("understand_recruitment", "present_competence", "confident_search", "next_steps")
CONTACTS = ("none", "1_2", "3_5", "6_10", "over_10")

MOST_VALUABLE = (
    "Att få prata med någon som kan branschen i Sverige.",
    "Mentorns tips inför intervjuerna.",
    "Att jag fick komma med på ett möte på mentorns arbetsplats.",
    "Genomgången av mitt cv och min LinkedIn-profil.",
    "Att någon trodde på mig.",
)
IMPROVE = (
    "Fler gemensamma träffar.",
    "Längre program, fyra månader går fort.",
    "Mer om hur man förhandlar lön.",
)
T2_COMMENTS = (
    "Jag har fortfarande kontakt med min mentor och vi ses ibland.",
    "Det tog tid, men till slut fick jag ett vikariat inom mitt område.",
)
MENTOR_COMMENTS = (
    "Lärorikt för mig också – jag ser min egen bransch med nya ögon.",
    "Bra stöd från samordnaren hela vägen.",
    "Svårt att hitta tider i perioder, men väl värt det.",
)
PARTNER_CHANGES = (
    "Vi har sett över hur vi skriver våra platsannonser och tagit bort krav på "
    "svensk arbetslivserfarenhet där det inte behövs.",
    "Två chefer har gått en utbildning i kompetensbaserad rekrytering.",
)


def add_surveys(session: Session, rounds: list[DemoRound], today: date) -> None:
    rng = random.Random(SEED)
    finished = next(r for r in rounds if r.key == "finished")
    running = next(r for r in rounds if r.key == "running")
    _finished_round(session, rng, finished, today)
    _running_round(session, rng, running, today)
    _references(session, finished.cohort.programme_id)
    session.flush()


def _references(session: Session, programme_id: int) -> None:
    """Published figures the coordinator entered, shown as dashed lines in the report."""
    source = "Ett större svenskt mentorprogram, effektrapport 2021"
    session.add_all(
        ReferenceFigure(programme_id=programme_id, measure=measure, share=share, source=source)
        for measure, share in (("job_or_internship", 0.44), ("new_contact", 0.83))
    )


# -- the finished round ---------------------------------------------------------------------


def _finished_round(session: Session, rng: random.Random, round_: DemoRound, today: date) -> None:
    cohort = round_.cohort
    assert cohort.id is not None
    people = round_people(session, cohort.id)
    adepts, mentors = sorted(people.adepts), sorted(people.mentors)
    start, end = cohort.start, cohort.end
    t2_out = min(end + timedelta(days=126), today - timedelta(days=21))

    # One adept answered nothing at all but told the coordinator of a job (an outcome).
    silent = rng.choice(adepts)
    others = [a for a in adepts if a != silent]
    t0 = set(rng.sample(others, round(len(adepts) * ANSWERED["t0"])))
    t1 = set(rng.sample(others, round(len(adepts) * ANSWERED["t1"])))
    # Who answers six months on is mostly who answered at the end.
    t2 = set(rng.sample(sorted(t1), round(len(adepts) * ANSWERED["t2"]) - 2))
    t2 |= set(rng.sample(sorted(set(others) - t1), 2))
    mentor_end = set(rng.sample(mentors, round(len(mentors) * ANSWERED["mentor_end"])))

    # Handed out on paper at the kick-off and the closing; the six-month survey by mail.
    _sent(session, adepts, "t0", start, "handed")
    _sent(session, adepts, "t1", end, "handed")
    _sent(session, mentors, "mentor_end", end, "handed")
    _sent(session, adepts, "t2", t2_out, "mail")
    # One reminder after the closing and one for the six-month survey, to who had not answered.
    late_t1 = set(rng.sample(sorted(t1), 4))
    _reminded(session, [a for a in adepts if a not in t1 or a in late_t1], "t1", end + timedelta(9))
    late_t2 = set(rng.sample(sorted(t2), 3))
    t2_reminder = t2_out + timedelta(days=8)
    _reminded(session, [a for a in adepts if a not in t2 or a in late_t2], "t2", t2_reminder)

    levels = {a: rng.uniform(1.6, 3.2) for a in adepts}  # where each adept starts
    gains = {a: rng.choice((0.0, 0.6, 1.0, 1.2, 1.5, 1.8, 2.0)) for a in adepts}
    fates = _fates(rng, sorted(t1), sorted(set(adepts) - t1))
    contact = set(rng.sample(sorted(t1), round(len(t1) * NEW_CONTACT)))
    fields = _fields(rng, fates)
    for adept in adepts:
        if adept in t0:
            day = start if rng.random() < 0.85 else start + timedelta(days=rng.randint(1, 6))
            _response(session, adept, "t0", day, _t0(rng, levels[adept]))
        if adept in t1:
            day = end + timedelta(days=rng.randint(12, 20) if adept in late_t1 else 0)
            level = levels[adept] + gains[adept]
            values = _t1(rng, level, fates[adept][0], adept in contact, fields[adept])
            _response(session, adept, "t1", day, values)
        if adept in t2:
            day = t2_out + timedelta(days=rng.randint(12, 18) if adept in late_t2 else 2)
            _response(
                session, adept, "t2", min(day, today), _t2(rng, fates[adept][1], fields[adept])
            )
    for mentor in mentors:
        if mentor in mentor_end:
            day = end + timedelta(days=rng.choice((0, 0, 0, 3, 7)))
            _response(session, mentor, "mentor_end", day, _mentor_end(rng))

    # Three outcomes: the silent adept's job, and two who were looking at the end and found
    # work afterwards (what they say six months on agrees).
    found_later = [a for a in sorted(t1) if fates[a][0] == "seeking" and fates[a][1] != "seeking"]
    _outcome(session, silent, "job", end + timedelta(days=40), "yes", "yes", today)
    for adept, days, through in zip(found_later, (25, 70), ("yes", "no"), strict=False):
        kind, started = fates[adept][1], end + timedelta(days)
        _outcome(session, adept, kind, started, fields[adept], through, today)

    _partners(session, rng, cohort.programme_id, end + timedelta(days=30))


def _fates(
    rng: random.Random, answered: list[int], others: list[int]
) -> dict[int, tuple[str, str]]:
    """Each adept's status at the end and six months on. Of those who answered at the end,
    about a third had a job, a tenth an internship, one was studying and the rest were
    looking; more have work six months on."""
    count = len(answered)
    at_end = ["job"] * round(count * 0.35) + ["internship"] * round(count * 0.1) + ["studies"]
    at_end += ["seeking"] * (count - len(at_end))
    rng.shuffle(at_end)
    at_end += [rng.choice(("job", "seeking", "seeking")) for _other in others]
    result = {}
    for adept, status in zip([*answered, *others], at_end, strict=True):
        later = status
        if status == "seeking":
            later = rng.choice(("job", "internship", *("seeking",) * 6))
        elif status == "internship":
            later = rng.choice(("job", "internship"))
        result[adept] = (status, later)
    return result


def _agree(rng: random.Random, level: float) -> str:
    """A 1–5 answer around ``level`` (now and then "don't know")."""
    if rng.random() < 0.04:
        return "dont_know"
    return str(min(5, max(1, round(level + rng.uniform(-0.8, 0.8)))))


def _t0(rng: random.Random, level: float) -> dict[str, str]:
    values = {key: _agree(rng, level) for key in T0_ITEMS}
    values["contacts"] = rng.choice((*CONTACTS[:3], "none", "1_2"))
    return values


def _fields(rng: random.Random, fates: dict[int, tuple[str, str]]) -> dict[int, str]:
    """Whether each adept's work is in their own field: for two thirds of those with work
    at the end yes, for most of the rest partly; the same job stays in the same field."""
    working = [a for a, (at_end, _later) in fates.items() if at_end in ("job", "internship")]
    shares = ["yes"] * round(len(working) * 0.65) + ["no"]
    shares += ["partly"] * (len(working) - len(shares))
    rng.shuffle(shares)
    result = dict(zip(working, shares, strict=False))
    for adept in fates:
        result.setdefault(adept, rng.choice(("yes", "yes", "yes", "partly", "no")))
    return result


def _t1(
    rng: random.Random, level: float, status: str, contact: bool, in_field: str
) -> dict[str, str]:
    values = {key: _agree(rng, level) for key in T0_ITEMS}
    values["contacts"] = rng.choice(CONTACTS[1:4])
    values["new_contact"] = "yes" if contact else "no"
    values["interview_insight"] = _agree(rng, level + 0.3)
    values["match_suited"] = _agree(rng, 4.2)
    values["meetings_held"] = rng.choice(("2_3", "4", "4", "4", "5_plus"))
    values["status"] = status
    if status in ("job", "internship"):
        values["in_field"] = in_field
    values["recommend"] = str(rng.choice((7, 8, 8, 9, 9, 10, 10, 10)))
    if rng.random() < 0.5:
        values["most_valuable"] = rng.choice(MOST_VALUABLE)
    if rng.random() < 0.25:
        values["improve"] = rng.choice(IMPROVE)
    return values


def _t2(rng: random.Random, status: str, in_field: str) -> dict[str, str]:
    values = {"status": status}
    if status in ("job", "internship"):
        values["in_field"] = in_field
        values["found_through"] = rng.choice(
            ("mentor", "programme_contact", "other_contacts", "job_ad", "job_ad")
        )
    elif status == "seeking":
        values["main_barrier"] = rng.choice(
            ("network", "network", "swedish_experience", "language", "recognition")
        )
    values["mentor_contributed"] = _agree(rng, 3.8)
    values["still_in_contact"] = "yes" if rng.random() < 0.55 else "no"
    if rng.random() < 0.2:
        values["comment"] = rng.choice(T2_COMMENTS)
    return values


def _mentor_end(rng: random.Random) -> dict[str, str]:
    values = {
        key: _agree(rng, 4.0)
        for key in (
            "diversity_insight",
            "own_assumptions",
            "coaching_skills",
            "network_grew",
            "inclusion_ideas",
            "support_enough",
        )
    }
    values["shared_ideas"] = "yes" if rng.random() < 0.6 else "no"
    values["hours"] = str(rng.randint(10, 24))
    values["mentor_again"] = rng.choice(("yes", "yes", "yes", "maybe", "no"))
    values["recommend"] = str(rng.choice((8, 9, 9, 10, 10)))
    if rng.random() < 0.3:
        values["comment"] = rng.choice(MENTOR_COMMENTS)
    return values


def _partners(session: Session, rng: random.Random, programme_id: int, day: date) -> None:
    organisations = list(
        session.exec(
            select(Organisation.id)
            .where(col(Organisation.programme_id) == programme_id)
            .order_by(col(Organisation.id))
        )
    )
    for index, organisation_id in enumerate(organisations[:PARTNERS_ANSWERING]):
        assert organisation_id is not None
        values = {
            "ambassadors": _agree(rng, 4.0),
            "more_inclusive": _agree(rng, 3.6),
            "made_changes": "yes",
            "changes_described": PARTNER_CHANGES[index % len(PARTNER_CHANGES)],
        }
        response = SurveyResponse(
            survey="partner", organisation_id=organisation_id, answered_on=day, source="entry"
        )
        _answers(session, response, values)


# -- the running round ----------------------------------------------------------------------


def _running_round(session: Session, rng: random.Random, round_: DemoRound, today: date) -> None:
    cohort = round_.cohort
    assert cohort.id is not None
    adepts = sorted(round_people(session, cohort.id).adepts)
    _sent(session, adepts, "t0", cohort.start, "handed")
    answered = rng.sample(adepts, round(len(adepts) * RUNNING_T0))
    for adept in sorted(answered):
        # Most filled in the paper form at the kick-off; a few answered the online form later.
        later = rng.random() < 0.15
        day = cohort.start + timedelta(days=rng.randint(2, 10) if later else 0)
        values = _t0(rng, rng.uniform(1.6, 3.2))
        _response(session, adept, "t0", min(day, today), values, "import" if later else "entry")


# -- rows -----------------------------------------------------------------------------------


def _sent(session: Session, enrolment_ids: list[int], survey: str, day: date, way: str) -> None:
    session.add_all(
        SurveySent(enrolment_id=i, survey=survey, sent_on=day, way=way) for i in enrolment_ids
    )


def _reminded(session: Session, enrolment_ids: list[int], survey: str, day: date) -> None:
    """A reminder drafted by mail, noted as the survey sent again. (The demo's reminder
    history is the running round's: its tests start from no reminder notes.)"""
    _sent(session, enrolment_ids, survey, day, "mail")


def _response(
    session: Session,
    enrolment_id: int,
    survey: str,
    day: date,
    values: dict[str, str],
    source: str = "entry",
) -> None:
    response = SurveyResponse(
        survey=survey, enrolment_id=enrolment_id, answered_on=day, source=source
    )
    _answers(session, response, values)


def _answers(session: Session, response: SurveyResponse, values: dict[str, str]) -> None:
    session.add(response)
    session.flush()
    assert response.id is not None
    session.add_all(
        SurveyAnswer(response_id=response.id, item=key, value=value)
        for key, value in values.items()
    )


def _outcome(
    session: Session,
    enrolment_id: int,
    kind: str,
    started_on: date,
    in_field: str,
    through: str,
    today: date,
) -> None:
    session.add(
        Outcome(
            enrolment_id=enrolment_id,
            kind=kind,
            started_on=min(started_on, today),
            in_field=in_field,
            through_programme=through,
            recorded_on=min(started_on + timedelta(days=5), today),
        )
    )
