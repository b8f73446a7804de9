"""A clinic's fork, served as GitHub Pages would serve it (/clinic-fork/):
the verdict, the printout and the help page name the clinic, nothing is
requested from another origin, and the CSP still holds."""

from __future__ import annotations

import io
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from pypdf import PdfReader

from calculators import run
from sitebuild.clinic_fork import build_fork, fixture_clinic
from sitebuild.csp import site_hashes
from sitebuild.server import SiteServer
from sitebuild.vectors import load

from .conftest import Watch, open_context, wait_ready
from .driver import fill, same_markup, submit

PREFIX = "/clinic-fork/"
LEAKING = next(v for v in load("readiness") if v.name == "see-professional-sign-leaking")
CLINIC = fixture_clinic()


@pytest.fixture(scope="module")
def fork_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_fork(tmp_path_factory.mktemp("clinic-fork"))


@pytest.fixture(scope="module")
def fork_server(fork_site: Path) -> Iterator[SiteServer]:
    with SiteServer(fork_site, PREFIX) as server:
        yield server


@pytest.fixture
def fork_page(
    browser: Browser, fork_server: SiteServer
) -> Iterator[tuple[Page, Watch, SiteServer]]:
    context, watch = open_context(browser, fork_server, service_workers="block")
    page = context.new_page()
    yield page, watch, fork_server
    context.close()
    watch.check()  # no other origin, no CSP violation, no error


def _verdict(page: Page, server: SiteServer) -> dict:
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    fill(page, "readiness", LEAKING.input)
    submit(page, "readiness")
    return run("readiness", LEAKING.input, site_root=server.prefix, clinic=CLINIC)


def test_the_verdict_books_with_the_clinic_as_native_python_does(fork_page) -> None:  # type: ignore[no-untyped-def]
    page, _, server = fork_page
    expected = _verdict(page, server)
    assert same_markup(page, "readiness", expected["html"])
    book = page.locator('#rtr-readiness-result [data-professional="physio"] .rtr-book')
    assert book.locator("a.rtr-book__link").inner_text() == f"Book with {CLINIC.name}"
    assert book.locator("a.rtr-book__link").get_attribute("href") == CLINIC.booking_url
    assert book.locator('a[href^="tel:"]').inner_text() == CLINIC.phone


def test_the_printout_names_the_clinic_and_its_contact(fork_page) -> None:  # type: ignore[no-untyped-def]
    page, _, server = fork_page
    _verdict(page, server)
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4")))
    text = re.sub(r"\s+", " ", " ".join(p.extract_text() for p in pdf.pages))
    first = re.sub(r"\s+", " ", pdf.pages[0].extract_text())
    assert CLINIC.name in first  # the header, to hand over
    assert CLINIC.phone and CLINIC.phone in first
    assert CLINIC.booking_url and CLINIC.booking_url in first
    assert f"Book with {CLINIC.name}" in text  # the verdict itself


def test_the_help_page_and_footer_name_the_clinic(fork_page) -> None:  # type: ignore[no-untyped-def]
    page, _, server = fork_page
    page.goto(server.root + "test/warning-signs/")
    help_block = page.locator("#finding-a-physio ~ .rtr-local-help").first
    assert CLINIC.name in help_block.inner_text()
    assert help_block.locator(f'a[href="{CLINIC.booking_url}"]').count() == 1
    assert "NHS 111" in help_block.inner_text() and "999" in help_block.inner_text()
    footer = page.locator(".rtr-clinic-footer")
    assert CLINIC.name in footer.inner_text()
    assert footer.locator('a[href="tel:01614960000"]').count() == 1


def test_the_fork_needs_no_new_script_hashes(fork_site: Path) -> None:
    from tests.site.test_csp import configured_hashes

    assert site_hashes(fork_site) <= configured_hashes()


def axe_on(page: Page, server: SiteServer, selectors: list[str]) -> list[dict]:
    """Serious or critical violations inside the clinic's own blocks only.
    (The verdict's source line has a contrast problem of its own, on the
    original site too, left to the engineer reworking the result's styles.)"""
    from .test_accessibility import TAGS

    page.add_script_tag(url=server.root + "__test__/axe.min.js")
    return page.evaluate(
        """async ([tags, selectors]) => {
            const context = { include: selectors.map((s) => [s]) };
            const results = await axe.run(context, { runOnly: { type: "tag", values: tags } });
            return results.violations
              .filter((v) => v.impact === "serious" || v.impact === "critical")
              .map((v) => ({ id: v.id, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")) }));
        }""",
        [TAGS, selectors],
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_the_clinic_blocks_pass_axe(browser: Browser, fork_server: SiteServer, scheme: str) -> None:
    from .test_accessibility import serve_axe

    context, watch = open_context(
        browser, fork_server, service_workers="block", color_scheme=scheme, reduced_motion="reduce"
    )
    context.route("**/__test__/axe.min.js", serve_axe)
    page = context.new_page()
    _verdict(page, fork_server)
    failures = {"readiness": axe_on(page, fork_server, [".rtr-book", ".rtr-clinic-footer"])}
    page.goto(fork_server.root + "test/warning-signs/")
    failures["warning-signs"] = axe_on(page, fork_server, [".rtr-local-help"])
    context.close()
    watch.check()
    assert not any(failures.values()), failures
