"""A clinic's settings at build time: with none, the site carries no trace of
them; a bad one stops `mkdocs build` (and the bundling step) with one line
naming the key, never a traceback."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from sitebuild.clinic_fork import FIXTURE, bundled_clinic, mkdocs_build

from .conftest import ROOT, built_pages

# (case, the clinic block as a clinic would mistype it, the line expected)
BAD = [
    (
        "typo in a key",
        '  clinic:\n    name: Riverside Pelvic Health\n    phnoe: "0161 496 0000"\n',
        "extra.clinic.phnoe: unknown setting. Did you mean phone?",
    ),
    (
        "malformed phone",
        "  clinic:\n    name: Riverside Pelvic Health\n    phone: call reception\n",
        "extra.clinic.phone: expected a phone number",
    ),
    (
        "http booking link",
        "  clinic:\n    name: Riverside Pelvic Health\n    booking_url: http://riverside.example.org/book\n",
        "extra.clinic.booking_url: expected a secure link starting with https://",
    ),
    (
        "missing logo file",
        "  clinic:\n    name: Riverside Pelvic Health\n    logo: assets/images/our-logo.png\n",
        "extra.clinic.logo: there is no file assets/images/our-logo.png in the docs folder",
    ),
]


def bad_config(tmp_path: Path, block: str) -> Path:
    config = tmp_path / "mkdocs.yml"
    config.write_text(
        f"INHERIT: {FIXTURE}\ndocs_dir: {ROOT / 'docs'}\n"
        f"theme:\n  custom_dir: {ROOT / 'overrides'}\nextra:\n{block}",
        encoding="utf-8",
    )
    return config


@pytest.mark.parametrize(("case", "block", "line"), BAD, ids=[b[0] for b in BAD])
def test_a_bad_clinic_setting_fails_the_build_in_one_line(
    tmp_path: Path, case: str, block: str, line: str
) -> None:
    done = mkdocs_build(bad_config(tmp_path, block), tmp_path / "site")
    assert done.returncode == 1, f"{case}: the build went ahead"
    named = [text for text in done.stderr.splitlines() if line in text]
    assert len(named) == 1, done.stderr
    assert "Traceback" not in done.stderr and 'File "' not in done.stderr, done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


@pytest.mark.parametrize(("case", "block", "line"), BAD[:3], ids=[b[0] for b in BAD[:3]])
def test_the_bundling_step_refuses_the_same_settings(
    tmp_path: Path, case: str, block: str, line: str
) -> None:
    config = bad_config(tmp_path, block)
    done = subprocess.run(
        [
            sys.executable,
            "tools/bundle_calculators.py",
            str(tmp_path / "x.zip"),
            "--config",
            str(config),
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 1
    assert done.stderr.count("\n") == 1 and line in done.stderr, done.stderr


def test_with_no_clinic_set_the_site_carries_no_trace_of_one(site: Path) -> None:
    if bundled_clinic(site) is not None:
        pytest.skip("this copy of the site sets a clinic in mkdocs.yml")
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        for mark in ("rtr-clinic", "rtr-local-help", "rtr-book", "[[clinic help]]"):
            assert mark not in html, (page, mark)
    with zipfile.ZipFile(site / "assets/py/calculators.zip") as bundle:
        assert "calculators/clinic.json" not in bundle.namelist()
