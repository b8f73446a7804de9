"""The minutes axis both planner charts draw: a round top, ticks, grid lines
and their labels. One place, so the plan's chart and Today's run's progress
chart cannot drift apart in how they round or label."""

from __future__ import annotations

from collections.abc import Callable


def num(value: float) -> str:
    """A coordinate with at most one decimal, and none when it is whole."""
    return f"{value:.1f}".rstrip("0").rstrip(".")


def tick_step(top: float, steps: tuple[int, ...], most: int) -> int:
    """The smallest step that gives at most `most` ticks up to `top`."""
    return next((s for s in steps if top / s <= most), steps[-1])


def round_up(value: float, step: int) -> float:
    return -(-value // step) * step


def grid_and_labels(
    ticks: range, y: Callable[[float], float], *, left: float, right: float, gap: float
) -> tuple[str, str]:
    """Horizontal grid lines from `left` to `right`, and each tick's label `gap` left of the axis."""
    grid = "".join(
        f'<line x1="{left}" x2="{right}" y1="{num(y(t))}" y2="{num(y(t))}" />' for t in ticks
    )
    labels = "".join(
        f'<text x="{left - gap}" y="{num(y(t) + 4)}" text-anchor="end">{t}</text>' for t in ticks
    )
    return grid, labels
