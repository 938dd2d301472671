"""Rendered workbooks shared by the PDF tests (rendering takes a few tenths of a second)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from mentorapp.documents.workbook_content import load_content
from mentorapp.documents.workbook_data import WorkbookData
from tests.documents.helpers import NAMES, tiny_png


def sample_data(language: str = "en", **changes: object) -> WorkbookData:
    values: dict[str, object] = {
        "programme_name": "Mentorskap 2027",
        "organisation": "Föreningen Broar",
        "logo": tiny_png(),
        "mentor": NAMES[0],
        "adepts": NAMES[1:4],
        "round_name": "Vår 2027",
        "start": date(2027, 2, 1),
        "end": date(2027, 5, 31),
        "coordinator_name": NAMES[4],
        "coordinator_email": "asa.oberg@broar.example",
        "meeting_dates": {1: date(2027, 2, 15)},
        "language": language,
    }
    values.update(changes)
    return WorkbookData(**values)


@pytest.fixture(scope="module")
def rendered(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, int]]:
    """One workbook per language: {language: (path, pages)}."""
    from mentorapp.documents.workbook_pdf import render_workbook

    folder = tmp_path_factory.mktemp("workbooks")
    result = {}
    for language in ("sv", "en"):
        path = folder / f"workbook-{language}.pdf"
        pages = render_workbook(sample_data(language), load_content(language), path)
        result[language] = (path, pages)
    return result
