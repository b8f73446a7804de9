"""HTML for a timeline result. Pure string building, so it runs anywhere."""

from __future__ import annotations

from ..html import esc, long_date, site_link
from ..sources import cite
from .compute import Milestone, Timeline

STATUS_LABEL = {
    "done": "Reached",
    "now": "Now",
    "next": "Next",
    "later": "Later",
}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def headline(t: Timeline) -> str:
    return f"You are {_plural(t.weeks, 'week')} and {_plural(t.days, 'day')} after birth"


def _when(m: Milestone, estimated: bool) -> str:
    about = "about " if estimated else ""
    if m.ends is None:
        return f"From {about}{long_date(m.starts)} (week {m.from_week})"
    return (
        f"From {about}{long_date(m.starts)} to {long_date(m.ends)} "
        f"(weeks {m.from_week} to {m.until_week})"
    )


def _milestone(m: Milestone, t: Timeline, site_root: str) -> str:
    return (
        f'<li class="rtr-milestone" data-key="{esc(m.key)}" data-status="{esc(m.status)}">'
        f'<p class="rtr-milestone__status">{STATUS_LABEL[m.status]}</p>'
        f'<h3><a href="{site_link(site_root, m.page)}">{esc(m.title)}</a></h3>'
        f'<p class="rtr-milestone__when">{esc(_when(m, t.birth_date_is_estimate))}</p>'
        f"<p>{esc(m.summary)}</p>"
        f'<p class="rtr-source">Source: {cite(m.sources, site_root)}</p>'
        "</li>"
    )


def render(t: Timeline, site_root: str = "") -> str:
    basis = (
        f"Counted from the weeks you gave, so dates are approximate (today is {long_date(t.today)})."
        if t.birth_date_is_estimate
        else f"Counted from {long_date(t.birth_date)} to today, {long_date(t.today)}."
    )
    items = "".join(_milestone(m, t, site_root) for m in t.milestones)
    return (
        f'<div class="rtr-report" data-calculator="timeline" data-weeks="{t.weeks}">'
        f'<h2 class="rtr-report__title" tabindex="-1" data-announce>{esc(headline(t))}</h2>'
        f"<p>{esc(basis)}</p>"
        f'<ol class="rtr-milestones">{items}</ol>'
        '<p class="rtr-next">Ready to check where you stand? Take the '
        f'<a href="{site_link(site_root, "tools/readiness/")}">readiness check</a>.</p>'
        "</div>"
    )
