"""The day's interview schedule, read back from the PDF."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from pypdf import PdfReader

from mentorapp import i18n
from mentorapp.workspace.services import Services


def fonts_of(reader: PdfReader) -> dict[str, bool]:
    """Each font's name and whether its glyphs are embedded."""
    found = {}
    for page in reader.pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            descriptor = font.get("/FontDescriptor")
            embedded = descriptor is not None and any(
                key in descriptor.get_object() for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
            found[str(font["/BaseFont"])] = embedded
    return found


def test_the_schedule_lists_the_days_interviews_in_time_order(
    services: Services, add, cohort, tmp_path: Path
) -> None:
    late = add(first_name="Łukasz", last_name="Żółć", email="l@example.com")
    early = add(first_name="Şule", last_name="Öztürk", email="s@example.com", city="Lund")
    other_day = add(first_name="Ingrid", last_name="Berg", email="i@example.com")
    services.interviews.book(late.enrolment_id, datetime(2027, 2, 3, 14, 0), 45, "Rum 2", "Linnea")
    services.interviews.book(
        early.enrolment_id, datetime(2027, 2, 3, 9, 30), 30, "https://meet.example.org/x"
    )
    services.interviews.book(other_day.enrolment_id, datetime(2027, 2, 4, 9, 0))
    i18n.set_language("sv")
    folder = tmp_path / "out"
    folder.mkdir()
    path = folder / "schema.pdf"
    assert services.interviews.write_schedule(cohort.id, date(2027, 2, 3), path) == 2
    reader = PdfReader(path)
    text = "".join(page.extract_text() for page in reader.pages)
    assert "Intervjuschema" in text and "onsdag 3 februari 2027" in text
    assert "Łukasz Żółć" in text and "Şule Öztürk" in text and "Ingrid" not in text
    assert text.index("Şule Öztürk") < text.index("Łukasz Żółć")  # 09:30 before 14:00
    assert "09:30–10:00" in text and "14:00–14:45" in text and "Vår 2027" in text
    assert reader.metadata.title == "Intervjuschema – onsdag 3 februari 2027"
    fonts = fonts_of(reader)
    assert fonts and all(fonts.values()), fonts
    assert all("DejaVu" in name for name in fonts)
    assert (path.stat().st_mode & 0o777) == 0o600  # it holds names
    assert [p.name for p in folder.iterdir()] == ["schema.pdf"]  # no temporary left


def test_an_empty_day_says_so(services: Services, cohort, tmp_path: Path) -> None:
    path = tmp_path / "empty.pdf"
    assert services.interviews.write_schedule(cohort.id, date(2027, 2, 3), path) == 0
    assert "No interviews are booked" in PdfReader(path).pages[0].extract_text()
