"""HTML for a readiness result. Pure string building, so it runs anywhere.

The root carries the verdict (`data-verdict`) so tests and styles can read it;
every item is an `li.rtr-item` with `data-key` and `data-status`.
"""

from __future__ import annotations

from ..html import esc, long_date, site_link
from ..sources import cite
from .advice import Link, Step
from .booking_view import booking_html
from .compute import Factor, Item, Readiness, Referral
from .questions import PHYSIO
from .text import detail, label, shortfall

TITLES = {
    "see-professional": "See a professional before you run",
    "not-yet": "Not yet: keep building towards running",
    "ready": "You may be ready to start running",
}

GROUP_TITLES = {
    "timing": "Time since birth",
    "warning-signs": "Warning signs",
    "see-a-clinician": "See a clinician first",
    "load-and-impact": "Load and impact tests",
    "strength": "Strength tests",
}

_SIGN_STATUS = {"met": "None reported", "warning": "Reported"}
_TEST_STATUS = {"met": "Passed", "not-met": "Not yet"}
ROUTINE = {
    "timing": ("check", "met"),
    "warning-signs": ("signs", "with none reported"),
    "see-a-clinician": ("conditions", "with none reported"),
    "load-and-impact": ("tests", "passed"),
    "strength": ("tests", "passed"),
}
"""How a group's routine items are summed up in one line: noun and state."""

STATUS_TEXT = {
    "timing": {"met": "Met", "not-met": "Not yet"},
    "warning-signs": _SIGN_STATUS,
    "see-a-clinician": _SIGN_STATUS,
    "load-and-impact": _TEST_STATUS,
    "strength": _TEST_STATUS,
}


def _a(site_root: str, page: str, text: str, cls: str = "") -> str:
    klass = f' class="{cls}"' if cls else ""
    return f'<a href="{site_link(site_root, page)}"{klass}>{esc(text)}</a>'


def _source(keys: tuple[str, ...], site_root: str) -> str:
    return f'<p class="rtr-source">Source: {cite(keys, site_root)}</p>'


def _in_sentence(text: str) -> str:
    return text[:1].lower() + text[1:]


def _referral(r: Referral, site_root: str) -> str:
    reasons = "; ".join(_a(site_root, link.page, _in_sentence(link.text)) for link in r.reasons)
    if r.key == "gp":
        advice = f"See {esc(r.in_sentence)} before you exercise. You reported: {reasons}."
        more = _a(site_root, r.page, "When to see a doctor first")
        urgent = (
            '<p class="rtr-urgent">If a symptom is severe or came on suddenly, '
            "don't wait for a routine appointment. Get urgent medical help.</p>"
        )
    else:
        advice = f"Don't run yet. See {esc(r.in_sentence)}. You reported: {reasons}."
        more = _a(site_root, r.page, "How to find a pelvic health physiotherapist")
        urgent = ""
    return (
        f'<li class="rtr-professional" data-professional="{esc(r.key)}">'
        f"<h3>{esc(r.title)}</h3><p>{advice}</p>{booking_html(r.booking)}"
        f"{urgent}<p>{more}</p></li>"
    )


NEXT_MAX = 3
"""The verdict card lists at most three things to do next; the rest follow below."""


def _see_professional(r: Readiness, site_root: str) -> str:
    referrals = "".join(_referral(x, site_root) for x in r.professionals)
    return (
        '<p class="rtr-verdict__lead" data-announce>You told us about something that means '
        "running should wait until you have been checked. This does not mean you can never "
        "run. It means your body needs more support first.</p>"
        '<h3 class="rtr-next__title">What to do next</h3>'
        f'<ul class="rtr-professionals">{referrals}</ul>'
        f"{_source(('goom-2019', 'davenport-2025'), site_root)}"
    )


def _todo(item: Item, r: Readiness, site_root: str) -> str:
    return (
        f'<li class="rtr-todo__item" data-key="{esc(item.key)}">'
        f"{_a(site_root, item.page, label(item))} – {esc(shortfall(item, r))}</li>"
    )


def _step(step: Step, site_root: str) -> str:
    return (
        f'<li class="rtr-step" data-key="{esc(step.key)}">'
        f"<strong>{_a(site_root, step.page, step.title)}.</strong> {esc(step.detail)}"
        f"{_source(step.sources, site_root)}</li>"
    )


def _earliest(r: Readiness) -> str:
    about = "about " if r.earliest_date_is_estimate else ""
    return (
        f'<p class="rtr-earliest" data-earliest="{r.earliest_date.isoformat()}">'
        f"The earliest date to start running is {about}"
        f"<strong>{esc(long_date(r.earliest_date))}</strong>, and only if you have passed "
        "the tests with no symptoms by then.</p>"
    )


def _more(count: int, what: str) -> str:
    if count <= 0:
        return ""
    return f'<p class="rtr-next__more">And {count} more {what}: see the list below.</p>'


def _not_yet(r: Readiness, site_root: str) -> str:
    unmet = [i for i in r.items if i.status == "not-met"]
    lead = '<p class="rtr-verdict__lead" data-announce>You reported no warning signs.'
    if r.now:
        # Before 12 weeks the foundation work is what to do next; the tests wait.
        steps = "".join(_step(s, site_root) for s in r.now[:NEXT_MAX])
        rest = r.now[NEXT_MAX:]
        more = ""
        if rest:
            things = "thing" if len(rest) == 1 else "things"
            more = (
                f'<details class="rtr-more"><summary>{len(rest)} more {things} you can do now'
                f'</summary><ul class="rtr-now">{"".join(_step(s, site_root) for s in rest)}'
                "</ul></details>"
            )
        return (
            f"{lead} It is too early to run, and there is plenty you can do now.</p>"
            f"{_earliest(r)}"
            '<h3 class="rtr-next__title rtr-now__title">What you can do now</h3>'
            f'<ul class="rtr-now">{steps}</ul>{more}'
        )
    todo = "".join(_todo(i, r, site_root) for i in unmet[:NEXT_MAX])
    return (
        f"{lead} Here is what to work on before you run.</p>"
        '<h3 class="rtr-next__title">What to do next</h3>'
        f'<ul class="rtr-todo">{todo}</ul>'
        f"{_more(len(unmet) - NEXT_MAX, 'tests to work on')}"
    )


def _start_reason(r: Readiness) -> tuple[str, tuple[str, ...]]:
    if r.start_reasons:
        reasons = r.start_reasons
        joined = reasons[-1]
        if len(reasons) > 1:
            joined = ", ".join(reasons[:-1]) + " and " + joined
        return f"We suggest the gentlest start because {joined}.", ("goom-2019",)
    if r.start_level != "run30-walk120":
        return (
            "You ran regularly before and during pregnancy, and nothing else here calls "
            "for a gentler start.",
            ("christopher-2024",),
        )
    return (
        "Experts agree on starting with walk-run intervals. This is the first step in "
        "practitioners' postpartum plans (one source).",
        ("deering-2024", "how-we-label-evidence"),
    )


def _ready(r: Readiness, site_root: str) -> str:
    assert r.start_level is not None and r.start_level_label is not None
    assert r.planner_link is not None
    path, _, query = r.planner_link.partition("?")
    planner = f"{site_link(site_root, path)}?{esc(query)}"
    why, why_sources = _start_reason(r)
    return (
        '<p class="rtr-verdict__lead" data-announce>You are past 12 weeks, you passed all '
        "eleven tests, and you reported no warning signs. By the UK guideline, you can start "
        "a gentle return to running.</p>"
        f"{_source(('goom-2019',), site_root)}"
        f'<p class="rtr-start" data-level="{esc(r.start_level)}">Suggested start: '
        f"<strong>{esc(r.start_level_label)}</strong>. {esc(why)}</p>"
        f"{_source(why_sources, site_root)}"
        "<p>If a symptom starts during a run, stop running and walk. See the "
        f"{_a(site_root, 'run/walk-to-run/#symptom-rules', 'symptom rules')}.</p>"
        f"{_source(('deering-2024',), site_root)}"
        f'<p><a class="md-button md-button--primary rtr-planner-link" href="{planner}">'
        "Build my run/walk plan</a></p>"
    )


def _item(item: Item, r: Readiness, site_root: str) -> str:
    test = (
        f" {_a(site_root, item.test_page, 'How to do this test')}" if item.test_page else ""
    )
    return (
        f'<li class="rtr-item" data-key="{esc(item.key)}" data-status="{esc(item.status)}">'
        f'<span class="rtr-item__status">{esc(STATUS_TEXT[item.group][item.status])}</span> '
        f'<span class="rtr-item__label">{_a(site_root, item.page, label(item))}</span>'
        f'<p class="rtr-item__detail">{esc(detail(item, r))}{test}</p>'
        f"{_source(item.sources, site_root)}</li>"
    )


def _routine_summary(group: str, count: int) -> str:
    """One line for a group's routine items, which fold away beneath it."""
    noun, said = ROUTINE[group]
    return f"{count} {noun if count != 1 else noun.rstrip('s')} {said}"


def _items(r: Readiness, site_root: str) -> str:
    """Each group: what needs her attention in full, the routine rest folded into one line."""
    html = ""
    for group, title in GROUP_TITLES.items():
        in_group = [i for i in r.items if i.group == group]
        attention = "".join(_item(i, r, site_root) for i in in_group if i.status != "met")
        routine = [i for i in in_group if i.status == "met"]
        html += f'<h4 class="rtr-items__title">{esc(title)}</h4>'
        if attention:
            html += f'<ul class="rtr-items" data-group="{esc(group)}">{attention}</ul>'
        if routine:
            html += (
                f'<details class="rtr-routine" data-group="{esc(group)}">'
                f"<summary>{esc(_routine_summary(group, len(routine)))}</summary>"
                f'<ul class="rtr-items">{"".join(_item(i, r, site_root) for i in routine)}</ul>'
                "</details>"
            )
    return f'<h3 class="rtr-report__section">Item by item</h3>{html}'


def _links(links: tuple[Link, ...], site_root: str) -> str:
    return ", ".join(_a(site_root, link.page, link.text) for link in links)


def _factor(f: Factor, site_root: str) -> str:
    lowers = "true" if f.lowers_start else "false"
    return (
        f'<li class="rtr-factor" data-key="{esc(f.key)}" data-lowers-start="{lowers}">'
        f"<strong>{esc(f.title)}.</strong> {esc(f.detail)} "
        f"Read more: {_links(f.links, site_root)}."
        f"{_source(f.sources, site_root)}</li>"
    )


def _checked_on(r: Readiness) -> str:
    about = "about " if r.birth_date_is_estimate else ""
    weeks = f"{r.weeks} week{'s' if r.weeks != 1 else ''}"
    return (
        f'<p class="rtr-report__date">Checked on {esc(long_date(r.today))}, {about}{weeks} '
        "since birth.</p>"
    )


def _help(site_root: str) -> str:
    return (
        '<p class="rtr-help">Worried, or unsure what a sign means? '
        f"{_a(site_root, 'test/warning-signs/', 'Warning signs and where to get help')}.</p>"
    )


def _clinician_notes() -> str:
    # Printed only: a space for the physiotherapist the reader hands this to.
    return (
        '<section class="rtr-clinician-notes" aria-hidden="true">'
        "<h3>Notes from your clinician</h3><div class=\"rtr-clinician-notes__box\"></div>"
        "</section>"
    )


def render(r: Readiness, site_root: str = "") -> str:
    body = {
        "see-professional": _see_professional,
        "not-yet": _not_yet,
        "ready": _ready,
    }[r.verdict](r, site_root)
    factors = "".join(_factor(f, site_root) for f in r.factors)
    level = f' data-start-level="{esc(r.start_level)}"' if r.start_level else ""
    return (
        f'<div class="rtr-report" data-calculator="readiness" data-verdict="{esc(r.verdict)}"'
        f"{level}>"
        f'<h2 class="rtr-report__title" tabindex="-1" data-announce>{esc(TITLES[r.verdict])}</h2>'
        f"{_checked_on(r)}"
        f'<div class="rtr-verdict">{body}{_help(site_root)}</div>'
        f"{_items(r, site_root)}"
        '<h3 class="rtr-report__section">Things to bear in mind</h3>'
        f'<ul class="rtr-factors">{factors}</ul>'
        f"{_clinician_notes()}"
        '<p class="rtr-note">This check is a guide, not a medical assessment. The UK '
        "guideline's first advice is a personal check and guided pelvic floor rehab. "
        f"{_a(site_root, PHYSIO.page, 'Finding a pelvic health physiotherapist')}."
        "</p>"
        f"{_source(('goom-2019',), site_root)}"
        "</div>"
    )
