"""What the result says beyond pass or fail, as data: steps for the early weeks,
and notes for the other factors. Every note names its page and its sources.

Facts the guideline notes grade [S] (one secondary source) cite
`how-we-label-evidence` and say "one secondary source" in the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..clinic import Clinic


@dataclass(frozen=True)
class Step:
    """Something the reader can do now, before 12 weeks."""

    key: str
    title: str
    detail: str
    page: str
    sources: tuple[str, ...]


NOW_STEPS: tuple[Step, ...] = (
    Step(
        key="breathing",
        title="Breathing",
        detail=(
            "Start with light activity. Gentle 360° breathing is a practical tip from a "
            "postpartum yoga teacher that you can begin straight away."
        ),
        page="rebuild/reconnect/#360-breathing",
        sources=("davenport-2025", "seed-yoga-teacher"),
    ),
    Step(
        key="pelvic-floor",
        title="Pelvic floor",
        detail=(
            "Do pelvic floor exercises every day from early on. Timing them with your "
            "breath is a practical tip."
        ),
        page="rebuild/reconnect/#pelvic-floor-exercises",
        sources=("davenport-2025", "cmo-2019", "acog-2020", "seed-yoga-teacher"),
    ),
    Step(
        key="walking",
        title="Walking",
        detail=(
            "Short, easy walks, built up gradually towards the 30-minute walking test. "
            "Give yourself at least three weeks of rest and recovery before anything harder."
        ),
        page="rebuild/reconnect/#early-walking",
        sources=("cmo-2019", "christopher-2024"),
    ),
    Step(
        key="strength",
        title="Strength",
        detail=(
            "Build strength with walking and other low-impact exercise, "
            "aiming at the readiness tests."
        ),
        page="rebuild/strength/",
        sources=("cmo-2019", "goom-2019"),
    ),
)


@dataclass(frozen=True)
class Link:
    page: str
    text: str


@dataclass(frozen=True)
class Note:
    """A "thing to bear in mind" for one answer to one factor question."""

    key: str
    title: str
    detail: str
    links: tuple[Link, ...]
    sources: tuple[str, ...]


_SECONDARY = "how-we-label-evidence"
_LIFE = "run/life-around-running/"

# (field, answer) -> note. Answers with nothing to add have no entry.
NOTES: dict[tuple[str, object], Note] = {
    # Help that acts, next to the referral: what she can start today.
    ("sign_leaking", True): Note(
        key="leaking-help",
        title="If you leak: you can start today",
        detail=(
            "Leaking after birth is common, but it is not something you have to live with. "
            "Pelvic floor muscle training is the first treatment to try. You can start the "
            "exercises today, while you wait to see a pelvic health physiotherapist."
        ),
        links=(
            Link(
                "rebuild/reconnect/#pelvic-floor-exercises", "Pelvic floor exercises, step by step"
            ),
            Link("test/warning-signs/#finding-a-physio", "Where to get help"),
        ),
        sources=("nice-ng210", "nice-qs77", "davenport-2025"),
    ),
    ("birth_type", "caesarean"): Note(
        key="birth-type",
        title="After a caesarean birth",
        detail=(
            "The same 12-week minimum, tests and warning signs apply. In a survey of 881 "
            "runners, those who had a caesarean were less likely to leak while running, "
            "but the warning signs still apply to you."
        ),
        links=(Link("situations/caesarean/#what-differs", "After a caesarean birth"),),
        sources=("goom-2019", "moore-2021"),
    ),
    ("birth_type", "assisted"): Note(
        key="birth-type",
        title="Type of birth",
        detail="The 12-week minimum, the tests and the warning signs are the same after any birth.",
        links=(Link("test/readiness-tests/", "The readiness tests"),),
        sources=("goom-2019",),
    ),
    ("birth_type", "vaginal"): Note(
        key="birth-type",
        title="Type of birth",
        detail="The 12-week minimum, the tests and the warning signs are the same after any birth.",
        links=(Link("test/readiness-tests/", "The readiness tests"),),
        sources=("goom-2019",),
    ),
    ("sleep", "poor"): Note(
        key="sleep",
        title="Sleep",
        detail=(
            "Lack of sleep raises the risk of injury (credited to the UK guideline by one "
            "secondary source). So we suggest the gentlest start. On a day when you are worn "
            "out, skip the run. If you feel extremely tired all the time, see a doctor or GP "
            "before you exercise."
        ),
        links=(Link(f"{_LIFE}#sleep", "Sleep"),),
        sources=(_SECONDARY, "davenport-2025"),
    ),
    ("sleep", None): Note(
        key="sleep",
        title="Sleep",
        detail=(
            "Lack of sleep raises the risk of injury (credited to the UK guideline by one "
            "secondary source). If your nights are broken or short, start gently."
        ),
        links=(Link(f"{_LIFE}#sleep", "Sleep"),),
        sources=(_SECONDARY,),
    ),
    ("breastfeeding", True): Note(
        key="breastfeeding",
        title="Breastfeeding or expressing",
        detail=(
            "Feed or express before a run, and wear a well-fitted sports bra. Exercise does "
            "not change your milk supply. (The guideline lists breast support and feeding; "
            "this advice is credited to it by one secondary source.)"
        ),
        links=(
            Link(f"{_LIFE}#breastfeeding", "Breastfeeding"),
            Link(f"{_LIFE}#sports-bra", "The sports bra"),
        ),
        sources=("goom-2019", _SECONDARY),
    ),
    ("bmi_over_30", True): Note(
        key="bmi",
        title="BMI over 30",
        detail=(
            "The guideline lists a BMI over 30 as a factor to consider. Build up with "
            "low-impact exercise first (one secondary source), so we suggest the gentlest "
            "start. In your first week of running, run no more than 3 km in total. "
            "This is about how to start, not whether you can."
        ),
        links=(Link(f"{_LIFE}#bmi", "BMI over 30"),),
        sources=("goom-2019", _SECONDARY, "nielsen-2014-ijspt"),
    ),
    ("mood", "low"): Note(
        key="mood",
        title="How you are feeling",
        detail=(
            "Thank you for telling us. How you feel in yourself is part of being ready, and "
            "experts say checks before running should include it. If you feel low, anxious "
            "or overwhelmed most days, please talk to your GP, midwife or health visitor. "
            "Running can wait, or it can start gently: we suggest the gentlest start."
        ),
        links=(Link(f"{_LIFE}#mood", "Mood and wellbeing"),),
        sources=("goom-2019", "christopher-2024"),
    ),
    ("mood", "prefer-not"): Note(
        key="mood",
        title="How you are feeling",
        detail=(
            "How you feel in yourself is part of being ready. If you feel low, anxious or "
            "not like yourself, talk to your GP, midwife or health visitor."
        ),
        links=(Link(f"{_LIFE}#mood", "Mood and wellbeing"),),
        sources=("goom-2019", "christopher-2024"),
    ),
    ("running_history", "before-and-during"): Note(
        key="running-history",
        title="Your running before now",
        detail=(
            "You ran regularly before and during pregnancy. Experts agree that your training "
            "history should shape your plan, so, with nothing else calling for a gentler "
            "start, you may start one step up."
        ),
        links=(Link("run/walk-to-run/#examples", "Example starting points"),),
        sources=("christopher-2024",),
    ),
    ("running_history", "before-only"): Note(
        key="running-history",
        title="Your running before now",
        detail=(
            "You ran before pregnancy. Experts agree on starting with walk-run intervals "
            "and changing one thing at a time, so start at the gentlest level."
        ),
        links=(Link("run/walk-to-run/#how-to-start", "How to start"),),
        sources=("deering-2024",),
    ),
    ("running_history", "new"): Note(
        key="running-history",
        title="New to running",
        detail=(
            "Welcome. Experts agree on starting with walk-run intervals and changing one "
            "thing at a time, so start at the gentlest level."
        ),
        links=(Link("run/walk-to-run/#how-to-start", "How to start"),),
        sources=("deering-2024",),
    ),
    ("running_history", None): Note(
        key="running-history",
        title="Your running before now",
        detail=(
            "Experts agree on starting with walk-run intervals. Unless you ran regularly "
            "before and during pregnancy, we suggest the gentlest level."
        ),
        links=(Link("run/walk-to-run/#how-to-start", "How to start"),),
        sources=("deering-2024",),
    ),
}

NOTE_ORDER: tuple[str, ...] = (
    "sign_leaking",
    "birth_type",
    "sleep",
    "breastfeeding",
    "bmi_over_30",
    "mood",
    "running_history",
)
"""The questions with notes, in the order their notes are shown."""


@dataclass(frozen=True)
class Booking:
    """The first action of a referral when a clinic runs this copy of the site:
    "Book with <service>", with its link and phone (set in mkdocs.yml, extra.clinic)."""

    service: str
    url: str | None
    phone: str | None
    tel: str | None
    email: str | None
    hours: str | None


BOOKED_REFERRAL = "physio"
"""The referral a clinic's booking joins. A doctor's referral is left as it
is: those conditions need a doctor before any exercise, whoever runs the site."""


def booking_for(clinic: Clinic) -> Booking:
    return Booking(
        service=clinic.name,
        url=clinic.booking_url,
        phone=clinic.phone,
        tel=clinic.tel,
        email=clinic.email,
        hours=clinic.hours,
    )
