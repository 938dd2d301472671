"""The budget's values: amounts as people type them, hours × rate, totals and cost per adept."""

from __future__ import annotations

import pytest

from mentorapp import i18n
from mentorapp.errors import ValidationError
from mentorapp.planning.budget_lines import (
    CATEGORIES,
    MAX_ORE,
    Budget,
    BudgetDraft,
    BudgetLineRow,
    category_label,
    cost_per_adept,
    hours_amount,
    kind_of,
    parse_amount,
    parse_hours,
    settle,
    totals,
)


@pytest.mark.parametrize(
    ("text", "ore"),
    [
        ("12 500", 1_250_000),
        ("12 500,50", 1_250_050),
        ("12,500.50", 1_250_050),
        ("12500 kr", 1_250_000),
        ("12.500,50", 1_250_050),
        ("12\u00a0500,00\u00a0kr", 1_250_000),  # what format_money shows in Swedish
        ("SEK 12,500.00", 1_250_000),
        ("12 500:-", 1_250_000),
        ("1,5", 150),
        ("0,05", 5),
        ("", None),
        ("   ", None),
    ],
)
@pytest.mark.parametrize("language", ["sv", "en"])
def test_amounts_typed_the_swedish_or_the_english_way(text: str, ore: int, language: str) -> None:
    assert parse_amount(text, language=language) == ore


def test_a_lone_comma_before_three_digits_is_thousands_in_english_and_refused_in_swedish():
    assert parse_amount("12,500", language="en") == 1_250_000
    i18n.set_language("sv")
    with pytest.raises(ValidationError) as refused:
        parse_amount("12,500", language="sv")
    message = refused.value.user_message()
    assert "12\u00a0500,00" in message and "12,50" in message


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("abc", "is not an amount"),
        ("12a", "is not an amount"),
        ("1 2 3", "is not an amount"),
        ("-500", "cannot be negative"),
        ("−500 kr", "cannot be negative"),
        ("12,505", "more than two decimals"),  # English: fine; see below
        ("1.555", "more than two decimals"),
        ("999 999 999 999", "the largest amount"),
    ],
)
def test_amounts_that_cannot_be_read_say_why(text: str, words: str) -> None:
    if text == "12,505":
        assert parse_amount(text, language="en") == 1_250_500
        language = "sv"
    else:
        language = "en"
    with pytest.raises(ValidationError) as refused:
        parse_amount(text, "planned", language=language)
    assert words in refused.value.user_message()
    assert refused.value.field == "planned"


def test_hours() -> None:
    assert parse_hours("200") == 200
    assert parse_hours("12,5 h") == 12.5
    assert parse_hours("12.25") == 12.25
    assert parse_hours("") is None
    for bad in ("abc", "-3", "12,555", "20000"):
        with pytest.raises(ValidationError):
            parse_hours(bad)


def test_coordinator_hours_are_hours_times_rate_to_the_ore() -> None:
    draft = settle(BudgetDraft("coordinator_hours", "Samordnare", 0, None, 200, 214.5, 45_000))
    assert draft.planned == 200 * 45_000 == 9_000_000  # 200 h × 450 kr = 90 000 kr
    assert draft.actual == 9_652_500
    assert hours_amount(0.33, 333) == 110  # 109.89 öre rounds to 110
    assert hours_amount(1.5, 1) == 2  # half an öre rounds up
    # Without a rate the amount is typed; other categories drop hours and rate.
    assert settle(BudgetDraft("coordinator_hours", planned=500, planned_hours=3)).planned == 500
    venue = settle(BudgetDraft("venue", planned=700_000, planned_hours=3, rate=100))
    assert (venue.planned, venue.planned_hours, venue.rate) == (700_000, None, None)


def test_settle_refuses_what_no_line_can_hold() -> None:
    with pytest.raises(ValidationError):
        settle(BudgetDraft("champagne"))
    with pytest.raises(ValidationError):
        settle(BudgetDraft("venue", planned=-1))
    with pytest.raises(ValidationError):
        settle(BudgetDraft("venue", description="x" * 301))
    with pytest.raises(ValidationError):  # the product would overflow the largest amount
        settle(BudgetDraft("coordinator_hours", planned_hours=10_000, rate=MAX_ORE))


def test_categories_are_translated_and_know_their_kind() -> None:
    keys = {c.key for c in CATEGORIES}
    assert {"venue", "food", "printing", "materials", "coordinator_hours", "travel"} <= keys
    assert {"own_cofinancing", "grant", "other_income"} <= keys
    assert kind_of("grant") == "income" and kind_of("food") == "cost"
    i18n.set_language("sv")
    assert category_label("food") != "Food for gatherings"
    assert category_label("unknown-key") == "unknown-key"


def _line(line_id: int, kind: str, planned: int, actual: int | None, cohort: int | None = 1):
    category = "venue" if kind == "cost" else "grant"
    return BudgetLineRow(line_id, cohort, kind, category, "", line_id, planned, actual)


def test_totals_are_exact_and_actuals_unknown_until_entered() -> None:
    lines = [_line(1, "cost", 10, None), _line(2, "cost", 20, None), _line(3, "income", 35, None)]
    sums = totals(lines)
    assert (sums.planned_cost, sums.planned_income, sums.planned_balance) == (30, 35, 5)
    assert sums.actual_cost is None and sums.actual_balance is None
    # Ten lines of 0,10 kr are exactly 1 kr (floats would give 0.9999999999999999).
    assert totals([_line(n, "cost", 10, 10) for n in range(10)]).actual_cost == 100


def test_cost_per_adept_never_divides_by_zero() -> None:
    assert cost_per_adept(1_000_000, 0) is None
    assert cost_per_adept(None, 4) is None
    assert cost_per_adept(1_000_000, 3) == 333_333  # 3 333,33 kr
    assert cost_per_adept(200, 3) == 67  # 66.67 öre, half up


def test_a_round_counts_its_own_lines_and_shows_the_programme_lines_beside() -> None:
    own = (_line(1, "cost", 90_000_00, 95_000_00), _line(2, "income", 80_000_00, None))
    programme_wide = (_line(3, "cost", 7_700_00, None, cohort=None),)
    view = Budget("round", "P", "Vår 2027", 1, own, programme_wide, placed=30)
    summary = view.summary()
    assert summary.totals.planned_cost == 90_000_00
    assert summary.cost_per_adept_planned == 3_000_00
    assert summary.cost_per_adept_actual == 3_166_67  # 95 000 / 30 = 3 166,666…
    assert summary.programme_lines is not None
    assert summary.programme_lines.planned_cost == 7_700_00
    # The whole programme counts every line.
    whole = Budget("programme", "P", "", None, programme_wide, own, placed=30).summary()
    assert whole.totals.planned_cost == 97_700_00 and whole.programme_lines is None
    # A preview while typing replaces one line.
    changed = own[0].with_draft(settle(BudgetDraft("venue", planned=60_000_00)))
    assert view.summary(changed).cost_per_adept_planned == 2_000_00


def test_hours_with_a_word_inside_are_refused_not_read_as_hundreds() -> None:
    from mentorapp.errors import ValidationError
    from mentorapp.planning.budget_lines import parse_hours

    assert parse_hours("12,5 h") == 12.5 and parse_hours("1 200 timmar") == 1200
    for typed in ("12 h 30", "12h30"):
        with pytest.raises(ValidationError):
            parse_hours(typed)
