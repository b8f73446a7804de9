"""Every calculator the site offers, by the name used in Markdown and on the CLI."""

from __future__ import annotations

from typing import Any

from .spec import Calculator
from .timeline import CALCULATOR as TIMELINE

CALCULATORS: dict[str, Calculator[Any]] = {
    TIMELINE.form.name: TIMELINE,
}
