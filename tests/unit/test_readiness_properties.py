"""Properties of the readiness check, over many generated answers."""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from calculators import run
from calculators.readiness import FORM, VERDICT_ORDER
from calculators.readiness.questions import (
    BIRTH_TYPES,
    CLINICIAN_CONDITIONS,
    HISTORY_CHOICES,
    LOAD_TESTS,
    MAX_REPS,
    MOOD_CHOICES,
    SLEEP_CHOICES,
    STRENGTH_TESTS,
    WARNING_SIGNS,
)

TODAY = "2026-06-01"
SIGN_FIELDS = [s.field for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)]
REP_FIELDS = [f for t in STRENGTH_TESTS for f in (t.left_field, t.right_field)]
LOAD_FIELDS = [t.field for t in LOAD_TESTS]
FIELD_NAMES = [f.name for f in FORM.fields()]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def _values(pairs: tuple[tuple[str, str], ...]) -> list[str]:
    return [value for value, _ in pairs]


@st.composite
def answers(draw: st.DrawFn) -> dict[str, Any]:
    """Any valid set of answers (with a fixed today, so results are comparable)."""
    a: dict[str, Any] = {
        "today": TODAY,
        "weeks_since_birth": draw(st.integers(0, 260)),
        "birth_type": draw(st.sampled_from(_values(BIRTH_TYPES))),
        "sleep": draw(st.none() | st.sampled_from(_values(SLEEP_CHOICES))),
        "running_history": draw(st.none() | st.sampled_from(_values(HISTORY_CHOICES))),
        "mood": draw(st.none() | st.sampled_from(_values(MOOD_CHOICES))),
        "breastfeeding": draw(st.booleans()),
        "bmi_over_30": draw(st.booleans()),
    }
    # Lean towards "no symptoms, tests passed" so that every verdict is reached.
    for name in SIGN_FIELDS:
        a[name] = draw(st.booleans()) if draw(st.integers(0, 9)) == 0 else False
    for name in LOAD_FIELDS:
        a[name] = draw(st.booleans()) if draw(st.integers(0, 4)) == 0 else True
    for name in REP_FIELDS:
        a[name] = draw(st.none() | st.integers(0, MAX_REPS) | st.integers(18, 40))
    return a


def verdict(a: dict[str, Any]) -> str:
    outcome = run("readiness", a)
    assert outcome["ok"], outcome.get("errors")
    return outcome["result"]["verdict"]  # type: ignore[no-any-return]


def rank(v: str) -> int:
    return VERDICT_ORDER.index(v)  # type: ignore[arg-type]


@SETTINGS
@given(answers(), st.lists(st.sampled_from(SIGN_FIELDS), min_size=1, unique=True))
def test_any_sign_means_never_ready(a: dict[str, Any], signs: list[str]) -> None:
    for name in signs:
        a[name] = True
    outcome = run("readiness", a)
    assert outcome["ok"]
    result = outcome["result"]
    assert result["verdict"] == "see-professional"
    assert result["start_level"] is None and result["planner_link"] is None
    signs_and_conditions = (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)
    reported = {s.field for s in signs_and_conditions if s.key in result["warnings"]}
    assert reported == {name for name in SIGN_FIELDS if a[name]}
    assert 'data-verdict="see-professional"' in outcome["html"]


def test_every_combination_of_one_sign_with_everything_passed() -> None:
    # The strongest case for "ready": everything else passed. No sign may let it through.
    best: dict[str, Any] = {"today": TODAY, "weeks_since_birth": 30, "birth_type": "vaginal"}
    best |= {name: True for name in LOAD_FIELDS} | {name: MAX_REPS for name in REP_FIELDS}
    assert verdict(best) == "ready"
    for name in SIGN_FIELDS:
        assert verdict(best | {name: True}) == "see-professional", name


# Every referral sign the sources list, by the check's own keys. The pelvic
# floor signs are the UK guideline's (goom-2019) with NICE NG210's pain with sex
# and emptying disorders of the bowel and bladder; the doctor's list is the 2025
# statement's contraindications (davenport-2025), each on its own line.
PHYSIO_SIGN_KEYS = {
    "leaking", "urgency", "pressure", "pain", "doming", "bleeding", "sex-pain", "emptying",
}
DOCTOR_SIGN_KEYS = {
    "calf-pain", "chest-pain", "dizziness", "fainting-or-nerve-symptoms", "abdominal-pain",
    "caesarean-symptoms", "fever", "fatigue", "high-blood-pressure", "cardiomyopathy",
    "anaemia", "eating-disorder", "injury", "bleeding",
}
SIGNS_BY_KEY = {s.key: s for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)}


def test_the_check_asks_about_every_listed_sign() -> None:
    missing = (PHYSIO_SIGN_KEYS | DOCTOR_SIGN_KEYS) - set(SIGNS_BY_KEY)
    assert not missing, f"the readiness check does not ask about {sorted(missing)}"
    for key in PHYSIO_SIGN_KEYS:
        assert "physio" in SIGNS_BY_KEY[key].professionals, key
    for key in DOCTOR_SIGN_KEYS:
        assert "gp" in SIGNS_BY_KEY[key].professionals, key


@SETTINGS
@given(answers(), st.sampled_from(sorted(PHYSIO_SIGN_KEYS | DOCTOR_SIGN_KEYS)))
def test_each_listed_sign_sends_her_to_the_right_person_and_never_to_run(
    a: dict[str, Any], key: str
) -> None:
    sign = SIGNS_BY_KEY[key]
    result = run("readiness", a | {sign.field: True})["result"]
    assert result["verdict"] == "see-professional"
    assert result["start_level"] is None and result["planner_link"] is None
    assert key in result["warnings"]
    for pro in sign.professionals:
        referral = next(r for r in result["professionals"] if r["key"] == pro)
        assert key in referral["reason_keys"]


@SETTINGS
@given(answers())
def test_a_reader_who_leaks_is_pointed_to_exercises_she_can_start_today(a: dict[str, Any]) -> None:
    result = run("readiness", a)["result"]
    helps = [f for f in result["factors"] if f["key"] == "leaking-help"]
    if not a["sign_leaking"]:
        assert not helps
        return
    assert result["verdict"] == "see-professional"
    (help_,) = helps
    assert "rebuild/reconnect/#pelvic-floor-exercises" in [link["page"] for link in help_["links"]]
    assert not help_["lowers_start"]


@st.composite
def improvements(draw: st.DrawFn) -> tuple[dict[str, Any], dict[str, Any]]:
    """Answers, and the same answers with one thing better."""
    before = draw(answers())
    after = dict(before)
    kind = draw(st.sampled_from(["reps", "sign", "test", "weeks"]))
    if kind == "reps":
        name = draw(st.sampled_from(REP_FIELDS))
        current = before[name]
        low = 0 if current is None else current
        after[name] = draw(st.integers(low, MAX_REPS))
    elif kind == "sign":
        name = draw(st.sampled_from(SIGN_FIELDS))
        before[name] = True
        after[name] = False
    elif kind == "test":
        name = draw(st.sampled_from(LOAD_FIELDS))
        before[name] = False
        after[name] = True
    else:
        after["weeks_since_birth"] = draw(st.integers(before["weeks_since_birth"], 260))
    return before, after


@SETTINGS
@given(improvements())
def test_improving_an_answer_never_makes_the_verdict_worse(
    pair: tuple[dict[str, Any], dict[str, Any]],
) -> None:
    before, after = pair
    assert rank(verdict(after)) >= rank(verdict(before))


@SETTINGS
@given(answers(), st.sampled_from(["bmi_over_30", "sleep", "mood", "running_history"]))
def test_factors_never_change_the_verdict(a: dict[str, Any], factor: str) -> None:
    worst = {"bmi_over_30": True, "sleep": "poor", "mood": "low", "running_history": "new"}
    lowered = a | {factor: worst[factor]}
    assert verdict(lowered) == verdict(a)


@SETTINGS
@given(answers())
def test_step_up_start_only_for_experienced_runners_with_nothing_lowering(
    a: dict[str, Any],
) -> None:
    outcome = run("readiness", a)
    result = outcome["result"]
    if result["verdict"] != "ready":
        assert result["start_level"] is None
        return
    step_up = (
        a["running_history"] == "before-and-during"
        and not a["bmi_over_30"]
        and a["sleep"] != "poor"
        and a["mood"] != "low"
    )
    assert result["start_level"] == ("run60-walk60" if step_up else "run30-walk120")
    link = result["planner_link"]
    assert link.startswith(f"tools/planner/?level={result['start_level']}")
    assert ("bmi_over_30=true" in link) == a["bmi_over_30"]
    assert ("poor_sleep=true" in link) == (a["sleep"] == "poor")


# --- Junk never raises ----------------------------------------------------------

scalars = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.dates().map(lambda d: d.isoformat())
    | st.sampled_from(["", " ", "true", "on", "no", "20", "-1", "1e400", "nan", "12.0", "vaginal"])
    # Dates at the ends of the calendar, where date arithmetic overflows.
    | st.sampled_from(["0001-01-01", "0001-02-01", "9999-12-31", "2026-02-29"])
)
json_values = st.recursive(
    scalars,
    lambda inner: (
        st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4)
    ),
    max_leaves=12,
)
keys = st.sampled_from(FIELD_NAMES) | st.text(max_size=10)
payloads = (
    json_values
    | st.dictionaries(keys, json_values, max_size=12)
    | st.dictionaries(st.sampled_from(FIELD_NAMES), scalars, max_size=len(FIELD_NAMES))
)


def _assert_clean(outcome: dict[str, Any]) -> None:
    json.dumps(outcome)  # everything is JSON-ready
    assert outcome["calculator"] == "readiness"
    if outcome["ok"]:
        assert outcome["result"]["verdict"] in VERDICT_ORDER
        assert outcome["html"].startswith('<div class="rtr-report" data-calculator="readiness"')
    else:
        assert outcome["errors"], "an error result must say what is wrong"
        for error in outcome["errors"]:
            assert set(error) == {"field", "message"}
            assert isinstance(error["field"], str) and isinstance(error["message"], str)
            assert error["message"].strip()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(payloads)
def test_junk_input_gives_a_clean_error_or_a_result(payload: object) -> None:
    _assert_clean(run("readiness", payload))


@SETTINGS
@given(answers(), st.sampled_from(FIELD_NAMES), scalars)
def test_one_junk_value_in_valid_answers_is_handled(
    a: dict[str, Any], name: str, value: object
) -> None:
    _assert_clean(run("readiness", a | {name: value}))


edge_dates = (
    st.dates(max_value=dt.date(1, 12, 31))
    | st.dates(min_value=dt.date(9999, 1, 1))
    | st.dates()
).map(lambda d: d.isoformat())


@SETTINGS
@given(answers(), edge_dates, edge_dates, st.booleans())
def test_dates_anywhere_in_the_calendar_are_handled(
    a: dict[str, Any], today: str, birth: str, use_birth_date: bool
) -> None:
    a = a | {"today": today}
    if use_birth_date:
        a = {k: v for k, v in a.items() if k != "weeks_since_birth"} | {"birth_date": birth}
    _assert_clean(run("readiness", a))
