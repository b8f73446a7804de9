"""The planner's questions. The form on the page is generated from this.

Field names are fixed: the readiness check links here with
`?level=…&bmi_over_30=true&poor_sleep=true`.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from ..fields import (
    BooleanField,
    Choice,
    ChoiceField,
    DateField,
    FieldError,
    Group,
    IntegerField,
    Raw,
)
from ..levels import START_LEVELS
from ..spec import FormSpec
from .rules import ALLOWANCE_PER_RUN_S, DEFAULT_EASY_PACE, GOALS, PACES, SCHEDULES


def _ordinal(n: int) -> str:
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n if n < 20 else n % 10, 'th') }"


@dataclass(frozen=True, kw_only=True)
class CountChoiceField(ChoiceField):
    """Radio buttons whose values are small counts: the answer is a number, and
    a JSON number is taken as well as the form's text."""

    value_type: ClassVar[type] = int

    # The answer is the count itself, where a plain choice's is its text.
    def parse_present(self, raw: Raw) -> int:  # type: ignore[override]
        if isinstance(raw, int) and not isinstance(raw, bool):
            # Compared as numbers: str() of a huge int raises.
            raw = next((c.value for c in self.choices if int(c.value) == raw), None)
        try:
            return int(super().parse_present(raw))
        except FieldError:
            allowed = [c.value for c in self.choices]
            raise FieldError(
                f"Choose {', '.join(allowed[:-1])} or {allowed[-1]} runs a week."
            ) from None


FORM = FormSpec(
    name="planner",
    title="Run/walk planner",
    submit_label="Make my plan",
    groups=(
        Group(
            key="start",
            legend="Where you are starting",
            hint=(
                "Coming from the readiness check? These answers are filled in for you, "
                "unless you saved your own here: then we say so, and you can choose."
            ),
            fields=(
                ChoiceField(
                    name="level",
                    label="Your starting level",
                    required=False,
                    choices=tuple(Choice(level.key, level.label) for level in START_LEVELS),
                    default="run30-walk120",
                ),
                BooleanField(
                    name="bmi_over_30",
                    label="My BMI is over 30",
                    hint="The plan then starts lower, builds more slowly, and keeps your "
                    "first week to 3 km of running or less.",
                ),
                BooleanField(
                    name="poor_sleep",
                    label="I am sleeping badly at the moment",
                    hint="Broken sleep may raise the risk of injury, so the plan starts "
                    "lower and builds more slowly.",
                ),
            ),
        ),
        Group(
            key="goal",
            legend="Your goal",
            fields=(
                ChoiceField(
                    name="goal",
                    label="What you want to be able to do",
                    required=False,
                    choices=tuple(Choice(g.key, g.label) for g in GOALS.values()),
                    default="run-30",
                ),
                IntegerField(
                    name="easy_pace",
                    label="Your easy running pace, in minutes per km",
                    hint=f"A guess is fine. If you leave it blank we use {DEFAULT_EASY_PACE}. "
                    "We use it only to turn 5 km, and the 3 km limit for a BMI over 30, "
                    "into minutes.",
                    required=False,
                    minimum=5,
                    maximum=12,
                    unit="minutes per km",
                ),
            ),
        ),
        Group(
            key="week",
            legend="Your week",
            fields=(
                CountChoiceField(
                    name="runs_per_week",
                    label="Runs a week",
                    hint="There is always a rest day between runs.",
                    required=False,
                    choices=tuple(Choice(str(n), f"{n} runs a week") for n in SCHEDULES),
                    default="3",
                ),
                ChoiceField(
                    name="pace",
                    label="How fast to build up",
                    hint="While runs are short, a percentage of a small week is only seconds, "
                    f"so the {ALLOWANCE_PER_RUN_S // 60} minutes apply; once the percentage allows more, "
                    "it does. "
                    f"Gentle adds a repeat week every {_ordinal(PACES['gentle'].build_weeks + 1)} "
                    f"week, standard every {_ordinal(PACES['standard'].build_weeks + 1)}. "
                    "Gentle is a good place to start.",
                    required=False,
                    choices=tuple(Choice(p.key, p.label) for p in PACES.values()),
                    default="gentle",
                ),
                DateField(
                    name="start_date",
                    label="Start date",
                    hint="Leave it blank to start next Monday (or today, if today is a Monday).",
                    required=False,
                ),
                # The page fills this in from the reader's own clock.
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
