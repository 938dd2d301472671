"""Refresh the gettext catalogs after changing user-visible strings.

Run ``python packaging/update_translations.py`` from the repository root. It extracts
``translations/mentorapp.pot`` from the code, merges it into every language's ``.po`` file,
fills the English catalog with the source text (English is the source language), and lists
the Swedish messages that still need a translation. The test suite fails until none do.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from babel.messages.pofile import read_po, write_po

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from mentorapp.i18n import LANGUAGES  # noqa: E402  (the UI languages: a new row gets a catalog)

TRANSLATIONS = ROOT / "translations"
TEMPLATE = TRANSLATIONS / "mentorapp.pot"


def pybabel(*args: str) -> None:
    subprocess.run([sys.executable, "-m", "babel.messages.frontend", *args], check=True, cwd=ROOT)


def main() -> int:
    pybabel(
        "extract",
        "-F",
        str(TRANSLATIONS / "babel.cfg"),
        "-k",
        "_",
        "-k",
        "N_",
        "-k",
        "ngettext:1,2",
        "--no-wrap",
        "--sort-by-file",
        "--project",
        "Mentorapp",
        "--copyright-holder",
        "The Mentorapp developers",
        "-o",
        str(TEMPLATE),
        "mentorapp",
    )
    for language in LANGUAGES:
        po = TRANSLATIONS / language / "LC_MESSAGES" / "mentorapp.po"
        action = "update" if po.exists() else "init"
        pybabel(
            action,
            "-D",
            "mentorapp",
            "-i",
            str(TEMPLATE),
            "-d",
            str(TRANSLATIONS),
            "-l",
            language,
            "--no-wrap",
            *(("--ignore-obsolete",) if action == "update" else ()),
        )
    english = TRANSLATIONS / "en" / "LC_MESSAGES" / "mentorapp.po"
    with english.open("rb") as handle:
        catalog = read_po(handle, locale="en")
    for message in catalog:
        if message.id and message.fuzzy:
            message.flags.discard("fuzzy")
        if message.id and isinstance(message.id, tuple):
            message.string = tuple(message.id)
        elif message.id:
            message.string = message.id
    with english.open("wb") as handle:
        write_po(handle, catalog, width=0)
    swedish = TRANSLATIONS / "sv" / "LC_MESSAGES" / "mentorapp.po"
    with swedish.open("rb") as handle:
        catalog = read_po(handle, locale="sv")
    todo = [m.id for m in catalog if m.id and (m.fuzzy or not all(_strings(m.string)))]
    for message_id in todo:
        print(f"needs Swedish: {message_id!r}")
    print(f"{len(todo)} Swedish messages need work")
    return 0


def _strings(value: str | tuple[str, ...]) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


if __name__ == "__main__":
    raise SystemExit(main())
