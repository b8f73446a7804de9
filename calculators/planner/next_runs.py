"""Where the reader is in her plan, and when her next runs fall.

Position comes from replaying the log through the check-in rules, so an
edited or deleted entry simply changes the replay. Dates follow life: runs
not done move later, and the rules hold whatever happened:
- never two runs on consecutive days, never two on one day;
- the plan's order is kept and no session is dropped.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from .checkin import Decision, decide, is_setback
from .compute import WEEKDAYS, Plan
from .log import Entry, Log

DAYS_NEED_REST = "Choose days with a rest day between them (no two days in a row)."
REST_DAYS = 1
"""At least one rest day between runs (a day to notice symptoms)."""


@dataclass(frozen=True)
class Position:
    week_index: int
    """Index into `plan.weeks` of the next session."""
    done_in_week: int
    """Sessions already done (cleanly) in that week."""
    finished: bool = False


@dataclass(frozen=True)
class Replayed:
    position: Position
    decisions: tuple[tuple[Entry, Decision], ...]
    """Each logged session with the decision it led to, oldest first."""


def _week_of_step(plan: Plan, step_index: int, before: int) -> int:
    """The latest week up to `before` that uses `step_index`."""
    for index in range(min(before, len(plan.weeks) - 1), -1, -1):
        if plan.weeks[index].step_index == step_index:
            return index
    return 0


def apply(plan: Plan, at: Position, decision: Decision) -> Position:
    """Where the next session is, after a check-in at `at`."""
    if decision.action == "finished":
        return Position(len(plan.weeks) - 1, plan.runs_per_week, finished=True)
    if decision.action == "advance":
        done = at.done_in_week + 1
        if done < plan.runs_per_week:
            return Position(at.week_index, done)
        if at.week_index + 1 < len(plan.weeks):
            return Position(at.week_index + 1, 0)
        return Position(at.week_index, done, finished=True)
    if decision.action == "back":
        return Position(_week_of_step(plan, decision.step_index, at.week_index), 0)
    # repeat, professional: start this week's sessions again.
    return Position(at.week_index, 0)


def replay(plan: Plan, entries: Iterable[Entry]) -> Replayed:
    at = Position(0, 0)
    previous_setback = False
    out: list[tuple[Entry, Decision]] = []
    for entry in entries:
        step = plan.weeks[at.week_index].step_index
        decision = decide(plan, step, entry.checkin, recurred=previous_setback)
        out.append((entry, decision))
        at = apply(plan, at, decision)
        previous_setback = is_setback(entry.checkin)
    return Replayed(at, tuple(out))


def replay_log(plan: Plan, log: Log) -> Replayed:
    return replay(plan, log.entries)


# --- dates ------------------------------------------------------------------


def valid_days(days: frozenset[int]) -> str | None:
    """Why a set of weekdays (0 = Monday) cannot hold runs, or None if it can."""
    if not days:
        return "Choose at least one running day."
    if len(days) >= 7 or any((d + 1) % 7 in days for d in days):
        return DAYS_NEED_REST
    return None


def day_names(days: frozenset[int]) -> tuple[str, ...]:
    return tuple(WEEKDAYS[d] for d in sorted(days))


def reschedule(
    count: int,
    *,
    earliest: dt.date,
    last_run: dt.date | None,
    days: frozenset[int] | None = None,
    planned: tuple[dt.date, ...] = (),
) -> tuple[dt.date, ...]:
    """Dates for the next `count` sessions, in order.

    Each goes on its planned date if it has one and that is still ahead,
    else on the first allowed day after that; never before `earliest`, never
    the day after (or the day of) the run before it, and only on `days` if
    chosen. Nothing is dropped: the result always has `count` dates.
    """
    out: list[dt.date] = []
    previous = last_run
    for n in range(count):
        day = max(planned[n] if n < len(planned) else earliest, earliest)
        if previous is not None:
            day = max(day, previous + dt.timedelta(days=REST_DAYS + 1))
        if days:
            while day.weekday() not in days:
                day += dt.timedelta(days=1)
        out.append(day)
        previous = day
    return tuple(out)


def planned_dates(plan: Plan) -> tuple[dt.date, ...]:
    """Every session's date in the plan as first made, in order."""
    return tuple(s.date for w in plan.weeks for s in w.sessions)


def session_number(plan: Plan, at: Position) -> int:
    """Index of the position's session in the plan's flat list of sessions."""
    return sum(len(w.sessions) for w in plan.weeks[: at.week_index]) + min(
        at.done_in_week, len(plan.weeks[at.week_index].sessions) - 1
    )


def upcoming(
    plan: Plan,
    at: Position,
    *,
    today: dt.date,
    last_run: dt.date | None,
    days: frozenset[int] | None,
    count: int,
) -> tuple[tuple[int, dt.date], ...]:
    """The next `count` sessions as (week index, date), moved later where missed.

    The sessions of the current week still to do come first, then the plan's
    later weeks, in order.
    """
    slots: list[int] = []
    week = at.week_index
    left = plan.runs_per_week - at.done_in_week
    while len(slots) < count and week < len(plan.weeks):
        slots.extend([week] * max(left, 0))
        week += 1
        left = plan.runs_per_week
    slots = slots[:count]
    dates = planned_dates(plan)
    first = session_number(plan, at)
    planned = tuple(dates[first + n] for n in range(len(slots)) if first + n < len(dates))
    # With chosen days, the plan's own weekdays no longer apply.
    when = reschedule(
        len(slots),
        earliest=max(today, plan.start_date),
        last_run=last_run,
        days=days,
        planned=() if days else planned,
    )
    return tuple(zip(slots, when, strict=True))
