"""Primary sources first: a page opens on its strongest evidence, and no verdict
rests on a practitioner alone.

A practitioner source (a trainer's blog, a teacher's article, a podcast) may
back a practical tip, labelled as such, but never stand alone behind a health
claim. Practitioner sources are the entries under "Practitioner articles" on
the References page, and the sources graded "practitioner" in
calculators/sources.py."""

from __future__ import annotations

import re

import pytest

from calculators import run
from calculators.sources import SOURCES
from sitebuild.vectors import load

from .test_content import DOCS, NO_CITATION, doc_pages

REFERENCES = DOCS / "about" / "references.md"

# Pages about practice tips (how to do an exercise), where a practitioner may
# come first. Each must say so before its first citation.
PRACTICE_PAGES = {"rebuild/stacking.md", "rebuild/rotation.md", "rebuild/hips.md"}
PRACTICE_LABEL = "practical tips"


def practitioner_anchors() -> set[str]:
    text = REFERENCES.read_text(encoding="utf-8")
    section = text[text.index("{#practitioner-articles}") :]
    following = re.search(r"^## ", section[1:], re.M)
    if following:
        section = section[: following.start() + 1]
    return set(re.findall(r"\{#([a-z0-9-]+)\}", section)) - {"practitioner-articles"}


def test_practitioner_sources_agree_between_the_page_and_the_calculators() -> None:
    anchors = practitioner_anchors()
    assert {"seed-jawad", "seed-yoga-teacher", "seed-rebuild-reconnect-run"} <= anchors
    for key, source in SOURCES.items():
        if key in anchors:
            assert source.practitioner, key
        else:
            assert not source.practitioner, key


def footnotes(markdown: str) -> dict[str, set[str]]:
    """Footnote label -> the References anchors its definition links to."""
    return {
        label: set(re.findall(r"references\.md#([a-z0-9-]+)", body))
        for label, body in re.findall(r"^\[\^([^\]]+)\]:(.*)$", markdown, re.M)
    }


def body(markdown: str) -> str:
    return re.sub(r"^\[\^[^\]]+\]:.*$", "", markdown, flags=re.M)


def first_citation(markdown: str) -> str:
    found = re.search(r"\[\^([^\]]+)\]", body(markdown))
    assert found, "no citation in the text"
    return found.group(1)


def practitioner_only(anchors: set[str]) -> bool:
    return bool(anchors) and anchors <= practitioner_anchors()


CITED_PAGES = sorted(doc_pages() - NO_CITATION)


@pytest.mark.parametrize("page", CITED_PAGES)
def test_first_citation_is_not_practitioner_only(page: str) -> None:
    markdown = (DOCS / page).read_text(encoding="utf-8")
    label = first_citation(markdown)
    if page in PRACTICE_PAGES:
        opening = body(markdown)[: body(markdown).index(f"[^{label}]")]
        assert PRACTICE_LABEL in opening.lower(), (
            f"{page} is a practice-tips page: say so before its first citation"
        )
        return
    anchors = footnotes(markdown)[label]
    assert not practitioner_only(anchors), (
        f"{page} opens on a practitioner-only source ([^{label}] -> {sorted(anchors)}); "
        "cite the strongest source first"
    )


def test_practice_pages_exist() -> None:
    assert PRACTICE_PAGES <= set(CITED_PAGES)


# --- Verdicts ------------------------------------------------------------------

READINESS = [v for v in load("readiness") if v.expect["ok"]]


@pytest.mark.parametrize("vector", READINESS, ids=[v.name for v in READINESS])
def test_no_readiness_statement_cites_only_a_practitioner(vector: object) -> None:
    # Every "Source:" line in the result: the verdict, each item, each step and note.
    html = run("readiness", vector.input)["html"]  # type: ignore[attr-defined]
    lines = re.findall(r'<p class="rtr-source">(.*?)</p>', html)
    assert lines
    for line in lines:
        keys = set(re.findall(r"references/#([a-z0-9-]+)", line))
        assert keys, line
        assert not all(SOURCES[k].practitioner for k in keys), line


def test_no_readiness_data_cites_only_a_practitioner() -> None:
    from calculators.readiness.advice import NOTES, NOW_STEPS
    from calculators.readiness.questions import (
        CLINICIAN_CONDITIONS,
        LOAD_TESTS,
        STRENGTH_TESTS,
        TIMING_SOURCES,
        WARNING_SIGNS,
    )
    from calculators.timeline.milestones import MILESTONES

    cited = {"timing": TIMING_SOURCES}
    cited |= {s.key: s.sources for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)}
    cited |= {t.key: t.sources for t in (*LOAD_TESTS, *STRENGTH_TESTS)}
    cited |= {f"step {s.key}": s.sources for s in NOW_STEPS}
    cited |= {f"note {k}": n.sources for k, n in NOTES.items()}
    cited |= {f"milestone {m.key}": m.sources for m in MILESTONES}
    alone = sorted(k for k, keys in cited.items() if all(SOURCES[s].practitioner for s in keys))
    assert not alone, f"cited only to a practitioner: {alone}"
