"""Short participant codes for paper survey forms, e.g. ``"K7Q-4Z"``.

A form filled in on paper, or a web form answered without an e-mail address, is matched to
its enrolment by the code printed on it. The code is the enrolment id in Crockford's base 32
(no I, L, O or U, so nothing is read as 1 or 0 by mistake) and two check characters. The
check is a weighted sum of the id's digits modulo the prime 1021, with weights and an offset
drawn from an HMAC-SHA256 of the programme's secret: every single mistyped character and
every swap of two id characters is caught for certain, and a code from another programme,
or a made-up one, passes only about once in a thousand.

A code is for matching forms, not a password: someone who sees several codes could work out
others.
"""

from __future__ import annotations

import hashlib
import hmac
from functools import lru_cache

__all__ = ["ALPHABET", "read_code", "survey_code"]

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford's base 32
_VALUE = {char: index for index, char in enumerate(ALPHABET)}
_VALUE.update({"O": 0, "I": 1, "L": 1})  # what people write for 0 and 1
_IGNORED = " -–—_.\t"
PRIME = 1021  # the largest prime below 32 × 32, so the check fits two characters
MIN_DIGITS = 3  # ids below 32 768 have three characters before the check
MAX_DIGITS = 12


@lru_cache(maxsize=64)
def _key(secret: str) -> tuple[tuple[int, ...], int]:
    """The weights (distinct, not zero modulo PRIME) and the offset for one secret."""
    digest = hmac.new(secret.encode("utf-8"), b"mentorapp survey code", hashlib.sha256).digest()
    offset = int.from_bytes(digest[:4], "big") % PRIME
    base = int.from_bytes(digest[4:8], "big") % (PRIME - 2) + 2
    while any(pow(base, power, PRIME) == 1 for power in range(1, MAX_DIGITS + 1)):
        base = base % (PRIME - 2) + 2  # powers must not repeat within MAX_DIGITS
    weights = tuple(pow(base, position + 1, PRIME) for position in range(MAX_DIGITS))
    return weights, offset


def _check(secret: str, digits: list[int]) -> int:
    weights, offset = _key(secret)
    # weights from the right, so leading zeros do not change the check
    total = sum(w * d for w, d in zip(weights, reversed(digits), strict=False))
    return (total + offset) % PRIME


def _digits(number: int) -> list[int]:
    digits = []
    while number:
        number, digit = divmod(number, 32)
        digits.append(digit)
    digits.extend([0] * (MIN_DIGITS - len(digits)))
    return digits[::-1]


def survey_code(secret: str, enrolment_id: int) -> str:
    """The code printed on ``enrolment_id``'s forms in the programme with ``secret``."""
    if enrolment_id < 1 or enrolment_id >= 32**MAX_DIGITS:
        raise ValueError(f"no survey code for the id {enrolment_id}")
    digits = _digits(enrolment_id)
    check = _check(secret, digits)
    body = "".join(ALPHABET[d] for d in digits)
    return f"{body}-{ALPHABET[check // 32]}{ALPHABET[check % 32]}"


def read_code(secret: str, text: str) -> int | None:
    """The enrolment id a typed code stands for, or None if it is not a valid code.

    Case, spaces and hyphens do not matter, and O/I/L are read as 0/1.
    """
    chars = [c for c in str(text).upper() if c not in _IGNORED]
    if not 1 <= len(chars) - 2 <= MAX_DIGITS or any(c not in _VALUE for c in chars):
        return None
    values = [_VALUE[c] for c in chars]
    digits, check = values[:-2], values[-2] * 32 + values[-1]
    number = 0
    for digit in digits:
        number = number * 32 + digit
    if number < 1 or _check(secret, digits) != check:
        return None
    return number
