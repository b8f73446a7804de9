"""Every calculator the site offers, by the name used in Markdown and on the CLI.

Each calculator's package is imported only when first asked for: in the
browser, a page pays only for the calculator it shows (importing all three
took a third of a second on Pyodide).
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping
from typing import Any

from .spec import Calculator

NAMES: tuple[str, ...] = ("timeline", "readiness", "planner", "today")
"""Each name is also the subpackage that exports `CALCULATOR`."""


class _Registry(Mapping[str, Calculator[Any, Any]]):
    def __getitem__(self, name: str) -> Calculator[Any, Any]:
        if name not in NAMES:
            raise KeyError(name)
        calculator: Calculator[Any, Any] = importlib.import_module(
            f"{__package__}.{name}"
        ).CALCULATOR
        return calculator

    def __iter__(self) -> Iterator[str]:
        return iter(NAMES)

    def __len__(self) -> int:
        return len(NAMES)


CALCULATORS: Mapping[str, Calculator[Any, Any]] = _Registry()
