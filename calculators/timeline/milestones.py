"""The milestones, as data. Each one names its page and its sources.

Offsets are whole weeks after birth; `until_week` is None for a milestone that
is a single point in time. Nothing here assumes a living baby: the after-loss
page promises that the calculators don't ask about one. Running with a buggy
lives on the life-around-running page, for readers who want it.
"""

from __future__ import annotations

from dataclasses import dataclass

MAX_WEEKS = 260  # five years: past that, postpartum timing no longer applies.


@dataclass(frozen=True)
class MilestoneRule:
    key: str
    title: str
    from_week: int
    until_week: int | None
    summary: str
    page: str
    """Site-relative link (directory URL, optional #anchor)."""
    sources: tuple[str, ...]


MILESTONES: tuple[MilestoneRule, ...] = (
    MilestoneRule(
        key="early-walking",
        title="Gentle walking and breathing",
        from_week=1,
        until_week=None,
        summary=(
            "Short, easy walks can start one to two weeks after birth, building up gradually. "
            "Breathing and pelvic floor reconnection can start straight away. "
            "Give yourself at least three weeks of rest and recovery before anything harder."
        ),
        page="rebuild/reconnect/#early-walking",
        sources=("seed-yoga-teacher", "christopher-2024", "cmo-2019"),
    ),
    MilestoneRule(
        key="six-week-check",
        title="Six-week postnatal check",
        from_week=6,
        until_week=None,
        summary=(
            "A chance to raise any leaking, heaviness, pain or bleeding. "
            "Being signed off at this check does not mean you are ready to run."
        ),
        page="test/warning-signs/#six-week-check",
        sources=("seed-jawad", "goom-2019"),
    ),
    MilestoneRule(
        key="strength-window",
        title="Build strength and low-impact fitness",
        from_week=6,
        until_week=12,
        summary=(
            "Spend at least three months building up before you run: strength work, "
            "walking and other low-impact exercise, aiming at the readiness tests."
        ),
        page="rebuild/strength/",
        sources=("cmo-2019", "goom-2019", "seed-jawad"),
    ),
    MilestoneRule(
        key="earliest-running",
        title="Earliest return to running",
        from_week=12,
        until_week=None,
        summary=(
            "Running is not advised before 12 weeks, and then only if you pass the "
            "readiness tests with no symptoms. Many people start later, and that is fine."
        ),
        page="run/walk-to-run/",
        sources=("goom-2019",),
    ),
    MilestoneRule(
        key="tissue-healing",
        title="Tissues are still healing",
        from_week=17,
        until_week=26,
        summary=(
            "Tissue healing takes four to six months, so build up gradually "
            "even once you have started running."
        ),
        page="run/walk-to-run/#run-walk-intervals",
        sources=("donnelly-2020",),
    ),
)
