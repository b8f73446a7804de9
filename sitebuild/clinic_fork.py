"""Build the site as a clinic's fork would: tests/fixtures/clinic-mkdocs.yml
(the real mkdocs.yml plus a clinic block), every step `make site` takes,
into a folder of its own, so the real site/ is never touched."""

from __future__ import annotations

import functools
import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

from calculators.clinic import BUNDLED_FILE, Clinic, LocalHelp, parse_local_help

from .config import read_extra

ROOT = Path(__file__).resolve().parents[1]
FIXTURE = ROOT / "tests/fixtures/clinic-mkdocs.yml"
APP_ZIP = "assets/py/calculators.zip"


def fixture_clinic() -> Clinic:
    parsed = parse_local_help(read_extra(FIXTURE))
    assert isinstance(parsed, LocalHelp) and parsed.clinic is not None, parsed
    return parsed.clinic


def mkdocs_build(config: Path, site: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "--quiet",
            "-f",
            str(config),
            "-d",
            str(site),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )


def build_fork(work: Path) -> Path:
    """The fork's finished site, in work/site."""

    def step(*cmd: str) -> None:
        done = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, check=False)
        assert done.returncode == 0, f"{' '.join(cmd)}\n{done.stdout}\n{done.stderr}"

    src, app, site = work / "calculators-src.zip", work / "calculators.zip", work / "site"
    step(sys.executable, "tools/bundle_calculators.py", str(src), "--config", str(FIXTURE))
    step("node", "tools/build-pyc.mjs", str(src), str(app))
    built = mkdocs_build(FIXTURE, site)
    assert built.returncode == 0, built.stderr
    # docs/assets/py holds the real site's bundle; the fork's carries its clinic.
    shutil.copyfile(app, site / APP_ZIP)
    step(sys.executable, "tools/finish_site.py", str(site))
    (site / ".built").touch()
    return site


@functools.cache
def bundled_clinic(site: Path) -> Clinic | None:
    """The clinic a built site's calculators carry, as the browser reads it:
    so the browser tests compare with native Python set up the same way,
    on the original site (none) and on a clinic's fork of it alike."""
    try:
        with zipfile.ZipFile(site / APP_ZIP) as bundle:
            data = json.loads(bundle.read(f"calculators/{BUNDLED_FILE}"))
    except (OSError, KeyError):
        return None
    parsed = parse_local_help(data)
    return parsed.clinic if isinstance(parsed, LocalHelp) else None
