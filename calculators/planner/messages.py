"""What the reader is told when her answers cannot make a plan."""

from __future__ import annotations

import datetime as dt

from ..html import long_date

GOAL_TOO_SHORT = "You can already run that much at your starting level. Choose a longer goal."
START_TOO_LATE = "That is more than a year away. Choose a date within the next year."


def start_too_early(earliest: dt.date) -> str:
    return f"That date is more than a week ago. Choose {long_date(earliest)} or later."


UNIT_WORDS = {"km": "minutes per km", "mi": "minutes per mile"}


def pace_out_of_range(low: int, high: int, unit: str) -> str:
    return f"Enter a number from {low} to {high} {UNIT_WORDS[unit]}."
