"""Scenario vectors: one JSON file per case under tests/vectors/<calculator>/.

Both the native tests and the browser tests read these files, so the page is
checked against exactly the cases the Python is.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1] / "tests" / "vectors"


@dataclass(frozen=True)
class Vector:
    calculator: str
    name: str
    description: str
    input: dict[str, Any]
    expect: dict[str, Any]
    native_only: bool = False
    """Input no form can send (a list, an unknown field): checked natively only."""


def load(calculator: str) -> list[Vector]:
    vectors = []
    for path in sorted((ROOT / calculator).glob("*.json")):
        data = json.loads(path.read_text(encoding="utf-8"))
        vectors.append(
            Vector(
                calculator,
                path.stem,
                data.get("description", ""),
                data["input"],
                data["expect"],
                data.get("native_only", False),
            )
        )
    if not vectors:
        raise AssertionError(f"no vectors found for {calculator}")
    return vectors
