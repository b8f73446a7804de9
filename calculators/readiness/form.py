"""The readiness check's form, generated from the questions in `questions.py`."""

from __future__ import annotations

from ..fields import BooleanField, Choice, ChoiceField, Field, Group, IntegerField
from ..spec import FormSpec
from ..timeline.form import FORM as TIMELINE_FORM
from .questions import (
    BIRTH_TYPES,
    CLINICIAN_CONDITIONS,
    HISTORY_CHOICES,
    LOAD_TESTS,
    MAX_REPS,
    MOOD_CHOICES,
    MOOD_DEFAULT,
    SLEEP_CHOICES,
    STRENGTH_TARGET,
    STRENGTH_TESTS,
    WARNING_SIGNS,
    Sign,
)

# The same fields as the timeline, on purpose: the page carries a saved date
# of birth from one calculator to the other by field name.
_TIMELINE_FIELDS = {f.name: f for f in TIMELINE_FORM.fields()}
TIMING_FIELDS: tuple[Field, ...] = tuple(
    _TIMELINE_FIELDS[name] for name in ("birth_date", "weeks_since_birth", "today")
)


def _choices(pairs: tuple[tuple[str, str], ...]) -> tuple[Choice, ...]:
    return tuple(Choice(value, label) for value, label in pairs)


def _sign_box(sign: Sign) -> BooleanField:
    return BooleanField(name=sign.field, label=sign.question, hint=sign.hint)


def _rep_fields() -> tuple[IntegerField, ...]:
    fields: list[IntegerField] = []
    for test in STRENGTH_TESTS:
        for side, name in (("left", test.left_field), ("right", test.right_field)):
            fields.append(
                IntegerField(
                    name=name,
                    label=f"{test.title}: {side} side",
                    required=False,
                    minimum=0,
                    maximum=MAX_REPS,
                    unit="repetitions",
                )
            )
    return tuple(fields)


FORM = FormSpec(
    name="readiness",
    title="Readiness check",
    submit_label="Check my readiness",
    groups=(
        Group(
            key="birth",
            legend="When did you give birth?",
            hint="Give the date, or the number of weeks if that is easier. One is enough.",
            fields=TIMING_FIELDS,
        ),
        Group(
            key="birth-type",
            legend="Type of birth",
            fields=(
                ChoiceField(
                    name="birth_type",
                    label="How did you give birth?",
                    choices=_choices(BIRTH_TYPES),
                ),
            ),
        ),
        Group(
            key="warning-signs",
            legend="Do you have any of these signs?",
            hint=(
                "Tick any you have now, or have had during or after activity. "
                "Leave them all empty if none apply."
            ),
            fields=tuple(_sign_box(s) for s in WARNING_SIGNS),
        ),
        Group(
            key="see-a-clinician",
            legend="Does any of these apply to you now?",
            hint=(
                "Each of these means seeing a doctor before you exercise. "
                "Leave them all empty if none apply."
            ),
            fields=tuple(_sign_box(s) for s in CLINICIAN_CONDITIONS),
        ),
        Group(
            key="load-and-impact-tests",
            legend="Load and impact tests",
            hint=(
                "Tick each test you have done with no pain, heaviness, dragging or leaking. "
                "Leave it empty if you have not tried it yet."
            ),
            fields=tuple(
                BooleanField(name=t.field, label=f"{t.title}: {t.target}") for t in LOAD_TESTS
            ),
        ),
        Group(
            key="strength-tests",
            legend="Strength tests",
            hint=(
                "How many could you do on each side with no symptoms? The target is "
                f"{STRENGTH_TARGET}. Leave a box empty if you have not tested that side yet."
            ),
            fields=_rep_fields(),
        ),
        Group(
            key="other-factors",
            legend="Other things that shape your start",
            hint=(
                "Optional. These change how we suggest you start, not whether you pass. "
                "Your answers stay in this browser."
            ),
            fields=(
                ChoiceField(
                    name="sleep",
                    label="How have you been sleeping?",
                    required=False,
                    choices=_choices(SLEEP_CHOICES),
                ),
                BooleanField(name="breastfeeding", label="I am breastfeeding or expressing milk"),
                BooleanField(name="bmi_over_30", label="My BMI (body mass index) is over 30"),
                ChoiceField(
                    name="running_history",
                    label="Your running before now",
                    required=False,
                    choices=_choices(HISTORY_CHOICES),
                ),
                ChoiceField(
                    name="mood",
                    label="How have you been feeling in yourself lately?",
                    required=False,
                    choices=_choices(MOOD_CHOICES),
                    default=MOOD_DEFAULT,
                ),
            ),
        ),
    ),
)
