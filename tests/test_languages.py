"""One table of languages: each row is read by everything that depends on a language.

The pseudo-language test adds German as a UI language the way a contributor would: a catalog,
a guide and a workbook text, a name in a code list, and one row in ``domain.languages``. The
files live in a temporary copy of the data folder, so nothing in the checkout changes.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from babel import Locale
from pypdf import PdfReader

from mentorapp import i18n, paths
from mentorapp.cli import main
from mentorapp.documents import workbook_content
from mentorapp.documents.text import long_date
from mentorapp.domain import codes, languages
from mentorapp.domain.languages import Language
from mentorapp.errors import ValidationError
from mentorapp.guide.content import load_guide
from mentorapp.guide.stages import STAGES
from mentorapp.i18n import LANGUAGES, _, format_date, format_number, set_language
from mentorapp.matching.rules import LANGUAGE_ORDER
from mentorapp.people import eligibility
from mentorapp.people.collation import sort_key
from mentorapp.people.fields import LANGUAGE_CODES, FieldError, parse_languages
from mentorapp.programme.rules import ProgrammeDraft, validate_programme
from mentorapp.workspace.services import Services
from tests.documents.helpers import NAMES, add_group, make_round

ROOT = Path(__file__).resolve().parent.parent

GERMAN = Language(
    code="de",
    native_name="Deutsch",
    name="German",
    babel_locale="de_DE",
    qt_locale="de_DE",
    qt_catalog="qtbase_de",
    sorts_as=(("ä", "ae"), ("ö", "oe"), ("ü", "ue")),  # the phone book's order (DIN 5007-2)
    words=("deutsch", "german", "tyska"),
)
GERMAN_PO = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: de\\n"

msgid "&File"
msgstr "&Datei"

msgid "Swedish"
msgstr "Schwedisch"
"""
GERMAN_PURPOSE = "Hier legen Sie fest, warum es ein Mentoring-Programm braucht."
GERMAN_TITLE = "Arbeitsbuch für Mentoring-Paare"
GERMAN_FIELD = "Pädagogik und Lehrerbildung"


def _clear_caches() -> None:
    for cached in (
        i18n.load_catalog,
        load_guide,
        workbook_content.load_content,
        codes.education_fields,
        codes.industries,
        codes._education_index,
        codes._industry_index,
        eligibility.builtin_texts,
    ):
        cached.cache_clear()


@pytest.fixture
def german(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Language]:
    """German as a third UI language: its files beside copies of the real ones, and its row
    added to the table."""
    real = paths._data_root()
    data = tmp_path / "data"
    resources = data / "resources"
    resources.mkdir(parents=True)
    for folder in (real / "resources").iterdir():
        if folder.name in ("guide", "workbook", "codes"):
            shutil.copytree(folder, resources / folder.name)
        else:
            (resources / folder.name).symlink_to(folder)
    guide = (resources / "guide" / "en.toml").read_text(encoding="utf-8")
    first_purpose = guide.split('purpose = """', 1)[1].split('"""', 1)[0]
    (resources / "guide" / "de.toml").write_text(
        guide.replace(first_purpose, GERMAN_PURPOSE, 1), encoding="utf-8"
    )
    workbook = (resources / "workbook" / "en.toml").read_text(encoding="utf-8")
    workbook = workbook.replace('language = "en"', 'language = "de"', 1)
    workbook = workbook.replace(
        'title = "Workbook for mentoring pairs"', f'title = "{GERMAN_TITLE}"'
    )
    (resources / "workbook" / "de.toml").write_text(workbook, encoding="utf-8")
    sun = resources / "codes" / "sun2020.toml"
    text = sun.read_text(encoding="utf-8")
    sun.write_text(text.replace('code = "1"\n', f'code = "1"\nde = "{GERMAN_FIELD}"\n'), "utf-8")
    translations = data / "translations"
    translations.mkdir()
    for folder in paths.translations_dir().iterdir():
        if folder.is_dir():
            (translations / folder.name).symlink_to(folder)
    catalog = translations / "de" / "LC_MESSAGES"
    catalog.mkdir(parents=True)
    (catalog / "mentorapp.po").write_text(GERMAN_PO, encoding="utf-8")

    monkeypatch.setattr(paths, "_data_root", lambda: data)
    monkeypatch.setattr(languages, "TABLE", (*languages.TABLE, GERMAN))
    _clear_caches()
    yield GERMAN
    set_language("en")
    monkeypatch.undo()
    _clear_caches()


# -- the table as it ships ------------------------------------------------------------------


def test_swedish_and_english_are_the_ui_and_the_meeting_languages() -> None:
    assert LANGUAGES == ("sv", "en") and list(LANGUAGES) == ["sv", "en"]
    assert LANGUAGE_CODES == ("sv", "en") and LANGUAGE_ORDER == ("sv", "en")
    assert i18n.DEFAULT_LANGUAGE == "en"
    assert i18n.babel_locale("sv") == "sv_SE" and i18n.babel_locale("en") == "en_GB"


@pytest.mark.parametrize("row", languages.TABLE, ids=lambda row: row.code)
def test_every_ui_language_has_its_files(row: Language) -> None:
    """What adding a language takes: a catalog, a guide, a workbook text and code names."""
    assert row.ui
    assert (ROOT / "translations" / row.code / "LC_MESSAGES" / "mentorapp.po").is_file()
    assert set(load_guide(row.code)) == {stage.key for stage in STAGES}
    assert workbook_content.load_content(row.code).language == row.code
    assert all(row.code in dict(code.labels) for code in codes.education_fields())
    assert Locale.parse(row.babel_locale).language == row.code
    assert row.pdf_language == row.babel_locale.replace("_", "-")


def test_the_words_of_a_form_name_one_language_each() -> None:
    words = [word for row in languages.TABLE for word in (row.code, *row.words)]
    assert len(words) == len(set(words))
    assert languages.meeting_language_words()["svenska"] == "sv"
    assert parse_languages("Svenska och English") == ("sv", "en")


def test_a_language_is_named_in_the_ui_language() -> None:
    set_language("sv")
    assert _(languages.get("en").name) == "Engelska"
    assert languages.get("en").native_name == "English"
    set_language("en")
    assert _(languages.get("sv").name) == "Swedish"


def test_an_unknown_code_falls_back_to_english() -> None:
    assert languages.get_or_fallback("xx").code == "en"
    assert languages.get_or_fallback(None).code == "en"
    with pytest.raises(KeyError):
        languages.get("xx")


# -- a language added with one row ----------------------------------------------------------


def test_the_ui_language_can_be_set_to_a_new_row(german: Language) -> None:
    assert LANGUAGES == ("sv", "en", "de")  # every module's imported view sees the row
    assert "de" in LANGUAGES and len(LANGUAGES) == 3
    assert i18n.normalise_language("de_AT.UTF-8") == "de"
    set_language("de")
    assert i18n.current_language() == "de"
    assert _("&File") == "&Datei"
    assert _(languages.get("sv").name) == "Schwedisch"
    assert _("Settings") == "Settings"  # untranslated messages fall back to English
    validate_programme(ProgrammeDraft("Broar", "Mentorskap", default_language="de"))


def test_a_language_outside_the_table_is_still_refused(german: Language) -> None:
    with pytest.raises(ValueError):
        set_language("fr")
    with pytest.raises(ValidationError) as refused:
        validate_programme(ProgrammeDraft("Broar", "Mentorskap", default_language="fr"))
    assert refused.value.user_message() == (
        "Choose one of the languages Mentorapp speaks: Svenska, English, Deutsch."
    )


def test_dates_and_numbers_follow_the_new_row(german: Language) -> None:
    set_language("de")
    assert format_date(date(2027, 3, 4), "long") == "4. März 2027"
    assert format_number(1234.5) == "1.234,5"
    assert long_date(date(2027, 3, 4), "de") == "Donnerstag, 4. März 2027"


def test_the_guide_workbook_codes_and_criteria_load_for_the_new_row(german: Language) -> None:
    guide = load_guide("de")
    assert set(guide) == {stage.key for stage in STAGES}
    assert guide[STAGES[0].key].purpose == GERMAN_PURPOSE
    assert workbook_content.load_content("de").title == GERMAN_TITLE
    assert codes.education_field_label("1", "de") == GERMAN_FIELD
    assert codes.education_field_label("2", "de") == codes.education_field_label("2", "en")
    assert codes.match_education_field(GERMAN_FIELD.upper()) == "1"
    assert eligibility.builtin_texts("de") == eligibility.builtin_texts("en")  # no file of its own


def test_the_new_row_sorts_names_its_own_way(german: Language) -> None:
    names = ["Muhr", "Müller", "Mueller"]
    assert sorted(names, key=lambda n: sort_key(n, "de")) == ["Mueller", "Müller", "Muhr"]
    assert sorted(names, key=lambda n: sort_key(n, "en")) == ["Mueller", "Muhr", "Müller"]
    swedish = ["Öberg", "Zorn", "Åberg", "Müller", "Ärlig"]
    assert sorted(swedish, key=lambda n: sort_key(n, "sv")) == [
        "Müller",
        "Zorn",
        "Åberg",
        "Ärlig",
        "Öberg",
    ]


def test_a_ui_language_is_not_a_meeting_language_unless_its_row_says_so(
    german: Language,
) -> None:
    assert LANGUAGE_CODES == ("sv", "en") and LANGUAGE_ORDER == ("sv", "en")
    with pytest.raises(FieldError):
        parse_languages("Deutsch")


def test_the_workbooks_command_writes_the_new_language(
    german: Language, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    with Services.opened(db_path) as services:
        cohort_id = make_round(services)
        add_group(services, cohort_id, f"Mentor {NAMES[0]}", [NAMES[1]])
    out = tmp_path / "pdf"
    args = ["--lang", "de", "--db", str(db_path), "workbooks", "--out", str(out), "--lang", "de"]
    assert main(args) == 0
    written = [Path(line) for line in capsys.readouterr().out.splitlines()]
    assert len(written) == 1 and written[0].is_file()
    reader = PdfReader(written[0])
    assert reader.trailer["/Root"]["/Lang"] == "de-DE"
    assert GERMAN_TITLE in reader.pages[0].extract_text()
    with pytest.raises(SystemExit) as refused:  # a language outside the table is refused
        main([*args[:-1], "fr"])
    assert refused.value.code == 2
    assert "invalid choice: 'fr' (choose from 'sv', 'en', 'de', 'both')" in capsys.readouterr().err


def test_qt_and_the_settings_dialog_offer_the_new_row(german: Language, qtbot) -> None:
    from PySide6.QtCore import QLocale

    from mentorapp.gui.dialogs.settings_dialog import SettingsDialog
    from mentorapp.gui.qt_translation import install_qt_translations
    from mentorapp.workspace.settings import Settings

    try:
        assert install_qt_translations("de")
        assert QLocale().language() == QLocale.Language.German
    finally:
        install_qt_translations("en")
    assert QLocale().name() == "en_GB"
    dialog = SettingsDialog(Settings(), "de")
    qtbot.addWidget(dialog)
    items = [dialog.language.itemText(n) for n in range(dialog.language.count())]
    assert items == ["Svenska", "English", "Deutsch"]
    assert dialog.language.currentData() == "de"
