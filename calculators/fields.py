"""Declarative form fields: one definition drives the HTML form and the parser.

Each field knows how to turn a raw value (a string from a form, or a JSON value
from the command line) into a typed value, or to say in plain words what is
wrong with it. Nothing here raises on bad input except `FieldError`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass
from typing import Any, ClassVar, TypeAlias

Raw: TypeAlias = Any
"""A value as it arrives: str from a form, or any JSON value."""


class FieldError(ValueError):
    """A reader-facing message about one field's value."""


# ASCII digits only: str.isdigit() and int() also accept "²" or "٣", and a
# date part of any length overflows `dt.date`. Month and day take one or two.
_ISO_DATE = re.compile(r"([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})", re.ASCII)

# What a number box sends: digits, an optional sign, fraction and exponent.
# Text beyond this ("1_000", "١٢", "0x10") is not a number to a reader.
# Written so that no two parts can match the same digits: a long string of
# digits that fails at its end is rejected in linear time.
_DECIMAL = re.compile(r"[+-]?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)(?:[eE][+-]?[0-9]+)?", re.ASCII)


def _is_blank(raw: Raw) -> bool:
    return raw is None or (isinstance(raw, str) and not raw.strip())


@dataclass(frozen=True, kw_only=True)
class Field:
    """What every field has: a name for the data, a label and hint for people."""

    name: str
    label: str
    hint: str = ""
    required: bool = True
    # Fields the page fills in itself (for example today's date) are not shown.
    hidden: bool = False
    default: str | None = None
    """The answer a blank stands for, written as the form sends it. The parser
    applies it (so compute never does), and the form shows it preselected."""

    value_type: ClassVar[type] = object
    """The Python type of a parsed answer (None aside, for a blank optional one)."""

    def parse(self, raw: Raw) -> Any:
        if _is_blank(raw):
            if self.default is not None:
                return self.parse_present(self.default)
            if self.required:
                raise FieldError(self.missing_message())
            return None
        return self.parse_present(raw)

    def missing_message(self) -> str:
        return f"Please answer: {self.label.rstrip('?').lower()}."

    def parse_present(self, raw: Raw) -> Any:  # pragma: no cover - abstract
        raise NotImplementedError


@dataclass(frozen=True, kw_only=True)
class DateField(Field):
    """An ISO date (YYYY-MM-DD), as `<input type=date>` sends it."""

    value_type: ClassVar[type] = dt.date

    # Far-off years are typos, and would overflow date arithmetic downstream.
    earliest_year: int = 1900
    latest_year: int = 2200
    bad_year_message: str = "Check the year: it looks mistyped."
    default_today: bool = False
    """A blank means today's date, read from the clock when the answers are parsed."""

    def missing_message(self) -> str:
        return f"Enter the {self.label.lower()}."

    def parse(self, raw: Raw) -> dt.date | None:
        if self.default_today and _is_blank(raw):
            return dt.date.today()
        date: dt.date | None = super().parse(raw)
        return date

    def parse_present(self, raw: Raw) -> dt.date:
        # A date object is what Python callers (and tests) hold; JSON never sends one.
        if isinstance(raw, dt.date) and not isinstance(raw, dt.datetime):
            raw = raw.isoformat()
        if not isinstance(raw, str):
            raise FieldError("Enter a date as year, month and day, for example 2026-03-14.")
        match = _ISO_DATE.fullmatch(raw.strip())
        if match is None:
            raise FieldError("Enter a date as year, month and day, for example 2026-03-14.")
        year, month, day = (int(p) for p in match.groups())
        if not self.earliest_year <= year <= self.latest_year:
            raise FieldError(self.bad_year_message)
        try:
            return dt.date(year, month, day)
        except ValueError:
            raise FieldError("That date does not exist. Check the day and the month.") from None


@dataclass(frozen=True, kw_only=True)
class IntegerField(Field):
    """A whole number within bounds; `unit` names what is counted, in messages."""

    value_type: ClassVar[type] = int

    minimum: int
    maximum: int
    unit: str = ""

    def parse_present(self, raw: Raw) -> int:
        if isinstance(raw, bool):
            raise FieldError(self._not_a_number())
        if isinstance(raw, int):
            # Compared as it is: a JSON integer of any size is valid, but
            # turning a huge one into a float overflows.
            return self._in_range(raw)
        if isinstance(raw, str):
            text = raw.strip()
            if _DECIMAL.fullmatch(text) is None:
                raise FieldError(self._not_a_number())
            raw = float(text)  # never raises on a match
            if not math.isfinite(raw):  # digits too many for a float: far out of range
                raise FieldError(self._out_of_range())
        if not isinstance(raw, float) or not math.isfinite(raw):
            raise FieldError(self._not_a_number())
        if not raw.is_integer():
            raise FieldError(f"Use a whole number of {self.unit or 'units'}.")
        return self._in_range(int(raw))

    def _in_range(self, number: int) -> int:
        if number < self.minimum or number > self.maximum:
            raise FieldError(self._out_of_range())
        return number

    def range_words(self) -> str:
        """ "5–12 minutes per km": the values it takes, for the field reference."""
        unit = f" {self.unit}" if self.unit else ""
        return f"{self.minimum}–{self.maximum}{unit}"

    def _not_a_number(self) -> str:
        return f"Enter a number, for example {self.example()}."

    def _out_of_range(self) -> str:
        unit = f" {self.unit}" if self.unit else ""
        return f"Enter a number from {self.minimum} to {self.maximum}{unit}."

    def example(self) -> int:
        return min(max(self.minimum, 12), self.maximum)


@dataclass(frozen=True)
class Choice:
    value: str
    label: str


@dataclass(frozen=True, kw_only=True)
class ChoiceField(Field):
    """One of a fixed set of answers, shown as radio buttons."""

    value_type: ClassVar[type] = str

    choices: tuple[Choice, ...]

    def missing_message(self) -> str:
        return f"Choose one: {self.label.rstrip('?').lower()}."

    def parse_present(self, raw: Raw) -> str:
        values = [c.value for c in self.choices]
        if isinstance(raw, str) and raw in values:
            return raw
        readable = ", ".join(c.label for c in self.choices)
        raise FieldError(f"Choose one of: {readable}.")


@dataclass(frozen=True, kw_only=True)
class BooleanField(Field):
    """A checkbox: ticked or not. Never required; blank means not ticked."""

    value_type: ClassVar[type] = bool

    required: bool = False

    def parse(self, raw: Raw) -> bool:
        if _is_blank(raw):
            return False
        return self.parse_present(raw)

    def parse_present(self, raw: Raw) -> bool:
        if isinstance(raw, bool):
            return raw
        if isinstance(raw, str) and raw.strip().lower() in {"true", "on", "yes"}:
            return True
        if isinstance(raw, str) and raw.strip().lower() in {"false", "off", "no"}:
            return False
        raise FieldError("Tick the box, or leave it empty.")


@dataclass(frozen=True)
class Group:
    """A fieldset: a legend, an optional hint, and its fields."""

    key: str
    legend: str
    fields: tuple[Field, ...]
    hint: str = ""
