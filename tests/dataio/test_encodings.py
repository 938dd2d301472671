"""Mixed encodings and invisible characters: never mojibake, never a second person by accident."""

from __future__ import annotations

import codecs
import unicodedata

import pytest
from sqlalchemy import update

from mentorapp.dataio.csv_source import ImportFileError, read_table
from mentorapp.dataio.importer import ImportOptions, preview, run_import
from mentorapp.domain.models import Person
from mentorapp.workspace.services import Services
from tests.dataio.helpers import HEADER, counts, csv_bytes, csv_text, people, row

# Written in UTF-8 by a form tool, then one row was added by a program that saves Windows text.
CLEAN = [HEADER, row("Östen", city="Växjö"), row("Bo", last="Ödman")]
STRAY = row("Åsa", email="asa@example.com", last="Lind", city="Lund")


def utf8_with_stray_row(bom: bytes = b"") -> bytes:
    return bom + csv_bytes(CLEAN) + csv_text([STRAY]).encode("cp1252")


def all_names(services: Services) -> list[str]:
    found = people(services.database).values()
    return [f"{p.first_name} {p.last_name} {p.city}" for p in found]


def test_a_utf8_file_with_one_latin1_row_is_utf8_with_damage() -> None:
    table = read_table(utf8_with_stray_row())
    assert table.encoding == "utf-8"
    assert table.rows[0][1][0] == "Östen" and table.rows[0][1][3] == "Växjö"
    assert table.rows[1][1][1] == "Ödman"
    assert [(d.row, d.column) for d in table.damaged] == [(4, 0)]
    assert table.damaged[0].windows == "Åsa"
    assert not any("Ã" in cell for _n, cells in table.rows for cell in cells)


@pytest.mark.parametrize("bom", [b"", codecs.BOM_UTF8], ids=["utf-8", "utf-8-bom"])
def test_the_damaged_row_is_a_row_problem_and_nothing_is_written(services, bom) -> None:
    before = counts(services.database)
    report = run_import(services.database, utf8_with_stray_row(bom), ImportOptions("adept", "V27"))
    assert not report.written and counts(services.database) == before
    assert [(p.row, p.column) for p in report.errors] == [(4, "First name")]
    message = report.errors[0].message
    assert "“Åsa”" in message and "UTF-8" in message


def test_dry_run_and_import_report_the_same_damage(services) -> None:
    data = utf8_with_stray_row()
    dry = run_import(services.database, data, ImportOptions("adept", "V27", dry_run=True))
    real = run_import(services.database, data, ImportOptions("adept", "V27"))
    assert [(p.row, p.column, p.message) for p in dry.errors] == [
        (p.row, p.column, p.message) for p in real.errors
    ]


def test_skipping_invalid_rows_imports_the_clean_rows_without_mojibake(services) -> None:
    options = ImportOptions("adept", "V27", skip_invalid=True)
    report = run_import(services.database, utf8_with_stray_row(), options)
    assert report.written and report.created == 2 and report.rows_with_errors == 1
    assert sorted(all_names(services)) == ["Bo Ödman Malmö", "Östen Yousef Växjö"]


def test_a_windows_file_with_one_utf8_row_flags_that_row() -> None:
    data = csv_text([HEADER, row("Åke"), row("Märta"), row("Örjan")]).encode("cp1252")
    # É is C3 89 and ö is C3 B6 in UTF-8
    data += csv_text([row("Ébba", email="ebba@example.com", city="Göteborg")]).encode()
    table = read_table(data)
    assert table.encoding == "cp1252"
    assert [cells[0] for _n, cells in table.rows[:3]] == ["Åke", "Märta", "Örjan"]
    assert {(d.row, d.column) for d in table.damaged} == {(5, 0), (5, 3)}
    assert {d.utf8 for d in table.damaged} == {"Ébba", "Göteborg"}


def test_utf8_bytes_windows_lacks_do_not_make_a_mixed_file_unreadable() -> None:
    # Á is C3 81, and 0x81 is not a Windows-1252 character.
    data = csv_text([HEADER, row("Åke"), row("Örjan")]).encode("cp1252")
    data += csv_text([row("Ábel", email="abel@example.com", city="Lund")]).encode()
    table = read_table(data)
    assert [(d.row, d.utf8) for d in table.damaged] == [(4, "Ábel")]


def test_a_damaged_header_is_refused_with_both_readings() -> None:
    data = "Förnamn,Efternamn\n".encode("cp1252") + "Östen,Öberg\nÅsa,Lind\n".encode()
    with pytest.raises(ImportFileError) as caught:
        read_table(data)
    assert "“Förnamn”" in caught.value.user_message()


def test_a_consistent_windows_file_still_imports(services) -> None:
    rows = [HEADER, row("Åsa", city="Växjö"), row("Östen", last="Öberg")]
    report = run_import(services.database, csv_bytes(rows, encoding="cp1252"), ImportOptions(
        "adept", "V27"
    ))
    assert report.written and not report.errors
    assert sorted(all_names(services)) == ["Åsa Yousef Växjö", "Östen Öberg Malmö"]


def test_a_utf16_file_with_bom_still_imports(services) -> None:
    rows = [HEADER, row("Åsa", city="Växjö"), row("Łucja", last="Wójcik")]
    data = codecs.BOM_UTF16_LE + csv_bytes(rows, encoding="utf-16-le")
    report = run_import(services.database, data, ImportOptions("adept", "V27"))
    assert report.written and report.created == 2
    assert sorted(all_names(services)) == ["Åsa Yousef Växjö", "Łucja Wójcik Malmö"]


def test_binary_data_behind_a_utf8_bom_is_still_refused() -> None:
    with pytest.raises(ImportFileError):
        read_table(codecs.BOM_UTF8 + bytes(range(0x80, 0x100)) * 4)


# Invisible characters ------------------------------------------------------------------------

INVISIBLE = ["\u200b", "\u200c", "\u200d", "\ufeff", "\u2060", "\u00ad"]


@pytest.mark.parametrize("mark", INVISIBLE, ids=[f"U+{ord(c):04X}" for c in INVISIBLE])
def test_an_invisible_character_in_an_email_finds_the_same_person(services, mark) -> None:
    first = csv_bytes([HEADER, row("Amal", email="amal@example.se")])
    assert run_import(services.database, first, ImportOptions("adept", "V27")).created == 1
    again = csv_bytes([HEADER, row("Amal", email=f" AM{mark}AL@example.se{mark}\u00a0")])
    report = run_import(services.database, again, ImportOptions("adept", "H27"))
    assert (report.created, report.updated, report.errors) == (0, 1, [])
    assert list(people(services.database)) == ["amal@example.se"]


def test_the_same_email_twice_with_an_invisible_character_is_a_duplicate_row(services) -> None:
    rows = [HEADER, row("Amal", email="amal@example.se"), row(email="amal\u200b@example.se")]
    data = csv_bytes(rows)
    report = run_import(services.database, data, ImportOptions("adept", "V27"))
    assert [(p.row, p.params.get("earlier")) for p in report.errors] == [(3, 2)]


def test_an_email_stored_with_an_invisible_character_is_matched_on_import(services) -> None:
    old = csv_bytes([HEADER, row("Amal", email="amal@example.se")])
    run_import(services.database, old, ImportOptions("adept", "V26"))
    with services.database.transaction() as session:  # as an older Mentorapp stored it
        session.execute(update(Person).values(email="amal\u200b@example.se"))
    report = run_import(services.database, old, ImportOptions("adept", "V27"))
    assert (report.created, report.updated) == (0, 1)
    assert counts(services.database)["Person"] == 1


def test_names_lose_invisible_characters_but_keep_joiners_inside_words(services) -> None:
    decomposed = unicodedata.normalize("NFD", "Åsa")
    rows = [
        HEADER,
        row(f"\u200b{decomposed}\ufeff", last="Lind\u00ad\u2060"),
        row("Mohammad\u200cReza", last="Tehrani\u200c", email="mr@example.se"),
    ]
    run_import(services.database, csv_bytes(rows), ImportOptions("adept", "V27"))
    found = people(services.database)
    assert (found["åsa@example.com"].first_name, found["åsa@example.com"].last_name) == (
        "Åsa",
        "Lind",
    )
    assert found["mr@example.se"].first_name == "Mohammad\u200cReza"  # a Persian name needs it
    assert found["mr@example.se"].last_name == "Tehrani"


def test_the_wizards_preview_reports_the_damage_too(services) -> None:
    table = read_table(utf8_with_stray_row())
    report = preview(services.database, table, ImportOptions("adept", "V27"))
    assert [(p.row, p.column, p.params) for p in report.errors] == [
        (4, "First name", {"utf8": "\ufffdsa", "windows": "Åsa"})
    ]
    assert report.created == 2  # the clean rows, as the import would take them
