"""The uncertainty of a share, and of the difference of two shares (standard library only).

A round has twenty adepts, not twenty thousand: "45 %" alone would mislead a funder, so every
share is shown with its Wilson score interval, which stays inside 0–1 and behaves at 0 of n
and n of n where the textbook ±1.96·SE interval does not. Two rounds are compared with
Newcombe's hybrid score interval (method 10 in Newcombe 1998, Stat Med 17:873–890), built
from the two Wilson intervals, so a small round is not made to look different by chance.
"""

from __future__ import annotations

import math

from mentorapp.impact.report_model import Interval

Z95 = 1.96  # the normal quantile of a two-sided 95 % interval, as published tables use it


def wilson(x: int, n: int, z: float = Z95) -> Interval | None:
    """The Wilson score interval of ``x`` of ``n``; None when nobody answered (n = 0)."""
    if n <= 0:
        return None
    if not 0 <= x <= n:
        raise ValueError(f"{x} of {n} is not a share")
    p = x / n
    z2 = z * z
    denominator = 1 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    # At 0 of n (and n of n) the formula gives 0 (1) exactly in real numbers; say so exactly.
    low = 0.0 if x == 0 else max(0.0, centre - half)
    high = 1.0 if x == n else min(1.0, centre + half)
    return Interval(low, high)


def newcombe_difference(x1: int, n1: int, x2: int, n2: int, z: float = Z95) -> Interval | None:
    """Newcombe's hybrid score interval for x1/n1 − x2/n2; None when either side is empty."""
    first = wilson(x1, n1, z)
    second = wilson(x2, n2, z)
    if first is None or second is None:
        return None
    p1, p2 = x1 / n1, x2 / n2
    difference = p1 - p2
    low = difference - math.sqrt((p1 - first.low) ** 2 + (second.high - p2) ** 2)
    high = difference + math.sqrt((first.high - p1) ** 2 + (p2 - second.low) ** 2)
    return Interval(max(-1.0, low), min(1.0, high))
