"""Everything stored about one person, as data (JSON) and as a readable extract (text).

This is what a coordinator sends when someone asks "what do you keep about me?" (GDPR art.
15). It names the person's mentor or adepts and pair-rule partners, because those are part of
the person's participation; the coordinator should read the extract before sending it.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlmodel import Session, col, select

from mentorapp.domain.enums import role_label, status_label
from mentorapp.domain.models import (
    Cohort,
    EligibilityCheck,
    EligibilityCriterion,
    Enrolment,
    FormerMember,
    Gathering,
    GatheringGuest,
    GroupMember,
    Interview,
    InterviewAnswer,
    MatchGroup,
    Organisation,
    Outcome,
    PairRule,
    Person,
    PlannedMeeting,
    Programme,
    ReminderNote,
    StatusChange,
    SurveyAnswer,
    SurveyResponse,
    SurveySent,
)
from mentorapp.i18n import N_, _, current_language, format_date
from mentorapp.impact.survey_model import AGREE_VALUES, DONT_KNOW, Item, ItemKind, ScaleLabels
from mentorapp.people.eligibility import builtin_texts
from mentorapp.people.fields import FIELD_BY_KEY
from mentorapp.people.participants import PERSON_FIELDS

_EXTRA_LABELS = {
    "education_field_text": N_("Field of education in their own words"),
    "industry_text": N_("Industry in their own words"),
}


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value else None


def _name(session: Session, enrolment_id: int) -> str:
    enrolment = session.get(Enrolment, enrolment_id)
    person = session.get(Person, enrolment.person_id) if enrolment else None
    return f"{person.first_name} {person.last_name}".strip() if person else ""


def collect(session: Session, person: Person) -> dict[str, Any]:
    """The person's data with stored codes (not labels), dates in ISO 8601."""
    organisation = (
        session.get(Organisation, person.organisation_id) if person.organisation_id else None
    )
    query = (
        select(Enrolment).where(col(Enrolment.person_id) == person.id).order_by(col(Enrolment.id))
    )
    return {
        "exported_at": datetime.now().astimezone().isoformat(timespec="seconds"),
        "person": {"id": person.id, **{key: getattr(person, key) for key in PERSON_FIELDS}},
        "organisation": organisation.name if organisation else None,
        "enrolments": [_enrolment(session, e) for e in session.exec(query)],
    }


def _enrolment(session: Session, enrolment: Enrolment) -> dict[str, Any]:
    cohort = session.get(Cohort, enrolment.cohort_id)
    assert cohort is not None
    programme = session.get(Programme, cohort.programme_id)
    history = session.exec(
        select(StatusChange)
        .where(StatusChange.enrolment_id == enrolment.id)
        .order_by(col(StatusChange.id))
    )
    return {
        "id": enrolment.id,
        "programme": programme.name if programme else "",
        "programme_organisation": programme.organisation if programme else "",
        "round": cohort.name,
        "round_start": _iso(cohort.start),
        "round_end": _iso(cohort.end),
        "role": enrolment.role,
        "status": enrolment.status,
        "capacity": enrolment.capacity,
        "goal": enrolment.goal,
        "preferred_mentor_gender": enrolment.preferred_mentor_gender,
        "status_history": [
            {
                "from": c.from_status,
                "to": c.to_status,
                "on": _iso(c.changed_on),
                "reason": c.reason,
            }
            for c in history
        ],
        "eligibility_confirmations": _confirmations(session, enrolment),
        "groups": _groups(session, enrolment),
        "pair_rules": _pair_rules(session, enrolment),
        "interviews": _interviews(session, enrolment),
        "gatherings": _gatherings(session, enrolment),
        "reminders": _reminders(session, enrolment),
        "surveys": _surveys(session, enrolment),
        "surveys_sent": _surveys_sent(session, enrolment),
        "outcomes": _outcomes(session, enrolment),
    }


def _surveys(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """The person's survey answers, item by item, as stored (keys and values)."""
    query = (
        select(SurveyResponse)
        .where(SurveyResponse.enrolment_id == enrolment.id)
        .order_by(col(SurveyResponse.answered_on), col(SurveyResponse.id))
    )
    result = []
    for response in session.exec(query):
        answers = session.exec(
            select(SurveyAnswer)
            .where(SurveyAnswer.response_id == response.id)
            .order_by(col(SurveyAnswer.id))
        )
        result.append(
            {
                "survey": response.survey,
                "answered_on": _iso(response.answered_on),
                "source": response.source,
                "answers": [{"item": a.item, "value": a.value} for a in answers],
            }
        )
    return result


def _surveys_sent(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """When a survey was handed to the person or a reminder for it drafted."""
    query = (
        select(SurveySent)
        .where(SurveySent.enrolment_id == enrolment.id)
        .order_by(col(SurveySent.sent_on), col(SurveySent.id))
    )
    return [
        {"survey": s.survey, "sent_on": _iso(s.sent_on), "way": s.way} for s in session.exec(query)
    ]


def _outcomes(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """What the person told about a job, an internship or studies."""
    query = (
        select(Outcome)
        .where(Outcome.enrolment_id == enrolment.id)
        .order_by(col(Outcome.started_on), col(Outcome.id))
    )
    return [
        {
            "kind": o.kind,
            "started_on": _iso(o.started_on),
            "in_field": o.in_field,
            "through_programme": o.through_programme,
            "note": o.note,
            "recorded_on": _iso(o.recorded_on),
        }
        for o in session.exec(query)
    ]


def _reminders(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """The reminders drafted for the person (Mentorapp never sent them): when, which, how."""
    query = (
        select(ReminderNote)
        .where(ReminderNote.enrolment_id == enrolment.id)
        .order_by(col(ReminderNote.drafted_on), col(ReminderNote.id))
    )
    return [
        {
            "drafted_on": _iso(n.drafted_on),
            "reminder": n.template,
            "way": n.way,
            "subject": n.subject,
        }
        for n in session.exec(query)
    ]


def _gatherings(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """The joint gatherings the person was invited to or came to."""
    query = (
        select(GatheringGuest, Gathering)
        .join(Gathering, col(Gathering.id) == GatheringGuest.gathering_id)
        .where(GatheringGuest.enrolment_id == enrolment.id)
        .order_by(col(Gathering.starts_at), col(Gathering.id))
    )
    return [
        {
            "title": gathering.title,
            "date": gathering.starts_at.date().isoformat(),
            "cancelled": gathering.cancelled,
            "invited": guest.invited,
            "attended": guest.attended,
        }
        for guest, gathering in session.exec(query)
    ]


def _interviews(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    """Selection interviews with the interviewer's notes and assessments: the person may
    see what was written about them."""
    query = (
        select(Interview)
        .where(Interview.enrolment_id == enrolment.id)
        .order_by(col(Interview.starts_at), col(Interview.id))
    )
    result = []
    for interview in session.exec(query):
        answers = session.exec(
            select(InterviewAnswer)
            .where(InterviewAnswer.interview_id == interview.id)
            .order_by(col(InterviewAnswer.id))
        )
        result.append(
            {
                "starts_at": interview.starts_at.isoformat(timespec="minutes"),
                "minutes": interview.minutes,
                "place": interview.place,
                "interviewer": interview.interviewer,
                "state": interview.state,
                "notes": interview.notes,
                "decision": interview.decision,
                "reason": interview.reason,
                "decided_on": _iso(interview.decided_on),
                "answers": [
                    {"question": a.question_key, "score": a.score, "note": a.note}
                    for a in answers
                ],
            }
        )
    return result


def _confirmations(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    texts = builtin_texts(current_language())
    query = (
        select(EligibilityCheck, EligibilityCriterion)
        .join(EligibilityCriterion, col(EligibilityCriterion.id) == EligibilityCheck.criterion_id)
        .where(EligibilityCheck.enrolment_id == enrolment.id)
        .order_by(col(EligibilityCriterion.position), col(EligibilityCriterion.id))
    )
    result = []
    for check, criterion in session.exec(query):
        builtin = texts.get((criterion.role, criterion.builtin_key or ""))
        text = criterion.text if criterion.text is not None else (builtin.text if builtin else "")
        result.append({"criterion": text, "confirmed_on": _iso(check.confirmed_on)})
    return result


def _groups(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    own = select(MatchGroup).where(MatchGroup.mentor_enrolment_id == enrolment.id)
    member = (
        select(MatchGroup)
        .join(GroupMember, col(GroupMember.group_id) == MatchGroup.id)
        .where(GroupMember.adept_enrolment_id == enrolment.id)
    )
    former = (
        select(MatchGroup, FormerMember)
        .join(FormerMember, col(FormerMember.group_id) == MatchGroup.id)
        .where(FormerMember.adept_enrolment_id == enrolment.id)
    )
    left = {group.id: membership.left_on for group, membership in session.exec(former)}
    groups = [*session.exec(own), *session.exec(member)]
    groups += [g for g in session.exec(select(MatchGroup).where(col(MatchGroup.id).in_(left)))]
    result = []
    for group in groups:
        current = select(GroupMember.adept_enrolment_id).where(GroupMember.group_id == group.id)
        before = select(FormerMember.adept_enrolment_id).where(FormerMember.group_id == group.id)
        members = [*session.exec(current), *session.exec(before)]
        meetings = session.exec(
            select(PlannedMeeting)
            .where(PlannedMeeting.group_id == group.id)
            .order_by(col(PlannedMeeting.number))
        )
        is_mentor = group.mentor_enrolment_id == enrolment.id
        # Notes about a group of several adepts may be about another adept: an adept is told
        # only what the group's record says of its dates, unless they were its only adept.
        private = not is_mentor and len(set(members)) > 1
        item = {
            "as": "mentor" if is_mentor else "adept",
            "mentor": _name(session, group.mentor_enrolment_id),
            # A mentor sees their adepts; an adept is not told about the other adepts.
            "adepts": [_name(session, m) for m in dict.fromkeys(members)] if is_mentor else [],
            "language": group.language,
            "accepted_on": _iso(group.accepted_on),
            "planned_meetings": [],
            "meetings": [],
            "contacted_on": _iso(group.contacted_on),
            "ended_on": _iso(group.ended_on),
            "end_reason": "" if private else group.end_reason,
        }
        if group.id in left:
            item["left_on"] = _iso(left[group.id])
        for meeting in meetings:
            item["planned_meetings"].append(_iso(meeting.planned_on))
            item["meetings"].append(
                {
                    "number": meeting.number,
                    "planned_on": _iso(meeting.planned_on),
                    "state": meeting.state,
                    "held_on": _iso(meeting.held_on),
                    "minutes": meeting.minutes,
                    "mode": meeting.mode,
                    "note": "" if private else meeting.note,
                }
            )
        result.append(item)
    return result


def _pair_rules(session: Session, enrolment: Enrolment) -> list[dict[str, Any]]:
    query = select(PairRule).where(
        (PairRule.mentor_enrolment_id == enrolment.id)
        | (PairRule.adept_enrolment_id == enrolment.id)
    )
    result = []
    for rule in session.exec(query.order_by(col(PairRule.id))):
        mine = rule.mentor_enrolment_id == enrolment.id
        other = rule.adept_enrolment_id if mine else rule.mentor_enrolment_id
        result.append({"rule": rule.rule, "with": _name(session, other)})
    return result


def _line(label: str, value: str) -> str:
    return f"{label}: {value}"


def as_text(data: dict[str, Any]) -> str:
    """A readable extract in the current UI language, with headings."""
    person = data["person"]
    name = f"{person['first_name']} {person['last_name']}".strip()
    lines = [_("Personal data stored about {name}").format(name=name)]
    lines += [_("Exported on {date}").format(date=data["exported_at"].replace("T", " ")), ""]
    lines += _heading(_("Person"))
    for key in PERSON_FIELDS:
        spec = FIELD_BY_KEY.get(key)
        label = _(spec.label) if spec else _(_EXTRA_LABELS[key])
        lines.append(f"{label}: {_value(person[key])}")
    lines.append(_line(_("Employer"), _value(data["organisation"])))
    for item in data["enrolments"]:
        lines += ["", *_heading(_("Round “{round}”").format(round=item["round"]))]
        programme = f"{item['programme']} ({item['programme_organisation']})"
        lines.append(_line(_("Programme"), programme))
        start, end = (date.fromisoformat(item[k]) for k in ("round_start", "round_end"))
        lines.append(_line(_("Dates"), f"{format_date(start)} – {format_date(end)}"))
        lines.append(_line(_("Role"), role_label(item["role"])))
        lines.append(_line(_("Status"), status_label(item["status"])))
        for key in ("capacity", "goal", "preferred_mentor_gender"):
            if item[key] not in ("", None) and not (key == "capacity" and item["role"] != "mentor"):
                lines.append(f"{_(FIELD_BY_KEY[key].label)}: {_value(item[key])}")
        lines += _list(
            _("Status history"),
            [
                f"{_date(c['on'])}: {status_label(c['to'])}"
                + (f" ({c['reason']})" if c["reason"] else "")
                for c in item["status_history"]
            ],
        )
        lines += _list(
            _("Eligibility confirmed"),
            [
                f"{c['criterion']} ({_date(c['confirmed_on'])})"
                for c in item["eligibility_confirmations"]
            ],
        )
        lines += _list(_("Group"), [_group_line(g) for g in item["groups"]])
        rules = {"locked": _("kept together with {name}"), "never": _("never paired with {name}")}
        lines += _list(
            _("Pairing rules"),
            [rules.get(r["rule"], r["rule"]).format(name=r["with"]) for r in item["pair_rules"]],
        )
        interviews = [_interview_line(i, item["role"]) for i in item.get("interviews", [])]
        lines += _list(_("Interviews"), interviews)
        lines += _list(
            _("Joint gatherings"), [_gathering_line(g) for g in item.get("gatherings", [])]
        )
        reminders = [
            f"{_date(r['drafted_on'])}: {r['subject'] or r['reminder']}"
            for r in item.get("reminders", [])
        ]
        lines += _list(_("Reminders drafted"), reminders)
        lines += _list(_("Survey answers"), [_survey_line(r) for r in item.get("surveys", [])])
        sent = [
            f"{_date(s['sent_on'])}: {_survey_title(s['survey'])}"
            for s in item.get("surveys_sent", [])
        ]
        lines += _list(_("Surveys handed out or reminded of"), sent)
        lines += _list(_("Outcomes"), [_outcome_line(o) for o in item.get("outcomes", [])])
    return "\n".join(lines) + "\n"


def _survey_title(key: str) -> str:
    from mentorapp.impact.survey_content import load_content

    language = current_language()
    try:
        return load_content(language if language in ("sv", "en") else "en").survey(key).title
    except KeyError:
        return key


def _survey_line(response: dict[str, Any]) -> str:
    """One response on the extract: the survey, the day, then each question and answer."""
    from mentorapp.impact.survey_content import load_content

    language = current_language()
    content = load_content(language if language in ("sv", "en") else "en")
    survey = next((s for s in content.surveys if s.key == response["survey"]), None)
    title = survey.title if survey else response["survey"]
    text = f"{title} ({_date(response['answered_on'])})"
    for answer in response["answers"]:
        item = survey.item(answer["item"]) if survey else None
        question = item.text if item else answer["item"]
        value = _answer_words(item, answer["value"], content.scales) if item else answer["value"]
        text += f"\n      {question}: {value}"
    return text


def _answer_words(item: Item, value: str, scales: ScaleLabels) -> str:
    """A stored answer as the form printed it ("4 (agree)", "yes", a choice's label)."""
    if item.kind == ItemKind.AGREE and value in AGREE_VALUES[:5]:
        return f"{value} ({scales.agree[int(value) - 1]})"
    if item.kind in (ItemKind.AGREE, ItemKind.YES_NO):
        return {DONT_KNOW: scales.dont_know, "yes": scales.yes, "no": scales.no}.get(value, value)
    return item.option_label(value)


def _outcome_line(outcome: dict[str, Any]) -> str:
    from mentorapp.impact.outcomes import describe

    parts = describe(outcome["kind"], outcome["in_field"], outcome["through_programme"])
    text = _("from {date}").format(date=_date(outcome["started_on"])) + ": " + parts
    return text + (f" — {outcome['note']}" if outcome["note"] else "")


def _heading(text: str) -> list[str]:
    return [text, "=" * len(text)]


def _list(title: str, items: list[str]) -> list[str]:
    return [f"{title}:", *(f"  – {item}" for item in items)] if items else []


def _date(value: str | None) -> str:
    return format_date(date.fromisoformat(value)) if value else ""


def _value(value: object) -> str:
    if value is True:
        return _("yes")
    if value is False:
        return _("no")
    return "" if value is None else str(value)


def _group_line(group: dict[str, Any]) -> str:
    if group["as"] == "mentor":
        text = _("Mentor for {names}").format(names=", ".join(group["adepts"]))
    else:
        text = _("Adept with the mentor {name}").format(name=group["mentor"])
    meetings = ", ".join(_date(day) for day in group["planned_meetings"])
    return text + (" — " + _("meetings: {dates}").format(dates=meetings) if meetings else "")


def _gathering_line(gathering: dict[str, Any]) -> str:
    """A gathering on the extract: when, what, and whether invited and came."""
    if gathering["attended"]:
        how = _("came") if gathering["invited"] else _("came without an invitation")
    else:
        how = _("invited, did not come")
    text = f"{_date(gathering['date'])}: {gathering['title']} ({how})"
    return text + (" — " + _("cancelled") if gathering["cancelled"] else "")


def _interview_line(interview: dict[str, Any], role: str) -> str:
    """One interview on the extract: when, its outcome, the notes and each question's answer."""
    from mentorapp.i18n import format_datetime
    from mentorapp.people.interview_guide import load_guide
    from mentorapp.people.interviews import state_label

    questions = {q.key: q.question for q in load_guide(current_language()).for_role(role)}
    when = format_datetime(datetime.fromisoformat(interview["starts_at"]))
    text = f"{when} ({state_label(interview['state'])})"
    if interview["decision"]:
        text += f": {status_label(interview['decision'])}"
        text += f" — {interview['reason']}" if interview["reason"] else ""
    if interview["notes"]:
        text += "\n      " + _("Notes: {notes}").format(notes=interview["notes"])
    for answer in interview["answers"]:
        score = "" if answer["score"] is None else f" {answer['score']}/5"
        note = f" {answer['note']}" if answer["note"] else ""
        question = questions.get(answer["question"], answer["question"])
        text += f"\n      {question}:{score}{note}"
    return text
