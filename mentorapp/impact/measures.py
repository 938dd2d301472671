"""Counting the impact report's measures from plain answer sets (no database, no files).

``impact.report`` reads a round's answers and outcomes in a few selects and hands them here
as plain values, so every rule of the report (who counts as answered, which evidence wins,
what "agree" means) is a pure function a test can feed constructed answer sets.

The rules, in short:

- ``job_or_internship``: an adept whose T1 or T2 status, or a recorded outcome, says job or
  internship, among the adepts with at least one of those three; the floor is over all adepts.
  An outcome counts only from the round's start on (one found at the kick-off counts; a job
  held before the round is not the programme's outcome). Survey statuses count as given:
  they are asked at the end and after.
- ``in_own_field`` / ``in_own_field_partly``: of those adepts, "yes" / "partly", from the
  latest dated evidence that says job or internship and answers "in own field" at all.
- ``new_contact``: T1 "yes" among the T1 answers to it.
- ``<survey>.<item>``: an agreement item as the share answering 4 or 5 among everyone who
  answered it ("don't know" is an answer, and not agreement); a 0–10 item as the share
  answering 9 or 10; a yes/no item (and ``mentor_again``) as the share answering yes. An
  agreement item asked at T0 and T1 carries the change among the adepts who answered both.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date

from mentorapp.i18n import N_, _
from mentorapp.impact.report_model import (
    IN_OWN_FIELD,
    IN_OWN_FIELD_PARTLY,
    JOB_OR_INTERNSHIP,
    NEW_CONTACT,
    Change,
    Measure,
    SurveyRate,
)
from mentorapp.impact.statistics import wilson
from mentorapp.impact.survey_model import (
    ADEPT_SURVEYS,
    AGREE_VALUES,
    AUDIENCES,
    MENTOR_SURVEYS,
    YES_NO_VALUES,
    ZERO_TO_TEN_VALUES,
    Item,
    ItemKind,
    SurveyContent,
)

WORKING = frozenset({"job", "internship"})  # the statuses and outcome kinds that count
AGREEING = frozenset({"4", "5"})
PROMOTING = frozenset({"9", "10"})  # a 0–10 recommendation counted as "would recommend"
REPORTED_SURVEYS = (*ADEPT_SURVEYS, *MENTOR_SURVEYS)  # the partner survey is not per round
# Choice items counted as the share answering "yes" (besides every yes/no item).
YES_CHOICES = frozenset({("mentor_end", "mentor_again")})
# Headline items that are not listed again among the survey's items.
HEADLINE_ITEMS = frozenset(
    {
        ("t1", "new_contact"),
        ("t1", "status"),
        ("t1", "in_field"),
        ("t2", "status"),
        ("t2", "in_field"),
    }
)

HEADLINE_LABELS = {
    JOB_OR_INTERNSHIP: N_("Adepts with a job or an internship"),
    IN_OWN_FIELD: N_("… of them in their own field"),
    IN_OWN_FIELD_PARTLY: N_("… of them partly in their own field"),
    NEW_CONTACT: N_("Adepts who gained at least one valuable new professional contact"),
}
# How an item measure's label says what was counted, by the item's kind.
_COUNTED = {
    ItemKind.ZERO_TO_TEN: N_("{question} (answered 9 or 10)"),
    ItemKind.YES_NO: N_("{question} (yes)"),
    ItemKind.CHOICE: N_("{question} (yes)"),
}


@dataclass(frozen=True)
class ResponseData:
    """One filled-in survey as the report needs it: who, which survey, when, the answers."""

    enrolment_id: int
    survey: str
    answered_on: date
    values: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True)
class OutcomeData:
    """One outcome an adept told the coordinator about."""

    enrolment_id: int
    kind: str  # "job" | "internship" | "studies"
    started_on: date
    in_field: str = ""  # "" (not known) | "yes" | "partly" | "no"
    through_programme: str = ""


@dataclass(frozen=True)
class RoundMeasures:
    surveys: tuple[SurveyRate, ...]
    measures: tuple[Measure, ...]


def item_key(survey: str, item: str) -> str:
    """The key of an item measure: "t1.confident_search"."""
    return f"{survey}.{item}"


def counted_items(content: SurveyContent) -> list[tuple[str, Item]]:
    """The (survey, item) pairs the report shows as measures of their own, in order."""
    found: list[tuple[str, Item]] = []
    for survey_key in REPORTED_SURVEYS:
        try:
            survey = content.survey(survey_key)
        except KeyError:
            continue
        for item in survey.items:
            if (survey_key, item.key) in HEADLINE_ITEMS:
                continue
            if (
                item.kind in (ItemKind.AGREE, ItemKind.ZERO_TO_TEN, ItemKind.YES_NO)
                or (
                    survey_key,
                    item.key,
                )
                in YES_CHOICES
            ):
                found.append((survey_key, item))
    return found


def measure_keys(content: SurveyContent) -> tuple[str, ...]:
    """Every measure key a report on ``content`` can have (for checking reference figures)."""
    return (
        JOB_OR_INTERNSHIP,
        IN_OWN_FIELD,
        IN_OWN_FIELD_PARTLY,
        NEW_CONTACT,
        *(item_key(survey, item.key) for survey, item in counted_items(content)),
    )


def compute_measures(
    adepts: Iterable[int],
    mentors: Iterable[int],
    responses: Iterable[ResponseData],
    outcomes: Iterable[OutcomeData],
    content: SurveyContent,
    round_start: date | None = None,
) -> RoundMeasures:
    """The survey response rates and every measure of one round; labels in the current
    language (wrap the call in ``i18n.speaking`` for another) and ``content``'s wording.
    ``round_start``: outcomes that started before it are not counted."""
    adept_ids = frozenset(adepts)
    mentor_ids = frozenset(mentors)
    by_survey: dict[str, dict[int, ResponseData]] = {key: {} for key in REPORTED_SURVEYS}
    for response in responses:
        audience = AUDIENCES.get(response.survey)
        people = adept_ids if audience == "adept" else mentor_ids
        if response.survey in by_survey and response.enrolment_id in people:
            by_survey[response.survey][response.enrolment_id] = response
    adept_outcomes = [
        o
        for o in outcomes
        if o.enrolment_id in adept_ids and (round_start is None or o.started_on >= round_start)
    ]
    rates = tuple(
        SurveyRate(
            survey=key,
            label=_survey_short(content, key),
            answered=len(by_survey[key]),
            of=len(adept_ids) if AUDIENCES[key] == "adept" else len(mentor_ids),
        )
        for key in REPORTED_SURVEYS
    )
    measures = [
        *_work_measures(adept_ids, by_survey, adept_outcomes),
        _yes_measure(
            NEW_CONTACT,
            "outcomes",
            _(HEADLINE_LABELS[NEW_CONTACT]),
            by_survey["t1"],
            "new_contact",
            frozenset({"yes"}),
            YES_NO_VALUES,
            len(adept_ids),
        ),
    ]
    asked_at_start = _agree_items(content, "t0")
    for survey_key, item in counted_items(content):
        measure = _item_measure(survey_key, item, by_survey, len(adept_ids), len(mentor_ids))
        if survey_key == "t1" and item.key in asked_at_start and item.kind == ItemKind.AGREE:
            measure = _with_change(measure, item.key, by_survey)
        measures.append(measure)
    return RoundMeasures(rates, tuple(measures))


def _agree_items(content: SurveyContent, survey: str) -> frozenset[str]:
    try:
        items = content.survey(survey).items
    except KeyError:
        return frozenset()
    return frozenset(item.key for item in items if item.kind == ItemKind.AGREE)


def _survey_short(content: SurveyContent, key: str) -> str:
    try:
        return content.survey(key).short
    except KeyError:
        return key


def _measure(
    key: str,
    group: str,
    label: str,
    count: int,
    answered: int,
    population: int,
    change: Change | None = None,
) -> Measure:
    return Measure(
        key=key,
        group=group,
        label=label,
        count=count,
        answered=answered,
        population=population,
        ci95=wilson(count, answered),
        change=change,
    )


def _work_measures(
    adepts: frozenset[int],
    by_survey: Mapping[str, Mapping[int, ResponseData]],
    outcomes: list[OutcomeData],
) -> list[Measure]:
    """``job_or_internship`` and the two ``in_own_field`` shares of those working."""
    # Every piece of evidence per adept: (date, order, status or kind, in_field).
    evidence: dict[int, list[tuple[date, int, str, str]]] = {}
    for order, survey in enumerate(("t1", "t2")):
        for enrolment_id, response in by_survey[survey].items():
            status = response.values.get("status", "")
            if status:
                in_field = response.values.get("in_field", "")
                evidence.setdefault(enrolment_id, []).append(
                    (response.answered_on, order, status, in_field)
                )
    for outcome in outcomes:
        evidence.setdefault(outcome.enrolment_id, []).append(
            (outcome.started_on, 2, outcome.kind, outcome.in_field)
        )
    working = {i for i, found in evidence.items() if any(e[2] in WORKING for e in found)}
    field_answers: dict[int, str] = {}
    for enrolment_id in working:
        said = [e for e in evidence[enrolment_id] if e[2] in WORKING and e[3]]
        if said:
            field_answers[enrolment_id] = max(said)[3]  # the latest dated evidence
    yes = sum(1 for value in field_answers.values() if value == "yes")
    partly = sum(1 for value in field_answers.values() if value == "partly")
    return [
        _measure(
            JOB_OR_INTERNSHIP,
            "outcomes",
            _(HEADLINE_LABELS[JOB_OR_INTERNSHIP]),
            len(working),
            len(evidence),
            len(adepts),
        ),
        _measure(
            IN_OWN_FIELD,
            "outcomes",
            _(HEADLINE_LABELS[IN_OWN_FIELD]),
            yes,
            len(field_answers),
            len(working),
        ),
        _measure(
            IN_OWN_FIELD_PARTLY,
            "outcomes",
            _(HEADLINE_LABELS[IN_OWN_FIELD_PARTLY]),
            partly,
            len(field_answers),
            len(working),
        ),
    ]


def _yes_measure(
    key: str,
    group: str,
    label: str,
    answers: Mapping[int, ResponseData],
    item: str,
    counted: frozenset[str],
    valid: Iterable[str],
    population: int,
) -> Measure:
    """The share of ``counted`` values among the valid answers to ``item``."""
    values = [r.values.get(item, "") for r in answers.values()]
    valid_values = set(valid)
    given = [value for value in values if value in valid_values]
    return _measure(
        key, group, label, sum(1 for v in given if v in counted), len(given), population
    )


def _item_measure(
    survey: str,
    item: Item,
    by_survey: Mapping[str, Mapping[int, ResponseData]],
    adepts: int,
    mentors: int,
) -> Measure:
    key = item_key(survey, item.key)
    audience = AUDIENCES[survey]
    group = "adepts" if audience == "adept" else "mentors"
    population = adepts if audience == "adept" else mentors
    answers = by_survey[survey]
    if item.kind == ItemKind.AGREE:
        return _yes_measure(
            key, group, item.text, answers, item.key, AGREEING, AGREE_VALUES, population
        )
    label = _(_COUNTED[item.kind]).format(question=item.text)
    if item.kind == ItemKind.ZERO_TO_TEN:
        return _yes_measure(
            key, group, label, answers, item.key, PROMOTING, ZERO_TO_TEN_VALUES, population
        )
    valid = YES_NO_VALUES if item.kind == ItemKind.YES_NO else [o.key for o in item.options]
    return _yes_measure(key, group, label, answers, item.key, frozenset({"yes"}), valid, population)


def _with_change(
    measure: Measure, item: str, by_survey: Mapping[str, Mapping[int, ResponseData]]
) -> Measure:
    """The T1 measure with the change among the adepts who answered the item at T0 too."""
    before = by_survey["t0"]
    paired = [
        (before[i].values.get(item, ""), after.values.get(item, ""))
        for i, after in by_survey["t1"].items()
        if i in before
    ]
    paired = [(b, a) for b, a in paired if b in AGREE_VALUES and a in AGREE_VALUES]
    change = Change(
        paired=len(paired),
        before=sum(1 for b, _a in paired if b in AGREEING),
        after=sum(1 for _b, a in paired if a in AGREEING),
    )
    return replace(measure, change=change)
