"""No page sends a reader to a placeholder address."""

from __future__ import annotations

import re
from pathlib import Path

from .conftest import built_pages

# example.com/.org/.net and github.com/example are reserved or placeholder
# names; a link to one is a dead end for a reader.
PLACEHOLDER = re.compile(
    r'href="https?://(?:[\w.-]+\.)?(?:example\.(?:com|org|net)|github\.com/example)\b'
)


def test_no_page_links_to_a_placeholder(site: Path) -> None:
    found = {
        page.relative_to(site).as_posix(): PLACEHOLDER.findall(page.read_text(encoding="utf-8"))
        for page in built_pages(site)
    }
    assert {page: links for page, links in found.items() if links} == {}
