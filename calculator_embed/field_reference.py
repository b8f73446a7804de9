"""`[[fields NAME]]`: a calculator's field reference, made from its declaration.

The command line takes the same fields as the page, so their reference on
"How the calculators work" is generated from the FormSpec at build time
(tests/unit/test_field_reference.py keeps it true), never typed by hand.
"""

from __future__ import annotations

from calculators.fields import BooleanField, ChoiceField, DateField, Field, IntegerField
from calculators.html import esc
from calculators.spec import FormSpec


def _code(value: object) -> str:
    return f"<code>{esc(str(value))}</code>"


def _one_of(values: list[str]) -> str:
    codes = [_code(v) for v in values]
    return codes[0] if len(codes) == 1 else f"{', '.join(codes[:-1])} or {codes[-1]}"


def kind_text(field: Field) -> str:
    """What a field takes, in words."""
    if isinstance(field, BooleanField):
        return "true/false"
    if isinstance(field, ChoiceField):
        return _one_of([c.value for c in field.choices])
    if isinstance(field, DateField):
        return f"date, {_code('YYYY-MM-DD')}"
    if isinstance(field, IntegerField):
        return f"whole number, {field.range_words()}"
    return "text (JSON)"


def need_text(field: Field) -> str:
    default = getattr(field, "default", None)
    if default is not None:
        return f"optional; default {_code(default)}"
    if field.hidden:
        return "optional; the page fills it in"
    return "required" if field.required else "optional"


def field_table(form: FormSpec) -> str:
    rows = "".join(
        f"<tr><td>{_code(field.name)}</td><td>{kind_text(field)}</td>"
        f"<td>{need_text(field)}</td><td>{esc(field.label)}</td></tr>"
        for field in form.fields()
    )
    return (
        f'<table data-fields="{esc(form.name)}">'
        "<thead><tr><th>field</th><th>type</th><th>needed?</th><th>question on the page</th></tr></thead>"
        f"<tbody>{rows}</tbody></table>"
    )
