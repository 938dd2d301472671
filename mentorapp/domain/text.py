"""Text as people type it: e-mail addresses, invisible characters, and comparing words."""

from __future__ import annotations

import re
import unicodedata

_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]{2,}$")
# Zero-width joiners are part of the spelling in Persian and Indic names (and emoji) when
# they sit between two visible characters; anywhere else they, like every other format
# character, are an invisible leftover of copying and pasting.
_JOINERS = frozenset("\u200c\u200d")


def is_email(value: str) -> bool:
    return bool(_EMAIL.match(value.strip()))


def normalise_email(raw: str) -> str:
    """The one form an e-mail address is stored and compared in: composed (NFC), without
    invisible format characters (zero-width spaces, BOMs, soft hyphens, direction marks),
    trimmed and in lower case, so a pasted address never makes a second person."""
    if raw.isascii():  # the usual case, and the one a lookup over every person meets
        return raw.strip().lower()
    value = unicodedata.normalize("NFC", raw)
    value = "".join(c for c in value if unicodedata.category(c) != "Cf")
    return value.strip().lower()


def clean_text(raw: str) -> str:
    """Typed or imported text, composed (NFC) and trimmed, without invisible format
    characters, except a zero-width (non-)joiner between two visible characters."""
    value = unicodedata.normalize("NFC", raw)
    if not any(unicodedata.category(c) == "Cf" for c in value):
        return value.strip()
    kept = [c for c in value if c in _JOINERS or unicodedata.category(c) != "Cf"]
    out = []
    for index, char in enumerate(kept):
        if char in _JOINERS and not (
            0 < index < len(kept) - 1 and _visible(kept[index - 1]) and _visible(kept[index + 1])
        ):
            continue
        out.append(char)
    return "".join(out).strip()


def _visible(char: str) -> bool:
    return not char.isspace() and char not in _JOINERS


def fold_words(text: str) -> str:
    """Text as people type it, in any case and spacing: "Kodverket  ab " = "Kodverket AB"."""
    return " ".join(text.split()).casefold()


def fold(value: str) -> str:
    """A case-folded, trimmed copy for comparisons that must ignore case for every letter."""
    return value.strip().casefold()


def fold_label(text: str) -> str:
    """A label as compared: case, spacing, dashes and apostrophes do not matter."""
    text = unicodedata.normalize("NFKC", text).casefold()
    text = re.sub(r"[\u2010-\u2015\u2212]", "-", text)
    text = text.replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.replace(" - ", "-").split()).strip(" .")
