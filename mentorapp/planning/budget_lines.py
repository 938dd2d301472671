"""A programme's budget as values: the categories of cost and income, amounts typed the way
people write them, and the totals and cost per adept placed that follow from the lines.

Amounts are whole öre (``int``), so every sum is exact; kronor appear only when an amount
is shown or written to a file. Coordinator hours carry hours and a rate (öre per hour), and
their amounts are hours × rate, rounded to the öre.

How programme-wide lines (``cohort_id`` empty) count:

- *A round's budget* counts the round's own lines only: its totals, its balance and its cost
  per adept placed (over the adepts placed in that round). The programme-wide lines are
  shown beside it with their own subtotal, and are not shared out over the rounds, since no
  split (per round, per adept, per month) would be right for every programme.
- *The whole programme's budget* counts every line: the programme-wide lines and the lines of
  every round, over the adepts placed in all rounds.

Each line is edited in one place only: a round's lines in the round's view, the
programme-wide lines in the whole programme's view.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import ROUND_HALF_UP, Decimal

from mentorapp.errors import ValidationError
from mentorapp.i18n import N_, _, current_language, format_money, format_number

COST = "cost"
INCOME = "income"
KINDS = (COST, INCOME)
COORDINATOR_HOURS = "coordinator_hours"

MAX_ORE = 100_000_000 * 100  # 100 million kronor: far above any programme, below any overflow
MAX_HOURS = 10_000.0  # about five years of full-time work
MAX_DESCRIPTION = 300


@dataclass(frozen=True)
class Category:
    key: str
    kind: str  # COST or INCOME
    label_msgid: str

    @property
    def label(self) -> str:
        return _(self.label_msgid)


CATEGORIES: tuple[Category, ...] = (
    Category("venue", COST, N_("Venue")),
    Category("food", COST, N_("Food for gatherings")),
    Category("printing", COST, N_("Printing")),
    Category("materials", COST, N_("Materials")),
    Category(COORDINATOR_HOURS, COST, N_("Coordinator hours")),
    Category("travel", COST, N_("Travel")),
    Category("other", COST, N_("Other costs")),
    Category("own_cofinancing", INCOME, N_("Own co-financing")),
    Category("grant", INCOME, N_("External grant")),
    Category("other_income", INCOME, N_("Other income")),
)
CATEGORY_KEYS = tuple(category.key for category in CATEGORIES)
_BY_KEY = {category.key: category for category in CATEGORIES}
KIND_LABELS = {COST: N_("Cost"), INCOME: N_("Income")}


def category(key: str) -> Category | None:
    return _BY_KEY.get(key)


def category_label(key: str) -> str:
    """The category as the user reads it (a key Mentorapp does not know, as stored)."""
    found = _BY_KEY.get(key)
    return found.label if found else key


def kind_of(key: str) -> str:
    """A category is either a cost or an income; the line's kind follows from it."""
    found = _BY_KEY.get(key)
    return found.kind if found else COST


def kind_label(kind: str) -> str:
    label = KIND_LABELS.get(kind)
    return _(label) if label else kind


# ---------------------------------------------------------------------------------------------
# Amounts and hours as typed


_SPACES = re.compile(r"[\s\u00a0\u202f\u2009\u2007']+")
_CURRENCY = re.compile(r"(?i)(?:/\s*(?:h|tim|timme|timmen|hour)\b)|sek|kronor|kr\.?|:-")
_HOUR_WORDS = re.compile(r"(?i)timmar|timme|tim|hours|hour|hrs|h")
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})


def parse_amount(text: str, field: str = "amount", language: str | None = None) -> int | None:
    """An amount in kronor as people type it, in öre; ``None`` for an empty cell.

    Swedish and English ways both work: "12 500", "12 500,50", "12,500.50", "12500 kr",
    "SEK 12,500.00", "12 500:-". With both "," and "." the last one is the decimal sign; a lone
    separator followed by exactly three digits ("12,500") means thousands in English, while
    in Swedish, where "," is the decimal sign, it is refused as ambiguous rather than guessed.
    """
    raw = text.strip()
    if not raw:
        return None
    cleaned = _CURRENCY.sub(" ", raw.translate(_MINUS))
    cleaned = _SPACES.sub(" ", cleaned).strip()
    if cleaned.startswith("+"):
        cleaned = cleaned[1:].lstrip()
    if cleaned.startswith("-") or cleaned.endswith("-"):
        if _digits_only(cleaned.strip("- ")):
            raise ValidationError(
                N_(
                    "An amount cannot be negative (“{text}”). Money that comes in belongs on an "
                    "income line."
                ),
                field,
                text=raw,
            )
        raise _not_an_amount(raw, field)
    if not _digits_only(cleaned):
        raise _not_an_amount(raw, field)
    whole, fraction = _split_decimal(cleaned, raw, field, language or current_language())
    if len(fraction) > 2:
        raise ValidationError(
            N_(
                "“{text}” has more than two decimals. Amounts are kept in kronor and öre, like "
                "{example}."
            ),
            field,
            text=raw,
            example=format_money(1_250_050),
        )
    ore = int(whole) * 100 + int(fraction.ljust(2, "0"))
    if ore > MAX_ORE:
        raise ValidationError(
            N_(
                "“{text}” is more than {limit}, the largest amount Mentorapp keeps. Check the "
                "number of zeros."
            ),
            field,
            text=raw,
            limit=format_money(MAX_ORE),
        )
    return ore


def _digits_only(text: str) -> bool:
    return bool(text) and any(c.isdigit() for c in text) and all(c in "0123456789 ,." for c in text)


def _split_decimal(text: str, raw: str, field: str, language: str) -> tuple[str, str]:
    """(whole kronor as digits, öre digits) once the decimal sign is known."""
    commas, points = text.count(","), text.count(".")
    decimal: str | None = None
    if commas and points:
        decimal = "," if text.rfind(",") > text.rfind(".") else "."
    elif commas == 1 or points == 1:
        sign = "," if commas else "."
        after = text.rsplit(sign, 1)[1]
        if len(after) == 3 and after.isdigit():
            if language == "sv" and after.endswith("0"):
                before = text.rsplit(sign, 1)[0].replace(" ", "")
                if not before.isdigit():
                    raise _not_an_amount(raw, field)
                as_decimals = Decimal(f"{before}.{after}") * 100
                raise ValidationError(
                    N_(
                        "“{text}” could mean {thousands} or {decimals}. Write it without the "
                        "separator, or with two decimals."
                    ),
                    field,
                    text=raw,
                    thousands=format_money(int(before + after) * 100),
                    decimals=format_money(int(as_decimals.quantize(Decimal(1), ROUND_HALF_UP))),
                )
            # English "12,500" is thousands; a Swedish "12,505" is three decimals, refused below.
            decimal = None if sign == "," and language != "sv" else sign
        else:
            decimal = sign
    whole, _sep, fraction = text.rpartition(decimal) if decimal else (text, "", "")
    if decimal and text.count(decimal) > 1:
        raise _not_an_amount(raw, field)
    if fraction and not fraction.isdigit():
        raise _not_an_amount(raw, field)
    grouping = {" ", ",", "."} - {decimal}
    whole = whole.strip()
    groups = re.split("[" + re.escape("".join(sorted(grouping))) + "]", whole) if whole else ["0"]
    if not all(group.isdigit() for group in groups):
        raise _not_an_amount(raw, field)
    if len(groups) > 1 and (len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])):
        raise _not_an_amount(raw, field)
    return "".join(groups), fraction


def _not_an_amount(text: str, field: str) -> ValidationError:
    return ValidationError(
        N_("“{text}” is not an amount in kronor. Write it like {example}."),
        field,
        text=text,
        example=format_money(1_250_050),
    )


def parse_hours(text: str, field: str = "hours") -> float | None:
    """A number of hours ("200", "12,5", "12.5 h"); ``None`` for an empty cell."""
    raw = text.strip()
    if not raw:
        return None
    # The hour word may only end the number ("12,5 h"): "12 h 30" is not 1230 hours.
    text_part = raw.translate(_MINUS).replace("\u00a0", " ")
    cleaned = re.sub(r"(?<=\d) (?=\d{3}\b)", "", _HOUR_WORDS.sub(" ", text_part).strip())
    cleaned = cleaned.strip()
    if cleaned.startswith("-") and re.fullmatch(r"-\d+(?:[.,]\d+)?", cleaned):
        raise ValidationError(
            N_("A number of hours cannot be negative (“{text}”)."), field, text=raw
        )
    if not re.fullmatch(r"\d+(?:[.,]\d{1,2})?", cleaned):
        raise ValidationError(
            N_("“{text}” is not a number of hours. Write it like {example}."),
            field,
            text=raw,
            example=format_number(12.5),
        )
    hours = float(cleaned.replace(",", "."))
    if hours > MAX_HOURS:
        raise ValidationError(
            N_("“{text}” hours is more than {limit}, the most Mentorapp keeps for one line."),
            field,
            text=raw,
            limit=format_number(MAX_HOURS),
        )
    return hours


def hours_amount(hours: float, rate: int) -> int:
    """Hours × rate (öre per hour), rounded to the nearest öre (half up)."""
    exact = Decimal(str(hours)) * Decimal(rate)
    return int(exact.quantize(Decimal(1), rounding=ROUND_HALF_UP))


def format_hours(hours: float | None) -> str:
    return "" if hours is None else format_number(hours)


# ---------------------------------------------------------------------------------------------
# Lines


@dataclass(frozen=True)
class BudgetDraft:
    """What the coordinator gives for one line; ``settle`` makes it consistent."""

    category: str
    description: str = ""
    planned: int = 0
    actual: int | None = None
    planned_hours: float | None = None
    actual_hours: float | None = None
    rate: int | None = None  # öre per hour


def settle(draft: BudgetDraft) -> BudgetDraft:
    """The draft checked, with coordinator hours' amounts computed from hours × rate (where
    hours and a rate are given) and hours and rate dropped for every other category."""
    if draft.category not in _BY_KEY:
        raise ValidationError(
            N_("“{category}” is not a budget category Mentorapp knows."),
            "category",
            category=draft.category,
        )
    description = " ".join(draft.description.split())
    if len(description) > MAX_DESCRIPTION:
        raise ValidationError(
            N_("Please keep the description under {limit} characters."),
            "description",
            limit=MAX_DESCRIPTION,
        )
    for field, value in (
        ("planned", draft.planned),
        ("actual", draft.actual),
        ("rate", draft.rate),
    ):
        if value is not None and not 0 <= value <= MAX_ORE:
            raise ValidationError(
                N_("An amount must be between {low} and {high}."),
                field,
                low=format_money(0),
                high=format_money(MAX_ORE),
            )
    for field, hours in (
        ("planned_hours", draft.planned_hours),
        ("actual_hours", draft.actual_hours),
    ):
        if hours is not None and not 0 <= hours <= MAX_HOURS:
            raise ValidationError(
                N_("A number of hours must be between 0 and {limit}."),
                field,
                limit=format_number(MAX_HOURS),
            )
    if draft.category != COORDINATOR_HOURS:
        return replace(
            draft, description=description, planned_hours=None, actual_hours=None, rate=None
        )
    planned, actual = draft.planned, draft.actual
    if draft.rate is not None:
        if draft.planned_hours is not None:
            planned = _checked_product(draft.planned_hours, draft.rate, "planned_hours")
        if draft.actual_hours is not None:
            actual = _checked_product(draft.actual_hours, draft.rate, "actual_hours")
    return replace(draft, description=description, planned=planned, actual=actual)


def _checked_product(hours: float, rate: int, field: str) -> int:
    amount = hours_amount(hours, rate)
    if amount > MAX_ORE:
        raise ValidationError(
            N_("The hours times the rate come to more than {limit}. Check the rate and the hours."),
            field,
            limit=format_money(MAX_ORE),
        )
    return amount


@dataclass(frozen=True)
class BudgetLineRow:
    """One stored line, for the views; ``round_name`` is "" for a programme-wide line."""

    id: int
    cohort_id: int | None
    kind: str
    category: str
    description: str
    position: int
    planned: int
    actual: int | None
    planned_hours: float | None = None
    actual_hours: float | None = None
    rate: int | None = None
    round_name: str = ""

    @property
    def scope(self) -> str:
        """ "programme" for a programme-wide line, "round" for one round's."""
        return "programme" if self.cohort_id is None else "round"

    @property
    def computed(self) -> bool:
        """Whether the planned amount follows from hours × rate (and is not typed)."""
        return (
            self.category == COORDINATOR_HOURS
            and self.rate is not None
            and self.planned_hours is not None
        )

    def draft(self) -> BudgetDraft:
        return BudgetDraft(
            self.category,
            self.description,
            self.planned,
            self.actual,
            self.planned_hours,
            self.actual_hours,
            self.rate,
        )

    def with_draft(self, draft: BudgetDraft) -> BudgetLineRow:
        """This line as it would be stored with ``draft`` (already settled)."""
        return replace(
            self,
            kind=kind_of(draft.category),
            category=draft.category,
            description=draft.description,
            planned=draft.planned,
            actual=draft.actual,
            planned_hours=draft.planned_hours,
            actual_hours=draft.actual_hours,
            rate=draft.rate,
        )


@dataclass(frozen=True)
class Totals:
    """Sums in öre. An actual total is ``None`` while no line of its kind has an actual amount:
    "nothing entered yet" is not the same as "nothing spent"."""

    planned_cost: int = 0
    planned_income: int = 0
    actual_cost: int | None = None
    actual_income: int | None = None

    @property
    def planned_balance(self) -> int:
        """Income − cost: negative when the plan costs more than it brings in."""
        return self.planned_income - self.planned_cost

    @property
    def actual_balance(self) -> int | None:
        if self.actual_cost is None and self.actual_income is None:
            return None
        return (self.actual_income or 0) - (self.actual_cost or 0)


def totals(lines: Sequence[BudgetLineRow]) -> Totals:
    def actual(kind: str) -> int | None:
        known = [line.actual for line in lines if line.kind == kind and line.actual is not None]
        return sum(known) if known else None

    return Totals(
        planned_cost=sum(line.planned for line in lines if line.kind == COST),
        planned_income=sum(line.planned for line in lines if line.kind == INCOME),
        actual_cost=actual(COST),
        actual_income=actual(INCOME),
    )


def cost_per_adept(cost: int | None, placed: int) -> int | None:
    """Cost ÷ adepts placed, rounded to the öre (half up); ``None`` when nobody is placed (or
    no cost is known), never a division by zero."""
    if cost is None or placed <= 0:
        return None
    whole, rest = divmod(cost, placed)
    return whole + (1 if 2 * rest >= placed else 0)


@dataclass(frozen=True)
class BudgetSummary:
    scope: str  # "round" or "programme"
    totals: Totals  # of the lines that count (see the module's docstring)
    placed: int  # adepts in accepted groups: of the round, or of every round
    cost_per_adept_planned: int | None
    cost_per_adept_actual: int | None
    # A round's view: the programme-wide lines' own subtotal, shown beside, not counted.
    programme_lines: Totals | None = None


@dataclass(frozen=True)
class Budget:
    """What a budget view shows: the lines edited in it (``lines``) and the others it needs.

    ``others``: for a round, the programme-wide lines (shown separately, not counted); for the
    whole programme, every round's lines (counted, edited in each round's view).
    """

    scope: str  # "round" or "programme"
    programme_name: str
    round_name: str  # "" for the whole programme
    cohort_id: int | None
    lines: tuple[BudgetLineRow, ...]
    others: tuple[BudgetLineRow, ...]
    placed: int

    def summary(self, changed: BudgetLineRow | None = None) -> BudgetSummary:
        """The totals, with ``changed`` in place of the line of the same id (a preview while
        the coordinator types)."""
        lines = [
            changed if changed is not None and line.id == changed.id else line
            for line in self.lines
        ]
        if self.scope == "round":
            counted, shown_beside = lines, totals(self.others)
        else:
            counted, shown_beside = [*lines, *self.others], None
        sums = totals(counted)
        return BudgetSummary(
            scope=self.scope,
            totals=sums,
            placed=self.placed,
            cost_per_adept_planned=cost_per_adept(sums.planned_cost, self.placed),
            cost_per_adept_actual=cost_per_adept(sums.actual_cost, self.placed),
            programme_lines=shown_beside,
        )
