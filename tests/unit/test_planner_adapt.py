"""The symptom rules: what to do next week, given how this week went."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from calculators.planner import Plan, build_plan, follow, next_step

OUTCOMES = ("no-symptoms", "symptoms-during", "symptoms-after", "sore-or-ill")
SETBACKS = OUTCOMES[1:]


@pytest.fixture(scope="module")
def plan() -> Plan:
    return build_plan(today=dt.date(2026, 1, 7))


PLANS = [
    build_plan(today=dt.date(2026, 1, 7)),
    build_plan(today=dt.date(2026, 1, 7), level="run120-walk60", goal="run-20", pace="standard"),
    build_plan(today=dt.date(2026, 1, 7), bmi_over_30=True, poor_sleep=True, runs_per_week=4),
]


def test_no_symptoms_moves_on_one_step(plan: Plan) -> None:
    advice = next_step(plan, 4, "no-symptoms")
    assert (advice.index, advice.action) == (5, "advance")


@pytest.mark.parametrize("outcome", SETBACKS)
def test_a_first_setback_repeats_the_step(plan: Plan, outcome: str) -> None:
    advice = next_step(plan, 4, outcome)
    assert (advice.index, advice.action) == (4, "repeat")


@pytest.mark.parametrize("outcome", SETBACKS)
def test_a_setback_that_recurs_goes_back_one_step(plan: Plan, outcome: str) -> None:
    advice = next_step(plan, 4, outcome, recurred=True)
    assert (advice.index, advice.action) == (3, "back")


def test_symptoms_at_the_first_step_never_go_below_it(plan: Plan) -> None:
    advice = next_step(plan, 0, "symptoms-during", recurred=True)
    assert advice.index == 0
    assert "physiotherapist" in advice.reason


def test_the_goal_is_the_end(plan: Plan) -> None:
    last = len(plan.steps) - 1
    advice = next_step(plan, last, "no-symptoms")
    assert (advice.index, advice.action) == (last, "finished")


def test_an_index_outside_the_plan_is_brought_back_inside(plan: Plan) -> None:
    assert next_step(plan, -3, "symptoms-after").index == 0
    assert next_step(plan, 999, "sore-or-ill").index == len(plan.steps) - 1


def test_an_unknown_outcome_is_a_programming_error(plan: Plan) -> None:
    with pytest.raises(ValueError, match="Unknown outcome"):
        next_step(plan, 0, "fine")


def test_a_log_of_weeks_recurs_only_on_back_to_back_setbacks(plan: Plan) -> None:
    log = [
        "no-symptoms",
        "no-symptoms",
        "symptoms-during",
        "symptoms-after",
        "no-symptoms",
        "sore-or-ill",
        "no-symptoms",
        "sore-or-ill",
        "sore-or-ill",
    ]
    indexes = [a.index for a in follow(plan, log)]
    assert indexes == [1, 2, 2, 1, 2, 2, 3, 3, 2]
    actions = [a.action for a in follow(plan, log)]
    assert actions == [
        "advance",
        "advance",
        "repeat",
        "back",
        "advance",
        "repeat",
        "advance",
        "repeat",
        "back",
    ]


@settings(max_examples=200, deadline=None)
@given(
    which=st.integers(min_value=0, max_value=len(PLANS) - 1),
    where=st.integers(min_value=0, max_value=100),
    outcome=st.sampled_from(OUTCOMES),
    recurred=st.booleans(),
)
def test_never_advances_on_a_setback_and_never_leaves_the_plan(
    which: int, where: int, outcome: str, recurred: bool
) -> None:
    plan = PLANS[which]
    last = len(plan.steps) - 1
    index = min(where, last)
    advice = next_step(plan, index, outcome, recurred=recurred)
    assert 0 <= advice.index <= last
    if outcome == "no-symptoms":
        assert advice.index == min(index + 1, last)
    else:
        assert advice.index <= index
        assert advice.index == (max(index - 1, 0) if recurred else index)


@settings(max_examples=100, deadline=None)
@given(log=st.lists(st.sampled_from(OUTCOMES), max_size=60))
def test_following_any_log_stays_inside_and_only_moves_up_without_symptoms(log: list[str]) -> None:
    plan = PLANS[0]
    index = 0
    for outcome, advice in zip(log, follow(plan, log), strict=True):
        assert 0 <= advice.index < len(plan.steps)
        if outcome != "no-symptoms":
            assert advice.index <= index
        else:
            assert advice.index >= index
        index = advice.index
