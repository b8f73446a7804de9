"""Every page of the built site loads from its own origin only, under a prefix
(and one page of each kind at /)."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import Watch, site_pages, wait_ready

SITE = Path(__file__).resolve().parents[2] / "site"
# Under the prefix, as GitHub Pages serves a fork, every page. At /, as
# `make serve` serves it, one page of each kind: every page is made from the
# same templates, and the whole list at / cost 20 s of every `make test`.
AT_ROOT = {"", "rebuild/strength/", "about/your-data/", "tools/timeline/", "tools/today/"}


def test_every_page_loads_from_its_own_origin_only(
    watched_both: tuple[Page, Watch, SiteServer],
) -> None:
    page, watch, server = watched_both
    pages = site_pages(SITE)
    assert len(pages) >= 20, pages
    if server.prefix == "/":
        assert AT_ROOT <= set(pages), AT_ROOT - set(pages)
        pages = [p for p in pages if p in AT_ROOT]
    for path in pages:
        response = page.goto(server.root + path)
        assert response is not None and response.ok, path
        if page.locator(".rtr-calculator").count():
            wait_ready(page)  # so the Python runtime's own requests are watched too
        else:
            page.wait_for_load_state("networkidle")
    watch.check()


def test_content_pages_load_no_python(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, watch, server = watched
    for path in ("", "rebuild/strength/", "test/warning-signs/", "about/"):
        watch.requests.clear()
        page.goto(server.root + path)
        page.wait_for_load_state("networkidle")
        glue = ("calculator.js", "/python.js", "contract.js", "python-worker.js")
        runtime = [
            u
            for u in watch.requests
            if "/assets/vendor/" in u or "/assets/py/" in u or u.endswith(glue)
        ]
        assert runtime == [], (path, runtime)


def test_missing_page_gets_a_helpful_404(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, watch, server = watched
    response = page.goto(server.root + "no/such/page/")
    assert response is not None and response.status == 404
    assert page.locator("h1").inner_text() == "We could not find that page"
    page.locator("article").get_by_role("link", name="Readiness check").click()
    page.wait_for_url(server.root + "tools/readiness/")
    # The 404 page's stylesheet came from the prefix, so the theme is applied.
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
