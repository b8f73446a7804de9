"""Drive a calculator page the way a reader does, and compare with native Python."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable
from typing import Any

from playwright.sync_api import Page

from calculators import CALCULATORS, run
from calculators.fields import BooleanField, ChoiceField, DateField
from calculators.spec import INPUT
from sitebuild.clinic_fork import bundled_clinic
from sitebuild.page_driver import CONTRACT, fill, ids, reset, submit

from .conftest import SITE

__all__ = ["CONTRACT", "fill", "ids", "reset", "submit"]  # shared with tools/, via sitebuild/

def typeable(calculator: str, answers: dict[str, Any]) -> bool:
    """Whether a reader could enter these answers in the page's controls.

    A date picker cannot hold an impossible date, so such vectors are
    checked natively only.
    """
    fields = {f.name: f for f in CALCULATORS[calculator].form.fields()}
    for name, value in answers.items():
        field = fields.get(name)
        if field is None:
            return False
        if isinstance(field, DateField) and value not in ("", None):
            try:
                dt.date.fromisoformat(str(value))
            except ValueError:
                return False
        if isinstance(field, ChoiceField) and value not in [c.value for c in field.choices] + [None]:
            return False
        if isinstance(field, BooleanField) and not isinstance(value, bool):
            return False
    return True


def shown_errors(page: Page, calculator: str) -> dict[str, str]:
    """The messages shown, by field name (the form's own slot as `INPUT`)."""
    slots = {f["error"]: name for name, f in ids(calculator)["fields"].items()}
    slots[ids(calculator)["input"]["error"]] = INPUT
    shown: dict[str, str] = page.evaluate(
        """(form) => Object.fromEntries([...document.querySelectorAll(`#${form} .rtr-error[data-error-for]`)]
             .filter((el) => !el.hidden).map((el) => [el.id, el.textContent]))""",
        ids(calculator)["form"],
    )
    return {slots[slot]: text for slot, text in shown.items()}


def expected_errors(calculator: str, errors: list[dict[str, str]]) -> dict[str, str]:
    """Where the page shows each native error: by its field, or, for a field
    with no control of its own (like the hidden `today`), in the form's slot."""
    visible = {f.name for f in CALCULATORS[calculator].form.fields() if not f.hidden}
    shown: dict[str, str] = {}
    for error in errors:
        slot = error["field"] if error["field"] in visible else INPUT
        shown[slot] = f"{shown[slot]} {error['message']}" if slot in shown else error["message"]
    return shown


def same_markup(page: Page, calculator: str, expected_html: str) -> bool:
    """Compare the result region with native HTML, both serialised by the browser."""
    return page.evaluate(
        """([name, html]) => {
            const t = document.createElement("template");
            t.innerHTML = html;
            const shown = document.querySelector(`#${name} .rtr-report`);
            return shown !== null && shown.outerHTML === t.content.firstElementChild.outerHTML;
        }""",
        [ids(calculator)["result"], expected_html],
    )


def native(calculator: str, answers: dict[str, Any], site_root: str) -> dict[str, Any]:
    # A clinic's fork bundles its clinic with the calculators: native Python gets the same.
    return run(calculator, answers, site_root=site_root, clinic=bundled_clinic(SITE))


def check_vectors(
    page: Page,
    calculator: str,
    vectors: Iterable[Any],
    site_root: str,
    also: Callable[[Page, dict[str, Any], str], None] | None = None,
) -> list[dict[str, Any]]:
    """Enter each vector's answers in the page and check it shows exactly what
    native Python returns: the same report markup, or the same messages by
    the same fields. `also` adds checks on a valid result."""
    outcomes = []
    for vector in vectors:
        reset(page, calculator)
        fill(page, calculator, vector.input)
        submit(page, calculator)
        expected = native(calculator, vector.input, site_root)
        if expected["ok"]:
            assert same_markup(page, calculator, expected["html"]), vector.name
            if also:
                also(page, expected, vector.name)
        else:
            assert shown_errors(page, calculator) == expected_errors(calculator, expected["errors"]), vector.name
        outcomes.append(expected)
    return outcomes
