"""The rendered workbook, read back: names, languages, fonts, metadata, dates, combined files."""

from __future__ import annotations

import io
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.documents.text import long_date, split_title
from mentorapp.documents.workbook_content import load_content
from mentorapp.documents.workbook_pdf import render_combined, render_workbook
from tests.documents.conftest import sample_data
from tests.documents.helpers import NAMES, page_texts, pdf_text


@pytest.mark.parametrize("language", ["sv", "en"])
def test_every_name_is_printed_exactly(rendered, language: str) -> None:
    text = pdf_text(rendered[language][0])
    for name in NAMES:
        assert name in text, name
    assert "■" not in text and "\ufffd" not in text


def test_both_languages_render_in_their_own_words(rendered) -> None:
    swedish, english = pdf_text(rendered["sv"][0]), pdf_text(rendered["en"][0])
    assert "Välkomna" in swedish and "Underskrift" in swedish and "Innehåll" in swedish
    assert "Welcome" in english and "Signature" in english and "Contents" in english
    assert "Underskrift" not in english and "Signature" not in swedish
    for language, text in (("sv", swedish), ("en", english)):
        for session in load_content(language).sessions:
            assert split_title(session.title)[1] in text.replace("\n", " ")


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_page_count_is_that_of_a_booklet(rendered, language: str) -> None:
    path, pages = rendered[language]
    assert pages == len(PdfReader(path).pages)
    assert 18 <= pages <= 32
    texts = page_texts(path)
    assert load_content(language).labels.contents in texts[1]  # contents on page 2
    assert "\n2\n" in texts[1] and "\n1\n" not in texts[0]  # numbered, but not the cover


@pytest.mark.parametrize("language", ["sv", "en"])
def test_only_embedded_dejavu_subsets_are_used(rendered, language: str) -> None:
    path = rendered[language][0]
    fonts = {}
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            fonts[font["/BaseFont"]] = font
    assert fonts
    for name, font in fonts.items():
        assert "+DejaVu" in name, name  # a subset ("AAAAAA+DejaVuSans"), never Helvetica
        assert "/FontFile2" in font["/FontDescriptor"].get_object(), name
    if shutil.which("pdffonts"):
        listing = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True).stdout
        rows = listing.splitlines()[2:]
        assert rows and "Helvetica" not in listing
        assert all(row.split()[-5] == "yes" for row in rows), listing  # the "emb" column


def test_metadata_names_the_book_the_organisation_and_the_language(rendered) -> None:
    for language, pdf_language in (("sv", "sv-SE"), ("en", "en-GB")):
        reader = PdfReader(rendered[language][0])
        content = load_content(language)
        assert reader.metadata.title == f"{content.title} – {', '.join(NAMES[:4])}"
        assert reader.metadata.author == "Föreningen Broar"
        assert reader.metadata.subject == content.subtitle
        assert reader.trailer["/Root"]["/Lang"] == pdf_language


@pytest.mark.parametrize("language", ["sv", "en"])
def test_a_planned_meeting_shows_its_date_and_others_a_line(rendered, language: str) -> None:
    content = load_content(language)
    texts = page_texts(rendered[language][0])

    def meeting_page(key: str) -> str:
        kicker = split_title(content.session(key).title)[0].upper()
        return next(text for text in texts if f"{kicker}\n" in text)

    first, second = meeting_page("meeting1"), meeting_page("meeting2")
    assert long_date(date(2027, 2, 15), language) in first.replace("\n", " ")
    assert content.labels.planned_date.upper() in first
    assert f"{content.labels.date}: ____" in second
    assert content.labels.planned_date.upper() not in second


def test_the_cover_shows_the_group_and_the_round() -> None:
    buffer = io.BytesIO()
    data = sample_data("sv", adepts=[NAMES[1]], logo=b"not an image")  # a bad logo is left out
    render_workbook(data, load_content("sv"), buffer)
    cover = PdfReader(buffer).pages[0].extract_text()
    for text in ("MENTOR", NAMES[0], "ADEPT\n", NAMES[1], "Vår 2027", "1 februari – 31 maj 2027"):
        assert text in cover, text
    assert "asa.oberg@broar.example" in cover and "Mentorskap 2027" in cover


def test_letter_paper_is_honoured() -> None:
    buffer = io.BytesIO()
    render_workbook(sample_data("en", page_size="Letter"), load_content("en"), buffer)
    box = PdfReader(buffer).pages[3].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


def test_text_with_markup_characters_is_printed_as_written() -> None:
    buffer = io.BytesIO()
    data = sample_data("en", programme_name="Mentors & <Adepts>", mentor="Anna <B> & Co")
    render_workbook(data, load_content("en"), buffer)
    text = "\n".join(page.extract_text() for page in PdfReader(buffer).pages[:3])
    assert "Mentors & <Adepts>" in text and "Anna <B> & Co" in text


def test_a_combined_file_holds_every_group_each_from_an_odd_page(tmp_path: Path) -> None:
    groups = [
        sample_data("sv", mentor=NAMES[0], adepts=[NAMES[1]]),
        sample_data("en", mentor=NAMES[2], adepts=[NAMES[3], NAMES[4]]),
        sample_data("sv", mentor="Örjan Åkesson", adepts=["Đorđe Jovanović"]),
    ]
    contents = {language: load_content(language) for language in ("sv", "en")}
    path = tmp_path / "round.pdf"
    pages = render_combined(groups, contents, path)
    texts = page_texts(path)
    assert pages == len(texts)
    single = [render_workbook(g, contents[g.language], io.BytesIO()) for g in groups]
    covers = [i for i, text in enumerate(texts) if text.startswith("FÖRENINGEN BROAR\n")]
    assert len(covers) == 3
    assert all(index % 2 == 0 for index in covers)  # page 1, 3, 5, … counted from one
    for index, group in zip(covers, groups, strict=True):
        assert group.mentor in texts[index] and group.adepts[0] in texts[index]
    assert covers[1] == single[0] + single[0] % 2
    assert "Välkomna" in pdf_text(path) and "Welcome" in pdf_text(path)
    contents_page = texts[covers[1] + 1]  # numbering restarts in each workbook:
    assert "\n2\n" in contents_page  # the contents are its page 2
    assert contents_page.rstrip().splitlines()[-2].endswith(f" {single[1]}")  # help: last page
