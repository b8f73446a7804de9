"""From answers to a dated plan: validation, the starting step, and the weeks."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from ..jsonable import to_jsonable
from ..levels import LEVELS_BY_KEY, StartLevel
from ..spec import InputError, Problem
from . import messages
from .engine import Change, Ramp, Step, WeekKind, build_steps, is_near_goal, schedule
from .rules import (
    ALLOWANCE_PER_RUN_S,
    BMI_FIRST_WEEK_KM,
    DEFAULT_EASY_PACE,
    EASY_PACE_RANGE,
    GOALS,
    JOIN_REPEATS,
    MIN_REPEATS,
    MODIFIERS,
    PACES,
    SCHEDULES,
    SECONDS_STEP,
    SESSION_CAP_OVER_GOAL_S,
    SESSION_CAP_S,
)
from .units import pace_s_per_km

WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
"""Fixed English names: strftime's would follow the machine's locale."""


@dataclass(frozen=True)
class PlannerAnswers:
    """The form's answers, typed, with the form's defaults already applied."""

    level: str
    bmi_over_30: bool
    poor_sleep: bool
    goal: str
    unit: str
    """"km" or "mi": how the reader reads distances, and the easy pace's unit."""
    easy_pace: int | None
    """Whole minutes per `unit`; None when not given: the plan then assumes a pace, and says so."""
    runs_per_week: int
    pace: str
    start_date: dt.date | None
    """None when not given: the plan starts on the next Monday."""
    today: dt.date


EARLIEST_START_DAYS = 7
"""A start date up to a week ago is fine: you may have started already."""
LATEST_START_DAYS = 365


@dataclass(frozen=True)
class Session:
    date: dt.date
    weekday: str


@dataclass(frozen=True)
class Week:
    number: int
    kind: WeekKind
    step_index: int
    change: Change
    """What changed to reach this week's step (a repeat week keeps its step's change)."""
    repeats: int
    run_s: int
    walk_s: int
    running_s: int
    """Running in one session."""
    week_running_s: int
    session_s: int
    """One whole session, warm-up and cool-down included."""
    sessions: tuple[Session, ...]


@dataclass(frozen=True)
class Plan:
    today: dt.date
    start_date: dt.date
    start_date_given: bool
    level: str
    level_label: str
    goal: str
    goal_label: str
    goal_s: int
    unit: str
    """"km" or "mi": how the reader reads distances. It changes words, never the plan."""
    easy_pace_s_per_km: float
    """The easy pace used, in seconds per km, exactly as given (or the default)."""
    easy_pace_given: bool
    easy_pace_used: bool
    runs_per_week: int
    cycle_days: int
    pace: str
    bmi_over_30: bool
    poor_sleep: bool
    rise_permille: int
    build_weeks: int
    allowance_s: int
    session_cap_s: int
    near_goal: bool
    bmi_first_week_cap_s: int | None
    lowered_by: tuple[str, ...]
    """The answers (field names, as in rules.MODIFIERS) that lowered the start and the ramp."""
    usual_rise_permille: int
    """The chosen pace's weekly rise, before any answer lowered it."""
    level_run_s: int
    """A run at the starting level: the first runs are shorter when a cap shortened them."""
    steps: tuple[Step, ...]
    weeks: tuple[Week, ...]

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        return data

    def fingerprint(self) -> str:
        """The answers that shape the plan, as one stable string (for calendar UIDs)."""
        return "|".join(
            str(v)
            for v in (
                self.start_date.isoformat(),
                self.level,
                self.goal,
                # Minutes per km; a whole number gives the same string (and
                # calendar UIDs) as before paces in miles existed.
                _whole_if_whole(self.easy_pace_s_per_km / 60),
                self.runs_per_week,
                self.pace,
                self.bmi_over_30,
                self.poor_sleep,
            )
        )


def _whole_if_whole(number: float) -> int | float:
    return int(number) if number.is_integer() else number


def default_start(today: dt.date) -> dt.date:
    """The next Monday after today, or today if today is a Monday."""
    return today + dt.timedelta(days=(7 - today.weekday()) % 7)


def easy_pace_used(easy_pace: int | None, unit: str) -> float:
    """Seconds per km: the reader's pace, or the rules' assumed one when she
    gave none. A blank pace is the default per km in either unit, so choosing
    miles alone never changes the plan."""
    if easy_pace is None:
        return pace_s_per_km(DEFAULT_EASY_PACE, "km")
    return pace_s_per_km(easy_pace, unit)


def pace_problem(easy_pace: int | None, unit: str) -> Problem | None:
    """The easy pace's range, in the unit the reader chose (checked with the
    unit, so the message names it)."""
    # The form's whole minutes only: an exact pace from a Python caller (the
    # tests compare a miles plan with the km plan at the same exact pace) is
    # taken as it is.
    if not isinstance(easy_pace, int):
        return None
    low, high = EASY_PACE_RANGE[unit]
    if low <= easy_pace <= high:
        return None
    return Problem("easy_pace", messages.pace_out_of_range(low, high, unit))


def goal_seconds(goal: str, easy_pace_s_per_km: float) -> int:
    """The goal's running time, in whole minutes (the engine's steps need them):
    a pace in miles gives a time a few seconds off a whole minute."""
    g = GOALS[goal]
    if g.minutes is not None:
        return g.minutes * 60
    assert g.km is not None
    return int(g.km * easy_pace_s_per_km / 60 + 0.5) * 60


def goal_problem(level: StartLevel, goal_s: int) -> Problem | None:
    """A goal must lie beyond the starting level, or there is nothing to plan."""
    if level.run_seconds * JOIN_REPEATS >= goal_s:
        return Problem("goal", messages.GOAL_TOO_SHORT)
    return None


def start_step(
    level: StartLevel, runs_per_week: int, fewer_repeats: int, first_week_cap_s: int | None
) -> Step:
    """The first session: three runs at the reader's level, lowered if needed.

    With a first-week cap (BMI over 30), the runs are shortened to fit it."""
    repeats = max(MIN_REPEATS, JOIN_REPEATS - fewer_repeats)
    run_s = level.run_seconds
    if first_week_cap_s is not None and runs_per_week * repeats * run_s > first_week_cap_s:
        fitted = first_week_cap_s // (runs_per_week * repeats)
        run_s = fitted - fitted % SECONDS_STEP
    return Step(repeats, run_s, level.walk_seconds, "start")


def _check_start_date(start: dt.date, today: dt.date) -> Problem | None:
    earliest = today - dt.timedelta(days=EARLIEST_START_DAYS)
    if start < earliest:
        return Problem("start_date", messages.start_too_early(earliest))
    if start > today + dt.timedelta(days=LATEST_START_DAYS):
        return Problem("start_date", messages.START_TOO_LATE)
    return None


def compute(answers: PlannerAnswers) -> Plan:
    """The whole plan. Raises InputError (never anything else) for bad answers."""
    today, level, goal, pace = answers.today, answers.level, answers.goal, answers.pace
    runs_per_week, bmi_over_30 = answers.runs_per_week, answers.bmi_over_30
    start = answers.start_date or default_start(today)
    start_level = LEVELS_BY_KEY[level]
    date_problem = _check_start_date(start, today)
    out_of_range = pace_problem(answers.easy_pace, answers.unit)
    if out_of_range:  # before any arithmetic: a typed pace may be any size
        raise InputError(*(p for p in (date_problem, out_of_range) if p))
    pace_used = easy_pace_used(answers.easy_pace, answers.unit)
    goal_s = goal_seconds(goal, pace_used)
    problems = [p for p in (date_problem, goal_problem(start_level, goal_s)) if p]
    if problems:
        raise InputError(*problems)

    flags = {"bmi_over_30": bmi_over_30, "poor_sleep": answers.poor_sleep}
    active = [m for m in MODIFIERS if flags[m.field]]
    chosen = PACES[pace]
    rise = chosen.rise_permille - sum(m.rise_cut_permille for m in active)
    cap_s = int(BMI_FIRST_WEEK_KM * pace_used + 0.5) if bmi_over_30 else None
    first = start_step(start_level, runs_per_week, sum(m.fewer_repeats for m in active), cap_s)
    ramp = Ramp(
        runs_per_week=runs_per_week,
        rise_permille=rise,
        build_weeks=chosen.build_weeks,
        goal_s=goal_s,
        session_cap_s=max(SESSION_CAP_S, goal_s + SESSION_CAP_OVER_GOAL_S),
    )
    steps = build_steps(first, ramp)
    near = is_near_goal(first, goal_s)
    slots = schedule(steps, ramp.build_weeks, near_goal=near)
    plan_days = SCHEDULES[runs_per_week]
    weeks = tuple(
        _week(
            number=n,
            kind=slot.kind,
            step_index=slot.step_index,
            step=steps[slot.step_index],
            first_day=start + dt.timedelta(days=(n - 1) * plan_days.cycle_days),
            offsets=plan_days.offsets,
        )
        for n, slot in enumerate(slots, start=1)
    )
    return Plan(
        today=today,
        start_date=start,
        start_date_given=answers.start_date is not None,
        level=level,
        level_label=start_level.label,
        goal=goal,
        goal_label=GOALS[goal].label,
        goal_s=goal_s,
        unit=answers.unit,
        easy_pace_s_per_km=pace_used,
        easy_pace_given=answers.easy_pace is not None,
        easy_pace_used=GOALS[goal].minutes is None or bmi_over_30,
        runs_per_week=runs_per_week,
        cycle_days=plan_days.cycle_days,
        pace=pace,
        bmi_over_30=bmi_over_30,
        poor_sleep=answers.poor_sleep,
        rise_permille=rise,
        build_weeks=chosen.build_weeks,
        allowance_s=runs_per_week * ALLOWANCE_PER_RUN_S,
        session_cap_s=ramp.session_cap_s,
        near_goal=near,
        bmi_first_week_cap_s=cap_s,
        lowered_by=tuple(m.field for m in active),
        usual_rise_permille=chosen.rise_permille,
        level_run_s=start_level.run_seconds,
        steps=steps,
        weeks=weeks,
    )


def _week(
    *,
    number: int,
    kind: WeekKind,
    step_index: int,
    step: Step,
    first_day: dt.date,
    offsets: tuple[int, ...],
) -> Week:
    days = tuple(first_day + dt.timedelta(days=o) for o in offsets)
    return Week(
        number=number,
        kind=kind,
        step_index=step_index,
        change=step.change,
        repeats=step.repeats,
        run_s=step.run_s,
        walk_s=step.walk_s,
        running_s=step.running_s,
        week_running_s=step.running_s * len(offsets),
        session_s=step.session_s,
        sessions=tuple(Session(d, WEEKDAYS[d.weekday()]) for d in days),
    )


def cross_field_problems(values: Mapping[str, Any], failed: frozenset[str]) -> list[Problem]:
    """The start-date and goal checks, for when another answer failed to parse.

    Given what parsed (defaults applied); a check runs only if its fields did."""
    problems: list[Problem | None] = []
    if not failed & {"start_date", "today"} and values["start_date"] is not None:
        problems.append(_check_start_date(values["start_date"], values["today"]))
    pace_parsed = not failed & {"easy_pace", "unit"}
    out_of_range = pace_problem(values["easy_pace"], values["unit"]) if pace_parsed else None
    problems.append(out_of_range)
    if pace_parsed and not out_of_range and not failed & {"level", "goal"}:
        goal_s = goal_seconds(values["goal"], easy_pace_used(values["easy_pace"], values["unit"]))
        problems.append(goal_problem(LEVELS_BY_KEY[values["level"]], goal_s))
    return [p for p in problems if p]
