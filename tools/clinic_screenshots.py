"""Screenshots of a clinic's fork (tests/fixtures/clinic-mkdocs.yml), for
reviewing how the clinic appears: the readiness verdict with a warning sign
at phone and desktop sizes, light and dark, and the printed page (its PDF,
and the print layout as an image). Writes to build/clinic/.

Usage: make site && .venv/bin/python tools/clinic_screenshots.py
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.chromium import CHROMIUM_ARGS, chromium_path  # noqa: E402
from sitebuild.clinic_fork import build_fork  # noqa: E402
from sitebuild.page_driver import fill, submit  # noqa: E402
from sitebuild.server import SiteServer  # noqa: E402
from sitebuild.vectors import load  # noqa: E402

SIZES = {"phone": (390, 844), "desktop": (1366, 900)}
LEAKING = next(v for v in load("readiness") if v.name == "see-professional-sign-leaking")


def main() -> None:
    out = ROOT / "build/clinic"
    work = out / "fork"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    site = build_fork(work)
    with SiteServer(site, "/clinic-fork/") as server, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        for size, (width, height) in SIZES.items():
            for scheme in ("light", "dark"):
                page = browser.new_page(
                    viewport={"width": width, "height": height}, color_scheme=scheme
                )
                page.goto(server.root + "tools/readiness/")
                page.wait_for_selector(
                    ".rtr-calculator[data-ready=true]", state="attached", timeout=60_000
                )
                fill(page, "readiness", LEAKING.input)
                submit(page, "readiness")
                page.locator(
                    "#rtr-readiness-result .rtr-report__title"
                ).scroll_into_view_if_needed()
                page.evaluate("window.scrollBy(0, -16)")
                page.screenshot(path=out / f"verdict-{size}-{scheme}.png")
                if size == "desktop" and scheme == "light":
                    page.pdf(path=out / "printout.pdf", format="A4")
                    page.emulate_media(media="print")
                    page.set_viewport_size({"width": 794, "height": 1123})  # A4 at 96 dpi
                    page.evaluate("window.scrollTo(0, 0)")
                    page.screenshot(path=out / "printout-page1.png")
                page.close()
        for size, (width, height) in SIZES.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            page.goto(server.root + "test/warning-signs/#finding-a-physio")
            page.screenshot(path=out / f"help-{size}.png")
            page.close()
        browser.close()
    for shot in sorted(out.glob("*.*")):
        print(shot)


if __name__ == "__main__":
    main()
