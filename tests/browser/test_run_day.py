"""Today's run in the browser: the timer under a controlled clock, the cues,
stop-and-walk, the check-in (compared with native Python), and the log.

Playwright's clock drives time, so nothing here waits for real seconds, and
speechSynthesis and navigator.vibrate are replaced by recorders.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page

from calculators import run
from calculators.planner import build_plan
from calculators.planner.session import segments
from calculators.today.view import _cue
from sitebuild.server import SiteServer

from .conftest import Watch, eventually, open_context
from .test_accessibility import run_axe, serve_axe

SHOTS = Path(__file__).resolve().parents[2] / "build" / "runday"
PLAN_KEY = "return-to-run.answers.planner"
LOG_KEY = "return-to-run.log"
TODAY = "2026-01-05"  # a Monday: the plan's first running day
ANSWERS = {"level": "run30-walk120", "goal": "run-30", "runs_per_week": "3", "pace": "gentle",
           "bmi_over_30": False, "poor_sleep": False, "easy_pace": "", "start_date": ""}  # fmt: skip
RECORD = {"format": 1, "savedAt": f"{TODAY}T07:00:00.000Z", "answers": ANSWERS}

RECORDERS = """
window.__spoken = [];
window.__vibrations = [];
Object.defineProperty(window, "speechSynthesis", { configurable: true, value: {
  speak: (u) => window.__spoken.push(u.text), cancel: () => {}, getVoices: () => [] } });
Object.defineProperty(Navigator.prototype, "vibrate", { configurable: true,
  value: (pattern) => { window.__vibrations.push(pattern); return true; } });
"""

# The default plan's first session, as native Python builds it.
FIRST = segments(build_plan(today=__import__("datetime").date(2026, 1, 5)).steps[0])
COUNTDOWN = "3. 2. 1."
DONE = "Session complete. Well done. Now check in below."
SYMPTOMS = "Walk now. The rest of this session is walking."


def expected_cues() -> list[str]:
    spoken = []
    for n, seg in enumerate(FIRST):
        spoken.append(_cue(seg))
        if n + 1 < len(FIRST) and FIRST[n + 1].kind == "run":
            spoken.append(COUNTDOWN)
    return [*spoken, DONE]


@pytest.fixture
def runday(browser: Browser, server: SiteServer) -> Iterator[tuple[Page, Watch, SiteServer]]:
    context, watch = open_context(
        browser,
        server,
        service_workers="block",
        viewport={"width": 390, "height": 844},
        reduced_motion="reduce",  # no half-finished colour transition in the screenshots
    )
    context.add_init_script(RECORDERS)
    page = context.new_page()
    page.on("dialog", lambda dialog: dialog.accept())
    page.clock.install(time=f"{TODAY}T07:00:00")
    yield page, watch, server
    context.close()
    watch.check()


def open_today(
    page: Page, server: SiteServer, record: Any = RECORD, log: str | None = None
) -> None:
    page.goto(server.root + "tools/today/")
    page.evaluate(
        "([k, v, lk, lv]) => { localStorage.clear(); if (v) localStorage.setItem(k, v);"
        " if (lv !== null) localStorage.setItem(lk, lv); }",
        [PLAN_KEY, json.dumps(record) if record else None, LOG_KEY, log],
    )
    page.reload()
    wait_shown(page)
    # From here on, time moves only when a test moves it.
    page.clock.pause_at(f"{TODAY}T08:00:00")


def wait_shown(page: Page) -> None:
    page.wait_for_selector(
        ".rtr-result[data-state=ok] .rtr-today", state="attached", timeout=60_000
    )
    if page.locator(".rtr-timer").count():
        page.wait_for_selector(".rtr-timer[data-timer-ready=true]", state="attached")


def resubmitted(page: Page, action: Any) -> None:
    """Do something that asks Python again, and wait for the new result."""
    page.eval_on_selector(".rtr-today", "(el) => el.setAttribute('data-stale', '')")
    action()
    page.wait_for_function(
        "() => !document.querySelector('.rtr-today[data-stale]')", timeout=60_000
    )
    wait_shown(page)


def timer(page: Page) -> dict[str, Any]:
    return page.eval_on_selector(
        ".rtr-timer",
        "(el) => ({segment: Number(el.dataset.segment), kind: el.dataset.kind, state: el.dataset.state,"
        " clock: el.querySelector('[data-timer-clock]').textContent })",
    )


def spoken(page: Page) -> list[str]:
    return page.evaluate("() => window.__spoken")


def stored_log(page: Page) -> dict[str, Any]:
    return json.loads(page.evaluate("(k) => localStorage.getItem(k)", LOG_KEY))


# The parts of the report the timer script never touches.
PARTS = (".rtr-decision", ".rtr-report__title", ".rtr-today__why", ".rtr-upcoming", ".rtr-log",
         ".rtr-progress-chart", "[data-checkin]")  # fmt: skip


def same_parts(page: Page, html: str) -> bool:
    """The page shows native Python's markup, part by part (before any typing)."""
    differing = page.evaluate(
        """([html, parts]) => {
            const t = document.createElement("template");
            t.innerHTML = html;
            const shown = document.querySelector(".rtr-result .rtr-today");
            return parts.filter((p) => {
              const a = shown.querySelector(p), b = t.content.querySelector(p);
              if (!a || !b) return true;
              const clean = (el) => { const c = el.cloneNode(true);
                for (const f of c.querySelectorAll("input, select, textarea")) f.removeAttribute("value");
                return c.outerHTML; };
              return clean(a) !== clean(b);
            });
        }""",
        [html, list(PARTS)],
    )
    assert differing == [], differing
    return True


def shoot(page: Page, name: str, locator: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    # The part's top just under the fixed header, so the shot starts with it.
    page.eval_on_selector(
        locator, "(el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 64)"
    )
    page.screenshot(path=str(SHOTS / f"{name}.png"))


def test_a_whole_session_runs_with_the_right_cue_at_each_change(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server)
    page.click('[data-timer="start"]')
    seen = []
    for n, seg in enumerate(FIRST):
        page.clock.run_for(1000)
        state = timer(page)
        assert (state["segment"], state["kind"]) == (n, seg.kind)
        seen.append(state["kind"])
        page.clock.run_for((seg.seconds - 1) * 1000)
    page.clock.run_for(1000)
    assert timer(page)["state"] == "done"
    assert seen == [s.kind for s in FIRST]
    assert spoken(page) == expected_cues()
    vibrations = page.evaluate("() => window.__vibrations")
    runs = sum(1 for s in FIRST if s.kind == "run")
    assert vibrations.count([200, 100, 200]) == runs  # one pattern for each run
    assert page.eval_on_selector(".rtr-timer", "(el) => el.dataset.runDone") == str(
        sum(s.seconds for s in FIRST if s.kind == "run")
    )


def test_pause_and_resume_keep_the_remaining_time(runday: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = runday
    open_today(page, server)
    page.click('[data-timer="start"]')
    page.clock.run_for(60_000)
    assert timer(page)["clock"] == "4:00"
    page.click('[data-timer="pause"]')
    page.clock.run_for(5 * 60_000)
    assert timer(page) | {"state": None} == {
        "segment": 0,
        "kind": "warmup",
        "state": None,
        "clock": "4:00",
    }
    page.click('[data-timer="pause"]')  # now "Resume"
    page.clock.run_for(30_000)
    assert timer(page)["clock"] == "3:30"


def test_hidden_for_ten_minutes_shows_the_right_segment_on_return(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server)
    page.click('[data-timer="start"]')
    page.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'hidden'});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    page.clock.fast_forward("10:05")  # timers do not run meanwhile, as in a hidden tab
    page.evaluate(
        "() => { Object.defineProperty(document, 'visibilityState', {configurable: true, get: () => 'visible'});"
        " document.dispatchEvent(new Event('visibilitychange')); }"
    )
    elapsed, index = 605, 0
    while elapsed >= FIRST[index].seconds:
        elapsed -= FIRST[index].seconds
        index += 1
    left = FIRST[index].seconds - elapsed
    assert timer(page)["segment"] == index
    assert timer(page)["clock"] == f"{left // 60}:{left % 60:02d}"


def check_in(page: Page, how: str, symptoms: tuple[str, ...] = (), effort: str = "") -> None:
    page.check(f'[data-checkin] input[name="how"][value="{how}"]')
    for sign in symptoms:
        page.check(f'[data-checkin] input[name="symptoms"][value="{sign}"]')
    page.select_option("#rtr-today-effort", effort)
    resubmitted(page, lambda: page.click("[data-checkin] button[type=submit]"))


def test_journey_stop_and_walk_check_in_and_the_next_session_repeats(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    """At 390x844: from a saved plan, start, stop and walk at a symptom,
    finish, check in with "symptoms during", and see the session repeat."""
    page, _, server = runday
    open_today(page, server)
    first_title = page.inner_text(".rtr-report__title")
    page.click('[data-timer="start"]')
    page.clock.run_for((FIRST[0].seconds + 10) * 1000)  # 10 s into the first run
    assert timer(page)["kind"] == "run"
    shoot(page, "timer-running-light", ".rtr-timer")
    page.click('[data-timer="symptoms"]')
    assert timer(page)["kind"] == "cooldown"  # at once, no tick needed
    assert spoken(page)[-1] == SYMPTOMS
    assert page.is_checked('[data-checkin] input[value="symptoms-during"]')
    page.clock.run_for(60_000)
    assert timer(page)["kind"] == "cooldown"
    assert spoken(page)[-1] == SYMPTOMS  # no run is cued after a symptom
    page.click('[data-timer="end"]')
    assert timer(page)["state"] == "done"
    page.check('[data-checkin] input[name="symptoms"][value="pressure"]')
    page.select_option("#rtr-today-effort", "6")
    page.fill("#rtr-today-notes", "Heavy after ten seconds.")
    shoot(page, "checkin-light", "[data-checkin]")
    resubmitted(page, lambda: page.click("[data-checkin] button[type=submit]"))

    (entry,) = stored_log(page)["entries"]
    assert entry["walked_from_s"] == FIRST[0].seconds + 10
    assert entry["run_done_s"] == 10
    assert (entry["how"], entry["symptoms"], entry["effort"]) == (
        "symptoms-during",
        ["pressure"],
        6,
    )
    # The decision and the whole page equal native Python's for the same inputs.
    request = {"checkin": {"how": "symptoms-during", "symptoms": ["pressure"], "effort": "6",
                           "notes": "Heavy after ten seconds.", "run_done_s": 10,
                           "walked_from_s": FIRST[0].seconds + 10}}  # fmt: skip
    native = run("today", {"plan": json.dumps(RECORD), "log": "", "request": request, "today": TODAY},
                 site_root=server.root.removeprefix(server.origin))  # fmt: skip
    assert native["result"]["decision"]["action"] == "repeat"
    assert page.get_attribute(".rtr-decision", "data-action") == "repeat"
    assert same_parts(page, native["html"])
    # The next session repeats the same step, two days on.
    assert page.get_attribute(".rtr-report__title", "data-step") == "0"
    assert "Wednesday 7 January 2026" in page.inner_text(".rtr-report__title")
    assert first_title == "Today's run"
    shoot(page, "decision-light", ".rtr-decision")
    shoot(page, "log-light", "#rtr-today-log-title")
    shoot(page, "progress-light", "#rtr-today-progress-title")


def test_the_log_survives_reload_and_an_exported_file_restores_it_exactly(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server)
    check_in(page, "no-symptoms", effort="4")
    page.clock.fast_forward("48:00:00")
    page.reload()
    wait_shown(page)
    assert page.inner_text(".rtr-report__title") == "Today's run"  # Wednesday
    check_in(page, "symptoms-after", ("leaking",))
    before = stored_log(page)
    assert len(before["entries"]) == 2
    page.reload()
    wait_shown(page)
    assert stored_log(page) == before
    assert page.locator(".rtr-log__entry").count() == 2
    newest = page.get_attribute(".rtr-log__entry >> nth=0", "data-entry")
    assert newest == before["entries"][-1]["id"]  # newest first

    with page.expect_download() as download:
        page.click('[data-download="return-to-run-log.json"]')
    exported = Path(download.value.path()).read_text(encoding="utf-8")
    assert json.loads(exported) == before

    page.evaluate("(k) => localStorage.removeItem(k)", LOG_KEY)
    page.reload()
    wait_shown(page)
    assert page.locator(".rtr-log__entry").count() == 0
    resubmitted(page, lambda: page.set_input_files("[data-log-import]", files=[
        {"name": "log.json", "mimeType": "application/json", "buffer": exported.encode()}]))  # fmt: skip
    assert stored_log(page) == before
    assert page.get_attribute("[data-imported]", "data-imported") == "2"


def test_edit_and_delete_an_entry(runday: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = runday
    open_today(page, server)
    check_in(page, "no-symptoms")
    entry_id = stored_log(page)["entries"][0]["id"]
    page.click(f'[data-log-edit="{entry_id}"]')
    check_in(page, "symptoms-after")
    (entry,) = stored_log(page)["entries"]
    assert (entry["id"], entry["how"]) == (entry_id, "symptoms-after")
    resubmitted(page, lambda: page.click(f'[data-log-delete="{entry_id}"]'))
    assert stored_log(page)["entries"] == []


@pytest.mark.parametrize(
    ("raw", "status"),
    [
        ("{not json", "unreadable"),
        ('{"format": "return-to-run-log", "version": 7, "entries": []}', "future"),
    ],
)
def test_a_corrupt_or_future_log_is_kept_aside_and_reported(
    runday: tuple[Page, Watch, SiteServer], raw: str, status: str
) -> None:
    page, _, server = runday
    open_today(page, server, log=raw)
    assert page.get_attribute("[data-log-problem]", "data-log-problem") == status
    aside = page.evaluate("(k) => localStorage.getItem(k + '.unreadable')", LOG_KEY)
    assert json.loads(aside) == [raw]
    check_in(page, "no-symptoms")
    assert json.loads(page.evaluate("(k) => localStorage.getItem(k + '.unreadable')", LOG_KEY)) == [
        raw
    ]
    assert len(stored_log(page)["entries"]) == 1


def test_without_a_saved_plan_the_page_links_to_the_planner(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server, record=None)
    assert page.get_attribute(".rtr-today", "data-status") == "no-plan"
    assert page.locator('.rtr-today a[href$="tools/planner/"]').count() == 1


def test_dark_screenshots(browser: Browser, server: SiteServer) -> None:
    context, watch = open_context(browser, server, service_workers="block", color_scheme="dark",
                                  viewport={"width": 390, "height": 844}, reduced_motion="reduce")  # fmt: skip
    context.add_init_script(RECORDERS)
    page = context.new_page()
    page.clock.install(time=f"{TODAY}T07:00:00")
    log = run("today", {"plan": json.dumps(RECORD), "today": TODAY,
                        "request": {"checkin": {"how": "no-symptoms", "effort": "3"}}})["result"]["log"]  # fmt: skip
    open_today(page, server, log=json.dumps(log))
    page.click('[data-timer="start"]')
    page.clock.run_for(20_000)
    assert page.get_attribute("body", "data-md-color-scheme") == "slate"
    shoot(page, "timer-running-dark", ".rtr-timer")
    shoot(page, "checkin-dark", "[data-checkin]")
    shoot(page, "log-dark", "#rtr-today-log-title")
    shoot(page, "progress-dark", "#rtr-today-progress-title")
    context.close()
    watch.check()


def test_the_log_is_there_after_an_offline_reload(browser: Browser, server: SiteServer) -> None:
    """Offline after one visit: the page, Python and the stored log all come back."""
    context, watch = open_context(browser, server)  # the service worker on
    page = context.new_page()
    log = run("today", {"plan": json.dumps(RECORD), "today": TODAY,
                        "request": {"checkin": {"how": "symptoms-after", "symptoms": ["leaking"]}}})["result"]["log"]  # fmt: skip
    page.goto(server.root + "tools/today/")
    page.evaluate(
        "([k, v, lk, lv]) => { localStorage.setItem(k, v); localStorage.setItem(lk, lv); }",
        [PLAN_KEY, json.dumps(RECORD), LOG_KEY, json.dumps(log)],
    )
    page.reload()
    wait_shown(page)
    page.wait_for_function("() => navigator.serviceWorker.controller !== null", timeout=30_000)
    # Wait until the runtime the page used is kept for offline use (the
    # runtime has a cache of its own, beside the build's pages and scripts).
    eventually(
        page,
        """async () => {
            const urls = [];
            for (const name of await caches.keys()) {
              urls.push(...(await (await caches.open(name)).keys()).map((r) => r.url));
            }
            // Runtime files are kept under their hash (?sha256=...).
            return urls.some((u) => u.includes("/pyodide.asm.wasm")) && urls.some((u) => u.includes("/calculators.zip"))
              && urls.some((u) => u.endsWith("run-day.js"));
        }""",
    )
    context.set_offline(True)
    page.reload()
    wait_shown(page)
    (entry,) = log["entries"]
    assert page.get_attribute(".rtr-log__entry", "data-entry") == entry["id"]
    assert stored_log(page) == log
    context.close()
    watch.check()


def test_chosen_days_and_time_move_the_runs_and_reach_the_calendar(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server)
    # Two days in a row: refused on the page in Python's words, nothing kept.
    page.check("#rtr-today-day-5")
    page.check("#rtr-today-day-6")
    page.click("[data-settings] button[type=submit]")
    error = page.locator("[data-settings-error]")
    assert error.is_visible()
    assert error.inner_text() == run("today", {"plan": json.dumps(RECORD), "today": TODAY,
                                               "settings": json.dumps({"days": [5, 6]})})["errors"][0]["message"]  # fmt: skip
    assert page.evaluate("() => localStorage.getItem('return-to-run.runday.settings')") is None
    page.uncheck("#rtr-today-day-6")
    page.uncheck("#rtr-today-day-5")
    for day in (1, 3, 5):  # Tuesday, Thursday, Saturday
        page.check(f"#rtr-today-day-{day}")
    page.fill("#rtr-today-at", "07:30")
    page.fill("#rtr-today-alarm", "20")
    resubmitted(page, lambda: page.click("[data-settings] button[type=submit]"))
    days = [text.split(" ")[0] for text in page.locator(".rtr-upcoming li").all_inner_texts()]
    assert days and set(days) <= {"Tuesday", "Thursday", "Saturday"}
    settings = {"days": [1, 3, 5], "at": "07:30", "alarm_minutes": 20}
    stored = page.evaluate("() => localStorage.getItem('return-to-run.runday.settings')")
    assert json.loads(stored) == settings
    with page.expect_download() as download:
        page.click('[data-download="return-to-run-runs.ics"]')
    calendar = Path(download.value.path()).read_text(encoding="utf-8")
    native = run(
        "today", {"plan": json.dumps(RECORD), "today": TODAY, "settings": json.dumps(settings)}
    )
    (expected,) = [d["content"] for d in native["downloads"] if d["filename"].endswith(".ics")]
    assert "BEGIN:VALARM" in calendar and "T073000" in calendar
    assert calendar.count("BEGIN:VEVENT") == expected.count("BEGIN:VEVENT")
    # Kept across a reload.
    page.reload()
    wait_shown(page)
    assert page.is_checked("#rtr-today-day-3") and page.input_value("#rtr-today-at") == "07:30"


def test_without_wake_lock_the_page_says_the_screen_may_lock(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    page.context.add_init_script("delete Navigator.prototype.wakeLock;")
    open_today(page, server)
    page.click('[data-timer="start"]')
    page.clock.run_for(1000)
    note = page.inner_text("[data-timer-note]")
    assert note == page.get_attribute(".rtr-timer", "data-note-nowake")
    assert "cannot keep the screen on" in note


@pytest.mark.parametrize("scheme", ["light", "dark"])
def test_axe_finds_nothing_serious_on_the_full_page(
    browser: Browser, server: SiteServer, scheme: str
) -> None:
    """The accessibility sweep sees this page without a plan; here it has a plan,
    a log, a decision and a running timer."""
    context, watch = open_context(browser, server, service_workers="block", color_scheme=scheme,
                                  reduced_motion="reduce", viewport={"width": 390, "height": 844})  # fmt: skip
    context.add_init_script(RECORDERS)
    context.route("**/__test__/axe.min.js", serve_axe)
    page = context.new_page()
    page.clock.install(time=f"{TODAY}T07:00:00")
    log = run("today", {"plan": json.dumps(RECORD), "today": TODAY,
                        "request": {"checkin": {"how": "no-symptoms", "effort": "3", "notes": "Fine."}}})["result"]["log"]  # fmt: skip
    open_today(page, server, log=json.dumps(log))
    page.clock.fast_forward("48:00:00")
    check_in(page, "symptoms-during", ("pressure",))  # a decision is shown
    page.click('[data-timer="start"]')
    page.clock.run_for(20_000)
    page.click('[data-timer="pause"]')
    assert page.locator(".rtr-decision").count() == 1
    assert page.locator(".rtr-log__entry").count() == 2
    page.clock.resume()  # axe waits on its own timers
    assert run_axe(page, server) == []
    context.close()
    watch.check()


def test_checking_in_mid_session_ends_it_and_logs_what_was_run(
    runday: tuple[Page, Watch, SiteServer],
) -> None:
    page, _, server = runday
    open_today(page, server)
    page.click('[data-timer="start"]')
    into_first_walk = FIRST[0].seconds + FIRST[1].seconds + 30
    page.clock.run_for(into_first_walk * 1000)
    assert (timer(page)["kind"], FIRST[1].kind) == ("walk", "run")
    check_in(page, "no-symptoms")
    (entry,) = stored_log(page)["entries"]
    assert entry["run_done_s"] == FIRST[1].seconds  # one run, not the plan's three
    assert page.get_attribute(".rtr-timer", "data-state") == "ready"  # the next session waits
