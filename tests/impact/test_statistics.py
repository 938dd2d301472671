"""The Wilson score interval and Newcombe's interval for a difference, against published
values (DESIGN.md's facts; Newcombe 1998, Stat Med 17:873–890, Table II, method 10)."""

from __future__ import annotations

import pytest

from mentorapp.impact.statistics import newcombe_difference, wilson


def _rounded(interval, digits: int) -> tuple[float, float]:
    assert interval is not None
    return round(interval.low, digits), round(interval.high, digits)


def test_wilson_matches_known_values() -> None:
    assert _rounded(wilson(9, 20), 3) == (0.258, 0.658)
    assert _rounded(wilson(0, 12), 3) == (0.0, 0.243)  # 0.2425…: DESIGN.md's 0.242 truncated
    assert wilson(0, 12).high == pytest.approx(0.2425, abs=1e-4)


def test_wilson_is_exact_at_none_and_all_and_stays_inside_zero_to_one() -> None:
    none = wilson(0, 7)
    everyone = wilson(7, 7)
    assert none is not None and none.low == 0.0 and 0 < none.high < 1
    assert everyone is not None and everyone.high == 1.0 and 0 < everyone.low < 1
    for n in range(1, 40):
        for x in range(n + 1):
            interval = wilson(x, n)
            assert interval is not None
            assert 0.0 <= interval.low <= x / n <= interval.high <= 1.0


def test_wilson_of_nobody_is_none_and_an_impossible_share_is_refused() -> None:
    assert wilson(0, 0) is None
    with pytest.raises(ValueError):
        wilson(5, 4)


@pytest.mark.parametrize(
    ("counts", "low", "high"),
    [
        ((56, 70, 48, 80), 0.0524, 0.3339),  # Newcombe's example (a)
        ((9, 10, 3, 10), 0.1705, 0.8090),  # (b)
    ],
)
def test_newcombe_matches_the_published_worked_examples(counts, low, high) -> None:
    assert _rounded(newcombe_difference(*counts), 4) == (low, high)


def test_newcombe_is_none_when_one_round_has_no_answers() -> None:
    assert newcombe_difference(3, 10, 0, 0) is None
    assert newcombe_difference(0, 0, 3, 10) is None


def test_newcombe_is_antisymmetric_and_stays_inside_minus_one_to_one() -> None:
    forward = newcombe_difference(9, 10, 3, 10)
    backward = newcombe_difference(3, 10, 9, 10)
    assert forward is not None and backward is not None
    assert forward.low == pytest.approx(-backward.high)
    assert forward.high == pytest.approx(-backward.low)
    extreme = newcombe_difference(10, 10, 0, 10)
    assert extreme is not None and -1.0 <= extreme.low <= extreme.high <= 1.0
