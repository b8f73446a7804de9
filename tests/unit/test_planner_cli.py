"""`python -m calculators planner --input plan.json`: output and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _cli(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "calculators", "planner", *args],
        cwd=ROOT,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )


def test_valid_answers_exit_0_with_the_plan(tmp_path: Path) -> None:
    answers = tmp_path / "plan.json"
    answers.write_text(json.dumps({"today": "2026-01-07", "goal": "run-20"}), encoding="utf-8")
    done = _cli("--input", str(answers))
    assert done.returncode == 0, done.stderr
    outcome = json.loads(done.stdout)
    assert outcome["ok"] and outcome["result"]["goal_s"] == 1200
    assert "html" not in outcome
    assert [d["filename"] for d in outcome["downloads"]] == [
        "return-to-run-plan.ics",
        "return-to-run-plan.csv",
    ]


def test_invalid_answers_exit_2_with_per_field_messages_on_stderr() -> None:
    done = _cli("--input", "-", stdin=json.dumps({"today": "2026-01-07", "runs_per_week": "9"}))
    assert done.returncode == 2
    assert json.loads(done.stdout)["errors"] == [
        {"field": "runs_per_week", "message": "Choose 2, 3 or 4 runs a week."}
    ]
    assert "runs_per_week: Choose 2, 3 or 4 runs a week." in done.stderr


def test_html_is_printed_on_request() -> None:
    done = _cli("--input", "-", "--html", stdin=json.dumps({"today": "2026-01-07"}))
    assert done.returncode == 0
    assert json.loads(done.stdout)["html"].startswith(
        '<div class="rtr-report" data-calculator="planner"'
    )


def test_a_file_that_is_not_json_exits_2(tmp_path: Path) -> None:
    answers = tmp_path / "plan.json"
    answers.write_text("{not json", encoding="utf-8")
    assert _cli("--input", str(answers)).returncode == 2


def test_a_pipe_closed_early_gives_no_traceback(tmp_path: Path) -> None:
    """`python -m calculators planner --input a.json | head -c 100`: the
    reader of the pipe is gone before the result is printed."""
    gone = subprocess.Popen([sys.executable, "-c", "pass"], stdin=subprocess.PIPE)
    gone.wait(timeout=60)  # its end of the pipe is closed now: any write fails
    assert gone.stdin is not None
    answers = tmp_path / "plan.json"
    answers.write_text(json.dumps({"today": "2026-01-07"}), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "planner", "--input", str(answers)],
        cwd=ROOT,
        stdout=gone.stdin,
        stderr=subprocess.PIPE,
        text=True,
        timeout=60,
        check=False,
    )
    gone.stdin.close()
    assert "Traceback" not in done.stderr, done.stderr
    assert done.returncode == 0
