"""The planner in the page: same plan as native Python, a chart, and real downloads."""

from __future__ import annotations

import csv
import io

from icalendar import Calendar
from playwright.sync_api import Page

from sitebuild.server import SiteServer
from sitebuild.vectors import load

from .conftest import Watch, wait_ready
from .driver import check_vectors, expected_errors, fill, native, shown_errors, submit, typeable

VECTORS = [v for v in load("planner") if not v.native_only and typeable("planner", v.input)]
DEFAULT = {"today": "2026-01-07"}


def test_every_vector_matches_native(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    assert len(VECTORS) >= 10

    def same_week_count(page: Page, expected: dict, name: str) -> None:
        weeks = page.locator("#rtr-planner-result .rtr-week").count()
        assert weeks == len(expected["result"]["weeks"]), name

    check_vectors(page, "planner", VECTORS, server.prefix, same_week_count)


def test_chart_renders_with_a_title_and_a_data_table(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    fill(page, "planner", DEFAULT)
    submit(page, "planner")
    chart = page.locator("#rtr-planner-result .rtr-chart svg")
    assert chart.get_attribute("role") == "img"
    assert (chart.locator("title").text_content() or "").strip()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 200 and box["height"] > 100
    weeks = len(native("planner", DEFAULT, server.prefix)["result"]["weeks"])
    assert page.locator("#rtr-planner-result .rtr-chart table tbody tr").count() == weeks


def test_calendar_and_spreadsheet_download_and_parse(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    fill(page, "planner", DEFAULT)
    submit(page, "planner")
    plan = native("planner", DEFAULT, server.prefix)
    sessions = [s for w in plan["result"]["weeks"] for s in w["sessions"]]

    with page.expect_download() as ics_download:
        page.click('[data-download="return-to-run-plan.ics"]')
    download = ics_download.value
    assert download.suggested_filename == "return-to-run-plan.ics"
    calendar = Calendar.from_ical(download.path().read_bytes())
    events = calendar.walk("VEVENT")
    assert len(events) == len(sessions)
    assert [e.decoded("DTSTART").isoformat() for e in events] == [s["date"] for s in sessions]

    with page.expect_download() as csv_download:
        page.click('[data-download="return-to-run-plan.csv"]')
    rows = list(csv.DictReader(io.StringIO(csv_download.value.path().read_text(encoding="utf-8"))))
    assert [r["date"] for r in rows] == [s["date"] for s in sessions]


def test_ready_verdict_opens_the_planner_pre_filled(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    vector = next(v for v in load("readiness") if v.name == "ready-bmi-and-poor-sleep")
    page.goto(server.root + "tools/readiness/")
    wait_ready(page)
    fill(page, "readiness", vector.input)
    submit(page, "readiness")
    page.click("#rtr-readiness-result a.rtr-planner-link")
    page.wait_for_url("**/tools/planner/?*")
    wait_ready(page)
    level = native("readiness", vector.input, server.prefix)["result"]["start_level"]
    assert page.is_checked(f'#rtr-planner-form [name="level"][value="{level}"]')
    assert page.is_checked("#rtr-planner-bmi_over_30")
    assert page.is_checked("#rtr-planner-poor_sleep")


def test_a_bad_field_shows_its_message(watched: tuple[Page, Watch, SiteServer]) -> None:
    page, _, server = watched
    page.goto(server.root + "tools/planner/")
    wait_ready(page)
    page.fill("#rtr-planner-easy_pace", "40")
    submit(page, "planner")
    errors = shown_errors(page, "planner")
    expected = native("planner", {"easy_pace": "40"}, server.prefix)
    assert errors == expected_errors("planner", expected["errors"])
    assert "easy_pace" in errors
