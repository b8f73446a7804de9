"""The field reference on "How the calculators work" is generated from the
declarations, so it lists exactly the fields each calculator takes."""

from __future__ import annotations

import re
from pathlib import Path

import markdown
import pytest

from calculators.registry import CALCULATORS

PAGE = Path(__file__).resolve().parents[2] / "docs/about/how-it-works.md"
DOCUMENTED = ("timeline", "readiness", "planner")


def rendered() -> str:
    return markdown.markdown(
        PAGE.read_text(encoding="utf-8"), extensions=["tables", "calculator_embed"]
    )


def test_the_page_types_no_field_table_by_hand() -> None:
    text = PAGE.read_text(encoding="utf-8")
    assert "| field |" not in text
    assert re.findall(r"^\[\[fields (\w+)\]\]$", text, re.M) == list(DOCUMENTED)


@pytest.mark.parametrize("name", DOCUMENTED)
def test_each_documented_calculator_lists_every_declared_field_in_order(name: str) -> None:
    html = rendered()
    table = re.search(rf'<table data-fields="{name}">.*?</table>', html, re.S)
    assert table is not None
    listed = re.findall(r"<tr><td><code>(\w+)</code></td>", table.group(0))
    assert listed == [f.name for f in CALCULATORS[name].form.fields()]


def test_a_choice_lists_its_values_and_its_default() -> None:
    html = rendered()
    row = re.search(r"<tr><td><code>runs_per_week</code></td>.*?</tr>", html)
    assert row is not None
    values = re.findall(r"<code>([^<]+)</code>", row.group(0))[1:]
    field = next(f for f in CALCULATORS["planner"].form.fields() if f.name == "runs_per_week")
    assert values == [c.value for c in field.choices] + [field.default]  # type: ignore[attr-defined]


def test_an_unknown_calculator_stops_the_build() -> None:
    with pytest.raises(ValueError, match="Unknown calculator"):
        markdown.markdown("[[fields nosuch]]", extensions=["calculator_embed"])
