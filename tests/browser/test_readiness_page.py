"""The readiness check through the real page: same verdicts and items as native Python."""

from __future__ import annotations

import json

from playwright.sync_api import Page

from sitebuild.server import SiteServer
from sitebuild.vectors import load

from .conftest import Watch, wait_ready
from .driver import check_vectors, shown_errors, submit, typeable

VECTORS = [v for v in load("readiness") if not v.native_only and typeable("readiness", v.input)]
PAGE = "tools/readiness/"


def shown_items(page: Page) -> list[tuple[str, str]]:
    return page.evaluate(
        """() => [...document.querySelectorAll('#rtr-readiness-result .rtr-item')]
              .map((li) => [li.dataset.key, li.dataset.status])"""
    )


def test_every_vector_matches_native(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + PAGE)
    wait_ready(page)

    def same_verdict_and_items(page: Page, expected: dict, name: str) -> None:
        result = expected["result"]
        shown = page.get_attribute("#rtr-readiness-result .rtr-report", "data-verdict")
        assert shown == result["verdict"], name
        # In each group, what needs attention first, then the routine rest.
        items = result["items"]
        groups = list(dict.fromkeys(i["group"] for i in items))
        expected_order = [
            [i["key"], i["status"]]
            for group in groups
            for routine in (False, True)
            for i in items
            if i["group"] == group and (i["status"] == "met") == routine
        ]
        assert shown_items(page) == expected_order, name

    outcomes = check_vectors(page, "readiness", VECTORS, server.prefix, same_verdict_and_items)
    verdicts = {o["result"]["verdict"] for o in outcomes if o["ok"]}
    assert verdicts == {"see-professional", "not-yet", "ready"}


def test_a_bad_field_shows_its_message(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + PAGE)
    wait_ready(page)
    page.fill("#rtr-readiness-weeks_since_birth", "14")
    page.check("#rtr-readiness-birth_type-vaginal")
    page.fill("#rtr-readiness-bridge_left", "2000")
    submit(page, "readiness")
    errors = shown_errors(page, "readiness")
    assert errors == {"bridge_left": "Enter a number from 0 to 200 repetitions."}
    assert page.locator("#rtr-readiness-bridge_left").get_attribute("aria-invalid") == "true"
    # Focus goes to the summary of problems; its link leads to the field.
    assert page.evaluate("document.activeElement.id") == "rtr-readiness-errors"
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "rtr-readiness-bridge_left"


def test_saved_answers_survive_a_reload_and_can_be_cleared(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + PAGE)
    wait_ready(page)
    page.fill("#rtr-readiness-weeks_since_birth", "15")
    page.check("#rtr-readiness-birth_type-caesarean")
    page.check("#rtr-readiness-test_walking")
    page.fill("#rtr-readiness-calf_raise_left", "17")
    page.check("#rtr-readiness-save")
    submit(page, "readiness")
    page.reload()
    wait_ready(page)
    assert page.input_value("#rtr-readiness-weeks_since_birth") == "15"
    assert page.is_checked("#rtr-readiness-birth_type-caesarean")
    assert page.is_checked("#rtr-readiness-test_walking")
    assert page.input_value("#rtr-readiness-calf_raise_left") == "17"
    assert "answers you saved" in page.inner_text(".rtr-save__note")
    page.click("[data-save-control=clear]")
    assert page.evaluate("localStorage.getItem('return-to-run.answers.readiness')") is None
    page.reload()
    wait_ready(page)
    assert page.input_value("#rtr-readiness-weeks_since_birth") == ""
    assert not page.is_checked("#rtr-readiness-save")


def test_unreadable_saved_answers_give_a_message_and_are_kept(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + PAGE)
    wait_ready(page)
    kept: list[str] = []
    for stored in ('{"format": 0, "answers": {"weeks": 3}}', "{not json"):
        page.evaluate("(v) => localStorage.setItem('return-to-run.answers.readiness', v)", stored)
        page.reload()
        wait_ready(page)
        note = page.inner_text(".rtr-save__note")
        assert "could not use them" in note
        kept.append(stored)  # each one is set aside; none replaces another
        aside = page.evaluate("localStorage.getItem('return-to-run.answers.readiness.unreadable')")
        assert json.loads(aside) == kept
        # The page still works.
        page.fill("#rtr-readiness-weeks_since_birth", "5")
        page.check("#rtr-readiness-birth_type-vaginal")
        submit(page, "readiness")
        assert page.get_attribute("#rtr-readiness-result .rtr-report", "data-verdict") == "not-yet"


def test_timeline_date_of_birth_carries_over(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/timeline/")
    wait_ready(page)
    page.fill("#rtr-timeline-birth_date", "2026-01-05")
    page.check("#rtr-timeline-save")
    page.goto(server.root + PAGE)
    wait_ready(page)
    assert page.input_value("#rtr-readiness-birth_date") == "2026-01-05"
    assert "another calculator" in page.inner_text(".rtr-save__note")


def test_keyboard_alone_reaches_a_verdict(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + PAGE)
    wait_ready(page)

    def tab_to(element_id: str) -> None:
        for _ in range(120):
            page.keyboard.press("Tab")
            if page.evaluate("document.activeElement.id") == element_id:
                return
        raise AssertionError(f"Tab never reached #{element_id}")

    page.locator("#rtr-readiness-birth_date").focus()
    tab_to("rtr-readiness-weeks_since_birth")
    page.keyboard.type("20")
    tab_to("rtr-readiness-birth_type-vaginal")
    page.keyboard.press("Space")
    tab_to("rtr-readiness-sign_leaking")
    page.keyboard.press("Space")
    tab_to("rtr-readiness-submit")
    page.keyboard.press("Enter")
    page.wait_for_selector("#rtr-readiness-result .rtr-report")
    assert page.get_attribute("#rtr-readiness-result .rtr-report", "data-verdict") == "see-professional"
    assert page.evaluate("document.activeElement.matches('#rtr-readiness-result h2')")
