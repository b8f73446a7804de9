"""Today's run: every input comes from the page's own storage, so the form
is all hidden fields. The page fills them from the saved plan answers, the
run log and the reader's check-in, and Python decides everything else."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import ClassVar

from ..fields import DateField, FieldError, Group, Raw
from ..fields import Field as BaseField
from ..spec import FormSpec

MAX_TEXT = 2_000_000
"""A generous ceiling for what a page may pass in one field (years of logs)."""


@dataclass(frozen=True, kw_only=True)
class JsonField(BaseField):
    """A JSON document passed as text (the page's storage holds text)."""

    required: bool = False
    hidden: bool = True
    what: str = "data"

    def parse_present(self, raw: Raw) -> object:
        if not isinstance(raw, str):
            return raw  # the CLI and tests may pass the object itself
        if len(raw) > MAX_TEXT:
            raise FieldError(f"The {self.what} is too large to read.")
        try:
            return json.loads(raw)
        except (ValueError, RecursionError):
            raise FieldError(f"The {self.what} could not be read.") from None


@dataclass(frozen=True, kw_only=True)
class TextField(BaseField):
    """Raw text kept as it is (the log: Python reads it, so it reports problems itself)."""

    value_type: ClassVar[type] = str

    required: bool = False
    hidden: bool = True

    def parse_present(self, raw: Raw) -> str:
        if not isinstance(raw, str):
            raise FieldError("Expected text.")
        return raw


FORM = FormSpec(
    name="today",
    title="Today's run",
    submit_label="Show today's run",
    groups=(
        Group(
            key="saved",
            legend="Your saved plan and log",
            fields=(
                JsonField(name="plan", label="Saved planner answers", what="saved plan"),
                TextField(name="log", label="Run log"),
                JsonField(name="request", label="What to do", what="request"),
                JsonField(name="settings", label="Running days and time", what="settings"),
                DateField(
                    name="today",
                    label="Today's date",
                    required=False,
                    hidden=True,
                    bad_year_message="Today's date looks wrong. Check the date on your device.",
                    default_today=True,
                ),
            ),
        ),
    ),
)
