"""Every calculator the site offers, by the name used in Markdown and on the CLI."""

from __future__ import annotations

from typing import Any

from .spec import Calculator
from .planner import CALCULATOR as PLANNER
from .readiness import CALCULATOR as READINESS
from .timeline import CALCULATOR as TIMELINE

CALCULATORS: dict[str, Calculator[Any]] = {
    TIMELINE.form.name: TIMELINE,
    READINESS.form.name: READINESS,
    PLANNER.form.name: PLANNER,
}
