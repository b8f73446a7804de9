"""The planner's invariants, checked on every plan hypothesis can think of.

The checks read only the JSON result (what the page and the CLI get) and
encode the brief's rules directly, not the engine's own helpers, so a bug in
the engine cannot hide by being repeated here.
"""

from __future__ import annotations

import datetime as dt
import itertools
from fractions import Fraction
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.levels import START_LEVELS

GOAL_MINUTES = {"run-20": 20, "run-30": 30, "run-45": 45}
RISE = {"gentle": Fraction(75, 1000), "standard": Fraction(100, 1000)}
MODIFIER_CUT = Fraction(10, 1000)
CHANGES_IN_A_ROW = {"gentle": 3, "standard": 4}
WARMUP_COOLDOWN_S = 10 * 60


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    """Valid answers, in the mix of shapes the form and the CLI send."""
    today = draw(st.dates(min_value=dt.date(2024, 1, 1), max_value=dt.date(2032, 12, 31)))
    offset = draw(st.one_of(st.none(), st.integers(min_value=-7, max_value=365)))
    pace = draw(st.one_of(st.none(), st.integers(min_value=5, max_value=12)))
    return {
        "today": today.isoformat(),
        "start_date": "" if offset is None else (today + dt.timedelta(days=offset)).isoformat(),
        "level": draw(st.sampled_from([lv.key for lv in START_LEVELS])),
        "goal": draw(st.sampled_from(["run-20", "run-30", "run-45", "5k"])),
        "easy_pace": "" if pace is None else draw(st.sampled_from([pace, str(pace)])),
        "runs_per_week": draw(st.sampled_from(["2", "3", "4"])),
        "pace": draw(st.sampled_from(["gentle", "standard"])),
        "bmi_over_30": draw(st.booleans()),
        "poor_sleep": draw(st.booleans()),
    }


def shape(week: dict[str, Any]) -> tuple[int, int, int]:
    return (week["repeats"], week["run_s"], week["walk_s"])


def goal_seconds(a: dict[str, Any]) -> int:
    pace = int(a["easy_pace"]) if a["easy_pace"] != "" else 8
    return (GOAL_MINUTES[a["goal"]] if a["goal"] in GOAL_MINUTES else 5 * pace) * 60


def plan_for(a: dict[str, Any]) -> dict[str, Any]:
    outcome = run("planner", a)
    assert outcome["ok"], outcome.get("errors")
    return outcome["result"]  # type: ignore[no-any-return]


SHORTEST_WALK_S = 30


def check_join(before: tuple[int, int, int], after: tuple[int, int, int], goal_s: int) -> None:
    """A join drops one walk break and nothing else: running per session is unchanged."""
    (r0, run0, walk0), (r1, run1, walk1) = before, after
    assert r0 * run0 == r1 * run1 == goal_s, (before, after)
    assert r1 == r0 - 1 and walk0 == SHORTEST_WALK_S
    assert walk1 == (walk0 if r1 > 1 else 0)


def check_one_change_at_a_time(weeks: list[dict[str, Any]], goal_s: int) -> None:
    joined = False
    for before, after in itertools.pairwise(weeks):
        if after["kind"] == "repeat":
            assert shape(after) == shape(before)
        elif after["change"] == "join":
            check_join(shape(before), shape(after), goal_s)
            joined = True
        else:
            # Only joins may change two things, and nothing but joins comes after one.
            assert not joined, "a join is followed by another join or a repeat only"
            changed = [x != y for x, y in zip(shape(before), shape(after), strict=True)]
            assert sum(changed) == 1, (shape(before), shape(after))
    # The walk breaks go one at a time, so the goal week's run is at most twice the
    # longest run the week before (it was three times, a cliff).
    assert weeks[-1]["change"] == "join" and weeks[-1]["run_s"] <= 2 * weeks[-2]["run_s"]
    # The page says so: the longest run never triples in one week.
    assert all(b["run_s"] < 3 * a["run_s"] for a, b in itertools.pairwise(weeks))


def check_weekly_rise(weeks: list[dict[str, Any]], a: dict[str, Any], runs: int) -> None:
    rise = RISE[a["pace"]] - MODIFIER_CUT * (a["bmi_over_30"] + a["poor_sleep"])
    assert rise <= Fraction(1, 10)
    allowance = runs * 120  # two minutes per session
    for before, after in itertools.pairwise(weeks):
        w0, w1 = before["week_running_s"], after["week_running_s"]
        assert w0 <= w1, "weekly running never falls"
        assert w1 <= w0 + max(rise * w0, allowance)
        if rise * w0 >= allowance:
            assert w1 <= w0 * (1 + rise)  # past the early weeks, the percentage alone rules
        assert w0 == runs * before["repeats"] * before["run_s"]


def check_repeat_weeks(weeks: list[dict[str, Any]], pace: str) -> None:
    limit = CHANGES_IN_A_ROW[pace]
    in_a_row = 0
    for week in weeks[1:]:
        in_a_row = 0 if week["kind"] == "repeat" else in_a_row + 1
        assert in_a_row <= limit
    assert any(w["kind"] == "repeat" for w in weeks)


def check_length_and_end(result: dict[str, Any], goal_s: int) -> None:
    weeks = result["weeks"]
    assert not result["near_goal"]  # no starting level is near any goal
    assert len(weeks) >= 12
    assert weeks[0]["kind"] == "start"
    assert weeks[-1]["kind"] == "goal" and shape(weeks[-1]) == (1, goal_s, 0)
    for week in weeks[:-1]:  # only the last week is the goal, and only it is continuous
        assert week["kind"] != "goal" and week["walk_s"] > 0
    assert result["goal_s"] == goal_s


def check_sessions(result: dict[str, Any], a: dict[str, Any], goal_s: int) -> None:
    cap = max(60 * 60, goal_s + 15 * 60)
    for week in result["weeks"]:
        assert week["repeats"] >= 1 and week["run_s"] > 0 and week["running_s"] > 0
        # Friendly steps: whole 15 s, or a third of the goal, which the joins need exact.
        assert week["run_s"] % 15 == 0 or 3 * week["run_s"] == goal_s, week["run_s"]
        expected = WARMUP_COOLDOWN_S + week["repeats"] * (week["run_s"] + week["walk_s"])
        assert week["session_s"] == expected <= cap
    if a["bmi_over_30"]:
        pace = int(a["easy_pace"]) if a["easy_pace"] != "" else 8
        assert result["weeks"][0]["week_running_s"] <= 3 * pace * 60


def check_dates(result: dict[str, Any], a: dict[str, Any], runs: int) -> None:
    today = dt.date.fromisoformat(a["today"])
    start = dt.date.fromisoformat(result["start_date"])
    if a["start_date"]:
        assert start.isoformat() == a["start_date"]
    else:
        assert start.weekday() == 0 and 0 <= (start - today).days <= 6
    days = [dt.date.fromisoformat(s["date"]) for w in result["weeks"] for s in w["sessions"]]
    assert days[0] == start
    assert all((later - earlier).days >= 2 for earlier, later in itertools.pairwise(days))
    assert all(len(w["sessions"]) == runs for w in result["weeks"])
    names = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
    for week in result["weeks"]:
        for s in week["sessions"]:
            assert s["weekday"] == names[dt.date.fromisoformat(s["date"]).weekday()]


@settings(max_examples=150, deadline=None)
@given(answers())
def test_every_plan_keeps_every_invariant(a: dict[str, Any]) -> None:
    result = plan_for(a)
    runs = int(a["runs_per_week"])
    goal_s = goal_seconds(a)
    weeks = result["weeks"]
    check_one_change_at_a_time(weeks, goal_s)
    check_weekly_rise(weeks, a, runs)
    check_repeat_weeks(weeks, a["pace"])
    check_length_and_end(result, goal_s)
    check_sessions(result, a, goal_s)
    check_dates(result, a, runs)


@settings(max_examples=60, deadline=None)
@given(answers())
def test_distinct_steps_change_one_thing_and_weeks_use_them_in_order(a: dict[str, Any]) -> None:
    result = plan_for(a)
    steps = [(s["repeats"], s["run_s"], s["walk_s"]) for s in result["steps"]]
    changes = [s["change"] for s in result["steps"]]
    assert len(set(steps)) == len(steps)
    first_join = changes.index("join")
    assert set(changes[first_join:]) == {"join"}, "the joins come last, all together"
    assert len(steps) - first_join == steps[first_join - 1][0] - 1, "one join per walk break"
    for before, after in itertools.pairwise(steps[:first_join]):
        assert sum(x != y for x, y in zip(before, after, strict=True)) == 1
        assert after[0] >= before[0] and after[1] >= before[1] and after[2] <= before[2]
    for before, after in itertools.pairwise(steps[first_join - 1 :]):
        check_join(before, after, result["goal_s"])
    assert [s for s in steps if s[2] == 0] == [steps[-1]] == [(1, result["goal_s"], 0)]
    indexes = [w["step_index"] for w in result["weeks"]]
    assert indexes[0] == 0 and indexes[-1] == len(steps) - 1
    assert all(b - a_ in (0, 1) for a_, b in itertools.pairwise(indexes))


@settings(max_examples=40, deadline=None)
@given(answers())
def test_lower_start_and_slower_ramp_with_bmi_or_poor_sleep(a: dict[str, Any]) -> None:
    plain = plan_for({**a, "bmi_over_30": False, "poor_sleep": False})
    for flag in ("bmi_over_30", "poor_sleep"):
        lowered = plan_for({**a, "bmi_over_30": False, "poor_sleep": False, flag: True})
        assert lowered["weeks"][0]["week_running_s"] < plain["weeks"][0]["week_running_s"]
        assert lowered["rise_permille"] < plain["rise_permille"]
        assert len(lowered["weeks"]) >= len(plain["weeks"])


@settings(max_examples=40, deadline=None)
@given(answers())
def test_gentle_is_never_faster_than_standard(a: dict[str, Any]) -> None:
    gentle = plan_for({**a, "pace": "gentle"})
    standard = plan_for({**a, "pace": "standard"})
    assert len(gentle["weeks"]) >= len(standard["weeks"])
    assert gentle["rise_permille"] < standard["rise_permille"]


# --- Run day: the session script and the check-in -------------------------

SIGN_KEYS = (
    "leaking", "urgency", "pressure", "pain", "doming", "bleeding", "calf-pain", "chest-pain",
    "dizziness", "abdominal-pain", "caesarean-symptoms", "fever", "fatigue",
    "condition-limits-exercise",
)  # fmt: skip


@settings(max_examples=60, deadline=None)
@given(answers())
def test_session_segments_add_up_to_every_step(a: dict[str, Any]) -> None:
    from calculators.planner.engine import Step
    from calculators.planner.session import segments

    for raw in plan_for(a)["steps"]:
        step = Step(raw["repeats"], raw["run_s"], raw["walk_s"], raw["change"])
        parts = segments(step)
        assert parts[0].kind == "warmup" and parts[-1].kind == "cooldown"
        assert [p.kind for p in parts[1:-1]].count("warmup") == 0
        assert sum(p.seconds for p in parts if p.kind == "run") == raw["repeats"] * raw["run_s"]
        assert sum(p.seconds for p in parts if p.kind == "walk") == raw["repeats"] * raw["walk_s"]
        assert sum(p.seconds for p in parts) == WARMUP_COOLDOWN_S + raw["repeats"] * (
            raw["run_s"] + raw["walk_s"]
        )
        assert all(p.seconds >= 15 for p in parts), parts
        assert all(p.sources for p in parts)


@settings(max_examples=150, deadline=None)
@given(
    answers(),
    st.data(),
    st.sampled_from(["no-symptoms", "symptoms-during", "symptoms-after", "stopped-early"]),
    st.lists(st.sampled_from(SIGN_KEYS), unique=True, max_size=4),
    st.booleans(),
)
def test_a_warning_sign_at_check_in_is_never_answered_with_advance(
    a: dict[str, Any], data: st.DataObject, how: str, signs: list[str], recurred: bool
) -> None:
    from calculators.planner import build_plan
    from calculators.planner.checkin import CheckIn, decide

    result = plan_for(a)
    plan = build_plan(
        today=dt.date.fromisoformat(a["today"]),
        level=a["level"],
        goal=a["goal"],
        easy_pace=int(a["easy_pace"]) if a["easy_pace"] != "" else None,
        runs_per_week=int(a["runs_per_week"]),
        pace=a["pace"],
        bmi_over_30=a["bmi_over_30"],
        poor_sleep=a["poor_sleep"],
    )
    index = data.draw(st.integers(min_value=0, max_value=len(result["steps"]) - 1))
    decision = decide(plan, index, CheckIn(how, tuple(signs), None, ""), recurred=recurred)  # type: ignore[arg-type]
    if signs or how != "no-symptoms":
        assert decision.action not in ("advance", "finished")
        assert decision.step_index <= index
    else:
        assert decision.action in ("advance", "finished")
    clinician = {"bleeding", "calf-pain", "chest-pain", "dizziness", "abdominal-pain",
                 "caesarean-symptoms", "fever", "fatigue", "condition-limits-exercise"}  # fmt: skip
    if clinician & set(signs):
        assert decision.action == "professional"


@settings(max_examples=60, deadline=None)
@given(
    answers(),
    st.lists(
        st.tuples(
            st.sampled_from(["no-symptoms", "symptoms-during", "symptoms-after", "stopped-early"]),
            st.lists(st.sampled_from(SIGN_KEYS[:5]), unique=True, max_size=2),
        ),
        max_size=12,
    ),
)
def test_the_check_in_page_never_says_advance_or_ready_after_a_warning_sign(
    a: dict[str, Any], history: list[tuple[str, list[str]]]
) -> None:
    """Through `api.run`, as the page calls it: check in session after session."""
    import json

    record = {"format": 1, "savedAt": a["today"] + "T08:00:00Z", "answers": a}
    log = ""
    for how, signs in history:
        request = {"checkin": {"how": how, "symptoms": signs, "effort": None, "notes": ""}}
        out = run("today", {"plan": record, "log": log, "today": a["today"], "request": request})
        assert out["ok"], out.get("errors")
        action = out["result"]["decision"]["action"]
        log = json.dumps(out["result"]["log"])
        if signs or how != "no-symptoms":
            assert action not in ("advance", "finished")
            decision_html = out["html"].split('class="rtr-decision"')[1].split("</div>")[0]
            assert "ready" not in decision_html.lower()
            assert "carry on" not in decision_html.lower()
