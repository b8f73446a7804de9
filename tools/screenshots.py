"""Screenshots of the built site, for reviewing how it looks: home, a content
page, a calculator result, and dark mode. Writes PNGs to build/screenshots/.

Usage: make site && .venv/bin/python tools/screenshots.py
"""

from __future__ import annotations

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.chromium import CHROMIUM_ARGS, PREFIX, chromium_path  # noqa: E402
from sitebuild.page_driver import fill, submit  # noqa: E402
from sitebuild.server import SiteServer  # noqa: E402
from sitebuild.vectors import load  # noqa: E402

SHOTS = [
    # (file, page, colour scheme, calculator vector to show or None)
    ("home.png", "", "light", None),
    ("content-page.png", "rebuild/stacking/", "light", None),
    ("dark-mode.png", "understand/pregnancy-changes/", "dark", None),
    ("readiness-result.png", "tools/readiness/", "light", ("readiness", "not-yet-bridge-left-19")),
    ("planner-dark.png", "tools/planner/", "dark", ("planner", "default-gentle-30-minutes")),
]


def main() -> None:
    out = ROOT / "build/screenshots"
    out.mkdir(parents=True, exist_ok=True)
    with SiteServer(ROOT / "site", PREFIX) as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for name, path, scheme, shown in SHOTS:
            page = browser.new_page(viewport={"width": 1200, "height": 900}, color_scheme=scheme)
            page.goto(server.root + path)
            if shown:
                calculator, vector = shown
                page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)
                fill(page, calculator, next(v for v in load(calculator) if v.name == vector).input)
                submit(page, calculator)
                page.locator(f"#rtr-{calculator}-result").scroll_into_view_if_needed()
            page.screenshot(path=out / name)
            page.close()
            print(out / name)
        browser.close()


if __name__ == "__main__":
    main()
