"""The timeline's questions. The form on the page is generated from this."""

from ..fields import DateField, Group, IntegerField
from ..spec import FormSpec
from .milestones import MAX_WEEKS

FORM = FormSpec(
    name="timeline",
    title="Postpartum timeline",
    submit_label="Show my timeline",
    groups=(
        Group(
            key="birth",
            legend="When did you give birth?",
            hint="Give the date, or the number of weeks if that is easier. One is enough.",
            fields=(
                DateField(name="birth_date", label="The date you gave birth", required=False),
                IntegerField(
                    name="weeks_since_birth",
                    label="Or: weeks since birth",
                    hint="A whole number, for example 14.",
                    required=False,
                    minimum=0,
                    maximum=MAX_WEEKS,
                    unit="weeks",
                ),
                # The page fills this in from the reader's own clock, so the
                # native and browser runs can be given the same day.
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
