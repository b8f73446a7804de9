"""tools/ and tests/ never import each other: what both need lives in sitebuild/."""

from __future__ import annotations

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

WAITING: dict[tuple[str, str], str] = {}
"""(importing file, module): why it is still allowed. Empty: keep it so."""


def imported_modules(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            found.add(node.module)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


def crossings(importer: str, imported: str) -> list[tuple[str, str]]:
    found = []
    for path in sorted((ROOT / importer).rglob("*.py")):
        for module in imported_modules(path):
            if module == imported or module.startswith(imported + "."):
                found.append((path.relative_to(ROOT).as_posix(), module))
    return found


def test_tests_never_import_tools() -> None:
    assert crossings("tests", "tools") == []


def test_tools_never_import_tests() -> None:
    assert [c for c in crossings("tools", "tests") if c not in WAITING] == []


def test_the_check_sees_an_import(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text("from tools.finish_site import finish\nimport tests.vectors\n")
    assert imported_modules(module) == {"tools.finish_site", "tests.vectors"}
