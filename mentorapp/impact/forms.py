"""What a round's paper survey forms need: who gets one, in which language, with which code.

``survey_forms`` reads the round once and hands ``documents.survey_form_pdf`` plain data.
With no language given, each person gets the form in their own language (their group's
meeting language, else the programme's), and all of them go into ONE file, the Swedish forms
first and then the English ones, each part sorted by name: a coordinator prints one file for
the kick-off and hands out a pile, rather than juggling a file per language. Blank forms
for extra copies come last, in the programme's language (or the one asked for).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from pathlib import Path

from mentorapp.db import Database
from mentorapp.documents.survey_form_pdf import BLANK, FormBatch, FormFor, FormHeader
from mentorapp.domain.models import Cohort, Programme
from mentorapp.errors import ValidationError
from mentorapp.i18n import N_
from mentorapp.impact.answer_checks import CONTENT_LANGUAGES, check_survey
from mentorapp.impact.answers import SurveyService
from mentorapp.impact.survey_model import PARTNER_SURVEYS, SurveyContent

MAX_BLANK = 500  # more blank forms than this is a typing mistake, not a print run


@dataclass(frozen=True)
class SurveyForms:
    header: FormHeader
    batches: tuple[FormBatch, ...]
    people: int  # named forms (blank ones not counted)
    blank: int
    problems: tuple[str, ...] = ()  # an edited wording that could not be used, in words


def survey_forms(
    database: Database,
    cohort_id: int,
    survey: str,
    language: str | None = None,
    custom_dir: Path | None = None,
    only: Collection[int] | None = None,
    blank: int = 0,
) -> SurveyForms:
    """The forms of ``survey`` for the round's people (``only``: these enrolment ids) and
    ``blank`` blank ones; ``language`` None = each person's own language."""
    check_survey(survey)
    if language is not None and language not in CONTENT_LANGUAGES:
        raise ValidationError(
            N_("Survey forms are printed in {choices}; “{language}” is not one of them."),
            "language",
            language=str(language)[:20],
            choices=", ".join(CONTENT_LANGUAGES),
        )
    if not 0 <= blank <= MAX_BLANK:
        raise ValidationError(
            N_("The number of blank forms must be from 0 to {most}."), "blank", most=MAX_BLANK
        )
    with database.reading() as session:
        cohort = session.get(Cohort, cohort_id)
        if cohort is None:
            raise ValidationError(N_("That round no longer exists."), "cohort")
        programme = session.get(Programme, cohort.programme_id)
        assert programme is not None
        header = FormHeader(
            programme=programme.name,
            round=cohort.name,
            coordinator=programme.contact_name,
            logo=programme.logo,
            organisation=programme.organisation,
        )
        default = programme.default_language
    people = [] if survey in PARTNER_SURVEYS else SurveyService(database).people(cohort_id, survey)
    if only is not None:
        wanted = set(only)
        people = [person for person in people if person.enrolment_id in wanted]
    by_language: dict[str, list[FormFor]] = {}
    for person in people:
        code = language or person.language
        by_language.setdefault(code, []).append(FormFor(person.name, person.code))
    blank_language = language or (default if default in CONTENT_LANGUAGES else "sv")
    if blank:
        by_language.setdefault(blank_language, []).extend([BLANK] * blank)
    if not by_language:
        if survey in PARTNER_SURVEYS:
            raise ValidationError(_PARTNERS, "survey")
        raise ValidationError(_NOBODY, "cohort", round=cohort.name)
    batches, problems = [], []
    for code in sorted(by_language, key=_language_order):
        content, problem = _content(code, custom_dir)
        if problem:
            problems.append(problem)
        batches.append(FormBatch(content.survey(survey), content, tuple(by_language[code])))
    return SurveyForms(header, tuple(batches), len(people), blank, tuple(problems))


_NOBODY = N_(
    "Nobody in “{round}” is due this survey yet (the round's people are those placed in an "
    "accepted group, or active). Print blank forms instead."
)
_PARTNERS = N_(
    "The partner survey is answered by partner organisations, not by the round's people. "
    "Print blank forms to send them."
)


def _language_order(code: str) -> tuple[int, str]:
    order = CONTENT_LANGUAGES.index(code) if code in CONTENT_LANGUAGES else len(CONTENT_LANGUAGES)
    return order, code


def _content(language: str, custom_dir: Path | None) -> tuple[SurveyContent, str]:
    """The organisation's wording when it has an edited copy that reads, else the built-in."""
    from mentorapp.impact.survey_content import content_for

    choice = content_for(language, custom_dir)
    problem = choice.error.user_message() if choice.error is not None else ""
    return choice.content, problem
