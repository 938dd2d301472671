"""Days as people and form tools write them, in Swedish and English."""

from __future__ import annotations

from datetime import date

import pytest

from mentorapp.domain.day_text import (
    DAY_FIRST,
    MONTH_FIRST,
    day_of_timestamp,
    parse_day,
    slash_order,
)

REFERENCE = date(2026, 12, 2)


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("2026-10-02", date(2026, 10, 2)),
        ("2026/10/02", date(2026, 10, 2)),
        ("20261002", date(2026, 10, 2)),
        ("2 okt 2026", date(2026, 10, 2)),
        ("2 okt. 2026", date(2026, 10, 2)),
        ("den 2 oktober 2026", date(2026, 10, 2)),
        ("fredag 2 oktober 2026", date(2026, 10, 2)),
        ("Friday, October 2, 2026", date(2026, 10, 2)),
        ("2nd Oct 2026", date(2026, 10, 2)),
        ("02/10/2026", date(2026, 10, 2)),
        ("2.10.2026", date(2026, 10, 2)),
        ("2/10", date(2026, 10, 2)),  # no year: the nearest one
        ("2 okt", date(2026, 10, 2)),
        ("5/1", date(2027, 1, 5)),  # nearer in January ahead than a year back
        ("31/2/2026", None),
        ("2026-13-01", None),
        ("i tisdags", None),
        ("", None),
    ],
)
def test_days_are_read_as_written(text: str, day: date | None) -> None:
    assert parse_day(text, REFERENCE) == day


def test_google_forms_timestamps_with_a_gmt_offset_are_read() -> None:
    stamps = ("2026/10/02 2:35:12 PM GMT+2", "2026/10/02 14:35 GMT+5:30", "2026/10/02 9:00 UTC-3")
    for text in stamps:
        assert day_of_timestamp(text, REFERENCE) == date(2026, 10, 2), text


def test_slash_dates_follow_the_order_given_and_a_timestamps_time_is_dropped() -> None:
    assert parse_day("10/2/2026", REFERENCE, MONTH_FIRST) == date(2026, 10, 2)
    assert parse_day("10/2/2026", REFERENCE, DAY_FIRST) == date(2026, 2, 10)
    assert day_of_timestamp("10/2/26 2:35:12 PM", REFERENCE, MONTH_FIRST) == date(2026, 10, 2)
    assert day_of_timestamp("2026-10-02 14:35:12", REFERENCE) == date(2026, 10, 2)
    assert day_of_timestamp("2026-10-02T14:35:12Z", REFERENCE) == date(2026, 10, 2)


@pytest.mark.parametrize(
    ("values", "order"),
    [
        (["10/25/2026 14:00:00", "10/2/2026"], (MONTH_FIRST, False)),
        (["25/10/2026", "10/2/2026"], (DAY_FIRST, False)),
        (["02/10/2026"], (DAY_FIRST, True)),  # could be either: day first, and said so
        (["05/05/2026", "2026-10-02"], (DAY_FIRST, False)),  # the same either way
        (["25/10/2026", "10/25/2026"], (DAY_FIRST, False)),  # disagreeing: day first
    ],
)
def test_a_columns_slash_order_is_found_from_its_values(
    values: list[str], order: tuple[str, bool]
) -> None:
    assert slash_order(values) == order
