"""The Content-Security-Policy holds in the browser: calculators work under it,
and scripts injected from elsewhere (or inline) are refused."""

from __future__ import annotations

from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import Watch, wait_ready
from .driver import fill, submit


def test_injected_scripts_are_blocked_and_calculators_still_work(
    watched: tuple[Page, Watch, SiteServer],
) -> None:
    page, watch, server = watched
    failed: list[tuple[str, str | None]] = []
    page.on("requestfailed", lambda request: failed.append((request.url, request.failure)))
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    violations = page.evaluate(
        """() => new Promise((resolve) => {
            const seen = [];
            document.addEventListener("securitypolicyviolation", (e) => {
              seen.push([e.violatedDirective, e.blockedURI]);
              if (seen.length === 2) resolve(seen);
            });
            const remote = document.createElement("script");
            remote.src = "https://cdn.example.com/tracker.js";
            document.head.append(remote);
            const inline = document.createElement("script");
            inline.textContent = "window.__injected = true;";
            document.head.append(inline);
            setTimeout(() => resolve(seen), 3000);
        })"""
    )
    directives = sorted(v[0].split(" ")[0] for v in violations)
    assert directives == ["script-src-elem", "script-src-elem"], violations
    assert any("cdn.example.com" in v[1] for v in violations)
    assert page.evaluate("window.__injected === undefined")
    # Chromium reports the attempt, but refuses it before any network traffic.
    assert failed == [("https://cdn.example.com/tracker.js", "csp")]
    # The refusals are the point of this test, not problems.
    watch.off_origin.remove("https://cdn.example.com/tracker.js")
    watch.problems = [p for p in watch.problems if "Content Security Policy" not in p]

    fill(page, "readiness", {"weeks_since_birth": "8", "birth_type": "caesarean"})
    submit(page, "readiness")
    assert page.get_attribute("#rtr-readiness-result .rtr-report", "data-verdict") == "not-yet"


def test_policy_has_no_unsafe_eval_in_the_page(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    policy = page.get_attribute('meta[http-equiv="Content-Security-Policy"]', "content") or ""
    assert "'unsafe-eval'" not in policy and "'wasm-unsafe-eval'" in policy
    # ...and the planner, the heaviest page, ran under it (the watch fails
    # the test on any CSP violation in the console).
    assert page.get_attribute(".rtr-calculator", "data-boot") == "fresh"
