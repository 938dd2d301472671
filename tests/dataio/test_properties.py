"""Whatever a file holds, reading fails only with ImportFileError; imports are never partial.

The files drawn here mix what real exports hold: huge numbers, rows in another encoding,
invisible characters pasted into e-mail addresses and cells that a spreadsheet would take for
formulas. Whatever they hold, a dry run and the import report the same problems, nothing is
stored as mojibake, and one address is always one person.
"""

from __future__ import annotations

import codecs
from itertools import count
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlmodel import select

from mentorapp.dataio.csv_source import ImportFileError, read_table
from mentorapp.dataio.importer import ImportOptions, ImportReport, run_import
from mentorapp.domain.models import Person
from mentorapp.domain.text import normalise_email
from mentorapp.workspace.services import Services
from tests.dataio.helpers import HEADER, counts, csv_text, people

SETTINGS = settings(
    max_examples=120, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow]
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
HUGE = [
    "99999999999999999999",
    "9223372036854775808",  # one more than SQLite's largest integer
    "-99999999999999999999",
    "1" * 400,
    "1e400",
    "٣",  # an Arabic-Indic digit three
]
INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad", "\u200e"]
# Cells a spreadsheet would run as formulas: the import keeps them as the text they are.
FORMULAS = [
    "=1+1",
    "+46 70 123 45 67",
    "-Bo",
    "@SUM(A1:A2)",
    "\t=2*3",
    "\r=cmd|' /C calc'!A0",
    '=HYPERLINK("http://example.com";"klick")',
]
TEXT_FIELDS = ("First name", "Last name", "City")
MOJIBAKE = ("Ã", "Â", "\ufffd")  # what UTF-8 read as Windows text (or the reverse) looks like
noise = st.text(alphabet=st.sampled_from('ab åÖ,;\t"\r\n@x'), max_size=8)


def check_table(table) -> None:
    numbers = [number for number, _cells in table.rows]
    assert numbers == sorted(set(numbers)) and all(n >= 2 for n in numbers)
    assert all(len(cells) >= len(table.headers) for _n, cells in table.rows)
    assert all(cell == cell.strip() for _n, cells in table.rows for cell in cells)


def problems(report: ImportReport) -> list[tuple[int, str, str]]:
    return [(p.row, p.column, p.message) for p in report.errors]


def check_import(services: Services, data: bytes | object, options: ImportOptions) -> None:
    """A dry run first, then the import: they report the same problems, the dry run writes
    nothing, and the import changes the row counts by exactly the valid rows or not at all."""
    before = counts(services.database)
    dry = run_import(services.database, data, _dry(options))
    assert not dry.written and counts(services.database) == before
    report = run_import(services.database, data, options)
    assert isinstance(report, ImportReport)
    assert problems(report) == problems(dry)
    assert report.ignored_columns == dry.ignored_columns
    after = counts(services.database)
    if not report.written:
        assert after == before
        return
    assert (report.created, report.updated, report.skipped) == (
        dry.created,
        dry.updated,
        dry.skipped,
    )
    valid = report.total_rows - report.rows_with_errors
    assert not report.errors or options.skip_invalid
    assert report.created + report.updated + report.skipped == valid
    assert after["Person"] - before["Person"] == report.created
    assert after["Enrolment"] - before["Enrolment"] == valid  # a fresh round every time
    assert after["StatusChange"] - before["StatusChange"] == valid


def _dry(options: ImportOptions) -> ImportOptions:
    return ImportOptions(
        options.role,
        options.cohort_name,
        on_duplicate=options.on_duplicate,
        skip_invalid=options.skip_invalid,
        dry_run=True,
    )


def check_people(services: Services) -> None:
    """Every stored address is in its one form, is one person, and no text is mojibake."""
    with services.database.reading() as session:
        stored = list(session.exec(select(Person)))
    emails = [p.email for p in stored]
    assert all(email == normalise_email(email) for email in emails)
    assert len(set(emails)) == len(emails)
    for person in stored:
        for text in (person.first_name, person.last_name, person.city, person.email):
            assert not any(mark in text for mark in MOJIBAKE), text


@st.composite
def email_as_pasted(draw, address: str) -> str:
    """The address with its case changed and invisible characters slipped in."""
    if draw(st.booleans()):
        address = address.upper()
    for _ in range(draw(st.integers(0, 2))):
        at = draw(st.integers(0, len(address)))
        address = address[:at] + draw(st.sampled_from(INVISIBLE)) + address[at:]
    return address


def cell_value(draw, header: str) -> str:
    value = draw(st.sampled_from(VALID.get(header, ["", "2027-01-03"])))
    chance = draw(st.integers(0, 19))
    if chance == 0:
        value = draw(noise)
    elif chance == 1:
        value = draw(st.sampled_from(INVALID))
    elif chance in (2, 3) and header == "Years of experience":
        value = draw(st.sampled_from(HUGE))
    elif chance in (2, 3) and header == "Email":
        value = draw(email_as_pasted(value))
    elif chance == 2 and header in TEXT_FIELDS:
        value = draw(st.sampled_from(FORMULAS))
    return value


def encode(draw, lines: list[str], line_end: str) -> bytes:
    """The whole file in one encoding, or (mixed) UTF-8 with one row in Windows text."""
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "utf-16", "cp1252", "mixed"]))
    text = line_end.join(lines) + draw(st.sampled_from(["", line_end]))
    if encoding == "mixed" and len(lines) > 1:
        index = draw(st.integers(1, len(lines) - 1))
        try:
            windows = lines[index].encode("cp1252")
        except UnicodeEncodeError:
            windows = lines[index].encode()
        before = (line_end.join(lines[:index]) + line_end).encode()
        after = line_end.join(lines[index + 1 :]).encode()
        return before + windows + (line_end.encode() + after if after else b"")
    try:
        return text.encode("utf-8" if encoding == "mixed" else encoding)
    except UnicodeEncodeError:
        return codecs.BOM_UTF8 + text.encode("utf-8")


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
            value = cell_value(draw, header)
            if draw(st.booleans()) or any(c in value for c in ('"', "\n", "\r", delimiter)):
                value = '"' + value.replace('"', '""') + '"'
            cells.append(value)
        lines.append(delimiter.join(cells))
    if len(lines) > 1 and draw(st.integers(0, 7)) == 0:  # a quotation mark that never closes
        index = draw(st.integers(1, len(lines) - 1))
        lines[index] += delimiter + '"' + draw(noise)
    return encode(draw, lines, line_end)


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
        @given(data=csv_files(), skip_invalid=st.booleans(), on_duplicate=st.booleans())
        def check(data: bytes, skip_invalid: bool, on_duplicate: bool) -> None:
            try:
                check_table(read_table(data))
            except ImportFileError as error:
                assert error.user_message()
                return
            options = ImportOptions(
                "adept",
                f"Omgång {next(rounds)}",
                on_duplicate="update" if on_duplicate else "skip",
                skip_invalid=skip_invalid,
            )
            check_import(services, data, options)
            check_people(services)

        check()


ADDRESSES = ["amal@example.se", "åsa.öberg@example.se", "bo@example.se", "łucja@example.se"]


@st.composite
def applications(draw) -> list[tuple[str, str, str, str]]:
    """Valid rows of different people: (address as pasted, first name, last name, city)."""
    chosen = draw(st.lists(st.sampled_from(ADDRESSES), min_size=1, max_size=4, unique=True))
    text = st.sampled_from([*FORMULAS, "Amal", "Åsa", "Łucja"])
    return [(draw(email_as_pasted(a)), draw(text), draw(text), draw(text)) for a in chosen]


def test_formulas_stay_text_and_an_invisible_character_never_makes_a_second_person(
    tmp_path: Path,
) -> None:
    rounds = count()
    seen: set[str] = set()
    with Services.opened(tmp_path / "p.db") as services:

        @settings(SETTINGS, max_examples=60)
        @given(rows=applications(), delimiter=st.sampled_from([",", ";"]), bom=st.booleans())
        def check(rows: list[tuple[str, str, str, str]], delimiter: str, bom: bool) -> None:
            lines = [HEADER] + [
                [first, last, email, city, "sv", "Ekonomi", "Handel"]
                for email, first, last, city in rows
            ]
            data = (codecs.BOM_UTF8 if bom else b"") + csv_text(lines, delimiter).encode()
            report = run_import(services.database, data, ImportOptions("adept", f"R{next(rounds)}"))
            assert report.written and not report.errors, problems(report)
            stored = people(services.database)
            for email, first, last, city in rows:
                address = normalise_email(email)
                person = stored[address]
                assert (person.first_name, person.last_name, person.city) == (
                    first.strip(),
                    last.strip(),
                    city.strip(),
                )
                seen.add(address)
            assert sorted(stored) == sorted(seen)  # one person per address, whatever was pasted

        check()
