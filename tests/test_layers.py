"""The layer table in docs/ARCHITECTURE.md is the rule: every module is in one layer, and
imports only go where its row says.

The table is read from the document itself, so the picture a new engineer reads and the
rule the suite enforces cannot drift apart.
"""

from __future__ import annotations

import ast
import fnmatch
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "mentorapp"


def layer_table() -> list[tuple[str, list[str], list[str]]]:
    """(layer, module patterns, layers it may import) for each row of the layer table."""
    text = (ROOT / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    section = text.split("## Layers and their rules", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or cells[0] in ("layer", "") or set(cells[0]) <= {"-"}:
            continue
        patterns = re.findall(r"`([^`]+)`", cells[1])
        allowed = [word.strip() for word in cells[2].split(",")]
        rows.append((cells[0], patterns, allowed))
    return rows


def modules() -> dict[str, Path]:
    found = {}
    for path in PACKAGE.rglob("*.py"):
        if "migrations" in path.parts:
            continue
        parts = path.relative_to(PACKAGE).with_suffix("").parts
        name = ".".join(parts).removesuffix("__init__").rstrip(".") or "__init__"
        found[name] = path
    return found


def layer_of(module: str, table) -> list[str]:
    """The layers whose patterns name the module; a pattern ``!x`` takes x out again."""
    hits = []
    for layer, patterns, _allowed in table:
        named = [p for p in patterns if not p.startswith("!")]
        excluded = [p[1:] for p in patterns if p.startswith("!")]
        if any(fnmatch.fnmatchcase(module, p) for p in named) and not any(
            fnmatch.fnmatchcase(module, p) for p in excluded
        ):
            hits.append(layer)
    return hits


def imports(path: Path, all_modules: dict[str, Path]) -> set[str]:
    """Our modules that ``path`` imports, at any depth of the file (lazy imports count)."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module] + [f"{node.module}.{a.name}" for a in node.names]
        elif isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        for name in names:
            if name.startswith("mentorapp."):
                short = name.removeprefix("mentorapp.")
                if short in all_modules:
                    found.add(short)
            elif name == "mentorapp":
                found.add("__init__")
    return found


def test_the_table_names_every_module_once() -> None:
    table = layer_table()
    assert len(table) >= 5, "the layer table in docs/ARCHITECTURE.md was not found"
    problems = []
    for module in modules():
        hits = layer_of(module, table)
        if len(hits) != 1:
            problems.append(f"{module}: in {hits or 'no layer'}")
    assert not problems, "\n".join(problems)


def test_imports_go_only_where_the_table_allows() -> None:
    table = layer_table()
    allowed = {layer: set(may) | {layer} for layer, _patterns, may in table}
    every = modules()
    problems = []
    for module, path in every.items():
        (mine,) = layer_of(module, table)
        for target in imports(path, every):
            (theirs,) = layer_of(target, table)
            if theirs not in allowed[mine]:
                problems.append(f"{module} ({mine}) imports {target} ({theirs})")
    assert not problems, "\n".join(sorted(problems))


def test_no_service_imports_the_files_layer_and_no_domain_module_a_service() -> None:
    """The two directions the issue names, stated on their own so the table cannot lose them."""
    table = {layer: set(may) for layer, _patterns, may in layer_table()}
    assert "files" not in table["services"]
    assert "services" not in table["domain"] and "files" not in table["domain"]


def test_only_the_gui_imports_qt() -> None:
    offenders = []
    for module, path in modules().items():
        if module == "app" or module == "gui" or module.startswith("gui."):
            continue
        text = path.read_text(encoding="utf-8")
        if re.search(r"^\s*(from|import) PySide6", text, re.M):
            offenders.append(module)
    assert not offenders
