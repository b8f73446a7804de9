"""The 404 page works wherever a fork publishes the site.

GitHub Pages serves 404.html for a missing path at any depth, so the page
cannot use relative URLs: MkDocs writes them from `site_url`, which the
build takes from $SITE_URL (the Pages workflow sets it to the repository's
own Pages address). Here the site is built for two other addresses, served
at each, and the 404 page must load its styles and scripts, and every link
on it must lead to a page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Response

from sitebuild.server import SiteServer

from .conftest import open_context

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module", params=["/", "/my-fork/"], ids=["at the root", "under /my-fork/"])
def fork_server(
    request: pytest.FixtureRequest, built_site: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[SiteServer]:
    prefix: str = request.param
    site = tmp_path_factory.mktemp("fork-site") / "site"
    env = {**os.environ, "SITE_URL": f"https://someone.github.io{prefix}"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(site)],
        cwd=ROOT,
        env=env,
        check=True,
        timeout=300,
    )
    subprocess.run(
        [sys.executable, "tools/finish_site.py", str(site)], cwd=ROOT, check=True, timeout=120
    )
    with SiteServer(site, prefix) as server:
        yield server
    shutil.rmtree(site, ignore_errors=True)


@pytest.mark.parametrize("missing", ["no-such-page", "a/b/c/deep/missing/"])
def test_404_page_loads_its_styles_and_links_under_any_prefix(
    browser: Browser, fork_server: SiteServer, missing: str
) -> None:
    context, watch = open_context(browser, fork_server, service_workers="block")
    failed: list[str] = []
    loaded: list[str] = []

    def on_response(response: Response) -> None:
        if response.url == fork_server.root + missing:
            return  # the 404 itself
        (loaded if response.ok else failed).append(response.url)

    context.on("response", on_response)
    page = context.new_page()
    response = page.goto(fork_server.root + missing)
    assert response is not None and response.status == 404
    page.wait_for_load_state("networkidle")
    assert page.locator("h1").inner_text() == "We could not find that page"
    assert failed == [], f"the 404 page asked for files that are not there: {failed}"
    assert any(url.endswith(".css") for url in loaded), loaded
    assert any(url.endswith("assets/js/search.js") for url in loaded), loaded
    # The theme's stylesheet applied, and its script ran (it marks the body).
    assert page.evaluate("getComputedStyle(document.querySelector('.md-header')).position") in (
        "sticky",
        "fixed",
    )
    assert page.evaluate("typeof window.document$") == "object"

    links = page.eval_on_selector_all(
        "a[href]", "links => links.map(a => a.href).filter(h => !h.includes('#'))"
    )
    internal = sorted({h for h in links if h.startswith(fork_server.origin)})
    assert len(internal) >= 15, internal
    for href in internal:
        assert href.startswith(fork_server.root), f"{href} leaves the site's prefix"
        assert page.request.get(href).status == 200, href

    page.locator("article").get_by_role("link", name="Readiness check").click()
    page.wait_for_url(fork_server.root + "tools/readiness/")
    context.close()
    watch.check()
