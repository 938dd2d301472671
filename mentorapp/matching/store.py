"""The matching tables inside one session: pair rules and accepted groups.

The service opens the transaction; these functions only read and write rows, so each job
stays one transaction however many of them it calls.
"""

from __future__ import annotations

import json
from datetime import date
from typing import Any

from sqlalchemy import delete, select
from sqlmodel import Session, col

from mentorapp.domain.models import Enrolment, GroupMember, MatchGroup, PairRule
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.matching.accepted import parts_json
from mentorapp.matching.model import Proposal, mean_score


def read_rules(session: Session, cohort_id: int) -> dict[tuple[int, int], str]:
    query = select(PairRule).where(col(PairRule.cohort_id) == cohort_id).order_by(col(PairRule.id))
    return {(r.mentor_enrolment_id, r.adept_enrolment_id): r.rule for r in session.scalars(query)}


def set_rule(session: Session, cohort_id: int, mentor_id: int, adept_id: int, rule: str) -> None:
    """One rule per pair (the table's unique key): a new rule replaces the old one."""
    query = select(PairRule).where(
        col(PairRule.mentor_enrolment_id) == mentor_id, col(PairRule.adept_enrolment_id) == adept_id
    )
    record = session.scalars(query).first() or PairRule(
        cohort_id=cohort_id, mentor_enrolment_id=mentor_id, adept_enrolment_id=adept_id, rule=rule
    )
    record.rule = rule
    session.add(record)


def drop_rules(
    session: Session, cohort_id: int, rule: str, adept_id: int, mentor_id: int | None = None
) -> None:
    """Delete the adept's rules of one kind (only with ``mentor_id`` when given)."""
    query = delete(PairRule).where(
        col(PairRule.cohort_id) == cohort_id,
        col(PairRule.adept_enrolment_id) == adept_id,
        col(PairRule.rule) == rule,
    )
    if mentor_id is not None:
        query = query.where(col(PairRule.mentor_enrolment_id) == mentor_id)
    session.execute(query)


def accepted_pairs(session: Session, cohort_id: int) -> list[tuple[int, int, int]]:
    """(adept, mentor, group id) for every adept in an accepted group of the round."""
    query = (
        select(
            col(GroupMember.adept_enrolment_id),
            col(MatchGroup.mentor_enrolment_id),
            col(MatchGroup.id),
        )
        .join(MatchGroup, col(MatchGroup.id) == GroupMember.group_id)
        .where(col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.accepted_on).is_not(None))
        .order_by(col(GroupMember.adept_enrolment_id))
    )
    return [(a, m, g) for a, m, g in session.execute(query)]


def accepted_groups(session: Session, cohort_id: int) -> list[tuple[MatchGroup, list[GroupMember]]]:
    """The round's accepted groups that have not ended early, with their members."""
    query = select(MatchGroup).where(
        col(MatchGroup.cohort_id) == cohort_id,
        col(MatchGroup.accepted_on).is_not(None),
        col(MatchGroup.ended_on).is_(None),
    )
    records = list(session.scalars(query.order_by(col(MatchGroup.id))))
    ids = [r.id for r in records]
    members = list(session.scalars(select(GroupMember).where(col(GroupMember.group_id).in_(ids))))
    return [(r, [m for m in members if m.group_id == r.id]) for r in records]


def _raw_parts(text: str) -> dict[str, Any]:
    try:
        data = json.loads(text) if text else {}
    except ValueError:
        return {}
    return data if isinstance(data, dict) else {}


def ended_mentors(session: Session, cohort_id: int) -> set[int]:
    """Mentors whose group ended early: they take no new adepts in this round."""
    query = select(col(MatchGroup.mentor_enrolment_id)).where(
        col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.ended_on).is_not(None)
    )
    return set(session.scalars(query))


def accept(session: Session, cohort_id: int, proposal: Proposal, today: date) -> list[int]:
    """Write ``proposal`` as accepted groups; see ``MatchingService.accept``."""
    round_ids = select(col(Enrolment.id)).where(col(Enrolment.cohort_id) == cohort_id)
    in_round = set(session.scalars(round_ids))
    needed = {g.mentor.enrolment_id for g in proposal.groups}
    needed |= {p.adept.enrolment_id for g in proposal.groups for p in g.adepts}
    if not needed <= in_round:
        raise ValidationError(
            N_(
                "The proposal is out of date: someone in it has left the round. "
                "Make a new proposal and accept that."
            )
        )
    session.execute(
        delete(MatchGroup).where(
            col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.accepted_on).is_(None)
        )
    )
    query = select(MatchGroup).where(col(MatchGroup.cohort_id) == cohort_id)
    existing = {g.mentor_enrolment_id: g for g in session.scalars(query)}
    grouped = {adept: group for adept, _mentor, group in accepted_pairs(session, cohort_id)}
    changed = []
    for group in proposal.groups:
        new = [p for p in group.adepts if p.adept.enrolment_id not in grouped]
        if not new:
            continue
        record = existing.get(group.mentor.enrolment_id)
        if record is None:
            record = MatchGroup(
                cohort_id=cohort_id,
                mentor_enrolment_id=group.mentor.enrolment_id,
                accepted_on=today,
            )
            session.add(record)
            session.flush()
        assert record.id is not None
        for placement in new:
            adept_id = placement.adept.enrolment_id
            session.add(
                GroupMember(
                    group_id=record.id, adept_enrolment_id=adept_id, score=placement.pair.score
                )
            )
            grouped[adept_id] = record.id
        session.flush()
        record.parts = json.dumps({**_raw_parts(record.parts), **parts_json(new)}, sort_keys=True)
        scores = select(col(GroupMember.score)).where(col(GroupMember.group_id) == record.id)
        record.score = mean_score(list(session.scalars(scores)))
        record.language = group.language
        session.add(record)
        changed.append(record.id)
    return changed
