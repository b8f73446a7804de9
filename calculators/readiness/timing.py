"""Time since birth, worked out by the timeline's own rules (imported, not copied)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..timeline.compute import TimelineAnswers
from ..timeline.compute import compute as timeline_compute
from .questions import MIN_WEEKS


@dataclass(frozen=True)
class Timing:
    today: dt.date
    birth_date: dt.date
    is_estimate: bool
    """True when counted from weeks rather than a date: dates are then "about"."""
    days_since_birth: int
    weeks: int
    days: int
    earliest_date: dt.date
    """Birth plus the 12-week minimum."""

    @property
    def met(self) -> bool:
        return self.days_since_birth >= MIN_WEEKS * 7

    @property
    def days_to_go(self) -> int:
        return max(0, MIN_WEEKS * 7 - self.days_since_birth)


def work_out_timing(birth_date: dt.date | None, weeks: int | None, today: dt.date) -> Timing:
    """Validate the birth answers exactly as the timeline does, then measure."""
    # The shared `today` field already rejects a device clock in a far-off year.
    timeline = timeline_compute(TimelineAnswers(birth_date, weeks, today))
    return Timing(
        today=today,
        birth_date=timeline.birth_date,
        is_estimate=timeline.birth_date_is_estimate,
        days_since_birth=timeline.days_since_birth,
        weeks=timeline.weeks,
        days=timeline.days,
        earliest_date=timeline.birth_date + dt.timedelta(weeks=MIN_WEEKS),
    )
