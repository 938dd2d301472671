"""``budget``: a round's budget (or the whole programme's) as text, JSON or a CSV file.

A round's budget counts the round's own lines; the programme-wide lines are listed beside it
with their own subtotal (``programme_lines``) and are not counted. ``--whole-programme``
counts every line of the programme over the adepts placed in all rounds. Reading only: the
command works while Mentorapp has the file open.

JSON shape (amounts as numbers in kronor, and öre-exact as whole öre in ``*_ore``)::

    {
      "programme": name, "round": name | null, "scope": "round" | "programme",
      "currency": "SEK",
      "lines": [{
        "id": int, "scope": "programme" | "round", "round": name | null,
        "counted": bool, "kind": "cost" | "income", "category": key, "description": text,
        "planned": 12500.5, "planned_ore": 1250050, "actual": kr | null, "actual_ore": int | null,
        "planned_hours": h | null, "actual_hours": h | null,
        "rate": kr per hour | null, "rate_ore": int | null
      }],
      "totals": {"planned_cost": kr, "planned_cost_ore": int, "planned_income": …,
                 "planned_balance": …, "actual_cost": kr | null, "actual_income": …,
                 "actual_balance": …, each with its "…_ore"},
      "programme_lines": totals | null,
      "placed": int,
      "cost_per_adept": {"planned": kr | null, "planned_ore": int | null,
                         "actual": kr | null, "actual_ore": int | null}
    }

Categories are the stored keys (``planning.budget_lines.CATEGORY_KEYS``). An actual total is
null while no line of its kind has an actual amount; the cost per adept is null when nobody
is placed. ``--csv FILE`` writes the spreadsheet export (``dataio.budget_csv``).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mentorapp.i18n import _

if TYPE_CHECKING:
    from mentorapp.planning.budget_lines import Budget, BudgetLineRow, BudgetSummary, Totals


def register(subparsers: argparse._SubParsersAction) -> None:
    budget = subparsers.add_parser(
        "budget", help=_("show a round's budget, or the whole programme's, or export it")
    )
    scope = budget.add_mutually_exclusive_group()
    scope.add_argument(
        "--cohort", metavar=_("ROUND"), help=_("the round's name (the current round if left out)")
    )
    scope.add_argument(
        "--whole-programme",
        action="store_true",
        help=_("count every line of the programme and all its rounds"),
    )
    budget.add_argument("--json", action="store_true", help=_("print machine-readable JSON"))
    budget.add_argument(
        "--csv", type=Path, metavar=_("FILE"), help=_("write the budget to a CSV file")
    )
    budget.add_argument(
        "--delimiter",
        default=",",
        choices=(",", ";"),
        help=_('the CSV file\'s column separator (";" for Excel set to Swedish)'),
    )
    budget.set_defaults(handler=show_budget)


def show_budget(args: argparse.Namespace) -> int:
    from mentorapp.commands import database_path
    from mentorapp.commands.people_commands import find_cohort
    from mentorapp.errors import ValidationError, require_output_file
    from mentorapp.i18n import N_
    from mentorapp.workspace.services import Services

    if args.csv is not None:
        require_output_file(args.csv, replace=True)
    with Services.to_read(database_path(args)) as services:
        programme = services.programmes.programme()
        if programme is None or programme.id is None:
            raise ValidationError(
                N_("This file has no programme yet. Create one with “mentorapp new” first."),
                "programme",
            )
        cohort_id = None if args.whole_programme else find_cohort(services, args.cohort).id
        view = services.budget.budget(programme.id, cohort_id)
        if args.csv is not None:
            from mentorapp.dataio.budget_csv import write_budget_csv

            write_budget_csv(services.budget, programme.id, cohort_id, args.csv, args.delimiter)
    summary = view.summary()
    if args.json:
        print(json.dumps(as_json(view, summary), ensure_ascii=False, indent=2))
    elif args.csv is None:
        print(as_text(view, summary))
    else:
        print(_("Wrote the budget to {path}.").format(path=args.csv))
    return 0


def as_json(view: Budget, summary: BudgetSummary) -> dict[str, Any]:
    counted_scope = "round" if view.scope == "round" else None
    return {
        "programme": view.programme_name,
        "round": view.round_name or None,
        "scope": view.scope,
        "currency": "SEK",
        "lines": [
            _line_json(line, counted_scope is None or line.scope == counted_scope)
            for line in (*view.lines, *view.others)
        ],
        "totals": _totals_json(summary.totals),
        "programme_lines": (
            _totals_json(summary.programme_lines) if summary.programme_lines else None
        ),
        "placed": summary.placed,
        "cost_per_adept": {
            **_money("planned", summary.cost_per_adept_planned),
            **_money("actual", summary.cost_per_adept_actual),
        },
    }


def _money(name: str, ore: int | None) -> dict[str, Any]:
    """``name`` in kronor (a JSON number) and ``name_ore`` exact, both null when unknown."""
    return {name: None if ore is None else ore / 100, f"{name}_ore": ore}


def _line_json(line: BudgetLineRow, counted: bool) -> dict[str, Any]:
    return {
        "id": line.id,
        "scope": line.scope,
        "round": line.round_name or None,
        "counted": counted,
        "kind": line.kind,
        "category": line.category,
        "description": line.description,
        **_money("planned", line.planned),
        **_money("actual", line.actual),
        "planned_hours": line.planned_hours,
        "actual_hours": line.actual_hours,
        **_money("rate", line.rate),
    }


def _totals_json(sums: Totals) -> dict[str, Any]:
    return {
        **_money("planned_cost", sums.planned_cost),
        **_money("planned_income", sums.planned_income),
        **_money("planned_balance", sums.planned_balance),
        **_money("actual_cost", sums.actual_cost),
        **_money("actual_income", sums.actual_income),
        **_money("actual_balance", sums.actual_balance),
    }


def as_text(view: Budget, summary: BudgetSummary) -> str:
    """The lines and the totals for a terminal, in the UI language."""
    from mentorapp.i18n import format_money
    from mentorapp.planning.budget_lines import category_label

    title = (
        _("Budget for {round}").format(round=view.round_name)
        if view.scope == "round"
        else _("Budget for the whole programme")
    )
    out = [title]
    if not view.lines and not view.others:
        out.append(_("No budget lines yet."))
    for line in (*view.lines, *view.others):
        where = line.round_name or _("whole programme")
        actual = format_money(line.actual) if line.actual is not None else "–"
        out.append(
            _("  {category} ({where}): {description} — planned {planned}, actual {actual}").format(
                category=category_label(line.category),
                where=where,
                description=line.description or "–",
                planned=format_money(line.planned),
                actual=actual,
            )
        )
    sums = summary.totals
    out.append(
        _("Costs: planned {planned}, actual {actual}").format(
            planned=format_money(sums.planned_cost), actual=_or_dash(sums.actual_cost)
        )
    )
    out.append(
        _("Income: planned {planned}, actual {actual}").format(
            planned=format_money(sums.planned_income), actual=_or_dash(sums.actual_income)
        )
    )
    out.append(
        _("Balance: planned {planned}, actual {actual}").format(
            planned=format_money(sums.planned_balance), actual=_or_dash(sums.actual_balance)
        )
    )
    out.append(_("Adepts placed: {count}").format(count=summary.placed))
    if summary.placed == 0:
        out.append(_("Cost per adept placed: nobody is placed yet."))
    else:
        out.append(
            _("Cost per adept placed: planned {planned}, actual {actual}").format(
                planned=_or_dash(summary.cost_per_adept_planned),
                actual=_or_dash(summary.cost_per_adept_actual),
            )
        )
    if summary.programme_lines is not None and view.others:
        other = summary.programme_lines
        out.append(
            _("Programme-wide lines, not counted above: costs {costs}, incomes {incomes}").format(
                costs=format_money(other.planned_cost), incomes=format_money(other.planned_income)
            )
        )
    return "\n".join(out)


def _or_dash(ore: int | None) -> str:
    from mentorapp.i18n import format_money

    return "–" if ore is None else format_money(ore)
