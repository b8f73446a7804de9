"""HTML for a plan. Pure string building, so it runs anywhere."""

from __future__ import annotations

from ..html import esc, long_date, site_link
from ..sources import cite
from .chart import weekly_chart
from .compute import Plan, Week
from .exports import CSV_FILENAME, ICS_FILENAME
from .rules import BMI_FIRST_WEEK_KM, GOALS, MIN_WEEKS, OUTCOMES, PACES, WARMUP_S
from .text import (
    adjustments,
    change_note,
    duration,
    goal_words,
    interval_label,
    pace_words,
    percent,
    session_steps,
    whole_minutes,
    whole_minutes_phrase,
)
from .units import named_distance

AGAIN = {
    "back": "If it happens again the next week, go back one step.",
    "repeat": "If it happens again the next week, repeat the step again.",
    "advance": "",
}
KIND_LABEL = {"start": "Start", "change": "New step", "repeat": "Repeat week", "goal": "Goal"}


def headline(plan: Plan) -> str:
    label = goal_words(plan)
    goal = label[0].lower() + label[1:]
    return f"Your {len(plan.weeks)}-week plan to {goal}"


def _days(plan: Plan) -> str:
    names = [s.weekday for s in plan.weeks[0].sessions]
    return ", ".join(names[:-1]) + " and " + names[-1]


def _summary(plan: Plan) -> str:
    goal_week = plan.weeks[-1]
    start = plan.steps[0]
    text = (
        f"You start on {long_date(plan.start_date)} with {interval_label(start)}, "
        f"{plan.runs_per_week} times a week. Your goal week starts on "
        f"{long_date(goal_week.sessions[0].date)}."
    )
    if plan.runs_per_week == 4:
        text += (
            f" With 4 runs, each plan week lasts {plan.cycle_days} days, so there is always "
            "a rest day between runs."
        )
    else:
        text += f" In week 1 you run on {_days(plan)}."
    return f'<p class="rtr-plan__summary" data-announce>{esc(text)}</p>'


def _assumptions(plan: Plan) -> str:
    notes = list(adjustments(plan))
    if plan.easy_pace_used:
        given = "your" if plan.easy_pace_given else "an assumed"
        uses = []
        # In miles, the exact goal time is a few seconds off a whole minute,
        # and the plan uses the whole minute: "about" says so.
        about = "" if plan.unit == "km" else "about "
        km = GOALS[plan.goal].km
        if km is not None:
            uses.append(
                f"{named_distance(km, plan.unit)} at {pace_words(plan)} is {about}"
                f"{plan.goal_s // 60} minutes of running"
            )
        if plan.bmi_first_week_cap_s is not None:
            uses.append(
                f"{named_distance(BMI_FIRST_WEEK_KM, plan.unit)} is {about}"
                f"{plan.bmi_first_week_cap_s // 60} minutes of running"
            )
        notes.append(
            f"We use {given} easy pace of {pace_words(plan)} to turn distance into "
            f"time: {' and '.join(uses)}. If you run faster or slower, change your pace above."
        )
    if not notes:
        return ""
    items = "".join(f"<li>{esc(n)}</li>" for n in notes)
    return f'<div class="rtr-plan__assumptions"><p>Based on your answers:</p><ul>{items}</ul></div>'


def _downloads() -> str:
    return (
        '<p class="rtr-downloads">'
        f'<button type="button" class="md-button" data-download="{ICS_FILENAME}">'
        "Add to my calendar (.ics)</button> "
        f'<button type="button" class="md-button" data-download="{CSV_FILENAME}">'
        "Download as a spreadsheet (.csv)</button>"
        "</p>"
    )


def _symptom_rules(site_root: str) -> str:
    rows = "".join(
        f'<li data-outcome="{esc(o.key)}"><strong>{esc(o.label)}:</strong> {esc(o.advice)}'
        + (f" {esc(AGAIN[o.recurred])}" if o.recurred != o.first_time else "")
        + "</li>"
        for o in OUTCOMES.values()
    )
    warning_signs = site_link(site_root, "test/warning-signs/")
    physio = site_link(site_root, "test/warning-signs/#finding-a-physio")
    rules = site_link(site_root, "run/walk-to-run/#symptom-rules")
    evidence = site_link(site_root, "about/references/#how-we-label-evidence")
    return (
        '<section class="rtr-plan__symptoms" aria-labelledby="rtr-planner-symptoms">'
        '<h3 id="rtr-planner-symptoms">If symptoms appear</h3>'
        '<p class="rtr-plan__stop"><strong>Stop and walk if symptoms start.</strong> '
        "That means pain, heaviness, pressure, dragging or leaking during a run. "
        f'See <a href="{warning_signs}">warning signs</a> for the full list.</p>'
        "<p>Each week, look back at how it went:</p>"
        f'<ul class="rtr-plan__outcomes">{rows}</ul>'
        "<p>Never move on while you have symptoms. Leave a rest day between runs, so you "
        "can notice symptoms that come later. If symptoms keep coming back, stop running "
        f'for now and see a <a href="{physio}">pelvic health physiotherapist</a>.</p>'
        f'<p class="rtr-source">Source: {cite(("deering-2024", "goom-2019"), site_root)}; '
        f'repeating and stepping back come from <a href="{evidence}">practitioners\' plans '
        f'(one source)</a>. More in <a href="{rules}">symptom rules</a>.</p>'
        "</section>"
    )


def _joins(plan: Plan) -> str:
    """The last steps, from three runs to one: "3 runs of 10 min, then ..."."""
    count = sum(1 for s in plan.steps if s.change == "join")
    chain = plan.steps[-count - 1 :]
    return ", then ".join(
        f"{s.repeats} runs of {duration(s.run_s)}"
        if s.repeats > 1
        else f"one {duration(s.run_s)} run"
        for s in chain
    )


def _how_built(plan: Plan, site_root: str) -> str:
    pace = PACES[plan.pace]
    per_session = duration(plan.allowance_s // plan.runs_per_week)
    items = [
        (
            "One change at a time. Each new step changes just one thing: how long you run, "
            "how long you walk, or how many runs a session has. At the end the short walk "
            f"breaks go one at a time, each time with the same total running: {_joins(plan)}. "
            "So your longest run never triples in one week."
        ),
        (
            f"Each week adds up to {per_session} more running per run, or "
            f"{percent(plan.rise_permille)} more running in the week, whichever is more. While "
            "runs are short, a few percent of a small week is only seconds, too little to "
            f"change anything, so the {per_session} rule applies and a week may then add more "
            "than 10%. Once the percentage allows more, it rules. Experts agree on no more "
            "than 10% a week in most cases."
        ),
        (
            f"A repeat week after every {pace.build_weeks} weeks of change: the same sessions "
            "again, so your body can catch up."
        ),
        (
            f"At least {MIN_WEEKS} weeks from your first intervals to the goal; one trainer "
            f"says it often takes 16 to 20 weeks or more. This plan takes {len(plan.weeks)} "
            "weeks. Only the last week is the goal run."
        ),
        (
            f"Every session starts and ends with a {duration(WARMUP_S)} walk, and none is "
            f"longer than {duration(plan.session_cap_s)} in all."
        ),
        "Never two runs on consecutive days.",
    ]
    if plan.bmi_first_week_cap_s is not None:
        items.append(
            f"Your first week has {duration(plan.weeks[0].week_running_s)} of running, "
            f"within the {named_distance(BMI_FIRST_WEEK_KM, plan.unit)} limit "
            f"({'' if plan.unit == 'km' else 'about '}{plan.bmi_first_week_cap_s // 60} "
            "minutes at your easy pace)."
        )
    if plan.near_goal:
        items.append(
            "Your start is already near your goal, so the plan may be shorter than "
            f"{MIN_WEEKS} weeks."
        )
    lis = "".join(f"<li>{esc(i)}</li>" for i in items)
    sources = ["deering-2024", "seed-jawad"]
    if plan.bmi_over_30:
        sources.append("nielsen-2014-ijspt")
    how_long = site_link(site_root, "run/walk-to-run/#how-long")
    return (
        '<details class="rtr-plan__rules">'
        "<summary>How this plan is built</summary>"
        f'<ol class="rtr-plan__invariants">{lis}</ol>'
        "<p>This is slower than fixed plans like Couch to 5K on purpose. "
        "Postpartum experts reject fixed plans; they build up gently and step back "
        "when symptoms appear. Taking a long time is normal, so try not to compare "
        f'yourself with anyone else. See <a href="{how_long}">how long it takes</a>.</p>'
        f'<p class="rtr-source">Source: {cite(tuple(sources), site_root)}</p>'
        "</details>"
    )


def _chart(plan: Plan) -> str:
    rows = "".join(
        f'<tr><th scope="row">{w.number}</th>'
        f"<td>{esc(KIND_LABEL[w.kind])}</td>"
        f"<td>{esc(interval_label(plan.steps[w.step_index]))}</td>"
        f"<td>{esc(duration(w.running_s))}</td>"
        f"<td>{whole_minutes(w.week_running_s)}</td></tr>"
        for w in plan.weeks
    )
    return (
        '<figure class="rtr-chart">'
        f"{weekly_chart(plan)}"
        "<figcaption>Minutes of running each week. Outlined bars are repeat weeks.</figcaption>"
        '<details class="rtr-chart__data"><summary>The same numbers as a table</summary>'
        '<table class="rtr-table">'
        "<caption>Running time, week by week</caption>"
        '<thead><tr><th scope="col">Week</th><th scope="col">Type</th>'
        '<th scope="col">Each session</th><th scope="col">Running per session</th>'
        '<th scope="col">Running per week (whole min)</th></tr></thead>'
        f"<tbody>{rows}</tbody></table></details>"
        "</figure>"
    )


def _week(plan: Plan, week: Week) -> str:
    step = plan.steps[week.step_index]
    first, last = week.sessions[0].date, week.sessions[-1].date
    parts = "".join(f"<li>{esc(p)}</li>" for p in session_steps(step))
    sessions = "".join(
        f'<li class="rtr-session" data-date="{s.date.isoformat()}">'
        f'<time datetime="{s.date.isoformat()}">{esc(s.weekday)} {esc(long_date(s.date))}</time>'
        "</li>"
        for s in week.sessions
    )
    return (
        f'<section class="rtr-week" data-week="{week.number}" data-kind="{esc(week.kind)}" '
        f'data-step="{week.step_index}" aria-labelledby="rtr-planner-week-{week.number}">'
        f'<h4 id="rtr-planner-week-{week.number}">Week {week.number}: '
        f"{esc(long_date(first))} to {esc(long_date(last))}</h4>"
        f'<p class="rtr-week__change">{esc(change_note(plan, week))}</p>'
        f'<ol class="rtr-week__parts">{parts}</ol>'
        f'<p class="rtr-week__totals">Running: {esc(duration(week.running_s))} a session, '
        f"{esc(whole_minutes_phrase(week.week_running_s))} this week.</p>"
        f'<ul class="rtr-sessions" aria-label="Run days in week {week.number}">{sessions}</ul>'
        "</section>"
    )


def _weeks(plan: Plan) -> str:
    """The first two weeks in full, where she starts; the rest behind one disclosure."""
    first, rest = plan.weeks[:2], plan.weeks[2:]
    title = "Your first week" if len(first) == 1 else "Your first two weeks"
    html = (
        '<section class="rtr-plan__first" aria-labelledby="rtr-planner-first">'
        f'<h3 id="rtr-planner-first">{title}</h3>{"".join(_week(plan, w) for w in first)}'
        "</section>"
    )
    if rest:
        html += (
            '<details class="rtr-plan__weeks">'
            f"<summary>Weeks {rest[0].number} to {rest[-1].number}, week by week</summary>"
            f"{''.join(_week(plan, w) for w in rest)}</details>"
        )
    return html


def render(plan: Plan, site_root: str = "") -> str:
    return (
        f'<div class="rtr-report" data-calculator="planner" data-weeks="{len(plan.weeks)}" '
        f'data-goal="{esc(plan.goal)}" data-runs-per-week="{plan.runs_per_week}" '
        f'data-pace="{esc(plan.pace)}" data-unit="{esc(plan.unit)}">'
        f'<h2 class="rtr-report__title" tabindex="-1" data-announce>{esc(headline(plan))}</h2>'
        f"{_summary(plan)}"
        f"{_assumptions(plan)}"
        f"{_weeks(plan)}"
        f"{_downloads()}"
        f'<p class="rtr-next">Save your answers above, then time each session and log how it went on <a href="{site_link(site_root, "tools/today/")}">Today\'s run</a>.</p>'
        f"{_symptom_rules(site_root)}"
        '<section class="rtr-plan__overview" aria-labelledby="rtr-planner-overview">'
        '<h3 id="rtr-planner-overview">Your weeks at a glance</h3>'
        f"{_chart(plan)}</section>"
        f"{_how_built(plan, site_root)}"
        "</div>"
    )
