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

from ..clinic import Clinic
from ..html import long_date
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
    MIN_WEEKS,
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
    key: str
    group: ItemGroup
    label: str
    status: Status
    detail: str
    page: str
    """Where to read about it or work on it."""
    test_page: str | None
    """How to do the test, for tests."""
    sources: tuple[str, ...]
    shortfall: str | None
    """How far short, in a few words, when not met: "Left single-leg bridge: 14 of 20"."""


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
        return to_jsonable(self)  # type: ignore[no-any-return]


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _span(days: int) -> str:
    weeks, rest = divmod(days, 7)
    if weeks and rest:
        return f"{_plural(weeks, 'week')} and {_plural(rest, 'day')}"
    return _plural(weeks, "week") if weeks else _plural(rest, "day")


def timing_item(t: Timing) -> Item:
    now = f"You are {_span(t.days_since_birth)} after birth"
    about = "about " if t.is_estimate else ""
    shortfall = None
    if t.met:
        detail = f"{now}: past the {MIN_WEEKS}-week minimum."
    else:
        detail = (
            f"{now}, {_span(t.days_to_go)} short of {MIN_WEEKS} weeks. Running is not "
            f"advised before {MIN_WEEKS} weeks. Your earliest date is {about}"
            f"{long_date(t.earliest_date)}."
        )
        shortfall = f"{_span(t.days_to_go)} to go, until {about}{long_date(t.earliest_date)}"
    return Item(
        key=TIMING_KEY,
        group="timing",
        label=f"At least {MIN_WEEKS} weeks since birth",
        status="met" if t.met else "not-met",
        detail=detail,
        page=TIMING_PAGE,
        test_page=None,
        sources=TIMING_SOURCES,
        shortfall=shortfall,
    )


def _who(sign: Sign) -> str:
    names = [p.in_sentence for p in PROFESSIONALS if p.key in sign.professionals]
    return " and ".join(names)


def sign_item(sign: Sign, ticked: bool, group: ItemGroup) -> Item:
    if not ticked:
        detail = "You did not report this."
    elif group == "warning-signs":
        detail = f"You reported this. Don't run yet: see {_who(sign)}."
    else:
        detail = f"You reported this. See {_who(sign)} before you exercise."
    return Item(
        key=sign.key,
        group=group,
        label=sign.title,
        status="warning" if ticked else "met",
        detail=detail,
        page=sign.page,
        test_page=None,
        sources=sign.sources,
        shortfall=None,
    )


def load_item(test: LoadTest, passed: bool) -> Item:
    if passed:
        detail = f"Done: {test.target}, with no symptoms."
    else:
        detail = (
            f"Not passed yet, or not tried yet. Target: {test.target}, "
            "with no pain, heaviness, dragging or leaking."
        )
    return Item(
        key=test.key,
        group="load-and-impact",
        label=f"{test.title}: {test.target}",
        status="met" if passed else "not-met",
        detail=detail,
        page=test.page,
        test_page=test.test_page,
        sources=test.sources,
        shortfall=None if passed else "not passed yet",
    )


def _side(test: StrengthTest, side: str, reps: int | None) -> str:
    name = f"{side} {test.title.lower()}"
    if reps is None:
        return f"{name}: not tested yet."
    if reps >= test.target:
        return f"{name}: {reps}, target of {test.target} reached."
    return f"{name}: {reps} of {test.target}, {test.target - reps} short."


def _short_side(test: StrengthTest, side: str, reps: int | None) -> str | None:
    if reps is None:
        return f"{side} {test.title.lower()}: not tested yet"
    if reps < test.target:
        return f"{side} {test.title.lower()}: {reps} of {test.target}"
    return None


def strength_item(test: StrengthTest, left: int | None, right: int | None) -> Item:
    met = left is not None and right is not None and min(left, right) >= test.target
    detail = " ".join((_side(test, "Left", left), _side(test, "Right", right)))
    shortfall = None
    if not met:
        detail += f" Both sides need {test.target}: your weaker side counts."
        sides = (_short_side(test, "Left", left), _short_side(test, "Right", right))
        if left is None and right is None:
            shortfall = "not tested yet on either side"
        else:
            shortfall = "; ".join(s for s in sides if s)
    return Item(
        key=test.key,
        group="strength",
        label=f"{test.title}: {test.target} on each side",
        status="met" if met else "not-met",
        detail=detail,
        page=test.page,
        test_page=test.test_page,
        sources=test.sources,
        shortfall=shortfall,
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
    params = [f"level={level}"]
    params += [f"{f.planner_param}=true" for f in applied if f.planner_param]
    query = "&".join(params)
    return level, tuple(f.reason for f in applied), f"{PLANNER_PAGE}?{query}"


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
