"""Readiness check: one verdict (see-professional, not-yet or ready), item by item."""

from ..spec import Calculator
from ..timeline.compute import timing_problems
from .compute import VERDICT_ORDER, Item, Readiness, ReadinessAnswers, compute, refer
from .form import FORM
from .view import render

CALCULATOR: Calculator[ReadinessAnswers, Readiness] = Calculator(
    form=FORM,
    answers=ReadinessAnswers,
    compute=compute,
    render=render,
    to_data=Readiness.to_data,
    check=timing_problems,
    refer=refer,
)

__all__ = [
    "CALCULATOR",
    "FORM",
    "VERDICT_ORDER",
    "Item",
    "Readiness",
    "ReadinessAnswers",
    "compute",
    "render",
]
