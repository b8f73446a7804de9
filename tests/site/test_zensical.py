"""The site also builds with Zensical, Material's successor, which reads the
same mkdocs.yml (pinned in pyproject.toml). It builds into `site/` beside its
config, so it works on a copy of the sources, never on the site under test."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

from .conftest import ROOT

SOURCES = ("mkdocs.yml", "docs", "overrides", "includes")


def test_the_site_builds_with_zensical(tmp_path: Path, site: Path) -> None:
    zensical = Path(sys.executable).parent / "zensical"
    assert zensical.exists(), "zensical is in the test dependencies: run `make test`"
    for name in SOURCES:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            shutil.copy2(source, tmp_path / name)
    done = subprocess.run(
        [str(zensical), "build", "--clean", "--strict"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    built = tmp_path / "site"
    for calculator in ("timeline", "readiness", "planner", "today"):
        html = (built / "tools" / calculator / "index.html").read_text(encoding="utf-8")
        assert f'<meta name="rtr-calculators" content="{calculator}"' in html, calculator
        assert f'data-calculator="{calculator}"' in html, calculator
        assert "rtr-disclaimer" in html, calculator
    # The same security policy as the MkDocs build, so the same inline scripts.
    policy = re.compile(r'http-equiv="Content-Security-Policy" content="([^"]+)"')
    page = "tools/readiness/index.html"
    ours = policy.search((site / page).read_text(encoding="utf-8"))
    theirs = policy.search((built / page).read_text(encoding="utf-8"))
    assert ours and theirs and ours.group(1) == theirs.group(1)
