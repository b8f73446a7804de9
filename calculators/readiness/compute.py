"""Pure computation of the readiness check: answers in, one verdict out.

The verdict follows a strict order. Any warning sign or clinician condition
means "see-professional", whatever else is true. Otherwise anything not yet
met (time since birth, or any test) means "not-yet". Only then "ready".
The other factors change the suggested start, never the verdict.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any, Literal
from urllib.parse import urlencode

from ..clinic import Clinic
from ..jsonable import to_jsonable
from ..levels import GENTLEST, LEVELS_BY_KEY
from .advice import (
    BOOKED_REFERRAL,
    NOTE_ORDER,
    NOTES,
    NOW_STEPS,
    Booking,
    Link,
    Step,
    booking_for,
)
from .questions import (
    CLINICIAN_CONDITIONS,
    EXPERIENCED_HISTORY,
    LOAD_TESTS,
    LOWERING_FACTORS,
    PROFESSIONALS,
    STRENGTH_TESTS,
    TIMING_KEY,
    TIMING_PAGE,
    TIMING_SOURCES,
    WARNING_SIGNS,
    LoadTest,
    Sign,
    StrengthTest,
)
from .timing import Timing, work_out_timing

Verdict = Literal["see-professional", "not-yet", "ready"]
Status = Literal["met", "not-met", "warning"]
ItemGroup = Literal["timing", "warning-signs", "see-a-clinician", "load-and-impact", "strength"]

VERDICT_ORDER: tuple[Verdict, ...] = ("see-professional", "not-yet", "ready")
"""Worst first: a change of answers that is an improvement never moves left."""

STEP_UP_LEVEL = "run60-walk60"
PLANNER_PAGE = "tools/planner/"


@dataclass(frozen=True)
class ReadinessAnswers:
    """The form's answers, typed; the boxes and counts are named by `questions.py`."""

    birth_date: dt.date | None
    weeks_since_birth: int | None
    today: dt.date
    birth_type: str
    sign_leaking: bool
    sign_urgency: bool
    sign_pressure: bool
    sign_pain: bool
    sign_doming: bool
    sign_sex_pain: bool
    sign_emptying: bool
    sign_bleeding: bool
    clinician_calf: bool
    clinician_chest: bool
    clinician_dizziness: bool
    clinician_neuro: bool
    clinician_abdominal_pain: bool
    clinician_caesarean: bool
    clinician_fever: bool
    clinician_fatigue: bool
    clinician_blood_pressure: bool
    clinician_cardiomyopathy: bool
    clinician_anaemia: bool
    clinician_eating: bool
    clinician_injury: bool
    clinician_condition: bool
    test_walking: bool
    test_single_leg_balance: bool
    test_single_leg_squat: bool
    test_jog_on_the_spot: bool
    test_forward_bounds: bool
    test_hop_in_place: bool
    test_running_man: bool
    calf_raise_left: int | None
    calf_raise_right: int | None
    bridge_left: int | None
    bridge_right: int | None
    sit_to_stand_left: int | None
    sit_to_stand_right: int | None
    hip_abduction_left: int | None
    hip_abduction_right: int | None
    sleep: str | None
    breastfeeding: bool
    bmi_over_30: bool
    running_history: str | None
    mood: str

    def ticked(self, field: str) -> bool:
        """A box the questions name by field: a sign, a condition or a test."""
        value: bool = getattr(self, field)
        return value

    def reps(self, field: str) -> int | None:
        """Repetitions on one side of a strength test, None if not tested."""
        value: int | None = getattr(self, field)
        return value


@dataclass(frozen=True)
class Item:
    """One check and where the reader stands on it; `text.py` says it in words."""

    key: str
    group: ItemGroup
    status: Status
    page: str
    """Where to read about it or work on it."""
    test_page: str | None
    """How to do the test, for tests."""
    sources: tuple[str, ...]
    left: int | None = None
    right: int | None = None
    """Repetitions on each side, for a strength test (None: not tested yet)."""


@dataclass(frozen=True)
class Referral:
    """A professional to see, and the items that call for them."""

    key: str
    title: str
    in_sentence: str
    page: str
    reasons: tuple[Link, ...]
    """The items reported, each with the page that explains it."""
    reason_keys: tuple[str, ...]
    booking: Booking | None = None
    """The clinic running this copy of the site, when it is the one to see."""


@dataclass(frozen=True)
class Factor:
    key: str
    title: str
    detail: str
    links: tuple[Link, ...]
    sources: tuple[str, ...]
    lowers_start: bool


@dataclass(frozen=True)
class Readiness:
    verdict: Verdict
    today: dt.date
    birth_date: dt.date
    birth_date_is_estimate: bool
    weeks: int
    days: int
    days_since_birth: int
    days_to_go: int
    """Days left until the 12-week minimum; 0 once past it."""
    earliest_date: dt.date
    """Birth plus 12 weeks: "about" this date when counted from weeks."""
    earliest_date_is_estimate: bool
    items: tuple[Item, ...]
    unmet: tuple[str, ...]
    """Keys of the items not met yet, in item order."""
    warnings: tuple[str, ...]
    """Keys of the signs and conditions reported, in item order."""
    professionals: tuple[Referral, ...]
    now: tuple[Step, ...]
    """What to do while under 12 weeks; empty otherwise."""
    factors: tuple[Factor, ...]
    start_level: str | None
    """A key from calculators.levels, only when ready."""
    start_level_label: str | None
    start_reasons: tuple[str, ...]
    """Why the start is the gentlest one, when an answer lowered it."""
    planner_link: str | None
    """Site-relative link that opens the planner pre-filled, only when ready."""

    def to_data(self) -> dict[str, Any]:
        data: dict[str, Any] = to_jsonable(self)
        return data


def timing_item(t: Timing) -> Item:
    return Item(
        key=TIMING_KEY,
        group="timing",
        status="met" if t.met else "not-met",
        page=TIMING_PAGE,
        test_page=None,
        sources=TIMING_SOURCES,
    )


def sign_item(sign: Sign, ticked: bool, group: ItemGroup) -> Item:
    return Item(
        key=sign.key,
        group=group,
        status="warning" if ticked else "met",
        page=sign.page,
        test_page=None,
        sources=sign.sources,
    )


def load_item(test: LoadTest, passed: bool) -> Item:
    return Item(
        key=test.key,
        group="load-and-impact",
        status="met" if passed else "not-met",
        page=test.page,
        test_page=test.test_page,
        sources=test.sources,
    )


def strength_item(test: StrengthTest, left: int | None, right: int | None) -> Item:
    met = left is not None and right is not None and min(left, right) >= test.target
    return Item(
        key=test.key,
        group="strength",
        status="met" if met else "not-met",
        page=test.page,
        test_page=test.test_page,
        sources=test.sources,
        left=left,
        right=right,
    )


def build_items(answers: ReadinessAnswers, timing: Timing) -> tuple[Item, ...]:
    return (
        timing_item(timing),
        *(sign_item(s, answers.ticked(s.field), "warning-signs") for s in WARNING_SIGNS),
        *(sign_item(s, answers.ticked(s.field), "see-a-clinician") for s in CLINICIAN_CONDITIONS),
        *(load_item(t, answers.ticked(t.field)) for t in LOAD_TESTS),
        *(
            strength_item(t, answers.reps(t.left_field), answers.reps(t.right_field))
            for t in STRENGTH_TESTS
        ),
    )


def decide(items: tuple[Item, ...]) -> Verdict:
    statuses = {i.status for i in items}
    if "warning" in statuses:
        return "see-professional"
    if "not-met" in statuses:
        return "not-yet"
    return "ready"


def referrals(answers: ReadinessAnswers) -> tuple[Referral, ...]:
    reported = [s for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS) if answers.ticked(s.field)]
    found: list[Referral] = []
    for pro in PROFESSIONALS:
        mine = [s for s in reported if pro.key in s.professionals]
        if mine:
            found.append(
                Referral(
                    key=pro.key,
                    title=pro.title,
                    in_sentence=pro.in_sentence,
                    page=pro.page,
                    reasons=tuple(Link(s.page, s.title) for s in mine),
                    reason_keys=tuple(s.key for s in mine),
                )
            )
    return tuple(found)


def _factor_answers(answers: ReadinessAnswers) -> dict[str, object]:
    """The answers that shape the start, by field name (the notes are keyed so)."""
    return {name: getattr(answers, name) for name in NOTE_ORDER}


def factors(answers: Mapping[str, object]) -> tuple[Factor, ...]:
    lowering = {(f.field, f.value) for f in LOWERING_FACTORS}
    found: list[Factor] = []
    for name in NOTE_ORDER:
        note = NOTES.get((name, answers[name]))
        if note is not None:
            found.append(
                Factor(
                    key=note.key,
                    title=note.title,
                    detail=note.detail,
                    links=note.links,
                    sources=note.sources,
                    lowers_start=(name, answers[name]) in lowering,
                )
            )
    return tuple(found)


def start(answers: Mapping[str, object]) -> tuple[str, tuple[str, ...], str]:
    """The suggested level, why it was lowered (if it was), and the planner link."""
    applied = [f for f in LOWERING_FACTORS if answers.get(f.field) == f.value]
    if answers.get("running_history") == EXPERIENCED_HISTORY and not applied:
        level = STEP_UP_LEVEL
    else:
        level = GENTLEST.key
    params = [("level", level)] + [(f.planner_param, "true") for f in applied if f.planner_param]
    return level, tuple(f.reason for f in applied), PLANNER_PAGE + "?" + urlencode(params)


def compute(answers: ReadinessAnswers) -> Readiness:
    timing = work_out_timing(answers.birth_date, answers.weeks_since_birth, answers.today)
    items = build_items(answers, timing)
    verdict = decide(items)
    shaping = _factor_answers(answers)
    level, reasons, link = start(shaping)
    ready = verdict == "ready"
    return Readiness(
        verdict=verdict,
        today=timing.today,
        birth_date=timing.birth_date,
        birth_date_is_estimate=timing.is_estimate,
        weeks=timing.weeks,
        days=timing.days,
        days_since_birth=timing.days_since_birth,
        days_to_go=timing.days_to_go,
        earliest_date=timing.earliest_date,
        earliest_date_is_estimate=timing.is_estimate,
        items=items,
        unmet=tuple(i.key for i in items if i.status == "not-met"),
        warnings=tuple(i.key for i in items if i.status == "warning"),
        professionals=referrals(answers),
        now=() if timing.met else NOW_STEPS,
        factors=factors(shaping),
        start_level=level if ready else None,
        start_level_label=LEVELS_BY_KEY[level].label if ready else None,
        start_reasons=reasons if ready else (),
        planner_link=link if ready else None,
    )


def refer(r: Readiness, clinic: Clinic) -> Readiness:
    """The same result, with the clinic's booking as the first action of its referral."""
    booked = tuple(
        replace(p, booking=booking_for(clinic)) if p.key == BOOKED_REFERRAL else p
        for p in r.professionals
    )
    return replace(r, professionals=booked)
