"""After a run: how it went, and what the next session should be.

The symptom rules are `adapt.next_step`'s; this module only maps a check-in
onto them, and adds the one thing a single session can show that a week's
outcome cannot: a sign that means "see a clinician before exercising"
(davenport-2025). The safety rule, proved by the tests for every input:
a check-in that reports any warning sign is never answered with "advance"
(or "finished").
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from ..readiness.questions import CLINICIAN_CONDITIONS, WARNING_SIGNS, Sign
from .adapt import next_step
from .compute import Plan

HowItWent = Literal["no-symptoms", "symptoms-during", "symptoms-after", "stopped-early"]
HOW_IT_WENT: tuple[HowItWent, ...] = (
    "no-symptoms",
    "symptoms-during",
    "symptoms-after",
    "stopped-early",
)

ADAPT_OUTCOME: dict[HowItWent, str] = {
    "no-symptoms": "no-symptoms",
    "symptoms-during": "symptoms-during",
    "symptoms-after": "symptoms-after",
    # Stopping early for any other reason (tired, sore, a crying baby) is
    # treated like a sore or worn-out week: repeat, never move on.
    "stopped-early": "sore-or-ill",
}

SIGNS: dict[str, Sign] = {s.key: s for s in (*WARNING_SIGNS, *CLINICIAN_CONDITIONS)}
"""The same signs as the readiness check, by key."""

Action = Literal["advance", "repeat", "back", "professional", "finished"]

SYMPTOM_RULE_SOURCES = ("deering-2024", "goom-2019")
CLINICIAN_SOURCES = ("davenport-2025",)


@dataclass(frozen=True)
class CheckIn:
    how: HowItWent
    symptoms: tuple[str, ...]
    """Keys of `SIGNS` the reader ticked."""
    effort: int | None
    """Rating of perceived effort, 1 to 10; None if not given."""
    notes: str


@dataclass(frozen=True)
class Decision:
    action: Action
    step_index: int
    """The step of the next session."""
    reason_key: str
    """Which rule decided (the view words it): an adapt outcome, or "clinician"."""
    recurred: bool
    sources: tuple[str, ...]
    signs: tuple[str, ...]
    """Signs that call for a clinician or physiotherapist, to name on the page."""


def is_setback(checkin: CheckIn) -> bool:
    return checkin.how != "no-symptoms" or bool(checkin.symptoms)


def effective_outcome(checkin: CheckIn) -> str:
    """The adapt outcome. A ticked sign outweighs "no symptoms": it is a symptom."""
    if checkin.how == "no-symptoms" and checkin.symptoms:
        return "symptoms-after"
    return ADAPT_OUTCOME[checkin.how]


def decide(plan: Plan, step_index: int, checkin: CheckIn, *, recurred: bool) -> Decision:
    """What to do next. `recurred`: the session before also ended in a setback."""
    clinician = tuple(k for k in checkin.symptoms if "gp" in SIGNS[k].professionals)
    if clinician:
        return Decision(
            "professional", step_index, "clinician", recurred, CLINICIAN_SOURCES, clinician
        )
    outcome = effective_outcome(checkin)
    advice = next_step(plan, step_index, outcome, recurred=recurred and is_setback(checkin))
    pelvic = tuple(k for k in checkin.symptoms if k in SIGNS)
    if advice.action == "repeat" and recurred and is_setback(checkin) and step_index <= 0:
        # Symptoms keep coming back even at the first step (adapt's own words).
        return Decision("professional", 0, "first-step", True, SYMPTOM_RULE_SOURCES, pelvic)
    action: Action = advice.action
    return Decision(
        action,
        advice.index,
        outcome,
        recurred and is_setback(checkin),
        SYMPTOM_RULE_SOURCES,
        pelvic,
    )
