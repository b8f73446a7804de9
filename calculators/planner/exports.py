"""The plan as files: an iCalendar (RFC 5545) and a CSV, made with the stdlib only.

Both are deterministic: the same answers (including `today`) give the same bytes.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io

from ..spec import Download
from .compute import Plan, Week
from .rules import COOLDOWN_S, WARMUP_S
from .text import (
    duration,
    interval_label,
    minutes,
    running_distance_m,
    running_estimate,
    session_steps,
)
from .units import distance_number

ICS_FILENAME = "return-to-run-plan.ics"
CSV_FILENAME = "return-to-run-plan.csv"
CSV_HEADER = (
    "week",
    "date",
    "weekday",
    "warmup_min",
    "repeats",
    "run_s",
    "walk_s",
    "cooldown_min",
    "running_min",
    "session_min",
    "running_distance",
    "distance_unit",
)
"""running_distance: about how far a session's running goes at the easy pace,
in distance_unit (km or mi, the reader's choice); empty when no pace was
given or used, since it would be a guess."""
PRODID = "-//Return to Run//Run-walk planner//EN"
UID_DOMAIN = "return-to-run"
MAX_OCTETS = 75


def escape_text(text: str) -> str:
    """RFC 5545 TEXT: backslash, semicolon, comma and newline are escaped."""
    return (
        text.replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def fold(line: str) -> str:
    """Fold a content line at 75 octets, never inside a UTF-8 character."""
    data = line.encode("utf-8")
    parts: list[bytes] = []
    limit = MAX_OCTETS
    while len(data) > limit:
        cut = limit
        while data[cut] & 0b1100_0000 == 0b1000_0000:  # a continuation byte
            cut -= 1
        parts.append(data[:cut])
        data = data[cut:]
        limit = MAX_OCTETS - 1  # continuation lines start with a space
    parts.append(data)
    return "\r\n ".join(p.decode("utf-8") for p in parts)


def _ics_date(day: dt.date) -> str:
    return day.strftime("%Y%m%d")


def _summary(plan: Plan, week: Week) -> str:
    step = plan.steps[week.step_index]
    if week.kind == "goal":
        return f"Goal run: {interval_label(step)} (week {week.number})"
    return f"Run/walk: {interval_label(step)} (week {week.number})"


def _description(plan: Plan, week: Week) -> str:
    step = plan.steps[week.step_index]
    lines = [*session_steps(step)]
    lines.append(f"Running this session: {duration(step.running_s)}.")
    estimate = running_estimate(plan, step.running_s)
    if estimate:
        lines.append(estimate)
    lines.append("Stop and walk if symptoms start. Leave a rest day before your next run.")
    return "\n".join(lines)


def uid_prefix(plan: Plan) -> str:
    return hashlib.sha256(plan.fingerprint().encode("utf-8")).hexdigest()[:16]


def _all_sessions(plan: Plan) -> tuple[tuple[Week, dt.date], ...]:
    return tuple((week, session.date) for week in plan.weeks for session in week.sessions)


ALARM_TEXT = "Run/walk session soon. Stop and walk if symptoms start."


def ics(
    plan: Plan,
    *,
    sessions: tuple[tuple[Week, dt.date], ...] | None = None,
    at: dt.time | None = None,
    alarm_minutes: int | None = None,
) -> str:
    """The calendar file. By default all-day events on the plan's dates; given
    `sessions` (for chosen running days), those dates; given `at`, timed
    events (floating local time) lasting the session, with a reminder
    `alarm_minutes` before (a VALARM)."""
    stamp = f"{_ics_date(plan.today)}T000000Z"
    prefix = uid_prefix(plan)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:{PRODID}",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ]
    for index, (week, day) in enumerate(sessions or _all_sessions(plan), start=1):
        lines += ["BEGIN:VEVENT", f"UID:{prefix}-{index:03d}@{UID_DOMAIN}", f"DTSTAMP:{stamp}"]
        if at is None:
            lines += [
                f"DTSTART;VALUE=DATE:{_ics_date(day)}",
                f"DTEND;VALUE=DATE:{_ics_date(day + dt.timedelta(days=1))}",
            ]
        else:
            start = dt.datetime.combine(day, at)
            end = start + dt.timedelta(seconds=week.session_s)
            lines += [f"DTSTART:{start:%Y%m%dT%H%M%S}", f"DTEND:{end:%Y%m%dT%H%M%S}"]
        lines += [
            f"SUMMARY:{escape_text(_summary(plan, week))}",
            f"DESCRIPTION:{escape_text(_description(plan, week))}",
            "TRANSP:TRANSPARENT" if at is None else "TRANSP:OPAQUE",
        ]
        if alarm_minutes is not None:
            lines += [
                "BEGIN:VALARM",
                "ACTION:DISPLAY",
                f"DESCRIPTION:{escape_text(ALARM_TEXT)}",
                f"TRIGGER:-PT{alarm_minutes}M",
                "END:VALARM",
            ]
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    return "".join(fold(line) + "\r\n" for line in lines)


def csv_text(plan: Plan) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for week in plan.weeks:
        metres = running_distance_m(plan, week.running_s)
        far = "" if metres is None else distance_number(metres, plan.unit)
        for session in week.sessions:
            writer.writerow(
                (
                    week.number,
                    session.date.isoformat(),
                    session.weekday,
                    minutes(WARMUP_S),
                    week.repeats,
                    week.run_s,
                    week.walk_s,
                    minutes(COOLDOWN_S),
                    minutes(week.running_s),
                    minutes(week.session_s),
                    far,
                    plan.unit if far else "",
                )
            )
    return out.getvalue()


def downloads(plan: Plan) -> tuple[Download, ...]:
    return (
        Download(ICS_FILENAME, "text/calendar", ics(plan)),
        Download(CSV_FILENAME, "text/csv", csv_text(plan)),
    )
