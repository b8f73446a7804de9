"""List the sha256 hashes of every inline script in a built site.

These are the values `extra.csp_script_hashes` in mkdocs.yml must hold.
Non-executable <script type="application/json"> blocks are ignored, as the
browser ignores them too.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
EXECUTABLE_TYPES = {"", "text/javascript", "module", "application/javascript"}


def inline_script_hashes(html: str) -> set[str]:
    hashes = set()
    for match in INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs")
        if "src=" in attrs:
            continue
        kind = re.search(r'type="([^"]*)"', attrs)
        if (kind.group(1) if kind else "") not in EXECUTABLE_TYPES:
            continue
        digest = hashlib.sha256(match.group("body").encode("utf-8")).digest()
        hashes.add(base64.b64encode(digest).decode())
    return hashes


def site_hashes(site: Path) -> set[str]:
    found: set[str] = set()
    for page in site.rglob("*.html"):
        found |= inline_script_hashes(page.read_text(encoding="utf-8"))
    return found
