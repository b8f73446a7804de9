"""Miles, chosen once on the planner, in the page and on Today's run.

A reader taps "Miles", makes and saves her plan: the page shows exactly what
native Python returns, the choice comes back after a reload, and Today's run
speaks in miles. Screenshots of both, on a phone and a laptop, light and dark.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from sitebuild.server import SiteServer

from .conftest import wait_ready
from .driver import native, same_markup
from .test_run_day import PLAN_KEY

SHOTS = Path(__file__).resolve().parents[2] / "build" / "units"
CHOSEN = {"unit": "mi", "goal": "5k", "easy_pace": "11"}


def tap_answers(page: Page) -> None:
    form = page.locator("#rtr-planner-form")
    form.locator('input[name="unit"][value="mi"]').check()
    form.locator('input[name="goal"][value="5k"]').check()
    form.locator('[name="easy_pace"]').fill(CHOSEN["easy_pace"])
    form.locator("#rtr-planner-save").check()


def calculate(page: Page) -> None:
    page.eval_on_selector("#rtr-planner-result", "(el) => { delete el.dataset.state; }")
    page.locator("#rtr-planner-form .rtr-submit").click()
    page.wait_for_function(
        "() => document.querySelector('#rtr-planner-result').dataset.state", timeout=60_000
    )


def shot(page: Page, name: str, full: bool = False) -> None:
    """The same moment in light and in dark: the theme follows the screen's
    colour scheme as it changes, so one journey serves both."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    for scheme, palette in (("light", "default"), ("dark", "slate")):
        page.emulate_media(color_scheme=scheme)
        page.wait_for_selector(f"body[data-md-color-scheme={palette}]", state="attached")
        page.screenshot(path=str(SHOTS / f"{name.format(scheme=scheme)}.png"), full_page=full)


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_miles_chosen_once_show_in_the_plan_after_a_reload_and_on_todays_run(
    reader: Any, server: SiteServer, size: str
) -> None:
    page = reader(size, reduced_motion="reduce")
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    assert page.is_checked('#rtr-planner-form input[name="unit"][value="km"]')  # the default
    tap_answers(page)
    page.locator("#rtr-planner-group-goal").scroll_into_view_if_needed()
    shot(page, f"planner-form-miles-{size}-{{scheme}}")
    calculate(page)
    today = page.evaluate("document.querySelector('#rtr-planner-form [name=today]').value")
    expected = native("planner", {**CHOSEN, "today": today}, server.prefix)
    assert expected["ok"] and expected["result"]["unit"] == "mi"
    assert same_markup(page, "planner", expected["html"])
    shown = page.inner_text("#rtr-planner-result")
    assert "5 km (3.1 miles)" in shown and "11 minutes per mile" in shown
    assert "per km" not in shown
    page.locator("#rtr-planner-result .rtr-plan__assumptions").scroll_into_view_if_needed()
    shot(page, f"planner-miles-{size}-{{scheme}}")
    shot(page, f"planner-miles-{size}-{{scheme}}-full", full=True)

    # Saved with her answers: after a reload, miles are still chosen.
    saved = json.loads(page.evaluate(f"localStorage.getItem('{PLAN_KEY}')"))
    assert saved["answers"]["unit"] == "mi"
    page.reload()
    wait_ready(page)
    assert page.is_checked('#rtr-planner-form input[name="unit"][value="mi"]')
    assert page.input_value("#rtr-planner-easy_pace") == CHOSEN["easy_pace"]

    # Today's run reads the saved plan, in miles.
    page.goto(server.root + "tools/today/")
    page.wait_for_selector(".rtr-result[data-state=ok] .rtr-today", timeout=60_000)
    distance = page.locator(".rtr-today__distance")
    assert distance.get_attribute("data-unit") == "mi"
    text = distance.inner_text()
    assert "5 km (3.1 miles)" in text and "miles of running" in text, text
    assert "11 minutes per mile" in text
    today = page.evaluate("document.querySelector('#rtr-today-form [name=today]').value")
    expected_today = native("today", {"plan": saved, "log": "", "today": today}, server.prefix)
    assert expected_today["ok"]
    assert distance.evaluate("(el) => el.outerHTML") in expected_today["html"]
    page.locator(".rtr-today__session").scroll_into_view_if_needed()
    page.evaluate("window.scrollBy(0, -80)")
    shot(page, f"today-miles-{size}-{{scheme}}")


def test_answers_saved_before_units_existed_load_in_km(reader: Any, server: SiteServer) -> None:
    """A record from before the unit question: filled in, in km, nothing lost."""
    page = reader("phone", reduced_motion="reduce")
    old = {"level": "run60-walk60", "goal": "5k", "easy_pace": "6", "runs_per_week": "3",
           "pace": "gentle", "bmi_over_30": False, "poor_sleep": False, "start_date": ""}  # fmt: skip
    record = json.dumps({"format": 1, "savedAt": "2026-01-07T08:00:00.000Z", "answers": old})
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    page.evaluate("([k, v]) => localStorage.setItem(k, v)", [PLAN_KEY, record])
    page.reload()
    wait_ready(page)
    assert "We filled in the answers you saved" in page.inner_text(
        "#rtr-planner-form .rtr-save__note"
    )
    assert page.is_checked('#rtr-planner-form input[name="unit"][value="km"]')
    assert page.input_value("#rtr-planner-easy_pace") == "6"
    calculate(page)
    today = page.evaluate("document.querySelector('#rtr-planner-form [name=today]').value")
    expected = native("planner", {**old, "today": today}, server.prefix)
    assert expected["result"]["unit"] == "km"
    assert same_markup(page, "planner", expected["html"])
    # Saving is on, so the record now names its unit; nothing else changed.
    saved = json.loads(page.evaluate(f"localStorage.getItem('{PLAN_KEY}')"))
    assert saved["answers"] == {**old, "unit": "km"}
