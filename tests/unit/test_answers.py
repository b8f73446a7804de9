"""Each calculator's typed answers match its declared fields, and defaults are the parser's.

A calculator's `answers` dataclass is what compute is given. These tests hold
it to the form: the same names in the same order, each typed as its field
parses (optional only where a blank parses to None), and compute modules that
never reach back into a form for a default.
"""

from __future__ import annotations

import ast
import dataclasses
import datetime as dt
import typing
from pathlib import Path

import pytest

from calculators import CALCULATORS, run
from calculators.fields import FieldError

ROOT = Path(__file__).resolve().parents[2]
NAMES = sorted(CALCULATORS)


def _expected_type(field: object) -> object:
    kind = field.value_type  # type: ignore[attr-defined]
    try:
        blank = field.parse(None)  # type: ignore[attr-defined]
    except FieldError:
        return kind  # required: never blank once parsed
    return kind | None if blank is None else kind


@pytest.mark.parametrize("name", NAMES)
def test_answers_are_a_frozen_dataclass_of_the_forms_fields(name: str) -> None:
    calculator = CALCULATORS[name]
    answers = calculator.answers
    assert dataclasses.is_dataclass(answers)
    assert answers.__dataclass_params__.frozen  # type: ignore[attr-defined]
    declared = [f.name for f in calculator.form.fields()]
    assert [f.name for f in dataclasses.fields(answers)] == declared


@pytest.mark.parametrize("name", NAMES)
def test_each_answer_is_typed_as_its_field_parses(name: str) -> None:
    calculator = CALCULATORS[name]
    hints = typing.get_type_hints(calculator.answers)
    for field in calculator.form.fields():
        assert hints[field.name] == _expected_type(field), field.name


@pytest.mark.parametrize("name", NAMES)
def test_a_blank_form_parses_to_its_defaults_or_its_required_problems(name: str) -> None:
    calculator = CALCULATORS[name]
    parsed = calculator.parse({})
    required = {f.name for f in calculator.form.fields() if f.required and f.default is None}
    assert {p.field for p in parsed.problems} == required
    for field in calculator.form.fields():
        if field.name in parsed.values and field.default is not None:
            assert parsed.values[field.name] == field.parse(field.default)
            assert parsed.values[field.name] is not None


def test_defaults_reach_compute_from_the_declaration() -> None:
    parsed = CALCULATORS["planner"].parse({"today": "2026-01-07"})
    assert parsed.answers is not None
    assert parsed.answers.runs_per_week == 3  # the declared "3", as a number
    assert parsed.answers.level == "run30-walk120"
    assert parsed.answers.today == dt.date(2026, 1, 7)


def test_a_blank_today_is_todays_date() -> None:
    parsed = CALCULATORS["timeline"].parse({"weeks_since_birth": 3})
    assert parsed.answers is not None and parsed.answers.today == dt.date.today()


def test_json_numbers_and_booleans_are_taken_as_such() -> None:
    as_json = run(
        "planner",
        {"today": "2026-01-07", "runs_per_week": 4, "easy_pace": 7, "bmi_over_30": True},
    )
    as_form = run(
        "planner",
        {"today": "2026-01-07", "runs_per_week": "4", "easy_pace": "7", "bmi_over_30": "true"},
    )
    assert as_json["ok"] and as_json == as_form
    assert as_json["result"]["runs_per_week"] == 4


def _imports(path: Path) -> set[str]:
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            found.add("." * node.level + (node.module or ""))
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


@pytest.mark.parametrize("name", NAMES)
def test_compute_never_imports_a_form(name: str) -> None:
    imported = _imports(ROOT / "calculators" / name / "compute.py")
    forms = {i for i in imported if i.endswith(".form") or i == "FORM" or i.endswith("_FORM")}
    assert not forms, f"{name}/compute.py imports {forms}: take the answers record instead"
