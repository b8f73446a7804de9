"""HTML for Today's run: the session and its timer script, the check-in, what
comes next, progress and the log. Every word the page shows or speaks is
written here; the page's script only runs the clock and stores the log."""

from __future__ import annotations

import datetime as dt

from ..html import esc, long_date, site_link
from ..planner.checkin import SIGNS, Decision
from ..planner.compute import WEEKDAYS
from ..planner.log import CSV_FILENAME, JSON_FILENAME, Entry, Log
from ..planner.next_runs import DAYS_NEED_REST
from ..planner.progress import chart, weekly_progress
from ..planner.rules import OUTCOMES
from ..planner.session import Segment
from ..planner.text import goal_words, running_estimate
from ..planner.units import duration
from ..readiness.questions import CLINICIAN_CONDITIONS, WARNING_SIGNS, Sign
from ..sources import cite
from .compute import SessionPlan, Today

ICS_FILENAME = "return-to-run-runs.ics"

HOW_LABELS = {
    "no-symptoms": "No symptoms, during or after",
    "symptoms-during": "Symptoms started during the run",
    "symptoms-after": "Symptoms came on afterwards",
    "stopped-early": "I stopped early (tired, sore, unwell, or life got in the way)",
}

ACTION_TITLES = {
    "advance": "Carry on with your plan",
    "finished": "You have reached your goal",
    "repeat": "Repeat this session",
    "back": "Go back one step",
    "professional": "Stop running for now and get checked",
}

# The planner speaks of weeks; a check-in is about the next session, so the
# first-time "repeat" advice is worded for that here.
REPEAT_WORDS = {
    "symptoms-during": "You stopped and walked, which is right. Repeat this step: "
    "this week's sessions start again.",
    "symptoms-after": "Repeat this step: this week's sessions start again.",
    "sore-or-ill": "Rest while you are ill or worn out. Then repeat this step: "
    "this week's sessions start again.",
}


def _segment_name(s: Segment) -> str:
    if s.kind == "warmup":
        return "Warm-up walk"
    if s.kind == "cooldown":
        return "Cool-down walk"
    return (
        f"{'Run' if s.kind == 'run' else 'Walk'} {s.repeat} of {s.of}"
        if s.of > 1
        else ("Run" if s.kind == "run" else "Walk")
    )


def _cue(s: Segment) -> str:
    """What the timer says as the segment starts."""
    if s.kind == "warmup":
        return f"Walk briskly for {duration(s.seconds)} to warm up."
    if s.kind == "cooldown":
        return f"Walk for {duration(s.seconds)} to cool down."
    if s.kind == "run":
        tail = f" Run {s.repeat} of {s.of}." if s.of > 1 else ""
        return f"Run for {duration(s.seconds)}.{tail}"
    return f"Walk for {duration(s.seconds)}."


def _segments(session: SessionPlan, site_root: str) -> str:
    items = "".join(
        f'<li data-kind="{s.kind}" data-seconds="{s.seconds}" data-cue="{esc(_cue(s))}" '
        f'data-name="{esc(_segment_name(s))}">{esc(_segment_name(s))}: {esc(duration(s.seconds))}</li>'
        for s in session.segments
    )
    sources = sorted({k for s in session.segments for k in s.sources})
    return (
        f'<ol class="rtr-segments">{items}</ol>'
        f'<p class="rtr-source">Walk-run intervals and a walking warm-up: {cite(tuple(sources), site_root)}</p>'
    )


def _why(t: Today, session: SessionPlan) -> str:
    place = f"Week {session.week}, session {session.session_in_week} of {session.sessions_in_week}."
    if session.date == t.today:
        return f"{place} Today is a running day in your plan."
    if t.last_run == t.today:
        return f"{place} You ran today, so the next run waits for a rest day: {_day(session.date)}."
    return f"{place} Planned for {_day(session.date)}. Today is a rest day; you can still start it if you prefer."


def _distance(t: Today, session: SessionPlan) -> str:
    """The goal, and about how far this session's running goes, in the reader's unit."""
    assert t.plan is not None
    estimate = running_estimate(t.plan, session.repeats * session.run_s)
    goal = goal_words(t.plan)
    return (
        f'<p class="rtr-today__distance" data-unit="{esc(t.plan.unit)}">'
        f"{esc(f'Your goal: {goal[0].lower()}{goal[1:]}.')}"
        f"{esc(f' {estimate}' if estimate else '')}</p>"
    )


def _day(day: dt.date) -> str:
    return f"{WEEKDAYS[day.weekday()]} {long_date(day)}"


def _timer(session: SessionPlan) -> str:
    return (
        '<div class="rtr-timer" data-timer-ready="false" '
        'data-say-countdown="3. 2. 1." data-say-done="Session complete. Well done. Now check in below." '
        'data-say-symptoms="Walk now. The rest of this session is walking." '
        'data-label-pause="Pause" data-label-resume="Resume" '
        'data-label-paused="Paused" data-label-countdown="Get ready" '
        'data-label-done="Session complete" data-label-next="Next:" '
        'data-note-wake="Your screen stays on while the timer runs." '
        'data-note-nowake="This browser cannot keep the screen on: if it locks, the timer keeps '
        'time and shows the right part when you come back, but spoken cues may pause.">'
        '<p class="rtr-timer__phase" data-timer-phase aria-live="assertive">Ready when you are</p>'
        '<p class="rtr-timer__clock" role="timer" aria-live="off" data-timer-clock>'
        f"{_clock(session.segments[0].seconds)}</p>"
        '<p class="rtr-timer__next" data-timer-next></p>'
        '<div class="rtr-timer__controls">'
        '<button type="button" class="md-button md-button--primary" data-timer="start">Start</button>'
        '<button type="button" class="md-button" data-timer="pause" hidden>Pause</button>'
        '<button type="button" class="md-button" data-timer="skip" disabled>Skip to next part</button>'
        '<button type="button" class="md-button" data-timer="end" disabled>End session</button>'
        '<button type="button" class="md-button rtr-timer__symptoms" data-timer="symptoms" disabled>'
        "Symptoms — stop and walk</button>"
        "</div>"
        '<div class="rtr-timer__options">'
        '<input type="checkbox" id="rtr-today-speak" data-timer="speak" checked>'
        '<label for="rtr-today-speak">Spoken cues (your device\'s own voice)</label>'
        "</div>"
        '<p class="rtr-timer__note" data-timer-note role="status"></p>'
        "</div>"
    )


def _clock(seconds: int) -> str:
    return f"{seconds // 60}:{seconds % 60:02d}"


def _checkin(site_root: str) -> str:
    hows = "".join(
        f'<div class="rtr-choice"><input type="radio" name="how" id="rtr-today-how-{k}" value="{k}">'
        f'<label for="rtr-today-how-{k}">{esc(label)}</label></div>'
        for k, label in HOW_LABELS.items()
    )

    def boxes(signs: tuple[Sign, ...]) -> str:
        return "".join(
            f'<div class="rtr-choice"><input type="checkbox" name="symptoms" id="rtr-today-sign-{esc(s.key)}" '
            f'value="{esc(s.key)}"><label for="rtr-today-sign-{esc(s.key)}">{esc(s.question)}</label></div>'
            for s in signs
        )

    efforts = "".join(f'<option value="{n}">{n}</option>' for n in range(1, 11))
    return (
        '<section class="rtr-checkin" aria-labelledby="rtr-today-checkin-title">'
        '<h3 id="rtr-today-checkin-title">How did it go?</h3>'
        '<form class="rtr-checkin__form" data-checkin novalidate>'
        '<input type="hidden" name="edit" value="">'
        '<p class="rtr-checkin__editing" data-checkin-editing hidden></p>'
        '<fieldset class="rtr-field rtr-field--choice"><legend>How the run went</legend>'
        f"{hows}</fieldset>"
        '<fieldset class="rtr-field"><legend>Any of these, during or after? Tick all that apply.</legend>'
        f'<p class="rtr-hint">Pelvic signs ({cite(("goom-2019",), site_root)}):</p>{boxes(WARNING_SIGNS)}'
        f'<p class="rtr-hint">Signs to see a doctor about before exercising again '
        f"({cite(('davenport-2025',), site_root)}):</p>{boxes(CLINICIAN_CONDITIONS)}"
        "</fieldset>"
        '<div class="rtr-field"><label for="rtr-today-effort">How hard it felt, from 1 (very easy) to 10 (flat out)</label>'
        '<p class="rtr-hint" id="rtr-today-effort-hint">Optional. Easy running should let you talk in full sentences.</p>'
        '<select id="rtr-today-effort" name="effort" aria-describedby="rtr-today-effort-hint">'
        f'<option value="">Not rated</option>{efforts}</select></div>'
        '<div class="rtr-field"><label for="rtr-today-notes">Notes (optional)</label>'
        '<textarea id="rtr-today-notes" name="notes" rows="3" maxlength="2000"></textarea></div>'
        '<p class="rtr-error" data-checkin-error role="alert" hidden></p>'
        '<div class="rtr-actions"><button type="submit" class="md-button md-button--primary">'
        "Save and see what's next</button></div>"
        "</form></section>"
    )


def _decision(t: Today, d: Decision, site_root: str) -> str:
    signs = ", ".join(SIGNS[k].title for k in d.signs)
    if d.action == "professional" and d.reason_key == "clinician":
        why = (
            f"You reported: {signs}. Each of these means seeing your GP or a doctor before "
            "exercising again. Do not run until you have been checked."
        )
        link = f' <a href="{site_link(site_root, "test/warning-signs/#see-a-clinician")}">When to see a clinician</a>.'
    elif d.action == "professional":
        why = (
            "Symptoms keep coming back even at the first step. Stop running for now and see "
            "a pelvic health physiotherapist."
        )
        link = f' <a href="{site_link(site_root, "test/warning-signs/#finding-a-physio")}">Finding a physiotherapist</a>.'
    else:
        rule = OUTCOMES[d.reason_key]
        why = rule.advice_recurred if d.recurred else REPEAT_WORDS.get(d.reason_key, rule.advice)
        if d.action == "advance":
            why = "No symptoms: carry on with your plan, one step at a time."
        elif d.action == "finished":
            why = "You have reached your goal. Well done."
        if d.signs:
            why += (
                f" You reported: {signs}. If a symptom does not settle within a day or two, "
                "or keeps coming back, see a pelvic health physiotherapist."
            )
        link = f' <a href="{site_link(site_root, "run/walk-to-run/#symptom-rules")}">The symptom rules</a>.'
    return (
        f'<div class="rtr-decision" data-action="{d.action}" role="status">'
        f"<h3>{esc(ACTION_TITLES[d.action])}</h3><p>{esc(why)}{link}</p>"
        f'<p class="rtr-source">Source: {cite(d.sources, site_root)}</p></div>'
    )


def _upcoming(t: Today) -> str:
    assert t.plan is not None
    items = "".join(
        f"<li>{esc(_day(day))}: week {t.plan.weeks[w].number}</li>" for w, day in t.upcoming
    )
    return f'<ol class="rtr-upcoming">{items}</ol>'


def _settings(t: Today) -> str:
    chosen = t.settings.days or frozenset()
    days = "".join(
        f'<div class="rtr-choice"><input type="checkbox" name="days" id="rtr-today-day-{n}" value="{n}"'
        f'{" checked" if n in chosen else ""}><label for="rtr-today-day-{n}">{name}</label></div>'
        for n, name in enumerate(WEEKDAYS)
    )
    at = t.settings.at.strftime("%H:%M") if t.settings.at else ""
    alarm = t.settings.alarm_minutes if t.settings.alarm_minutes is not None else 30
    return (
        '<form class="rtr-settings" data-settings novalidate '
        f'data-msg-days="{esc(DAYS_NEED_REST)}" '
        'data-msg-alarm="Choose a reminder from 0 to 1440 minutes before.">'
        '<fieldset class="rtr-field"><legend>Your running days</legend>'
        '<p class="rtr-hint">Leave all unticked to keep the plan\'s own days. '
        "Choose days with a rest day between them.</p>"
        f"{days}</fieldset>"
        '<div class="rtr-field"><label for="rtr-today-at">Time of your runs (for the calendar)</label>'
        f'<input type="time" id="rtr-today-at" name="at" value="{at}"></div>'
        '<div class="rtr-field"><label for="rtr-today-alarm">Reminder, minutes before</label>'
        f'<input type="text" inputmode="numeric" id="rtr-today-alarm" name="alarm_minutes" value="{alarm}" size="4"></div>'
        '<p class="rtr-error" data-settings-error role="alert" hidden></p>'
        '<div class="rtr-actions"><button type="submit" class="md-button">Use these days</button> '
        f'<button type="button" class="md-button" data-download="{ICS_FILENAME}">'
        "Add the next runs to my calendar (.ics)</button></div>"
        "</form>"
    )


def _entry(e: Entry) -> str:
    c = e.checkin
    planned = (
        f"{e.repeats} × (run {duration(e.run_s)}, walk {duration(e.walk_s)})"
        if e.walk_s
        else f"run {duration(e.run_s)}"
    )
    parts = [f"Planned: {planned}. Ran {duration(e.run_done_s)}."]
    if e.walked_from_s is not None:
        parts.append(f"Stopped and walked at {_clock(e.walked_from_s)}.")
    parts.append(HOW_LABELS[c.how] + ".")
    if c.symptoms:
        parts.append("Symptoms: " + ", ".join(SIGNS[k].title for k in c.symptoms) + ".")
    if c.effort is not None:
        parts.append(f"Effort {c.effort} of 10.")
    notes = f'<p class="rtr-log__notes">{esc(c.notes)}</p>' if c.notes else ""
    label = f"{_day(e.date)}, week {e.week}"
    return (
        f'<li class="rtr-log__entry" data-entry="{esc(e.id)}">'
        f"<h4>{esc(label)}</h4><p>{esc(' '.join(parts))}</p>{notes}"
        '<div class="rtr-log__actions">'
        f'<button type="button" class="md-button" data-log-edit="{esc(e.id)}" '
        f'aria-label="Edit the check-in of {esc(label)}">Edit</button>'
        f'<button type="button" class="md-button" data-log-delete="{esc(e.id)}" '
        f'aria-label="Delete {esc(label)} from the log">Delete</button>'
        "</div></li>"
    )


def _log(log: Log) -> str:
    items = "".join(_entry(e) for e in log.newest_first())
    listing = (
        f'<ol class="rtr-log" reversed>{items}</ol>'
        if items
        else '<p class="rtr-log__empty">No sessions logged yet.</p>'
    )
    return (
        f"{listing}"
        '<div class="rtr-actions rtr-log__files">'
        f'<button type="button" class="md-button" data-download="{JSON_FILENAME}">Export the log (JSON)</button>'
        f'<button type="button" class="md-button" data-download="{CSV_FILENAME}">Export for a spreadsheet (CSV)</button>'
        '<label class="md-button rtr-log__import" for="rtr-today-import">Import a log (JSON)</label>'
        '<input type="file" id="rtr-today-import" accept=".json,application/json" data-log-import class="rtr-visually-hidden">'
        "</div>"
    )


def _progress(t: Today) -> str:
    assert t.plan is not None
    weeks = weekly_progress(t.plan, t.log)
    rows = "".join(
        f"<tr><td>{w.number}</td><td>{duration(w.planned_s)}</td><td>{duration(w.done_s)}</td></tr>"
        for w in weeks
    )
    return (
        f'<figure class="rtr-chart">{chart(weeks)}</figure>'
        "<details><summary>The same as a table</summary>"
        '<table class="rtr-table"><thead><tr><th scope="col">Week</th><th scope="col">Planned</th>'
        f'<th scope="col">Done</th></tr></thead><tbody>{rows}</tbody></table></details>'
    )


def _notices(t: Today) -> str:
    out = []
    if t.log_status in ("unreadable", "future"):
        out.append(
            f'<p class="rtr-notice" role="alert" data-log-problem="{t.log_status}">'
            f"{esc(t.log_message)} Your log was kept aside, untouched, in this browser; "
            "a new log starts now.</p>"
        )
    if t.done == "import":
        clash = (
            f" {t.clashes} session(s) in the file differed from this browser's; this browser's were kept."
            if t.clashes
            else ""
        )
        out.append(
            f'<p class="rtr-notice" role="status" data-imported="{t.imported}">Imported {t.imported} session(s).{clash}</p>'
        )
    if t.done == "delete":
        out.append('<p class="rtr-notice" role="status">Deleted from your log.</p>')
    return "".join(out)


def render(t: Today, site_root: str = "") -> str:
    planner = site_link(site_root, "tools/planner/")
    if t.status == "no-plan":
        return (
            '<div class="rtr-report rtr-today" data-calculator="today" data-status="no-plan">'
            f'{_notices(t)}<h2 class="rtr-report__title">No saved plan in this browser</h2>'
            f'<p>Make your plan in the <a href="{planner}">run/walk planner</a> and tick '
            "“Save my answers in this browser only”. Then come back here.</p></div>"
        )
    assert t.plan is not None
    decision = ""
    if t.decision is not None and t.done in ("checkin", "edit"):
        decision = _decision(t, t.decision, site_root)
    if t.session is None:
        session = (
            '<h2 class="rtr-report__title">You have finished your plan</h2>'
            f'<p>Well done. Keep running as you are, or make a new plan in the <a href="{planner}">planner</a>.</p>'
        )
    else:
        s = t.session
        title = "Today's run" if s.date == t.today else f"Next run: {_day(s.date)}"
        session = (
            f'<h2 class="rtr-report__title" data-week="{s.week}" data-step="{s.step_index}">{esc(title)}</h2>'
            f'<p class="rtr-today__why">{esc(_why(t, s))}</p>'
            f"{_distance(t, s)}"
            f"{_timer(s)}{_segments(s, site_root)}"
        )
    return (
        f'<div class="rtr-report rtr-today" data-calculator="today" data-status="{t.status}">'
        f"{_notices(t)}{decision}"
        f'<section class="rtr-today__session">{session}</section>'
        f"{_checkin(site_root)}"
        '<section aria-labelledby="rtr-today-next-title"><h3 id="rtr-today-next-title">Coming up</h3>'
        f"{_upcoming(t)}{_settings(t)}</section>"
        '<section aria-labelledby="rtr-today-progress-title"><h3 id="rtr-today-progress-title">Planned and done</h3>'
        f"{_progress(t)}</section>"
        '<section aria-labelledby="rtr-today-log-title"><h3 id="rtr-today-log-title">Your log</h3>'
        f"{_log(t.log)}</section>"
        f'<p class="rtr-next">Change your plan in the <a href="{planner}">planner</a>.</p>'
        "</div>"
    )
