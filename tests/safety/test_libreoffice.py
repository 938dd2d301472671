"""A backup's CSV opens in LibreOffice Calc with åäö and Ł intact, one value per cell.

Needs ``soffice`` (Debian/Ubuntu: ``apt-get install libreoffice-calc-nogui``); skipped
without it.
"""

from __future__ import annotations

import shutil
import subprocess
import zipfile
from pathlib import Path
from xml.etree import ElementTree

import pytest

from mentorapp.dataio.backup_zip import export_backup
from mentorapp.domain.models import Person
from mentorapp.workspace.services import Services

SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")
NS = {
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
}
# LibreOffice's CSV filter options: separator, quote character, character set 76 = UTF-8.
FILTERS = {",": "CSV:44,34,76", ";": "CSV:59,34,76"}


def sheet_rows(ods: Path) -> list[list[str]]:
    """The cell texts of the first sheet (repeated cells expanded, trailing blanks dropped)."""
    with zipfile.ZipFile(ods) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    rows = []
    for row in root.iterfind(".//table:table-row", NS):
        cells: list[str] = []
        for cell in row.iterfind("table:table-cell", NS):
            text = "\n".join("".join(p.itertext()) for p in cell.iterfind("text:p", NS))
            repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
            cells += [text] * min(repeat, 50)
        while cells and cells[-1] == "":
            cells.pop()
        rows.append(cells)
    return rows


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
@pytest.mark.parametrize("delimiter", [",", ";"])
def test_calc_reads_the_csv_cell_for_cell(services: Services, tmp_path: Path, delimiter: str):
    with services.database.transaction() as session:
        session.add(
            Person(
                first_name="Łucja",
                last_name="Åkesson-Öjebäck",
                email="lucja@example.org",
                city='Malmö, "Söder"; Skåne',
                job_title="",
            )
        )
    export_backup(services.database, tmp_path / "backup.zip", delimiter)
    with zipfile.ZipFile(tmp_path / "backup.zip") as archive:
        (tmp_path / "person.csv").write_bytes(archive.read("person.csv"))
    profile = (tmp_path / "lo-profile").as_uri()
    subprocess.run(
        [
            SOFFICE,
            f"-env:UserInstallation={profile}",
            "--headless",
            "--convert-to",
            "ods",
            f"--infilter={FILTERS[delimiter]}",
            "--outdir",
            str(tmp_path),
            str(tmp_path / "person.csv"),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    header, row = sheet_rows(tmp_path / "person.ods")[:2]
    assert header[:4] == ["id", "first_name", "last_name", "email"]  # no BOM left in "id"
    assert row[1:4] == ["Łucja", "Åkesson-Öjebäck", "lucja@example.org"]
    assert row[header.index("city")] == 'Malmö, "Söder"; Skåne'


def _cell_types(ods: Path) -> list[list[tuple[str, str]]]:
    """(office:value-type, text) of each cell of the first sheet, repeated cells expanded."""
    office = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
    with zipfile.ZipFile(ods) as archive:
        root = ElementTree.fromstring(archive.read("content.xml"))
    rows = []
    for row in root.iterfind(".//table:table-row", NS):
        cells: list[tuple[str, str]] = []
        for cell in row.iterfind("table:table-cell", NS):
            text = "\n".join("".join(p.itertext()) for p in cell.iterfind("text:p", NS))
            kind = cell.get(f"{{{office}}}value-type", "")
            repeat = int(cell.get(f"{{{NS['table']}}}number-columns-repeated", "1"))
            cells += [(kind, text)] * min(repeat, 50)
        rows.append(cells)
    return rows


@pytest.mark.skipif(SOFFICE is None, reason="LibreOffice (soffice) is not installed")
def test_calc_shows_a_formula_from_an_application_as_text(services: Services, tmp_path: Path):
    """The participants export marks "=1+1" as text; the same cell unmarked is computed."""
    import csv

    from mentorapp.dataio.importer import ImportOptions, run_import
    from mentorapp.dataio.participants_csv import write_participants_csv
    from tests.dataio.helpers import HEADER, csv_bytes, row

    rows = [HEADER, row("Amal", city="=1+1")]
    run_import(services.database, csv_bytes(rows), ImportOptions("adept", "Vår 2027"))
    write_participants_csv(services.database, "Vår 2027", "adept", tmp_path / "export.csv")
    with (tmp_path / "control.csv").open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["city"], ["=1+1"]])  # the same cell, unmarked
    profile = (tmp_path / "lo-profile").as_uri()
    for name in ("export.csv", "control.csv"):
        subprocess.run(
            [
                SOFFICE,
                f"-env:UserInstallation={profile}",
                "--headless",
                "--convert-to",
                "ods",
                f"--infilter={FILTERS[',']}",
                "--outdir",
                str(tmp_path),
                str(tmp_path / name),
            ],
            check=True,
            capture_output=True,
            timeout=180,
        )
    control = _cell_types(tmp_path / "control.ods")[1][0]
    if control[0] == "string":
        pytest.skip("this Calc does not compute formulas in CSV files, so nothing is shown")
    assert control == ("float", "2")
    header, amal = _cell_types(tmp_path / "export.ods")[:2]
    kind, text = amal[[t for _k, t in header].index("City")]
    assert kind == "string" and text in ("'=1+1", "=1+1")
