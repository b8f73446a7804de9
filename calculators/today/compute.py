"""Today's run: the saved plan, the log replayed through the check-in rules,
today's session as timer segments, and what a check-in, an edit, a deletion
or an import changes. Returns facts; the view writes the words."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from ..jsonable import to_jsonable
from ..planner import CALCULATOR as PLANNER
from ..planner import Plan
from ..planner import compute as plan_compute
from ..planner.checkin import HOW_IT_WENT, SIGNS, CheckIn, Decision
from ..planner.log import (
    EMPTY,
    MAX_NOTES,
    MAX_SECONDS,
    Entry,
    Log,
    LogError,
    add,
    from_data,
    from_json,
    merge,
    next_id,
    remove,
    to_data,
)
from ..planner.next_runs import Position, replay_log, upcoming, valid_days
from ..planner.session import Segment, segments
from ..spec import InputError, Problem
from . import messages

REQUEST = "request"
UPCOMING = 4

Status = Literal["no-plan", "ok", "finished"]
LogStatus = Literal["ok", "empty", "unreadable", "future"]


@dataclass(frozen=True)
class TodayAnswers:
    """What the page passes from its storage: JSON documents, the log's text, the date."""

    plan: object | None
    log: str | None
    request: object | None
    settings: object | None
    today: dt.date


@dataclass(frozen=True)
class Settings:
    days: frozenset[int] | None = None
    """Chosen running days (0 = Monday), or None for the plan's own days."""
    at: dt.time | None = None
    alarm_minutes: int | None = None


@dataclass(frozen=True)
class SessionPlan:
    week: int
    week_index: int
    step_index: int
    session_in_week: int
    sessions_in_week: int
    repeats: int
    run_s: int
    walk_s: int
    date: dt.date
    segments: tuple[Segment, ...]


@dataclass(frozen=True)
class Today:
    status: Status
    today: dt.date
    plan: Plan | None = None
    session: SessionPlan | None = None
    upcoming: tuple[tuple[int, dt.date], ...] = ()
    """The next few sessions as (week index, date)."""
    remaining: tuple[tuple[int, dt.date], ...] = ()
    """Every session still to do, for the calendar file."""
    position: Position | None = None
    last_run: dt.date | None = None
    log: Log = EMPTY
    log_status: LogStatus = "empty"
    log_message: str = ""
    log_changed: bool = False
    done: str = ""
    """What the request did: "checkin", "edit", "delete", "import" or ""."""
    decision: Decision | None = None
    entry: Entry | None = None
    imported: int = 0
    clashes: int = 0
    settings: Settings = field(default_factory=Settings)
    decisions: tuple[tuple[Entry, Decision], ...] = ()

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        data.pop("remaining")
        data.pop("plan")  # the planner's own result; the page does not need it again
        data["log"] = to_data(self.log)
        data["settings"] = {
            "days": sorted(self.settings.days) if self.settings.days else None,
            "at": self.settings.at.strftime("%H:%M") if self.settings.at else None,
            "alarm_minutes": self.settings.alarm_minutes,
        }
        return data


def _saved_plan(raw: object, today: dt.date) -> Plan | None:
    """The plan from the planner's saved record ({format, savedAt, answers})."""
    if raw is None:
        return None
    if not isinstance(raw, Mapping) or not isinstance(raw.get("answers"), Mapping):
        raise InputError(Problem("plan", messages.PLAN_UNREADABLE))
    answers = dict(raw["answers"])
    # The plan is dated from the day it was saved, so its start stays put.
    saved = str(raw.get("savedAt") or "")[:10]
    answers["today"] = (
        saved if _is_date(saved) and saved <= today.isoformat() else today.isoformat()
    )
    parsed = PLANNER.parse(answers)
    if parsed.answers is None:
        raise InputError(
            Problem(
                "plan",
                messages.PLAN_REFUSED,
            )
        )
    try:
        return plan_compute(parsed.answers)
    except InputError:
        raise InputError(
            Problem(
                "plan",
                messages.PLAN_EXPIRED,
            )
        ) from None


def _is_date(text: str) -> bool:
    try:
        dt.date.fromisoformat(text)
        return len(text) == 10
    except ValueError:
        return False


def _read_log(text: str | None) -> tuple[Log, LogStatus, str]:
    if text is None or not text.strip():
        return EMPTY, "empty", ""
    try:
        return from_json(text), "ok", ""
    except LogError as error:
        return EMPTY, "future" if error.future else "unreadable", str(error)


def _settings(raw: object) -> Settings:
    if raw is None:
        return Settings()
    if not isinstance(raw, Mapping):
        raise InputError(Problem(REQUEST, messages.DAYS_UNREADABLE))
    days_raw = raw.get("days")
    days: frozenset[int] | None = None
    if days_raw:
        if not isinstance(days_raw, list) or not all(
            isinstance(d, int) and not isinstance(d, bool) and 0 <= d <= 6 for d in days_raw
        ):
            raise InputError(Problem(REQUEST, messages.DAYS_OUT_OF_RANGE))
        days = frozenset(days_raw)
        why = valid_days(days)
        if why:
            raise InputError(Problem(REQUEST, why))
    at = None
    if raw.get("at"):
        text = raw["at"]
        try:
            at = dt.time.fromisoformat(text) if isinstance(text, str) and len(text) == 5 else None
        except ValueError:
            at = None
        if at is None:
            raise InputError(Problem(REQUEST, messages.TIME_FORMAT_HELP))
    alarm = raw.get("alarm_minutes")
    if alarm is not None and (
        not isinstance(alarm, int) or isinstance(alarm, bool) or not 0 <= alarm <= 24 * 60
    ):
        raise InputError(Problem(REQUEST, messages.ALARM_OUT_OF_RANGE))
    return Settings(days, at, alarm)


def _checkin(raw: Mapping[str, Any]) -> CheckIn:
    how = raw.get("how")
    if how not in HOW_IT_WENT:
        raise InputError(Problem(REQUEST, messages.HOW_MISSING))
    symptoms = raw.get("symptoms") or []
    if not isinstance(symptoms, list) or not all(s in SIGNS for s in symptoms):
        raise InputError(Problem(REQUEST, messages.SYMPTOM_UNKNOWN))
    effort = raw.get("effort")
    if effort in ("", None):
        effort = None
    else:
        try:
            effort = int(effort)
        except (TypeError, ValueError):
            effort = 0
        if not 1 <= effort <= 10:
            raise InputError(
                Problem(
                    REQUEST,
                    messages.EFFORT_OUT_OF_RANGE,
                )
            )
    notes = raw.get("notes") or ""
    if not isinstance(notes, str) or len(notes) > MAX_NOTES:
        raise InputError(Problem(REQUEST, messages.NOTES_TOO_LONG))
    ordered = tuple(k for k in SIGNS if k in symptoms)  # a stable order, no repeats
    return CheckIn(how=how, symptoms=ordered, effort=effort, notes=notes.strip())


def _seconds(raw: Mapping[str, Any], key: str, ceiling: int) -> int | None:
    value = raw.get(key)
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise InputError(Problem(REQUEST, messages.TIMER_UNREADABLE))
    return max(0, min(int(value), ceiling, MAX_SECONDS))


def _run_done(body: Mapping[str, Any], checkin: CheckIn, planned_s: int) -> int:
    """Running done: the timer's figure, or without the timer, the plan's when
    the reader says she finished (she may have timed it on her own watch)."""
    timed = _seconds(body, "run_done_s", planned_s)
    if timed is not None:
        return timed
    return planned_s if checkin.how in ("no-symptoms", "symptoms-after") else 0


def _session(plan: Plan, at: Position, day: dt.date) -> SessionPlan:
    week = plan.weeks[at.week_index]
    step = plan.steps[week.step_index]
    return SessionPlan(
        week=week.number,
        week_index=at.week_index,
        step_index=week.step_index,
        session_in_week=min(at.done_in_week, len(week.sessions) - 1) + 1,
        sessions_in_week=len(week.sessions),
        repeats=step.repeats,
        run_s=step.run_s,
        walk_s=step.walk_s,
        date=day,
        segments=segments(step),
    )


def compute(answers: TodayAnswers) -> Today:
    today = answers.today
    settings = _settings(answers.settings)
    plan = _saved_plan(answers.plan, today)
    log, log_status, log_message = _read_log(answers.log)
    request = answers.request
    if plan is None:
        return Today(
            "no-plan",
            today,
            log=log,
            log_status=log_status,
            log_message=log_message,
            settings=settings,
        )
    before = replay_log(plan, log)
    done, entry, imported, clashes = "", None, 0, 0
    if request is not None:
        if not isinstance(request, Mapping) or len(request) != 1:
            raise InputError(Problem(REQUEST, messages.REQUEST_UNKNOWN))
        ((kind, body),) = request.items()
        if kind == "checkin" and isinstance(body, Mapping):
            checkin = _checkin(body)
            edit = body.get("edit")
            if edit:
                old = next((e for e in log.entries if e.id == edit), None)
                if old is None:
                    raise InputError(Problem(REQUEST, messages.SESSION_GONE))
                entry = Entry(**{**old.__dict__, "checkin": checkin})
                done = "edit"
            else:
                doing = _session(plan, before.position, today)
                session_s = sum(s.seconds for s in doing.segments)
                walked = _seconds(body, "walked_from_s", session_s)
                entry = Entry(
                    id=next_id(log, today),
                    date=today,
                    week=doing.week,
                    step_index=doing.step_index,
                    repeats=doing.repeats,
                    run_s=doing.run_s,
                    walk_s=doing.walk_s,
                    run_done_s=_run_done(body, checkin, doing.repeats * doing.run_s),
                    walked_from_s=walked,
                    checkin=checkin,
                )
                done = "checkin"
            log = add(log, entry)
        elif kind == "delete" and isinstance(body, str):
            if all(e.id != body for e in log.entries):
                raise InputError(Problem(REQUEST, messages.SESSION_GONE))
            log, done = remove(log, body), "delete"
        elif kind == "import" and isinstance(body, str):
            try:
                theirs = from_json(body)
            except LogError as error:
                raise InputError(Problem(REQUEST, messages.nothing_imported(str(error)))) from None
            merged, clashes = merge(log, theirs)
            imported = len(merged.entries) - len(log.entries)
            log, done = merged, "import"
        else:
            raise InputError(Problem(REQUEST, messages.REQUEST_UNKNOWN))
    after = replay_log(plan, log)
    decision = next((d for e, d in after.decisions if entry is not None and e.id == entry.id), None)
    last_run = max((e.date for e in log.entries), default=None)
    # A run already logged today: the next one waits for a rest day.
    remaining = upcoming(
        plan,
        after.position,
        today=today,
        last_run=last_run,
        days=settings.days,
        count=len(plan.weeks) * plan.runs_per_week,
    )
    next_sessions = remaining[:UPCOMING]
    session = _session(plan, after.position, next_sessions[0][1]) if next_sessions else None
    return Today(
        status="finished" if after.position.finished else "ok",
        today=today,
        plan=plan,
        session=None if after.position.finished else session,
        upcoming=next_sessions,
        remaining=() if after.position.finished else remaining,
        position=after.position,
        last_run=last_run,
        log=log,
        log_status=log_status,
        log_message=log_message,
        log_changed=bool(done),
        done=done,
        decision=decision,
        entry=entry,
        imported=imported,
        clashes=clashes,
        settings=settings,
        decisions=after.decisions,
    )


def log_from_result(data: Mapping[str, Any]) -> Log:
    """The stored log back from a result's data (the page stores exactly this)."""
    return from_data(data["log"])
