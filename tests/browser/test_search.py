"""Search works on every kind of page, including while Python is still starting.

On a calculator page the theme's search index is built only once Python is
ready or the reader opens the search (assets/js/search-worker.js), so these
tests open it both ways."""

from __future__ import annotations

from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import Watch, wait_ready


def search_for(page: Page, words: str) -> list[str]:
    page.keyboard.press("/")  # the theme's shortcut opens and focuses the search
    page.keyboard.type(words)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=15000)
    return results.all_inner_texts()


def test_search_finds_pages_on_a_reading_page(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, watch, server = watched
    page.goto(server.root + "rebuild/strength/")
    page.wait_for_load_state("networkidle")
    found = search_for(page, "leaking")
    assert any("Warning signs" in text for text in found), found
    watch.check()


def test_search_works_on_a_calculator_page_once_python_is_ready(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, watch, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    found = search_for(page, "leaking")
    assert any("Warning signs" in text for text in found), found
    watch.check()


def test_opening_search_while_python_starts_does_not_wait_for_it(
    watched: tuple[Page, Watch, SiteServer],
) -> None:
    page, watch, server = watched
    server.delays["pyodide.asm.wasm"] = 30.0  # Python cannot be ready during this test
    try:
        page.goto(server.root + "tools/readiness/")
        page.wait_for_load_state("domcontentloaded")
        found = search_for(page, "leaking")
        assert page.get_attribute(".rtr-calculator", "data-ready") != "true"
        assert any("Warning signs" in text for text in found), found
    finally:
        server.delays.clear()
