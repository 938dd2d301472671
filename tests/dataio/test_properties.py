"""Whatever a file holds, reading fails only with ImportFileError; imports are never partial."""

from __future__ import annotations

import codecs
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mentorapp.dataio.csv_source import ImportFileError, read_table
from mentorapp.dataio.importer import ImportOptions, ImportReport, run_import
from mentorapp.services import Services
from tests.dataio.helpers import HEADER, counts

SETTINGS = settings(
    max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
)
VALID = {
    "First name": ["Amal", "Łucja", "Åsa"],
    "Last name": ["Yousef", "Wójcik", "Öberg"],
    "Email": [f"{name}{n}@example.se" for name in ("amal", "åsa", "LUCJA") for n in range(8)],
    "City": ["Malmö", "Lund"],
    "Languages": ["sv", "svenska och engelska", "en/sv"],
    "Field of education": ["Ekonomi", "481a", "Eget"],
    "Industry": ["J", "Handel", "Eget"],
    "Years of experience": ["3", "", "0"],
    "Digital meetings": ["ja", "x", "nej", ""],
}
INVALID = ["", "bad@", "franska", "-1", "many", "kanske"]
noise = st.text(alphabet=st.sampled_from('ab åÖ,;\t"\r\n@x'), max_size=8)


def check_table(table) -> None:
    numbers = [number for number, _cells in table.rows]
    assert numbers == sorted(set(numbers)) and all(n >= 2 for n in numbers)
    assert all(len(cells) >= len(table.headers) for _n, cells in table.rows)
    assert all(cell == cell.strip() for _n, cells in table.rows for cell in cells)


def check_import(services: Services, data: bytes | object, options: ImportOptions) -> None:
    """Row counts are unchanged, or grew by exactly the valid rows: never a partial file."""
    before = counts(services.database)
    report = run_import(services.database, data, options)
    assert isinstance(report, ImportReport)
    after = counts(services.database)
    if not report.written:
        assert after == before
        return
    valid = report.total_rows - report.rows_with_errors
    assert not report.errors or options.skip_invalid
    assert report.created + report.updated == valid
    assert after["Person"] - before["Person"] == report.created
    assert after["Enrolment"] - before["Enrolment"] == valid  # a fresh round every time
    assert after["StatusChange"] - before["StatusChange"] == valid


@st.composite
def csv_files(draw) -> bytes:
    extra = draw(
        st.lists(
            st.sampled_from(["Tidstämpel", "Digital meetings", "Years of experience"]), max_size=2
        )
    )
    headers = draw(st.permutations([*HEADER, *extra]))
    delimiter = draw(st.sampled_from([",", ";", "\t"]))
    line_end = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    lines = [delimiter.join(headers)]
    for _ in range(draw(st.integers(0, 8))):
        shape = draw(st.sampled_from(["row", "row", "row", "blank", "delimiters", "short"]))
        if shape == "blank":
            lines.append("")
            continue
        if shape == "delimiters":
            lines.append(delimiter * len(headers))
            continue
        cells = []
        for header in headers[: len(headers) if shape == "row" else 2]:
            value = draw(st.sampled_from(VALID.get(header, ["", "2027-01-03"])))
            chance = draw(st.integers(0, 19))
            if chance == 0:
                value = draw(noise)
            elif chance == 1:
                value = draw(st.sampled_from(INVALID))
            if draw(st.booleans()) or any(c in value for c in ('"', "\n", "\r", delimiter)):
                value = '"' + value.replace('"', '""') + '"'
            cells.append(value)
        lines.append(delimiter.join(cells))
    if len(lines) > 1 and draw(st.integers(0, 7)) == 0:  # a quotation mark that never closes
        index = draw(st.integers(1, len(lines) - 1))
        lines[index] += delimiter + '"' + draw(noise)
    text = line_end.join(lines) + draw(st.sampled_from(["", line_end]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252"]))
    try:
        return text.encode(encoding)
    except UnicodeEncodeError:
        return codecs.BOM_UTF8 + text.encode("utf-8")


def test_arbitrary_bytes_fail_only_with_import_file_error(tmp_path: Path) -> None:
    rounds = count()
    with Services.opened(tmp_path / "p.db") as services:

        @SETTINGS
        @given(
            data=st.binary(max_size=600)
            | st.builds(
                bytes.__add__,
                st.sampled_from(
                    [
                        b"",
                        codecs.BOM_UTF8,
                        codecs.BOM_UTF16_LE,
                        codecs.BOM_UTF16_BE,
                        "Förnamn;Efternamn;E-post\n".encode(),
                    ]
                ),
                st.binary(max_size=300),
            )
        )
        def check(data: bytes) -> None:
            try:
                table = read_table(data)
            except ImportFileError as error:
                assert error.user_message()
                return
            check_table(table)
            check_import(services, table, ImportOptions("adept", f"Omgång {next(rounds)}"))

        check()


def test_arbitrary_csv_shapes_never_import_part_of_a_file(tmp_path: Path) -> None:
    rounds = count()
    with Services.opened(tmp_path / "p.db") as services:

        @SETTINGS
        @given(data=csv_files(), skip_invalid=st.booleans(), dry_run=st.booleans())
        def check(data: bytes, skip_invalid: bool, dry_run: bool) -> None:
            try:
                check_table(read_table(data))
            except ImportFileError as error:
                assert error.user_message()
                return
            options = ImportOptions(
                "adept", f"Omgång {next(rounds)}", skip_invalid=skip_invalid, dry_run=dry_run
            )
            check_import(services, data, options)
            if dry_run:
                assert not run_import(services.database, data, options).written

        check()
