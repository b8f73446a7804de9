"""Kilometres or miles: chosen once in the planner, used in every word, never in the plan.

The rule the miles checks apply to everything a reader sees or downloads
(the page, the .ics, the CSV, Today's run): once every "N km (M miles)" is
taken out (a distance fixed in km by what it names, the 5 km goal or the
study's 3 km limit, with its miles beside it), no "km" and no "kilomet" is
left, and M is N km in miles to a tenth.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.planner import PlannerAnswers, compute
from tests.unit.test_planner_properties import (
    answers,
    check_length_and_end,
    check_one_change_at_a_time,
    check_repeat_weeks,
    check_weekly_rise,
)

ROOT = Path(__file__).resolve().parents[2]
MILE_M = 1609.344
NAMED = re.compile(r"\b(\d+) km \((\d+(?:\.\d)?) miles?\)")
KM_WORDS = re.compile(r"km|kilomet", re.IGNORECASE)
# Everything in a plan that is not words: the same whichever the unit.
PLAN_FACTS = ("steps", "weeks", "goal_s", "session_cap_s", "bmi_first_week_cap_s", "start_date")


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", " ", html)))


def check_miles_only(text: str) -> None:
    for km, miles in NAMED.findall(text):
        assert float(miles) == round(int(km) * 1000 / MILE_M + 1e-9, 1), (km, miles)
    left = NAMED.sub("", text)
    found = KM_WORDS.search(left)
    assert found is None, left[max(0, found.start() - 80) : found.end() + 40]


def planner(a: dict[str, Any]) -> dict[str, Any]:
    outcome = run("planner", a)
    assert outcome["ok"], outcome.get("errors")
    return outcome


def facts(outcome: dict[str, Any]) -> dict[str, Any]:
    return {k: outcome["result"][k] for k in PLAN_FACTS}


@settings(max_examples=80, deadline=None)
@given(answers())
def test_the_unit_changes_words_never_the_plan(a: dict[str, Any]) -> None:
    """With the pace left blank, or given as the same pace in each unit."""
    in_km = planner({**a, "unit": "km", "easy_pace": ""})
    in_miles = planner({**a, "unit": "mi", "easy_pace": ""})
    assert facts(in_miles) == facts(in_km)
    assert in_miles["result"]["unit"] == "mi" and in_km["result"]["unit"] == "km"
    # 8 minutes per km is 12.87 per mile: no whole number of minutes per
    # mile is a whole number per km, so "the same pace" is compared below.


@settings(max_examples=80, deadline=None)
@given(answers(), st.integers(min_value=8, max_value=19))
def test_a_pace_in_miles_gives_the_km_plan_at_that_pace(a: dict[str, Any], per_mile: int) -> None:
    """Rounding, defined: the pace is kept exact (seconds per km, not rounded);
    the 5 km goal time is then rounded to the nearest whole minute (the
    engine's steps are built on whole minutes) and the BMI first-week limit
    to the nearest second. So 10 min per mile (372.82 s per km) makes 5 km
    31 minutes (31.07), as 372.82 s per km would in a km plan."""
    in_miles = planner({**a, "unit": "mi", "easy_pace": str(per_mile)})
    exact_km_pace = per_mile * 1000 / MILE_M  # minutes per km, not rounded
    # An exact pace no form can send (the form takes whole minutes), so the
    # answers record is built directly: compute takes the pace as it is.
    in_km = compute(
        PlannerAnswers(
            today=dt.date.fromisoformat(a["today"]),
            start_date=dt.date.fromisoformat(a["start_date"]) if a["start_date"] else None,
            level=a["level"],
            goal=a["goal"] or "run-30",
            unit="km",
            easy_pace=exact_km_pace,  # type: ignore[arg-type]
            runs_per_week=int(a["runs_per_week"] or 3),
            pace=a["pace"] or "gentle",
            bmi_over_30=a["bmi_over_30"],
            poor_sleep=a["poor_sleep"],
        )
    ).to_data()
    assert {k: in_miles["result"][k] for k in PLAN_FACTS} == {k: in_km[k] for k in PLAN_FACTS}
    # Computed here from the definition, not with the planner's own helpers.
    seconds_per_km = per_mile * 60 * 1000 / MILE_M
    if a["goal"] == "5k":
        assert in_miles["result"]["goal_s"] == round(5 * seconds_per_km / 60) * 60
    if a["bmi_over_30"]:
        assert in_miles["result"]["bmi_first_week_cap_s"] == round(3 * seconds_per_km)
        assert in_miles["result"]["weeks"][0]["week_running_s"] <= 3 * seconds_per_km
    # And the planner's rules hold for these plans too.
    result, goal_s = in_miles["result"], in_miles["result"]["goal_s"]
    check_one_change_at_a_time(result["weeks"], goal_s)
    check_weekly_rise(result["weeks"], a, int(a["runs_per_week"]))
    check_repeat_weeks(result["weeks"], a["pace"])
    check_length_and_end(result, goal_s)


@settings(max_examples=60, deadline=None)
@given(answers(), st.one_of(st.none(), st.integers(min_value=8, max_value=19)))
def test_in_miles_the_page_and_files_name_no_km_but_the_named_distances(
    a: dict[str, Any], per_mile: int | None
) -> None:
    outcome = planner({**a, "unit": "mi", "easy_pace": "" if per_mile is None else per_mile})
    check_miles_only(text_of(outcome["html"]))
    for download in outcome["downloads"]:
        check_miles_only(download["content"].replace("\r\n ", ""))


@settings(max_examples=40, deadline=None)
@given(answers())
def test_in_km_nothing_speaks_of_miles(a: dict[str, Any]) -> None:
    outcome = planner({**a, "unit": "km"})
    for text in [outcome["html"], *(d["content"] for d in outcome["downloads"])]:
        assert "mile" not in text


MILES_5K = {"today": "2026-01-07", "goal": "5k", "easy_pace": "10", "unit": "mi"}


def test_the_page_says_the_goal_and_pace_in_miles() -> None:
    text = text_of(planner({**MILES_5K, "bmi_over_30": True})["html"])
    assert "plan to run 5 km (3.1 miles) at an easy pace" in text
    assert "your easy pace of 10 minutes per mile" in text
    assert "5 km (3.1 miles) at 10 minutes per mile is about 31 minutes of running" in text
    assert "within 3 km (1.9 miles) of running" in text
    assert "within the 3 km (1.9 miles) limit (about 18 minutes at your easy pace)" in text


def test_an_assumed_pace_is_shown_in_miles_to_the_second() -> None:
    text = text_of(planner({**MILES_5K, "easy_pace": ""})["html"])
    assert "an assumed easy pace of 12 min 52 s per mile" in text  # 8 min per km


def test_the_files_give_each_sessions_distance_in_miles() -> None:
    outcome = planner(MILES_5K)
    files = {d["filename"]: d["content"] for d in outcome["downloads"]}
    rows = list(csv.DictReader(io.StringIO(files["return-to-run-plan.csv"])))
    seconds_per_mile = 600
    for row in rows:
        running_s = int(row["repeats"]) * int(row["run_s"])
        assert row["distance_unit"] == "mi"
        assert abs(float(row["running_distance"]) - running_s / seconds_per_mile) <= 0.05 + 1e-9
    calendar = files["return-to-run-plan.ics"].replace("\r\n ", "")
    assert "of running at your easy pace of 10 minutes per mile." in calendar
    last = rows[-1]
    assert last["running_distance"] == "3.1"  # the goal run: 31 min at 10 min per mile


def test_without_a_pace_to_go_by_no_distance_is_guessed() -> None:
    outcome = planner({"today": "2026-01-07", "unit": "mi"})  # run-30, pace not used
    rows = list(csv.DictReader(io.StringIO(outcome["downloads"][1]["content"])))
    assert {(r["running_distance"], r["distance_unit"]) for r in rows} == {("", "")}
    assert "mile" not in outcome["html"] and "mile" not in outcome["downloads"][0]["content"]


@pytest.mark.parametrize(
    ("unit", "pace", "message"),
    [
        ("km", "13", "Enter a number from 5 to 12 minutes per km."),
        ("mi", "7", "Enter a number from 8 to 19 minutes per mile."),
        ("mi", "20", "Enter a number from 8 to 19 minutes per mile."),
        ("mi", "-1", "Enter a number from 8 to 19 minutes per mile."),
        # Too long for a float: named with both ranges, as the unit is not read then.
        (
            "mi",
            "9" * 400,
            "Enter a number from 5 to 12 minutes per km, or from 8 to 19 minutes per mile.",
        ),
    ],
)
def test_the_pace_range_follows_the_unit(unit: str, pace: str, message: str) -> None:
    outcome = run("planner", {"today": "2026-01-07", "unit": unit, "easy_pace": pace})
    assert not outcome["ok"]
    assert {e["field"]: e["message"] for e in outcome["errors"]} == {"easy_pace": message}


def test_a_unit_that_is_not_a_choice_is_named() -> None:
    outcome = run("planner", {"today": "2026-01-07", "unit": "miles"})
    assert outcome["errors"] == [
        {"field": "unit", "message": "Choose one of: Kilometres (km), Miles."}
    ]


def test_the_pace_range_is_checked_with_other_problems() -> None:
    outcome = run(
        "planner", {"today": "2026-01-07", "unit": "mi", "easy_pace": "6", "runs_per_week": "9"}
    )
    fields = {e["field"] for e in outcome["errors"]}
    assert fields == {"easy_pace", "runs_per_week"}


def _today(answers: dict[str, Any]) -> dict[str, Any]:
    record = {"format": 1, "savedAt": "2026-01-07T08:00:00Z", "answers": answers}
    outcome = run("today", {"plan": record, "log": "", "today": "2026-01-12"})
    assert outcome["ok"], outcome.get("errors")
    return outcome


def test_todays_run_speaks_in_the_saved_unit() -> None:
    outcome = _today({k: v for k, v in MILES_5K.items() if k != "today"})
    text = text_of(outcome["html"])
    assert "Your goal: run 5 km (3.1 miles) at an easy pace." in text
    assert "About 0.2 miles of running at your easy pace of 10 minutes per mile." in text
    check_miles_only(text)
    calendar = next(d for d in outcome["downloads"] if d["filename"].endswith(".ics"))
    check_miles_only(calendar["content"].replace("\r\n ", ""))
    assert "per mile" in calendar["content"].replace("\r\n ", "")


def test_answers_saved_before_units_existed_still_load_in_km() -> None:
    old = {"goal": "5k", "easy_pace": "6", "level": "run30-walk120"}
    without = _today(old)
    assert without["html"] == _today({**old, "unit": "km"})["html"]
    assert "About 0.3 km of running at your easy pace of 6 minutes per km." in text_of(
        without["html"]
    )


def test_the_cli_takes_the_unit(tmp_path: Path) -> None:
    answers_file = tmp_path / "plan.json"
    answers_file.write_text(json.dumps(MILES_5K), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "planner", "--input", str(answers_file), "--html"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome == run("planner", MILES_5K)
    assert outcome["result"]["unit"] == "mi" and "per mile" in outcome["html"]
