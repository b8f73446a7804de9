"""The progression engine: from a starting session to the goal, one change at a time.

A *step* is one session shape: a warm-up walk, `repeats` x (run `run_s`, walk
`walk_s`), a cool-down walk. Every session in a week has the same step. A plan
is a list of distinct steps plus a schedule that says which step each week uses.

Invariants (the tests check each one for random valid inputs; the page prints
them as "How this plan is built"):

1. One change at a time. From one step to the next exactly one of run_s,
   walk_s or repeats changes, except at the end, where the walk breaks go one
   at a time ("joins"): once the runs add up to the goal, 3 x (run R, walk w)
   becomes 2 x (run 1.5R, walk w), then 1 x (run the goal). A join changes the
   number of runs and, to keep running per session exactly the same, their
   length (and the last join drops the last walk). Nothing else changes at a
   join, so the runner meets one fewer walk break, not a run three times longer.
2. Gentle weekly rises. Let W be the running in one week (runs per week x
   repeats x run_s). The next week's W' satisfies
   W' <= W + max(rise x W, runs per week x 120 s), where rise is 7.5% (gentle) or
   10% (standard), less 1 point for each of BMI over 30 and poor sleep.
   The absolute part (two minutes per session) only matters early on, when 10%
   of a small week is less than any change worth making. Running never falls.
3. Repeat weeks. After `build_weeks` weeks of change in a row (3 gentle,
   4 standard) comes a consolidation week: the same step again.
4. Length and end. The plan lasts at least 12 weeks unless the start is near
   the goal (one session already holds half the goal's running). The last
   week, and only the last, is the goal: 1 x (goal run, no walk). It is the
   only continuous step.
5. Sensible sessions. Every session has running in it, and no session is
   longer than max(60 min, goal + 15 min) with the 5-minute warm-up and
   cool-down. With a BMI over 30, week 1 holds at most 3 km of running at the
   reader's easy pace.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .rules import (
    ALLOWANCE_PER_RUN_S,
    COOLDOWN_S,
    JOIN_REPEATS,
    MIN_WEEKS,
    NEAR_GOAL_FRACTION_PERMILLE,
    SECONDS_STEP,
    WALK_RUNGS,
    WARMUP_S,
)

Change = Literal["start", "repeats", "walk", "run", "join"]
WeekKind = Literal["start", "change", "repeat", "goal"]


@dataclass(frozen=True)
class Step:
    repeats: int
    run_s: int
    walk_s: int
    change: Change
    """What changed to reach this step from the one before."""

    @property
    def running_s(self) -> int:
        return self.repeats * self.run_s

    @property
    def session_s(self) -> int:
        return WARMUP_S + self.repeats * (self.run_s + self.walk_s) + COOLDOWN_S

    @property
    def is_continuous(self) -> bool:
        return self.repeats == 1 and self.walk_s == 0


@dataclass(frozen=True)
class Ramp:
    """Everything that bounds the growth of one plan."""

    runs_per_week: int
    rise_permille: int
    build_weeks: int
    goal_s: int
    session_cap_s: int

    @property
    def allowance_s(self) -> int:
        return self.runs_per_week * ALLOWANCE_PER_RUN_S

    def weekly_limit_s(self, week_s: int) -> int:
        """The most running the week after a week of `week_s` may hold."""
        # Integer arithmetic (thousandths), so the bound is exact everywhere.
        return week_s + max(week_s * self.rise_permille // 1000, self.allowance_s)

    def week_s(self, repeats: int, run_s: int) -> int:
        return self.runs_per_week * repeats * run_s

    def fits(self, before: Step, repeats: int, run_s: int, walk_s: int) -> bool:
        after_week = self.week_s(repeats, run_s)
        return (
            after_week <= self.weekly_limit_s(self.week_s(before.repeats, before.run_s))
            and WARMUP_S + repeats * (run_s + walk_s) + COOLDOWN_S <= self.session_cap_s
            and repeats * run_s <= self.goal_s
        )


def _next_walk(walk_s: int) -> int | None:
    shorter = [r.walk_s for r in WALK_RUNGS if r.walk_s < walk_s]
    return shorter[0] if shorter else None


def _walk_due(step: Step) -> int | None:
    """The next walk rung, if the runs are already long enough for it."""
    nxt = _next_walk(step.walk_s)
    if nxt is None:
        return None
    rung = next(r for r in WALK_RUNGS if r.walk_s == nxt)
    return nxt if step.run_s >= rung.from_run_s else None


def _longer_run(step: Step, ramp: Ramp) -> int | None:
    """The longest run interval the ramp allows, or None if none is longer."""
    target = ramp.goal_s // step.repeats
    by_week = ramp.weekly_limit_s(ramp.week_s(step.repeats, step.run_s)) // (
        ramp.runs_per_week * step.repeats
    )
    by_cap = (ramp.session_cap_s - WARMUP_S - COOLDOWN_S) // step.repeats - step.walk_s
    limit = min(target, by_week, by_cap)
    if limit >= target:
        return target if target > step.run_s else None
    rounded = limit - limit % SECONDS_STEP
    return rounded if rounded > step.run_s else None


def _join(step: Step, ramp: Ramp) -> Step | None:
    """One walk break fewer, once the runs add up to the goal with the shortest walk.

    Goals are whole minutes, so a goal splits exactly into two or three runs.
    """
    if step.running_s != ramp.goal_s or step.walk_s != WALK_RUNGS[-1].walk_s:
        return None
    repeats = step.repeats - 1
    return Step(repeats, ramp.goal_s // repeats, step.walk_s if repeats > 1 else 0, "join")


def _advance(step: Step, ramp: Ramp) -> Step:
    """The next step: the first change, in this order, that keeps every rule.

    More repeats first (cheap while runs are short), then a shorter walk when
    the runs have earned it, then longer runs, then any walk still left to
    shorten. The joins come last, once the runs add up to the goal.
    """
    joined = _join(step, ramp)
    if joined is not None:
        return joined
    more = step.repeats + 1
    if more <= JOIN_REPEATS and ramp.fits(step, more, step.run_s, step.walk_s):
        return Step(more, step.run_s, step.walk_s, "repeats")
    due = _walk_due(step)
    if due is not None:
        return Step(step.repeats, step.run_s, due, "walk")
    longer = _longer_run(step, ramp)
    if longer is not None:
        return Step(step.repeats, longer, step.walk_s, "run")
    shorter = _next_walk(step.walk_s)
    if shorter is not None:
        return Step(step.repeats, step.run_s, shorter, "walk")
    raise RuntimeError(f"No way forward from {step}")  # pragma: no cover - rules guarantee one


def build_steps(start: Step, ramp: Ramp) -> tuple[Step, ...]:
    """Every distinct step from `start` to the goal, in order."""
    steps = [start]
    while not steps[-1].is_continuous or steps[-1].running_s != ramp.goal_s:
        steps.append(_advance(steps[-1], ramp))
        if len(steps) > 500:  # pragma: no cover - a bug guard, never reached
            raise RuntimeError("The plan does not converge.")
    return tuple(steps)


def is_near_goal(start: Step, goal_s: int) -> bool:
    return start.running_s * 1000 >= goal_s * NEAR_GOAL_FRACTION_PERMILLE


@dataclass(frozen=True)
class WeekSlot:
    step_index: int
    kind: WeekKind


def schedule(steps: tuple[Step, ...], build_weeks: int, *, near_goal: bool) -> tuple[WeekSlot, ...]:
    """Give each week a step, with a repeat week after every `build_weeks` changes.

    If that comes out shorter than MIN_WEEKS (and the start is not near the
    goal), repeat weeks come more often until the plan is long enough, and as
    a last resort the step before the goal is repeated.
    """
    last = len(steps) - 1
    for every in range(build_weeks, 0, -1):
        slots = _slots(last, every)
        if near_goal or len(slots) >= MIN_WEEKS:
            return slots
    padding = MIN_WEEKS - len(slots)
    before_goal = slots[:-1] + tuple(WeekSlot(last - 1, "repeat") for _ in range(padding))
    return before_goal + slots[-1:]


def _slots(last: int, every: int) -> tuple[WeekSlot, ...]:
    slots = [WeekSlot(0, "start")]
    changes_in_a_row = 0
    for index in range(1, last + 1):
        if changes_in_a_row == every:
            slots.append(WeekSlot(index - 1, "repeat"))
            changes_in_a_row = 0
        slots.append(WeekSlot(index, "goal" if index == last else "change"))
        changes_in_a_row += 1
    return tuple(slots)
