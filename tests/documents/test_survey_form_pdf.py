"""Paper survey forms, read back from the PDF: each person's name and code on every page of
their form, every question and answer word, blank forms, both languages, embedded fonts."""

from __future__ import annotations

from io import BytesIO
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp import i18n
from mentorapp.documents.survey_form_pdf import (
    BLANK,
    FormBatch,
    FormFor,
    FormHeader,
    render_form_batches,
    render_survey_forms,
    write_survey_forms,
)
from mentorapp.errors import FileProblem
from mentorapp.impact.survey_content import load_content
from mentorapp.impact.survey_model import ItemKind
from tests.documents.survey_samples import sample_content
from tests.people.test_interviews_pdf import fonts_of

HEADER = FormHeader(
    "Mentorskap för nyanlända", "Vår 2027", "Åsa Öberg", organisation="Föreningen Broar"
)
PEOPLE = [FormFor("Łukasz Żółć", "K7-4Q2"), FormFor("Şule Öztürk", "M3-9XA")]


def flat(text: str) -> str:
    """Text with its line breaks and runs of spaces as single spaces."""
    return " ".join(text.split())


def pages_of(data: bytes) -> list[str]:
    return [flat(page.extract_text()) for page in PdfReader(BytesIO(data)).pages]


def render(language: str, forms: list[FormFor]) -> tuple[bytes, int]:
    content = sample_content(language)
    out = BytesIO()
    pages = render_survey_forms(forms, content.survey("t1"), content, HEADER, out)
    return out.getvalue(), pages


@pytest.mark.parametrize("language", ["sv", "en"])
def test_each_form_carries_its_persons_name_and_code_on_every_page(language: str) -> None:
    data, pages = render(language, [*PEOPLE, BLANK])
    texts = pages_of(data)
    assert pages == len(texts) and pages % 3 == 0  # three forms of the same length
    per_form = pages // 3
    for number, person in enumerate(PEOPLE):
        own = texts[number * per_form : (number + 1) * per_form]
        others = texts[: number * per_form] + texts[(number + 1) * per_form :]
        assert all(person.name in page and person.code in page for page in own)
        assert not any(person.name in page or person.code in page for page in others)
    code = "Kod" if language == "sv" else "Code"
    name = "Namn" if language == "sv" else "Name"
    blank = texts[2 * per_form :]
    assert all(f"{name}: ____" in page and f"{code}: ____" in page for page in blank)
    for number, person in enumerate(PEOPLE):
        assert f"{person.name} {code}: {person.code}" in texts[number * per_form]


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_question_and_answer_word_is_printed_with_numbers(language: str) -> None:
    content = sample_content(language)
    data, _pages = render(language, PEOPLE[:1])
    text = " ".join(pages_of(data))
    survey = content.survey("t1")
    assert survey.title in text and survey.intro in text and content.thanks in text
    scales = content.scales
    for number, item in enumerate(survey.items, start=1):
        assert item.text in text, item.key
        assert f"{number}." in text
        if item.help:
            assert item.help in text
        if item.kind == ItemKind.CHOICE:
            assert all(option.label in text for option in item.options)
    for word in (scales.dont_know, scales.yes, scales.no, scales.zero, scales.ten):
        assert word in text
    for word in scales.agree:  # in the grid's head, a word may wrap onto two lines
        assert all(part in text for part in word.split())
    assert "0–500" in text  # the number item's range
    assert all(str(n) in text.split() for n in range(11))  # the 0–10 boxes are numbered
    assert "Åsa Öberg" in text and "Föreningen Broar" in text and "Vår 2027" in text
    page = "Sida 1 av" if language == "sv" else "Page 1 of"
    assert page in text
    fonts = fonts_of(PdfReader(BytesIO(data)))
    assert fonts and all(fonts.values()) and all("DejaVu" in name for name in fonts), fonts
    assert i18n.current_language() == "en"  # the form's language did not stick


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_built_in_surveys_all_print_every_item_on_at_most_two_pages(language: str) -> None:
    content = load_content(language)
    for survey in content.surveys:
        out = BytesIO()
        pages = render_survey_forms(PEOPLE[:1], survey, content, HEADER, out)
        text = " ".join(pages_of(out.getvalue()))
        assert pages <= 2, (survey.key, pages)  # one sheet printed on both sides
        for item in survey.items:
            assert flat(item.text) in text, (survey.key, item.key)
            for option in item.options:
                assert flat(option.label) in text, (survey.key, item.key, option.key)


def test_a_run_in_two_languages_prints_each_part_in_its_own() -> None:
    swedish, english = sample_content("sv"), sample_content("en")
    batches = [
        FormBatch(swedish.survey("t1"), swedish, (PEOPLE[0],)),
        FormBatch(english.survey("t1"), english, (PEOPLE[1], BLANK)),
    ]
    out = BytesIO()
    pages = render_form_batches(batches, HEADER, out)
    texts = pages_of(out.getvalue())
    assert len(texts) == pages
    first = [i for i, page in enumerate(texts) if PEOPLE[0].name in page]
    second = [i for i, page in enumerate(texts) if PEOPLE[1].name in page]
    assert first and second and max(first) < min(second)
    assert all("Sida" in texts[i] and swedish.survey("t1").title in texts[i] for i in first)
    assert all("Page" in texts[i] and "Sida" not in texts[i] for i in second)
    assert english.survey("t1").title in texts[-1] and "Name: ____" in texts[-1]


def test_an_empty_run_is_a_valid_file() -> None:
    out = BytesIO()
    assert render_form_batches([], HEADER, out) == 1
    assert len(PdfReader(BytesIO(out.getvalue())).pages) == 1


def test_the_file_is_owner_only_and_written_whole(tmp_path: Path) -> None:
    content = sample_content("en")
    batches = [FormBatch(content.survey("t1"), content, tuple(PEOPLE))]
    path = tmp_path / "forms.pdf"
    pages = write_survey_forms(path, batches, HEADER)
    assert len(PdfReader(path).pages) == pages
    assert (path.stat().st_mode & 0o777) == 0o600  # names and codes
    assert [p.name for p in tmp_path.iterdir()] == ["forms.pdf"]  # no temporary left
    with pytest.raises(FileProblem):
        write_survey_forms(tmp_path / "no" / "forms.pdf", batches, HEADER)
    assert not (tmp_path / "no").exists()
