"""``mentorapp plan``: the demo's plan as a PDF, in the programme's language or --lang, and
one sentence with exit 2 for an output that cannot work."""

from __future__ import annotations

from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.cli import main


@pytest.fixture
def demo(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    capsys.readouterr()
    return path


def text_of(path: Path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(path).pages)


def test_the_demo_plan_is_written_in_the_programmes_language(demo, tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    assert main(["--lang", "en", "--db", str(demo), "plan", "--out", str(out)]) == 0
    assert capsys.readouterr().out.strip() == str(out)
    reader = PdfReader(out)
    assert len(reader.pages) == 2
    text = text_of(out)
    assert "Programplan" in text and "Mätbara mål" in text  # the demo programme is Swedish
    assert "Mentorskap för nyanlända akademiker" in text
    assert "50 % av adepterna har arbete eller praktik inom 6 månader" in text
    assert "Sista ansökningsdag" in text  # the running round's timeline


def test_lang_chooses_the_plans_language(demo, tmp_path, capsys) -> None:
    out = tmp_path / "plan-en.pdf"
    assert main(["--db", str(demo), "plan", "--out", str(out), "--lang", "en"]) == 0
    text = text_of(out)
    assert "Programme plan" in text and "Measurable goals" in text
    assert "Application deadline" in text
    assert PdfReader(out).trailer["/Root"]["/Lang"] == "en-GB"


def test_an_existing_file_is_kept_unless_forced(demo, tmp_path, capsys) -> None:
    out = tmp_path / "plan.pdf"
    out.write_bytes(b"keep me")
    assert main(["--lang", "en", "--db", str(demo), "plan", "--out", str(out)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert out.read_bytes() == b"keep me"
    assert main(["--db", str(demo), "plan", "--out", str(out), "--force"]) == 0
    assert len(PdfReader(out).pages) == 2


@pytest.mark.parametrize("target", ["nowhere/plan.pdf", "folder"])
def test_an_output_that_cannot_work_is_one_sentence(demo, tmp_path, capsys, target) -> None:
    (tmp_path / "folder").mkdir()
    out = tmp_path / target
    assert main(["--lang", "en", "--db", str(demo), "plan", "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert len(err.splitlines()) == 1 and "Traceback" not in err
    assert "does not exist" in err or "is a folder" in err
    assert not (tmp_path / "nowhere").exists()


def test_an_unwritable_folder_is_one_sentence(demo, tmp_path, capsys, monkeypatch) -> None:
    """As a full or read-only disk: the temporary file cannot be made."""
    import mentorapp.db.files as files

    def refuse(folder: Path, name: str) -> Path:
        raise PermissionError(13, "Permission denied", str(folder / name))

    monkeypatch.setattr(files, "private_temporary", refuse)
    out = tmp_path / "plan.pdf"
    assert main(["--lang", "en", "--db", str(demo), "plan", "--out", str(out)]) == 2
    err = capsys.readouterr().err.strip()
    assert "permission" in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_a_file_without_a_programme_says_so(tmp_path, capsys) -> None:
    from mentorapp.workspace.services import Services

    empty = tmp_path / "empty.db"
    Services.open(empty).close()
    out = tmp_path / "plan.pdf"
    assert main(["--lang", "en", "--db", str(empty), "plan", "--out", str(out)]) == 2
    assert "no programme yet" in capsys.readouterr().err
    assert not out.exists()
