"""Postpartum timeline: where you are since birth, and the dated milestones ahead."""

from ..spec import Calculator
from .compute import Milestone, Timeline, TimelineAnswers, compute, timing_problems
from .form import FORM
from .view import render

CALCULATOR: Calculator[TimelineAnswers, Timeline] = Calculator(
    form=FORM,
    answers=TimelineAnswers,
    compute=compute,
    render=render,
    to_data=Timeline.to_data,
    check=timing_problems,
)

__all__ = ["CALCULATOR", "FORM", "Milestone", "Timeline", "TimelineAnswers", "compute", "render"]
