"""The workbook text: both languages alike, every fault reported with its place, fallbacks."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from mentorapp.documents.workbook_content import (
    SESSION_KEYS,
    WorkbookContentError,
    built_in_path,
    content_for,
    export_content,
    load_content,
    load_content_file,
    structure,
)
from tests.documents.helpers import DATA

FIXTURE = DATA / "workbook-en.toml"
BUILT_IN = [built_in_path(language) for language in ("sv", "en")]


@pytest.mark.skipif(
    not all(path.is_file() for path in BUILT_IN), reason="resources/workbook/*.toml not written yet"
)
def test_both_languages_have_the_same_structure() -> None:
    swedish, english = load_content("sv"), load_content("en")
    assert structure(swedish) == structure(english)
    assert [s.key for s in swedish.sessions] == list(SESSION_KEYS)
    assert swedish.language == "sv" and english.language == "en"
    assert swedish.title != english.title  # really translated, not copied


def test_structure_ignores_wording_but_not_a_missing_question(edit) -> None:
    content = load_content_file(FIXTURE)
    reworded = edit("What path brought each of you here?", "How did you get here?")
    assert structure(load_content_file(reworded)) == structure(content)
    fewer = edit('"What path brought each of you here?",\n', "")
    assert structure(load_content_file(fewer)) != structure(content)


def test_the_fixture_reads() -> None:
    content = load_content_file(FIXTURE, "en")
    assert content.session("meeting3").exercises[0].steps[1] == "Say it aloud."
    assert content.session("kickoff").kind == "joint"
    assert content.labels.reflection_for.format(session="X") == "Reflection after X"


def test_a_syntax_error_names_the_line_and_column(edit) -> None:
    path = edit('title = "Welcome"', 'title = "Welcome')
    line = path.read_text(encoding="utf-8").splitlines().index('title = "Welcome') + 1
    with pytest.raises(WorkbookContentError) as caught:
        load_content_file(path)
    message = caught.value.user_message()
    assert str(path) in message
    assert f"line {line}" in message and "column" in message


def test_a_missing_key_names_its_path(edit) -> None:
    path = edit("writing_lines = 4\n", "")
    with pytest.raises(WorkbookContentError) as caught:
        load_content_file(path)
    message = caught.value.user_message()
    assert str(path) in message
    assert "“sessions[3].exercises[0].writing_lines” is missing" in message
    assert "a whole number 0–30" in message


def test_a_wrong_type_names_its_path_and_what_was_expected(edit) -> None:
    path = edit('steps = ["Write it.",', 'steps = "Write it." #')
    with pytest.raises(WorkbookContentError) as caught:
        load_content_file(path)
    message = caught.value.user_message()
    assert "“sessions[3].exercises[0].steps” should be a list of texts, but it is a text" in message


@pytest.mark.parametrize(
    ("old", "new", "place", "expected"),
    [
        ("rows = 4", "rows = 0", "goals.rows", "a whole number 1–30"),
        ("rows = 4", "rows = true", "goals.rows", "a whole number 1–30"),
        ('"Goal", "First step", "By when"', '"Goal", "By when"', "goals.columns", "exactly 3"),
        ('key = "meeting2"', 'key = "meeting5"', "sessions[2].key", "one of: meeting2"),
        ('kind = "pair"\nnumber = 1', 'kind = "joint"\nnumber = 1', "sessions[1].kind", "pair"),
        ('heading = "The adept"', 'heading = "  "', "roles.parts[1].heading", "not empty"),
        ("signatures = true", 'signatures = "yes"', "agreement.signatures", "true or false"),
        ('key = "ending"', 'key = "goals"', "agreement.clauses[3].key", "one of:"),
        ("Reflection after {session}", "Reflection", "labels.reflection_for", "{session}"),
        ('prompts = [\n  "Three', 'prompts = [\n  3, "Three', "reflection.prompts[0]", "a text"),
    ],
)
def test_every_fault_is_placed(edit, old: str, new: str, place: str, expected: str) -> None:
    with pytest.raises(WorkbookContentError) as caught:
        load_content_file(edit(old, new))
    message = caught.value.user_message()
    assert f"“{place}”" in message and expected in message


def test_six_sessions_are_required(edit) -> None:
    text = FIXTURE.read_text(encoding="utf-8")
    closing = text[text.index('[[sessions]]\nkey = "closing"') : text.index("[gatherings]")]
    with pytest.raises(WorkbookContentError, match=r"“sessions” should be a list of exactly 6"):
        load_content_file(edit(closing, ""))


def test_an_unreadable_file_is_reported(tmp_path: Path) -> None:
    with pytest.raises(WorkbookContentError, match="could not be read"):
        load_content_file(tmp_path / "nowhere.toml")


def test_the_organisations_file_wins_when_it_is_valid(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "workbook-en.toml")
    choice = content_for("en", tmp_path)
    assert choice.error is None and choice.source == tmp_path / "workbook-en.toml"
    assert choice.content == load_content_file(FIXTURE)
    assert content_for("sv", tmp_path).content == load_content("sv")  # no Swedish copy there
    assert content_for("en", None).content == load_content("en")


def test_a_broken_organisation_file_falls_back_to_the_built_in_text(edit, tmp_path: Path) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    shutil.copy(edit("rows = 4", "rows = many"), custom / "workbook-en.toml")
    choice = content_for("en", custom)
    assert choice.content == load_content("en")
    assert choice.source == built_in_path("en")
    assert isinstance(choice.error, WorkbookContentError)
    assert "workbook-en.toml" in choice.error.user_message()


def test_a_file_in_the_wrong_language_is_not_used(tmp_path: Path) -> None:
    shutil.copy(FIXTURE, tmp_path / "workbook-sv.toml")
    choice = content_for("sv", tmp_path)
    assert choice.content == load_content("sv")
    assert choice.error is not None and "“language”" in choice.error.user_message()


def test_exported_text_reads_back_the_same(tmp_path: Path) -> None:
    for language in ("sv", "en"):
        path = export_content(language, tmp_path / f"workbook-{language}.toml")
        assert load_content_file(path, language) == load_content(language)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["workbook-en.toml", "workbook-sv.toml"]


def test_an_unknown_language_is_refused() -> None:
    with pytest.raises(WorkbookContentError, match="“fr”"):
        load_content("fr")


@pytest.fixture
def edit(tmp_path: Path):
    """edit(old, new) → a copy of the fixture with ``old`` (which must be there) replaced once."""

    def edit(old: str, new: str) -> Path:
        text = FIXTURE.read_text(encoding="utf-8")
        assert old in text, old
        path = tmp_path / "workbook-edited.toml"
        path.write_text(text.replace(old, new, 1), encoding="utf-8")
        return path

    return edit
