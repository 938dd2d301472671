"""The programme plan PDF read back: exactly two pages, the title, every goal's words and
target, the round's timeline, embedded DejaVu fonts, in Swedish and in English."""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.domain.models import Programme
from mentorapp.planning.goals import (
    GOAL_NOTE_LIMIT,
    GOAL_TEXT_LIMIT,
    TEXT_LIMITS,
    Goal,
    goal_sentence,
)
from mentorapp.programme.programmes import CohortDraft
from tests.documents.helpers import tiny_png

TODAY = date(2027, 3, 15)
GOALS = [
    ("Fler adepter får arbete inom sitt yrke", 50, "percent", "job_or_internship_6m"),
    ("Nya kontakter i branschen", 80, "percent", "new_contacts"),
    ("Mentorerna stannar kvar", 75, "percent", "mentor_again"),
    ("Träffarna blir av", 4, "count", "meetings_held"),
]


def text_of(path: Path) -> str:
    """The PDF's text with runs of white space (no-break spaces too) as one space."""
    reader = PdfReader(path)
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def flat(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture
def full_plan(services, programme):
    """A plan with every field at its longest and four goals, a logo, partners and a round."""
    from mentorapp.programme.partners import PartnerDraft

    with services.database.transaction() as session:
        stored = session.get(Programme, programme.id)
        stored.logo = tiny_png()
        stored.contact_name, stored.contact_email = "Åsa Öberg", "asa@broar.example"
    services.programmes.save_cohort(
        programme.id,
        CohortDraft("Vår 2027", date(2027, 2, 1), date(2027, 5, 31), date(2027, 1, 10)),
    )

    def long(word: str, limit: int) -> str:
        text = " ".join([word] * limit)
        return text[:limit]

    services.plan.save(
        programme.id,
        **{name: long(f"{name}ord", limit) for name, limit in TEXT_LIMITS.items()},
        pairs_per_round=25,
        languages=["sv", "en"],
        mode="mixed",
        gatherings_per_round=3,
    )
    for text, target, unit, measure in GOALS:
        padded = (text + " " + long("mer", GOAL_TEXT_LIMIT))[:GOAL_TEXT_LIMIT]
        services.plan.add_goal(
            programme.id,
            text=padded,
            target=target,
            unit=unit,
            measure=measure,
            measure_note=long("not", GOAL_NOTE_LIMIT),
        )
    for name in ("Norrviks kommun", "Kronhjort Bank AB", "Ljusdala Energi AB"):
        services.partners.save(programme.id, PartnerDraft(name))
    return programme


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_full_plan_is_exactly_two_pages(services, full_plan, tmp_path, language) -> None:
    path = services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", language, today=TODAY)
    reader = PdfReader(path)
    assert len(reader.pages) == 2
    text = text_of(path)
    title = {"sv": "Programplan", "en": "Programme plan"}[language]
    assert reader.metadata.title == f"{title} – Mentorskap 2027"
    assert title in text and "Mentorskap 2027" in text and "FÖRENINGEN BROAR" in text
    for goal_text, target, unit, measure in GOALS:
        goal = Goal(None, target=target, unit=unit, measure=measure)
        assert flat(goal_sentence(goal, language)) in text, goal_text
        assert goal_text in text
    assert "Norrviks kommun" in text and "asa@broar.example" in text
    assert "Vår 2027" in text


def test_the_timeline_is_drawn_in_the_plans_language(services, full_plan, tmp_path) -> None:
    """The UI speaks English in the tests; the Swedish plan's timeline speaks Swedish."""
    swedish = services.plan.write_pdf(full_plan.id, tmp_path / "sv.pdf", "sv", today=TODAY)
    english = services.plan.write_pdf(full_plan.id, tmp_path / "en.pdf", "en", today=TODAY)
    sv_text, en_text = text_of(swedish), text_of(english)
    assert "Sista ansökningsdag" in sv_text and "Application deadline" not in sv_text
    assert "Application deadline" in en_text and "Sista ansökningsdag" not in en_text
    assert "Tidsplan för Vår 2027" in sv_text and "I dag" in sv_text  # today is in the range
    assert "Timeline of Vår 2027" in en_text and "Kick-off" in en_text
    assert re.search(r"\b10 Jan\b", en_text)  # the deadline among the key dates
    from mentorapp.i18n import current_language

    assert current_language() == "en"  # the UI's language is given back


def test_fonts_are_embedded_dejavu_subsets_and_nothing_else(services, full_plan, tmp_path):
    path = services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", "sv", today=TODAY)
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "+DejaVu" in name, name
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        assert "Helvetica" not in listing


def test_the_logo_is_on_the_first_page(services, full_plan, tmp_path) -> None:
    path = services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", "en", today=TODAY)
    first, second = PdfReader(path).pages
    assert len(first.images) == 1 and len(second.images) == 0


def test_an_empty_plan_without_a_round_is_still_two_pages(services, programme, tmp_path):
    path = services.plan.write_pdf(programme.id, tmp_path / "plan.pdf", "en", today=TODAY)
    assert len(PdfReader(path).pages) == 2
    text = text_of(path)
    assert "Not described yet." in text and "No goals have been set yet." in text
    assert "There is no round yet" in text


def test_eight_goals_and_many_partners_still_fit_two_pages(services, full_plan, tmp_path):
    from mentorapp.programme.partners import PartnerDraft

    for number in range(4):
        services.plan.add_goal(full_plan.id, text=f"Extra mål {number}", target=10 + number)
    for number in range(40):
        services.partners.save(full_plan.id, PartnerDraft(f"Partner {number:02d} AB"))
    path = services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", "en", today=TODAY)
    assert len(PdfReader(path).pages) == 2
    text = text_of(path)
    assert "Extra mål 3" in text and "and 13 more" in text


def test_the_programme_language_is_the_default(services, full_plan, tmp_path) -> None:
    """The fixture's programme speaks Swedish, while the UI speaks English."""
    path = services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", today=TODAY)
    assert PdfReader(path).trailer["/Root"]["/Lang"] == "sv-SE"
    assert "Mätbara mål" in text_of(path)


def test_a_refused_write_leaves_no_file(services, full_plan, tmp_path) -> None:
    from mentorapp.errors import MentorappError, ValidationError

    with pytest.raises(ValidationError):
        services.plan.write_pdf(full_plan.id, tmp_path / "plan.pdf", "xx")
    with pytest.raises(MentorappError):
        services.plan.write_pdf(full_plan.id, tmp_path / "no" / "plan.pdf", "sv")
    database = services.database.path
    before = database.read_bytes()
    with pytest.raises(MentorappError):  # never over the programme itself
        services.plan.write_pdf(full_plan.id, database, "sv")
    assert database.read_bytes() == before
    assert list(tmp_path.glob("*.pdf")) == [] and list(tmp_path.glob(".*partial")) == []
