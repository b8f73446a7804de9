"""A calculator's contract: its form, its pure computation, and its HTML view."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from .clinic import Clinic
from .fields import Field, FieldError, Group

Result = TypeVar("Result")
Answers = TypeVar("Answers")

INPUT = "_input"
"""Pseudo field name for problems with the payload as a whole."""


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the input, addressed to one field."""

    field: str
    message: str


class InputError(Exception):
    """Raised by a computation for problems only visible across fields."""

    def __init__(self, *problems: Problem) -> None:
        super().__init__("; ".join(p.message for p in problems))
        self.problems = problems


@dataclass(frozen=True)
class FormSpec:
    name: str
    title: str
    groups: tuple[Group, ...]
    submit_label: str = "Calculate"

    def fields(self) -> tuple[Field, ...]:
        return tuple(f for g in self.groups for f in g.fields)


def _unknown(key: object) -> Problem:
    # JSON keys are always text; a caller's int or None is named as a whole,
    # since str() of a huge int raises.
    if not isinstance(key, str):
        return Problem(INPUT, "Each answer must be named by its question's field name.")
    return Problem(key, f"“{key}” is not a question in this form.")


def parse_payload(form: FormSpec, payload: object) -> tuple[dict[str, Any], list[Problem]]:
    """Parse every field, collecting all problems rather than stopping at the first.

    A blank field takes its declared default here, so the values are complete."""
    if not isinstance(payload, Mapping):
        return {}, [Problem(INPUT, "The answers must be a set of named fields (a JSON object).")]
    known = {f.name: f for f in form.fields()}
    problems = [_unknown(key) for key in payload if key not in known]
    values: dict[str, Any] = {}
    for name, field in known.items():
        try:
            values[name] = field.parse(payload.get(name))
        except FieldError as error:
            problems.append(Problem(name, str(error)))
    return values, problems


@dataclass(frozen=True)
class Download:
    """A file the reader can save, made in the browser from the result."""

    filename: str
    mime: str
    content: str


@dataclass(frozen=True)
class Parsed(Generic[Answers]):
    """What came of parsing a payload: the typed answers when every field parsed."""

    answers: Answers | None
    values: dict[str, Any]
    """Every field that parsed, by name: what cross-field checks are given."""
    problems: list[Problem]


@dataclass(frozen=True)
class Calculator(Generic[Answers, Result]):
    form: FormSpec
    answers: type[Answers]
    """A frozen dataclass with one typed attribute per field of the form (a test
    holds the two together): what compute is given, defaults already applied."""
    compute: Callable[[Answers], Result]
    render: Callable[[Result, str], str]
    """Renders a result as HTML; the str is the path to the site root."""
    to_data: Callable[[Result], dict[str, Any]]
    downloads: Callable[[Result], tuple[Download, ...]] | None = None
    """Files offered with the result; the view links each by `data-download=filename`."""
    check: Callable[[Mapping[str, Any], frozenset[str]], list[Problem]] | None = None
    """Checks across fields, run when some other answer failed to parse, so a
    reader sees every problem at once rather than one more on each submit.
    Given the parsed values and the names of the fields that failed; each
    check whose fields all parsed reports what compute would."""
    refer: Callable[[Result, Clinic], Result] | None = None
    """Names the clinic that runs this copy of the site in the result, where it belongs."""

    def parse(self, payload: object) -> Parsed[Answers]:
        values, problems = parse_payload(self.form, payload)
        if problems:
            return Parsed(None, values, problems)
        return Parsed(self.answers(**values), values, problems)
