"""Finish a built site: stamp the Python worker with the version of the
runtime it boots (its memory snapshots are keyed on it), and the service
worker with the build's version and the list of files to keep offline.

A plain post-build step rather than an MkDocs hook, so it works the same for
MkDocs and Zensical (which ignores `hooks:`).
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

SERVICE_WORKER = "sw.js"
PYTHON_WORKER = "assets/js/python-worker.js"
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


def runtime_hashes(site: Path, files: list[str]) -> dict[str, str]:
    """Each runtime file's SHA-256: the service worker keeps a file under it,
    so an update that leaves the file alone keeps it for offline use."""
    return {f: hashlib.sha256((site / f).read_bytes()).hexdigest() for f in runtime_list(files)}


def build_version(site: Path, files: list[str]) -> str:
    digest = hashlib.sha256()
    for name in files:
        digest.update(name.encode())
        digest.update(hashlib.sha256((site / name).read_bytes()).digest())
    return digest.hexdigest()[:16]


def stamp_python_worker(site: Path, files: list[str]) -> None:
    """A hash of everything a Python snapshot depends on: Pyodide, the
    precompiled standard library and the calculators."""
    worker = site / PYTHON_WORKER
    text = worker.read_text(encoding="utf-8")
    if "__RUNTIME_VERSION__" not in text:
        return  # a copy of a finished site (the offline tests make them) is already stamped
    worker.write_text(text.replace("__RUNTIME_VERSION__", build_version(site, runtime_list(files))), encoding="utf-8")


def finish(site: Path) -> str:
    stamp_python_worker(site, site_files(site))
    worker = site / SERVICE_WORKER
    template = worker.read_text(encoding="utf-8")
    if "__BUILD_VERSION__" not in template:
        raise SystemExit(f"{worker} is already finished; rebuild the site first.")
    files = site_files(site)
    version = build_version(site, files)
    stamped = (
        template.replace("__BUILD_VERSION__", version)
        .replace("[] /* __PRECACHE__ */", json.dumps(precache_list(files)))
        .replace("{} /* __RUNTIME__ */", json.dumps(runtime_hashes(site, files)))
    )
    worker.write_text(stamped, encoding="utf-8")
    return version
