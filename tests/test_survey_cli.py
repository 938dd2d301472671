"""``survey-template``, ``survey-import`` and ``survey-answers``: files, JSON and exit codes as
scripts rely on them, and nothing saved from a file with a problem."""

from __future__ import annotations

import csv
import io
import json
import os
from pathlib import Path

import pytest

from mentorapp.cli import main
from mentorapp.workspace.services import Services
from tests.impact.people_helpers import make_round

SAMPLE = Path(__file__).resolve().parent / "data" / "surveys" / "google_forms_t1_sv.csv"


@pytest.fixture
def round_file(db_path: Path) -> Path:
    with Services.opened(db_path) as services:
        make_round(services)
    return db_path


def answers(path: Path, email: str, survey: str = "t1") -> dict[str, str] | None:
    with Services.to_read(path) as services:
        cohort = services.programmes.round_named("Vår 2026")
        assert cohort.id is not None
        for person, values in services.surveys.table(cohort.id, survey):
            if person.email == email:
                return values
    return None


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_survey_template_writes_a_row_per_person(round_file: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "t1.csv"
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-template", "--cohort", "Vår 2026",
        "--survey", "t1", "--out", str(out), "--labels", "sv", "--json",
    )  # fmt: skip
    assert code == 0
    assert json.loads(printed) == {"file": str(out), "survey": "t1", "people": 4}
    lines = list(csv.reader(io.StringIO(out.read_text("utf-8-sig"))))
    assert lines[0][:3] == ["email", "code", "understand_recruitment"]
    assert lines[1][2].endswith("Instämmer helt / Vet inte")
    assert [line[0] for line in lines[2:]] == [
        "amal@example.org", "bashir@example.org", "chen@example.org", "dina@example.org",
    ]  # fmt: skip
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600
    # an existing file is kept unless --force
    code, _out, err = run(
        capsys, "--db", str(round_file), "survey-template", "--cohort", "Vår 2026",
        "--survey", "t1", "--out", str(out),
    )  # fmt: skip
    assert code == 2 and "already exists" in err


def test_survey_import_saves_a_google_forms_export(round_file: Path, capsys) -> None:
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-import", str(SAMPLE), "--cohort", "Vår 2026",
        "--survey", "t1", "--json",
    )  # fmt: skip
    assert code == 0
    found = json.loads(printed)
    assert found["file"] == str(SAMPLE) and found["survey"] == "t1"
    assert (found["added"], found["replaced"], found["unchanged"]) == (3, 0, 0)
    assert found["problems"] == [] and found["dry_run"] is False
    assert [w["row"] for w in found["warnings"]] == [1]  # the question that is not ours
    assert answers(round_file, "amal@example.org")["status"] == "job"
    # again: nothing new, said in words
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-import", str(SAMPLE), "--cohort", "Vår 2026",
        "--survey", "t1",
    )  # fmt: skip
    assert code == 0
    assert "Nothing new to save." in printed
    assert "3 people's answers were already saved" in printed


def test_a_bad_file_exits_2_and_saves_nothing(round_file: Path, tmp_path: Path, capsys) -> None:
    text = SAMPLE.read_text("utf-8").replace("amal@example.org", "nobody@example.org")
    bad = tmp_path / "bad.csv"
    bad.write_text(text, "utf-8")
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-import", str(bad), "--cohort", "Vår 2026",
        "--survey", "t1", "--json",
    )  # fmt: skip
    assert code == 2
    found = json.loads(printed)
    assert [(p["row"], p["column"]) for p in found["problems"]] == [(2, "E-postadress")]
    assert found["added"] == 0
    assert answers(round_file, "bashir@example.org") is None  # the good rows are not saved
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-import", str(bad), "--cohort", "Vår 2026",
        "--survey", "t1",
    )  # fmt: skip
    assert code == 2
    assert "Row 2, E-postadress: No one in the round" in printed
    assert "No answers were saved because 1 row has problems." in printed


def test_a_dry_run_saves_nothing_and_replace_overwrites(
    round_file: Path, tmp_path: Path, capsys
) -> None:
    base = ["--db", str(round_file), "survey-import"]
    rest = ["--cohort", "Vår 2026", "--survey", "t1"]
    code, printed, _err = run(capsys, *base, str(SAMPLE), *rest, "--dry-run")
    assert code == 0
    assert "Dry run: nothing was saved." in printed
    assert "The import would save 3 people's answers." in printed
    assert answers(round_file, "amal@example.org") is None
    assert run(capsys, *base, str(SAMPLE), *rest)[0] == 0
    changed = tmp_path / "changed.csv"
    changed.write_text(SAMPLE.read_text("utf-8").replace("Jag har ett jobb", "Jag studerar"))
    code, printed, _err = run(capsys, *base, str(changed), *rest, "--json")
    assert code == 2 and "already answered" in json.loads(printed)["problems"][0]["message"]
    assert answers(round_file, "amal@example.org")["status"] == "job"
    code, printed, _err = run(capsys, *base, str(changed), *rest, "--replace", "--json")
    assert code == 0
    found = json.loads(printed)
    assert (found["added"], found["replaced"], found["unchanged"]) == (0, 1, 2)
    assert answers(round_file, "amal@example.org")["status"] == "studies"


def test_survey_answers_writes_labels_in_the_chosen_language(
    round_file: Path, tmp_path: Path, capsys
) -> None:
    assert main(["--db", str(round_file), "survey-import", str(SAMPLE), "--cohort", "Vår 2026",
                 "--survey", "t1"]) == 0  # fmt: skip
    capsys.readouterr()
    out = tmp_path / "answers.csv"
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-answers", "--cohort", "Vår 2026",
        "--survey", "t1", "--out", str(out), "--lang", "en",
    )  # fmt: skip
    assert code == 0 and "Wrote" in printed and "3 people" in printed
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"))))
    amal = next(row for row in rows if row["email"] == "amal@example.org")
    assert amal["understand_recruitment"] == "Strongly agree"
    assert amal["status"] == "I have a job" and amal["recommend"] == "9"
    assert amal["answered_on"] == "2026-05-29"
    if os.name == "posix":
        assert out.stat().st_mode & 0o777 == 0o600


@pytest.mark.parametrize(
    "argv",
    [
        ["survey-template", "--survey", "partner", "--out", "{tmp}/t.csv"],
        ["survey-template", "--survey", "t9", "--out", "{tmp}/t.csv"],
        ["survey-template", "--survey", "t0", "--out", "{tmp}/t.txt"],
        ["survey-answers", "--survey", "t0", "--out", "{tmp}/a.csv", "--cohort", "Nope"],
        ["survey-import", "{tmp}/missing.csv", "--survey", "t0"],
    ],
)
def test_refusals_are_one_sentence_and_write_nothing(
    round_file: Path, tmp_path: Path, capsys, argv: list[str]
) -> None:
    before = sorted(p.name for p in tmp_path.iterdir())
    code, _out, err = run(capsys, "--db", str(round_file), *(a.format(tmp=tmp_path) for a in argv))
    assert code == 2
    assert err.strip() and "Traceback" not in err
    after = sorted(p.name for p in tmp_path.iterdir() if not p.name.endswith(("-wal", "-shm")))
    assert after == [name for name in before if not name.endswith(("-wal", "-shm"))]


def test_a_copy_of_the_sample_in_windows_text_with_semicolons_imports(
    round_file: Path, tmp_path: Path, capsys
) -> None:
    """Excel in a Swedish locale saves ";"-separated Windows text."""
    rows = list(csv.reader(io.StringIO(SAMPLE.read_text("utf-8"))))
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";", lineterminator="\r\n").writerows(rows)
    windows = tmp_path / "excel.csv"
    windows.write_bytes(buffer.getvalue().replace("–", "-").encode("cp1252"))
    code, printed, _err = run(
        capsys, "--db", str(round_file), "survey-import", str(windows), "--cohort", "Vår 2026",
        "--survey", "t1", "--json",
    )  # fmt: skip
    assert code == 0, printed
    assert json.loads(printed)["added"] == 3
    assert answers(round_file, "bashir@example.org")["contacts"] == "1_2"


def test_the_summary_names_what_is_wrong_with_the_file(
    round_file: Path, tmp_path: Path, capsys
) -> None:
    from mentorapp.commands.survey_commands import print_summary
    from mentorapp.dataio.row_rules import RowProblem
    from mentorapp.dataio.survey_csv import SurveyImportReport

    twice = tmp_path / "twice.csv"
    twice.write_text("email,status,status\namal@example.org,job,job\n", "utf-8")
    empty = tmp_path / "empty.csv"
    empty.write_text("\n\n", "utf-8")
    lacking = tmp_path / "lacking.csv"
    lacking.write_text("email,colour\namal@example.org,blue\n", "utf-8")
    said = {}
    for name, path in (("twice", twice), ("empty", empty), ("lacking", lacking)):
        code, printed, err = run(
            capsys, "--db", str(round_file), "survey-import", str(path), "--cohort", "Vår 2026",
            "--survey", "t1",
        )  # fmt: skip
        assert code == 2 and "Traceback" not in err
        said[name] = printed + err
    assert "lacks a column" not in said["twice"] and "in two columns" in said["twice"]
    assert "no answers" in said["empty"] and "applications" not in said["empty"]
    assert "lacks a column it needs" in said["lacking"]
    late = SurveyImportReport("t1", problems=[RowProblem(0, "", "Someone appears twice.", {})])
    print_summary(late)
    printed = capsys.readouterr().out
    assert "Someone appears twice." in printed and "lacks a column" not in printed
    assert answers(round_file, "amal@example.org") is None
