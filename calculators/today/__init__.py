"""Today's run: the saved plan's next session as a timer script, the check-in, and the log."""

from ..planner.exports import ics
from ..planner.log import CSV_FILENAME, JSON_FILENAME, csv_text, to_json
from ..spec import Calculator, Download
from .compute import Today, TodayAnswers, compute
from .form import FORM
from .view import ICS_FILENAME, render


def downloads(t: Today) -> tuple[Download, ...]:
    files = [
        Download(JSON_FILENAME, "application/json", to_json(t.log)),
        Download(CSV_FILENAME, "text/csv", csv_text(t.log)),
    ]
    if t.plan is not None and t.remaining:
        sessions = tuple((t.plan.weeks[w], day) for w, day in t.remaining)
        files.append(
            Download(
                ICS_FILENAME,
                "text/calendar",
                ics(
                    t.plan,
                    sessions=sessions,
                    at=t.settings.at,
                    alarm_minutes=t.settings.alarm_minutes,
                ),
            )
        )
    return tuple(files)


CALCULATOR: Calculator[TodayAnswers, Today] = Calculator(
    form=FORM,
    answers=TodayAnswers,
    compute=compute,
    render=render,
    to_data=Today.to_data,
    downloads=downloads,
)

__all__ = ["CALCULATOR", "FORM", "Today", "TodayAnswers", "compute", "downloads", "render"]
