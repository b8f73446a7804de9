"""Adapting a plan to how a week went: the symptom rules, encoded.

The rules (printed with every plan, and read from `rules.OUTCOMES`):
- no symptoms: move on to the next step;
- symptoms during a run, or in the 24 hours after: repeat the step; if the
  symptoms come back, go back one step;
- sore, ill or exhausted: skip runs and rest, then repeat the step; if it keeps
  happening, go back one step.
So no outcome but "no-symptoms" ever moves you forward, and the index never
leaves the plan (never below step 0, never beyond the goal).

"Came back" means the week before also ended with symptoms, soreness or
illness. Pass it as `recurred`, or let `follow` work it out from a log.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from .compute import Plan
from .rules import OUTCOMES

Action = Literal["advance", "repeat", "back", "finished"]


@dataclass(frozen=True)
class Advice:
    index: int
    """The step to do next week (an index into `plan.steps`)."""
    action: Action
    reason: str


def next_step(
    plan: Plan, current_step_index: int, outcome: str, *, recurred: bool = False
) -> Advice:
    """Which step to do next week. Raises ValueError for an unknown outcome."""
    rule = OUTCOMES.get(outcome)
    if rule is None:
        known = ", ".join(OUTCOMES)
        raise ValueError(f"Unknown outcome {outcome!r}; expected one of {known}.")
    last = len(plan.steps) - 1
    here = min(max(current_step_index, 0), last)
    move = rule.recurred if recurred else rule.first_time
    reason = rule.advice_recurred if recurred else rule.advice
    if move == "advance":
        if here == last:
            return Advice(last, "finished", "You have reached your goal. Well done.")
        return Advice(here + 1, "advance", reason)
    if move == "back" and here > 0:
        return Advice(here - 1, "back", reason)
    if move == "back":
        # Already at the first step: there is no easier step in this plan.
        return Advice(
            0,
            "repeat",
            "Symptoms keep coming back even at the first step. Stop running for now "
            "and see a pelvic health physiotherapist.",
        )
    return Advice(here, "repeat", reason)


def is_setback(outcome: str) -> bool:
    return OUTCOMES[outcome].first_time != "advance"


def follow(plan: Plan, outcomes: Iterable[str], start_index: int = 0) -> tuple[Advice, ...]:
    """Apply a week-by-week log of outcomes; a setback after a setback counts as recurring."""
    advice: list[Advice] = []
    index = start_index
    previous: str | None = None
    for outcome in outcomes:
        recurred = previous is not None and is_setback(previous) and is_setback(outcome)
        step = next_step(plan, index, outcome, recurred=recurred)
        advice.append(step)
        index = step.index
        previous = outcome
    return tuple(advice)
