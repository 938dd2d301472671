"""The budget as a spreadsheet file: one row per line, then a block of totals.

The columns are named in the UI language, and amounts are plain numbers in kronor with the
UI language's decimal sign ("12500,50" in Swedish, "12500.50" in English) and no currency or
digit grouping, so a spreadsheet in that language can add them up. The file goes through
``csv_files.write_csv``: descriptions that look like formulas are marked as text, the file
is owner-only and never half-written.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

from mentorapp.dataio.csv_files import write_csv
from mentorapp.i18n import _, babel_locale
from mentorapp.planning.budget import BudgetService
from mentorapp.planning.budget_lines import (
    COORDINATOR_HOURS,
    Budget,
    BudgetLineRow,
    BudgetSummary,
    Totals,
    category_label,
    kind_label,
)


def write_budget_csv(
    budget: BudgetService,
    programme_id: int,
    cohort_id: int | None,
    path: Path | str,
    delimiter: str = ",",
) -> int:
    """Write a round's budget (or the whole programme's, ``cohort_id`` None); returns the
    number of lines written (the totals block not counted)."""
    view = budget.budget(programme_id, cohort_id)
    write_csv(Path(path), headers(), rows(view), delimiter)
    return len(view.lines) + len(view.others)


def headers() -> list[str]:
    return [
        _("Round"),
        _("Cost or income"),
        _("Category"),
        _("Description"),
        _("Planned (kr)"),
        _("Actual (kr)"),
        _("Planned hours"),
        _("Actual hours"),
        _("Rate (kr per hour)"),
    ]


def rows(view: Budget) -> list[list[str]]:
    """The lines of the view (a round's own lines, then the programme-wide ones; or the
    programme-wide lines, then every round's), an empty row, and the totals block, whose
    rows put their label in the first column."""
    body = [_line(line) for line in (*view.lines, *view.others)]
    summary = view.summary()
    return [*body, [], *_totals_block(view, summary)]


def _line(line: BudgetLineRow) -> list[str]:
    hours = line.category == COORDINATOR_HOURS
    return [
        line.round_name or _("Whole programme"),
        kind_label(line.kind),
        category_label(line.category),
        line.description,
        kronor(line.planned),
        kronor(line.actual),
        number(line.planned_hours) if hours else "",
        number(line.actual_hours) if hours else "",
        kronor(line.rate) if hours else "",
    ]


def _totals_block(view: Budget, summary: BudgetSummary) -> list[list[str]]:
    counted = (
        _("Totals for {round}").format(round=view.round_name)
        if view.scope == "round"
        else _("Totals for the whole programme")
    )
    block = [[counted, "", "", "", _("Planned (kr)"), _("Actual (kr)")]]
    block += _sums(summary.totals)
    block.append([_("Adepts placed"), "", "", "", str(summary.placed), str(summary.placed)])
    block.append(
        [
            _("Cost per adept placed"),
            "",
            "",
            _("nobody placed yet") if summary.placed == 0 else "",
            kronor(summary.cost_per_adept_planned),
            kronor(summary.cost_per_adept_actual),
        ]
    )
    if summary.programme_lines is not None:
        block.append([])
        block.append(
            [
                _("Programme-wide lines (not counted above)"),
                "",
                "",
                "",
                _("Planned (kr)"),
                _("Actual (kr)"),
            ]
        )
        block += _sums(summary.programme_lines)
    return block


def _sums(sums: Totals) -> list[list[str]]:
    return [
        [_("Total costs"), "", "", "", kronor(sums.planned_cost), kronor(sums.actual_cost)],
        [_("Total income"), "", "", "", kronor(sums.planned_income), kronor(sums.actual_income)],
        [
            _("Balance (income − costs)"),
            "",
            "",
            "",
            kronor(sums.planned_balance),
            kronor(sums.actual_balance),
        ],
    ]


def kronor(ore: int | None) -> str:
    """Öre as a plain number of kronor with two decimals in the UI language's decimal sign."""
    if ore is None:
        return ""
    return f"{Decimal(ore) / 100:.2f}".replace(".", _decimal_sign())


def number(value: float | None) -> str:
    return "" if value is None else f"{value:g}".replace(".", _decimal_sign())


def _decimal_sign() -> str:
    from babel.numbers import get_decimal_symbol

    return get_decimal_symbol(babel_locale())
