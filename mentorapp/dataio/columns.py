"""Which column of a file holds which participant field.

Headers come from whatever form tool the coordinator used, so they are compared loosely
(case, spaces, a trailing ``*`` or ``:``). A mapping the coordinator chose earlier is
remembered by normalised header and wins over the built-in names.
"""

from __future__ import annotations

from mentorapp.people.fields import FIELD_BY_KEY, FIELDS

_DASHES = str.maketrans({c: "-" for c in "\u2010\u2011\u2012\u2013\u2212"})


def normalise_header(text: str) -> str:
    """The form of a header used for comparing: "  E-post * " → "e-post"."""
    value = " ".join(text.replace("\ufeff", "").translate(_DASHES).split()).casefold()
    return value.rstrip(" *:").strip()


_BUILT_IN: dict[str, str] = {
    normalise_header(header): spec.key for spec in FIELDS for header in spec.headers
}


def auto_map(headers: list[str], remembered: dict[str, str] | None = None) -> list[str | None]:
    """A field key (or None = ignored) per column; each field is used for one column at most."""
    remembered = remembered or {}
    used: set[str] = set()
    mapping: list[str | None] = []
    for header in headers:
        name = normalise_header(header)
        key: str | None
        if name in remembered and (remembered[name] == "" or remembered[name] in FIELD_BY_KEY):
            key = remembered[name] or None
        else:
            key = _BUILT_IN.get(name)
        if key is not None and key in used:
            key = None
        if key is not None:
            used.add(key)
        mapping.append(key)
    return mapping


def missing_required(mapping: list[str | None], role: str) -> list[str]:
    """Required field keys of ``role`` that no column provides, in the format's order."""
    present = set(mapping)
    return [
        spec.key
        for spec in FIELDS
        if spec.required and role in spec.roles and spec.key not in present
    ]
