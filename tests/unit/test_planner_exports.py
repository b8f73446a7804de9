"""The calendar and spreadsheet files: read back with independent parsers."""

from __future__ import annotations

import csv
import datetime as dt
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from calculators import run
from calculators.planner import Plan, build_plan, csv_text, ics
from calculators.planner.exports import CSV_HEADER, escape_text, fold

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
ANSWERS = [
    {"today": "2026-01-07"},
    {"today": "2026-01-07", "runs_per_week": "4", "pace": "standard", "start_date": "2026-03-04"},
    {
        "today": "2026-01-07",
        "goal": "5k",
        "easy_pace": "6",
        "bmi_over_30": True,
        "runs_per_week": "2",
    },
]


def _plan(answers: dict) -> tuple[Plan, dict]:
    outcome = run("planner", answers)
    assert outcome["ok"]
    values = {k: v for k, v in answers.items() if k != "today"}
    plan = build_plan(
        today=dt.date.fromisoformat(answers["today"]),
        start_date=dt.date.fromisoformat(values["start_date"]) if "start_date" in values else None,
        goal=values.get("goal", "run-30"),
        easy_pace=int(values["easy_pace"]) if "easy_pace" in values else None,
        runs_per_week=int(values.get("runs_per_week", "3")),
        pace=values.get("pace", "gentle"),
        bmi_over_30=bool(values.get("bmi_over_30", False)),
    )
    return plan, outcome


def _sessions(result: dict) -> list[tuple[dict, dict]]:
    return [(w, s) for w in result["weeks"] for s in w["sessions"]]


@pytest.mark.parametrize("answers", ANSWERS)
def test_the_calendar_round_trips(answers: dict) -> None:
    plan, outcome = _plan(answers)
    files = {d["filename"]: d for d in outcome["downloads"]}
    text = files["return-to-run-plan.ics"]["content"]
    assert files["return-to-run-plan.ics"]["mime"] == "text/calendar"
    assert text == ics(plan)

    calendar = Calendar.from_ical(text)
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar
    events = list(calendar.walk("VEVENT"))
    sessions = _sessions(outcome["result"])
    assert len(events) == len(sessions)
    uids = set()
    for event, (week, session) in zip(events, sessions, strict=True):
        start = event.decoded("DTSTART")
        assert isinstance(start, dt.date) and not isinstance(start, dt.datetime)
        assert start.isoformat() == session["date"]
        assert event.decoded("DTEND") == start + dt.timedelta(days=1)
        assert event.decoded("DTSTAMP").date() == dt.date.fromisoformat(answers["today"])
        summary = str(event["SUMMARY"])
        assert f"(week {week['number']})" in summary
        if week["kind"] == "goal":
            assert summary.startswith("Goal run:") and "continuous" in summary
        else:
            assert f"{week['repeats']} × (" in summary
        description = str(event["DESCRIPTION"])
        assert description.count("\n") >= 3  # newlines survive escaping
        assert "Walk 5 min to warm up" in description
        uid = str(event["UID"])
        assert uid.endswith("@return-to-run")
        uids.add(uid)
    assert len(uids) == len(events)


def test_the_calendar_is_deterministic_and_its_ids_follow_the_answers() -> None:
    first = run("planner", ANSWERS[0])["downloads"][0]["content"]
    again = run("planner", ANSWERS[0])["downloads"][0]["content"]
    other = run("planner", {**ANSWERS[0], "pace": "standard"})["downloads"][0]["content"]
    assert first == again
    uid = next(line for line in first.split("\r\n") if line.startswith("UID:"))
    assert uid not in other


def test_calendar_lines_end_in_crlf_and_fold_at_75_octets() -> None:
    text = run("planner", ANSWERS[2])["downloads"][0]["content"]
    assert text.endswith("\r\n")
    assert "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    assert "\r\n " in text  # long descriptions really are folded


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=0, max_size=400))
def test_folding_never_splits_a_character_and_unfolds_to_the_original(text: str) -> None:
    line = "DESCRIPTION:" + escape_text(text).replace("\r", "")
    folded = fold(line)
    for part in folded.split("\r\n"):
        assert len(part.encode("utf-8")) <= 75
    assert folded.replace("\r\n ", "") == line


def test_text_values_escape_backslash_semicolon_comma_and_newline() -> None:
    assert escape_text("a\\b;c,d\ne") == "a\\\\b\\;c\\,d\\ne"


@pytest.mark.parametrize("answers", ANSWERS)
def test_the_spreadsheet_round_trips(answers: dict) -> None:
    plan, outcome = _plan(answers)
    files = {d["filename"]: d for d in outcome["downloads"]}
    text = files["return-to-run-plan.csv"]["content"]
    assert files["return-to-run-plan.csv"]["mime"] == "text/csv"
    assert text == csv_text(plan)
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert tuple(rows[0].keys()) == CSV_HEADER
    sessions = _sessions(outcome["result"])
    assert len(rows) == len(sessions)
    for row, (week, session) in zip(rows, sessions, strict=True):
        assert int(row["week"]) == week["number"]
        assert row["date"] == session["date"]
        assert row["weekday"] == WEEKDAYS[dt.date.fromisoformat(row["date"]).weekday()]
        assert (int(row["repeats"]), int(row["run_s"]), int(row["walk_s"])) == (
            week["repeats"],
            week["run_s"],
            week["walk_s"],
        )
        assert float(row["warmup_min"]) == 5 and float(row["cooldown_min"]) == 5
        running = int(row["repeats"]) * int(row["run_s"]) / 60
        assert abs(float(row["running_min"]) - running) < 0.01
        session_min = 10 + int(row["repeats"]) * (int(row["run_s"]) + int(row["walk_s"])) / 60
        assert abs(float(row["session_min"]) - session_min) < 0.01
