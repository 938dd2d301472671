"""Reading the file: encodings, delimiters, quoting, line ends, blank rows and row numbers."""

from __future__ import annotations

import codecs

import pytest

from mentorapp.dataio.csv_source import ImportFileError, read_table
from tests.dataio.helpers import HEADER, csv_bytes, row

ROWS = [HEADER, row("Åsa", city="Växjö"), row("Östen", city="Älmhult")]


@pytest.mark.parametrize(
    ("raw", "encoding"),
    [
        (codecs.BOM_UTF8 + csv_bytes(ROWS), "utf-8-sig"),
        (csv_bytes(ROWS), "utf-8"),
        (codecs.BOM_UTF16_LE + csv_bytes(ROWS, encoding="utf-16-le"), "utf-16"),
        (codecs.BOM_UTF16_BE + csv_bytes(ROWS, encoding="utf-16-be"), "utf-16"),
        (csv_bytes(ROWS, encoding="cp1252"), "cp1252"),
    ],
    ids=["utf-8-bom", "utf-8", "utf-16-le", "utf-16-be", "cp1252"],
)
def test_every_encoding_reads_swedish_letters(raw: bytes, encoding: str) -> None:
    table = read_table(raw)
    assert table.encoding == encoding
    assert table.headers == HEADER  # no BOM left on the first header
    assert [cells[0] for _n, cells in table.rows] == ["Åsa", "Östen"]
    assert table.rows[1][1][3] == "Älmhult"


def test_cp1252_is_really_what_the_bytes_say() -> None:
    table = read_table("Förnamn;Ort\nÅke;Göteborg\n".encode("cp1252"))
    assert table.encoding == "cp1252"
    assert table.rows == [(2, ["Åke", "Göteborg"])]


@pytest.mark.parametrize("delimiter", [",", ";", "\t"], ids=["comma", "semicolon", "tab"])
def test_every_delimiter_is_detected(delimiter: str) -> None:
    rows = [HEADER, row(languages="sv, en", field="Ekonomi; juridik"), row("Bo")]
    table = read_table(csv_bytes(rows, delimiter=delimiter))
    assert table.delimiter == delimiter
    assert table.headers == HEADER
    assert table.rows[0][1][4:6] == ["sv, en", "Ekonomi; juridik"]


def test_semicolon_file_with_unquoted_commas_in_values() -> None:
    text = "Förnamn;Språk;Ort\nAmal;Svenska, Engelska;Malmö\nBo;sv;Lund\n"
    table = read_table(text.encode())
    assert table.delimiter == ";"
    assert table.rows[0][1] == ["Amal", "Svenska, Engelska", "Malmö"]


def test_comma_file_whose_header_has_a_semicolon() -> None:
    text = "First name,Languages (sv; en),City\nAmal,sv,Malmö\nBo,en,Lund\n"
    assert read_table(text.encode()).delimiter == ","


@pytest.mark.parametrize("line_end", ["\r\n", "\n", "\r"], ids=["crlf", "lf", "cr"])
def test_quotes_delimiters_and_line_breaks_inside_quoted_values(line_end: str) -> None:
    text = (
        f"First name,Goal,City{line_end}"
        f'"Yousef, Amal","Say ""hej""{line_end}and more",Malmö{line_end}'
        f"Bo,Short,Lund{line_end}"
    )
    table = read_table(text.encode())
    assert table.rows == [
        (2, ["Yousef, Amal", 'Say "hej"\nand more', "Malmö"]),
        (3, ["Bo", "Short", "Lund"]),  # a multi-line value is still one spreadsheet row
    ]


def test_blank_rows_and_rows_of_delimiters_are_skipped_but_counted() -> None:
    text = "A;B;C\r\n\r\nx;y;z\r\n;;\r\n  ;  ; \r\n\r\np;q;r\r\n;;\r\n"
    table = read_table(text.encode())
    assert table.rows == [(3, ["x", "y", "z"]), (7, ["p", "q", "r"])]


def test_blank_lines_before_the_header_keep_spreadsheet_numbers() -> None:
    table = read_table(b"\n,,\nA,B\n1,2\n")
    assert table.headers == ["A", "B"]
    assert table.rows == [(4, ["1", "2"])]


def test_surrounding_spaces_are_trimmed_in_headers_and_cells() -> None:
    table = read_table(" First name ,\tCity \n  Amal , Malmö\u00a0\n".encode())
    assert table.headers == ["First name", "City"]
    assert table.rows == [(2, ["Amal", "Malmö"])]


def test_a_quoted_value_after_a_space_is_still_quoted() -> None:
    table = read_table(b'A,B,C\n1, "x, y" ,3\n')
    assert table.rows == [(2, ["1", "x, y", "3"])]


def test_short_rows_are_padded_and_long_rows_keep_their_extra_cells() -> None:
    table = read_table(b"A,B,C\n1\n1,2,3,4,\n")
    assert table.rows == [(2, ["1", "", ""]), (3, ["1", "2", "3", "4", ""])]


def test_header_only_file_has_no_rows() -> None:
    table = read_table(b"First name,Email\r\n")
    assert table.headers == ["First name", "Email"] and table.rows == []


@pytest.mark.parametrize(
    "raw",
    [b"", b"   \r\n\n", codecs.BOM_UTF8, b",,,\n,,\n\n", codecs.BOM_UTF16_LE],
    ids=["empty", "whitespace", "bom-only", "only-delimiters", "utf16-bom-only"],
)
def test_an_empty_file_is_refused_with_advice(raw: bytes) -> None:
    with pytest.raises(ImportFileError) as caught:
        read_table(raw)
    assert "empty" in caught.value.user_message()
    assert caught.value.user_title() == "The file could not be read"


def test_a_nul_byte_is_refused() -> None:
    with pytest.raises(ImportFileError, match="NUL"):
        read_table(b"First name,City\nAmal,Mal\x00m\xc3\xb6\n")


def test_utf16_without_bom_is_refused_not_misread() -> None:
    with pytest.raises(ImportFileError, match="Unicode text"):
        read_table("First name,City\nAmal,Malmö\n".encode("utf-16-le"))


def test_bytes_that_no_encoding_reads_are_refused() -> None:
    # 0x81 is not a Windows-1252 character, and the file is not UTF-8 either.
    with pytest.raises(ImportFileError, match="not a text file"):
        read_table(b"First name,City\n\x81mal,Malm\xf6\n")


def test_binary_garbage_is_refused() -> None:
    garbage = bytes(range(1, 32)) * 20 + b"\xff\xfe"[::-1] * 3
    with pytest.raises(ImportFileError, match="not a text file"):
        read_table(garbage)


def test_a_few_stray_control_characters_are_tolerated() -> None:
    table = read_table(b"First name,City\nAm\x0bal," + "Malmö".encode() + b"\n" + b"x,y\n" * 50)
    assert table.rows[0] == (2, ["Am al", "Malmö"])


def test_a_damaged_utf16_file_is_refused() -> None:
    with pytest.raises(ImportFileError, match="damaged"):
        read_table(codecs.BOM_UTF16_LE + b"A\x00,\x00\x00\xdc")  # a lone low surrogate


@pytest.mark.parametrize("magic", [b"PK\x03\x04", b"\xd0\xcf\x11\xe0"], ids=["xlsx", "xls"])
def test_a_workbook_is_refused_with_how_to_save_as_csv(magic: bytes) -> None:
    with pytest.raises(ImportFileError, match="Save As"):
        read_table(magic + b"\x14\x00\x06\x00rest of a workbook")


def test_an_unclosed_quote_is_refused_instead_of_swallowing_rows() -> None:
    text = 'First name,Goal\nAmal,"Start of a goal\nBo,Something\nCarl,Else\n'
    with pytest.raises(ImportFileError) as caught:
        read_table(text.encode())
    assert caught.value.params["row"] == 2
    assert "quotation mark" in caught.value.user_message()


def test_a_stray_quote_inside_a_value_on_one_line_is_kept() -> None:
    table = read_table(b'Name,Note\nAmal,5" screen\n')
    assert table.rows == [(2, ["Amal", '5" screen'])]


def test_a_file_over_the_csv_field_limit_is_refused_with_the_row() -> None:
    text = 'A,B\n1,2\n3,"' + "x" * 140_000 + '"\n'
    with pytest.raises(ImportFileError) as caught:
        read_table(text.encode())
    assert caught.value.params["row"] == 3


def test_excels_sep_line_names_the_delimiter_and_is_not_a_row() -> None:
    table = read_table(b"sep=;\r\nFirst name;Languages\r\nAmal;sv, en\r\n")
    assert table.delimiter == ";" and table.headers == ["First name", "Languages"]
    assert table.rows == [(2, ["Amal", "sv, en"])]
