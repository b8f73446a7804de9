"""The timeline calculator in the browser shows exactly what native Python returns."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sitebuild.server import SiteServer
from sitebuild.vectors import load

from .conftest import Watch, wait_ready
from .driver import check_vectors, submit, typeable

BROWSER_VECTORS = [v for v in load("timeline") if typeable("timeline", v.input)]


def test_vectors_match_native_results(watched_both: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched_both
    page.goto(server.root + "tools/timeline/")
    wait_ready(page)
    assert len(BROWSER_VECTORS) >= 8
    outcomes = check_vectors(page, "timeline", BROWSER_VECTORS, server.prefix)
    assert any(o["ok"] for o in outcomes) and not all(o["ok"] for o in outcomes)


def test_bad_input_shows_its_message_by_the_field(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/timeline/")
    wait_ready(page)
    page.fill("#rtr-timeline-weeks_since_birth", "lots")
    submit(page, "timeline")
    error = page.locator("#rtr-timeline-weeks_since_birth-error")
    assert error.inner_text() == "Enter a number, for example 12."
    assert error.is_visible()
    field = page.locator("#rtr-timeline-weeks_since_birth")
    assert field.get_attribute("aria-invalid") == "true"
    assert "rtr-timeline-weeks_since_birth-error" in (field.get_attribute("aria-describedby") or "")
    # Focus goes to the summary of problems, whose link leads to the field;
    # fixing it clears the message.
    assert page.evaluate("document.activeElement.id") == "rtr-timeline-errors"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "rtr-timeline-weeks_since_birth"
    page.fill("#rtr-timeline-weeks_since_birth", "14")
    submit(page, "timeline")
    assert not error.is_visible()
    assert page.locator(".rtr-report__title").inner_text() == "You are 14 weeks and 0 days after birth"


def test_keyboard_alone_completes_the_timeline(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/timeline/")
    wait_ready(page)
    page.locator("#rtr-timeline-birth_date").focus()
    for _ in range(4):  # through the date picker's day, month and year parts
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") != "rtr-timeline-birth_date":
            break
    assert page.evaluate("document.activeElement.id") == "rtr-timeline-weeks_since_birth"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"
    page.keyboard.type("20")
    page.keyboard.press("Enter")
    page.wait_for_selector("#rtr-timeline-result .rtr-report")
    assert page.evaluate("document.activeElement.matches('#rtr-timeline-result h2')")
    assert "20 weeks" in page.locator("#rtr-timeline-result").inner_text()


def test_form_is_usable_before_python_is_ready(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    # Hold the runtime back so the page is caught before Python is ready.
    server.delays["pyodide.asm.wasm"] = 3.0
    try:
        page.goto(server.root + "tools/timeline/")
        assert page.get_attribute(".rtr-calculator", "data-ready") == "false"
        assert page.get_attribute(".rtr-submit", "aria-disabled") == "true"
        page.fill("#rtr-timeline-weeks_since_birth", "9")
        # Enter submits; the click is queued, not lost. (Playwright's click()
        # would wait, as it treats aria-disabled as disabled.)
        page.press("#rtr-timeline-weeks_since_birth", "Enter")
        assert "as soon as Python is ready" in page.inner_text(".rtr-status")
    finally:
        server.delays.clear()
    page.wait_for_selector("#rtr-timeline-result .rtr-report", timeout=60_000)
    assert page.get_attribute(".rtr-submit", "aria-disabled") == "false"
    assert "9 weeks" in page.inner_text(".rtr-report__title")


@pytest.mark.parametrize("start", ["", "rebuild/strength/"])
def test_calculator_works_when_reached_from_the_menu(
    watched: tuple[Page, Watch, SiteServer], start: str
) -> None:
    page, _, server = watched
    page.goto(server.root + start)
    page.locator(".md-nav--primary").get_by_role("link", name="Postpartum timeline").first.click()
    page.wait_for_url("**/tools/timeline/")
    wait_ready(page)
    page.fill("#rtr-timeline-weeks_since_birth", "30")
    submit(page, "timeline")
    assert "30 weeks" in page.inner_text(".rtr-report__title")
