"""Count the files one answer crosses, from its declaration to the reader.

A reproducible stand-in for "follow one field by hand" (issue #14): the
non-test files of a commit that either name the field, or copy by hand a
part of the contract every answer travels through: a control id or message
slot built from strings (`rtr-${…}`, `rtr-{…}`), the whole-answers slot
`_input`, or a worker message type written out where a message is made or
read. Tests and tools (the bench) are left out: they are not on the way to
the screen. A walk may add patterns of its own (the calendar export's).

    python tools/walk.py [COMMIT]
"""

from __future__ import annotations

import subprocess
import sys

MESSAGE_TYPES = "run|result|progress|restoring|ready|fatal|connect|snapshot-kept"
CONTRACT = [
    r"rtr-\$\{|rtr-\{",  # an id built by hand, in JS or a Python f-string
    r"_input",  # the whole-answers slot, spelled out
    rf"type\s*(:|===|!==)\s*[\"'`]({MESSAGE_TYPES})[\"'`]",  # a message type, spelled out
]
WALKS = {
    # Declared as a stem ("calf_raise") with a side in readiness/questions.py.
    "calf_raise_left, declaration to screen": [r"\bcalf_raise(_left)?\b"],
    "runs_per_week, into the .ics export": [
        r"\bruns_per_week\b",
        r"\.ics\b",
        r"text/calendar",
        r"data-download",
    ],
}
SKIP = ("tests/", "tools/", ".github/")


def files(commit: str, pattern: str) -> set[str]:
    done = subprocess.run(
        [
            "git",
            "grep",
            "-l",
            "-E",
            pattern,
            commit,
            "--",
            "calculators",
            "calculator_embed",
            "docs",
            "overrides",
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    found = {line.split(":", 1)[1] for line in done.stdout.splitlines()}
    return {f for f in found if not f.startswith(SKIP) and not f.endswith("/contract.js")}


def walk(commit: str, own: list[str]) -> list[str]:
    return sorted(set().union(*(files(commit, p) for p in own + CONTRACT)))


if __name__ == "__main__":
    commit = sys.argv[1] if len(sys.argv) > 1 else "HEAD"
    for name, patterns in WALKS.items():
        crossed = walk(commit, patterns)
        print(f"{name}: {len(crossed)} files at {commit}")
        for path in crossed:
            print(f"  {path}")
