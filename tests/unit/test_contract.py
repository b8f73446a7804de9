"""The browser's contract with the calculators is generated, never copied by hand.

The JavaScript (and the inline scripts in the theme overrides) must not spell
a declared field's name, a control or message-slot id, the `_input` slot or a
worker message type: each comes from the generated contract.js
(calculator_embed/manifest.py). A copy would drift the day a field is renamed.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculator_embed.manifest import MESSAGES, manifest, module_text
from calculators.forms import render_form
from calculators.registry import CALCULATORS, NAMES
from calculators.spec import INPUT

ROOT = Path(__file__).resolve().parents[2]
GENERATED = ROOT / "docs/assets/js/contract.js"

# Strings in JS source: "…", '…' and `…` (a template's ${…} is kept inside).
LITERAL = re.compile(r"""(["'`])((?:\\.|(?!\1).)*?)\1""", re.S)
# A comment: from // (not inside a URL like https://) to the end of the line.
LINE_COMMENT = re.compile(r"(^|\s)//.*$", re.M)
BLOCK_COMMENT = re.compile(r"/\*.*?\*/", re.S)
JINJA_COMMENT = re.compile(r"\{#.*?#\}", re.S)


def glue_sources() -> dict[str, str]:
    """Every hand-written script the browser runs, comments removed."""
    files = sorted((ROOT / "docs/assets/js").glob("*.js")) + sorted(
        (ROOT / "overrides").rglob("*.html")
    )
    sources = {}
    for path in files:
        if path == GENERATED:
            continue
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".html":
            text = "\n".join(
                re.findall(r"<script>(.*?)</script>", JINJA_COMMENT.sub("", text), re.S)
            )
        text = LINE_COMMENT.sub(r"\1", BLOCK_COMMENT.sub("", text))
        sources[path.relative_to(ROOT).as_posix()] = text
    return sources


def field_names() -> set[str]:
    return {f.name for name in NAMES for f in CALCULATORS[name].form.fields()}


def declared_ids() -> set[str]:
    ids: set[str] = set()
    for calc in manifest()["calculators"].values():
        ids |= {calc["form"], calc["input"]["id"], calc["input"]["error"]}
        for field in calc["fields"].values():
            ids |= {field["id"], field["error"], field["group"]}
    return ids


def hand_copies(source: str) -> list[str]:
    """What in this source copies the contract by hand."""
    names, ids = field_names(), declared_ids()
    found = []
    for match in LITERAL.finditer(source):
        text = match.group(2)
        if text in names:
            found.append(f"field name {match.group(0)}")
        # An attribute selector naming a field: [name="level"], [data-calculator="today"].
        for value in re.findall(r"""=\s*["']?([\w-]+)["']?\s*\]""", text):
            if value in names:
                found.append(f"field in a selector {match.group(0)}")
        if INPUT in text:
            found.append(f"the {INPUT} slot {match.group(0)}")
        if "rtr-${" in text:
            found.append(f"an id built by hand {match.group(0)}")
        found += [
            f"a declared id {match.group(0)}"
            for cid in ids
            if re.search(rf"\b{re.escape(cid)}\b", text)
        ]
    # A message type written out where a message is made or read.
    for match in re.finditer(r"""\btype\s*(?::|===|!==|==|!=)\s*(["'`])([\w-]+)\1""", source):
        if match.group(2) in MESSAGES or match.group(2) == "snapshot-kept":
            found.append(f"message type {match.group(0)}")
    return found


def test_the_glue_copies_no_field_id_or_message_type_by_hand() -> None:
    copies = {path: hand_copies(text) for path, text in glue_sources().items()}
    assert {path: found for path, found in copies.items() if found} == {}


@pytest.mark.parametrize(
    "snippet",
    [
        'el.querySelector(`[data-error-for="rtr-${name}-_input"]`)',
        "const id = `rtr-${name}-${field}`;",
        "form.elements.namedItem('runs_per_week')",
        'document.getElementById("rtr-readiness-calf_raise_left")',
        'postMessage({ type: "ready", phases })',
        "if (data.type !== 'run') return;",
        "document.querySelector('.rtr-calculator[data-calculator=\"today\"]')",
    ],
)
def test_the_check_finds_each_kind_of_copy(snippet: str) -> None:
    assert hand_copies(snippet)


def test_the_check_reads_every_script() -> None:
    sources = glue_sources()
    assert "docs/assets/js/calculator.js" in sources
    assert "docs/assets/js/python-worker.js" in sources
    assert "overrides/partials/python-start.html" in sources
    assert "new Worker" in sources["overrides/partials/python-start.html"]


class Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.error_for: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"] or "")
        if attr.get("data-error-for"):
            self.error_for[attr["id"] or ""] = attr["data-error-for"] or ""


@pytest.mark.parametrize("name", NAMES)
def test_the_manifest_names_what_the_form_renders(name: str) -> None:
    """Every id the manifest gives is in the rendered form, and every visible
    field's message slot belongs to its control."""
    calc = manifest()["calculators"][name]
    page = Ids()
    page.feed(render_form(CALCULATORS[name].form))
    assert calc["form"] in page.ids and calc["result"] in page.ids
    assert page.error_for[calc["input"]["error"]] == calc["input"]["id"]
    assert list(calc["fields"]) == [f.name for f in CALCULATORS[name].form.fields()]
    for field in calc["fields"].values():
        assert field["id"] in page.ids and field["group"] in page.ids
        if field["kind"] != "hidden":
            assert page.error_for[field["error"]] == field["id"]


def test_the_manifest_lists_every_calculator_and_message() -> None:
    data = manifest()
    assert list(data["calculators"]) == list(NAMES)
    assert data["input"] == INPUT
    assert set(data["messages"].values()) == set(MESSAGES)


def test_the_generated_module_is_not_committed() -> None:
    ignored = (ROOT / ".gitignore").read_text(encoding="utf-8").splitlines()
    assert "/docs/assets/js/contract.js" in ignored
    assert module_text().startswith("// Generated")
