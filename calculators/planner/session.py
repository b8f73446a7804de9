"""One session of a plan step, segment by segment: the script the timer runs.

Python builds the segments so the timer on the page and the plan cannot
disagree; the browser only keeps the clock.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .engine import Step
from .rules import COOLDOWN_S, WARMUP_S

SegmentKind = Literal["warmup", "run", "walk", "cooldown"]

WALK_RUN_SOURCES = ("deering-2024",)
"""Start with walk-run intervals (Deering et al. 2024 consensus)."""
WARM_COOL_SOURCES = ("nhs-c25k",)
"""A brisk walk before each run, as NHS Couch to 5K does; the cool-down mirrors it."""

MIN_SEGMENT_S = 15
"""No segment is shorter than this: shorter is hard to follow on a timer."""


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    seconds: int
    repeat: int
    """Which run/walk repeat this belongs to (1-based); 0 for warm-up and cool-down."""
    of: int
    """How many repeats the session has (0 for warm-up and cool-down)."""
    sources: tuple[str, ...]


def segments(step: Step) -> tuple[Segment, ...]:
    """Warm-up walk, each run and its walk break, cool-down walk."""
    middle: list[Segment] = []
    for n in range(1, step.repeats + 1):
        middle.append(Segment("run", step.run_s, n, step.repeats, WALK_RUN_SOURCES))
        if step.walk_s:
            middle.append(Segment("walk", step.walk_s, n, step.repeats, WALK_RUN_SOURCES))
    return (
        Segment("warmup", WARMUP_S, 0, 0, WARM_COOL_SOURCES),
        *middle,
        Segment("cooldown", COOLDOWN_S, 0, 0, WARM_COOL_SOURCES),
    )


def total_s(parts: tuple[Segment, ...]) -> int:
    return sum(p.seconds for p in parts)
