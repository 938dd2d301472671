"""Printing a round: the groups as read from the tables, the files and their names."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.documents.workbook_service import NothingToPrint
from mentorapp.workspace.services import Services
from tests.documents.helpers import NAMES, add_group, make_round, pdf_text, tiny_png

FORBIDDEN = set('<>:"/\\|?*')


@pytest.fixture
def round_id(services: Services) -> int:
    cohort_id = make_round(services, logo=tiny_png())
    add_group(services, cohort_id, NAMES[4], [NAMES[0], NAMES[3]], "sv", {1: date(2027, 2, 15)})
    add_group(services, cohort_id, NAMES[2], [NAMES[1]], "en")
    return cohort_id


def test_groups_are_read_with_names_dates_and_language(services: Services, round_id: int) -> None:
    groups = services.workbooks.groups_for_print(round_id)
    assert [g.mentor for g in groups] == ["Şükrü Çelik", "Åsa Öberg"]  # by last name
    celik, oberg = groups
    assert oberg.adepts == ["Ștefan Năstase", "Łukasz Żółć"]
    assert oberg.meeting_dates == {1: date(2027, 2, 15)} and celik.meeting_dates == {}
    assert (oberg.language, celik.language) == ("sv", "en")
    assert oberg.round_name == "Vår 2027" and oberg.start == date(2027, 2, 1)
    assert oberg.coordinator_name == "Åsa Öberg"
    assert oberg.coordinator_email == "asa.oberg@broar.example"
    assert oberg.programme_name == "Mentorskap 2027" and oberg.organisation == "Föreningen Broar"
    assert oberg.logo == tiny_png()


def test_a_mentor_without_adepts_gets_no_workbook(services: Services, round_id: int) -> None:
    add_group(services, round_id, "Ensam Mentor", [])
    assert len(services.workbooks.groups_for_print(round_id)) == 2


def test_one_file_per_group_in_its_own_language(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    calls: list[tuple[int, int]] = []
    files = services.workbooks.write_workbooks(
        round_id, tmp_path / "out", progress=lambda done, total: calls.append((done, total))
    )
    assert [f.name for f in files] == [
        "Şükrü Çelik – Nguyễn Thị Đặng.pdf",
        "Åsa Öberg – Ștefan Năstase, Łukasz Żółć.pdf",
    ]
    assert calls == [(1, 2), (2, 2)]
    assert "Welcome" in pdf_text(files[0]) and "Välkomna" in pdf_text(files[1])
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f.name for f in files)


def test_both_languages_and_a_chosen_language(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    both = services.workbooks.write_workbooks(round_id, tmp_path / "both", language="both")
    assert sorted(f.stem[-3:] for f in both) == ["_en", "_en", "_sv", "_sv"]
    english = services.workbooks.write_workbooks(round_id, tmp_path / "en", language="en")
    assert all("Welcome" in pdf_text(f) for f in english)


def test_a_combined_file_is_named_after_the_round(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    files = services.workbooks.write_workbooks(round_id, tmp_path, combined=True)
    assert [f.name for f in files] == ["Vår 2027.pdf"]
    text = pdf_text(files[0])
    assert all(name in text for name in NAMES)
    assert len(PdfReader(files[0]).pages) >= 40
    pair = services.workbooks.write_workbooks(round_id, tmp_path, combined=True, language="both")
    assert sorted(f.name for f in pair) == ["Vår 2027_en.pdf", "Vår 2027_sv.pdf"]


def test_chosen_groups_only(services: Services, round_id: int, tmp_path: Path) -> None:
    wanted = services.workbooks.groups_for_print(round_id)[1].group_id
    files = services.workbooks.write_workbooks(round_id, tmp_path, group_ids=[wanted])
    assert [f.name for f in files] == ["Åsa Öberg – Ștefan Năstase, Łukasz Żółć.pdf"]


def test_file_names_are_safe_everywhere_and_keep_letters(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    add_group(services, round_id, 'Zoë "Z" Ångström?', ["Jan Kowalski/Łoś.", "Zed " + "Y" * 120])
    add_group(services, round_id, "Zoë Ångström", ["Ola Ek"])
    add_group(services, round_id, "Zoë Ångström", ["Ola Ek"])  # the same names twice
    files = services.workbooks.write_workbooks(round_id, tmp_path / "out")
    names = [f.name for f in files]
    assert len(set(names)) == len(names) == 5
    for name in names:
        stem = name.removesuffix(".pdf")
        assert not FORBIDDEN & set(name), name
        assert stem == stem.strip(" .") and len(stem) <= 120, name
    assert any("Łoś" in name and "Ångström" in name for name in names)
    assert "Zoë Ångström – Ola Ek (2).pdf" in names


def test_cancelling_keeps_finished_files_and_leaves_no_half_files(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    done: list[int] = []
    files = services.workbooks.write_workbooks(
        round_id,
        tmp_path / "out",
        progress=lambda count, total: done.append(count),
        cancelled=lambda: len(done) >= 1,
    )
    assert len(files) == 1 and files[0].is_file()
    assert [p.name for p in (tmp_path / "out").iterdir()] == [files[0].name]


def test_a_failed_render_leaves_no_temporary_file(
    services: Services, round_id: int, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from mentorapp.documents import workbook_pdf

    def explode(*args: object) -> int:
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(workbook_pdf, "render_workbook", explode)
    with pytest.raises(RuntimeError):
        services.workbooks.write_workbooks(round_id, tmp_path / "out")
    assert list((tmp_path / "out").iterdir()) == []


def test_a_broken_custom_text_is_reported_and_ours_is_used(
    services: Services, round_id: int, tmp_path: Path
) -> None:
    custom = tmp_path / "custom"
    custom.mkdir()
    (custom / "workbook-en.toml").write_text('language = "en"\ntitle = ', encoding="utf-8")
    problems = []
    files = services.workbooks.write_workbooks(
        round_id, tmp_path / "out", language="en", custom_dir=custom, warn=problems.append
    )
    assert len(files) == 2 and "Welcome" in pdf_text(files[0])
    assert len(problems) == 1 and "workbook-en.toml" in problems[0].user_message()


def test_a_round_without_groups_says_what_to_do(services: Services, tmp_path: Path) -> None:
    empty = make_round(services)
    with pytest.raises(NothingToPrint) as caught:
        services.workbooks.write_workbooks(empty, tmp_path)
    assert "Matching stage" in caught.value.user_message()
    assert "Vår 2027" in caught.value.user_message()
