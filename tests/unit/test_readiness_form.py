"""The readiness check's form, links, wording and command line."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from html import unescape
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import pytest

from calculators import CALCULATORS, run
from calculators.fields import BooleanField, ChoiceField, IntegerField
from calculators.forms import render_form
from calculators.readiness import FORM, Readiness, compute
from calculators.readiness.advice import NOTES, NOW_STEPS
from calculators.readiness.questions import (
    CLINICIAN_CONDITIONS,
    LOAD_TESTS,
    LOWERING_FACTORS,
    MAX_REPS,
    STRENGTH_TARGET,
    STRENGTH_TESTS,
    WARNING_SIGNS,
)
from calculators.readiness.text import detail, shortfall
from calculators.sources import SOURCES
from calculators.timeline import FORM as TIMELINE_FORM

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
TODAY = "2026-06-01"

ITEM_KEYS = [
    "timing",
    "leaking", "urgency", "pressure", "pain", "doming", "sex-pain", "emptying", "bleeding",
    "calf-pain", "chest-pain", "dizziness", "fainting-or-nerve-symptoms", "abdominal-pain",
    "caesarean-symptoms", "fever", "fatigue", "high-blood-pressure", "cardiomyopathy",
    "anaemia", "eating-disorder", "injury", "condition-limits-exercise",
    "walking", "single-leg-balance", "single-leg-squat", "jog-on-the-spot",
    "forward-bounds", "hop-in-place", "running-man",
    "single-leg-calf-raise", "single-leg-bridge", "single-leg-sit-to-stand",
    "side-lying-hip-abduction",
]  # fmt: skip


def passed(**over: Any) -> dict[str, Any]:
    a: dict[str, Any] = {"today": TODAY, "weeks_since_birth": 16, "birth_type": "vaginal"}
    a |= {t.field: True for t in LOAD_TESTS}
    a |= {f: STRENGTH_TARGET for t in STRENGTH_TESTS for f in (t.left_field, t.right_field)}
    return a | over


def readiness(answers: dict[str, Any]) -> Readiness:
    parsed = CALCULATORS["readiness"].parse(answers)
    assert parsed.answers is not None, parsed.problems
    result: Readiness = compute(parsed.answers)
    return result


def ok(answers: dict[str, Any], site_root: str = "") -> dict[str, Any]:
    outcome = run("readiness", answers, site_root=site_root)
    assert outcome["ok"], outcome.get("errors")
    return outcome


SAMPLES = {
    "ready": passed(running_history="before-and-during"),
    "ready-lowered": passed(bmi_over_30=True, sleep="poor", mood="low", breastfeeding=True),
    "not-yet-early": {"today": TODAY, "birth_date": "2026-04-01", "birth_type": "caesarean"},
    "not-yet-tests": passed(bridge_left=14, test_hop_in_place=False, running_history="new"),
    "see-both": passed(sign_bleeding=True, clinician_calf=True, sign_doming=True),
}


# --- The form comes from the questions ------------------------------------------


def test_registered() -> None:
    assert CALCULATORS["readiness"].form is FORM


def test_every_question_is_a_field_and_nothing_else_is() -> None:
    fields = {f.name: f for f in FORM.fields()}
    assert len(fields) == len(FORM.fields()), "field names must be unique"
    expected = {"birth_date", "weeks_since_birth", "today", "birth_type"}
    expected |= {s.field for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)}
    expected |= {t.field for t in LOAD_TESTS}
    expected |= {f for t in STRENGTH_TESTS for f in (t.left_field, t.right_field)}
    expected |= {"sleep", "breastfeeding", "bmi_over_30", "running_history", "mood"}
    assert set(fields) == expected
    for sign in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS):
        assert isinstance(fields[sign.field], BooleanField)
        assert fields[sign.field].label == sign.question
    for test in STRENGTH_TESTS:
        for name in (test.left_field, test.right_field):
            field = fields[name]
            assert isinstance(field, IntegerField) and not field.required
            assert (field.minimum, field.maximum) == (0, MAX_REPS)
    assert isinstance(fields["birth_type"], ChoiceField) and fields["birth_type"].required
    assert [f.name for f in FORM.fields() if f.required] == ["birth_type"]


def test_counts_match_the_guideline() -> None:
    # 8 pelvic floor signs (the UK guideline and NICE NG210) and 13 of the 2025
    # contraindications one per line, plus "another condition" kept for saved answers.
    assert (len(WARNING_SIGNS), len(CLINICIAN_CONDITIONS)) == (8, 14)
    assert (len(LOAD_TESTS), len(STRENGTH_TESTS), STRENGTH_TARGET) == (7, 4, 20)


def test_timing_fields_are_the_timelines_own() -> None:
    timeline = {f.name: f for f in TIMELINE_FORM.fields()}
    for field in FORM.fields():
        if field.name in timeline:
            assert field is timeline[field.name]
    assert {"birth_date", "weeks_since_birth", "today"} <= {f.name for f in FORM.fields()}


def test_lowering_factors_name_real_answers() -> None:
    fields = {f.name: f for f in FORM.fields()}
    for factor in LOWERING_FACTORS:
        field = fields[factor.field]
        if isinstance(field, ChoiceField):
            assert factor.value in {c.value for c in field.choices}
        else:
            assert isinstance(field, BooleanField) and factor.value is True
    for (name, value), _note in NOTES.items():
        field = fields[name]
        if isinstance(field, ChoiceField) and value is not None:
            assert value in {c.value for c in field.choices}


def test_the_form_renders() -> None:
    html = render_form(FORM)
    for field in FORM.fields():
        assert f'name="{field.name}"' in html


# --- Items are stable, and the page shows them all ------------------------------


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_items_are_the_stable_list(name: str) -> None:
    outcome = ok(SAMPLES[name])
    items = outcome["result"]["items"]
    assert [i["key"] for i in items] == ITEM_KEYS
    for item in items:
        assert set(item) == {
            "key", "group", "status", "page", "test_page", "sources", "left", "right"
        }  # fmt: skip
        assert item["status"] in {"met", "not-met", "warning"}
        assert item["sources"]
    r = readiness(SAMPLES[name])
    for fact in r.items:
        if fact.status == "not-met":
            assert shortfall(fact, r), fact.key
    # Every item is in the page once; within a group, those needing attention
    # come first and the routine ones fold away below them.
    shown = re.findall(r'class="rtr-item" data-key="([^"]+)"', outcome["html"])
    assert sorted(shown) == sorted(ITEM_KEYS) and len(shown) == len(set(shown))


# --- Links and sources point at real pages --------------------------------------


def _anchors(md: Path) -> set[str]:
    return set(re.findall(r"\{#([A-Za-z0-9_-]+)\}", md.read_text(encoding="utf-8")))


def _page_exists(link: str) -> None:
    path, _, anchor = link.partition("#")
    assert path.endswith("/") and not path.startswith("/"), link
    candidates = [DOCS / f"{path.rstrip('/')}.md", DOCS / path / "index.md"]
    page = next((c for c in candidates if c.exists()), None)
    assert page is not None, f"no page for {link}"
    if anchor:
        assert anchor in _anchors(page), f"no anchor #{anchor} on {page.relative_to(ROOT)}"


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_every_link_in_the_result_exists(name: str) -> None:
    outcome = ok(SAMPLES[name])
    hrefs = re.findall(r'href="([^"]*)"', outcome["html"])
    assert hrefs
    for href in hrefs:
        if href.startswith("tools/planner/"):
            _planner_link_works(unescape(href))  # "&amp;" in the page is "&"
        else:
            _page_exists(href)


def _planner_link_works(href: str) -> None:
    """The planner's page holds the planner, and it accepts every answer the link fills in."""
    path, _, query = href.partition("?")
    _page_exists(path)
    assert "[[calculator planner]]" in (DOCS / "tools" / "planner.md").read_text(encoding="utf-8")
    answers = dict(parse_qsl(query, keep_blank_values=True, strict_parsing=True))
    parsed = CALCULATORS["planner"].parse(answers)
    assert not parsed.problems, (href, parsed.problems)


def test_every_planner_link_opens_a_planner_that_accepts_it() -> None:
    # Every start, plain and lowered by each answer that lowers it.
    variants = [{}] + [{f.field: f.value} for f in LOWERING_FACTORS]
    variants += [{"running_history": "before-and-during"}]
    links = {readiness(passed(**v)).planner_link for v in variants}
    assert None not in links and len(links) >= 3, links
    for link in links:
        assert link is not None
        _planner_link_works(link)


def test_every_page_named_in_the_data_exists() -> None:
    pages = [s.page for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)]
    pages += [t.page for t in LOAD_TESTS] + [t.test_page for t in LOAD_TESTS]
    pages += [t.page for t in STRENGTH_TESTS] + [t.test_page for t in STRENGTH_TESTS]
    pages += [s.page for s in NOW_STEPS] + [link.page for n in NOTES.values() for link in n.links]
    for page in pages:
        _page_exists(page)


def test_every_source_is_known() -> None:
    keys = {k for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS) for k in s.sources}
    keys |= {k for t in (*LOAD_TESTS, *STRENGTH_TESTS) for k in t.sources}
    keys |= {k for s in NOW_STEPS for k in s.sources}
    keys |= {k for n in NOTES.values() for k in n.sources}
    references = _anchors(DOCS / "about" / "references.md")
    for key in keys:
        assert key in SOURCES and key in references, key


def test_links_start_from_the_site_root() -> None:
    html = ok(SAMPLES["ready-lowered"], site_root="/return-to-run/")["html"]
    for href in re.findall(r'href="([^"]*)"', html):
        assert href.startswith("/return-to-run/"), href


def test_site_root_is_escaped() -> None:
    html = ok(SAMPLES["ready"], site_root='/x"><script>/')["html"]
    assert "<script" not in html
    hrefs = re.findall(r'href="([^"]*)"', html)
    assert hrefs and all(h.startswith("/x&quot;&gt;&lt;script&gt;/") for h in hrefs)


@pytest.mark.parametrize("name", sorted(SAMPLES))
def test_html_is_safe_and_careful(name: str) -> None:
    html = ok(SAMPLES[name])["html"]
    assert html.startswith('<div class="rtr-report" data-calculator="readiness" data-verdict=')
    assert '<h2 class="rtr-report__title" tabindex="-1" data-announce>' in html
    assert "<script" not in html and "style=" not in html
    assert not re.search(r"\son[a-z]+=", html)
    assert "your baby" not in html.lower()


def test_no_wording_assumes_a_living_baby() -> None:
    texts = [f.label + f.hint for f in FORM.fields()] + [g.legend + g.hint for g in FORM.groups]
    texts += [n.detail for n in NOTES.values()] + [s.detail for s in NOW_STEPS]
    for text in texts:
        assert "your baby" not in text.lower() and "your child" not in text.lower(), text


# --- What each verdict says -----------------------------------------------------


def test_not_yet_names_each_side_and_how_far_short() -> None:
    answers = passed(bridge_left=14, bridge_right=22, calf_raise_right=None)
    outcome, r = ok(answers), readiness(answers)
    items = {i.key: i for i in r.items}
    bridge, calf = items["single-leg-bridge"], items["single-leg-calf-raise"]
    assert "Left single-leg bridge: 14 of 20" in detail(bridge, r)
    assert "6 short" in detail(bridge, r)
    assert "Right single-leg calf raise: not tested yet" in detail(calf, r)
    assert shortfall(bridge, r) == "Left single-leg bridge: 14 of 20"
    assert shortfall(calf, r) == "Right single-leg calf raise: not tested yet"
    assert items["single-leg-sit-to-stand"].status == "met"
    untested = readiness(passed(hip_abduction_left=None, hip_abduction_right=None))
    hips = next(i for i in untested.items if i.key == "side-lying-hip-abduction")
    assert shortfall(hips, untested) == "not tested yet on either side"
    html = outcome["html"]
    todo = re.findall(r'<li class="rtr-todo__item" data-key="([^"]+)"', html)
    assert todo == ["single-leg-calf-raise", "single-leg-bridge"]
    assert (
        '<a href="rebuild/strength/#single-leg-bridge">Single-leg bridge: 20 on each side</a> – '
        "Left single-leg bridge: 14 of 20</li>"
    ) in html


def test_under_12_weeks_gives_the_earliest_date_and_what_to_do_now() -> None:
    from_date = ok({"today": TODAY, "birth_date": "2026-04-01", "birth_type": "vaginal"})
    assert from_date["result"]["earliest_date"] == "2026-06-24"
    assert "is <strong>24 June 2026</strong>" in from_date["html"]
    for page in ("rebuild/reconnect/#360-breathing", "rebuild/reconnect/#pelvic-floor-exercises",
                 "rebuild/reconnect/#early-walking", "rebuild/strength/"):  # fmt: skip
        assert f'href="{page}"' in from_date["html"]
    from_weeks = ok({"today": TODAY, "weeks_since_birth": 8, "birth_type": "vaginal"})
    assert from_weeks["result"]["earliest_date"] == "2026-06-29"
    assert "is about <strong>29 June 2026</strong>" in from_weeks["html"]
    past = ok(passed(bridge_left=3))
    assert past["result"]["now"] == [] and "rtr-earliest" not in past["html"]


def test_see_professional_names_who_and_why() -> None:
    outcome = ok(SAMPLES["see-both"])
    result, html = outcome["result"], outcome["html"]
    pros = {p["key"]: p for p in result["professionals"]}
    assert list(pros) == ["gp", "physio"]
    assert pros["gp"]["reason_keys"] == ["bleeding", "calf-pain"]
    assert pros["physio"]["reason_keys"] == ["doming", "bleeding"]
    assert 'data-professional="physio"' in html and 'data-professional="gp"' in html
    assert 'href="test/warning-signs/#finding-a-physio"' in html
    assert 'href="test/warning-signs/#doming"' in html
    assert "urgent medical help" in html
    physio_only = ok(passed(sign_leaking=True))["html"]
    assert 'data-professional="gp"' not in physio_only and "urgent" not in physio_only


def test_ready_links_to_the_prefilled_planner() -> None:
    html = ok(SAMPLES["ready-lowered"], site_root="/")["html"]
    assert 'data-start-level="run30-walk120"' in html
    query = "level=run30-walk120&amp;bmi_over_30=true&amp;poor_sleep=true"
    assert f'href="/tools/planner/?{query}"' in html
    assert "because your BMI is over 30, your sleep is broken or short most nights and" in html
    step_up = ok(SAMPLES["ready"])["html"]
    assert 'href="tools/planner/?level=run60-walk60"' in step_up


def test_factor_notes_link_their_pages() -> None:
    html = ok(SAMPLES["ready-lowered"])["html"]
    for page in ("#sleep", "#breastfeeding", "#sports-bra", "#bmi", "#mood"):
        assert f'href="run/life-around-running/{page}"' in html
    assert "3 km" in html and 'href="about/references/#nielsen-2014-ijspt"' in html
    assert "GP, midwife or health visitor" in html


# --- Command line ----------------------------------------------------------------


def _cli(tmp_path: Path, answers: object) -> subprocess.CompletedProcess[str]:
    file = tmp_path / "answers.json"
    file.write_text(json.dumps(answers), encoding="utf-8")
    return subprocess.run(
        [sys.executable, "-m", "calculators", "readiness", "--input", str(file)],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip


def test_cli_valid(tmp_path: Path) -> None:
    done = _cli(tmp_path, SAMPLES["ready"])
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["result"]["verdict"] == "ready"


def test_cli_invalid(tmp_path: Path) -> None:
    done = _cli(tmp_path, {"today": TODAY, "weeks_since_birth": 261, "bridge_left": -1})
    assert done.returncode == 2
    fields = {e["field"] for e in json.loads(done.stdout)["errors"]}
    assert fields == {"weeks_since_birth", "bridge_left", "birth_type"}
    assert "bridge_left: Enter a number from 0 to 200" in done.stderr


def test_every_field_is_documented_for_the_command_line() -> None:
    text = (DOCS / "about" / "how-it-works.md").read_text(encoding="utf-8")
    section = text.split("## Readiness check: fields", 1)[1].split("\n## ", 1)[0]
    # Generated from FORM at build time (tests/unit/test_field_reference.py).
    assert "[[fields readiness]]" in section
