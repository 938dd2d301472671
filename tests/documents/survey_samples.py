"""Hand-made survey content and impact reports for the PDF tests: every item kind, both
languages, names with letters Helvetica lacks."""

from __future__ import annotations

from typing import Any

from mentorapp.impact.survey_model import (
    Item,
    ItemKind,
    Option,
    ScaleLabels,
    Survey,
    SurveyContent,
)

WORDS: dict[str, dict[str, Any]] = {
    "en": {
        "title": "End survey for adepts",
        "intro": "Your answers help us follow up the programme. They are reported without names.",
        "agree": "I know how recruitment works in Swedish workplaces.",
        "help": "Think of the last four months.",
        "agree2": "I know what my next steps towards a job are.",
        "yes_no": "Did you gain at least one valuable new professional contact?",
        "scale": "How likely is it that you would recommend the programme to a friend?",
        "choice": "What is your situation now?",
        "options": ("Job", "Internship", "Studies", "Looking for work", "Something else"),
        "number": "About how many hours did you spend on the programme?",
        "text": "What was the most valuable part of the programme?",
        "scales": ScaleLabels(
            ("Disagree completely", "Mostly disagree", "Neither", "Mostly agree",
             "Agree completely"),
            "Don't know", "Yes", "No", "Not at all likely", "Extremely likely",
        ),
        "thanks": "Thank you for taking part!",
    },
    "sv": {
        "title": "Slutenkät för adepter",
        "intro": "Dina svar hjälper oss att följa upp programmet. De redovisas utan namn.",
        "agree": "Jag vet hur rekrytering går till på svenska arbetsplatser.",
        "help": "Tänk på de senaste fyra månaderna.",
        "agree2": "Jag vet vilka mina nästa steg mot ett arbete är.",
        "yes_no": "Har du fått minst en värdefull ny yrkeskontakt?",
        "scale": "Hur troligt är det att du skulle rekommendera programmet till en vän?",
        "choice": "Vad gör du nu?",
        "options": ("Arbete", "Praktik", "Studier", "Söker arbete", "Annat"),
        "number": "Ungefär hur många timmar lade du på programmet?",
        "text": "Vad var det mest värdefulla med programmet?",
        "scales": ScaleLabels(
            ("Stämmer inte alls", "Stämmer ganska dåligt", "Varken eller",
             "Stämmer ganska bra", "Stämmer helt"),
            "Vet inte", "Ja", "Nej", "Inte alls troligt", "Mycket troligt",
        ),
        "thanks": "Tack för att du var med!",
    },
}  # fmt: skip
OPTION_KEYS = ("job", "internship", "studies", "seeking", "other")


def sample_content(language: str) -> SurveyContent:
    """A content with one survey ("t1") that has an item of every kind."""
    words = WORDS[language]
    items = (
        Item("confident_search", ItemKind.AGREE, words["agree"], help=words["help"]),
        Item("next_steps", ItemKind.AGREE, words["agree2"]),
        Item("new_contact", ItemKind.YES_NO, words["yes_no"]),
        Item("recommend", ItemKind.ZERO_TO_TEN, words["scale"]),
        Item(
            "status",
            ItemKind.CHOICE,
            words["choice"],
            options=tuple(Option(k, v) for k, v in zip(OPTION_KEYS, words["options"], strict=True)),
        ),
        Item("hours", ItemKind.NUMBER, words["number"], low=0, high=500),
        Item("most_valuable", ItemKind.TEXT, words["text"]),
    )
    survey = Survey("t1", "adept", words["title"], "T1", "At the closing.", words["intro"], items)
    return SurveyContent(language, (survey,), words["scales"], words["thanks"])
