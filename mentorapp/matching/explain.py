"""Why an adept was left out, and which mentors would place the ones left out.

The reason is the first filter that leaves no mentor: nobody shares a meeting language;
nobody of those can meet the adept (city, digital meetings); all of those are marked
"never"; otherwise every one of them is full. Because the solver places as many adepts as
possible, "full" is then true: a suitable mentor with a free place would have been used.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass

from mentorapp.domain import languages
from mentorapp.domain.codes import education_field_label
from mentorapp.i18n import N_, _, current_language, ngettext
from mentorapp.matching.model import Candidate, Message, Unmatched
from mentorapp.matching.rules import (
    LANGUAGE_ORDER,
    can_meet,
    field_code,
    same_city,
    shared_languages,
)

_SPEAKING = {row.code: row.speaking for row in languages.meeting_languages()}  # marked N_
ADEPTS_PER_NEW_MENTOR = 2  # what we count on a new mentor to take when saying what would help


def reasons(
    adept: Candidate, mentors: Sequence[Candidate], nevers: Collection[tuple[int, int]]
) -> tuple[Message, ...]:
    """Why no mentor of ``mentors`` (everyone in the round, full or not) took ``adept``."""
    city = {"city": adept.city.strip() or "?"}
    if not mentors:
        return (Message(N_("the round has no mentors yet")),)
    speaking = [m for m in mentors if shared_languages(m, adept)]
    if not speaking:
        return (Message(N_("no mentor shares a meeting language")),)
    meeting = [m for m in speaking if can_meet(m, adept)]
    if not meeting:
        if adept.digital:
            template = N_("no mentor in {city} or meeting digitally shares a meeting language")
        elif any(same_city(m, adept) for m in mentors):
            template = N_(
                "no mentor in {city} shares a meeting language, and the adept does not "
                "meet digitally"
            )
        else:
            template = N_("no mentor in {city}, and the adept does not meet digitally")
        return (Message(template, city),)
    if all((m.enrolment_id, adept.enrolment_id) in nevers for m in meeting):
        return (Message(N_("every possible mentor is marked “never”")),)
    return (Message(N_("all suitable mentors are full")),)


def unmatched(
    adepts: Sequence[Candidate],
    mentors: Sequence[Candidate],
    nevers: Collection[tuple[int, int]],
) -> tuple[Unmatched, ...]:
    return tuple(Unmatched(adept, reasons(adept, mentors, nevers)) for adept in adepts)


@dataclass(frozen=True)
class HelpLine:
    """ "2 more mentors in Data och IT meeting digitally would place 3 more adepts." """

    mentors: int
    adepts: int
    field: str  # the adepts' SUN code, "" when not coded
    digital: bool  # the adepts meet digitally (else they need a mentor in ``city``)
    city: str
    language: str | None  # "sv" or "en" when the adepts speak only that; None for both

    @property
    def text(self) -> str:
        details = []
        label = education_field_label(self.field, current_language())
        if label:
            details.append(_("in {field}").format(field=label))
        if self.digital:
            details.append(_("meeting digitally"))
        else:
            details.append(_("living in {city}").format(city=self.city))
        if self.language:
            details.append(_(_SPEAKING[self.language]))
        adepts = ngettext("{count} more adept", "{count} more adepts", self.adepts)
        return ngettext(
            "{count} more mentor {details} would place {adepts}.",
            "{count} more mentors {details} would place {adepts}.",
            self.mentors,
        ).format(
            count=self.mentors,
            details=" ".join(details),
            adepts=adepts.format(count=self.adepts),
        )


def help_lines(left_out: Sequence[Unmatched]) -> tuple[HelpLine, ...]:
    """The left-out adepts grouped by field of education, by where they can meet (digitally,
    or their city) and by the language they need; one line per group, largest first, asking
    for one new mentor per two adepts (rounded up)."""
    groups: dict[tuple[str, bool, str, str], list[Candidate]] = defaultdict(list)
    for item in left_out:
        adept = item.adept
        spoken = [code for code in LANGUAGE_ORDER if code in adept.languages]
        language = spoken[0] if len(spoken) == 1 else ""
        place = "" if adept.digital else adept.city_key
        groups[(field_code(adept), adept.digital, place, language)].append(adept)
    lines = []
    for (field, digital, _place, language), members in groups.items():
        first = min(members, key=lambda a: a.enrolment_id)
        count = len(members)
        lines.append(
            HelpLine(
                mentors=-(-count // ADEPTS_PER_NEW_MENTOR),
                adepts=count,
                field=field,
                digital=digital,
                city="" if digital else first.city.strip(),
                language=language or None,
            )
        )
    lines.sort(
        key=lambda h: (-h.adepts, h.field, not h.digital, h.city.casefold(), h.language or "")
    )
    return tuple(lines)
