"""The service worker: calculator pages work offline after one visit, and a new
deploy replaces the old cache whole, only when the reader agrees."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page

from sitebuild.finish import finish
from sitebuild.server import SiteServer

from .conftest import PREFIX, SITE, eventually, open_context, wait_ready
from .driver import fill, submit

TEMPLATE = Path(__file__).resolve().parents[2] / "docs/sw.js"


def make_build(target: Path, marker: str) -> str:
    """A copy of the built site with a visible marker, stamped as its own build."""
    shutil.copytree(SITE, target, ignore=shutil.ignore_patterns(".built"))
    shutil.copy(TEMPLATE, target / "sw.js")
    home = target / "index.html"
    home.write_text(home.read_text(encoding="utf-8").replace("</h1>", f" {marker}</h1>", 1), encoding="utf-8")
    return finish(target)


@pytest.fixture
def builds(tmp_path: Path) -> Iterator[tuple[SiteServer, dict[str, tuple[Path, str]]]]:
    made = {name: (tmp_path / name, make_build(tmp_path / name, f"[build {name}]")) for name in ("a", "b")}
    with SiteServer(made["a"][0], PREFIX) as server:
        yield server, made


def controlled(page: Page) -> None:
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)


def wait_for_kept_runtime(page: Page) -> None:
    """The Python runtime is kept in a cache of its own, each file under its hash."""
    eventually(
        page,
        """async () => {
            const keys = (await (await caches.open("rtr-runtime")).keys()).map((r) => r.url);
            return keys.some((u) => u.includes("/pyodide.asm.wasm?sha256=")) && keys.some((u) => u.includes("/calculators.zip?sha256="));
        }""",
    )


def build_caches(page: Page) -> list[str]:
    """The caches that hold a whole build (the runtime's own cache outlives them)."""
    return [n for n in page.evaluate("caches.keys()") if n.startswith("return-to-run-")]


def test_a_calculator_page_works_offline_after_one_visit(
    browser: Browser, builds: tuple[SiteServer, dict]
) -> None:
    server, made = builds
    context, watch = open_context(browser, server)
    page = context.new_page()
    page.goto(server.root + "tools/timeline/")
    wait_ready(page)
    controlled(page)
    # Wait until the runtime the page used is kept for offline use.
    wait_for_kept_runtime(page)
    eventually(page, "async () => (await (await caches.open('rtr-python-snapshots')).keys()).length > 0")
    context.set_offline(True)
    page.reload()
    wait_ready(page)
    # Served by the service worker, Python still restores its snapshot.
    assert page.get_attribute(".rtr-calculator", "data-boot") == "snapshot"
    fill(page, "timeline", {"weeks_since_birth": "18", "today": "2026-11-23"})
    submit(page, "timeline")
    assert "18 weeks" in page.inner_text(".rtr-report__title")
    # Any other page of the site, never opened before, is there too.
    page.goto(server.root + "test/warning-signs/")
    assert page.locator("h1").inner_text().startswith("Warning signs")
    context.close()
    watch.check()


def test_a_new_deploy_replaces_the_old_cache_only_when_the_reader_agrees(
    browser: Browser, builds: tuple[SiteServer, dict]
) -> None:
    server, made = builds
    (_, version_a), (dir_b, version_b) = made["a"], made["b"]
    assert version_a != version_b
    context, watch = open_context(browser, server)
    page = context.new_page()
    page.goto(server.root)
    controlled(page)
    eventually(page, "(n) => caches.has(n)", f"return-to-run-{version_a}")
    assert "[build a]" in page.inner_text("h1")

    server.directory = dir_b  # the new deploy
    page.reload()
    # Still all build A (one consistent version), with an offer to update.
    assert "[build a]" in page.inner_text("h1")
    offer = page.locator(".rtr-update button")
    offer.wait_for(timeout=30_000)
    assert set(build_caches(page)) == {f"return-to-run-{version_a}", f"return-to-run-{version_b}"}

    with page.expect_navigation():
        offer.click()
    assert "[build b]" in page.inner_text("h1")
    eventually(
        page,
        "async (n) => (await caches.keys()).filter((k) => k.startsWith('return-to-run-')).join() === n",
        f"return-to-run-{version_b}",
    )
    # Every asset the page now uses comes from build B's cache.
    served = page.evaluate(
        """async (n) => {
            const cache = await caches.open(n);
            const css = performance.getEntriesByType("resource").map((e) => e.name).filter((u) => u.endsWith(".css"));
            return Promise.all(css.map(async (u) => !!(await cache.match(u))));
        }""",
        f"return-to-run-{version_b}",
    )
    assert served and all(served)
    context.close()
    watch.check()
