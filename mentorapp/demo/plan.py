"""The demo programme's plan: a filled, realistic programme plan in Swedish with three goals,
so a newcomer sees the form and its PDF with content before writing their own."""

from __future__ import annotations

from datetime import date

from sqlmodel import Session

from mentorapp.demo.history import DemoRound
from mentorapp.domain.models import PlanGoal, ProgrammePlan

_NEED = (
    "Många som kommit till Sverige de senaste åren har en högskoleexamen och flera års "
    "yrkeserfarenhet, men arbetar inte inom sitt yrke. Det som saknas är sällan kompetens; "
    "det är kontakter, kunskap om hur rekrytering faktiskt går till här och någon som kan "
    "svara på de oskrivna frågorna.\n\n"
    "Samtidigt har arbetsgivarna i regionen svårt att hitta ingenjörer, ekonomer och "
    "IT-specialister. Programmet kopplar ihop de två: en yrkesverksam mentor och en adept "
    "med samma inriktning träffas under fyra månader och arbetar mot adeptens egna mål."
)
_ADEPTS = (
    "Nyanlända akademiker med eftergymnasial utbildning och uppehållstillstånd, som talar "
    "svenska eller engelska och ännu inte har ett arbete som motsvarar utbildningen. "
    "Vi söker särskilt inom teknik, ekonomi, IT och vård."
)
_MENTORS = (
    "Yrkesverksamma med några års erfarenhet av svensk arbetsmarknad, oftast från våra "
    "partnerföretag och kommunen. Nyfikna och bra på att lyssna; pensionärer är välkomna. "
    "Uppdraget tar ungefär tolv timmar under fyra månader."
)
_GATHERINGS = (
    "Uppstartsträff med mentorsutbildning, en träff om cv och LinkedIn med en rekryterare "
    "från Kronhjort Bank, och en nätverkskväll om lön, fack och a-kassa inför avslutningen."
)
_SPONSOR = (
    "Verksamhetschef Maria Sandell på Föreningen Broar till arbete, med stöd av styrelsen "
    "(beslut i mars)."
)
_PARTNERS = (
    "Norrviks kommun och Arbetsförmedlingen hjälper oss att nå adepter; partnerföretagen "
    "ställer upp med mentorer och lokaler för de gemensamma träffarna. Region Västerslätt "
    "medfinansierar genom sitt integrationsanslag."
)
_GOALS = (
    (
        "Fler adepter får ett arbete eller en praktik som bygger på deras utbildning.",
        50.0,
        "percent",
        "job_or_internship_6m",
        "Uppföljningsenkäten skickas till alla adepter; vi räknar på dem som svarar.",
    ),
    (
        "Adepterna bygger ett yrkesnätverk i Sverige.",
        80.0,
        "percent",
        "new_contacts",
        "Frågan ställs i slutenkäten till adepterna.",
    ),
    (
        "Mentorerna vill fortsätta, så att programmet kan växa.",
        75.0,
        "percent",
        "mentor_again",
        "Svaren ”ja” i mentorernas slutenkät; ”kanske” räknas inte.",
    ),
)


def add_plan(session: Session, programme_id: int, rounds: list[DemoRound], today: date) -> None:
    """The plan and its goals (the rounds and today are not needed: a plan is undated)."""
    session.add(
        ProgrammePlan(
            programme_id=programme_id,
            need=_NEED,
            adepts=_ADEPTS,
            mentors=_MENTORS,
            pairs_per_round=25,
            languages="sv,en",
            mode="mixed",
            gatherings_per_round=2,
            gatherings=_GATHERINGS,
            sponsor=_SPONSOR,
            partners=_PARTNERS,
        )
    )
    for position, (text, target, unit, measure, note) in enumerate(_GOALS):
        session.add(
            PlanGoal(
                programme_id=programme_id,
                position=position,
                text=text,
                target=target,
                unit=unit,
                measure=measure,
                measure_note=note,
            )
        )
    session.flush()
