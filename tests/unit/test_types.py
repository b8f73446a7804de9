"""mypy, strict, finds nothing in calculators/ and calculator_embed/ (see pyproject.toml)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_mypy_strict_finds_nothing() -> None:
    # The files and the strictness come from [tool.mypy]; no cache, so a
    # stale one can never hide an error.
    done = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-incremental", "--cache-dir", "/dev/null"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, f"mypy found problems:\n{done.stdout}{done.stderr}"
