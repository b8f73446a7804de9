"""The readiness check's questions and rules, as data.

Every entry here is read by `form.py`, which builds the form from it, by
`compute.py`, which judges the answers with it, and by `text.py`, which
words the result. Adding a test or a sign means adding one entry here and
its field to `ReadinessAnswers` in `compute.py` (tests/unit/test_answers.py
names any field missing there).

Thresholds are the UK return-to-running guideline's (Goom, Donnelly and
Brockwell 2019); the "see a clinician" list is Davenport et al. 2025. Both
are in docs/about/references.md with what each supports.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_WEEKS = 12
"""Running is not advised before 3 months (12 weeks) after birth (goom-2019)."""

STRENGTH_TARGET = 20
"""Repetitions for each strength test; the weaker side counts (goom-2019)."""

MAX_REPS = 200
"""A generous ceiling, so a typo such as 2000 is caught."""


@dataclass(frozen=True)
class Professional:
    key: str
    title: str
    """Names the person in a heading: "Pelvic health physiotherapist"."""
    in_sentence: str
    """Names the person inside a sentence: "a pelvic health physiotherapist"."""
    page: str
    """Where the site explains how to reach them."""


PHYSIO = Professional(
    key="physio",
    title="Pelvic health physiotherapist",
    in_sentence="a pelvic health physiotherapist",
    page="test/warning-signs/#finding-a-physio",
)
GP = Professional(
    key="gp",
    title="GP or doctor",
    in_sentence="your GP or a doctor",
    page="test/warning-signs/#see-a-clinician",
)
# A doctor comes first: those conditions mean no exercise at all until checked.
PROFESSIONALS: tuple[Professional, ...] = (GP, PHYSIO)


@dataclass(frozen=True)
class Sign:
    """A symptom or condition that means "see someone before you run"."""

    key: str
    """The item's stable key (also the last part of its page's anchor where it has one)."""
    field: str
    question: str
    """The checkbox label, in the reader's words."""
    title: str
    """The short name used in the result."""
    professionals: tuple[str, ...]
    page: str
    sources: tuple[str, ...]
    hint: str = ""


_PELVIC = ("goom-2019", "donnelly-2020")

# Pelvic health warning signs: any of them, now or during or after activity,
# means "don't run yet; see a pelvic health physiotherapist" (goom-2019).
WARNING_SIGNS: tuple[Sign, ...] = (
    Sign(
        key="leaking",
        field="sign_leaking",
        question="Leaking of urine (pee), or not being able to control your bowel (poo) or wind",
        title="Leaking",
        professionals=("physio",),
        page="test/warning-signs/#leaking",
        sources=_PELVIC,
    ),
    Sign(
        key="urgency",
        field="sign_urgency",
        question="Urgency: a sudden, strong need to pee or poo that is hard to hold on to",
        title="Urgency",
        professionals=("physio",),
        page="test/warning-signs/#urgency",
        sources=_PELVIC,
    ),
    Sign(
        key="pressure",
        field="sign_pressure",
        question="Heaviness, pressure, bulging or dragging in your pelvis or vagina",
        title="Heaviness, pressure, bulging or dragging",
        professionals=("physio",),
        page="test/warning-signs/#pressure",
        sources=_PELVIC,
    ),
    Sign(
        key="pain",
        field="sign_pain",
        question=(
            "Pain in your pelvis, your perineum (the area between your vagina and anus) "
            "or your low back"
        ),
        title="Pelvic, perineal or low-back pain",
        professionals=("physio",),
        page="test/warning-signs/#pain",
        sources=_PELVIC,
    ),
    Sign(
        key="doming",
        field="sign_doming",
        question=(
            "Doming or coning along the middle of your belly, or a gap there "
            "that you can clearly feel"
        ),
        title="Doming, coning or a gap along the midline",
        professionals=("physio",),
        page="test/warning-signs/#doming",
        sources=_PELVIC,
    ),
    # Pain with sex and trouble emptying the bowel or bladder are pelvic floor
    # dysfunction symptoms in NICE NG210 (sexual dysfunction; emptying disorders
    # of the bowel and bladder). Secondary sources say the UK running guideline
    # lists them too ("pain with intercourse", "obstructive defecation"); we could
    # not read its text, so NICE is cited.
    Sign(
        key="sex-pain",
        field="sign_sex_pain",
        question="Pain during or after sex (intercourse)",
        title="Pain with sex",
        professionals=("physio",),
        page="test/warning-signs/#sex-pain",
        sources=("nice-ng210",),
    ),
    Sign(
        key="emptying",
        field="sign_emptying",
        question=(
            "Straining to poo (constipation), or feeling that your bowel or bladder "
            "has not emptied fully"
        ),
        title="Straining, or not emptying fully",
        professionals=("physio",),
        page="test/warning-signs/#emptying",
        sources=("nice-ng210",),
    ),
    # Bleeding is on both lists: the guideline's warning signs (physio) and the
    # 2025 statement's "see a clinician before exercising" (GP); the site's
    # warning-signs page tells readers to see their doctor or GP.
    Sign(
        key="bleeding",
        field="sign_bleeding",
        question="Bleeding from your vagina more than 8 weeks after birth that is not a period",
        title="Bleeding after 8 weeks that is not a period",
        professionals=("gp", "physio"),
        page="test/warning-signs/#bleeding",
        sources=("goom-2019", "davenport-2025"),
    ),
)

_CLINICIAN_PAGE = "test/warning-signs/#see-a-clinician"
_CLINICIAN_SOURCES = ("davenport-2025",)

# Contraindications to moderate-to-vigorous activity in the first postpartum
# year (davenport-2025), grouped and worded plainly. Each means "see a
# clinician before exercising".
CLINICIAN_CONDITIONS: tuple[Sign, ...] = (
    Sign(
        key="calf-pain",
        field="clinician_calf",
        question="Pain or swelling in a calf",
        title="Calf pain or swelling",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="chest-pain",
        field="clinician_chest",
        question="Chest pain, or being out of breath in a way that is unusual for you",
        title="Chest pain or unusual breathlessness",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="dizziness",
        field="clinician_dizziness",
        question="Dizziness",
        title="Dizziness",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="fainting-or-nerve-symptoms",
        field="clinician_neuro",
        question="Fainting, or new nerve symptoms such as numbness or weakness",
        title="Fainting or new neurological symptoms",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="abdominal-pain",
        field="clinician_abdominal_pain",
        question="Severe pain in your tummy (abdomen)",
        title="Severe tummy (abdominal) pain",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="caesarean-symptoms",
        field="clinician_caesarean",
        question="Caesarean symptoms (in your scar or belly) that get worse when you exercise",
        hint="This one applies only after a caesarean birth.",
        title="Caesarean symptoms that get worse with exercise",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="fever",
        field="clinician_fever",
        question="A fever or an infection",
        title="Fever or infection",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="fatigue",
        field="clinician_fatigue",
        question="Extreme tiredness (excessive fatigue)",
        title="Extreme tiredness",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="high-blood-pressure",
        field="clinician_blood_pressure",
        question="High blood pressure that is not under control",
        title="Unstable high blood pressure",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="cardiomyopathy",
        field="clinician_cardiomyopathy",
        question="A weak heart muscle since pregnancy (postpartum cardiomyopathy)",
        title="Postpartum cardiomyopathy",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="anaemia",
        field="clinician_anaemia",
        question="Anaemia (low iron or a low blood count)",
        title="Anaemia",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="eating-disorder",
        field="clinician_eating",
        question="An eating disorder, or not eating enough (malnutrition)",
        title="Eating disorder or malnutrition",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    Sign(
        key="injury",
        field="clinician_injury",
        question="A broken bone (fracture) or another serious injury",
        title="Fracture or serious injury",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
    # Kept (with its field name) so that answers saved before the list above was
    # split out still count.
    Sign(
        key="condition-limits-exercise",
        field="clinician_condition",
        question="Another condition your doctor said limits exercise",
        title="A condition that limits exercise",
        professionals=("gp",),
        page=_CLINICIAN_PAGE,
        sources=_CLINICIAN_SOURCES,
    ),
)


@dataclass(frozen=True)
class LoadTest:
    """One of the guideline's seven load and impact tests: passed or not."""

    key: str
    field: str
    title: str
    target: str
    """The target in words, per side where the guideline says so."""
    page: str
    """Where to practise it."""
    test_page: str
    """How to do the test."""
    sources: tuple[str, ...] = ("goom-2019",)


LOAD_TESTS: tuple[LoadTest, ...] = (
    LoadTest(
        key="walking",
        field="test_walking",
        title="Walking",
        target="30 minutes",
        page="rebuild/reconnect/#early-walking",
        test_page="test/readiness-tests/#walking",
    ),
    LoadTest(
        key="single-leg-balance",
        field="test_single_leg_balance",
        title="Single-leg balance",
        target="10 seconds on each side",
        page="rebuild/strength/#single-leg",
        test_page="test/readiness-tests/#single-leg-balance",
    ),
    LoadTest(
        key="single-leg-squat",
        field="test_single_leg_squat",
        title="Single-leg squat",
        target="10 on each side",
        page="rebuild/strength/#single-leg-squat",
        test_page="test/readiness-tests/#single-leg-squat",
    ),
    LoadTest(
        key="jog-on-the-spot",
        field="test_jog_on_the_spot",
        title="Jog on the spot",
        target="1 minute",
        page="rebuild/strength/#impact",
        test_page="test/readiness-tests/#jog-on-the-spot",
    ),
    LoadTest(
        key="forward-bounds",
        field="test_forward_bounds",
        title="Forward bounds",
        target="10",
        page="rebuild/strength/#bounds",
        test_page="test/readiness-tests/#forward-bounds",
    ),
    LoadTest(
        key="hop-in-place",
        field="test_hop_in_place",
        title="Hop in place",
        target="10 on each leg",
        page="rebuild/strength/#hops",
        test_page="test/readiness-tests/#hop-in-place",
    ),
    LoadTest(
        key="running-man",
        field="test_running_man",
        title="Single-leg “running man”",
        target="10 on each side",
        page="rebuild/strength/#single-leg",
        test_page="test/readiness-tests/#running-man",
    ),
)


@dataclass(frozen=True)
class StrengthTest:
    """One of the four strength tests: repetitions on each side, weaker side counts."""

    key: str
    title: str
    stem: str
    """Field names are `<stem>_left` and `<stem>_right`."""
    page: str
    test_page: str = "test/readiness-tests/#strength-tests"
    target: int = STRENGTH_TARGET
    sources: tuple[str, ...] = ("goom-2019",)

    @property
    def left_field(self) -> str:
        return f"{self.stem}_left"

    @property
    def right_field(self) -> str:
        return f"{self.stem}_right"


STRENGTH_TESTS: tuple[StrengthTest, ...] = (
    StrengthTest(
        key="single-leg-calf-raise",
        title="Single-leg calf raise",
        stem="calf_raise",
        page="rebuild/strength/#single-leg-calf-raise",
    ),
    StrengthTest(
        key="single-leg-bridge",
        title="Single-leg bridge",
        stem="bridge",
        page="rebuild/strength/#single-leg-bridge",
    ),
    StrengthTest(
        key="single-leg-sit-to-stand",
        title="Single-leg sit-to-stand",
        stem="sit_to_stand",
        page="rebuild/strength/#single-leg-sit-to-stand",
    ),
    StrengthTest(
        key="side-lying-hip-abduction",
        title="Side-lying hip abduction",
        stem="hip_abduction",
        page="rebuild/strength/#side-lying-hip-abduction",
    ),
)

TIMING_KEY = "timing"
TIMING_PAGE = "tools/timeline/"
TIMING_SOURCES = ("goom-2019",)


# --- Other factors: they shape the start, never the verdict. -------------------

BIRTH_TYPES = (
    ("vaginal", "Vaginal birth"),
    ("assisted", "Assisted vaginal birth (forceps or ventouse)"),
    ("caesarean", "Caesarean birth"),
)
SLEEP_CHOICES = (
    ("enough", "Mostly 7 hours or more a night"),
    ("poor", "Broken or short most nights"),
)
HISTORY_CHOICES = (
    ("before-and-during", "I ran regularly before and during pregnancy"),
    ("before-only", "I ran regularly before pregnancy, but not during it"),
    ("new", "I am new to running, or did not run regularly"),
)
MOOD_CHOICES = (
    ("okay", "Mostly okay"),
    ("low", "Often low, anxious or overwhelmed"),
    ("prefer-not", "I'd rather not say"),
)
MOOD_DEFAULT = "prefer-not"
"""Pre-selected so that nobody has to say how they feel."""


@dataclass(frozen=True)
class Lowering:
    """An answer that calls for the gentlest start, and the reason in words."""

    field: str
    value: object
    reason: str
    planner_param: str | None = None
    """The planner's field of the same meaning, pre-filled with `true`."""


# Ordered as the reasons are listed to the reader.
LOWERING_FACTORS: tuple[Lowering, ...] = (
    Lowering("bmi_over_30", True, "your BMI is over 30", planner_param="bmi_over_30"),
    Lowering(
        "sleep", "poor", "your sleep is broken or short most nights", planner_param="poor_sleep"
    ),
    Lowering("mood", "low", "you have often felt low, anxious or overwhelmed"),
    Lowering("running_history", "new", "you are new to running"),
)

EXPERIENCED_HISTORY = "before-and-during"
"""Only this running history, with no lowering factor, allows the step-up start."""
