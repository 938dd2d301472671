"""The type checker runs on every package but the GUI and finds nothing.

mypy reads its settings from pyproject.toml ([tool.mypy]); its cache in .mypy_cache/ makes
a run after a small change take a few seconds instead of a quarter of a minute.
"""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mentorapp"

pytest.importorskip("mypy", reason="mypy comes with the test extra: pip install -e '.[test]'")


def checked_here(path: Path) -> bool:
    """What the suite promises to check: everything outside gui/, app.py and the migrations
    already released (those are never edited again)."""
    parts = path.relative_to(PACKAGE).parts
    return not (
        parts[0] == "gui"
        or parts == ("app.py",)
        or parts[:3] == ("db", "migrations", "versions")
        or "__pycache__" in parts
    )


@pytest.fixture(scope="module")
def mypy_run() -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary", "--no-pretty", "--verbose"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )


def test_mypy_finds_no_errors(mypy_run: subprocess.CompletedProcess[str]) -> None:
    errors = [line for line in mypy_run.stdout.splitlines() if ": error:" in line]
    assert errors == [], "\n".join(errors)
    assert mypy_run.returncode == 0, mypy_run.stdout + mypy_run.stderr[-3000:]


def test_mypy_checks_every_module_outside_the_gui(
    mypy_run: subprocess.CompletedProcess[str],
) -> None:
    """Leaving a package out of the check is not a way to pass it."""
    found = re.findall(r"Found source:\s+BuildSource\(path='([^']+)'", mypy_run.stderr)
    checked = {(ROOT / path).resolve() for path in found}
    expected = {path.resolve() for path in PACKAGE.rglob("*.py") if checked_here(path)}
    assert expected - checked == set()
    assert not {path for path in checked if not checked_here(path)}


def test_the_settings_keep_their_strictness() -> None:
    """Untyped functions are refused and checked; only the GUI is skipped, by name."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["mypy"]
    assert config["files"] == ["mentorapp"]
    assert config["disallow_untyped_defs"] and config["check_untyped_defs"]
    skipped = [o for o in config["overrides"] if o.get("follow_imports") == "skip"]
    assert [sorted(o["module"]) for o in skipped] == [
        ["mentorapp.app", "mentorapp.gui", "mentorapp.gui.*"]
    ]
