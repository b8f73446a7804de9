"""A bar chart of weekly running minutes, as inline SVG built by hand.

Everything is drawn in `currentColor`, so the chart follows the page's text
colour in light and dark mode; classes let the stylesheet refine it. The
same numbers are given as a table beside it (see view.py).
"""

from __future__ import annotations

from ..html import esc
from .compute import Plan
from .svg_axis import grid_and_labels, num, round_up, tick_step

# Drawn for a phone first: 400 units across a 358 px column keeps 13-unit
# text at about 12 px (at 640 units wide it was 6.7 px on a 390 px screen).
# The stylesheet caps the width on wide screens so the text stays modest.
WIDTH = 400
HEIGHT = 250
LEFT, RIGHT, TOP, BOTTOM = 44, 8, 14, 46
TITLE_ID = "rtr-planner-chart-title"
DESC_ID = "rtr-planner-chart-desc"
TICK_STEPS = (5, 10, 15, 20, 30, 60)


def _week_label_every(weeks: int) -> int:
    return 1 if weeks <= 12 else 2 if weeks <= 24 else 4 if weeks <= 48 else 8


def weekly_chart(plan: Plan) -> str:
    values = [w.week_running_s / 60 for w in plan.weeks]
    count = len(values)
    step = tick_step(max(values), TICK_STEPS, 6)
    top = round_up(max(values), step)
    plot_w = WIDTH - LEFT - RIGHT
    plot_h = HEIGHT - TOP - BOTTOM
    slot = plot_w / count
    bar_w = max(slot * 0.7, 1.0)

    def y(v: float) -> float:
        return TOP + plot_h * (1 - v / top)

    ticks = range(0, int(top) + 1, step)
    grid, tick_labels = grid_and_labels(ticks, y, left=LEFT, right=WIDTH - RIGHT, gap=6)
    # Repeat weeks are outlined, not paler: a paler bar in the text colour
    # reads darker on the dark scheme, and an outline reads the same on both.
    outlined = ' fill="none" stroke="currentColor" stroke-width="1.5"'
    bars = "".join(
        f'<rect class="rtr-chart__bar rtr-chart__bar--{esc(w.kind)}" '
        f'x="{num(LEFT + i * slot + (slot - bar_w) / 2)}" y="{num(y(v))}" '
        f'width="{num(bar_w)}" height="{num(TOP + plot_h - y(v))}"'
        f"{outlined if w.kind == 'repeat' else ''} />"
        for i, (w, v) in enumerate(zip(plan.weeks, values, strict=True))
    )
    every = _week_label_every(count)
    labels = "".join(
        f'<text x="{num(LEFT + (n - 0.5) * slot)}" y="{HEIGHT - BOTTOM + 16}" '
        f'text-anchor="middle">{n}</text>'
        for n in range(1, count + 1)
        if n == 1 or n == count or (n % every == 0 and count - n >= every / 2)
    )
    first, last = values[0], values[-1]
    repeats = sum(1 for w in plan.weeks if w.kind == "repeat")
    desc = (
        f"Bars for {count} weeks. Weekly running rises from about {round(first)} minutes in "
        f"week 1 to about {round(last)} minutes in week {count}, never falling. "
        f"{repeats} outlined bars mark repeat weeks, which hold the week before steady."
    )
    return (
        f'<svg class="rtr-chart__svg" role="img" aria-labelledby="{TITLE_ID} {DESC_ID}" '
        f'viewBox="0 0 {WIDTH} {HEIGHT}" xmlns="http://www.w3.org/2000/svg" '
        'focusable="false" fill="currentColor" font-size="13">'
        f'<title id="{TITLE_ID}">Running minutes per week</title>'
        f'<desc id="{DESC_ID}">{esc(desc)}</desc>'
        f'<g class="rtr-chart__grid" stroke="currentColor" stroke-opacity="0.25">{grid}</g>'
        f'<g class="rtr-chart__ticks">{tick_labels}</g>'
        f'<g class="rtr-chart__bars">{bars}</g>'
        f'<line class="rtr-chart__axis" x1="{LEFT}" x2="{WIDTH - RIGHT}" '
        f'y1="{TOP + plot_h}" y2="{TOP + plot_h}" stroke="currentColor" />'
        f'<g class="rtr-chart__labels">{labels}</g>'
        f'<text class="rtr-chart__axis-title" x="{LEFT + plot_w / 2:.0f}" y="{HEIGHT - 8}" '
        'text-anchor="middle">Week</text>'
        f'<text class="rtr-chart__axis-title" x="12" y="{TOP + plot_h / 2:.0f}" '
        f'text-anchor="middle" transform="rotate(-90 12 {TOP + plot_h / 2:.0f})">'
        "Minutes of running</text>"
        "</svg>"
    )
