"""The planner's rules, as data. The form, the engine, the page text and the
tests all read these, so the numbers live in one place.

Where a number comes from:
- walk-run start, one change at a time, at most 10% more running a week, stop
  and walk at symptoms: Deering et al. 2024 consensus [V];
- at least 12 weeks from intervals to steady running: one trainer (seed-jawad) [S];
- at most 3 km of running in the first week with a BMI over 30: Nielsen 2014 [V];
- poor sleep raises injury risk: one secondary source [S];
- the symptom rules (repeat, step back, skip when ill): practitioners' plans [S].
The rest (walk rungs, the weekly allowance, the consolidation rhythm, the
session cap) are this planner's own choices, explained on the page.
"""

from __future__ import annotations

from dataclasses import dataclass

WARMUP_S = 5 * 60
COOLDOWN_S = 5 * 60

JOIN_REPEATS = 3
"""The most runs a session has. At the end, the short walk breaks between
them are dropped one at a time, so three runs join into two, then one, with
the same running each time: the longest run grows by half, then doubles,
where it used to triple in one week."""

MIN_REPEATS = 2
"""A lower start never goes below two runs, so a session is still a walk-run."""

SECONDS_STEP = 15
"""Run intervals are whole multiples of 15 seconds (1 min 15 s, not 1 min 10 s):
easy to read off a watch and to remember. The one exception is the last step
with three runs, which is a third of the goal exactly (6 min 40 s for 20
minutes), because the joins after it must keep running per session the same.
Goals are whole minutes, so a third is still a whole multiple of 20 seconds."""

ALLOWANCE_PER_RUN_S = 120
"""Early on, 10% of a small week is less than any change worth making (10% of
9 minutes is 54 seconds). So a week may always add up to two minutes of running
per run, even when that is more than the percentage allows. The percentage
takes over once it allows more, from about 20 minutes of running per run at
10% (27 at 7.5%). With one minute, the default plan took 41 weeks, twice what
most people need (16 to 20 weeks, seed-jawad); two kept it at 24. Whole 15 s
steps and dropping the walk breaks one at a time make it 31: three runs can
share two minutes only as 30 s each, not 40 s."""

# The pace rule, said truly: "up to 2 min more per run, or 7.5% (10%) a week,
# whichever is more", and not tapered. The consensus (Deering et al. 2024,
# deering-2024) is "no more than 10% more running a week *in most cases*"
# (87.1% agreed); it names no rule for the first weeks of a walk-run start,
# when 10% of a few minutes is seconds, less than one 15 s step. A taper that
# dropped the allowance once runs pass 10 minutes would keep every later week
# within the percentage, but the default plan would take 40 weeks instead of
# 31 (the 5 km plan 46 instead of 38), and no gentle plan with a BMI over 30
# or poor sleep (6.5% or 5.5% a week) would reach the goal at all: 6.5% of
# 3 x (3 min 20 s), shared by three runs, is 13 s, less than one 15 s step.
# So the allowance stays, the page says plainly that early weeks may rise by
# more than 10%, and the percentage rules once it allows more.


def pace_label(name: str, rise_permille: int) -> str:
    """The pace choice, stating the whole rule the engine applies."""
    return (
        f"{name} (up to {ALLOWANCE_PER_RUN_S // 60} min more per run, "
        f"or {rise_permille / 10:g}% a week, whichever is more)"
    )


MIN_WEEKS = 12
"""Intervals to steady running takes at least 12 weeks (seed-jawad) [S]."""

NEAR_GOAL_FRACTION_PERMILLE = 500
"""A start is "near the goal" when one session already holds at least half of
the goal's running time. Only then may a plan be shorter than MIN_WEEKS. (None
of today's starting levels is that close; the rule is here for new ones.)"""

SESSION_CAP_S = 60 * 60
SESSION_CAP_OVER_GOAL_S = 15 * 60
"""No session is longer than 60 minutes, warm-up and cool-down included, or
the goal time plus 15 minutes when that is more (a 5 km at a slow easy pace)."""

BMI_FIRST_WEEK_KM = 3
"""With a BMI over 30, run at most 3 km in the first week (nielsen-2014-ijspt)."""

DEFAULT_EASY_PACE = 8
"""Minutes per km, used when the reader leaves the easy pace blank, whichever
unit she chose: the plan is then the same in km and in miles."""

EASY_PACE_RANGE: dict[str, tuple[int, int]] = {"km": (5, 12), "mi": (8, 19)}
"""Whole minutes per km, or per mile: the same paces, 5 to 12 minutes per km,
each end rounded to the nearest whole minute per mile (8.05 and 19.31)."""


@dataclass(frozen=True)
class WalkRung:
    """The walk interval shortens to `walk_s` once runs last `from_run_s`."""

    walk_s: int
    from_run_s: int


WALK_RUNGS: tuple[WalkRung, ...] = (
    WalkRung(walk_s=120, from_run_s=0),
    WalkRung(walk_s=60, from_run_s=60),
    WalkRung(walk_s=30, from_run_s=180),
)
"""Practitioners' plans go from 30 s run / 2 min walk to 1 min / 1 min, then to
longer runs with short walks [S]. The last rung's walk is the one the joins drop."""


@dataclass(frozen=True)
class Pace:
    key: str
    label: str
    rise_permille: int
    """Most extra weekly running, in thousandths of last week's running."""
    build_weeks: int
    """Weeks of change in a row before a repeat (consolidation) week."""


PACES: dict[str, Pace] = {
    p.key: p
    for p in (
        Pace("gentle", pace_label("Gentle", 75), rise_permille=75, build_weeks=3),
        Pace("standard", pace_label("Standard", 100), rise_permille=100, build_weeks=4),
    )
}


@dataclass(frozen=True)
class Modifier:
    """Something that makes a lower start and a slower ramp wise."""

    field: str
    fewer_repeats: int
    rise_cut_permille: int
    why: str
    """In words; {first_week_limit} is filled in, in the reader's unit."""


MODIFIERS: tuple[Modifier, ...] = (
    Modifier(
        field="bmi_over_30",
        fewer_repeats=1,
        rise_cut_permille=10,
        why="A BMI over 30 puts more load on the pelvic floor, muscles and joints "
        "(one source). Your first week also stays within {first_week_limit} of running.",
    ),
    Modifier(
        field="poor_sleep",
        fewer_repeats=1,
        rise_cut_permille=10,
        why="Poor sleep may raise the risk of injury (one source).",
    ),
)


@dataclass(frozen=True)
class Goal:
    key: str
    label: str
    minutes: int | None
    """Continuous running time; None for 5 km, which depends on the easy pace."""
    km: int | None = None


GOALS: dict[str, Goal] = {
    g.key: g
    for g in (
        Goal("run-20", "Run 20 minutes without stopping", 20),
        Goal("run-30", "Run 30 minutes without stopping", 30),
        Goal("run-45", "Run 45 minutes without stopping", 45),
        Goal("5k", "Run 5 km at an easy pace", None, km=5),
    )
}


@dataclass(frozen=True)
class Schedule:
    """Which days of a plan week hold a run, counted from the week's first day.

    Runs always have a rest day between them. Four runs need eight days for
    that, so with four runs a plan week is eight days long.
    """

    runs: int
    offsets: tuple[int, ...]
    cycle_days: int


SCHEDULES: dict[int, Schedule] = {
    s.runs: s
    for s in (
        Schedule(runs=2, offsets=(0, 3), cycle_days=7),
        Schedule(runs=3, offsets=(0, 2, 4), cycle_days=7),
        Schedule(runs=4, offsets=(0, 2, 4, 6), cycle_days=8),
    )
}


@dataclass(frozen=True)
class OutcomeRule:
    """What to do next week, given how this week went."""

    key: str
    label: str
    first_time: str
    """"advance", "repeat" or "back"."""
    recurred: str
    advice: str
    advice_recurred: str


OUTCOMES: dict[str, OutcomeRule] = {
    o.key: o
    for o in (
        OutcomeRule(
            "no-symptoms",
            "No symptoms during or in the 24 hours after your runs",
            first_time="advance",
            recurred="advance",
            advice="Move on to the next step.",
            advice_recurred="Move on to the next step.",
        ),
        OutcomeRule(
            "symptoms-during",
            "Symptoms started during a run",
            first_time="repeat",
            recurred="back",
            advice="You stopped and walked, which is right. Repeat this step next week.",
            advice_recurred="Symptoms came back, so go back one step.",
        ),
        OutcomeRule(
            "symptoms-after",
            "Symptoms within 24 hours after a run",
            first_time="repeat",
            recurred="back",
            advice="Repeat this step next week.",
            advice_recurred="Symptoms came back, so go back one step.",
        ),
        OutcomeRule(
            "sore-or-ill",
            "Sore, ill or exhausted",
            first_time="repeat",
            recurred="back",
            advice="Skip runs while you are ill or worn out. Then repeat this step.",
            advice_recurred="This keeps happening, so go back one step.",
        ),
    )
}
