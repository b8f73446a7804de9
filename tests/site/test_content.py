"""The guide's content: every topic has a home, every page is reachable, cited,
carries the health notice, and reads plainly."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest
import textstat
import yaml

from .conftest import ROOT, built_pages

DOCS = ROOT / "docs"

# Each topic the guide must cover -> (page, phrases that must appear on it).
# A topic cannot silently disappear: removing it fails here.
TOPICS: dict[str, tuple[str, tuple[str, ...]]] = {
    "who it is for and the path": ("index.md", ("understand", "rebuild", "test", "run")),
    "anterior pelvic tilt": ("understand/pregnancy-changes.md", ("anterior pelvic tilt",)),
    "rib flare": ("understand/pregnancy-changes.md", ("rib flare",)),
    "hip mobility": ("understand/pregnancy-changes.md", ("hip",)),
    "pelvic floor pressure": ("understand/pregnancy-changes.md", ("pressure", "pelvic floor")),
    "deep core team": ("understand/pregnancy-changes.md", ("diaphragm", "transverse abdominis", "multifidus")),
    "single-leg plyometric": ("understand/pregnancy-changes.md", ("single-leg", "plyometric")),
    "360 breathing": ("rebuild/reconnect.md", ("360",)),
    "breath coordination": ("rebuild/reconnect.md", ("breathe in", "breathe out", "let it go")),
    "pelvic tilts": ("rebuild/reconnect.md", ("pelvic tilt",)),
    "cat/cow": ("rebuild/reconnect.md", ("cat", "cow")),
    "early walking": ("rebuild/reconnect.md", ("walking",)),
    "stacking": ("rebuild/stacking.md", ("ribs over", "head over")),
    "stacking exercises": ("rebuild/stacking.md", ("glute bridge", "toe tap", "dead bug", "bird dog", "90/90", "march")),
    "plank check": ("rebuild/stacking.md", ("plank",)),
    "rotation": ("rebuild/rotation.md", ("rotat", "thoracic")),
    "proximal hamstrings and mid-stance": ("rebuild/hips.md", ("hamstring", "mid-stance")),
    "bilateral strength": ("rebuild/strength.md", ("squat", "sumo deadlift", "bridge", "step-up", "calf raise")),
    "single-leg strength": ("rebuild/strength.md", ("box squat", "single-leg bridge", "rdl", "step-down")),
    "impact": ("rebuild/strength.md", ("hop", "bound")),
    "readiness tests": ("test/readiness-tests.md", ("30 minutes", "10 seconds", "jog on the spot", "forward bound", "running man", "20")),
    "warning signs": ("test/warning-signs.md", ("pain", "pressure", "leak", "doming", "bleeding")),
    "finding a physio": ("test/warning-signs.md", ("pelvic health physiotherapist",)),
    "walk to run": ("run/walk-to-run.md", ("crawl", "hill", "lunge", "12 weeks", "short stride", "lean", "shake")),
    "sleep": ("run/life-around-running.md", ("sleep",)),
    "nutrition and energy": ("run/life-around-running.md", ("energy",)),
    "stress": ("run/life-around-running.md", ("life stress is high",)),
    "breastfeeding": ("run/life-around-running.md", ("breastfeeding",)),
    "sports bra": ("run/life-around-running.md", ("bra",)),
    "buggy": ("run/life-around-running.md", ("buggy",)),
    "shoes": ("run/life-around-running.md", ("shoe",)),
    "caesarean": ("situations/caesarean.md", ("caesarean",)),
    "after a loss": ("situations/after-loss.md", ("loss",)),
    "faq": ("about/faq.md", ("?",)),
    "glossary": ("about/glossary.md", ("pelvic floor",)),
    "references": ("about/references.md", ("goom", "deering", "davenport")),
    "about and disclaimer": ("about/index.md", ("not medical advice",)),
    "your data": ("about/your-data.md", ("local storage", "return-to-run.answers")),
}
# Pages where a citation or the reading-level target makes no sense.
NO_CITATION = {"about/glossary.md", "about/index.md", "about/references.md", "about/your-data.md", "about/how-it-works.md",
               "about/publish-your-own-copy.md"}
NOT_PROSE = {"about/references.md", "about/how-it-works.md", "about/your-data.md"}


def nav_pages() -> set[str]:
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    nav = yaml.safe_load(config[config.index("\nnav:") :])["nav"]

    def walk(node: object) -> list[str]:
        if isinstance(node, str):
            return [node]
        if isinstance(node, dict):
            return [p for value in node.values() for p in walk(value)]
        if isinstance(node, list):
            return [p for item in node for p in walk(item)]
        return []

    return set(walk(nav))


def doc_pages() -> set[str]:
    return {p.relative_to(DOCS).as_posix() for p in DOCS.rglob("*.md")}


def test_every_page_is_in_the_navigation_and_every_entry_exists() -> None:
    assert nav_pages() == doc_pages()


@pytest.mark.parametrize("topic", sorted(TOPICS))
def test_topic_is_covered(topic: str) -> None:
    page, phrases = TOPICS[topic]
    text = (DOCS / page).read_text(encoding="utf-8").lower()
    missing = [p for p in phrases if p.lower() not in text]
    assert not missing, f"{page} no longer covers {topic}: missing {missing}"


def test_home_page_links_to_every_topic_page() -> None:
    home = (DOCS / "index.md").read_text(encoding="utf-8")
    linked = {Path(unquote(m)).as_posix() for m in re.findall(r"\]\(([^)#\s]+\.md)", home)}
    pages = {page for page, _ in TOPICS.values()} - {"index.md"}
    missing = sorted(p for p in pages if p not in linked)
    assert not missing, f"the home page does not link to {missing}"


@pytest.mark.parametrize("page", sorted(doc_pages() - NO_CITATION))
def test_page_cites_a_source(page: str) -> None:
    text = (DOCS / page).read_text(encoding="utf-8")
    definitions = re.findall(r"^\[\^[^\]]+\]:.*references\.md#", text, re.M)
    assert definitions, f"{page} has no footnote citing the references page"


def test_every_built_page_has_the_health_notice(site: Path) -> None:
    for page in built_pages(site):
        html = page.read_text(encoding="utf-8")
        assert "does not replace an assessment by a pelvic health physiotherapist" in html, page


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.images: list[dict[str, str | None]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attr = dict(attrs)
        if attr.get("id"):
            self.ids.add(attr["id"] or "")
        if tag == "a" and attr.get("href"):
            self.hrefs.append(attr["href"] or "")
        if tag == "img":
            self.images.append(attr)


def parse(page: Path) -> Links:
    links = Links()
    links.feed(page.read_text(encoding="utf-8"))
    return links


def test_internal_links_and_anchors_resolve(site: Path) -> None:
    broken = []
    for page in built_pages(site):
        if page.name == "404.html":
            continue  # its links are absolute to the site's own prefix
        for href in parse(page).hrefs:
            parts = urlsplit(href)
            if parts.scheme or href.startswith(("mailto:", "//")):
                continue
            target = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                broken.append(f"{page.relative_to(site)} -> {href}")
            elif parts.fragment and target.suffix == ".html" and parts.fragment not in parse(target).ids:
                broken.append(f"{page.relative_to(site)} -> {href} (no such anchor)")
    assert not broken, "\n".join(broken)


def test_external_links_are_https(site: Path) -> None:
    for page in built_pages(site):
        for href in parse(page).hrefs:
            if href.startswith("http:"):
                pytest.fail(f"{page.relative_to(site)} links over plain http: {href}")


def test_every_image_has_alt_text_and_every_svg_a_title(site: Path) -> None:
    for page in built_pages(site):
        for image in parse(page).images:
            assert (image.get("alt") or "").strip(), (page, image)
    for svg in (DOCS / "assets/images").glob("*.svg"):
        assert "<title" in svg.read_text(encoding="utf-8"), svg


def prose(markdown: str) -> str:
    """The reader's text: no front matter, footnote definitions, markup or links."""
    text = re.sub(r"\A---\n.*?\n---\n", "", markdown, flags=re.S)
    text = re.sub(r"^\[\^[^\]]+\]:.*$", "", text, flags=re.M)
    text = re.sub(r"\[\^[^\]]+\]", "", text)
    text = re.sub(r"!\[[^\]]*\]\([^)]*\)(\{[^}]*\})?", "", text)
    text = re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"\{[#.][^}]*\}", "", text)
    text = re.sub(r"^\s*(!!!|\?\?\?|===).*$|^\s*\|?[-:| ]+\|?\s*$", "", text, flags=re.M)
    text = re.sub(r"^\s*(?:[-*+:]|\d+\.)\s+", "", text, flags=re.M)  # list and definition markers
    text = re.sub(r"<[^>]+>|[*_`#|>]", " ", text)
    return text


READING_GRADE_MAX_PAGE = 10.0
READING_GRADE_MAX_MEAN = 9.0


def test_reading_level_is_plain() -> None:
    grades = {
        page: textstat.flesch_kincaid_grade(prose((DOCS / page).read_text(encoding="utf-8")))
        for page in sorted(doc_pages() - NOT_PROSE)
    }
    hard = {p: g for p, g in grades.items() if g > READING_GRADE_MAX_PAGE}
    assert not hard, f"above grade {READING_GRADE_MAX_PAGE}: {hard}"
    mean = sum(grades.values()) / len(grades)
    assert mean <= READING_GRADE_MAX_MEAN, f"mean grade {mean:.1f}"
