"""``mentorapp impact``: the issue's JSON shape, the readable table, the CSV and the PDF, and
one sentence for a round that does not exist."""

from __future__ import annotations

import csv
import json
import re
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader

from mentorapp.cli import main
from mentorapp.impact.statistics import newcombe_difference, wilson
from mentorapp.programme.programmes import CohortDraft, ProgrammeDraft
from mentorapp.workspace.services import Services
from tests.impact.report_data import fill_round


@pytest.fixture
def filed(tmp_path: Path) -> Path:
    path = tmp_path / "programme.db"
    with Services.opened(path) as services:
        programme = services.programmes.save_programme(
            ProgrammeDraft(organisation="Föreningen Broar", name="Mentorskap 2027")
        )
        spring = services.programmes.save_cohort(
            programme.id,
            CohortDraft("Vår 2027", date(2027, 2, 1), date(2027, 5, 31), date(2027, 1, 10)),
            make_current=True,
        )
        autumn = services.programmes.save_cohort(
            programme.id,
            CohortDraft("Höst 2027", date(2027, 9, 1), date(2027, 12, 15), date(2027, 8, 1)),
        )
        with services.database.transaction() as session:
            fill_round(session, spring.id)
            fill_round(session, autumn.id, prefix="O")
    return path


def run(path: Path, capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(["--lang", "en", "--db", str(path), "impact", *arguments])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_json_has_the_issues_shape(filed, capsys) -> None:
    code, out, _err = run(filed, capsys, "--cohort", "vår 2027", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["adepts"] == 5
    assert set(data["surveys"]) == {"t0", "t1", "t2", "mentor_end"}
    assert data["surveys"]["t1"] == {"answered": 2, "of": 5}
    keys = [m["key"] for m in data["measures"]]
    assert keys[:4] == ["job_or_internship", "in_own_field", "in_own_field_partly", "new_contact"]
    job = data["measures"][0]
    low, high = wilson(3, 4).low, wilson(3, 4).high
    assert {k: job[k] for k in ("count", "answered", "share", "ci95", "floor")} == {
        "count": 3,
        "answered": 4,
        "share": 0.75,
        "ci95": [round(low, 4), round(high, 4)],
        "floor": 0.6,
    }
    for measure in data["measures"]:
        assert {"key", "count", "answered", "share", "ci95", "floor"} <= set(measure)
    assert "compare" not in data


def test_compare_adds_the_other_round_and_the_differences(filed, capsys) -> None:
    code, out, _err = run(filed, capsys, "--cohort", "Vår 2027", "--compare", "Höst 2027",
                          "--json")  # fmt: skip
    assert code == 0
    compare = json.loads(out)["compare"]
    assert compare["cohort"] == "Höst 2027"
    job = next(d for d in compare["differences"] if d["key"] == "job_or_internship")
    interval = newcombe_difference(3, 4, 3, 4)
    assert job == {
        "key": "job_or_internship",
        "difference": 0.0,
        "ci95": [round(interval.low, 4), round(interval.high, 4)],
        "tells_apart": False,
    }


def test_the_table_is_readable_and_in_the_reports_language(filed, capsys) -> None:
    code, out, _err = run(filed, capsys, "--compare", "Höst 2027")  # the current round
    assert code == 0
    assert out.startswith("Impact report: Vår 2027")
    assert "5 adepts and 2 mentors took part." in out
    assert re.search(r"Adepts with a job or an internship +3 +4 of 5 +75%", out)
    assert "the same 2 at the start and the end: 50% → 50%" in out
    assert "Too few answered in one of the rounds to tell them apart." in out
    assert "not proof" in out
    code, swedish, _err = run(filed, capsys, "--lang", "sv")
    assert code == 0 and "Adepter med jobb eller praktik" in swedish


def test_csv_and_pdf_are_written(filed, tmp_path, capsys) -> None:
    table, document = tmp_path / "impact.csv", tmp_path / "impact.pdf"
    code, out, _err = run(filed, capsys, "--csv", str(table), "--pdf", str(document),
                          "--lang", "sv")  # fmt: skip
    assert code == 0
    assert str(table) in out and str(document) in out
    with table.open(encoding="utf-8-sig", newline="") as stream:
        rows = list(csv.DictReader(stream))
    assert next(r for r in rows if r["key"] == "job_or_internship")["share"] == "0.7500"
    text = "".join(page.extract_text() for page in PdfReader(document).pages)
    assert "Vår 2027" in text and "Adepter med jobb eller praktik" in text


def test_an_unknown_round_is_one_sentence_and_no_file(filed, tmp_path, capsys) -> None:
    target = tmp_path / "nothing.csv"
    code, _out, err = run(filed, capsys, "--cohort", "Sommar", "--csv", str(target))
    assert code == 2
    assert "There is no round called “Sommar”" in err and "Traceback" not in err
    assert not target.exists()
    code, _out, err = run(filed, capsys, "--compare", "Sommar", "--json")
    assert code == 2 and "“Sommar”" in err


def test_an_existing_file_is_kept_unless_forced(filed, tmp_path, capsys) -> None:
    table, document = tmp_path / "impact.csv", tmp_path / "impact.pdf"
    for path in (table, document):
        path.write_text("keep me", encoding="utf-8")
    for option, path in (("--csv", table), ("--pdf", document)):
        code, _out, err = run(filed, capsys, option, str(path))
        assert code == 2 and "already exists" in err and "Traceback" not in err
        assert path.read_text(encoding="utf-8") == "keep me"
    code, _out, _err = run(filed, capsys, "--csv", str(table), "--pdf", str(document), "--force")
    assert code == 0
    assert "job_or_internship" in table.read_text(encoding="utf-8-sig")
    assert document.read_bytes().startswith(b"%PDF")


def test_the_csv_and_the_pdf_need_two_names_with_their_own_endings(filed, tmp_path, capsys) -> None:
    same = tmp_path / "report.csv"
    code, _out, err = run(filed, capsys, "--csv", str(same), "--pdf", str(same))
    assert code == 2 and "both" in err and not same.exists()
    for option, name, ending in (("--csv", "impact.pdf", ".csv"), ("--pdf", "impact.csv", ".pdf")):
        code, _out, err = run(filed, capsys, option, str(tmp_path / name))
        assert code == 2 and f"must end in {ending}" in err
        assert not (tmp_path / name).exists()
