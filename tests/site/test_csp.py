"""Every page carries the strict Content-Security-Policy, and it allows exactly
the inline scripts the pages contain."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from sitebuild.csp import inline_script_hashes, site_hashes

from .conftest import ROOT, built_pages

CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]+)">')


def configured_hashes() -> set[str]:
    # mkdocs.yml uses !!python tags; only the plain `extra` mapping is needed.
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    extra = text[text.index("\nextra:") :]
    return set(yaml.safe_load(extra)["extra"]["csp_script_hashes"])


def test_configured_hashes_are_exactly_the_inline_scripts_in_the_site(site: Path) -> None:
    found = site_hashes(site)
    configured = configured_hashes()
    missing = found - configured
    assert not missing, "Add to extra.csp_script_hashes in mkdocs.yml:\n" + "\n".join(
        f"    - {h}" for h in sorted(missing)
    )
    assert not configured - found, f"No longer needed, remove: {sorted(configured - found)}"


def test_every_page_has_the_policy_before_any_script(site: Path) -> None:
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        match = CSP.search(html)
        assert match, page
        assert match.start() < html.index("<script"), page
        policy = dict(
            (d.split()[0], d.split()[1:]) for d in match.group(1).split(";") if d.strip()
        )
        assert policy["default-src"] == ["'self'"]
        assert "'unsafe-eval'" not in policy["script-src"]
        assert "'unsafe-inline'" not in policy["script-src"]
        assert policy["object-src"] == ["'none'"]
        for digest in inline_script_hashes(html):
            assert f"'sha256-{digest}'" in policy["script-src"], page


def test_no_inline_event_handlers(site: Path) -> None:
    handler = re.compile(r"<[^>]+\son[a-z]+=", re.I)
    for page in built_pages(site):
        assert not handler.search(page.read_text(encoding="utf-8")), page
