"""Planned against done, week by week, as inline SVG built by hand.

Drawn in `currentColor` (and the theme's accent via a class), so it follows
light and dark mode. Narrow on purpose (360 units wide, 12-unit text), so it
stays readable on a 390 px phone without zooming. The view gives the same
numbers as a table.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..html import esc
from .compute import Plan
from .log import Log
from .svg_axis import grid_and_labels, num, round_up, tick_step

WIDTH = 360
HEIGHT = 220
LEFT, RIGHT, TOP, BOTTOM = 40, 8, 12, 44
TICK_STEPS = (5, 10, 15, 20, 30, 60, 120)
TITLE_ID = "rtr-today-chart-title"
DESC_ID = "rtr-today-chart-desc"


@dataclass(frozen=True)
class WeekProgress:
    number: int
    planned_s: int
    done_s: int


def weekly_progress(plan: Plan, log: Log) -> tuple[WeekProgress, ...]:
    """Running planned and done in each plan week (done counts every logged run)."""
    done: dict[int, int] = {}
    for e in log.entries:
        done[e.week] = done.get(e.week, 0) + e.run_done_s
    return tuple(
        WeekProgress(w.number, w.week_running_s, done.get(w.number, 0)) for w in plan.weeks
    )


def chart(weeks: tuple[WeekProgress, ...]) -> str:
    top_min = max(max(w.planned_s, w.done_s) for w in weeks) / 60 or 1
    step = tick_step(top_min, TICK_STEPS, 5)
    top = round_up(top_min, step)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / len(weeks)
    bar = max(slot * 0.38, 0.8)

    def y(minutes: float) -> float:
        return TOP + plot_h * (1 - minutes / top)

    ticks = range(0, int(top) + 1, step)
    grid, labels = grid_and_labels(ticks, y, left=LEFT, right=WIDTH - RIGHT, gap=4)
    every = 1 if len(weeks) <= 10 else 2 if len(weeks) <= 20 else 4
    bars = []
    for i, w in enumerate(weeks):
        x = LEFT + i * slot + (slot - 2 * bar) / 2
        for offset, value, kind in ((0.0, w.planned_s, "planned"), (bar, w.done_s, "done")):
            v = value / 60
            bars.append(
                f'<rect class="rtr-progress-chart__{kind}" x="{num(x + offset)}" y="{num(y(v))}" '
                f'width="{num(bar)}" height="{num(TOP + plot_h - y(v))}" />'
            )
        if i % every == 0:
            bars.append(
                f'<text x="{num(LEFT + i * slot + slot / 2)}" y="{HEIGHT - BOTTOM + 14}" '
                f'text-anchor="middle">{w.number}</text>'
            )
    legend_y = HEIGHT - 10
    legend = (
        f'<rect class="rtr-progress-chart__planned" x="{LEFT}" y="{legend_y - 9}" width="10" height="10" />'
        f'<text x="{LEFT + 14}" y="{legend_y}">Planned</text>'
        f'<rect class="rtr-progress-chart__done" x="{LEFT + 90}" y="{legend_y - 9}" width="10" height="10" />'
        f'<text x="{LEFT + 104}" y="{legend_y}">Done</text>'
        f'<text x="{WIDTH - RIGHT}" y="{legend_y}" text-anchor="end">Week</text>'
    )
    return (
        f'<svg class="rtr-progress-chart" viewBox="0 0 {WIDTH} {HEIGHT}" role="img" '
        f'aria-labelledby="{TITLE_ID} {DESC_ID}" font-size="12" fill="currentColor">'
        f'<title id="{TITLE_ID}">Running planned and done, in minutes, week by week</title>'
        f'<desc id="{DESC_ID}">{esc(_describe(weeks))}</desc>'
        f'<g class="rtr-progress-chart__grid" stroke="currentColor" stroke-opacity="0.25">{grid}</g>'
        f"<g>{labels}</g><g>{''.join(bars)}</g><g>{legend}</g></svg>"
    )


def _describe(weeks: tuple[WeekProgress, ...]) -> str:
    done = sum(1 for w in weeks if w.done_s)
    return f"{len(weeks)} weeks planned; running logged in {done} of them. The table below gives the numbers."
