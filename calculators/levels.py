"""Starting levels shared by the readiness check (which suggests one) and the
planner (which starts from one). Keys appear in URLs: keep them stable.

Practitioners' postpartum plans start at 30 s run / 2 min walk and move to
1 min / 1 min, then 2-3 min / 1 min, then continuous running (guideline notes,
practitioner plans [S]).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class StartLevel:
    key: str
    label: str
    run_seconds: int
    walk_seconds: int


START_LEVELS: tuple[StartLevel, ...] = (
    StartLevel("run30-walk120", "First time back: 30 s run / 2 min walk", 30, 120),
    StartLevel("run60-walk60", "Comfortable with 1 min run / 1 min walk", 60, 60),
    StartLevel("run120-walk60", "Comfortable with 2 min run / 1 min walk", 120, 60),
)

LEVELS_BY_KEY: dict[str, StartLevel] = {level.key: level for level in START_LEVELS}
GENTLEST = START_LEVELS[0]
