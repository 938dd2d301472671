"""Matching a round through the database: preferences, the coordinator's pair rules, the
proposal, trying a move, and accepting the proposal as the round's groups.

Who takes part: the applications accepted for the round (status accepted or active), or,
while nobody in the round has been accepted yet, everyone still in the running (applied,
interview, accepted, waitlisted). ``Proposal.source`` says which. An accepted group is kept
until it is dissolved: its adepts stay in it and the places they take stay taken.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlmodel import select

from mentorapp.db import Database
from mentorapp.domain.enums import EnrolmentStatus, Role
from mentorapp.domain.models import Cohort, GroupMember, MatchGroup, PlannedMeeting, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.matching import store
from mentorapp.matching.accepted import AcceptedGroup, AcceptedMember, groups_text, read_parts
from mentorapp.matching.model import Candidate, Message, MoveCheck, Proposal, Weights
from mentorapp.matching.proposal import build_proposal
from mentorapp.matching.rules import full_message, hard_rule_message, score_pair
from mentorapp.people.participants import ParticipantService
from mentorapp.people.pipeline import name_order
from mentorapp.people.records import ParticipantRow

LOCKED, NEVER = "locked", "never"
_S = EnrolmentStatus
ACCEPTED_STATUSES = frozenset({_S.ACCEPTED.value, _S.ACTIVE.value})
APPLICANT_STATUSES = frozenset(
    s.value for s in (_S.APPLIED, _S.INTERVIEW, _S.ACCEPTED, _S.WAITLISTED)
)


@dataclass(frozen=True)
class _Round:
    """What a proposal or a check needs of a round, read together."""

    programme_id: int
    name: str
    rows: dict[int, ParticipantRow]
    rules: dict[tuple[int, int], str]
    fixed: dict[int, int]  # adept → mentor, from accepted groups
    group_ids: dict[int, int]  # mentor → accepted group id
    ended: frozenset[int] = frozenset()  # mentors whose group ended early

    def pairs(self, rule: str) -> set[tuple[int, int]]:
        return {pair for pair, value in self.rules.items() if value == rule}

    def candidate(self, enrolment_id: int) -> Candidate:
        return Candidate.from_row(self.rows[enrolment_id])


class MatchingService:
    def __init__(self, database: Database) -> None:
        self._db = database
        self._participants = ParticipantService(database)

    # Preferences

    def weights(self, programme_id: int) -> Weights:
        return Weights.from_json(self._programme(programme_id).match_weights)

    def spread(self, programme_id: int) -> bool:
        """Whether every mentor gets one adept before any mentor gets a second."""
        return self._programme(programme_id).match_spread

    def save_weights(self, programme_id: int, weights: Weights, spread: bool) -> None:
        weights.check()
        with self._db.transaction() as session:
            programme = session.get(Programme, programme_id)
            if programme is None:
                raise ValidationError(N_("The programme no longer exists."))
            programme.match_weights = "" if weights == Weights() else weights.to_json()
            programme.match_spread = spread
            session.add(programme)

    # The proposal

    def propose(self, cohort_id: int) -> Proposal:
        round_ = self._round(cohort_id)
        rows = round_.rows.values()
        accepted = any(r.status in ACCEPTED_STATUSES for r in rows)
        statuses = ACCEPTED_STATUSES if accepted else APPLICANT_STATUSES
        pool = [
            r for r in rows if r.status in statuses and r.enrolment_id not in round_.ended
        ]
        in_groups = sorted({*round_.fixed, *round_.fixed.values()})
        return build_proposal(
            adepts=[Candidate.from_row(r) for r in pool if r.role == Role.ADEPT],
            mentors=[Candidate.from_row(r) for r in pool if r.role == Role.MENTOR],
            weights=self.weights(round_.programme_id),
            spread=self.spread(round_.programme_id),
            locked=round_.pairs(LOCKED),
            fixed=round_.fixed,
            nevers=round_.pairs(NEVER),
            source="accepted" if accepted else "applicants",
            accepted_people=[round_.candidate(i) for i in in_groups],
            group_ids=round_.group_ids,
        )

    def evaluate_move(
        self, cohort_id: int, adept_enrolment_id: int, mentor_enrolment_id: int, proposal: Proposal
    ) -> MoveCheck:
        """The adept's score with the mentor, or the rule the move breaks; the mentor's
        places are counted against ``proposal``."""
        round_ = self._round(cohort_id)
        mentor, adept = self._pair(round_, mentor_enrolment_id, adept_enrolment_id)
        weights = self.weights(round_.programme_id)
        if proposal.mentor_of(adept.enrolment_id) == mentor.enrolment_id:
            return MoveCheck(score_pair(mentor, adept, weights))
        problem = (
            _accepted_problem(round_, adept)
            or _ended_problem(round_, mentor)
            or hard_rule_message(mentor, adept, round_.pairs(NEVER))
        )
        if problem is None:
            mentor_id = mentor.enrolment_id
            group = next((g for g in proposal.groups if g.mentor.enrolment_id == mentor_id), None)
            taken = len(group.adepts) if group else 0
            if taken >= mentor.capacity:
                problem = full_message(mentor, taken)
        if problem is not None:
            return MoveCheck(None, problem)
        return MoveCheck(score_pair(mentor, adept, weights))

    # Pair rules

    def rules(self, cohort_id: int) -> dict[tuple[int, int], str]:
        """(mentor enrolment id, adept enrolment id) → "locked" or "never"."""
        with self._db.reading() as session:
            return store.read_rules(session, cohort_id)

    def lock(self, cohort_id: int, mentor_enrolment_id: int, adept_enrolment_id: int) -> None:
        """Keep the pair together in every proposal. An adept is in one group, so this
        replaces the adept's other locks (and a "never" on the same pair). Refused when the
        pair breaks a hard rule, the adept is in an accepted group, or the mentor's places
        are all locked or accepted already."""
        round_ = self._round(cohort_id)
        mentor, adept = self._pair(round_, mentor_enrolment_id, adept_enrolment_id)
        problem = (
            _accepted_problem(round_, adept)
            or _ended_problem(round_, mentor)
            or hard_rule_message(mentor, adept)
        )
        if problem is None:
            mentor_id = mentor.enrolment_id
            taken = {
                a for (m, a), rule in round_.rules.items() if m == mentor_id and rule == LOCKED
            }
            taken |= {a for a, m in round_.fixed.items() if m == mentor_id}
            taken.discard(adept.enrolment_id)
            if len(taken) >= mentor.capacity:
                problem = full_message(mentor, len(taken))
        _refuse(problem)
        with self._db.transaction() as session:
            store.drop_rules(session, cohort_id, LOCKED, adept.enrolment_id)
            store.set_rule(session, cohort_id, mentor.enrolment_id, adept.enrolment_id, LOCKED)

    def move(self, cohort_id: int, adept_enrolment_id: int, mentor_enrolment_id: int) -> None:
        """A move on the board: lock the adept to the new mentor, dropping the adept's other
        locks (see ``lock``; check it first with ``evaluate_move``)."""
        self.lock(cohort_id, mentor_enrolment_id, adept_enrolment_id)

    def unlock(self, cohort_id: int, mentor_enrolment_id: int, adept_enrolment_id: int) -> None:
        with self._db.transaction() as session:
            store.drop_rules(session, cohort_id, LOCKED, adept_enrolment_id, mentor_enrolment_id)

    def never(self, cohort_id: int, mentor_enrolment_id: int, adept_enrolment_id: int) -> None:
        """Never propose this pair (replaces a lock). Refused for a pair in an accepted group."""
        round_ = self._round(cohort_id)
        mentor, adept = self._pair(round_, mentor_enrolment_id, adept_enrolment_id)
        if round_.fixed.get(adept.enrolment_id) == mentor.enrolment_id:
            _refuse(_accepted_problem(round_, adept))
        with self._db.transaction() as session:
            store.set_rule(session, cohort_id, mentor.enrolment_id, adept.enrolment_id, NEVER)

    def allow(self, cohort_id: int, mentor_enrolment_id: int, adept_enrolment_id: int) -> None:
        """Take a "never" back."""
        with self._db.transaction() as session:
            store.drop_rules(session, cohort_id, NEVER, adept_enrolment_id, mentor_enrolment_id)

    # Accepted groups

    def accept(self, cohort_id: int, proposal: Proposal) -> list[int]:
        """Make the proposal the round's groups, in one transaction, accepted today.

        Groups not yet accepted are replaced; adepts already in an accepted group keep it,
        and a mentor with an accepted group gets any new adepts in that group. Returns the
        ids of the groups created or extended.
        """
        with self._db.transaction() as session:
            return store.accept(session, cohort_id, proposal, date.today())

    def groups(self, cohort_id: int) -> list[AcceptedGroup]:
        """The round's accepted groups, by the mentor's name in the UI language."""
        with self._db.reading() as session:
            records = store.accepted_groups(session, cohort_id)
        rows = {r.enrolment_id: r for r in self._participants.rows(cohort_id)}
        language = current_language()
        found = []
        for record, members in records:
            mentor = rows.get(record.mentor_enrolment_id)
            if mentor is None or record.id is None:
                continue
            found.append(_accepted_group(record, members, mentor, rows, language))
        found.sort(key=lambda group: (name_order(group.mentor, language), group.id))
        return found

    def dissolve(self, group_id: int) -> None:
        """Undo the acceptance of a group: its adepts and its mentor are free again."""
        with self._db.transaction() as session:
            record = session.get(MatchGroup, group_id)
            if record is None:
                raise ValidationError(N_("This group no longer exists."))
            recorded = select(PlannedMeeting.id).where(
                PlannedMeeting.group_id == group_id, PlannedMeeting.state != "planned"
            )
            if record.ended_on is not None or session.exec(recorded.limit(1)).first() is not None:
                raise ValidationError(
                    N_(
                        "This group has already met or ended, so its acceptance cannot be "
                        "undone: its meetings would be lost. End it early on the Running "
                        "period page instead; its adepts can then be matched again."
                    )
                )
            session.delete(record)  # members and planned meetings go with it (ON DELETE CASCADE)

    def groups_text(self, cohort_id: int) -> str:
        """The accepted groups as plain text to print: round, mentor, adepts, language, score."""
        return groups_text(self._round(cohort_id).name, self.groups(cohort_id))

    # Reading

    def _programme(self, programme_id: int) -> Programme:
        with self._db.reading() as session:
            programme = session.get(Programme, programme_id)
        if programme is None:
            raise ValidationError(N_("The programme no longer exists."))
        return programme

    def _round(self, cohort_id: int) -> _Round:
        with self._db.reading() as session:
            cohort = session.get(Cohort, cohort_id)
            if cohort is None:
                raise ValidationError(N_("That round no longer exists."))
            rules = store.read_rules(session, cohort_id)
            accepted = store.accepted_pairs(session, cohort_id)
            ended = store.ended_mentors(session, cohort_id)
        rows = {r.enrolment_id: r for r in self._participants.rows(cohort_id)}
        return _Round(
            programme_id=cohort.programme_id,
            name=cohort.name,
            rows=rows,
            rules=rules,
            fixed={a: m for a, m, _group in accepted if a in rows and m in rows},
            group_ids={m: group for _a, m, group in accepted},
            ended=frozenset(ended),
        )

    def _pair(self, round_: _Round, mentor_id: int, adept_id: int) -> tuple[Candidate, Candidate]:
        adept, mentor = round_.rows.get(adept_id), round_.rows.get(mentor_id)
        if adept is None or mentor is None:
            raise ValidationError(N_("This application no longer exists."))
        if adept.role != Role.ADEPT or mentor.role != Role.MENTOR:
            raise ValueError("a pair is a mentor's and an adept's enrolment id, in that order")
        return Candidate.from_row(mentor), Candidate.from_row(adept)


def _accepted_problem(round_: _Round, adept: Candidate) -> Message | None:
    if adept.enrolment_id not in round_.fixed:
        return None
    return Message(
        N_("{adept} is in an accepted group. Undo that group's acceptance first."),
        {"adept": adept.name or adept.email},
    )


def _ended_problem(round_: _Round, mentor: Candidate) -> Message | None:
    if mentor.enrolment_id not in round_.ended:
        return None
    return Message(
        N_("{mentor}'s group ended early, so {mentor} takes no new adept in this round."),
        {"mentor": mentor.name or mentor.email},
    )


def _refuse(problem: Message | None) -> None:
    if problem is not None:
        raise ValidationError(problem.template, **problem.params)


def _accepted_group(
    record: MatchGroup,
    members: list[GroupMember],
    mentor: ParticipantRow,
    rows: dict[int, ParticipantRow],
    language: str,
) -> AcceptedGroup:
    parts = read_parts(record.parts)
    adepts = sorted(
        (
            AcceptedMember(rows[m.adept_enrolment_id], m.score, parts.get(m.adept_enrolment_id, ()))
            for m in members
            if m.adept_enrolment_id in rows
        ),
        key=lambda member: name_order(member.row, language),
    )
    assert record.id is not None
    return AcceptedGroup(
        record.id, mentor, tuple(adepts), record.language, record.score, record.accepted_on
    )
