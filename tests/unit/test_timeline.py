"""The postpartum timeline, driven by the vectors in tests/vectors/timeline/."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.timeline.milestones import MILESTONES
from sitebuild.vectors import Vector, load

VECTORS = load("timeline")


def check(vector: Vector, outcome: dict) -> None:
    expect = vector.expect
    assert outcome["ok"] is expect["ok"], outcome
    if not expect["ok"]:
        assert {e["field"]: e["message"] for e in outcome["errors"]} == expect["errors"]
        return
    result = outcome["result"]
    assert (result["weeks"], result["days"]) == (expect["weeks"], expect["days"])
    assert result["birth_date_is_estimate"] is expect.get("estimate", False)
    statuses = {m["key"]: m["status"] for m in result["milestones"]}
    for key, status in expect["statuses"].items():
        assert statuses[key] == status, key


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_vector(vector: Vector) -> None:
    check(vector, run("timeline", vector.input))


def test_milestones_are_dated_from_the_birth_date() -> None:
    result = run("timeline", {"birth_date": "2026-08-01", "today": "2026-11-23"})["result"]
    running = next(m for m in result["milestones"] if m["key"] == "earliest-running")
    assert running["starts"] == "2026-10-24"  # 1 August + 12 weeks
    assert running["page"] == "run/walk-to-run/"


def test_every_milestone_links_a_page_and_cites_a_source() -> None:
    html = run("timeline", {"weeks_since_birth": 5, "today": "2026-11-23"}, site_root="/r/")["html"]
    for rule in MILESTONES:
        assert f'href="/r/{rule.page}"' in html
        assert rule.sources
    assert "about 30 November 2026" in html  # the six-week check, estimated from weeks


BABY_WORDS = re.compile(r"\b(baby|babies|buggy|buggies|pram|stroller|child|infant)\b", re.I)


@pytest.mark.parametrize("weeks", [0, 6, 12, 26, 40, 104])
def test_no_milestone_assumes_a_living_baby(weeks: int) -> None:
    # The after-loss page promises the calculators don't ask about a baby, so
    # no reader is shown a baby milestone (such as running with a buggy).
    outcome = run("timeline", {"weeks_since_birth": weeks, "today": "2026-11-23"})
    shown = [
        f"{m['key']} {m['title']} {m['summary']} {m['page']}"
        for m in outcome["result"]["milestones"]
    ]
    assert not [text for text in shown if BABY_WORDS.search(text)]
    assert not BABY_WORDS.search(outcome["html"])


def test_exactly_one_milestone_is_next_while_any_lies_ahead() -> None:
    for weeks in range(0, 40):
        result = run("timeline", {"weeks_since_birth": weeks, "today": "2026-11-23"})["result"]
        statuses = [m["status"] for m in result["milestones"]]
        assert statuses.count("next") == (1 if "later" in statuses or "next" in statuses else 0)


def test_reader_text_is_escaped() -> None:
    # Dates are parsed, so no reader text reaches the HTML; unknown fields are
    # reported by name, and that name must not become markup.
    outcome = run("timeline", {"<b>x</b>": "1"})
    assert outcome["errors"][0]["field"] == "<b>x</b>"
    assert "<b>" not in outcome["errors"][0]["message"].replace("“<b>x</b>”", "")


@settings(max_examples=200, deadline=None)
@given(
    birth=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2040, 1, 1)),
)
def test_any_pair_of_dates_gives_a_result_or_a_message(birth: dt.date, today: dt.date) -> None:
    outcome = run("timeline", {"birth_date": birth.isoformat(), "today": today.isoformat()})
    age = (today - birth).days
    assert outcome["ok"] is (0 <= age <= 260 * 7)
    if outcome["ok"]:
        assert outcome["result"]["weeks"] * 7 + outcome["result"]["days"] == age


@settings(max_examples=200, deadline=None)
@given(
    day=st.dates(),
    weeks=st.integers(min_value=0, max_value=260),
)
def test_any_today_with_any_weeks_never_raises(day: dt.date, weeks: int) -> None:
    outcome = run("timeline", {"weeks_since_birth": weeks, "today": day.isoformat()})
    assert outcome["ok"] or outcome["errors"] == [
        {"field": "today", "message": "Today's date looks wrong. Check the date on your device."}
    ]
