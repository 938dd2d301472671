"""Every subcommand, given hostile arguments, answers with one sentence and changes nothing.

The table below gives each subcommand a set of bad arguments (missing, damaged and foreign
files, a server address as --db, outputs that exist, are folders or lie in missing folders,
a full disk, unknown people and rounds, huge numbers). A new subcommand fails the coverage
test until it has its own rows here.
"""

from __future__ import annotations

import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from mentorapp.cli import build_parser, main
from tests.demo_helpers import demo_round_names

ROOT = Path(__file__).resolve().parent.parent
UNEXPECTED = ("Traceback", "did not expect", "Error:")  # the last: a raw exception's repr


def subcommands() -> set[str]:
    parser = build_parser()
    action = next(a for a in parser._actions if a.dest == "command")
    return set(action.choices)


@pytest.fixture
def place(tmp_path: Path, capsys) -> dict[str, Path]:
    finished, running = demo_round_names()
    demo = tmp_path / "programme.db"
    assert main(["--db", str(demo), "demo-data"]) == 0
    (tmp_path / "exists.txt").write_text("keep me")
    (tmp_path / "folder").mkdir()
    (tmp_path / "not-a-db.db").write_text("Förnamn,Efternamn\n")
    (tmp_path / "empty.db").write_bytes(b"")
    (tmp_path / "garbage.csv").write_bytes(b"\x00\xff\xfe\x00" * 50 + b"\n\r\n\x00")
    (tmp_path / "huge.csv").write_text(
        "Förnamn,Efternamn,E-post,Antal år i yrket\nA,B,a@b.se,99999999999999999999\n",
        encoding="utf-8",
    )
    (tmp_path / "bad.zip").write_bytes(b"PK\x03\x04" + b"\x00" * 100)
    (tmp_path / "mixed.csv").write_bytes(  # check-ins: UTF-8 with a Windows-1252 row
        "E-post,Träff,Datum,Kommentar\n".encode()
        + "kerstin.hedlund@example.org,1,2026-10-02,Café på lunchen\n".encode()
        + "ahmad.wardak@example.com,1,2026-10-02,Trevligt möte\n".encode("cp1252")
    )
    assert main(["--db", str(demo), "export", "--out", str(tmp_path / "good.zip")]) == 0
    capsys.readouterr()
    return {
        "demo": demo,
        "missing": tmp_path / "missing.db",
        "no-folder": tmp_path / "no" / "such" / "folder" / "x.db",
        "url": Path("postgresql://coordinator@server.example/mentor"),
        "dir": tmp_path / "folder",
        "foreign": tmp_path / "not-a-db.db",
        "empty": tmp_path / "empty.db",
        "exists": tmp_path / "exists.txt",
        "out-missing": tmp_path / "nowhere" / "out.csv",
        "garbage": tmp_path / "garbage.csv",
        "huge": tmp_path / "huge.csv",
        "bad-zip": tmp_path / "bad.zip",
        "mixed": tmp_path / "mixed.csv",
        "good-zip": tmp_path / "good.zip",
        "tmp": tmp_path,
        "finished": Path(finished),  # the demo's rounds are named from today's date
        "running": Path(running),
    }


# Per subcommand: argument lists, with {name} replaced by a path from ``place``.
HOSTILE: dict[str, list[list[str]]] = {
    "new": [["--programme", "x"], ["--organisation", "  ", "--programme", ""]],
    "demo-data": [[]],
    "info": [["--json"]],
    "import-checkins": [
        ["{missing}", "--cohort", "{running}"],
        ["{dir}", "--cohort", "{running}"],
        ["{garbage}", "--cohort", "{running}"],
        ["{bad-zip}", "--cohort", "{running}", "--json"],
        ["{good-zip}", "--cohort", "{running}", "--replace"],
        ["/dev/zero", "--cohort", "{running}"],  # endless: refused by its size
        ["{mixed}", "--cohort", "{running}", "--dry-run"],
        ["{mixed}", "--cohort", "{running}", "--json"],
        ["{huge}", "--cohort", "{running}"],  # an applications file: no check-in columns
        ["{huge}", "--cohort", "No such round", "--dry-run", "--json"],
        ["{huge}", "--cohort", "x" * 5000],
    ],
    "survey-template": [
        ["--cohort", "No such round", "--survey", "t0", "--out", "{tmp}/t.csv"],
        ["--cohort", "{running}", "--survey", "partner", "--out", "{tmp}/t.csv"],
        ["--cohort", "{running}", "--survey", "'; DROP TABLE x", "--out", "{tmp}/t.csv"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{out-missing}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{dir}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{exists}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{demo}", "--force"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "/dev/full", "--force"],
        ["--cohort", "x" * 5000, "--survey", "x" * 5000, "--out", "{tmp}/t.csv", "--labels", "en"],
    ],
    "survey-import": [
        ["{missing}", "--cohort", "{running}", "--survey", "t0"],
        ["{dir}", "--cohort", "{running}", "--survey", "t0"],
        ["{garbage}", "--cohort", "{running}", "--survey", "t0"],
        ["{bad-zip}", "--cohort", "{running}", "--survey", "t0", "--json"],
        ["{good-zip}", "--cohort", "{running}", "--survey", "t0", "--replace"],
        ["/dev/zero", "--cohort", "{running}", "--survey", "t0"],  # endless: refused by its size
        ["{mixed}", "--cohort", "{running}", "--survey", "t0", "--dry-run"],
        ["{mixed}", "--cohort", "{running}", "--survey", "t1", "--json"],
        ["{huge}", "--cohort", "{running}", "--survey", "t0"],  # no e-mail column it can use
        ["{huge}", "--cohort", "No such round", "--survey", "t0", "--dry-run", "--json"],
        ["{huge}", "--cohort", "{running}", "--survey", "partner"],
        ["{huge}", "--cohort", "x" * 5000, "--survey", "'; DROP TABLE surveyanswer"],
    ],
    "survey-answers": [
        ["--cohort", "No such round", "--survey", "t0", "--out", "{tmp}/a.csv"],
        ["--cohort", "{finished}", "--survey", "partner", "--out", "{tmp}/a.csv"],
        ["--cohort", "{finished}", "--survey", "t1", "--out", "{out-missing}"],
        ["--cohort", "{finished}", "--survey", "t1", "--out", "{dir}"],
        ["--cohort", "{finished}", "--survey", "t1", "--out", "{exists}", "--lang", "sv"],
        ["--cohort", "{finished}", "--survey", "t1", "--out", "{demo}", "--force"],
        ["--cohort", "{finished}", "--survey", "t1", "--out", "/dev/full", "--force"],
        ["--cohort", "x" * 5000, "--survey", "t1", "--out", "{tmp}/a.csv", "--json"],
    ],
    "import": [
        ["{missing}", "--role", "adept", "--cohort", "V"],
        ["{dir}", "--role", "adept", "--cohort", "V"],
        ["{garbage}", "--role", "adept", "--cohort", "V"],
        ["{huge}", "--role", "mentor", "--cohort", "V"],
        ["{huge}", "--role", "mentor", "--cohort", "V", "--dry-run", "--json"],
        ["{huge}", "--role", "adept", "--cohort", "", "--skip-invalid"],
    ],
    "export-participants": [
        ["--cohort", "No such round", "--role", "adept", "--out", "{tmp}/a.csv"],
        ["--cohort", "{finished}", "--role", "adept", "--out", "{out-missing}"],
        ["--cohort", "{finished}", "--role", "adept", "--out", "{dir}"],
        ["--cohort", "{finished}", "--role", "adept", "--out", "/dev/full"],
    ],
    "list": [["--cohort", "No such round"], ["--cohort", "x" * 5000, "--json"]],
    "match": [["--cohort", "No such round"], ["--cohort", "No such round", "--apply"]],
    "workbooks": [
        ["--out", "{exists}"],
        ["--out", "{out-missing}"],
        ["--out", "{tmp}/books", "--cohort", "No such round"],
        ["--out", "{tmp}/books", "--content", "{missing}"],
    ],
    "export": [
        ["--out", "{out-missing}"],
        ["--out", "{dir}"],
        ["--out", "/dev/full"],
        ["--out", "{demo}"],
    ],
    "restore": [["{missing}"], ["{bad-zip}"], ["{garbage}"], ["{dir}"], ["{good-zip}"]],
    "backup": [
        ["--out", "{out-missing}"],
        ["--out", "{dir}"],
        ["--out", "{exists}"],
        ["--out", "{demo}"],
        ["--out", "/dev/full", "--force"],
    ],
    "safety-copies": [
        ["--json"],
        ["--delete-older-than", "-5", "--yes"],
        ["--delete-older-than", "1000000", "--yes"],
    ],
    "person-export": [
        ["nobody@example.org", "--out", "{tmp}/p"],
        ["samira.benali@example.com", "--out", "{exists}"],
        ["samira.benali@example.com", "--out", "{out-missing}"],
        ["", "--out", "{tmp}/p"],
    ],
    "person-erase": [["nobody@example.org", "--yes"], ["", "--yes"], ["'; DROP TABLE person"]],
    "status": [
        ["--cohort", "No such round", "--to", "accepted", "emir.hodzic@example.com"],
        ["--cohort", "{running}", "--to", "accepted", "emir.hodzic@example.com", "nobody@x.se"],
        [
            *("--cohort", "{running}", "--to", "declined", "--role", "mentor"),
            "emir.hodzic@example.com",
        ],
        ["--cohort", "{running}", "--to", "accepted", "", "'; DROP TABLE person", "--json"],
        ["--cohort", "x" * 5000, "--to", "withdrawn", "--reason", "x" * 5000, "a@b.se"],
    ],
    "meetings": [
        ["--cohort", "No such round", "--json"],
        ["--cohort", "x" * 5000],
        ["--cohort", "'; DROP TABLE plannedmeeting", "--json"],
        ["--cohort", "{running}", "--json"],
    ],
    "meeting": [
        ["--cohort", "No such round", "--mentor", "a@b.se", "--number", "1", "--cancelled"],
        [
            *("--cohort", "{running}", "--mentor", "nobody@x.se"),
            *("--number", "1", "--held", "2026-01-01"),
        ],
        ["--mentor", "'; DROP TABLE matchgroup", "--number", "0", "--held", "2026-13-45"],
        ["--mentor", "a@b.se", "--number", "99999999999999999999", "--cancelled"],
        ["--mentor", "a@b.se", "--number", "-1", "--moved", "1999-01-01"],
        ["--mentor", "a@b.se", "--number", "1", "--cancelled", "--minutes", "-5"],
        ["--mentor", "a@b.se", "--number", "1", "--planned", "--on", "x" * 5000],
    ],
    "reminders": [
        ["--cohort", "No such round", "--who", "not_started", "--out", "{tmp}/r.csv"],
        ["--cohort", "{running}", "--who", "everyone", "--out", "{tmp}/r.csv"],
        ["--cohort", "{running}", "--who", "gathering:99999999999999999999", "--mailto"],
        ["--cohort", "{running}", "--who", "gathering:'; DROP TABLE gathering", "--mailto"],
        ["--cohort", "{running}", "--who", "not_started", "--out", "{out-missing}"],
        ["--cohort", "{running}", "--who", "not_started", "--out", "{dir}"],
        ["--cohort", "{running}", "--who", "not_started", "--out", "{exists}"],
        ["--cohort", "{running}", "--who", "not_started", "--out", "/dev/full", "--force"],
        ["--cohort", "x" * 5000, "--who", "x" * 5000, "--mailto", "--lang", "sv"],
    ],
    "timeline": [
        ["--cohort", "No such round"],
        ["--cohort", "x" * 5000, "--json"],
        ["--cohort", "'; DROP TABLE cohort", "--json"],
        ["--cohort", "{running}", "--json"],
        [],
    ],
    "calendar": [
        ["--cohort", "No such round", "--out", "{tmp}/round.ics"],
        ["--cohort", "{running}", "--mentor", "nobody@example.org", "--out", "{tmp}/pair.ics"],
        ["--cohort", "{running}", "--mentor", "", "--out", "{tmp}/pair.ics", "--json"],
        ["--mentor", "'; DROP TABLE matchgroup", "--out", "{tmp}/pair.ics", "--lang", "en"],
        ["--cohort", "x" * 5000, "--out", "{tmp}/round.ics", "--json"],
        ["--cohort", "{running}", "--out", "{out-missing}"],
        ["--cohort", "{running}", "--out", "{dir}"],
        ["--cohort", "{running}", "--out", "{exists}"],
        ["--out", "{demo}", "--force"],
        ["--out", "/dev/full", "--force"],
    ],
    "plan": [
        ["--out", "{out-missing}"],
        ["--out", "{dir}"],
        ["--out", "{exists}"],
        ["--out", "{demo}", "--force"],
        ["--out", "/dev/full", "--force"],
        ["--out", "{tmp}/plan.pdf", "--cohort", "No such round"],
        ["--out", "{tmp}/plan.pdf", "--cohort", "x" * 5000, "--lang", "en"],
    ],
    "budget": [
        ["--cohort", "No such round", "--json"],
        ["--cohort", "x" * 5000, "--csv", "{tmp}/budget.csv"],
        ["--cohort", "{running}", "--csv", "{out-missing}"],
        ["--cohort", "{running}", "--csv", "{dir}"],
        ["--csv", "{demo}"],
        ["--csv", "/dev/full"],
        ["--whole-programme", "--json", "--csv", "{out-missing}"],
    ],
    "impact": [
        ["--cohort", "No such round", "--json"],
        ["--cohort", "x" * 5000, "--csv", "{tmp}/impact.csv"],
        ["--cohort", "{finished}", "--compare", "No such round", "--pdf", "{tmp}/impact.pdf"],
        ["--cohort", "{finished}", "--csv", "{out-missing}"],
        ["--cohort", "{finished}", "--csv", "{dir}", "--json"],
        ["--cohort", "{finished}", "--pdf", "{demo}"],
        ["--csv", "{demo}", "--lang", "sv"],
        ["--cohort", "{finished}", "--pdf", "/dev/full", "--lang", "en"],
        ["--cohort", "{finished}", "--csv", "{tmp}/ok.csv", "--pdf", "{out-missing}"],
        ["--cohort", "{finished}", "--pdf", "{exists}"],  # exists: kept without --force
        ["--cohort", "{finished}", "--csv", "{tmp}/same.csv", "--pdf", "{tmp}/same.csv"],
        ["--cohort", "{finished}", "--pdf", "{tmp}/impact.csv", "--force"],
    ],
    "interviews": [
        ["--cohort", "No such round", "--json"],
        ["--cohort", "x" * 5000, "--day", "2027-13-45"],
        ["--cohort", "{running}", "--day", "'; DROP TABLE interview"],
        ["--cohort", "{running}", "--out", "{tmp}/schedule.pdf"],
        ["--cohort", "{running}", "--day", "2027-02-03", "--out", "{out-missing}"],
        ["--cohort", "{running}", "--day", "2027-02-03", "--out", "{dir}"],
        ["--cohort", "{running}", "--day", "2027-02-03", "--out", "{exists}"],
        ["--cohort", "{running}", "--day", "2027-02-03", "--out", "/dev/full", "--force"],
        ["--cohort", "{running}", "--day", "9999-12-31", "--json"],
    ],
    "interview-book": [
        ["--cohort", "No such round", "--at", "2027-02-03 13:30", "a@b.se"],
        ["--cohort", "{running}", "--at", "2027-02-03 13:30", "nobody@example.org"],
        ["--cohort", "{running}", "--at", "tomorrow", "kaveh.jafari@example.com"],
        ["--cohort", "{running}", "--at", "2027-02-30 25:61", "kaveh.jafari@example.com"],
        ["--cohort", "{running}", "--at", "9999-12-31 23:59", "kaveh.jafari@example.com"],
        [
            *("--cohort", "{running}", "--at", "2027-02-03 13:30"),
            *("--minutes", "99999999999999999999", "kaveh.jafari@example.com"),
        ],
        [
            *("--cohort", "{running}", "--at", "2027-02-03 13:30"),
            *("--place", "x" * 5000, "kaveh.jafari@example.com"),
        ],
        ["--cohort", "{running}", "--at", "2027-02-03 13:30", "omar.al-khatib@example.com"],
        ["--cohort", "{running}", "--at", "2027-02-03 13:30", "--json", "'; DROP TABLE person"],
    ],
    "gathering": [
        ["add", "--cohort", "No such round", "--title", "Fika", "--date", "2027-02-03"],
        ["add", "--cohort", "{running}", "--title", "Fika", "--date", "2027-02-30"],
        ["add", "--cohort", "{running}", "--title", "Fika", "--date", "9999-12-31", "--json"],
        ["add", "--cohort", "{running}", "--title", "Fika", "--date", "x", "--time", "25:61"],
        ["add", "--cohort", "{running}", "--title", "x" * 5000, "--date", "2027-02-03"],
        ["add", "--cohort", "{running}", "--title", "  ", "--date", "2027-02-03"],
        ["add", "--cohort", "{running}", "--from-template", "'; DROP", "--date", "2027-02-03"],
        [
            *("add", "--cohort", "{running}", "--title", "Fika", "--date", "2027-02-03"),
            *("--minutes", "99999999999999999999", "--invite", "all"),
        ],
        ["list", "--cohort", "No such round", "--json"],
        ["list", "--cohort", "x" * 5000],
        ["attend", "--id", "1", "--email", "nobody@example.org"],
        ["attend", "--id", "1", "--email", "kaveh.jafari@example.com", "--email", ""],
        ["attend", "--id", "99999999999999999999", "--email", "a@b.se", "--absent"],
        ["attend", "--id", "0", "--email", "'; DROP TABLE gatheringguest", "--json"],
        ["attendance-list", "--id", "1", "--out", "{out-missing}"],
        ["attendance-list", "--id", "1", "--out", "{dir}"],
        ["attendance-list", "--id", "1", "--out", "{exists}"],
        ["attendance-list", "--id", "1", "--out", "{demo}", "--force"],
        ["attendance-list", "--id", "1", "--out", "/dev/full", "--force", "--lang", "sv"],
        ["attendance-list", "--id", "99999999999999999999", "--out", "{tmp}/list.pdf"],
    ],
    "outcome": [
        ["--cohort", "No such round", "--adept", "a@b.se", "--kind", "job", "--on", "2026-01-05"],
        ["--cohort", "{finished}", "--kind", "job", "--on", "2026-01-05"],
        ["--cohort", "{finished}", "--adept", "nobody@x.se", "--kind", "job", "--on", "2026-01-05"],
        ["--cohort", "{finished}", "--adept", "a@b.se", "--kind", "'; DROP TABLE outcome"],
        ["--cohort", "{finished}", "--adept", "a@b.se", "--kind", "job", "--on", "2026-13-45"],
        ["--cohort", "{finished}", "--adept", "a@b.se", "--kind", "job", "--on", "9999-12-31"],
        [
            *("--cohort", "{finished}", "--adept", "a@b.se", "--kind", "job"),
            *("--on", "2026-01-05", "--field", "x" * 5000, "--through", "maybe"),
        ],
        ["--cohort", "{finished}", "--adept", "a@b.se", "--kind", "job", "--note", "x" * 5000],
        ["--list", "--cohort", "No such round", "--json"],
        ["--list", "--cohort", "x" * 5000],
    ],
    "survey-content": [
        ["--export", "{out-missing}"],
        ["--export", "{exists}"],
        ["--export", "{tmp}/wording", "--lang", "sv"],
        ["--check", "{missing}"],
        ["--check", "{dir}"],
        ["--check", "{garbage}"],
        ["--check", "{huge}"],
        ["--check", "/dev/zero"],
        ["--check", "{bad-zip}", "--lang", "en"],
    ],
    "survey-questions": [
        ["--survey", "'; DROP TABLE surveyresponse"],
        ["--survey", "x" * 5000, "--out", "{tmp}/q.txt"],
        ["--survey", "t1", "--out", "{out-missing}"],
        ["--survey", "t1", "--out", "{dir}"],
        ["--survey", "t1", "--out", "{exists}"],
        ["--survey", "t1", "--out", "{demo}", "--force"],
        ["--survey", "t1", "--out", "/dev/full", "--force"],
        ["--survey", "t2", "--content", "{garbage}", "--lang", "sv"],
    ],
    "survey-forms": [
        ["--cohort", "No such round", "--survey", "t0", "--out", "{tmp}/forms.pdf"],
        ["--cohort", "x" * 5000, "--survey", "t1", "--out", "{tmp}/forms.pdf", "--lang", "en"],
        ["--cohort", "{running}", "--survey", "partner", "--out", "{tmp}/forms.pdf"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{tmp}/f.pdf", "--blank", "9999"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{out-missing}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{dir}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{exists}"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "{demo}", "--force"],
        ["--cohort", "{running}", "--survey", "t0", "--out", "/dev/full", "--force"],
        ["--survey", "t0", "--out", "{tmp}/f.pdf", "--content", "{garbage}"],
    ],
}
DATABASES = ["demo", "missing", "no-folder", "url", "dir", "foreign", "empty"]


def test_every_subcommand_has_hostile_cases() -> None:
    assert subcommands() == set(HOSTILE)


def fingerprint(place: dict[str, Path]) -> dict[str, str]:
    """Every file the cases may touch, by content, plus the paths that must not appear."""
    seen = {}
    for path in place["tmp"].rglob("*"):
        # SQLite's own -wal/-shm companions come and go with any reader; the lock file too.
        if path.name.endswith(("-wal", "-shm", ".lock")):
            continue
        if path.is_file() and "safety-copies" not in path.parts[-2]:
            seen[str(path.relative_to(place["tmp"]))] = hashlib.sha256(
                path.read_bytes()
            ).hexdigest()
    return seen


def expand(arguments: list[str], place: dict[str, Path]) -> list[str]:
    return [argument.format(**{k: str(v) for k, v in place.items()}) for argument in arguments]


@pytest.mark.parametrize("language", ["en", "sv"])
def test_hostile_arguments_get_one_sentence_and_change_nothing(
    place: dict[str, Path], language: str, capsys
) -> None:
    failures = []
    for command, cases in HOSTILE.items():
        for case in cases:
            for database in DATABASES:
                before = fingerprint(place)
                argv = ["--lang", language, "--db", str(place[database]), command]
                argv += expand(case, place)
                code = main(argv)
                captured = capsys.readouterr()
                after = fingerprint(place)
                if any(marker in captured.err for marker in UNEXPECTED):
                    failures.append(f"{argv}: {captured.err.strip()[:300]}")
                if code != 0:
                    if not (captured.err + captured.out).strip():
                        failures.append(f"{argv}: exit {code} without a word")
                    if before != after and database != "demo":
                        failures.append(f"{argv}: failed, but changed {set(after) ^ set(before)}")
                if database in ("missing", "no-folder", "url") and command not in (
                    "new",
                    "demo-data",
                    "restore",
                ):
                    assert not place[database].exists(), argv
                assert not (place["tmp"] / "no").exists(), argv  # never a missing folder
                assert not Path("postgresql:").exists(), argv
                # Writing "over" /dev/full must not swap the device for a file (as root it can).
                assert Path("/dev/full").is_char_device(), argv
                for made in place["tmp"].glob("missing*"):  # a new programme made on purpose
                    shutil.rmtree(made) if made.is_dir() else made.unlink()
    assert not failures, "\n".join(failures)


def test_a_failed_command_leaves_the_demo_as_it_was(place: dict[str, Path], capsys) -> None:
    """The refusals that can reach the data (unknown person, round, bad file) change nothing."""
    demo = place["demo"]
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    for command, case in [
        ("person-erase", ["nobody@example.org", "--yes"]),
        ("match", ["--cohort", "No such round", "--apply"]),
        ("import", ["{huge}", "--role", "mentor", "--cohort", "{finished}"]),
        ("restore", ["{bad-zip}", "--replace"]),
        ("demo-data", []),
    ]:
        assert main(["--db", str(demo), command, *expand(case, place)]) != 0, command
    capsys.readouterr()
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    "argv",
    [
        ["--db", "postgresql://me@server/db", "info"],
        [
            "--db",
            "/no/such/folder/programme.db",
            "import",
            "x.csv",
            "--role",
            "adept",
            "--cohort",
            "V",
        ],
        ["--db", "/", "info"],
        ["--db", "/dev/null", "list"],
        ["--lang", "xx", "info"],
        ["info", "--bogus"],
    ],
)
def test_no_traceback_reaches_a_real_terminal(argv: list[str], tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "mentorapp", *argv],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={
            "PATH": "/usr/bin:/bin",
            "MENTORAPP_DATA_DIR": str(tmp_path / "data"),
            "MENTORAPP_CONFIG_DIR": str(tmp_path / "config"),
            "MENTORAPP_LOG_DIR": str(tmp_path / "log"),
            "PYTHONPATH": str(ROOT),
        },
    )
    assert result.returncode != 0
    assert "Traceback" not in result.stderr, result.stderr
    assert result.stderr.strip()
    assert not (tmp_path / "postgresql:").exists()
    assert not Path("/no").exists()
