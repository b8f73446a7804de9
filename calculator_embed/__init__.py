"""Python-Markdown extension: `[[calculator NAME]]` on a line of its own embeds a calculator.

The form is rendered at build time from the calculator's own field
definitions, so it is usable at first paint. The site script notices the
form and starts Python in a worker; no path here depends on page depth.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as etree  # noqa: N813 - Python-Markdown's own name for it

from markdown import Extension, Markdown
from markdown.blockparser import BlockParser
from markdown.blockprocessors import BlockProcessor

from calculators.forms import render_form
from calculators.registry import CALCULATORS

DIRECTIVE = re.compile(r"^\[\[calculator\s+([a-z][a-z0-9_-]*)\]\]\s*$")


class CalculatorBlock(BlockProcessor):
    def __init__(self, parser: BlockParser, md: Markdown) -> None:
        super().__init__(parser)
        self.md = md

    def test(self, parent: etree.Element, block: str) -> bool:
        return bool(DIRECTIVE.match(block.strip()))

    def run(self, parent: etree.Element, blocks: list[str]) -> bool:
        match = DIRECTIVE.match(blocks.pop(0).strip())
        assert match is not None  # test() guarantees it
        name = match.group(1)
        if name not in CALCULATORS:
            known = ", ".join(sorted(CALCULATORS))
            # Fails `mkdocs build --strict` loudly instead of shipping a dead page.
            raise ValueError(f"Unknown calculator {name!r} in [[calculator]]; known: {known}")
        placeholder = self.md.htmlStash.store(render_form(CALCULATORS[name].form))
        paragraph = etree.SubElement(parent, "p")
        paragraph.text = placeholder
        return True


class CalculatorExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:  # noqa: N802 - Markdown's API name
        md.parser.blockprocessors.register(CalculatorBlock(md.parser, md), "calculator", 105)


def makeExtension(**kwargs: object) -> CalculatorExtension:  # noqa: N802
    return CalculatorExtension(**kwargs)
