"""``mentorapp reminders``: a mail merge file or mailto links, and a note on each person."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
from sqlmodel import select

from mentorapp.cli import main
from mentorapp.domain.models import ReminderNote
from mentorapp.workspace.services import Services
from tests.demo_helpers import demo_round_names


@pytest.fixture
def demo(tmp_path: Path, capsys) -> Path:
    path = tmp_path / "demo.db"
    assert main(["--db", str(path), "demo-data"]) == 0
    capsys.readouterr()
    return path


def notes(path: Path) -> list[tuple[str, str]]:
    with Services.opened(path) as services, services.database.reading() as session:
        return [(n.template, n.way) for n in session.exec(select(ReminderNote))]


def run(path: Path, capsys, *arguments: str) -> tuple[int, str, str]:
    code = main(
        [
            "--lang",
            "en",
            "--db",
            str(path),
            "reminders",
            "--cohort",
            demo_round_names()[1],
            *arguments,
        ]
    )
    captured = capsys.readouterr()
    return code, captured.out, captured.err


def test_the_mail_merge_file_is_written_and_noted(demo: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "check-in.csv"
    code, printed, _err = run(demo, capsys, "--who", "needs_check_in", "--out", str(out), "--json")
    assert code == 0
    result = json.loads(printed)
    assert result["file"] == str(out) and result["recipients"] == len(result["emails"]) > 0
    rows = list(csv.DictReader(io.StringIO(out.read_text("utf-8-sig"), newline="")))
    assert [row["email"] for row in rows] == result["emails"]
    assert all(row["body"].startswith(("Hej ", "Hi ")) for row in rows)
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert notes(demo) == [("needs_check_in", "csv")] * result["recipients"]


def test_mailto_links_are_printed_and_noted(demo: Path, capsys) -> None:
    code, printed, _err = run(demo, capsys, "--who", "not_started", "--mailto", "--lang", "sv")
    assert code == 0
    links = [line for line in printed.splitlines() if line.startswith("mailto:")]
    assert links and all(len(link) < 2000 for link in links)
    assert "subject=Dags%20att%20boka%20f%C3%B6rsta%20tr%C3%A4ffen" in links[0]
    assert "nothing was sent" in printed
    bcc = urlsplit(links[0]).query.split("&")[0]
    assert bcc.startswith("bcc=") and "@" in unquote(bcc)
    assert {way for _t, way in notes(demo)} == {"mail"}


def test_an_unknown_set_is_one_sentence_and_nothing_is_written(
    demo: Path, tmp_path: Path, capsys
) -> None:
    out = tmp_path / "x.csv"
    code, _out, err = run(demo, capsys, "--who", "everyone", "--out", str(out))
    assert code == 2 and "needs_check_in" in err and "Traceback" not in err
    assert not out.exists() and notes(demo) == []


def test_nobody_in_the_set_writes_no_file_and_exits_0(demo: Path, tmp_path: Path, capsys) -> None:
    finished = demo_round_names()[0]
    out = tmp_path / "none.csv"
    code = main(
        [
            "--lang",
            "en",
            "--db",
            str(demo),
            "reminders",
            "--cohort",
            finished,
            "--who",
            "not_started",
            "--out",
            str(out),
            "--json",
        ]
    )
    assert code == 0
    assert json.loads(capsys.readouterr().out) == {"file": None, "recipients": 0, "emails": []}
    assert not out.exists() and notes(demo) == []
    code = main(
        [
            "--lang",
            "en",
            "--db",
            str(demo),
            "reminders",
            "--cohort",
            finished,
            "--who",
            "not_started",
            "--out",
            str(out),
        ]
    )
    assert code == 0 and "Nobody" in capsys.readouterr().out


def test_an_existing_file_is_kept_unless_forced(demo: Path, tmp_path: Path, capsys) -> None:
    out = tmp_path / "exists.csv"
    out.write_text("keep me")
    code, _out, err = run(demo, capsys, "--who", "not_started", "--out", str(out))
    assert code == 2 and "already exists" in err
    assert out.read_text() == "keep me" and notes(demo) == []
    code, _out, _err = run(demo, capsys, "--who", "not_started", "--out", str(out), "--force")
    assert code == 0 and out.read_text("utf-8-sig").startswith("email,")
