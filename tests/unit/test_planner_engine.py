"""The planner's building blocks: the ramp, the schedule, the start and the checks."""

from __future__ import annotations

import datetime as dt
import importlib
import itertools
import re

import pytest

from calculators.levels import LEVELS_BY_KEY, START_LEVELS, StartLevel
from calculators.planner import (
    PlannerAnswers,
    Step,
    build_plan,
    build_steps,
    compute,
    schedule,
)
from calculators.planner.compute import default_start, goal_problem, start_step
from calculators.planner.engine import Ramp
from calculators.planner.rules import GOALS, MIN_WEEKS, PACES, SCHEDULES
from calculators.planner.text import adjustments
from calculators.spec import InputError


def test_the_default_start_is_the_next_monday_or_today_if_monday() -> None:
    monday = dt.date(2026, 1, 12)
    assert default_start(monday) == monday
    for days in range(1, 7):
        assert default_start(monday + dt.timedelta(days=days)) == monday + dt.timedelta(days=7)


def test_the_weekly_limit_is_ten_percent_or_two_minutes_a_session() -> None:
    ramp = Ramp(runs_per_week=3, rise_permille=100, build_weeks=3, goal_s=1800, session_cap_s=3600)
    assert ramp.weekly_limit_s(600) == 600 + 360  # 10% is 60 s: the allowance rules
    assert ramp.weekly_limit_s(6000) == 6600  # 10% is 600 s: the percentage rules


def test_the_schedule_puts_a_repeat_week_after_every_few_changes() -> None:
    steps = tuple(Step(3, 30 + 10 * i, 120, "run") for i in range(20))
    kinds = [slot.kind for slot in schedule(steps, 2, near_goal=False)]
    assert "".join(k[0] for k in kinds).upper().startswith("SCCRCCRCCR")
    kinds = [slot.kind for slot in schedule(steps, 3, near_goal=False)]
    assert "".join(k[0] for k in kinds).upper().startswith("SCCCRCCCR")


def test_a_short_plan_is_stretched_to_twelve_weeks_unless_near_the_goal() -> None:
    steps = (Step(3, 300, 30, "start"), Step(3, 320, 30, "run"), Step(1, 960, 0, "join"))
    stretched = schedule(steps, 3, near_goal=False)
    assert len(stretched) == MIN_WEEKS
    assert stretched[-1].step_index == 2 and stretched[-1].kind == "goal"
    assert [s.step_index for s in stretched] == sorted(s.step_index for s in stretched)
    assert len(schedule(steps, 3, near_goal=True)) == 3  # start, change, goal


def test_build_steps_ends_with_the_join_and_never_overshoots() -> None:
    ramp = Ramp(runs_per_week=3, rise_permille=75, build_weeks=2, goal_s=1200, session_cap_s=3600)
    steps = build_steps(Step(3, 120, 60, "start"), ramp)
    # The walk breaks go one at a time, running per session unchanged: no cliff.
    assert steps[-3:] == (
        Step(3, 400, 30, "run"),
        Step(2, 600, 30, "join"),
        Step(1, 1200, 0, "join"),
    )
    assert all(s.repeats * s.run_s <= 1200 for s in steps)


def test_a_goal_at_or_below_the_start_is_refused() -> None:
    long_runs = StartLevel("run600-walk60", "10 min run / 1 min walk", 600, 60)
    problem = goal_problem(long_runs, 20 * 60)
    assert problem is not None and problem.field == "goal"
    assert "Choose a longer goal" in problem.message
    for level in START_LEVELS:
        for goal in GOALS.values():
            assert goal_problem(level, (goal.minutes or 25) * 60) is None


def test_the_goal_problem_reaches_the_reader_as_a_field_message(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    long_runs = StartLevel("run600-walk60", "10 min run / 1 min walk", 600, 60)
    compute_module = importlib.import_module("calculators.planner.compute")
    monkeypatch.setitem(compute_module.LEVELS_BY_KEY, long_runs.key, long_runs)
    with pytest.raises(InputError) as caught:
        # Built directly: the form offers only the real levels.
        compute(
            PlannerAnswers(
                level=long_runs.key,
                bmi_over_30=False,
                poor_sleep=False,
                goal="run-20",
                unit="km",
                easy_pace=None,
                runs_per_week=3,
                pace="gentle",
                start_date=None,
                today=dt.date(2026, 1, 7),
            )
        )
    assert [p.field for p in caught.value.problems] == ["goal"]


def test_bmi_caps_the_first_week_by_shortening_the_runs_not_below_two_repeats() -> None:
    level = LEVELS_BY_KEY["run120-walk60"]
    step = start_step(level, runs_per_week=4, fewer_repeats=1, first_week_cap_s=900)
    # 4 x 2 x 105 s = 840 s <= 15 min; whole 15 s, so 1 min 50 s is not a choice.
    assert step.repeats == 2 and step.run_s == 105
    step = start_step(level, runs_per_week=2, fewer_repeats=0, first_week_cap_s=2160)
    assert (step.repeats, step.run_s) == (3, 120)


def test_the_plan_says_when_the_cap_shortened_the_first_runs() -> None:
    plan = build_plan(
        today=dt.date(2026, 1, 7),
        level="run120-walk60",
        bmi_over_30=True,
        runs_per_week=4,
        easy_pace=5,  # 3 km is 15 minutes: less than 4 x 2 x 2 minutes
    )
    assert plan.steps[0].run_s < plan.level_run_s
    assert any("1 min 45 s instead of 2 min." in note for note in adjustments(plan))
    usual = build_plan(today=dt.date(2026, 1, 7), level="run120-walk60")
    assert adjustments(usual) == ()


def test_goals_divide_evenly_into_one_two_or_three_runs() -> None:
    # The join needs repeats x run = goal exactly, in whole seconds.
    for goal in GOALS.values():
        for pace in range(5, 13):
            seconds = (goal.minutes or goal.km * pace) * 60  # type: ignore[operator]
            assert seconds % 300 == 0


def test_run_days_always_leave_a_rest_day_even_across_weeks() -> None:
    for s in SCHEDULES.values():
        days = [week * s.cycle_days + o for week in range(3) for o in s.offsets]
        assert all(b - a >= 2 for a, b in itertools.pairwise(days))
        assert len(s.offsets) == s.runs


def test_gentle_is_gentler_than_standard_and_both_within_ten_percent() -> None:
    assert PACES["gentle"].rise_permille < PACES["standard"].rise_permille <= 100
    assert PACES["gentle"].build_weeks < PACES["standard"].build_weeks


def test_each_pace_choice_states_the_rule_the_engine_applies() -> None:
    """The label is read as a reader would, and checked against the ramp itself."""
    for pace in PACES.values():
        found = re.search(
            r"up to (\d+) min more per run, or ([\d.]+)% a week, whichever is more", pace.label
        )
        assert found, pace.label
        per_run_s, percent = int(found[1]) * 60, float(found[2])
        for runs in SCHEDULES:
            ramp = Ramp(runs, pace.rise_permille, pace.build_weeks, 3600, 4500)
            for week_s in range(60, 12_000, 45):
                said = week_s + max(week_s * percent / 100, runs * per_run_s)
                assert ramp.weekly_limit_s(week_s) == int(said), (pace.key, runs, week_s)
