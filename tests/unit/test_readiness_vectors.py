"""Scenario vectors for the readiness check: one JSON file per case.

Adding a case means adding a file to tests/vectors/readiness/. The browser
tests read the same files (through sitebuild.vectors.load), so the inputs are
answers a form or the command line sends. A file marked "native_only" holds
input no form can send (a list, an unknown field), for the browser to skip.
"""

from __future__ import annotations

import json
import re

import pytest

from calculators import run
from sitebuild.vectors import ROOT, Vector, load

VECTORS = load("readiness")
VERDICTS = {"see-professional", "not-yet", "ready"}

# Expectations compared as plain values or exact lists, in the result's own order.
SAME = (
    "verdict",
    "unmet",
    "warnings",
    "start_level",
    "planner_link",
    "earliest_date",
    "earliest_date_is_estimate",
    "start_reasons",
)


def test_there_are_vectors() -> None:
    assert len(VECTORS) >= 40


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_vector_is_well_formed(vector: Vector) -> None:
    raw = json.loads((ROOT / "readiness" / f"{vector.name}.json").read_text(encoding="utf-8"))
    assert set(raw) <= {"description", "input", "expect", "native_only"}
    assert vector.description.strip()
    expect = vector.expect
    assert isinstance(expect["ok"], bool)
    if not expect["ok"]:
        assert expect["errors"] and set(expect) == {"ok", "errors"}
        return
    assert expect["verdict"] in VERDICTS
    if expect["verdict"] == "not-yet":
        assert expect.get("unmet"), "a not-yet vector must name its unmet items"
    assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", vector.input["today"]), "fix today's date"


@pytest.mark.parametrize("vector", VECTORS, ids=[v.name for v in VECTORS])
def test_vector(vector: Vector) -> None:
    expect = vector.expect
    outcome = run("readiness", vector.input)
    assert outcome["ok"] is expect["ok"], outcome.get("errors") or outcome["result"]["verdict"]

    if not expect["ok"]:
        assert {e["field"]: e["message"] for e in outcome["errors"]} == expect["errors"]
        return

    result = outcome["result"]
    for key in SAME:
        if key in expect:
            assert result[key] == expect[key], key
    if "professionals" in expect:
        assert [p["key"] for p in result["professionals"]] == expect["professionals"]
    if "now" in expect:
        assert [s["key"] for s in result["now"]] == expect["now"]
    if "lowering" in expect:
        lowering = sorted(f["key"] for f in result["factors"] if f["lowers_start"])
        assert lowering == sorted(expect["lowering"])

    # The unmet and warning keys always agree with the item statuses.
    items = result["items"]
    assert result["unmet"] == [i["key"] for i in items if i["status"] == "not-met"]
    assert result["warnings"] == [i["key"] for i in items if i["status"] == "warning"]

    # The page shows the same verdict and the same items with the same
    # statuses: in each group, those needing attention first, in order, then
    # the routine ones (folded away), in order.
    html = outcome["html"]
    assert f'data-verdict="{result["verdict"]}"' in html
    shown = re.findall(r'<li class="rtr-item" data-key="([^"]+)" data-status="([^"]+)"', html)
    groups = list(dict.fromkeys(i["group"] for i in items))
    expected = [
        (i["key"], i["status"])
        for group in groups
        for routine in (False, True)
        for i in items
        if i["group"] == group and (i["status"] == "met") == routine
    ]
    assert shown == expected
