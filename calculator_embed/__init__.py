"""Python-Markdown extension: `[[calculator NAME]]` on a line of its own embeds a calculator,
`[[fields NAME]]` its field reference, and `[[clinic help]]` shows where to get help, from
the clinic settings in mkdocs.yml.

The form is rendered at build time from the calculator's own field
definitions, so it is usable at first paint. The site script notices the
form and starts Python in a worker; no path here depends on page depth.

The clinic settings are checked here, for every page, because both MkDocs and
Zensical run Markdown extensions (Zensical ignores MkDocs hooks): a bad
setting stops the build with one line naming the key.
"""

from __future__ import annotations

import dataclasses
import re
import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

from calculators.clinic import LocalHelp
from calculators.fields import ChoiceField
from calculators.forms import render_form
from calculators.registry import CALCULATORS
from calculators.spec import FormSpec

from .field_reference import field_table
from .help_block import help_html
from .site_config import current_local_help

# Any name is matched, so a wrong one fails loudly below: the registry's
# NAMES is the one rule for what a calculator may be called.
DIRECTIVE = re.compile(r"^\[\[calculator\s+(\S+)\]\]\s*$")
FIELDS_DIRECTIVE = re.compile(r"^\[\[fields\s+(\S+)\]\]\s*$")
HELP_DIRECTIVE = re.compile(r"^\[\[clinic help\]\]\s*$")


def regional_form(form: FormSpec, local: LocalHelp) -> FormSpec:
    """The form as this copy shows it first: a `unit` question starts at the
    copy's unit (extra.region.unit). Only the starting choice changes: answers
    without a unit still mean km, wherever they come from."""
    groups = tuple(
        dataclasses.replace(
            group,
            fields=tuple(
                dataclasses.replace(f, default=local.unit)
                if f.name == "unit" and isinstance(f, ChoiceField)
                else f
                for f in group.fields
            ),
        )
        for group in form.groups
    )
    return dataclasses.replace(form, groups=groups)


def _known(name: str, directive: str) -> str:
    if name not in CALCULATORS:
        known = ", ".join(sorted(CALCULATORS))
        # Fails `mkdocs build --strict` loudly instead of shipping a dead page.
        raise ValueError(f"Unknown calculator {name!r} in [[{directive}]]; known: {known}")
    return name


class CalculatorBlock(BlockProcessor):
    def __init__(self, parser: BlockParser, md: Markdown, local: LocalHelp) -> None:
        super().__init__(parser)
        self.md = md
        self.local = local

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(DIRECTIVE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = DIRECTIVE.match(blocks.pop(0).strip())
        assert match is not None  # test() guarantees it
        name = _known(match.group(1), "calculator")
        placeholder = self.md.htmlStash.store(
            render_form(regional_form(CALCULATORS[name].form, self.local))
        )
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = placeholder
        return True


class FieldsBlock(BlockProcessor):
    def __init__(self, parser: BlockParser, md: Markdown) -> None:
        super().__init__(parser)
        self.md = md

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(FIELDS_DIRECTIVE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = FIELDS_DIRECTIVE.match(blocks.pop(0).strip())
        assert match is not None  # test() guarantees it
        name = _known(match.group(1), "fields")
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = self.md.htmlStash.store(field_table(CALCULATORS[name].form))
        return True


class ClinicHelpBlock(BlockProcessor):
    def __init__(self, parser: BlockParser, md: Markdown, local: LocalHelp) -> None:
        super().__init__(parser)
        self.md = md
        self.local = local

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(HELP_DIRECTIVE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        blocks.pop(0)
        html = help_html(self.local)
        if html:  # Nothing configured: nothing at all, as on the original site.
            paragraph = etree.SubElement(parent, "p")
            paragraph.text = self.md.htmlStash.store(html)
        return True


class CalculatorExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        local = current_local_help()
        md.parser.blockprocessors.register(CalculatorBlock(md.parser, md, local), "calculator", 105)
        md.parser.blockprocessors.register(ClinicHelpBlock(md.parser, md, local), "clinic", 104)
        md.parser.blockprocessors.register(FieldsBlock(md.parser, md), "fields", 103)


def makeExtension(**kwargs: object) -> CalculatorExtension:  # noqa: N802
    return CalculatorExtension(**kwargs)
