"""Saved answers under fault: a full storage and a saved record of the wrong
shape each give a true message, and Save and Clear keep working."""

from __future__ import annotations

from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import Watch, wait_ready

KEY = "return-to-run.answers.planner"


def open_with_saved(page: Page, server: SiteServer, value: str) -> None:
    page.goto(server.root + "tools/planner/")
    wait_ready(page)  # the first load has read storage: the record is for the reload
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])
    page.reload()
    wait_ready(page)


def note(page: Page) -> str:
    return page.locator("#rtr-planner-form .rtr-save__note").text_content() or ""


def test_answers_of_the_wrong_shape_are_not_said_to_be_filled_in(
    watched: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = watched
    open_with_saved(page, server, '{"format": 1, "answers": []}')
    said = note(page)
    assert "filled in" not in said, said
    assert "could not use them" in said
    # Kept aside, not lost.
    assert page.evaluate("(key) => localStorage.getItem(key + '.unreadable')", KEY) is not None


def test_a_full_storage_gives_a_message_and_the_buttons_still_work(
    watched: tuple[Page, Watch, SiteServer],
) -> None:
    page, watch, server = watched
    # About 3 M characters that are not JSON: setting a copy aside as well
    # goes past the browser's storage quota.
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    page.evaluate("(key) => localStorage.setItem(key, 'x'.repeat(3_000_000))", KEY)
    page.reload()
    wait_ready(page)
    said = note(page)
    assert "no room to set them aside" in said, said
    assert page.evaluate("(key) => localStorage.getItem(key).length", KEY) == 3_000_000, (
        "nothing is lost"
    )
    page.get_by_role("button", name="Clear saved answers").click()
    assert page.evaluate("(key) => localStorage.getItem(key)", KEY) is None
    page.locator("#rtr-planner-save").check()
    assert "Saved in this browser only" in note(page)
    assert page.evaluate("(key) => JSON.parse(localStorage.getItem(key)).format", KEY) == 1
    assert not watch.problems, watch.problems
