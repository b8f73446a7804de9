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
from .rules import (
    ALLOWANCE_PER_RUN_S,
    BMI_FIRST_WEEK_KM,
    DEFAULT_EASY_PACE,
    EASY_PACE_RANGE,
    GOALS,
    PACES,
    SCHEDULES,
)
from .units import DEFAULT_UNIT, named_distance, pace, pace_s_per_km


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


@dataclass(frozen=True, kw_only=True)
class PaceField(IntegerField):
    """Whole minutes per km or per mile. Which range applies depends on the
    unit chosen beside it, so the range is checked with the unit
    (`compute.pace_problem`), and every message names the reader's own unit."""

    minimum: int = 0
    maximum: int = 0

    def _in_range(self, number: int) -> int:
        return number

    def _out_of_range(self) -> str:
        (km_low, km_high), (mi_low, mi_high) = EASY_PACE_RANGE["km"], EASY_PACE_RANGE["mi"]
        return (
            f"Enter a number from {km_low} to {km_high} minutes per km, "
            f"or from {mi_low} to {mi_high} minutes per mile."
        )

    def range_words(self) -> str:
        (km_low, km_high), (mi_low, mi_high) = EASY_PACE_RANGE["km"], EASY_PACE_RANGE["mi"]
        return f"{km_low}–{km_high} minutes per km, or {mi_low}–{mi_high} per mile"

    def example(self) -> int:
        return EASY_PACE_RANGE["km"][1]


def _goal_label(key: str) -> str:
    """The form names both units, since the unit is chosen on the same form."""
    goal = GOALS[key]
    if goal.km is None:
        return goal.label
    return goal.label.replace(f"{goal.km} km", named_distance(goal.km, "mi"))


_DEFAULT_PACE_WORDS = (
    f"{pace(pace_s_per_km(DEFAULT_EASY_PACE, 'km'), 'km')} "
    f"({pace(pace_s_per_km(DEFAULT_EASY_PACE, 'km'), 'mi')})"
)

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
                    f"first week to {named_distance(BMI_FIRST_WEEK_KM, 'mi')} of running or less.",
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
                    choices=tuple(Choice(g.key, _goal_label(g.key)) for g in GOALS.values()),
                    default="run-30",
                ),
                # Chosen once, here, and used for every distance and pace the
                # plan, its files and Today's run show.
                ChoiceField(
                    name="unit",
                    label="Distances and pace in",
                    hint="Used for your easy pace below, and for every distance your plan, "
                    "its files and Today's run show.",
                    required=False,
                    choices=(Choice("km", "Kilometres (km)"), Choice("mi", "Miles")),
                    default=DEFAULT_UNIT,
                ),
                PaceField(
                    name="easy_pace",
                    label="Your easy running pace, in whole minutes per km, or per mile if "
                    "you chose miles",
                    hint=f"A guess is fine. If you leave it blank we use {_DEFAULT_PACE_WORDS}. "
                    "We use it only to turn 5 km, and the 3 km limit for a BMI over 30, "
                    "into minutes, and to say about how far your runs are.",
                    required=False,
                    unit="minutes per km or per mile",
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
