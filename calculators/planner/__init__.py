"""Run/walk planner: a week-by-week plan from a walk-run start to a goal, one change at a time."""

from ..spec import Calculator
from .adapt import Advice, follow, next_step
from .compute import Plan, Session, Week, build_plan, compute, cross_field_problems
from .engine import Ramp, Step, build_steps, schedule
from .exports import csv_text, downloads, ics
from .form import FORM
from .view import render

CALCULATOR: Calculator[Plan] = Calculator(
    form=FORM,
    compute=compute,
    render=render,
    to_data=Plan.to_data,
    downloads=downloads,
    check=cross_field_problems,
)

__all__ = [
    "CALCULATOR",
    "FORM",
    "Advice",
    "Plan",
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
