"""Plain-text wording shared by the page, the calendar file and the tests."""

from __future__ import annotations

from .compute import Plan, Week
from .engine import Step
from .rules import COOLDOWN_S, JOIN_REPEATS, MODIFIERS, WARMUP_S
from .units import duration, minutes, minutes_phrase, whole_minutes, whole_minutes_phrase

__all__ = [
    "adjustments",
    "change_note",
    "duration",
    "interval_label",
    "minutes",
    "minutes_phrase",
    "percent",
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


def percent(permille: int) -> str:
    """75 -> "7.5%", 100 -> "10%"."""
    return f"{permille / 10:.1f}".rstrip("0").rstrip(".") + "%"


def adjustments(plan: Plan) -> tuple[str, ...]:
    """Plain sentences on how the answers changed the start or the ramp."""
    notes = [m.why for m in MODIFIERS if m.field in plan.lowered_by]
    first = plan.steps[0]
    if plan.rise_permille != plan.usual_rise_permille:
        notes.append(
            f"So the plan starts with {first.repeats} runs a session instead of {JOIN_REPEATS}, "
            f"and adds at most {percent(plan.rise_permille)} more running a week instead of "
            f"{percent(plan.usual_rise_permille)}."
        )
    if first.run_s != plan.level_run_s:
        notes.append(
            f"To keep your first week within 3 km of running, your first runs last "
            f"{duration(first.run_s)} instead of {duration(plan.level_run_s)}."
        )
    return tuple(notes)
