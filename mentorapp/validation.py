"""Small checks shared by every service that takes input from a person."""

from __future__ import annotations

import re

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def normalise_email(value: str) -> str:
    """E-mail addresses are compared case-insensitively, so they are stored in lower case."""
    return value.strip().lower()


def fold(value: str) -> str:
    """A case-folded, trimmed copy for comparisons that must ignore case for every letter."""
    return value.strip().casefold()
