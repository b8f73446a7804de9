"""Render a calculator's FormSpec as accessible HTML.

The page's form is generated from the same field definitions the parser uses,
so the two cannot drift. Every control has a <label>; hints and error slots
are tied to it with aria-describedby; a short summary of each result is announced.
"""

from __future__ import annotations

from .fields import BooleanField, ChoiceField, DateField, Field, Group, IntegerField
from .html import esc
from .spec import INPUT, FormSpec


def control_id(form: FormSpec, name: str) -> str:
    return f"rtr-{form.name}-{name}"


def error_id(cid: str) -> str:
    """The message slot of a control (or of the form, for `INPUT`)."""
    return f"{cid}-error"


def group_id(form: FormSpec, key: str) -> str:
    # "group-" keeps a group's id apart from a field of the same name (the
    # planner has a "goal" group and a "goal" field).
    return f"rtr-{form.name}-group-{key}"


def form_id(form: FormSpec) -> str:
    return f"rtr-{form.name}-form"


def _described_by(cid: str, field: Field) -> str:
    ids = ([f"{cid}-hint"] if field.hint else []) + [error_id(cid)]
    return " ".join(ids)


def _hint(cid: str, text: str) -> str:
    return f'<p class="rtr-hint" id="{cid}-hint">{esc(text)}</p>' if text else ""


def _error_slot(cid: str) -> str:
    # Empty until the glue fills it; hidden from assistive tech while empty.
    return f'<p class="rtr-error" id="{error_id(cid)}" data-error-for="{cid}" hidden></p>'


def _input(form: FormSpec, field: Field) -> str:
    cid = control_id(form, field.name)
    common = f'id="{cid}" name="{esc(field.name)}" aria-describedby="{_described_by(cid, field)}"'
    required = ' aria-required="true"' if field.required else ""
    if isinstance(field, DateField):
        control = f'<input type="date" {common}{required} autocomplete="off">'
    elif isinstance(field, IntegerField):
        # Text, not type=number: the reader sees our message, not a silent browser clamp.
        control = (
            f'<input type="text" inputmode="numeric" {common}{required} '
            f'data-kind="integer" autocomplete="off" size="6">'
        )
        if field.unit:
            control += f' <span class="rtr-unit">{esc(field.unit)}</span>'
    else:  # pragma: no cover - every kind is handled above or by its own renderer
        raise TypeError(f"No renderer for {type(field).__name__}")
    return (
        f'<div class="rtr-field" data-field="{esc(field.name)}">'
        f'<label for="{cid}">{esc(field.label)}</label>'
        f"{_hint(cid, field.hint)}{_error_slot(cid)}{control}</div>"
    )


def _checkbox(form: FormSpec, field: BooleanField) -> str:
    cid = control_id(form, field.name)
    return (
        f'<div class="rtr-field rtr-field--check" data-field="{esc(field.name)}">'
        f'<input type="checkbox" id="{cid}" name="{esc(field.name)}" value="true" '
        f'aria-describedby="{_described_by(cid, field)}">'
        f'<label for="{cid}">{esc(field.label)}</label>'
        f"{_hint(cid, field.hint)}{_error_slot(cid)}</div>"
    )


def _radios(form: FormSpec, field: ChoiceField) -> str:
    cid = control_id(form, field.name)
    options = "".join(
        f'<div class="rtr-choice"><input type="radio" id="{cid}-{esc(c.value)}" '
        f'name="{esc(field.name)}" value="{esc(c.value)}"'
        f'{" checked" if c.value == field.default else ""}>'
        f'<label for="{cid}-{esc(c.value)}">{esc(c.label)}</label></div>'
        for c in field.choices
    )
    required = ' aria-required="true"' if field.required else ""
    return (
        f'<fieldset class="rtr-field rtr-field--choice" id="{cid}" data-field="{esc(field.name)}" '
        f'role="radiogroup" aria-describedby="{_described_by(cid, field)}"{required}>'
        f"<legend>{esc(field.label)}</legend>"
        f"{_hint(cid, field.hint)}{_error_slot(cid)}{options}</fieldset>"
    )


def _hidden(form: FormSpec, field: Field) -> str:
    cid = control_id(form, field.name)
    return f'<input type="hidden" id="{cid}" name="{esc(field.name)}" data-fill="{esc(field.name)}">'


def render_field(form: FormSpec, field: Field) -> str:
    if field.hidden:
        return _hidden(form, field)
    if isinstance(field, BooleanField):
        return _checkbox(form, field)
    if isinstance(field, ChoiceField):
        return _radios(form, field)
    return _input(form, field)


def _group(form: FormSpec, group: Group) -> str:
    gid = group_id(form, group.key)
    hint = f'<p class="rtr-hint" id="{gid}-hint">{esc(group.hint)}</p>' if group.hint else ""
    described = f' aria-describedby="{gid}-hint"' if group.hint else ""
    fields = "".join(render_field(form, f) for f in group.fields)
    return (
        f'<fieldset class="rtr-group" id="{gid}"{described}>'
        f"<legend>{esc(group.legend)}</legend>{hint}{fields}</fieldset>"
    )


def _error_summary(form: FormSpec) -> str:
    # Filled by the glue with one link per problem (the GOV.UK pattern), so a
    # reader sees every answer that needs a look at once, then goes to each.
    return (
        f'<div class="rtr-error-summary" id="rtr-{form.name}-errors" tabindex="-1" '
        f'aria-labelledby="rtr-{form.name}-errors-title" hidden>'
        f'<h2 class="rtr-error-summary__title" id="rtr-{form.name}-errors-title">'
        "Some answers need a look</h2><ul></ul></div>"
    )


def _save_controls(form: FormSpec) -> str:
    cid = control_id(form, "save")
    return (
        '<div class="rtr-save">'
        f'<input type="checkbox" id="{cid}" data-save-control="toggle">'
        f'<label for="{cid}">Save my answers in this browser only</label> '
        '<button type="button" class="md-button rtr-clear" data-save-control="clear">'
        "Clear saved answers</button>"
        '<p class="rtr-save__note" role="status" hidden></p>'
        "</div>"
    )


def render_form(form: FormSpec) -> str:
    """The whole calculator block: form, loading status, and the result region."""
    name = esc(form.name)
    groups = "".join(_group(form, g) for g in form.groups)
    form_error = _error_slot(control_id(form, INPUT))
    return (
        f'<div class="rtr-calculator" data-calculator="{name}" data-ready="false">'
        f'<form class="rtr-form" id="{form_id(form)}" novalidate>'
        f"{_error_summary(form)}{groups}{form_error}"
        '<div class="rtr-actions">'
        f'<button type="submit" id="rtr-{name}-submit" class="md-button md-button--primary rtr-submit" '
        f'aria-disabled="true" aria-describedby="rtr-{name}-status">{esc(form.submit_label)}</button>'
        f'<span class="rtr-status" id="rtr-{name}-status" role="status">'
        '<span class="rtr-status__text">Works offline in your browser. '
        "Starting Python…</span> "
        f'<progress class="rtr-progress" max="100" aria-label="Loading the calculator"></progress>'
        "</span></div>"
        f"{_save_controls(form)}"
        '<noscript><p class="rtr-error">This calculator needs JavaScript, '
        "which runs only in your browser. Nothing is sent anywhere.</p></noscript>"
        "</form>"
        # The report is not a live region: a screen reader would read all of
        # it. A short summary is announced instead, and focus moves to the
        # report's heading.
        f'<p class="rtr-announce" id="rtr-{name}-announce" role="status"></p>'
        f'<section class="rtr-result" id="rtr-{name}-result" '
        f'aria-label="{esc(form.title)} result"></section>'
        "</div>"
    )
