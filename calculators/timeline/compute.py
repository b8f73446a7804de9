"""Pure computation of the timeline: dates in, dated milestones out."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Literal

from ..jsonable import to_jsonable
from ..spec import InputError, Problem
from . import messages
from .milestones import MAX_WEEKS, MILESTONES, MilestoneRule

Status = Literal["done", "now", "next", "later"]


@dataclass(frozen=True)
class TimelineAnswers:
    birth_date: dt.date | None
    weeks_since_birth: int | None
    today: dt.date


@dataclass(frozen=True)
class Milestone:
    key: str
    title: str
    from_week: int
    until_week: int | None
    starts: dt.date
    ends: dt.date | None
    status: Status
    summary: str
    page: str
    sources: tuple[str, ...]


@dataclass(frozen=True)
class Timeline:
    today: dt.date
    birth_date: dt.date
    birth_date_is_estimate: bool
    days_since_birth: int
    weeks: int
    days: int
    milestones: tuple[Milestone, ...]

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        return data


def _status(rule: MilestoneRule, weeks_float: float) -> Literal["done", "now", "later"]:
    end = rule.until_week if rule.until_week is not None else rule.from_week
    if rule.until_week is None and weeks_float >= rule.from_week:
        return "done"
    if weeks_float >= end:
        return "done"
    if weeks_float >= rule.from_week:
        return "now"
    return "later"


def build_timeline(birth_date: dt.date, today: dt.date, *, estimated: bool) -> Timeline:
    days_since = (today - birth_date).days
    statuses: list[Status] = [_status(rule, days_since / 7) for rule in MILESTONES]
    # The first milestone still ahead is the one to prepare for.
    if "later" in statuses:
        statuses[statuses.index("later")] = "next"
    milestones = tuple(
        Milestone(
            key=rule.key,
            title=rule.title,
            from_week=rule.from_week,
            until_week=rule.until_week,
            starts=birth_date + dt.timedelta(weeks=rule.from_week),
            ends=None
            if rule.until_week is None
            else birth_date + dt.timedelta(weeks=rule.until_week),
            status=status,
            summary=rule.summary,
            page=rule.page,
            sources=rule.sources,
        )
        for rule, status in zip(MILESTONES, statuses, strict=True)
    )
    weeks, days = divmod(days_since, 7)
    return Timeline(
        today=today,
        birth_date=birth_date,
        birth_date_is_estimate=estimated,
        days_since_birth=days_since,
        weeks=weeks,
        days=days,
        milestones=milestones,
    )


def compute(answers: TimelineAnswers) -> Timeline:
    today, birth_date, weeks = answers.today, answers.birth_date, answers.weeks_since_birth
    if birth_date is not None and weeks is not None:
        raise InputError(Problem("weeks_since_birth", messages.BOTH_GIVEN))
    if weeks is not None:
        return build_timeline(today - dt.timedelta(weeks=weeks), today, estimated=True)
    if birth_date is None:
        raise InputError(Problem("birth_date", messages.NEITHER_GIVEN))
    if birth_date > today:
        raise InputError(Problem("birth_date", messages.IN_THE_FUTURE))
    if (today - birth_date).days > MAX_WEEKS * 7:
        raise InputError(Problem("birth_date", messages.TOO_LONG_AGO))
    return build_timeline(birth_date, today, estimated=False)


TIMING_FIELDS = frozenset({"birth_date", "weeks_since_birth", "today"})


def timing_problems(values: Mapping[str, Any], failed: frozenset[str]) -> list[Problem]:
    """The date checks, on their own, for when another answer failed to parse."""
    if failed & TIMING_FIELDS:
        return []
    try:
        compute(TimelineAnswers(**{name: values[name] for name in TIMING_FIELDS}))
    except InputError as error:
        return list(error.problems)
    return []
