"""Every readiness test and every core exercise the guide teaches has a picture,
and every picture is a small, self-contained SVG with a described movement."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest

from .conftest import ROOT

DOCS = ROOT / "docs"
IMAGES = DOCS / "assets/images"

# page -> the sections (by heading id) that teach a test or an exercise,
# each with how many illustrations it needs.
ILLUSTRATED: dict[str, dict[str, int]] = {
    "test/readiness-tests.md": {
        "walking": 1,
        "single-leg-balance": 1,
        "single-leg-squat": 1,
        "jog-on-the-spot": 1,
        "forward-bounds": 1,
        "hop-in-place": 1,
        "running-man": 1,
        "strength-tests": 4,  # calf raise, bridge, sit-to-stand, hip abduction
    },
    "rebuild/reconnect.md": {
        "360-breathing": 1,
        "breath-coordination": 1,
        "pelvic-tilts": 1,
        "cat-cow": 1,
        "early-walking": 1,
    },
    "rebuild/stacking.md": {
        "glute-bridge": 1,
        "toe-taps": 1,
        "dead-bug": 1,
        "bird-dog": 1,
        "90-90-lunge": 1,
        "standing-marches": 1,
        "plank-check": 1,
    },
    "rebuild/hips.md": {"all-fours-squat": 1},
    "rebuild/strength.md": {
        "squat": 1,
        "glute-bridge": 1,
        "step-up": 1,
        "calf-raise": 1,
        "single-leg-squat": 1,
        "single-leg-bridge": 1,
        "single-leg-rdl": 1,
        "single-leg-calf-raise": 1,
        "step-down": 1,
        "single-leg-sit-to-stand": 1,
        "side-lying-hip-abduction": 1,
        "hops": 1,
        "bounds": 1,
        "single-leg-hops": 1,
    },
}
IMAGE = re.compile(r"!\[([^\]]*)\]\(([^)\s]+\.svg)\)")
MIN_ALT_WORDS = 12  # enough to say what moves, not just name the exercise


def section(page: str, anchor: str) -> str:
    """The text under the heading with this id, up to the next heading."""
    lines = (DOCS / page).read_text(encoding="utf-8").split("\n")
    start = next(
        (i for i, line in enumerate(lines) if line.startswith("#") and f"{{#{anchor}}}" in line),
        None,
    )
    assert start is not None, f"{page} has no heading {{#{anchor}}}"
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return "\n".join(lines[start + 1 : end])


@pytest.mark.parametrize(
    ("page", "anchor"), [(p, a) for p, anchors in ILLUSTRATED.items() for a in anchors]
)
def test_each_test_and_exercise_has_a_described_illustration(page: str, anchor: str) -> None:
    images = IMAGE.findall(section(page, anchor))
    assert len(images) >= ILLUSTRATED[page][anchor], (
        f"{page}#{anchor} has {len(images)} illustration(s)"
    )
    for alt, src in images:
        assert len(alt.split()) >= MIN_ALT_WORDS, (
            f"{page}#{anchor}: alt text too short to describe the movement: {alt!r}"
        )
        assert (DOCS / page).parent.joinpath(src).resolve().is_file(), (
            f"{page}#{anchor}: no such image {src}"
        )


@pytest.mark.parametrize("svg", sorted(p.name for p in IMAGES.glob("*.svg")))
def test_illustrations_are_small_self_contained_and_titled(svg: str) -> None:
    text = (IMAGES / svg).read_text(encoding="utf-8")
    root = ET.fromstring(text)
    assert root.get("role") == "img", svg
    assert root.find("{http://www.w3.org/2000/svg}title") is not None, svg
    # Nothing fetched: no links, imports or external fonts (only the namespace is a URL).
    assert not re.search(r"href|@import|@font-face|url\((?!#)", text), svg
    assert text.count("http") == 1, svg
    assert len(text.encode()) <= 8_000, f"{svg} is {len(text.encode())} bytes"
