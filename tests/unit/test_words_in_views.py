"""Compute modules return facts; the words a reader sees are written elsewhere.

A calculator's `compute.py` returns statuses, numbers, dates, keys and
sources. Sentences live in its view and its tables of words (`text.py`,
`advice.py`, `rules.py`, `questions.py`, `milestones.py`), so each sentence
has one home and the view decides how facts are said. This test reads each
compute module's syntax tree and fails on any f-string or any string with a
space in it, outside docstrings and the short allow-list below.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
COMPUTE_MODULES = sorted((ROOT / "calculators").glob("*/compute.py"))

ALLOWED: dict[str, str] = {
    # text: why it is not words for a reader
}


def _docstrings(tree: ast.AST) -> set[int]:
    found: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
        else:
            continue
        for i, stmt in enumerate(body):
            # The first statement, and an attribute's docstring after an assignment.
            after_assignment = i > 0 and isinstance(body[i - 1], ast.AnnAssign | ast.Assign)
            if (i == 0 or after_assignment) and isinstance(stmt, ast.Expr):
                if isinstance(stmt.value, ast.Constant) and isinstance(stmt.value.value, str):
                    found.add(id(stmt.value))
    return found


def words_built(path: Path) -> list[str]:
    """Each f-string or spaced string literal in the module, with its line."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = _docstrings(tree)
    inside_fstring = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr):
            found.append(f"{path.name}:{node.lineno}: f-string {ast.unparse(node)[:60]}")
        elif (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and " " in node.value
            and id(node) not in docs
            and id(node) not in inside_fstring
            and node.value not in ALLOWED
        ):
            found.append(f"{path.name}:{node.lineno}: {node.value[:60]!r}")
    return found


def test_there_are_compute_modules() -> None:
    assert {p.parent.name for p in COMPUTE_MODULES} >= {"timeline", "readiness", "planner", "today"}


@pytest.mark.parametrize("path", COMPUTE_MODULES, ids=[p.parent.name for p in COMPUTE_MODULES])
def test_compute_builds_no_words_for_the_reader(path: Path) -> None:
    found = words_built(path)
    assert not found, "words belong in the view or a text table:\n" + "\n".join(found)


def test_the_check_sees_words(tmp_path: Path) -> None:
    module = tmp_path / "compute.py"
    module.write_text(
        '"""Doc string with spaces."""\n'
        "def f(n):\n"
        '    """Also a doc string."""\n'
        '    key = "no-spaces"\n'
        '    return f"{n} weeks", "Run less."\n',
        encoding="utf-8",
    )
    assert len(words_built(module)) == 2
