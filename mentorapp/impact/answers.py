"""Survey answers: who a survey is for, what they answered, and storing answers checked.

Every answer belongs to the person's enrolment (the partner survey's to a partner
organisation), so a person's export lists it and erasure removes it. Values are checked
against the built-in structure of ``resources/surveys`` (keys and option keys are the same in
every language and in an organisation's edited copy), so the report never meets a value it
cannot count. A response is replaced whole: the entry view and an import both send every item.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from mentorapp.db import Database
from mentorapp.domain.models import (
    Cohort,
    Enrolment,
    FormerMember,
    GroupMember,
    MatchGroup,
    Organisation,
    Person,
    Programme,
    SurveyAnswer,
    SurveyResponse,
    SurveySent,
)
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, current_language
from mentorapp.impact.answer_checks import (
    CONTENT_LANGUAGES,
    check_day,
    check_person_survey,
    check_source,
    check_values,
    may_answer,
    person_name,
    survey_name,
)
from mentorapp.impact.codes import survey_code
from mentorapp.impact.population import round_people
from mentorapp.impact.survey_model import AUDIENCES
from mentorapp.people.collation import sort_key


@dataclass(frozen=True)
class SurveyPerson:
    enrolment_id: int
    name: str
    first_name: str
    email: str
    role: str
    code: str  # printed on the paper form, read back from a form's CSV
    language: str  # the group's meeting language, else the programme's
    answered_on: date | None
    sent_on: date | None  # the latest day it was handed out or a reminder drafted
    sent_way: str  # how, that latest time ("" when never)
    status: str = ""  # the enrolment's status (a reminder skips those who left)


@dataclass(frozen=True)
class ResponseRecord:
    enrolment_id: int
    values: Mapping[str, str]
    answered_on: date
    source: str = "import"


@dataclass(frozen=True)
class SaveSummary:
    added: int
    replaced: int
    unchanged: int


# -- reading -----------------------------------------------------------------------------------


def survey_people(session: Session, cohort_id: int, survey: str) -> list[SurveyPerson]:
    """The people ``survey`` is for in the round (``round_people``), sorted by name.

    An erased person's stub is left out: no form, template row, entry or reminder can be for
    someone who is gone. The report's base (``round_people``) keeps them, so a round's numbers
    stay as they were (they count as not having answered); the owed list is then shorter than
    the report's base by the erased people, none of whom can be asked.
    """
    from mentorapp.people.privacy import is_erased  # privacy imports this module

    check_person_survey(survey)
    _cohort, programme = _round(session, cohort_id)
    ids = sorted(round_people(session, cohort_id).of_role(AUDIENCES[survey]))
    if not ids:
        return []
    answered = dict(
        session.exec(
            select(col(SurveyResponse.enrolment_id), col(SurveyResponse.answered_on)).where(
                col(SurveyResponse.enrolment_id).in_(ids), col(SurveyResponse.survey) == survey
            )
        ).all()
    )
    sent = _latest_sent(session, ids, survey)
    languages = group_languages(session, cohort_id)
    rows = session.exec(
        select(Enrolment, Person)
        .join(Person, col(Person.id) == Enrolment.person_id)
        .where(col(Enrolment.id).in_(ids))
    ).all()
    people = []
    for enrolment, person in rows:
        assert enrolment.id is not None
        if is_erased(person.email):
            continue
        sent_on, way = sent.get(enrolment.id, (None, ""))
        people.append(
            SurveyPerson(
                enrolment_id=enrolment.id,
                name=f"{person.first_name} {person.last_name}".strip(),
                first_name=person.first_name,
                email=person.email,
                role=enrolment.role,
                code=survey_code(programme.calendar_id, enrolment.id),
                language=_language(languages.get(enrolment.id, ""), programme.default_language),
                answered_on=answered.get(enrolment.id),
                sent_on=sent_on,
                sent_way=way,
                status=enrolment.status,
            )
        )
    language = current_language()
    people.sort(key=lambda p: (sort_key(p.name, language), p.enrolment_id))
    return people


def group_languages(session: Session, cohort_id: int) -> dict[int, str]:
    """Each placed person's meeting language: the accepted group they lead, are or were in."""
    groups = list(
        session.exec(
            select(MatchGroup).where(
                col(MatchGroup.cohort_id) == cohort_id, col(MatchGroup.accepted_on).is_not(None)
            )
        )
    )
    by_group = {g.id: g.language for g in groups}
    result = {g.mentor_enrolment_id: g.language for g in groups}
    for model in (FormerMember, GroupMember):
        query = select(model.group_id, model.adept_enrolment_id).where(
            col(model.group_id).in_(by_group)
        )
        for group_id, enrolment_id in session.exec(query):
            result[enrolment_id] = by_group[group_id]
    return result


def _language(group_language: str, default: str) -> str:
    for candidate in (group_language, default):
        if candidate in CONTENT_LANGUAGES:
            return candidate
    return CONTENT_LANGUAGES[0]


def _latest_sent(
    session: Session, ids: list[int], survey: str
) -> dict[int, tuple[date | None, str]]:
    query = (
        select(SurveySent)
        .where(col(SurveySent.enrolment_id).in_(ids), col(SurveySent.survey) == survey)
        .order_by(col(SurveySent.sent_on), col(SurveySent.id))
    )
    return {row.enrolment_id: (row.sent_on, row.way) for row in session.exec(query)}


def _round(session: Session, cohort_id: int) -> tuple[Cohort, Programme]:
    cohort = session.get(Cohort, cohort_id)
    if cohort is None:
        raise ValidationError(N_("That round no longer exists."), "cohort")
    programme = session.get(Programme, cohort.programme_id)
    assert programme is not None
    return cohort, programme


def answers_of(session: Session, response_id: int) -> dict[str, str]:
    query = select(SurveyAnswer.item, SurveyAnswer.value).where(
        col(SurveyAnswer.response_id) == response_id
    )
    return dict(session.exec(query).all())


def _response(session: Session, enrolment_id: int, survey: str) -> SurveyResponse | None:
    return session.exec(
        select(SurveyResponse).where(
            col(SurveyResponse.enrolment_id) == enrolment_id, col(SurveyResponse.survey) == survey
        )
    ).first()


def _store(
    session: Session,
    response: SurveyResponse | None,
    values: dict[str, str],
    answered_on: date,
    source: str,
    **owner: int | str,
) -> int:
    """Write the response (a new one, or the old one emptied first) and its answers."""
    if response is None:
        response = SurveyResponse(answered_on=answered_on, source=source, **owner)  # type: ignore[arg-type]
    else:
        session.execute(delete(SurveyAnswer).where(col(SurveyAnswer.response_id) == response.id))
        response.answered_on, response.source = answered_on, source
    session.add(response)
    session.flush()
    assert response.id is not None
    session.add_all(
        SurveyAnswer(response_id=response.id, item=key, value=value)
        for key, value in values.items()
    )
    session.flush()
    return response.id


def delete_for(session: Session, enrolment_ids: Iterable[int | None]) -> None:
    """Remove the people's answers and the notes of surveys handed to them (erasure)."""
    ids = [i for i in enrolment_ids if i is not None]
    responses = select(SurveyResponse.id).where(col(SurveyResponse.enrolment_id).in_(ids))
    session.execute(delete(SurveyAnswer).where(col(SurveyAnswer.response_id).in_(responses)))
    session.execute(delete(SurveyResponse).where(col(SurveyResponse.enrolment_id).in_(ids)))
    session.execute(delete(SurveySent).where(col(SurveySent.enrolment_id).in_(ids)))


# -- the service --------------------------------------------------------------------------------


class SurveyService:
    def __init__(self, database: Database) -> None:
        self._db = database

    def people(self, cohort_id: int, survey: str) -> list[SurveyPerson]:
        """Who the survey is for in the round, with their code and when they answered."""
        with self._db.reading() as session:
            return survey_people(session, cohort_id, survey)

    def answers(self, enrolment_id: int, survey: str) -> dict[str, str] | None:
        """The person's stored answers to the survey (None: no response)."""
        check_person_survey(survey)
        with self._db.reading() as session:
            response = _response(session, enrolment_id, survey)
            return None if response is None else answers_of(session, response.id or 0)

    def answered_on(self, enrolment_id: int, survey: str) -> date | None:
        with self._db.reading() as session:
            response = _response(session, enrolment_id, survey)
            return None if response is None else response.answered_on

    def save(
        self,
        enrolment_id: int,
        survey: str,
        values: Mapping[str, str],
        answered_on: date,
        source: str = "entry",
    ) -> int:
        """Store the person's answers, replacing any earlier response to this survey."""
        check_person_survey(survey)
        check_source(source)
        checked = check_values(survey, values)
        with self._db.transaction() as session:
            _enrolment, cohort = may_answer(session, enrolment_id, survey)
            check_day(answered_on, cohort)
            response = _response(session, enrolment_id, survey)
            return _store(
                session,
                response,
                checked,
                answered_on,
                source,
                survey=survey,
                enrolment_id=enrolment_id,
            )

    def save_many(
        self,
        cohort_id: int,
        survey: str,
        records: list[ResponseRecord],
        replace: bool = False,
        dry_run: bool = False,
    ) -> SaveSummary:
        """Store many responses (an import) all or nothing. A response the same as the stored
        one is left unchanged; a different one is refused unless ``replace``."""
        check_person_survey(survey)
        checked = []
        for record in records:
            check_source(record.source)
            checked.append((record, check_values(survey, record.values)))
        ids = [record.enrolment_id for record in records]
        if len(set(ids)) != len(ids):
            raise ValidationError(
                N_("Someone appears twice among the answers, so nothing was saved."), "enrolment"
            )
        session_of = self._db.reading if dry_run else self._db.transaction
        added = replaced = unchanged = 0
        with session_of() as session:
            _round(session, cohort_id)
            people = round_people(session, cohort_id)
            for record, values in checked:
                _enrolment, cohort = may_answer(
                    session, record.enrolment_id, survey, cohort_id, people
                )
                check_day(record.answered_on, cohort)
                response = _response(session, record.enrolment_id, survey)
                if response is not None:
                    same = (
                        answers_of(session, response.id or 0) == values
                        and response.answered_on == record.answered_on
                    )
                    if same:
                        unchanged += 1
                        continue
                    if not replace:
                        raise ValidationError(
                            N_(
                                "{name} has already answered “{survey}”. Choose to replace "
                                "the earlier answers, or leave them out; nothing was saved."
                            ),
                            "enrolment",
                            name=person_name(session, _enrolment),
                            survey=survey_name(survey),
                        )
                    replaced += 1
                else:
                    added += 1
                if not dry_run:
                    _store(
                        session,
                        response,
                        values,
                        record.answered_on,
                        record.source,
                        survey=survey,
                        enrolment_id=record.enrolment_id,
                    )
        return SaveSummary(added, replaced, unchanged)

    def delete(self, enrolment_id: int, survey: str) -> None:
        """Remove the person's response to the survey (nothing happens when there is none)."""
        check_person_survey(survey)
        with self._db.transaction() as session:
            response = _response(session, enrolment_id, survey)
            if response is not None:
                session.execute(
                    delete(SurveyAnswer).where(col(SurveyAnswer.response_id) == response.id)
                )
                session.delete(response)

    def table(self, cohort_id: int, survey: str) -> list[tuple[SurveyPerson, dict[str, str]]]:
        """Everyone who answered, with their answers, in the people's order (a CSV export)."""
        with self._db.reading() as session:
            people = survey_people(session, cohort_id, survey)
            answered = [p.enrolment_id for p in people if p.answered_on is not None]
            query = (
                select(SurveyResponse.enrolment_id, SurveyAnswer.item, SurveyAnswer.value)
                .join(SurveyAnswer, col(SurveyAnswer.response_id) == SurveyResponse.id)
                .where(
                    col(SurveyResponse.enrolment_id).in_(answered),
                    col(SurveyResponse.survey) == survey,
                )
            )
            values: dict[int, dict[str, str]] = {i: {} for i in answered}
            for enrolment_id, item, value in session.exec(query):
                if enrolment_id is not None:
                    values[enrolment_id][item] = value
        return [(p, values[p.enrolment_id]) for p in people if p.enrolment_id in values]

    # -- the partner survey ------------------------------------------------------------------

    def partner_organisations(self, programme_id: int) -> list[tuple[int, str, date | None]]:
        """The programme's partner organisations, each with the day of its latest answer."""
        with self._db.reading() as session:
            query = select(Organisation.id, Organisation.name).where(
                col(Organisation.programme_id) == programme_id
            )
            organisations = session.exec(query).all()
            ids = [i for i, _name in organisations]
            latest = dict(
                session.exec(
                    select(SurveyResponse.organisation_id, func.max(SurveyResponse.answered_on))
                    .where(
                        col(SurveyResponse.organisation_id).in_(ids),
                        col(SurveyResponse.survey) == "partner",
                    )
                    .group_by(col(SurveyResponse.organisation_id))
                ).all()
            )
        language = current_language()
        rows = [(i, name, latest.get(i)) for i, name in organisations if i is not None]
        rows.sort(key=lambda row: (sort_key(row[1], language), row[0]))
        return rows

    def save_partner(
        self, organisation_id: int, values: Mapping[str, str], answered_on: date
    ) -> int:
        """Store a partner organisation's answers. The survey is yearly: an answer in the
        same year as the latest one replaces it, one in another year is kept beside it."""
        checked = check_values("partner", values)
        with self._db.transaction() as session:
            organisation = (
                session.get(Organisation, organisation_id)
                if isinstance(organisation_id, int) and not isinstance(organisation_id, bool)
                else None
            )
            if organisation is None:
                raise ValidationError(
                    N_("That partner organisation is no longer stored."), "organisation"
                )
            if not isinstance(answered_on, date) or answered_on > date.today():
                raise ValidationError(
                    N_("The survey cannot have been answered on {day}: that is in the future."),
                    "answered_on",
                    day=str(answered_on)[:20],
                )
            response = _partner_response(session, organisation_id)
            if response is not None and response.answered_on.year != answered_on.year:
                response = None
            return _store(
                session,
                response,
                checked,
                answered_on,
                "entry",
                survey="partner",
                organisation_id=organisation_id,
            )

    def partner_answers(self, organisation_id: int) -> dict[str, str] | None:
        """The organisation's latest answers (None: it has not answered)."""
        with self._db.reading() as session:
            response = _partner_response(session, organisation_id)
            return None if response is None else answers_of(session, response.id or 0)

    def delete_partner(self, organisation_id: int) -> None:
        """Remove the organisation's latest answers."""
        with self._db.transaction() as session:
            response = _partner_response(session, organisation_id)
            if response is not None:
                session.execute(
                    delete(SurveyAnswer).where(col(SurveyAnswer.response_id) == response.id)
                )
                session.delete(response)


def _partner_response(session: Session, organisation_id: int) -> SurveyResponse | None:
    return session.exec(
        select(SurveyResponse)
        .where(
            col(SurveyResponse.organisation_id) == organisation_id,
            col(SurveyResponse.survey) == "partner",
        )
        .order_by(col(SurveyResponse.answered_on).desc(), col(SurveyResponse.id).desc())
    ).first()
