"""The GUI and the CLI print through one service method: the same choices, the same files.

The Workbooks panel passes each group's language (``group_languages``) and asks for separate
files and, if ticked, one combined file per language; ``mentorapp workbooks`` passes one
language for all. Both go through ``WorkbookService.write_workbooks``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.documents.helpers import NAMES, add_group, make_round, page_texts


def make_file(path: Path) -> dict[int, str]:
    """One round with a Swedish, an English and another Swedish group: {group id: language}."""
    with Services.opened(path) as services:
        cohort_id = make_round(services)
        for number, language in enumerate(("sv", "en", "sv")):
            add_group(
                services, cohort_id, f"Mentor{number} {NAMES[0]}", [NAMES[1 + number]], language
            )
        return {g.group_id: g.language for g in services.workbooks.groups_for_print(cohort_id)}


def contents(folder: Path) -> dict[str, list[str]]:
    """Each file's pages as text: the names and what is printed, not the PDF's dates."""
    return {path.name: page_texts(path) for path in sorted(folder.iterdir())}


@pytest.mark.parametrize("language", [None, "both"])
def test_the_gui_and_the_cli_write_the_same_files(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], language: str | None
) -> None:
    meeting = make_file(db_path)
    cli_out, gui_out = tmp_path / "cli", tmp_path / "gui"
    args = ["--db", str(db_path), "workbooks", "--out", str(cli_out)]
    assert main(args + (["--lang", language] if language else [])) == 0
    capsys.readouterr()
    # What the panel passes when "Language for all" is set (the group's own language is its
    # meeting language's code in the panel's list).
    with Services.to_read(db_path) as services:
        cohort = services.programmes.current_cohort(services.programmes.programme().id)
        services.workbooks.write_workbooks(
            cohort.id,
            gui_out,
            group_ids=list(meeting),
            group_languages={g: language or own for g, own in meeting.items()},
            separate=True,
            combined=False,
        )
    assert contents(gui_out) == contents(cli_out)
    assert len(contents(cli_out)) == (6 if language == "both" else 3)


def test_combined_files_follow_each_groups_choice(db_path: Path, tmp_path: Path) -> None:
    meeting = make_file(db_path)
    first, second, third = meeting
    with Services.to_read(db_path) as services:
        cohort = services.programmes.current_cohort(services.programmes.programme().id)
        files = services.workbooks.write_workbooks(
            cohort.id,
            tmp_path,
            group_ids=[first, second, third],
            group_languages={first: "both", second: "en", third: "sv"},
            separate=True,
            combined=True,
        )
    names = [path.name for path in files]
    # A file per group (two for "both"), then one combined file per language for printing.
    assert len(names) == 6 and names[-2:] == ["Vår 2027_sv.pdf", "Vår 2027_en.pdf"]
    swedish, english = (page_texts(tmp_path / name) for name in names[-2:])
    assert sum(NAMES[1] in page for page in swedish) and sum(NAMES[3] in page for page in swedish)
    assert not any(NAMES[2] in page for page in swedish)  # the English-only group
    assert any(NAMES[1] in page for page in english) and any(NAMES[2] in page for page in english)
    assert not any(NAMES[3] in page for page in english)


def test_the_cli_combined_file_keeps_each_groups_own_language(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_file(db_path)
    out = tmp_path / "out"
    assert main(["--db", str(db_path), "workbooks", "--out", str(out), "--combined"]) == 0
    assert [Path(line).name for line in capsys.readouterr().out.splitlines()] == ["Vår 2027.pdf"]


def test_groups_of_the_same_names_in_two_languages_get_two_files(
    services: Services, tmp_path: Path
) -> None:
    """The panel once wrote each language in its own run, so the second overwrote the first."""
    cohort_id = make_round(services)
    first = add_group(services, cohort_id, NAMES[0], [NAMES[1]], "sv")
    second = add_group(services, cohort_id, NAMES[0], [NAMES[1]], "en")
    files = services.workbooks.write_workbooks(
        cohort_id, tmp_path, group_languages={first: "sv", second: "en"}, separate=True
    )
    assert len({path.name for path in files}) == 2 and all(path.is_file() for path in files)


def test_the_print_is_noted_for_the_groups_written_only(db_path: Path, tmp_path: Path) -> None:
    from datetime import date

    from mentorapp.domain.models import MatchGroup

    meeting = make_file(db_path)
    first, *others = sorted(meeting)
    with Services.opened(db_path) as services:
        cohort = services.programmes.current_cohort(services.programmes.programme().id)
        services.workbooks.write_workbooks(cohort.id, tmp_path / "a", group_ids=[first])
        with services.database.reading() as session:
            assert session.get(MatchGroup, first).workbook_printed_on is None  # not asked to
        services.workbooks.write_workbooks(
            cohort.id, tmp_path / "b", group_ids=[first], record=True
        )
        with services.database.reading() as session:
            printed = {g: session.get(MatchGroup, g).workbook_printed_on for g in meeting}
    assert printed[first] == date.today()
    assert all(printed[g] is None for g in others)


def test_the_cli_notes_the_print_of_every_group(
    db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_file(db_path)
    assert main(["--db", str(db_path), "workbooks", "--out", str(tmp_path / "out")]) == 0
    assert capsys.readouterr().err == ""
    with Services.to_read(db_path) as services:
        cohort = services.programmes.current_cohort(services.programmes.programme().id)
        assert services.standing.counts(cohort.id).workbooks_printed == 3
