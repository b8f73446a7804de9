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
    MOOD_DEFAULT,
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


def build_items(values: Mapping[str, Any], timing: Timing) -> tuple[Item, ...]:
    return (
        timing_item(timing),
        *(sign_item(s, bool(values.get(s.field)), "warning-signs") for s in WARNING_SIGNS),
        *(sign_item(s, bool(values.get(s.field)), "see-a-clinician") for s in CLINICIAN_CONDITIONS),
        *(load_item(t, bool(values.get(t.field))) for t in LOAD_TESTS),
        *(
            strength_item(t, values.get(t.left_field), values.get(t.right_field))
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


def referrals(values: Mapping[str, Any]) -> tuple[Referral, ...]:
    reported = [s for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS) if values.get(s.field)]
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


def _answers(values: Mapping[str, Any]) -> dict[str, object]:
    """The factor answers, with blanks filled by the form's own defaults."""
    answers: dict[str, object] = {name: values.get(name) for name in NOTE_ORDER}
    if answers["mood"] is None:
        answers["mood"] = MOOD_DEFAULT
    for flag in ("breastfeeding", "bmi_over_30"):
        answers[flag] = bool(answers[flag])
    return answers


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


def compute(values: Mapping[str, Any]) -> Readiness:
    timing = work_out_timing(values)
    items = build_items(values, timing)
    verdict = decide(items)
    answers = _answers(values)
    level, reasons, link = start(answers)
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
        professionals=referrals(values),
        now=() if timing.met else NOW_STEPS,
        factors=factors(answers),
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
