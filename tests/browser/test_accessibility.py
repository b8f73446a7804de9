"""axe-core on every page, light and dark, with calculator results and errors shown.

Fails on any serious or critical WCAG 2.0-2.2 A/AA violation. axe comes from
the pinned npm package and is served from the site's own origin for the test,
since the pages' CSP refuses anything else.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, Route

from sitebuild.server import SiteServer
from sitebuild.vectors import load

from .conftest import SITE, open_context, site_pages, wait_ready
from .driver import fill, submit

AXE = Path(__file__).resolve().parents[2] / "node_modules/axe-core/axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# A result shown on each calculator page, so its markup is checked too.
SHOWN = {
    "timeline": "from-date-16-weeks",
    "readiness": "not-yet-bridge-left-19",
    "planner": "default-gentle-30-minutes",
}


def serve_axe(route: Route) -> None:
    route.fulfill(path=AXE, content_type="text/javascript")


def run_axe(page: Page, server: SiteServer) -> list[dict[str, Any]]:
    page.add_script_tag(url=server.root + "__test__/axe.min.js")
    return page.evaluate(
        """async (tags) => {
            const results = await axe.run(document, { runOnly: { type: "tag", values: tags } });
            return results.violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => ({ id: v.id, impact: v.impact, help: v.help,
                             nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
        }""",
        TAGS,
    )


def show_result(page: Page, calculator: str) -> None:
    wait_ready(page)
    vector = next(v for v in load(calculator) if v.name == SHOWN[calculator])
    fill(page, calculator, vector.input)
    submit(page, calculator)


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_no_serious_violations_anywhere(browser: Browser, server: SiteServer, scheme: str) -> None:
    # Reduced motion: no half-finished transition is measured for contrast.
    context, watch = open_context(
        browser, server, service_workers="block", color_scheme=scheme, reduced_motion="reduce"
    )
    context.route("**/__test__/axe.min.js", serve_axe)
    page = context.new_page()
    failures = {}
    for path in site_pages(SITE):
        page.goto(server.root + path)
        calculator = page.get_attribute(".rtr-calculator", "data-calculator") if page.locator(
            ".rtr-calculator"
        ).count() else None
        if calculator in SHOWN:
            show_result(page, calculator)
        elif calculator:  # Today's run shows its own result (test_run_day.py checks it filled)
            page.wait_for_selector(".rtr-result[data-state]", state="attached", timeout=60_000)
        expected = "slate" if scheme == "dark" else "default"
        assert page.get_attribute("body", "data-md-color-scheme") == expected
        violations = run_axe(page, server)
        if violations:
            failures[path] = violations
    context.close()
    watch.check()
    assert not failures, failures


def test_error_messages_pass_axe(browser: Browser, server: SiteServer) -> None:
    context, watch = open_context(browser, server, service_workers="block")
    context.route("**/__test__/axe.min.js", serve_axe)
    page = context.new_page()
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    fill(page, "readiness", {"weeks_since_birth": "abc", "bridge_left": "-3"})
    submit(page, "readiness")
    assert page.locator(".rtr-error:not([hidden])").count() >= 2
    assert run_axe(page, server) == []
    context.close()
    watch.check()


# Each verdict's card has its own colours: check all three, open, in both schemes.
VERDICTS = ("see-professional-both", "not-yet-newborn-nothing-done", "ready-all-passed")


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_every_readiness_verdict_passes_axe(browser: Browser, server: SiteServer, scheme: str) -> None:
    context, watch = open_context(
        browser, server, service_workers="block", color_scheme=scheme, reduced_motion="reduce"
    )
    context.route("**/__test__/axe.min.js", serve_axe)
    page = context.new_page()
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    failures = {}
    for name in VERDICTS:
        vector = next(v for v in load("readiness") if v.name == name)
        fill(page, "readiness", vector.input)
        submit(page, "readiness")
        page.evaluate("document.querySelectorAll('.rtr-result details').forEach((d) => d.open = true)")
        violations = run_axe(page, server)
        if violations:
            failures[name] = violations
    context.close()
    watch.check()
    assert not failures, failures
