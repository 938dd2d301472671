"""Participant codes on paper forms: unique, short, read back despite sloppy typing, and a
mistyped character never matches."""

from __future__ import annotations

import pytest

from mentorapp.impact.codes import ALPHABET, read_code, survey_code

SECRET = "c0ffee-2027-broar"
OTHER = "another-programme"


def test_every_code_reads_back_and_is_unique() -> None:
    codes = {}
    for enrolment_id in range(1, 100_001):
        code = survey_code(SECRET, enrolment_id)
        assert read_code(SECRET, code) == enrolment_id
        codes[code] = enrolment_id
    assert len(codes) == 100_000


def test_codes_are_short_and_printable() -> None:
    assert survey_code(SECRET, 1)[3] == "-" and len(survey_code(SECRET, 1)) == 6
    assert len(survey_code(SECRET, 32_767)) == 6 and len(survey_code(SECRET, 100_000)) == 7
    for enrolment_id in (1, 31, 32, 999, 32_768, 10**6):
        body = survey_code(SECRET, enrolment_id).replace("-", "")
        assert set(body) <= set(ALPHABET)
        assert not set(body) & set("ILOU")


@pytest.mark.parametrize("enrolment_id", [1, 7, 32, 1234, 32_767, 54_321, 99_999])
def test_sloppy_typing_is_forgiven(enrolment_id: int) -> None:
    code = survey_code(SECRET, enrolment_id)
    sloppy = [
        code.lower(),
        f"  {code.replace('-', ' ')} ",
        code.replace("-", ""),
        code.replace("0", "O").replace("1", "I"),
        code.replace("1", "l").replace("0", "o"),
        code.replace("-", "–"),
        code.lstrip("0"),  # leading zeros dropped
    ]
    for text in sloppy:
        assert read_code(SECRET, text) == enrolment_id, text


@pytest.mark.parametrize("enrolment_id", [1, 7, 32, 1234, 32_767, 54_321, 99_999, 31_000_000])
def test_every_single_mistyped_character_is_caught(enrolment_id: int) -> None:
    code = survey_code(SECRET, enrolment_id).replace("-", "")
    for position, char in enumerate(code):
        for other in ALPHABET:
            if other != char:
                typo = code[:position] + other + code[position + 1 :]
                assert read_code(SECRET, typo) is None, (code, typo)


@pytest.mark.parametrize("enrolment_id", [1234, 32_767, 54_321, 99_999, 31_000_000])
def test_swapped_id_characters_are_caught(enrolment_id: int) -> None:
    code = survey_code(SECRET, enrolment_id).replace("-", "")
    body, check = code[:-2], code[-2:]
    for i in range(len(body)):
        for j in range(i + 1, len(body)):
            if body[i] != body[j]:
                swapped = list(body)
                swapped[i], swapped[j] = swapped[j], swapped[i]
                assert read_code(SECRET, "".join(swapped) + check) is None


def test_another_programmes_codes_rarely_pass() -> None:
    passed = sum(read_code(OTHER, survey_code(SECRET, n)) is not None for n in range(1, 5001))
    assert passed < 25  # about 1 in 1021 by design; 5 expected
    assert survey_code(SECRET, 42) != survey_code(OTHER, 42)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "-", "AB", "K7Q-4U", "K7Q-4Z!", "Ö7Q-4Z", "0-00", "ZZZZZZZZZZZZZZ-ZZ", "12345"],
)
def test_nonsense_is_not_a_code(text: str) -> None:
    assert read_code(SECRET, text) is None


def test_only_real_ids_get_a_code() -> None:
    for bad in (0, -5):
        with pytest.raises(ValueError):
            survey_code(SECRET, bad)
