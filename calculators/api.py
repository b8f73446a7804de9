"""The one entry point every runtime uses: JSON-ready answers in, JSON-ready result out.

The browser worker, the command line and the tests all call `run`, so they
cannot disagree about what a calculator says.
"""

from __future__ import annotations

import functools
import json
from typing import Any

from .clinic import Clinic, load_bundled
from .registry import CALCULATORS
from .spec import INPUT, InputError, Problem


def _failure(name: str, problems: list[Problem] | tuple[Problem, ...]) -> dict[str, Any]:
    return {
        "ok": False,
        "calculator": name,
        "errors": [{"field": p.field, "message": p.message} for p in problems],
    }


def run(
    name: str, payload: object, *, site_root: str = "", clinic: Clinic | None = None
) -> dict[str, Any]:
    """Validate, compute and render. Bad input gives an error object, never an exception.

    `clinic` is the service running this copy of the site (mkdocs.yml, extra.clinic).
    """
    calculator = CALCULATORS.get(name)
    if calculator is None:
        known = ", ".join(sorted(CALCULATORS))
        return _failure(name, [Problem(INPUT, f"There is no calculator “{name}”. Try: {known}.")])
    parsed = calculator.parse(payload)
    if parsed.answers is None:
        problems = parsed.problems
        failed = frozenset(p.field for p in problems)
        if calculator.check and INPUT not in failed:
            problems += [p for p in calculator.check(parsed.values, failed) if p not in problems]
        return _failure(name, problems)
    try:
        result = calculator.compute(parsed.answers)
    except InputError as error:
        return _failure(name, error.problems)
    if clinic is not None and calculator.refer is not None:
        result = calculator.refer(result, clinic)
    files = calculator.downloads(result) if calculator.downloads else ()
    return {
        "ok": True,
        "calculator": name,
        "result": calculator.to_data(result),
        "html": calculator.render(result, site_root),
        "downloads": [{"filename": f.filename, "mime": f.mime, "content": f.content} for f in files],
    }


def run_json(name: str, payload_json: str, site_root: str = "") -> str:
    """The browser's door: a JSON string in, a JSON string out."""
    try:
        payload = json.loads(payload_json)
    except (ValueError, RecursionError):
        return json.dumps(_failure(name, [Problem(INPUT, "The answers could not be read.")]))
    return json.dumps(run(name, payload, site_root=site_root, clinic=bundled_clinic()))


@functools.cache
def bundled_clinic() -> Clinic | None:
    """The clinic the browser's copy was built with (clinic.json in the bundle), if any."""
    return load_bundled()
