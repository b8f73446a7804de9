"""Finish a built site: stamp the service worker with the build's version and
the list of files to keep for offline use.

A plain post-build step rather than an MkDocs hook, so it works the same for
MkDocs and Zensical (which ignores `hooks:`).
"""

from __future__ import annotations

import hashlib
import json
import sys
from pathlib import Path

SERVICE_WORKER = "sw.js"
# Fetched and cached on first use instead of up front: the Python runtime is
# several MB, and a reader who never opens a calculator should not pay for it.
ON_DEMAND = ("assets/vendor/", "assets/py/")
SKIPPED = ("assets/javascripts/lunr/", ".map", "sitemap.xml", "sitemap.xml.gz", ".built")


def site_files(site: Path) -> list[str]:
    return sorted(
        p.relative_to(site).as_posix()
        for p in site.rglob("*")
        if p.is_file() and p.name != SERVICE_WORKER
    )


def precache_list(files: list[str]) -> list[str]:
    keep = [f for f in files if not f.startswith(ON_DEMAND) and not f.endswith(SKIPPED)
            and not any(f.startswith(s) for s in SKIPPED)]
    # Pages are requested by their directory URL ("about/"), not "about/index.html".
    return [f.removesuffix("index.html") for f in keep]


def runtime_list(files: list[str]) -> list[str]:
    return [f for f in files if f.startswith(ON_DEMAND)]


def build_version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256((site / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def finish(site: Path) -> str:
    worker = site / SERVICE_WORKER
    template = worker.read_text(encoding="utf-8")
    if "__BUILD_VERSION__" not in template:
        raise SystemExit(f"{worker} is already finished; rebuild the site first.")
    files = site_files(site)
    version = build_version(site, files)
    stamped = (
        template.replace("__BUILD_VERSION__", version)
        .replace("[] /* __PRECACHE__ */", json.dumps(precache_list(files)))
        .replace("[] /* __RUNTIME__ */", json.dumps(runtime_list(files)))
    )
    worker.write_text(stamped, encoding="utf-8")
    return version


if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print(f"{target}: build {finish(target)}")
