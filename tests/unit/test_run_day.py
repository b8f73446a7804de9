"""Run day: check-in decisions, the log file, rescheduling and the timed calendar."""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import json
import re
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar

from calculators import run
from calculators.planner import Plan, build_plan
from calculators.planner.checkin import HOW_IT_WENT, SIGNS, CheckIn, decide
from calculators.planner.exports import ics
from calculators.planner.log import (
    CSV_HEADER,
    Entry,
    Log,
    LogError,
    csv_text,
    from_json,
    merge,
    to_json,
)
from calculators.planner.next_runs import reschedule, valid_days

TODAY = "2026-01-05"  # a Monday
RECORD = {
    "format": 1,
    "savedAt": "2026-01-05T08:00:00.000Z",
    "answers": {"level": "run30-walk120", "goal": "run-30", "runs_per_week": "3", "pace": "gentle"},
}


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(today=dt.date(2026, 1, 5))


def today(request: Any = None, log: str = "", day: str = TODAY, **extra: Any) -> dict[str, Any]:
    payload = {"plan": json.dumps(RECORD), "log": log, "today": day, **extra}
    if request is not None:
        payload["request"] = json.dumps(request)
    out = run("today", payload)
    return out


def checkin(how: str, symptoms: tuple[str, ...] = ()) -> CheckIn:
    return CheckIn(how, symptoms, None, "")  # type: ignore[arg-type]


# --- the check-in decision -------------------------------------------------


@pytest.mark.parametrize(
    ("how", "recurred", "action", "index"),
    [
        ("no-symptoms", False, "advance", 5),
        ("no-symptoms", True, "advance", 5),
        ("symptoms-during", False, "repeat", 4),
        ("symptoms-during", True, "back", 3),
        ("symptoms-after", False, "repeat", 4),
        ("symptoms-after", True, "back", 3),
        ("stopped-early", False, "repeat", 4),
        ("stopped-early", True, "back", 3),
    ],
)
def test_every_outcome_follows_the_symptom_rules(
    plan: Plan, how: str, recurred: bool, action: str, index: int
) -> None:
    decision = decide(plan, 4, checkin(how), recurred=recurred)
    assert (decision.action, decision.step_index) == (action, index)


def test_a_ticked_sign_outweighs_no_symptoms(plan: Plan) -> None:
    assert decide(plan, 4, checkin("no-symptoms", ("leaking",)), recurred=False).action == "repeat"


@pytest.mark.parametrize("sign", [k for k, s in SIGNS.items() if "gp" in s.professionals])
def test_a_sign_for_a_doctor_means_stop_and_get_checked(plan: Plan, sign: str) -> None:
    decision = decide(plan, 4, checkin("no-symptoms", (sign,)), recurred=False)
    assert decision.action == "professional" and decision.signs == (sign,)
    assert "davenport-2025" in decision.sources


def test_symptoms_again_at_the_first_step_means_see_a_physio(plan: Plan) -> None:
    assert decide(plan, 0, checkin("symptoms-during"), recurred=True).action == "professional"
    assert decide(plan, 0, checkin("symptoms-during"), recurred=False).action == "repeat"


def test_the_last_step_without_symptoms_is_finished(plan: Plan) -> None:
    last = len(plan.steps) - 1
    assert decide(plan, last, checkin("no-symptoms"), recurred=False).action == "finished"


# --- the page's calculator, through api.run ---------------------------------


def test_without_a_saved_plan_the_page_links_to_the_planner() -> None:
    out = run("today", {"today": TODAY})
    assert out["ok"] and out["result"]["status"] == "no-plan"
    assert "tools/planner/" in out["html"]


def test_symptoms_during_repeats_the_session_and_logs_it() -> None:
    first = today()
    assert first["result"]["session"]["date"] == TODAY
    request = {"checkin": {"how": "symptoms-during", "symptoms": ["pressure"], "effort": "6",
                           "notes": "felt heavy", "run_done_s": 75, "walked_from_s": 420}}  # fmt: skip
    out = today(request, json.dumps(first["result"]["log"]))
    result = out["result"]
    assert result["decision"]["action"] == "repeat"
    assert result["session"]["step_index"] == first["result"]["session"]["step_index"]
    assert result["session"]["session_in_week"] == 1
    # Never two runs on consecutive days: the next one is two days on.
    assert result["session"]["date"] == "2026-01-07"
    (entry,) = result["log"]["entries"]
    assert entry["walked_from_s"] == 420 and entry["run_done_s"] == 75
    assert entry["symptoms"] == ["pressure"] and entry["effort"] == 6


def test_three_clean_sessions_move_to_the_next_week() -> None:
    log = ""
    for day in ("2026-01-05", "2026-01-07", "2026-01-09"):
        out = today({"checkin": {"how": "no-symptoms"}}, log, day)
        log = json.dumps(out["result"]["log"])
    assert out["result"]["session"]["week"] == 2


def test_editing_and_deleting_change_the_replayed_plan() -> None:
    out = today({"checkin": {"how": "no-symptoms"}})
    log = json.dumps(out["result"]["log"])
    entry_id = out["result"]["log"]["entries"][0]["id"]
    edited = today({"checkin": {"how": "symptoms-after", "edit": entry_id}}, log)
    assert edited["result"]["decision"]["action"] == "repeat"
    assert len(edited["result"]["log"]["entries"]) == 1
    gone = today({"delete": entry_id}, json.dumps(edited["result"]["log"]))
    assert gone["result"]["log"]["entries"] == []


@pytest.mark.parametrize(
    ("request_", "words"),
    [
        ({"checkin": {"how": "great"}}, "how the run went"),
        ({"checkin": {"how": "no-symptoms", "symptoms": ["itch"]}}, "symptom"),
        ({"checkin": {"how": "no-symptoms", "effort": "11"}}, "effort"),
        ({"delete": "2026-01-01-9"}, "no longer in your log"),
        ({"import": "{oops"}, "not valid JSON"),
        ({"dance": 1}, "request we do not know"),
    ],
)
def test_bad_requests_get_a_plain_message(request_: Any, words: str) -> None:
    out = today(request_)
    assert not out["ok"]
    assert words.lower() in " ".join(e["message"] for e in out["errors"]).lower()


def test_a_corrupt_or_future_log_is_reported_not_read() -> None:
    corrupt = today(log="{not json")["result"]
    assert corrupt["log_status"] == "unreadable" and corrupt["log"]["entries"] == []
    future = today(log=json.dumps({"format": "return-to-run-log", "version": 9, "entries": []}))
    assert future["result"]["log_status"] == "future"
    assert "newer version" in future["result"]["log_message"]
    assert 'data-log-problem="future"' in future["html"]


@settings(max_examples=60, deadline=None)
@given(st.dictionaries(st.sampled_from(["plan", "log", "request", "settings", "today", "x"]),
                       st.one_of(st.none(), st.text(max_size=30), st.integers(), st.booleans(),
                                 st.lists(st.integers(), max_size=3))))  # fmt: skip
def test_any_payload_gets_an_answer_never_a_traceback(payload: dict[str, Any]) -> None:
    out = run("today", payload)
    assert out["ok"] in (True, False)


# --- the log file -------------------------------------------------------------

entries = st.builds(
    Entry,
    id=st.just(""),
    date=st.dates(min_value=dt.date(2025, 1, 1), max_value=dt.date(2030, 12, 31)),
    week=st.integers(1, 40),
    step_index=st.integers(0, 40),
    repeats=st.integers(1, 10),
    run_s=st.integers(1, 3600),
    walk_s=st.integers(0, 600),
    run_done_s=st.integers(0, 3600),
    walked_from_s=st.one_of(st.none(), st.integers(0, 7200)),
    checkin=st.builds(
        CheckIn,
        how=st.sampled_from(HOW_IT_WENT),
        symptoms=st.lists(st.sampled_from(list(SIGNS)), unique=True, max_size=3).map(tuple),
        effort=st.one_of(st.none(), st.integers(1, 10)),
        notes=st.text(max_size=80),
    ),
)


@st.composite
def logs(draw: st.DrawFn) -> Log:
    from calculators.planner.log import EMPTY, add, next_id

    log = EMPTY
    for e in draw(st.lists(entries, max_size=8)):
        log = add(log, Entry(**{**e.__dict__, "id": next_id(log, e.date)}))
    return log


@settings(max_examples=100, deadline=None)
@given(logs())
def test_the_log_round_trips_through_json_losslessly(log: Log) -> None:
    text = to_json(log)
    assert from_json(text) == log
    assert to_json(from_json(text)) == text


@settings(max_examples=50, deadline=None)
@given(logs())
def test_the_csv_has_one_row_a_session_with_the_notes_kept(log: Log) -> None:
    rows = list(csv.reader(io.StringIO(csv_text(log), newline="")))
    assert tuple(rows[0]) == CSV_HEADER
    assert [r[0] for r in rows[1:]] == [e.id for e in log.entries]
    for row, e in zip(rows[1:], log.entries, strict=True):
        notes = e.checkin.notes
        formula = notes[:1] in ("=", "+", "-", "@", "\t", "\r")
        assert row[12] == ("'" + notes if formula else notes)  # never run as a formula


@settings(max_examples=50, deadline=None)
@given(logs(), logs())
def test_an_import_adds_and_never_replaces(mine: Log, theirs: Log) -> None:
    merged, _ = merge(mine, theirs)
    assert set(mine.entries) <= set(merged.entries)
    assert {e.id for e in merged.entries} == {e.id for e in mine.entries} | {
        e.id for e in theirs.entries
    }


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("[]", "not a Return to Run log"),
        ('{"format": "return-to-run-log", "version": 2, "entries": []}', "newer version"),
        ('{"format": "return-to-run-log", "version": "1", "entries": []}', "version"),
        ('{"format": "return-to-run-log", "version": 1}', "no list"),
        ('{"format": "return-to-run-log", "version": 1, "entries": [{"id": "x"}]}', "Session 1 in the log lacks"),
    ],
)  # fmt: skip
def test_bad_log_files_are_refused_with_a_clear_message(text: str, words: str) -> None:
    with pytest.raises(LogError, match=words):
        from_json(text)


def test_a_bad_value_in_an_entry_is_named() -> None:
    good = today({"checkin": {"how": "no-symptoms"}})["result"]["log"]
    good["entries"][0]["effort"] = 12
    with pytest.raises(LogError, match="effort must be a whole number from 1 to 10"):
        from_json(json.dumps(good))


# --- dates: rescheduling and chosen days -------------------------------------

day_sets = st.sets(st.integers(0, 6), min_size=1, max_size=3).filter(
    lambda d: valid_days(frozenset(d)) is None
)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(0, 40),
    st.dates(min_value=dt.date(2026, 1, 1), max_value=dt.date(2027, 1, 1)),
    st.one_of(st.none(), st.integers(-10, 3)),
    st.one_of(st.none(), day_sets),
    st.lists(st.integers(-20, 30), max_size=40),
)
def test_rescheduling_never_crowds_runs_and_drops_nothing(
    count: int,
    earliest: dt.date,
    last_offset: int | None,
    days: set[int] | None,
    planned: list[int],
) -> None:
    last = None if last_offset is None else earliest + dt.timedelta(days=last_offset)
    planned_dates = tuple(sorted(earliest + dt.timedelta(days=p) for p in planned))
    chosen = frozenset(days) if days else None
    out = reschedule(count, earliest=earliest, last_run=last, days=chosen, planned=planned_dates)
    assert len(out) == count  # nothing dropped
    assert all(d >= earliest for d in out)
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(out))  # order kept, rest days
    if last is not None and out:
        assert (out[0] - last).days >= 2
    if chosen:
        assert all(d.weekday() in chosen for d in out)
    for d, p in zip(out, planned_dates, strict=False):
        assert d >= p  # a session only ever moves later


@pytest.mark.parametrize("days", [set(), {0, 1}, {6, 0}, set(range(7))])
def test_running_days_need_rest_days_between(days: set[int]) -> None:
    assert valid_days(frozenset(days)) is not None


def test_chosen_days_and_time_reach_the_calendar_with_a_reminder() -> None:
    out = today(settings=json.dumps({"days": [1, 3, 5], "at": "07:30", "alarm_minutes": 20}))
    assert out["ok"], out.get("errors")
    (file,) = [d for d in out["downloads"] if d["filename"].endswith(".ics")]
    calendar = Calendar.from_ical(file["content"])
    events = list(calendar.walk("VEVENT"))
    assert len(events) == len(build_plan(today=dt.date(2026, 1, 5)).weeks) * 3
    starts = [e.decoded("DTSTART") for e in events]
    assert all(isinstance(s, dt.datetime) and s.time() == dt.time(7, 30) for s in starts)
    assert {s.weekday() for s in starts} == {1, 3, 5}
    assert all((b - a).days >= 2 for a, b in itertools.pairwise(starts))
    for event in events:
        (alarm,) = event.walk("VALARM")
        assert alarm.decoded("TRIGGER") == -dt.timedelta(minutes=20)


def test_consecutive_running_days_are_refused() -> None:
    out = today(settings=json.dumps({"days": [5, 6]}))
    assert not out["ok"] and "rest day" in out["errors"][0]["message"]


def test_the_plain_calendar_is_unchanged(plan: Plan) -> None:
    text = ics(plan)
    assert "VALARM" not in text and "DTSTART;VALUE=DATE:" in text


# --- links in and out ------------------------------------------------------


def test_the_planner_result_leads_to_todays_run() -> None:
    html = run("planner", {"today": TODAY}, site_root="/r/")["html"]
    assert 'href="/r/tools/today/"' in html


@pytest.mark.parametrize(
    "request_",
    [
        None,
        {"checkin": {"how": "symptoms-during", "symptoms": ["pressure"]}},
        {"checkin": {"how": "no-symptoms", "symptoms": ["chest-pain"]}},
    ],  # fmt: skip
)
def test_every_link_on_todays_run_points_at_a_page_and_anchor_that_exist(request_: Any) -> None:
    docs = Path(__file__).resolve().parents[2] / "docs"
    payload = {"plan": json.dumps(RECORD), "log": "", "today": TODAY}
    if request_ is not None:
        payload["request"] = json.dumps(request_)
    out = run("today", payload, site_root="/r/")
    assert out["ok"], out.get("errors")
    hrefs = re.findall(r'href="([^"]*)"', out["html"])
    assert hrefs
    for href in hrefs:
        assert href.startswith("/r/"), href
        path, _, anchor = href[len("/r/") :].partition("#")
        page = docs / (path.rstrip("/") + ".md")
        assert page.exists(), href
        if anchor:
            assert f"{{#{anchor}}}" in page.read_text(encoding="utf-8"), href


def test_the_planners_schedule_function_is_not_shadowed_by_a_module() -> None:
    """A submodule named like a package attribute replaces it once imported."""
    import calculators.today  # noqa: F401  (imports the Run day modules)
    from calculators import planner

    assert callable(planner.schedule)
