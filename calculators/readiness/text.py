"""The words for each readiness item: its label, what the reader's answers
mean for it, and how far short it is. Compute returns the facts (status,
counts, dates); these sentences are written from them here, in one place."""

from __future__ import annotations

from ..html import long_date
from .compute import Item, Readiness
from .questions import (
    CLINICIAN_CONDITIONS,
    LOAD_TESTS,
    MIN_WEEKS,
    PROFESSIONALS,
    STRENGTH_TESTS,
    WARNING_SIGNS,
    LoadTest,
    Sign,
    StrengthTest,
)

_SIGNS: dict[str, Sign] = {s.key: s for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)}
_LOAD: dict[str, LoadTest] = {t.key: t for t in LOAD_TESTS}
_STRENGTH: dict[str, StrengthTest] = {t.key: t for t in STRENGTH_TESTS}


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _span(days: int) -> str:
    weeks, rest = divmod(days, 7)
    if weeks and rest:
        return f"{_plural(weeks, 'week')} and {_plural(rest, 'day')}"
    return _plural(weeks, "week") if weeks else _plural(rest, "day")


def _who(sign: Sign) -> str:
    names = [p.in_sentence for p in PROFESSIONALS if p.key in sign.professionals]
    return " and ".join(names)


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


def label(item: Item) -> str:
    if item.group == "timing":
        return f"At least {MIN_WEEKS} weeks since birth"
    if item.key in _SIGNS:
        return _SIGNS[item.key].title
    if item.key in _LOAD:
        test = _LOAD[item.key]
        return f"{test.title}: {test.target}"
    strength = _STRENGTH[item.key]
    return f"{strength.title}: {strength.target} on each side"


def _timing_detail(item: Item, r: Readiness) -> str:
    now = f"You are {_span(r.days_since_birth)} after birth"
    if item.status == "met":
        return f"{now}: past the {MIN_WEEKS}-week minimum."
    about = "about " if r.earliest_date_is_estimate else ""
    return (
        f"{now}, {_span(r.days_to_go)} short of {MIN_WEEKS} weeks. Running is not "
        f"advised before {MIN_WEEKS} weeks. Your earliest date is {about}"
        f"{long_date(r.earliest_date)}."
    )


def _sign_detail(item: Item) -> str:
    if item.status != "warning":
        return "You did not report this."
    if item.group == "warning-signs":
        return f"You reported this. Don't run yet: see {_who(_SIGNS[item.key])}."
    return f"You reported this. See {_who(_SIGNS[item.key])} before you exercise."


def _load_detail(test: LoadTest, passed: bool) -> str:
    if passed:
        return f"Done: {test.target}, with no symptoms."
    return (
        f"Not passed yet, or not tried yet. Target: {test.target}, "
        "with no pain, heaviness, dragging or leaking."
    )


def _strength_detail(item: Item) -> str:
    test = _STRENGTH[item.key]
    detail = " ".join((_side(test, "Left", item.left), _side(test, "Right", item.right)))
    if item.status != "met":
        detail += f" Both sides need {test.target}: your weaker side counts."
    return detail


def detail(item: Item, r: Readiness) -> str:
    """What the reader's answers mean for this item, in a sentence or three."""
    if item.group == "timing":
        return _timing_detail(item, r)
    if item.key in _SIGNS:
        return _sign_detail(item)
    if item.key in _LOAD:
        return _load_detail(_LOAD[item.key], item.status == "met")
    return _strength_detail(item)


def shortfall(item: Item, r: Readiness) -> str:
    """How far short an unmet item is, in a few words: "left bridge: 14 of 20"."""
    if item.group == "timing":
        about = "about " if r.earliest_date_is_estimate else ""
        return f"{_span(r.days_to_go)} to go, until {about}{long_date(r.earliest_date)}"
    if item.key in _LOAD:
        return "not passed yet"
    test = _STRENGTH[item.key]
    if item.left is None and item.right is None:
        return "not tested yet on either side"
    sides = (_short_side(test, "Left", item.left), _short_side(test, "Right", item.right))
    return "; ".join(s for s in sides if s)
