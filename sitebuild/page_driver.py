"""Fill and submit a calculator form in a browser page, through the page's
own form binding (form-values.js) and the generated contract's ids.

Shared by the browser tests, the screenshots and the bench, so that none of
them copies an id or a way of setting answers."""

from __future__ import annotations

from typing import Any

from playwright.sync_api import Page

from calculator_embed.manifest import manifest

# The same contract the page reads (assets/js/contract.js is made from it).
CONTRACT = manifest()["calculators"]


def ids(calculator: str) -> Any:
    return CONTRACT[calculator]


def fill(page: Page, calculator: str, answers: dict[str, Any]) -> None:
    """Set the controls' values in one go, through the page's own form
    binding (form-values.js); the keyboard tests type for real."""
    page.evaluate(
        "([form, answers]) => window.rtr.forms.fill(document.getElementById(form), answers)",
        [ids(calculator)["form"], answers],
    )


def reset(page: Page, calculator: str) -> None:
    """Back to a blank form, as a fresh page would be, without rebooting Python."""
    page.eval_on_selector(f"#{ids(calculator)['form']}", "(form) => form.reset()")


def submit(page: Page, calculator: str) -> dict[str, Any]:
    """Press the button and wait for Python's answer to be shown."""
    form, result = ids(calculator)["form"], ids(calculator)["result"]
    page.eval_on_selector(f"#{result}", "(el) => { delete el.dataset.state; }")
    page.locator(f"#{form} .rtr-submit").click()
    page.wait_for_function("(id) => document.getElementById(id).dataset.state", arg=result)
    return {"state": page.get_attribute(f"#{result}", "data-state")}
