"""The clinic settings a fork writes under `extra:` in mkdocs.yml: each bad
setting gives one line naming the key and what is expected."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from calculators import run
from calculators.clinic import (
    NO_LOCAL_HELP,
    Clinic,
    ConfigProblem,
    LocalHelp,
    parse_local_help,
    to_bundle,
)
from tests.unit.test_readiness_properties import SIGN_FIELDS, answers

ROOT = Path(__file__).resolve().parents[2]
NAME = {"name": "Riverside Pelvic Health"}

GOOD = [
    ("nothing", {}, NO_LOCAL_HELP),
    ("theme keys only", {"generator": False, "scope": "/"}, NO_LOCAL_HELP),
    ("empty clinic", {"clinic": {}}, NO_LOCAL_HELP),
    ("name only", {"clinic": NAME}, LocalHelp(Clinic(**NAME), ())),
    (
        "international phone",
        {"clinic": {**NAME, "phone": "+44 (0)161 496-0000"}},
        LocalHelp(Clinic(**NAME, phone="+44 (0)161 496-0000"), ()),
    ),
    (
        "planner in miles",
        {"region": {"unit": "mi"}},
        LocalHelp(None, (), unit="mi"),
    ),
    (
        "emergency route",
        {"region": {"help_routes": [{"name": "Emergency services", "phone": "999"}]}},
        None,
    ),
]

# (case, extra, the key named, words the message must contain)
BAD = [
    (
        "typo in a clinic key",
        {"clinic": {**NAME, "phnoe": "0161"}},
        "extra.clinic.phnoe",
        "Did you mean phone?",
    ),
    ("typo in the block name", {"clinc": NAME}, "extra.clinc", "Did you mean clinic?"),
    (
        "typo in region",
        {"region": {"help_route": []}},
        "extra.region.help_route",
        "Did you mean help_routes?",
    ),
    (
        "letters in a phone",
        {"clinic": {**NAME, "phone": "call us"}},
        "extra.clinic.phone",
        "phone number",
    ),
    ("too few digits", {"clinic": {**NAME, "phone": "12"}}, "extra.clinic.phone", "phone number"),
    (
        "+ in the middle",
        {"clinic": {**NAME, "phone": "0161+496"}},
        "extra.clinic.phone",
        "phone number",
    ),
    (
        "phone read as a number",
        {"clinic": {**NAME, "phone": 441614960000}},
        "extra.clinic.phone",
        "quotes",
    ),
    (
        "email without @",
        {"clinic": {**NAME, "email": "bookings.example.org"}},
        "extra.clinic.email",
        "email address",
    ),
    (
        "email without domain",
        {"clinic": {**NAME, "email": "bookings@example"}},
        "extra.clinic.email",
        "email address",
    ),
    (
        "http booking link",
        {"clinic": {**NAME, "booking_url": "http://example.org/book"}},
        "extra.clinic.booking_url",
        "https://",
    ),
    (
        "booking link without scheme",
        {"clinic": {**NAME, "booking_url": "example.org/book"}},
        "extra.clinic.booking_url",
        "https://",
    ),
    (
        "logo from another site",
        {"clinic": {**NAME, "logo": "https://cdn.example.org/logo.png"}},
        "extra.clinic.logo",
        "loads nothing from other websites",
    ),
    (
        "logo not an image",
        {"clinic": {**NAME, "logo": "assets/logo.exe"}},
        "extra.clinic.logo",
        ".svg",
    ),
    ("no name", {"clinic": {"phone": "0161 496 0000"}}, "extra.clinic.name", "missing"),
    ("clinic as a line", {"clinic": "Riverside"}, "extra.clinic", "block of settings"),
    ("name over lines", {"clinic": {"name": "a\nb"}}, "extra.clinic.name", "one line"),
    (
        "routes not a list",
        {"region": {"help_routes": "NHS 111"}},
        "extra.region.help_routes",
        "list",
    ),
    (
        "route without name",
        {"region": {"help_routes": [{"phone": "111"}]}},
        "extra.region.help_routes[1].name",
        "missing",
    ),
    (
        "unit spelled out",
        {"region": {"unit": "miles"}},
        "extra.region.unit",
        "expected km or mi",
    ),
    ("unit as a list", {"region": {"unit": ["mi"]}}, "extra.region.unit", "expected km or mi"),
    (
        "typo in unit",
        {"region": {"units": "mi"}},
        "extra.region.units",
        "Did you mean unit?",
    ),
    (
        "http route",
        {"region": {"help_routes": [{"name": "A", "url": "http://a.org"}]}},
        "extra.region.help_routes[1].url",
        "https://",
    ),
]


@pytest.mark.parametrize(("case", "extra", "expected"), GOOD, ids=[c[0] for c in GOOD])
def test_good_settings_are_read(case: str, extra: dict, expected: LocalHelp | None) -> None:
    parsed = parse_local_help(extra)
    assert isinstance(parsed, LocalHelp), parsed
    if expected is not None:
        assert parsed == expected


@pytest.mark.parametrize(("case", "extra", "key", "words"), BAD, ids=[c[0] for c in BAD])
def test_bad_settings_give_one_line_naming_the_key(
    case: str, extra: dict, key: str, words: str
) -> None:
    parsed = parse_local_help(extra)
    assert isinstance(parsed, ConfigProblem), f"{case} was accepted"
    assert parsed.message.startswith(f"{key}: "), parsed.message
    assert words in parsed.message
    assert "\n" not in parsed.message


def test_tel_link_keeps_only_digits_and_plus() -> None:
    assert Clinic(**NAME, phone="+44 (0)161 496-0000").tel == "+4401614960000"
    assert Clinic(**NAME, phone="0161 496 0000").tel == "01614960000"


def test_bundle_keeps_only_the_clinic_blocks() -> None:
    extra = {"clinic": NAME, "csp_script_hashes": ["x"], "scope": "/"}
    assert to_bundle(extra) == {"clinic": NAME}


# --- the readiness verdict ---------------------------------------------------

WARNING = json.loads(
    (ROOT / "tests/vectors/readiness/see-professional-sign-leaking.json").read_text()
)["input"]
CLINIC = Clinic(
    name="Riverside Pelvic Health",
    phone="0161 496 0000",
    email="bookings@example.org",
    booking_url="https://example.org/book?from=rtr&x=<b>",
)


def test_see_professional_books_with_the_clinic_first() -> None:
    out = run("readiness", WARNING, clinic=CLINIC)
    physio = next(p for p in out["result"]["professionals"] if p["key"] == "physio")
    assert physio["booking"]["service"] == "Riverside Pelvic Health"
    html = out["html"]
    start = html.index('data-professional="physio"')
    book = html.index("Book with Riverside Pelvic Health", start)
    assert book < html.index("How to find a pelvic health physiotherapist", start)
    assert 'href="https://example.org/book?from=rtr&amp;x=&lt;b&gt;"' in html
    assert 'href="tel:01614960000"' in html


def test_a_doctors_referral_is_never_replaced_by_the_clinic() -> None:
    answers = {**WARNING, "sign_leaking": False, "clinician_chest": True}
    out = run("readiness", answers, clinic=CLINIC)
    keys = [p["key"] for p in out["result"]["professionals"]]
    assert keys == ["gp"], keys
    assert "Book with" not in out["html"]


def test_without_a_clinic_the_result_is_as_before() -> None:
    out = run("readiness", WARNING)
    assert "Book with" not in out["html"]
    assert all(p["booking"] is None for p in out["result"]["professionals"])


def test_other_verdicts_never_mention_the_clinic() -> None:
    ready = json.loads((ROOT / "tests/vectors/readiness/ready-all-passed.json").read_text())[
        "input"
    ]
    assert "Book with" not in run("readiness", ready, clinic=CLINIC)["html"]


# --- the command line ---------------------------------------------------------


def _cli(tmp_path: Path, clinic: object) -> subprocess.CompletedProcess[str]:
    (tmp_path / "answers.json").write_text(json.dumps(WARNING))
    (tmp_path / "clinic.json").write_text(json.dumps(clinic))
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "calculators",
            "readiness",
            "--html",
            "--input",
            str(tmp_path / "answers.json"),
            "--clinic",
            str(tmp_path / "clinic.json"),
        ],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=False,
    )


def test_cli_accepts_the_bundled_clinic_file_and_matches_the_api(tmp_path: Path) -> None:
    done = _cli(
        tmp_path,
        {
            "clinic": {
                "name": CLINIC.name,
                "booking_url": CLINIC.booking_url,
                "phone": CLINIC.phone,
                "email": CLINIC.email,
            }
        },
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout) == run("readiness", WARNING, clinic=CLINIC)


def test_cli_refuses_a_bad_clinic_file_in_one_line(tmp_path: Path) -> None:
    done = _cli(tmp_path, {"clinic": {"name": "X", "booking_url": "http://x.org"}})
    assert done.returncode == 2
    assert done.stderr.strip().count("\n") == 0
    assert "extra.clinic.booking_url" in done.stderr and "Traceback" not in done.stderr


# --- clinical safety: a clinic changes who to book with, never the verdict ----

clinics = st.builds(
    Clinic,
    name=st.text(min_size=1, max_size=30),
    phone=st.none() | st.just("0161 496 0000"),
    booking_url=st.none() | st.just("https://example.org/book"),
)


@given(answers(), st.lists(st.sampled_from(SIGN_FIELDS), unique=True), clinics)
def test_a_clinic_never_changes_the_verdict_or_the_advice(
    a: dict, signs: list[str], clinic: Clinic
) -> None:
    a = {**a, **{s: True for s in signs}}
    plain, named = run("readiness", a), run("readiness", a, clinic=clinic)
    assert plain["ok"] == named["ok"]
    if not plain["ok"]:
        return
    before, after = plain["result"], named["result"]
    assert after["verdict"] == before["verdict"]
    if signs:
        assert after["verdict"] == "see-professional"
    for p in after["professionals"]:
        p["booking"] = None  # the only difference allowed
    assert after == before


class MkDocsConfig(dict):
    """Stands in for MkDocs' config: the build finds the site's `extra` on the
    call stack by this type's name (calculator_embed/site_config.py)."""


def _planner_form_as_built(extra: dict) -> str:
    import markdown

    from calculator_embed import CalculatorExtension

    config = MkDocsConfig(extra=extra)  # noqa: F841 - read from this frame by the build
    return markdown.markdown("[[calculator planner]]", extensions=[CalculatorExtension()])


def _checked_unit(html: str) -> list[str]:
    import re

    return re.findall(r'<input type="radio" id="rtr-planner-unit-(\w+)"[^>]* checked>', html)


def test_a_copy_in_miles_starts_the_planner_form_in_miles() -> None:
    assert _checked_unit(_planner_form_as_built({"region": {"unit": "mi"}})) == ["mi"]
    assert _checked_unit(_planner_form_as_built({"region": {"unit": "km"}})) == ["km"]
    assert _checked_unit(_planner_form_as_built({})) == ["km"]


def test_the_copys_unit_changes_only_the_forms_start() -> None:
    """Answers without a unit still mean km: the copy's choice is a default
    shown on the form, which the page then sends."""
    assert run("planner", {"today": "2026-01-07"})["result"]["unit"] == "km"
