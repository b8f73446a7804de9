"""What the reader is told when the page's request or her saved data cannot be used."""

from __future__ import annotations

from ..planner.log import MAX_NOTES

TIME_FORMAT_HELP = "Enter a time as hours and minutes, for example 07:30."
PLAN_UNREADABLE = "Your saved plan could not be read. Make it again in the planner."
PLAN_REFUSED = (
    "Your saved plan has an answer the planner no longer accepts. "
    "Open the planner, check it and save it again."
)
PLAN_EXPIRED = (
    "Your saved plan no longer works (its start date may have passed). "
    "Open the planner and make it again."
)
DAYS_UNREADABLE = "Your running days could not be read."
DAYS_OUT_OF_RANGE = "Choose running days from Monday to Sunday."
ALARM_OUT_OF_RANGE = "Choose a reminder from 0 to 1440 minutes before."
HOW_MISSING = "Choose how the run went."
SYMPTOM_UNKNOWN = "A symptom was not one we know. Reload the page and try again."
EFFORT_OUT_OF_RANGE = "Choose an effort from 1 (very easy) to 10 (flat out), or leave it empty."
NOTES_TOO_LONG = f"Keep your notes under {MAX_NOTES} characters."
TIMER_UNREADABLE = "The timer's figures could not be read."
REQUEST_UNKNOWN = "The page sent a request we do not know. Reload it and try again."
SESSION_GONE = "That session is no longer in your log."


def nothing_imported(why: str) -> str:
    return f"Nothing was imported. {why}"
