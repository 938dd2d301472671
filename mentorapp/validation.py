"""Small checks shared by every service that takes input from a person."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def fold(value: str) -> str:
    """A case-folded, trimmed copy for comparisons that must ignore case for every letter."""
    return value.strip().casefold()
