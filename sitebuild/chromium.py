"""Headless Chromium as the tests and the screenshot tools start it."""

from __future__ import annotations

import os
from pathlib import Path

PREFIX = "/return-to-run/"
"""The path the site is served under, as on GitHub Pages."""
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium"):
        if candidate and Path(candidate).exists():
            return candidate
    return None  # Playwright's own browser, where one is installed.
