"""``survey-content`` and ``survey-questions`` from the command line."""

from __future__ import annotations

from pathlib import Path

from mentorapp.cli import main
from mentorapp.impact.survey_content import built_in_path


def test_export_writes_both_languages_and_keeps_them(tmp_path: Path, capsys) -> None:
    folder = tmp_path / "wording"
    assert main(["--lang", "en", "survey-content", "--export", str(folder)]) == 0
    out = capsys.readouterr().out
    for language in ("sv", "en"):
        written = folder / f"surveys-{language}.toml"
        assert written.read_bytes() == built_in_path(language).read_bytes()
        assert str(written) in out
    (folder / "surveys-sv.toml").write_text("mine", encoding="utf-8")
    assert main(["--lang", "en", "survey-content", "--export", str(folder)]) == 2
    assert "already exists" in capsys.readouterr().err
    assert (folder / "surveys-sv.toml").read_text(encoding="utf-8") == "mine"
    assert (folder / "surveys-en.toml").read_bytes() == built_in_path("en").read_bytes()
    assert main(["survey-content", "--export", str(folder), "--lang", "sv", "--force"]) == 0
    assert (folder / "surveys-sv.toml").read_bytes() == built_in_path("sv").read_bytes()


def test_check_says_it_fits_or_names_the_fault(tmp_path: Path, capsys) -> None:
    good = tmp_path / "surveys-sv.toml"
    good.write_text(
        built_in_path("sv").read_text(encoding="utf-8").replace("Vet inte", "Ingen aning"),
        encoding="utf-8",
    )
    assert main(["--lang", "en", "survey-content", "--check", str(good)]) == 0
    assert "fits" in capsys.readouterr().out
    bad = tmp_path / "bad.toml"
    bad.write_text(
        built_in_path("en").read_text(encoding="utf-8").replace('key = "hours"', 'key = "time"'),
        encoding="utf-8",
    )
    assert main(["--lang", "en", "survey-content", "--check", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "surveys[3].items[7]" in err and "time" in err and len(err.strip().splitlines()) == 1
    assert main(["--lang", "sv", "survey-content", "--check", str(bad)]) == 2
    assert "inbyggda enkäten" in capsys.readouterr().err


def test_questions_print_or_write_the_text(tmp_path: Path, capsys) -> None:
    assert main(["--lang", "en", "survey-questions", "--survey", "t1", "--lang", "sv",
                 "--content", str(tmp_path)]) == 0  # fmt: skip
    out = capsys.readouterr().out
    assert out.startswith("Slutenkät") and "1. Din e-postadress" in out and "Instämmer helt" in out
    target = tmp_path / "t2.txt"
    args = ["survey-questions", "--survey", "t2", "--lang", "en", "--out", str(target)]
    assert main([*args, "--content", str(tmp_path)]) == 0
    assert "I am looking for work" in target.read_text(encoding="utf-8")
    assert main([*args, "--content", str(tmp_path)]) == 2  # exists: kept
    assert main(["survey-questions", "--survey", "t9"]) == 2
    assert "t0, t1, t2, mentor_end, partner" in capsys.readouterr().err


def test_questions_use_the_organisations_wording(tmp_path: Path, capsys) -> None:
    (tmp_path / "surveys-en.toml").write_text(
        built_in_path("en")
        .read_text(encoding="utf-8")
        .replace("What is your situation right now?", "What are you doing these days?"),
        encoding="utf-8",
    )
    args = ["--lang", "en", "survey-questions", "--survey", "t2", "--content", str(tmp_path)]
    assert main(args) == 0
    assert "2. What are you doing these days?" in capsys.readouterr().out
    (tmp_path / "surveys-en.toml").write_text("broken = [", encoding="utf-8")
    assert main(args) == 0  # the built-in wording, with the fault said
    captured = capsys.readouterr()
    assert "2. What is your situation right now?" in captured.out
    assert "not used" in captured.err
