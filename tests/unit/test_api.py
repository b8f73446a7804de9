"""The JSON-in, JSON-out entry point and the command line, for every calculator."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run, run_json

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=12), inner, max_size=4),
    max_leaves=12,
)


def assert_clean_error(outcome: dict) -> None:
    assert outcome["ok"] is False
    assert outcome["errors"], outcome
    for error in outcome["errors"]:
        assert set(error) == {"field", "message"}
        assert isinstance(error["field"], str) and isinstance(error["message"], str)
        assert "Traceback" not in error["message"]


@pytest.mark.parametrize("name", sorted(CALCULATORS))
@settings(max_examples=150, deadline=None)
@given(payload=JSON)
def test_junk_never_raises(name: str, payload: object) -> None:
    outcome = run(name, payload)
    if not outcome["ok"]:
        assert_clean_error(outcome)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
@settings(max_examples=150, deadline=None)
@given(data=st.data())
def test_junk_values_for_real_fields_never_raise(name: str, data: st.DataObject) -> None:
    fields = [f.name for f in CALCULATORS[name].form.fields()]
    payload = data.draw(st.dictionaries(st.sampled_from(fields), JSON, max_size=len(fields)))
    outcome = run(name, payload)
    if not outcome["ok"]:
        assert_clean_error(outcome)


def test_unknown_calculator_is_an_error_not_a_crash() -> None:
    assert_clean_error(run("nope", {}))


def test_unknown_field_is_named() -> None:
    outcome = run("timeline", {"weeks_since_birth": 3, "colour": "blue"})
    assert {"field": "colour", "message": "“colour” is not a question in this form."} in outcome["errors"]


def test_run_json_matches_run() -> None:
    payload = {"weeks_since_birth": 14, "today": "2026-11-23"}
    assert json.loads(run_json("timeline", json.dumps(payload), "/")) == run("timeline", payload, site_root="/")
    assert_clean_error(json.loads(run_json("timeline", "{not json")))


def cli(*args: str, stdin: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", *args], input=stdin, capture_output=True, text=True, check=False
    )


def test_cli_prints_the_result_as_json() -> None:
    done = cli("timeline", "--input", "-", stdin='{"weeks_since_birth": 13, "today": "2026-11-23"}')
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["result"]["weeks"] == 13


def test_cli_exits_non_zero_with_the_same_messages() -> None:
    done = cli("timeline", "--input", "-", stdin='{"birth_date": "2026-02-30"}')
    assert done.returncode == 2
    assert "birth_date: That date does not exist. Check the day and the month." in done.stderr
    assert json.loads(done.stdout)["ok"] is False


def test_cli_reports_unreadable_json() -> None:
    done = cli("timeline", "--input", "-", stdin="{")
    assert done.returncode == 2 and "not valid JSON" in done.stderr


def test_registry_names_match_the_packages() -> None:
    for name in CALCULATORS:
        assert CALCULATORS[name].form.name == name
    assert "nope" not in CALCULATORS


# Every problem at once: a cross-field check still runs when another answer
# failed to parse (issue: the missing date appeared only on the next submit).
@pytest.mark.parametrize(
    ("name", "payload", "fields"),
    [
        ("readiness", {}, {"birth_type", "birth_date"}),
        ("readiness", {"birth_type": "x", "birth_date": "2030-01-01", "today": "2026-01-01"}, {"birth_type", "birth_date"}),
        ("timeline", {"birth_date": "2026-01-01", "weeks_since_birth": "3", "nope": 1}, {"nope", "weeks_since_birth"}),
        ("planner", {"runs_per_week": "9", "start_date": "2020-01-01", "today": "2026-01-07"}, {"runs_per_week", "start_date"}),
        ("planner", {"pace": "x", "level": "run120-walk60", "goal": "run-20", "today": "2026-01-07"}, {"pace"}),
    ],
)
def test_every_problem_is_reported_at_once(name: str, payload: dict, fields: set[str]) -> None:
    outcome = run(name, payload)
    assert not outcome["ok"]
    assert {e["field"] for e in outcome["errors"]} >= fields
    assert len(outcome["errors"]) == len({(e["field"], e["message"]) for e in outcome["errors"]})


def test_a_check_on_a_field_that_failed_is_not_repeated() -> None:
    outcome = run("readiness", {"birth_type": "vaginal", "birth_date": "not a date"})
    assert [e["field"] for e in outcome["errors"]] == ["birth_date"]
