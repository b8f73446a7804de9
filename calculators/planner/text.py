"""Plain-text wording shared by the page, the calendar file and the tests."""

from __future__ import annotations

from .compute import Plan, Week
from .engine import Step
from .rules import BMI_FIRST_WEEK_KM, COOLDOWN_S, GOALS, JOIN_REPEATS, MODIFIERS, WARMUP_S
from .units import (
    distance,
    duration,
    minutes,
    minutes_phrase,
    named_distance,
    pace,
    whole_minutes,
    whole_minutes_phrase,
)

__all__ = [
    "adjustments",
    "change_note",
    "duration",
    "goal_words",
    "interval_label",
    "minutes",
    "minutes_phrase",
    "pace_words",
    "percent",
    "running_distance_m",
    "running_estimate",
    "session_line",
    "session_steps",
    "whole_minutes",
    "whole_minutes_phrase",
]


def session_steps(step: Step) -> tuple[str, ...]:
    """One session, part by part."""
    main = (
        f"Run {duration(step.run_s)} without stopping"
        if step.is_continuous
        else f"{step.repeats} × (run {duration(step.run_s)}, walk {duration(step.walk_s)})"
    )
    return (
        f"Walk {duration(WARMUP_S)} to warm up",
        main,
        f"Walk {duration(COOLDOWN_S)} to cool down",
    )


def session_line(step: Step) -> str:
    warm, main, cool = session_steps(step)
    return f"{warm}. {main}. {cool}."


def interval_label(step: Step) -> str:
    if step.is_continuous:
        return f"{duration(step.run_s)} continuous run"
    return f"{step.repeats} × ({duration(step.run_s)} run / {duration(step.walk_s)} walk)"


def change_note(plan: Plan, week: Week) -> str:
    """What is new this week, in one sentence."""
    if week.kind == "start":
        return "Your starting point."
    if week.kind == "repeat":
        return "Repeat week: the same as last week, so your body can catch up."
    before = plan.steps[week.step_index - 1]
    step = plan.steps[week.step_index]
    if step.change == "join" and step.is_continuous:
        return (
            f"Goal week: the last walk break goes, and your {before.repeats} runs join into "
            f"one {duration(step.run_s)} run. Your running time stays the same."
        )
    if step.change == "join":
        return (
            f"One walk break fewer: {step.repeats} runs of {duration(step.run_s)} instead of "
            f"{before.repeats} runs of {duration(before.run_s)}. "
            "Your running time stays the same."
        )
    if step.change == "repeats":
        return f"One more run in each session: {step.repeats} instead of {before.repeats}."
    if step.change == "walk":
        return (
            f"Shorter walks: {duration(step.walk_s)} instead of {duration(before.walk_s)}. "
            "Your running time stays the same."
        )
    return f"Longer runs: {duration(step.run_s)} instead of {duration(before.run_s)}."


def goal_words(plan: Plan) -> str:
    """The goal as the reader reads distances: "Run 5 km (3.1 miles) at an easy pace"."""
    goal = GOALS[plan.goal]
    if goal.km is None:
        return plan.goal_label
    return plan.goal_label.replace(f"{goal.km} km", named_distance(goal.km, plan.unit))


def pace_words(plan: Plan) -> str:
    """ "6 minutes per km", "10 minutes per mile"."""
    return pace(plan.easy_pace_s_per_km, plan.unit)


def running_distance_m(plan: Plan, running_s: int) -> float | None:
    """About how far `running_s` of running goes at the plan's easy pace, in
    metres; None when the pace is neither given nor used (it would be a guess)."""
    if not (plan.easy_pace_given or plan.easy_pace_used):
        return None
    return running_s / plan.easy_pace_s_per_km * 1000


def running_estimate(plan: Plan, running_s: int) -> str:
    """ "About 1.2 miles of running at your easy pace of 10 minutes per mile.", or ""."""
    metres = running_distance_m(plan, running_s)
    if metres is None:
        return ""
    whose = "your" if plan.easy_pace_given else "an assumed"
    return (
        f"About {distance(metres, plan.unit)} of running at {whose} easy pace of "
        f"{pace_words(plan)}."
    )


def percent(permille: int) -> str:
    """75 -> "7.5%", 100 -> "10%"."""
    return f"{permille / 10:.1f}".rstrip("0").rstrip(".") + "%"


def adjustments(plan: Plan) -> tuple[str, ...]:
    """Plain sentences on how the answers changed the start or the ramp."""
    limit = named_distance(BMI_FIRST_WEEK_KM, plan.unit)
    notes = [m.why.format(first_week_limit=limit) for m in MODIFIERS if m.field in plan.lowered_by]
    first = plan.steps[0]
    if plan.rise_permille != plan.usual_rise_permille:
        notes.append(
            f"So the plan starts with {first.repeats} runs a session instead of {JOIN_REPEATS}, "
            f"and adds at most {percent(plan.rise_permille)} more running a week instead of "
            f"{percent(plan.usual_rise_permille)}."
        )
    if first.run_s != plan.level_run_s:
        notes.append(
            f"To keep your first week within {limit} of running, your first runs last "
            f"{duration(first.run_s)} instead of {duration(plan.level_run_s)}."
        )
    return tuple(notes)
