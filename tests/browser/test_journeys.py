"""Reader journeys: what a person sees on a phone (390x844, touch) and a laptop
(1366x900), in light and dark, not only what the DOM holds.

Each journey keeps screenshots of its steps under build/journeys/ so a person
can look at them (they are not committed).
"""

from __future__ import annotations

import json
import re
from io import BytesIO
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page
from pypdf import PdfReader

from sitebuild.server import SiteServer

from .conftest import wait_ready
from .driver import native

pytestmark = pytest.mark.journey

SHOTS = Path(__file__).resolve().parents[2] / "build" / "journeys"
MIN_TARGET = 44  # px, WCAG 2.5.5 (AAA) and the platform guidelines for thumbs

# A reader 16 weeks after a vaginal birth who passed everything but leaks.
READINESS_LEAKING: dict[str, Any] = {
    "weeks_since_birth": "16",
    "birth_type": "vaginal",
    **{
        f"test_{t}": True
        for t in (
            "walking",
            "single_leg_balance",
            "single_leg_squat",
            "jog_on_the_spot",
            "forward_bounds",
            "hop_in_place",
            "running_man",
        )
    },
    **{
        f"{t}_{side}": "20"
        for t in ("calf_raise", "bridge", "sit_to_stand", "hip_abduction")
        for side in ("left", "right")
    },
    "sign_leaking": True,
    "sleep": "poor",
}
# The planner answers from issue 12: not the defaults, so a lost answer shows.
PLANNER_CHOSEN: dict[str, Any] = {
    "level": "run60-walk60",
    "goal": "5k",
    "runs_per_week": "4",
    "pace": "standard",
    "easy_pace": "8",
}
TIMELINE: dict[str, Any] = {"weeks_since_birth": "10"}
SCENARIOS = {"timeline": TIMELINE, "readiness": READINESS_LEAKING, "planner": PLANNER_CHOSEN}


@pytest.fixture
def journey(reader: Any) -> Any:
    """Opens pages as a reader would, at a size and in a colour scheme (conftest)."""
    return reader


def shot(page: Page, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=full)


def settle_scroll(page: Page) -> None:
    """Wait until the page has stopped scrolling (smooth scrolls included)."""
    last = None
    for _ in range(50):
        now = page.evaluate("[scrollX, scrollY]")
        if now == last:
            return
        last = now
        page.wait_for_timeout(120)


def fill_like_a_reader(page: Page, calculator: str, answers: dict[str, Any]) -> None:
    """Tap and type into the real controls, one by one."""
    form = page.locator(f"#rtr-{calculator}-form")
    for name, value in answers.items():
        if value is True:
            form.locator(f'input[type=checkbox][name="{name}"]').check()
        elif form.locator(f'input[type=radio][name="{name}"]').count():
            form.locator(f'input[type=radio][name="{name}"][value="{value}"]').check()
        else:
            form.locator(f'[name="{name}"]').fill(str(value))


def press_calculate(page: Page, calculator: str) -> None:
    page.locator(f"#rtr-{calculator}-form .rtr-submit").click()


def wait_for_result(page: Page, calculator: str) -> str:
    page.wait_for_function(
        "(name) => document.querySelector(`#rtr-${name}-result`).dataset.state",
        arg=calculator,
        timeout=60_000,
    )
    return page.get_attribute(f"#rtr-{calculator}-result", "data-state") or ""


def field_values(page: Page, calculator: str) -> dict[str, Any]:
    """What each visible control shows, by name, as the reader sees it."""
    return page.evaluate(
        """(name) => {
            const out = {};
            for (const el of document.getElementById(`rtr-${name}-form`).elements) {
              if (!el.name || el.type === "hidden") continue;
              if (el.type === "checkbox") out[el.name] = el.checked;
              else if (el.type === "radio") { if (!(el.name in out)) out[el.name] = null; if (el.checked) out[el.name] = el.value; }
              else out[el.name] = el.value;
            }
            return out;
        }""",
        calculator,
    )


def heading_in_view(page: Page, calculator: str) -> dict[str, Any]:
    return page.evaluate(
        """(name) => {
            const heading = document.querySelector(`#rtr-${name}-result h2`);
            const box = heading.getBoundingClientRect();
            const header = document.querySelector(".md-header")?.getBoundingClientRect().bottom ?? 0;
            const hit = document.elementFromPoint(box.left + Math.min(20, box.width / 2), box.top + box.height / 2);
            return {
              top: box.top, bottom: box.bottom, header, height: innerHeight,
              focused: document.activeElement === heading,
              hit: heading.contains(hit),
              text: heading.textContent,
            };
        }""",
        calculator,
    )


# --- 1. The navigation drawer is painted -------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_menu_shows_its_links(journey: Any, server: SiteServer, size: str, scheme: str) -> None:
    page = journey(size, scheme)
    page.goto(server.root + "rebuild/stacking/")
    if size == "phone":
        page.locator('label[for="__drawer"].md-header__button').click()
        page.wait_for_timeout(400)  # the drawer slides in (0.25 s)
    shot(page, f"menu-{size}-{scheme}")
    painted = page.evaluate(
        """() => {
            const links = [...document.querySelectorAll(".md-sidebar--primary .md-nav__link")]
              .filter((a) => a.offsetParent !== null);
            const hits = links.filter((a) => {
              const box = a.getBoundingClientRect();
              if (box.width < 1 || box.height < 1 || box.top < 0 || box.bottom > innerHeight) return false;
              const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
              return a.contains(hit) || hit?.closest(".md-nav__link") === a;
            });
            return { links: links.length, hits: hits.map((a) => a.textContent.trim()) };
        }"""
    )
    assert painted["links"] > 10
    assert len(painted["hits"]) >= 5, (
        f"the menu's links are not painted where a tap lands: {painted}"
    )


# --- 3 and 4. The verdict first, short, and announced briefly -----------------


@pytest.mark.parametrize("python_ready", [True, False], ids=["ready", "still-starting"])
@pytest.mark.parametrize("size", ["phone", "desktop"])
@pytest.mark.parametrize("calculator", ["readiness", "planner", "timeline"])
def test_result_heading_is_in_view_and_focused(
    journey: Any, server: SiteServer, calculator: str, size: str, python_ready: bool
) -> None:
    page = journey(size)
    if not python_ready:
        server.delays[".wasm"] = 4.0  # Python still starting when she presses the button
    try:
        page.goto(server.root + f"tools/{calculator}/")
        if python_ready:
            wait_ready(page)
        fill_like_a_reader(page, calculator, SCENARIOS[calculator])
        if not python_ready:
            assert page.get_attribute(f"#rtr-{calculator}-form", "id")
            assert page.locator(".rtr-calculator").get_attribute("data-ready") != "true"
        press_calculate(page, calculator)
        assert wait_for_result(page, calculator) == "ok"
    finally:
        server.delays.pop(".wasm", None)
    settle_scroll(page)
    shot(page, f"result-{calculator}-{size}-{'ready' if python_ready else 'starting'}")
    where = heading_in_view(page, calculator)
    assert where["focused"], f"focus is not on the result's heading: {where}"
    assert where["top"] >= where["header"] - 1 and where["bottom"] <= where["height"], where
    assert where["top"] <= where["height"] / 3, (
        f"the heading is not at the top of the view: {where}"
    )
    assert where["hit"], f"something covers the heading: {where}"


def _announced(page: Page, calculator: str) -> dict[str, Any]:
    return page.evaluate(
        """(name) => {
            const block = document.querySelector(`.rtr-calculator[data-calculator="${name}"]`);
            const result = document.getElementById(`rtr-${name}-result`);
            const live = [...block.querySelectorAll("[aria-live], [role=status], [role=alert]")]
              .filter((el) => !el.hidden && el.textContent.trim());
            return {
              resultIsLive: result.hasAttribute("aria-live") || !!result.closest("[aria-live]"),
              live: live.map((el) => el.textContent.trim()),
            };
        }""",
        calculator,
    )


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_readiness_result_is_short_and_leads_with_the_verdict(
    journey: Any, server: SiteServer, scheme: str
) -> None:
    page = journey("phone", scheme)
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    fill_like_a_reader(page, "readiness", READINESS_LEAKING)
    press_calculate(page, "readiness")
    wait_for_result(page, "readiness")
    settle_scroll(page)
    shot(page, f"readiness-verdict-phone-{scheme}")
    shot(page, f"readiness-verdict-phone-{scheme}-full", full=True)
    facts = page.evaluate(
        """() => {
            const result = document.getElementById("rtr-readiness-result");
            const visible = (el) => el.checkVisibility();
            const card = result.querySelector(".rtr-verdict");
            return {
              height: result.getBoundingClientRect().height,
              noneReportedRows: [...result.querySelectorAll(".rtr-item")].filter(visible)
                .filter((li) => /None reported/.test(li.textContent)).length,
              cardBottom: card.getBoundingClientRect().bottom,
              cardText: card.textContent,
            };
        }"""
    )
    record_height("readiness-one-warning-sign", facts["height"])
    assert facts["noneReportedRows"] == 0, "routine rows should be folded into one line"
    assert facts["height"] <= 3500, f"the result is {facts['height']} px tall on a phone"
    assert "physiotherapist" in facts["cardText"]
    assert facts["cardBottom"] <= 844 * 1.6, "the verdict card should be read without a long scroll"
    said = _announced(page, "readiness")
    assert not said["resultIsLive"], "the whole report must not be a live region"
    assert any("See a professional" in text and len(text) < 400 for text in said["live"]), said


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plan_is_short_and_leads_with_the_first_weeks(
    journey: Any, server: SiteServer, scheme: str
) -> None:
    page = journey("phone", scheme)
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    press_calculate(page, "planner")  # the defaults: a gentle 30-minute plan
    wait_for_result(page, "planner")
    settle_scroll(page)
    shot(page, f"plan-phone-{scheme}")
    shot(page, f"plan-phone-{scheme}-full", full=True)
    facts = page.evaluate(
        """() => {
            const result = document.getElementById("rtr-planner-result");
            const weeks = [...result.querySelectorAll(".rtr-week")].filter((el) => el.checkVisibility());
            return { height: result.getBoundingClientRect().height, visibleWeeks: weeks.map((w) => w.dataset.week) };
        }"""
    )
    record_height("plan-default", facts["height"])
    assert facts["visibleWeeks"] == ["1", "2"], facts
    assert facts["height"] <= 5000, f"the plan is {facts['height']} px tall on a phone"
    said = _announced(page, "planner")
    assert not said["resultIsLive"]
    assert any(re.search(r"\d+-week plan", text) and len(text) < 400 for text in said["live"]), said


def record_height(name: str, height: float) -> None:
    """One file a measurement, so tests running side by side never race."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    (SHOTS / f"height-{name}.json").write_text(json.dumps({name: round(height)}))


# --- 5. Every error at once ----------------------------------------------------


@pytest.mark.parametrize("size", ["phone", "desktop"])
def test_every_error_is_listed_at_once(journey: Any, server: SiteServer, size: str) -> None:
    page = journey(size)
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    press_calculate(page, "readiness")
    assert wait_for_result(page, "readiness") == "invalid"
    settle_scroll(page)
    shot(page, f"errors-readiness-{size}")
    shown = page.evaluate(
        """() => ({
            slots: [...document.querySelectorAll("#rtr-readiness-form .rtr-error[data-error-for]")]
              .filter((el) => !el.hidden).map((el) => el.dataset.errorFor),
            summary: [...document.querySelectorAll(".rtr-error-summary a")].map((a) => a.getAttribute("href")),
            focused: document.activeElement?.closest(".rtr-error-summary") !== null,
        })"""
    )
    assert (
        "rtr-readiness-birth_type" in shown["slots"]
        and "rtr-readiness-birth_date" in shown["slots"]
    ), shown
    assert shown["summary"] == ["#" + slot for slot in shown["slots"]], shown
    assert shown["focused"], "focus should move to the error summary"
    # Each link in the summary takes her to the field.
    page.locator('.rtr-error-summary a[href="#rtr-readiness-birth_date"]').click()
    assert page.evaluate("document.activeElement.id") == "rtr-readiness-birth_date"


# --- 6. The chart reads in both schemes -----------------------------------------


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_plan_chart_says_what_it_shows(journey: Any, server: SiteServer, scheme: str) -> None:
    page = journey("phone", scheme)
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    press_calculate(page, "planner")
    wait_for_result(page, "planner")
    chart = page.locator("#rtr-planner-result .rtr-chart")
    chart.scroll_into_view_if_needed()
    chart.screenshot(path=str(SHOTS / f"chart-{scheme}.png"))
    facts = page.evaluate(
        """() => {
            const chart = document.querySelector("#rtr-planner-result .rtr-chart");
            const shade = (kind) => {
              const bar = chart.querySelector(`.rtr-chart__bar--${kind}`);
              const style = getComputedStyle(bar);
              return { fill: style.fill, fillOpacity: Number(style.fillOpacity) * Number(style.opacity), stroke: style.stroke };
            };
            const text = [...chart.querySelectorAll("svg text")].map((t) => t.getBoundingClientRect().height);
            return { repeat: shade("repeat"), change: shade("change"), caption: chart.querySelector("figcaption").textContent,
                     smallestText: Math.min(...text) };
        }"""
    )
    # Whatever the caption says about repeat weeks must be what is drawn.
    assert "Outlined bars are repeat weeks" in facts["caption"], facts
    unfilled = facts["repeat"]["fill"] == "none" or facts["repeat"]["fillOpacity"] == 0
    assert unfilled and facts["repeat"]["stroke"] not in ("none", ""), facts
    assert facts["change"]["fillOpacity"] > 0.5, facts
    assert facts["smallestText"] >= 11, f"chart text is {facts['smallestText']:.1f} px on a phone"


# --- 7. A printout to hand over -----------------------------------------------------


def pdf_of(page: Page) -> tuple[int, str]:
    page.emulate_media(media="print")
    data = page.pdf(format="A4", print_background=False)
    reader = PdfReader(BytesIO(data))
    text = "\n".join(p.extract_text() or "" for p in reader.pages)
    (SHOTS / "last.pdf").write_bytes(data)
    return len(reader.pages), " ".join(text.split())


def test_readiness_printout(journey: Any, server: SiteServer) -> None:
    page = journey("desktop")
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    fill_like_a_reader(page, "readiness", READINESS_LEAKING)
    press_calculate(page, "readiness")
    wait_for_result(page, "readiness")
    pages, text = pdf_of(page)
    (SHOTS / "readiness.pdf").write_bytes((SHOTS / "last.pdf").read_bytes())
    assert 1 <= pages <= 2, f"{pages} pages"
    assert "not medical advice" in text and "pelvic health physiotherapist" in text
    assert "See a professional before you run" in text
    assert "Notes from your clinician" in text
    assert "Print this result" not in text and "Clear saved answers" not in text


def test_plan_printout(journey: Any, server: SiteServer) -> None:
    page = journey("desktop")
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    fill_like_a_reader(page, "planner", {"goal": "5k", "easy_pace": "9"})
    press_calculate(page, "planner")
    wait_for_result(page, "planner")
    weeks = int(page.get_attribute("#rtr-planner-result .rtr-report", "data-weeks") or 0)
    assert weeks >= 20, "a long plan tests the page count"
    pages, text = pdf_of(page)
    (SHOTS / "plan.pdf").write_bytes((SHOTS / "last.pdf").read_bytes())
    assert pages <= 3, f"a {weeks}-week plan printed on {pages} pages"
    assert "not medical advice" in text
    assert "Add to my calendar" not in text and "Download as a spreadsheet" not in text
    assert f"Week {weeks}" in text or re.search(rf"\b{weeks}\b", text)


# --- 2. Saving never misleads ----------------------------------------------------


def save_and_calculate(page: Page, calculator: str) -> None:
    page.locator(f"#rtr-{calculator}-save").check()
    press_calculate(page, calculator)
    wait_for_result(page, calculator)


@pytest.mark.parametrize("calculator", ["planner", "readiness"])
def test_saved_answers_come_back_exactly(journey: Any, server: SiteServer, calculator: str) -> None:
    page = journey("phone")
    page.goto(server.root + f"tools/{calculator}/")
    wait_ready(page)
    fill_like_a_reader(page, calculator, SCENARIOS[calculator])
    entered = field_values(page, calculator)
    save_and_calculate(page, calculator)
    page.reload()
    wait_ready(page)
    shot(page, f"restored-{calculator}")
    assert field_values(page, calculator) == entered
    assert page.locator(f"#rtr-{calculator}-save").is_checked()
    if calculator == "planner":
        # Submitting the restored form builds her plan, not the default one.
        press_calculate(page, calculator)
        wait_for_result(page, calculator)
        expected = native(
            "planner",
            {
                **PLANNER_CHOSEN,
                "today": page.evaluate("document.querySelector('[name=today]').value") or None,
            },
            server.prefix,
        )
        assert page.get_attribute("#rtr-planner-result .rtr-report", "data-goal") == "5k"
        assert page.get_attribute("#rtr-planner-result .rtr-report", "data-runs-per-week") == "4"
        assert expected["ok"]


def test_saved_answers_win_over_a_link_and_she_can_choose(journey: Any, server: SiteServer) -> None:
    page = journey("phone")
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    fill_like_a_reader(page, "planner", PLANNER_CHOSEN)
    entered = field_values(page, "planner")
    save_and_calculate(page, "planner")
    page.goto(server.root + "tools/planner/?level=run30-walk120&poor_sleep=true")
    wait_ready(page)
    page.reload()  # and once more: nothing is lost on a reload either
    wait_ready(page)
    shot(page, "restored-planner-with-link")
    assert field_values(page, "planner") == entered
    assert page.locator("#rtr-planner-save").is_checked()
    note = page.locator(".rtr-save__note").text_content() or ""
    assert "saved" in note
    page.get_by_role("button", name=re.compile("Use the link")).click()
    values = field_values(page, "planner")
    assert values["level"] == "run30-walk120" and values["poor_sleep"] is True
    assert values["goal"] == "5k", "answers the link does not name stay as saved"


def test_a_link_fills_the_form_when_nothing_is_saved(journey: Any, server: SiteServer) -> None:
    page = journey("phone")
    page.goto(server.root + "tools/planner/?level=run120-walk60&bmi_over_30=true")
    wait_ready(page)
    values = field_values(page, "planner")
    assert values["level"] == "run120-walk60" and values["bmi_over_30"] is True
    assert "link" in (page.locator(".rtr-save__note").text_content() or "")


def test_clearing_resets_the_form(journey: Any, server: SiteServer) -> None:
    page = journey("phone")
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    blank = field_values(page, "planner")
    fill_like_a_reader(page, "planner", PLANNER_CHOSEN)
    save_and_calculate(page, "planner")
    page.get_by_role("button", name="Clear saved answers").click()
    assert field_values(page, "planner") == blank
    assert not page.locator("#rtr-planner-save").is_checked()
    assert (
        page.evaluate(
            "Object.keys(localStorage).filter((k) => k.startsWith('return-to-run.answers'))"
        )
        == []
    )
    page.reload()
    wait_ready(page)
    assert field_values(page, "planner") == blank


def test_planner_page_ids_are_unique(journey: Any, server: SiteServer) -> None:
    page = journey("desktop")
    for calculator in ("timeline", "readiness", "planner"):
        page.goto(server.root + f"tools/{calculator}/")
        duplicates = page.evaluate(
            """() => { const seen = {}; for (const el of document.querySelectorAll("[id]")) seen[el.id] = (seen[el.id] || 0) + 1;
                       return Object.entries(seen).filter(([, n]) => n > 1).map(([id]) => id); }"""
        )
        assert duplicates == [], f"{calculator}: {duplicates}"


# --- 8. Thumb-sized targets -----------------------------------------------------

TARGETS_JS = """(min) => {
    const visible = (el) => el.checkVisibility({ visibilityProperty: true });
    const controls = [
      ...document.querySelectorAll(".rtr-calculator :is(input:not([type=hidden]), button, select, summary, a.md-button)"),
      ...document.querySelectorAll(".md-header .md-header__button"),
    ];
    const offenders = [];
    {
      for (const el of controls) {
        if (!visible(el)) continue;
        let box = el.getBoundingClientRect();
        if (el.matches("input[type=checkbox], input[type=radio]")) {
          // The target is the label she taps, which must hold the box itself.
          const label = el.labels?.[0];
          const lb = label?.getBoundingClientRect();
          if (lb && box.left >= lb.left - 1 && box.right <= lb.right + 1 && box.top >= lb.top - 1 && box.bottom <= lb.bottom + 1) box = lb;
        }
        if (box.width < min - 0.5 || box.height < min - 0.5) {
          offenders.push(`${el.tagName.toLowerCase()}#${el.id || el.name || el.className} ${box.width.toFixed(0)}x${box.height.toFixed(0)}`);
        }
      }
    }
    return offenders;
}"""


@pytest.mark.parametrize("calculator", ["timeline", "readiness", "planner"])
def test_targets_are_thumb_sized(journey: Any, server: SiteServer, calculator: str) -> None:
    page = journey("phone")
    page.goto(server.root + f"tools/{calculator}/")
    wait_ready(page)
    fill_like_a_reader(page, calculator, SCENARIOS[calculator])
    press_calculate(page, calculator)
    wait_for_result(page, calculator)
    page.evaluate("document.querySelectorAll('.rtr-result details').forEach((d) => d.open = true)")
    offenders = page.evaluate(TARGETS_JS, MIN_TARGET)
    assert offenders == [], f"targets under {MIN_TARGET}x{MIN_TARGET} px: {offenders}"
