"""The generated forms: accessible, and generated from the same fields the parser reads."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import markdown
import pytest

from calculators import CALCULATORS
from calculators.forms import control_id, render_form


class Controls(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.inputs: list[dict[str, str | None]] = []
        self.label_for: set[str] = set()
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"] or "")
        if tag == "input":
            self.inputs.append(attr)
        if tag == "label" and attr.get("for"):
            self.label_for.add(attr["for"] or "")


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_every_visible_control_has_a_label_and_its_messages(name: str) -> None:
    parsed = Controls()
    parsed.feed(render_form(CALCULATORS[name].form))
    for control in parsed.inputs:
        if control.get("type") == "hidden":
            continue
        assert control["id"] in parsed.label_for, control
        for described in (control.get("aria-describedby") or "").split():
            assert described in parsed.ids, (control["id"], described)


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_form_has_a_control_for_every_field(name: str) -> None:
    form = CALCULATORS[name].form
    html = render_form(form)
    for field in form.fields():
        assert f'name="{field.name}"' in html, field.name
        assert f'data-error-for="{control_id(form, field.name)}"' in html or field.hidden


@pytest.mark.parametrize("name", sorted(CALCULATORS))
def test_a_summary_is_announced_not_the_whole_report(name: str) -> None:
    html = render_form(CALCULATORS[name].form)
    assert re.search(rf'<p class="rtr-announce" id="rtr-{name}-announce" role="status">', html)
    result = re.search(r'<section class="rtr-result"[^>]*>', html)
    assert result and "aria-live" not in result.group(0)
    assert 'data-ready="false"' in html and 'aria-disabled="true"' in html


def test_markdown_directive_embeds_the_form() -> None:
    html = markdown.markdown("Intro\n\n[[calculator timeline]]\n\nAfter", extensions=["calculator_embed"])
    assert render_form(CALCULATORS["timeline"].form) in html
    assert "<p><div" not in html


def test_markdown_directive_rejects_an_unknown_calculator() -> None:
    with pytest.raises(ValueError, match="Unknown calculator 'nope'"):
        markdown.markdown("[[calculator nope]]", extensions=["calculator_embed"])


def test_directive_inside_text_is_left_alone() -> None:
    html = markdown.markdown("Write `[[calculator timeline]]` to embed.", extensions=["calculator_embed"])
    assert "rtr-calculator" not in html
