"""The planner's HTML: structure, accessibility hooks, links and the chart."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from calculators import run

DOCS = Path(__file__).resolve().parents[2] / "docs"
VOID = {"br", "hr", "img", "input", "meta", "link", "line", "rect"}
ANSWERS = [
    {"today": "2026-01-07"},
    {
        "today": "2026-01-07",
        "goal": "5k",
        "easy_pace": "7",
        "bmi_over_30": True,
        "poor_sleep": True,
        "runs_per_week": "4",
    },
]


class Tree(HTMLParser):
    """Collects every start tag and checks that tags close in order."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag not in VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        assert self.stack and self.stack[-1] == tag, (tag, self.stack[-3:])
        self.stack.pop()

    def handle_data(self, data: str) -> None:
        self.text.append(data)

    def find(self, tag: str, **attrs: str) -> list[dict[str, str | None]]:
        return [
            a
            for t, a in self.tags
            if t == tag and all(a.get(k.replace("_", "-")) == v for k, v in attrs.items())
        ]


def parse(html: str) -> Tree:
    tree = Tree()
    tree.feed(html)
    tree.close()
    assert tree.stack == []
    return tree


@pytest.fixture(scope="module", params=range(len(ANSWERS)))
def outcome(request: pytest.FixtureRequest) -> dict:
    result = run("planner", ANSWERS[request.param], site_root="/r/")
    assert result["ok"]
    return result


def test_one_root_with_the_plan_in_data_attributes(outcome: dict) -> None:
    html = outcome["html"]
    result = outcome["result"]
    root = re.match(r'<div class="rtr-report" data-calculator="planner" ([^>]*)>', html)
    assert root, html[:200]
    assert f'data-weeks="{len(result["weeks"])}"' in root.group(1)
    assert f'data-goal="{result["goal"]}"' in root.group(1)
    assert html.endswith("</div>")
    tree = parse(html)
    assert len(tree.find("h2", **{"class": "rtr-report__title"})) == 1


def test_each_week_is_a_section_listing_its_dated_sessions(outcome: dict) -> None:
    tree = parse(outcome["html"])
    sections = tree.find("section", **{"class": "rtr-week"})
    weeks = outcome["result"]["weeks"]
    assert [s["data-week"] for s in sections] == [str(w["number"]) for w in weeks]
    assert [s["data-kind"] for s in sections] == [w["kind"] for w in weeks]
    dates = [a["data-date"] for t, a in tree.tags if t == "li" and a.get("class") == "rtr-session"]
    assert dates == [s["date"] for w in weeks for s in w["sessions"]]


def test_a_button_for_each_download(outcome: dict) -> None:
    tree = parse(outcome["html"])
    buttons = tree.find("button", type="button")
    assert [b["data-download"] for b in buttons] == [d["filename"] for d in outcome["downloads"]]
    assert all("md-button" in (b["class"] or "") for b in buttons)


def test_the_chart_is_a_labelled_image_with_one_bar_a_week(outcome: dict) -> None:
    html = outcome["html"]
    tree = parse(html)
    (svg,) = tree.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = (svg["aria-labelledby"] or "").split()
    assert tree.find("title", id=title_id) and tree.find("desc", id=desc_id)
    assert re.search(r'<div class="rtr-report"[^>]*>.*<figure class="rtr-chart">.*<svg', html)
    bars = [a for t, a in tree.tags if t == "rect" and "rtr-chart__bar" in (a.get("class") or "")]
    weeks = outcome["result"]["weeks"]
    assert len(bars) == len(weeks)
    heights = [float(b["height"] or 0) for b in bars]
    assert heights == sorted(heights) and heights[0] > 0  # running never falls
    # Colours come from the text colour, so dark mode works.
    assert "currentColor" in svg.get("fill", "")
    assert not re.search(r'(fill|stroke)="#', html)


def test_the_chart_data_is_also_a_table(outcome: dict) -> None:
    tree = parse(outcome["html"])
    assert "".join(tree.text).count("Running time, week by week") == 1
    assert len(tree.find("th", scope="col")) == 5
    assert len(tree.find("th", scope="row")) == len(outcome["result"]["weeks"])


def test_the_rules_are_printed_with_the_plan(outcome: dict) -> None:
    text = " ".join("".join(parse(outcome["html"]).text).split())
    assert "How this plan is built" in text
    assert "Stop and walk if symptoms start." in text
    assert "go back one step" in text
    assert "Skip runs while you are ill or worn out" in text
    assert "Never two runs on consecutive days." in text
    assert f"This plan takes {len(outcome['result']['weeks'])} weeks" in text


def test_no_scripts_handlers_or_style_attributes(outcome: dict) -> None:
    html = outcome["html"]
    assert "<script" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert "style=" not in html


def _anchors(markdown: str) -> set[str]:
    return set(re.findall(r"\{#([a-z0-9-]+)\}", markdown))


def test_every_link_points_at_a_page_and_anchor_that_exist(outcome: dict) -> None:
    tree = parse(outcome["html"])
    hrefs = [a["href"] for t, a in tree.tags if t == "a"]
    assert hrefs
    for href in hrefs:
        assert href and href.startswith("/r/"), href
        path, _, anchor = href[len("/r/") :].partition("#")
        page = DOCS / (path.rstrip("/") + ".md")
        assert page.exists(), href
        if anchor:
            assert anchor in _anchors(page.read_text(encoding="utf-8")), href


def test_the_easy_pace_assumption_is_stated_when_it_is_used() -> None:
    used = run("planner", {"today": "2026-01-07", "goal": "5k"})["html"]
    assert "assumed easy pace of 8 minutes per km" in used
    assert "5 km at 8 minutes per km is 40 minutes of running" in used
    unused = run("planner", {"today": "2026-01-07", "goal": "run-20"})["html"]
    assert "easy pace" not in unused


def test_four_runs_a_week_explains_the_eight_day_week() -> None:
    html = run("planner", {"today": "2026-01-07", "runs_per_week": "4"})["html"]
    assert "each plan week lasts 8 days" in html


def test_the_walk_breaks_go_one_at_a_time_and_the_page_says_so() -> None:
    out = run("planner", {"today": "2026-01-07"})
    text = " ".join("".join(parse(out["html"]).text).split())
    assert (
        "One walk break fewer: 2 runs of 15 min instead of 3 runs of 10 min. "
        "Your running time stays the same."
    ) in text
    assert (
        "Goal week: the last walk break goes, and your 2 runs join into one 30 min run."
    ) in text
    assert "3 runs of 10 min, then 2 runs of 15 min, then one 30 min run." in text


def test_runs_grow_in_whole_15_s_steps_and_weeks_are_told_in_whole_minutes() -> None:
    out = run("planner", {"today": "2026-01-07"})
    text = " ".join("".join(parse(out["html"]).text).split())
    # Week 4: 3 x 1 min 30 s is 4 min 30 s a session, 13.5 minutes a week.
    assert "Longer runs: 1 min 30 s instead of 1 min." in text
    assert "Running: 4 min 30 s a session, about 14 minutes this week." in text
    assert "Running: 3 min a session, 9 minutes this week." in text  # exact: no "about"
    assert not re.search(r"\d+\.\d+ minutes", text)
