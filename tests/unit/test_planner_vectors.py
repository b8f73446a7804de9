"""Scenario vectors for the run/walk planner: one JSON file per case.

Adding a case means adding a file to tests/vectors/planner/. The browser tests
read the same files, so every input is what the form (or the CLI) sends, with
"today" fixed so the dates are deterministic.

`expect` holds:
- "ok": whether the answers give a plan;
- "errors": {field: message}, exactly, when they do not;
- "weeks": the number of weeks; "pattern": one letter a week
  (S start, C change, R repeat, G goal);
- "result": top-level result values to match;
- "week": {"N" or "last": week fields to match, with "dates" of its sessions}.
"""

from __future__ import annotations

from typing import Any

import pytest

from calculators import run
from sitebuild.vectors import Vector, load

VECTORS = load("planner")
LETTER = {"start": "S", "change": "C", "repeat": "R", "goal": "G"}


def test_there_are_enough_vectors() -> None:
    assert sum(v.expect["ok"] for v in VECTORS) >= 8
    assert sum(not v.expect["ok"] for v in VECTORS) >= 10


def _week(result: dict[str, Any], key: str) -> dict[str, Any]:
    weeks = result["weeks"]
    return weeks[-1] if key == "last" else weeks[int(key) - 1]


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_vector(vector: Vector) -> None:
    outcome = run("planner", vector.input)
    expect = vector.expect
    assert outcome["ok"] is expect["ok"], outcome.get("errors")
    if not expect["ok"]:
        assert {e["field"]: e["message"] for e in outcome["errors"]} == expect["errors"]
        return
    result = outcome["result"]
    assert len(result["weeks"]) == expect["weeks"]
    assert "".join(LETTER[w["kind"]] for w in result["weeks"]) == expect["pattern"]
    for key, value in expect["result"].items():
        assert result[key] == value, key
    for key, fields in expect["week"].items():
        week = _week(result, key)
        for name, value in fields.items():
            actual = [s["date"] for s in week["sessions"]] if name == "dates" else week[name]
            assert actual == value, (key, name)
    assert f'data-weeks="{expect["weeks"]}"' in outcome["html"]
