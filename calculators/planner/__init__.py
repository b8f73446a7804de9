"""Run/walk planner: a week-by-week plan from a walk-run start to a goal, one change at a time."""

from ..spec import Calculator, InputError
from .adapt import Advice, follow, next_step
from .compute import Plan, PlannerAnswers, Session, Week, compute, cross_field_problems
from .engine import Ramp, Step, build_steps, schedule
from .exports import csv_text, downloads, ics
from .form import FORM
from .view import render

CALCULATOR: Calculator[PlannerAnswers, Plan] = Calculator(
    form=FORM,
    answers=PlannerAnswers,
    compute=compute,
    render=render,
    to_data=Plan.to_data,
    downloads=downloads,
    check=cross_field_problems,
)


def build_plan(**answers: object) -> Plan:
    """The plan for these answers, read as the form reads them (its defaults
    included). Raises InputError for any answer the form or the plan refuses."""
    parsed = CALCULATOR.parse(answers)
    if parsed.answers is None:
        raise InputError(*parsed.problems)
    return compute(parsed.answers)


__all__ = [
    "CALCULATOR",
    "FORM",
    "Advice",
    "Plan",
    "PlannerAnswers",
    "Ramp",
    "Session",
    "Step",
    "Week",
    "build_plan",
    "build_steps",
    "compute",
    "csv_text",
    "downloads",
    "follow",
    "ics",
    "next_step",
    "render",
    "schedule",
]
