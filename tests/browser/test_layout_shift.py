"""Nothing on a calculator page jumps while Python starts or when Today's run
fills in its session by itself: the reader may be reading, or about to tap.

Lighthouse measured a cumulative layout shift of 0.27 on Today's run (the
sections below the session pushed down when it appeared) and 0.04 from the
status line rewrapping as its text changed. Google's "good" is below 0.1;
these pages hold to a half of that at a phone's size.
"""

from __future__ import annotations

import json
from typing import Any

import pytest

from sitebuild.server import SiteServer

from .conftest import wait_ready
from .test_run_day import PLAN_KEY

SHIFTS = """
window.__shift = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shift += entry.value;
}).observe({ type: "layout-shift", buffered: true });
"""
PLAN = {"format": 1, "savedAt": "2026-12-01T07:00:00.000Z",
        "answers": {"level": "run30-walk120", "goal": "run-30", "runs_per_week": 3}}  # fmt: skip
LIMIT = 0.05


@pytest.mark.parametrize(
    ("page_name", "saved_plan"),
    [("timeline", False), ("today", False), ("today", True)],
    ids=["timeline", "today-no-plan", "today-with-plan"],
)
def test_nothing_jumps_while_python_starts(
    reader: Any, server: SiteServer, page_name: str, saved_plan: bool
) -> None:
    page = reader("phone")
    page.context.add_init_script(SHIFTS)
    if saved_plan:
        plan = json.dumps(json.dumps(PLAN))
        page.context.add_init_script(
            f"if (location.protocol === 'http:') localStorage.setItem({PLAN_KEY!r}, {plan})"
        )
    page.goto(server.root + f"tools/{page_name}/")
    wait_ready(page)
    if page_name == "today":
        page.wait_for_selector(".rtr-result[data-state=ok]", state="attached")
        shown = page.locator(".rtr-result").inner_text()
        assert ("Week 1" in shown) == saved_plan  # the state this case is about
    page.wait_for_timeout(500)  # a shift is reported after the frame it happens in
    shift = page.evaluate("window.__shift")
    assert shift < LIMIT, f"layout shift {shift:.3f} on {page_name}"
