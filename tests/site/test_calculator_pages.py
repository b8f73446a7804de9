"""Calculator pages declare themselves in front matter (`calculators: [...]`),
and the declaration matches the forms the page embeds, so the templates need
no search through the rendered HTML (which Zensical's templates cannot do)."""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from .conftest import ROOT, built_pages

DOCS = ROOT / "docs"
EMBED = re.compile(r"^\[\[calculator\s+([a-z][a-z0-9_-]*)\]\]\s*$", re.M)


def front_matter(page: Path) -> dict:
    text = page.read_text(encoding="utf-8")
    if not text.startswith("---\n"):
        return {}
    return yaml.safe_load(text[4 : text.index("\n---", 4)]) or {}


def test_every_page_declares_exactly_the_calculators_it_embeds() -> None:
    mismatches = {}
    for page in sorted(DOCS.rglob("*.md")):
        embedded = EMBED.findall(page.read_text(encoding="utf-8"))
        declared = front_matter(page).get("calculators", [])
        if sorted(embedded) != sorted(declared):
            mismatches[str(page.relative_to(DOCS))] = {"embedded": embedded, "declared": declared}
    assert not mismatches, mismatches


def test_built_pages_start_python_for_their_forms_and_only_there(site: Path) -> None:
    problems = {}
    for html_file in built_pages(site):
        html = html_file.read_text(encoding="utf-8")
        forms = re.findall(r'<div class="rtr-calculator" data-calculator="([^"]+)"', html)
        starter = re.search(r'<meta name="rtr-calculators" content="([^"]*)"', html)
        started = starter.group(1).split() if starter else []
        if sorted(forms) != sorted(started):
            problems[str(html_file.relative_to(site))] = {"forms": forms, "started": started}
    assert not problems, problems
