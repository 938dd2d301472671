"""Read a gettext ``.po`` catalog straight into a live translation, without Babel.

The window's texts need the catalog before anything is shown, and Babel's reader spent about
a tenth of a second of every start parsing it (then writing a ``.mo`` in memory only for
``gettext`` to parse that). The catalogs are ours, written by Babel, so this reader handles
what Babel writes: comments and flags, ``msgctxt``, continued strings, plurals, escapes.
Fuzzy and untranslated messages are left out, as ``gettext`` does with a compiled file.
``tests/test_translations.py`` checks that it reads exactly what Babel reads.
"""

from __future__ import annotations

import gettext
import re
from pathlib import Path

_ESCAPES = {
    "n": "\n",
    "t": "\t",
    "r": "\r",
    '"': '"',
    "\\": "\\",
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "v": "\v",
}
_ESCAPE = re.compile(r"\\(.)")
_KEYWORD = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr(?:\[(\d+)\])?)\s+(\".*\")\s*$")


def _unquote(quoted: str) -> str:
    return _ESCAPE.sub(lambda m: _ESCAPES.get(m.group(1), m.group(1)), quoted[1:-1])


def read_messages(path: Path) -> dict[str | tuple[str, int], str]:
    """msgid (with ``context\\x04`` before it, as gettext keys them) → translation; a plural's
    forms under (msgid, n). The header is left out."""
    messages: dict[str | tuple[str, int], str] = {}
    entry: dict[str, str] = {}
    fuzzy = False
    current = ""

    def finish() -> None:
        nonlocal fuzzy
        msgid = entry.get("msgid")
        if msgid and not fuzzy:
            key = entry["msgctxt"] + "\x04" + msgid if "msgctxt" in entry else msgid
            if "msgid_plural" in entry:
                forms = sorted(k for k in entry if k.startswith("msgstr["))
                if forms and all(entry[k] for k in forms):
                    for name in forms:
                        messages[(key, int(name[7:-1]))] = entry[name]
            elif entry.get("msgstr"):
                messages[key] = entry["msgstr"]
        entry.clear()
        fuzzy = False

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            if current:  # a comment starts the next entry
                finish()
                current = ""
            if line.startswith("#,") and "fuzzy" in line:
                fuzzy = True
            continue
        if line.startswith('"'):
            entry[current] = entry.get(current, "") + _unquote(line)
            continue
        match = _KEYWORD.match(line)
        if match is None:
            raise ValueError(f"{path}: cannot read the line {raw!r}")
        keyword, _index, quoted = match.groups()
        if keyword in ("msgctxt", "msgid") and current.startswith("msgstr"):
            finish()  # the next entry, with no comment between
        current = keyword
        entry[current] = _unquote(quoted)
    finish()
    return messages


class PoTranslations(gettext.GNUTranslations):
    """A GNUTranslations filled from a ``.po`` file (Swedish and English: two plural forms)."""

    def __init__(self, path: Path) -> None:
        super().__init__()  # no file: nothing for gettext to parse
        self._catalog = read_messages(path)
        self._charset = "utf-8"
        self.plural = lambda n: int(n != 1)
