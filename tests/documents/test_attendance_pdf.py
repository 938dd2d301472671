"""A gathering's attendance list, read back from the PDF: who is on it, in which order, in
which language, and only embedded fonts."""

from __future__ import annotations

from datetime import datetime
from io import BytesIO
from pathlib import Path

from pypdf import PdfReader

from mentorapp import i18n
from mentorapp.documents.attendance_pdf import AttendanceData, AttendanceEntry, render_attendance
from mentorapp.running.gatherings import GatheringDraft
from mentorapp.workspace.services import Services
from tests.people.conftest import values
from tests.people.test_interviews_pdf import fonts_of


def text_of(reader: PdfReader) -> str:
    return "".join(page.extract_text() for page in reader.pages)


def test_the_list_names_the_invited_in_the_languages_order(
    services: Services, cohort, tmp_path: Path
) -> None:
    people = [
        ("Örjan", "Åberg", "adept"),
        ("Łukasz", "Żółć", "mentor"),
        ("Şule", "Öztürk", "adept"),
        ("Anna", "Zetterberg", "adept"),
        ("Ingrid", "Berg", "adept"),  # not invited
    ]
    ids = []
    for number, (first, last, role) in enumerate(people):
        row = services.participants.create(
            cohort.id,
            role,
            values(first_name=first, last_name=last, email=f"p{number}@example.com"),
        )
        ids.append(row.enrolment_id)
    made = services.gatherings.add(
        cohort.id,
        GatheringDraft("Lön och fack", datetime(2027, 3, 4, 17, 30), minutes=120, place="Rum 2"),
    )
    services.gatherings.invite(made.id, ids[:4])
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "lista.pdf"
    assert services.gatherings.write_attendance_list(made.id, path, language="sv") == 4
    reader = PdfReader(path)
    text = text_of(reader)
    assert "Närvarolista" in text and "torsdag 4 mars 2027" in text and "17:30–19:30" in text
    assert "Rum 2" in text and "Lön och fack" in text and "Vår 2027" in text
    assert "Ingrid" not in text
    # Swedish order: Z, Ż (as Z) before Å and Ö, which come after Z.
    order = [text.index(name) for name in ("Anna Zetterberg", "Łukasz Żółć", "Örjan Åberg")]
    assert order == sorted(order)
    assert text.index("Örjan Åberg") < text.index("Şule Öztürk")
    assert "Namnteckning" in text and "Mentor" in text and "Adept" in text
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)
    assert (path.stat().st_mode & 0o777) == 0o600  # it holds names
    assert [p.name for p in folder.iterdir()] == ["lista.pdf"]  # no temporary left
    assert i18n.current_language() == "en"  # the list's language did not stick

    english = folder / "list.pdf"
    services.gatherings.write_attendance_list(made.id, english, language="en")
    text = text_of(PdfReader(english))
    assert "Attendance list" in text and "Signature" in text and "Thursday, 4 March 2027" in text
    # English folds the accents: Å sorts as A, so Åberg comes first.
    assert text.index("Örjan Åberg") < text.index("Anna Zetterberg")


def test_a_whole_day_gathering_shows_no_time_and_a_cancelled_one_says_so() -> None:
    data = AttendanceData(
        organisation="Föreningen Broar",
        programme="Mentorskap",
        round_name="Vår 2027",
        title="Avslutning",
        starts_at=datetime(2027, 5, 28),
        all_day=True,
        minutes=120,
        place="",
        cancelled=True,
        entries=(AttendanceEntry("Đorđe Marković", "mentor"),),
        blank_rows=40,  # walk-in rows run onto a second page, with the header repeated
    )
    out = BytesIO()
    pages = render_attendance(data, out)
    reader = PdfReader(BytesIO(out.getvalue()))
    text = text_of(reader)
    assert pages == len(reader.pages) == 2
    assert "Friday, 28 May 2027" in text and "00:00" not in text and "Place" not in text
    assert "Cancelled" in text and "Đorđe Marković" in text
    assert reader.pages[1].extract_text().count("Signature") == 1
