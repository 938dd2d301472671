"""Both catalogs are complete, up to date with the code, and keep every placeholder."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

ROOT = Path(__file__).resolve().parent.parent
PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def catalog(language: str):
    with (ROOT / "translations" / language / "LC_MESSAGES" / "mentorapp.po").open("rb") as f:
        return read_po(f, locale=language)


def strings(value) -> tuple[str, ...]:
    return value if isinstance(value, tuple) else (value,)


@pytest.mark.parametrize("language", ["sv", "en"])
def test_catalog_is_complete(language: str) -> None:
    problems = []
    for message in catalog(language):
        if not message.id:
            continue
        if message.fuzzy:
            problems.append(f"fuzzy: {message.id!r}")
        if not all(strings(message.string)):
            problems.append(f"untranslated: {message.id!r}")
        expected = set(PLACEHOLDER.findall("".join(strings(message.id))))
        plural = isinstance(message.id, tuple)
        for translated in strings(message.string):
            found = set(PLACEHOLDER.findall(translated))
            # A plural form may leave out the count ("Erase Åsa?"), but never invent one.
            wrong = not found <= expected if plural else found != expected
            if translated and wrong:
                problems.append(f"placeholders differ: {message.id!r} -> {translated!r}")
    assert not problems, "\n".join(problems)


def test_catalog_has_every_message_in_the_code(tmp_path: Path) -> None:
    template = tmp_path / "current.pot"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "babel.messages.frontend",
            "extract",
            "-F",
            str(ROOT / "translations" / "babel.cfg"),
            "-k",
            "_",
            "-k",
            "N_",
            "-k",
            "ngettext:1,2",
            "-o",
            str(template),
            str(ROOT / "mentorapp"),
        ],
        check=True,
        capture_output=True,
    )
    with template.open("rb") as f:
        in_code = {m.id if isinstance(m.id, str) else m.id[0] for m in read_po(f) if m.id}
    translated = {m.id if isinstance(m.id, str) else m.id[0] for m in catalog("sv") if m.id}
    missing = sorted(in_code - translated)
    assert not missing, f"run python packaging/update_translations.py: {missing[:5]}"


def test_swedish_is_really_swedish() -> None:
    from mentorapp import i18n

    i18n.set_language("sv")
    assert i18n._("&File") == "&Arkiv"
    assert i18n.format_date(__import__("datetime").date(2027, 3, 1), "long") == "1 mars 2027"
    assert i18n.format_number(1234.5) == "1\xa0234,5"


def test_no_translated_text_hides_inside_an_f_string() -> None:
    """Babel does not look inside f-strings, so a _("…") there would never be translated."""
    import ast

    hidden = []
    for path in (ROOT / "mentorapp").rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                for inner in ast.walk(node):
                    if (
                        isinstance(inner, ast.Call)
                        and isinstance(inner.func, ast.Name)
                        and inner.func.id in {"_", "ngettext"}
                        and inner.args
                        and isinstance(inner.args[0], ast.Constant)
                    ):
                        hidden.append(f"{path.relative_to(ROOT)}:{inner.lineno}")
    assert not hidden, "move these out of the f-string: " + ", ".join(hidden)


def _babel_catalog(path: Path) -> dict:
    import gettext
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with path.open("rb") as handle:
        catalog = read_po(handle)
    buffer = io.BytesIO()
    write_mo(buffer, catalog, use_fuzzy=False)
    buffer.seek(0)
    return {k: v for k, v in gettext.GNUTranslations(buffer)._catalog.items() if k != ""}


@pytest.mark.parametrize("language", ["sv", "en"])
def test_the_start_up_reader_reads_what_babel_reads(language: str) -> None:
    from mentorapp.paths import translations_dir
    from mentorapp.po_catalog import read_messages

    path = translations_dir() / language / "LC_MESSAGES" / "mentorapp.po"
    assert read_messages(path) == _babel_catalog(path)


def test_the_start_up_reader_handles_what_babel_can_write(tmp_path: Path) -> None:
    from mentorapp.po_catalog import PoTranslations, read_messages

    po = tmp_path / "x.po"
    po.write_text(
        'msgid ""\nmsgstr ""\n"Plural-Forms: nplurals=2; plural=(n != 1);\\n"\n\n'
        '#: a.py:1\nmsgid "Tab\\there \\"quoted\\""\nmsgstr ""\n"Flik\\t"\n"här \\"citat\\"\\n"\n\n'
        '#, fuzzy\nmsgid "Unsure"\nmsgstr "Osäker"\n\n'
        'msgid "Empty"\nmsgstr ""\n\n'
        'msgctxt "menu"\nmsgid "Open"\nmsgstr "Öppna"\n\n'
        'msgid "{n} pair"\nmsgid_plural "{n} pairs"\nmsgstr[0] "{n} par"\nmsgstr[1] "{n} par!"\n',
        encoding="utf-8",
    )
    assert read_messages(po) == _babel_catalog(po)
    translations = PoTranslations(po)
    assert translations.gettext('Tab\there "quoted"') == 'Flik\thär "citat"\n'
    assert translations.gettext("Unsure") == "Unsure"  # fuzzy: left out
    assert translations.pgettext("menu", "Open") == "Öppna"
    assert translations.ngettext("{n} pair", "{n} pairs", 2) == "{n} par!"


def test_a_document_speaks_its_language_in_its_own_thread_only() -> None:
    import threading

    from mentorapp.i18n import _, current_language, format_date, set_language, speaking

    set_language("en")
    seen: dict[str, str] = {}
    inside = threading.Event()
    leave = threading.Event()

    def other_thread() -> None:
        inside.wait(5)
        seen["other"] = _("Cancel")
        leave.set()

    worker = threading.Thread(target=other_thread)
    worker.start()
    from datetime import date

    with speaking("sv"):
        seen["here"] = _("Cancel")
        seen["date"] = format_date(date(2027, 2, 3))
        assert current_language() == "sv"
        inside.set()
        leave.wait(5)
    worker.join()
    assert seen == {"here": "Avbryt", "other": "Cancel", "date": "3 feb. 2027"}
    assert current_language() == "en" and _("Cancel") == "Cancel"
