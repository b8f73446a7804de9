"""Browser fixtures: the built site served on 127.0.0.1, and headless Chromium.

Every page a test opens is watched: a request to any other origin, a CSP
violation, or an uncaught error fails the test that caused it.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, BrowserContext, ConsoleMessage, Page, Playwright, sync_playwright

from sitebuild.chromium import CHROMIUM_ARGS, PREFIX, chromium_path
from sitebuild.server import SiteServer

SITE = Path(__file__).resolve().parents[2] / "site"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def built_site() -> Path:
    if not (SITE / ".built").exists():
        pytest.fail("The site is not built: run `make test` (or `make site`) first.")
    return SITE


@pytest.fixture(scope="session")
def playwright_instance() -> Iterator[Playwright]:
    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance: Playwright) -> Iterator[Browser]:
    browser = playwright_instance.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def root_server(built_site: Path) -> Iterator[SiteServer]:
    with SiteServer(built_site, "/") as server:
        yield server


@pytest.fixture(scope="session")
def prefix_server(built_site: Path) -> Iterator[SiteServer]:
    """The site as GitHub Pages serves a fork: under /<repo>/."""
    with SiteServer(built_site, PREFIX) as server:
        yield server


@pytest.fixture
def server(prefix_server: SiteServer) -> SiteServer:
    """Most tests run under the prefix: the case most likely to break paths."""
    return prefix_server


@pytest.fixture(params=["root", "prefix"])
def both_servers(request: pytest.FixtureRequest) -> SiteServer:
    """For the tests that must pass both at / and under a prefix."""
    return request.getfixturevalue(f"{request.param}_server")


@dataclass
class Watch:
    origin: str
    off_origin: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)

    def on_request(self, request) -> None:  # type: ignore[no-untyped-def]
        self.requests.append(request.url)
        if not (request.url.startswith(self.origin + "/") or request.url.startswith(("data:", "blob:"))):
            self.off_origin.append(request.url)

    def on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and "Failed to load resource" not in message.text:
            self.problems.append(f"console: {message.text}")

    def attach(self, context: BrowserContext) -> None:
        context.on("request", self.on_request)
        context.on("console", self.on_console)
        context.on("weberror", lambda error: self.problems.append(f"page error: {error.error}"))

    def check(self) -> None:
        assert not self.off_origin, f"requests to other origins: {self.off_origin}"
        assert not self.problems, "\n".join(self.problems)


def open_context(browser: Browser, server: SiteServer, **options) -> tuple[BrowserContext, Watch]:  # type: ignore[no-untyped-def]
    context = browser.new_context(**options)
    watch = Watch(server.origin)
    watch.attach(context)
    # Service workers are tested on their own (test_offline.py); elsewhere
    # every request must reach the network so the watch sees it.
    return context, watch


@pytest.fixture
def watched(browser: Browser, server: SiteServer) -> Iterator[tuple[Page, Watch, SiteServer]]:
    context, watch = open_context(browser, server, service_workers="block")
    page = context.new_page()
    yield page, watch, server
    context.close()
    watch.check()


@pytest.fixture
def watched_both(browser: Browser, both_servers: SiteServer) -> Iterator[tuple[Page, Watch, SiteServer]]:
    context, watch = open_context(browser, both_servers, service_workers="block")
    page = context.new_page()
    yield page, watch, both_servers
    context.close()
    watch.check()


@pytest.fixture
def reader(browser: Browser, server: SiteServer) -> Iterator[Callable[..., Page]]:
    """Opens pages as a reader would: at a screen size (PHONE or DESKTOP), in
    a colour scheme, with any other context options. Each is watched and
    closed at the end."""
    opened: list[tuple[BrowserContext, Watch]] = []

    def open_page(size: str, scheme: str = "light", **options: Any) -> Page:
        context, watch = open_context(
            browser, server, service_workers="block", color_scheme=scheme, **SIZES[size], **options
        )
        opened.append((context, watch))
        return context.new_page()

    yield open_page
    for context, watch in opened:
        context.close()
        watch.check()


def site_pages(site: Path) -> list[str]:
    """Every page's URL path relative to the site root, as directory URLs."""
    pages = []
    for html in sorted(site.rglob("index.html")):
        rel = html.parent.relative_to(site).as_posix()
        pages.append("" if rel == "." else rel + "/")
    return pages


def eventually(page: Page, predicate: str, arg: object = None, timeout: float = 30.0) -> object:
    """Poll an async page function until it returns something truthy.

    (Playwright's wait_for_function does not await a returned promise, and a
    promise is always truthy, so it must not be used for async checks.)
    """
    deadline = time.monotonic() + timeout
    while True:
        value = page.evaluate(predicate, arg)
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"never became true: {predicate}")
        page.wait_for_timeout(200)


def wait_ready(page: Page) -> None:
    page.wait_for_selector(".rtr-calculator[data-ready=true]", state="attached", timeout=60_000)


# The two screens every look at the site uses: a phone held in one hand
# (390x844, touch) and a laptop. Screenshots are taken at 3x on the phone.
PHONE: dict[str, object] = {
    "viewport": {"width": 390, "height": 844},
    "device_scale_factor": 3,
    "is_mobile": True,
    "has_touch": True,
}
DESKTOP: dict[str, object] = {"viewport": {"width": 1366, "height": 900}}
SIZES = {"phone": PHONE, "desktop": DESKTOP}
