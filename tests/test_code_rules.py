"""House rules that keep the code livable, checked on every run."""

import ast
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mentorapp"


def test_only_the_gui_layer_imports_qt() -> None:
    qt_import = re.compile(r"^\s*(from|import)\s+PySide6", re.MULTILINE)
    offenders = [
        str(path.relative_to(ROOT))
        for path in PACKAGE.rglob("*.py")
        if qt_import.search(path.read_text(encoding="utf-8"))
        and not (path.is_relative_to(PACKAGE / "gui") or path == PACKAGE / "app.py")
    ]
    assert offenders == []


def test_services_load_without_qt() -> None:
    code = (
        "import sys; import mentorapp.cli, mentorapp.workspace.services, mentorapp.demo.writer; "
        "assert not [m for m in sys.modules if m.startswith('PySide6')], 'Qt was imported'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_the_window_does_not_wait_for_the_database_layer() -> None:
    """The GUI modules must not import SQLAlchemy: the window appears before it loads."""
    code = (
        "import sys; import mentorapp.app, mentorapp.gui.main_window; "
        "assert 'sqlalchemy' not in sys.modules, 'SQLAlchemy was imported by the GUI'"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_ruff_is_clean() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "mentorapp", "tests", "packaging"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout


def test_the_gui_takes_its_colours_from_the_system_theme() -> None:
    """No colour is fixed in the GUI, so dark, light and high-contrast themes stay readable."""
    fixed = re.compile(r"QColor\(|color\s*:|background(-color)?\s*:|#[0-9a-fA-F]{6}\b")
    offenders = [
        f"{path.relative_to(ROOT)}:{number}"
        for path in (PACKAGE / "gui").rglob("*.py")
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if fixed.search(line)
    ]
    assert offenders == []


def test_every_parameter_has_a_type() -> None:
    """Every function's parameters are annotated (``self``, ``cls`` and lambdas aside), so a
    reader and the type checker know what each one takes."""
    offenders = []
    for path in sorted(PACKAGE.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            arguments = node.args
            every = [*arguments.posonlyargs, *arguments.args, *arguments.kwonlyargs]
            every += [a for a in (arguments.vararg, arguments.kwarg) if a is not None]
            offenders += [
                f"{path.relative_to(ROOT)}:{node.lineno} {node.name}({argument.arg})"
                for argument in every
                if argument.annotation is None and argument.arg not in ("self", "cls")
            ]
    assert offenders == []
