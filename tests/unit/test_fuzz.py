"""No input crashes `api.run` or the command line.

Hypothesis throws arbitrary JSON at every calculator (real field names with
plausible and hostile values, random keys, huge integers, digits from other
scripts, lone surrogates, deep nesting) and arbitrary bytes at the command
line. The only outcomes allowed are a result, or field messages; the CLI
exits 0 with JSON on stdout, or 2 with messages, and nothing else.

Each example is counted as "ok" or "invalid": run with
`RTR_FUZZ_EXAMPLES=3000 pytest tests/unit/test_fuzz.py --hypothesis-show-statistics`
to fuzz harder and see the share of each.

The regression tests at the end are the crashes fuzzing found, one by one.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any
from unittest import mock

import pytest
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st

from calculators import CALCULATORS, run
from calculators.__main__ import main
from calculators.fields import BooleanField, ChoiceField, DateField, Field, IntegerField
from calculators.today.form import JsonField, TextField

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = int(os.environ.get("RTR_FUZZ_EXAMPLES", "200"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
NAMES = sorted(CALCULATORS)

# --- what to throw -------------------------------------------------------------

# ASCII digits mixed with digits that str.isdigit() or float() also accept:
# superscripts, Arabic-Indic, N'Ko, Devanagari, Thai, full-width, mathematical.
DIGITS = "0123456789²³¹٠١٢٣߀०१๑０１９𝟎𝟗"
ANY_TEXT = st.text(st.characters(exclude_categories=[]), max_size=12)  # surrogates included
DIGIT_TEXT = st.text(DIGITS, min_size=1, max_size=25)
DATE_LIKE = st.tuples(DIGIT_TEXT, DIGIT_TEXT, DIGIT_TEXT).map("-".join)
NUMBER_LIKE = st.from_regex(r"\A[+-]?[0-9²٣]{0,30}(\.[0-9]{0,4})?([eE][+-]?[0-9]{1,5})?\Z")


def _huge_ints(max_digits: int) -> st.SearchStrategy[int]:
    """Integers of up to `max_digits` digits (JSON has no limit)."""
    return st.builds(
        lambda digits, sign, tail: sign * (10 ** (digits - 1) + tail),
        st.integers(1, max_digits),
        st.sampled_from([1, -1]),
        st.integers(0, 9),
    )


def _leaves(max_digits: int) -> st.SearchStrategy[Any]:
    return st.one_of(
        st.none(),
        st.booleans(),
        st.integers(),
        _huge_ints(max_digits),
        st.floats(),
        ANY_TEXT,
        DIGIT_TEXT,
        DATE_LIKE,
        NUMBER_LIKE,
    )


def json_values(max_digits: int = 6000) -> st.SearchStrategy[Any]:
    """Any JSON value. Past 4,300 digits Python's json cannot write an int,
    so the CLI's documents are drawn with `max_digits` below that."""
    return st.recursive(
        _leaves(max_digits),
        lambda inner: st.lists(inner, max_size=4) | st.dictionaries(ANY_TEXT, inner, max_size=4),
        max_leaves=10,
    )


def plausible(field: Field) -> st.SearchStrategy[Any]:
    """Values near what the form sends for this field, mostly valid."""
    if isinstance(field, DateField):
        recent = st.dates(dt.date(2018, 1, 1), dt.date(2032, 12, 31))
        anywhen = st.dates(dt.date(1890, 1, 1), dt.date(2210, 12, 31))
        return st.one_of(recent, recent, anywhen).map(dt.date.isoformat)
    if isinstance(field, IntegerField):
        within = st.integers(field.minimum, field.maximum)
        return st.one_of(within, within.map(str), st.integers(field.minimum - 3, field.maximum + 3))
    if isinstance(field, ChoiceField):
        return st.sampled_from([c.value for c in field.choices])
    if isinstance(field, BooleanField):
        return st.booleans() | st.sampled_from(["true", "on", "yes", "no", "off", "false", ""])
    if isinstance(field, JsonField):
        # Today's run reads the saved planner answers, a request and settings
        # as JSON text: plausible planner answers, any JSON, or any text.
        saved = st.fixed_dictionaries(
            {}, optional={f.name: plausible(f) for f in CALCULATORS["planner"].form.fields()}
        )
        return st.one_of(saved, saved.map(json.dumps), json_values(50).map(json.dumps), ANY_TEXT)
    if isinstance(field, TextField):
        return st.one_of(ANY_TEXT, json_values(50).map(json.dumps))
    raise AssertionError(f"no strategy for {type(field).__name__}")


@st.composite
def payloads(draw: st.DrawFn, name: str, max_digits: int = 6000) -> Any:
    """Answers for one calculator: its real fields, each left out, answered
    plausibly or with any JSON value; sometimes random keys as well; and one
    time in ten, any JSON value at all."""
    if draw(st.integers(0, 9)) == 0:
        return draw(json_values(max_digits))
    answers: dict[Any, Any] = {}
    if draw(st.integers(0, 9)) == 0:
        answers.update(draw(st.dictionaries(ANY_TEXT, json_values(max_digits), max_size=3)))
    # Per example, how many answers in twenty are hostile: often none, so
    # that valid answers reach the computation too.
    hostile_in_20 = draw(st.sampled_from([0, 0, 0, 1, 4]))
    for field in CALCULATORS[name].form.fields():
        if draw(st.integers(0, 3)) == 0:
            continue  # left out
        hostile = draw(st.integers(0, 19)) < hostile_in_20
        answers[field.name] = draw(json_values(max_digits) if hostile else plausible(field))
    return answers


def nested(depth: int, opener: str = "[", closer: str = "]") -> str:
    return opener * depth + closer * depth


# --- what is allowed back ------------------------------------------------------


def assert_field_messages(outcome: dict[str, Any]) -> None:
    assert outcome["ok"] is False
    assert outcome["errors"], outcome
    for error in outcome["errors"]:
        assert set(error) == {"field", "message"}
        assert isinstance(error["field"], str) and isinstance(error["message"], str)
        assert error["message"] and "Traceback" not in error["message"]


def assert_result_or_messages(outcome: dict[str, Any]) -> None:
    json.dumps(outcome)  # JSON-ready, as the browser's door sends it
    if outcome["ok"]:
        event("ok")
        assert isinstance(outcome["result"], dict) and isinstance(outcome["html"], str)
    else:
        event("invalid")
        assert_field_messages(outcome)


def call_main(data: bytes, *args: str) -> tuple[int, str, str]:
    """Run the CLI in-process on `data` as stdin. stdout is strict UTF-8, as
    a pipe is; stderr escapes what it cannot write, as Python's own does."""
    out, err = io.BytesIO(), io.BytesIO()
    streams = {
        "stdin": io.TextIOWrapper(io.BytesIO(data), encoding="utf-8"),
        "stdout": io.TextIOWrapper(out, encoding="utf-8", write_through=True),
        "stderr": io.TextIOWrapper(
            err, encoding="utf-8", errors="backslashreplace", write_through=True
        ),
    }
    with mock.patch.multiple(sys, **streams):
        code = main([*args, "--input", "-"])
    return code, out.getvalue().decode("utf-8"), err.getvalue().decode("utf-8")


def assert_cli_contract(code: int, stdout: str, stderr: str) -> None:
    assert "Traceback" not in stderr
    if code == 0:
        event("ok")
        assert json.loads(stdout)["ok"] is True
        return
    assert code == 2, (code, stdout, stderr)
    assert stderr.strip(), "exit 2 must say why"
    if not stdout:
        event("unreadable")  # not UTF-8 JSON: one plain message, no JSON
        assert len(stderr.strip().splitlines()) == 1, stderr
        return
    event("invalid")
    outcome = json.loads(stdout)
    assert_field_messages(outcome)
    assert len(stderr.strip().splitlines()) >= len(outcome["errors"])


# --- properties ----------------------------------------------------------------


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_run_gives_a_result_or_field_messages_for_any_json(name: str, data: st.DataObject) -> None:
    assert_result_or_messages(run(name, data.draw(payloads(name))))


def _json_bytes(name: str) -> st.SearchStrategy[bytes]:
    """Documents the CLI may be given: JSON in several encodings, some broken."""
    docs = payloads(name, max_digits=4000)
    encodings: list[Callable[[Any], bytes]] = [
        lambda v: json.dumps(v).encode(),
        lambda v: json.dumps(v, ensure_ascii=False).encode("utf-8", "surrogatepass"),
        lambda v: "\ufeff".encode() + json.dumps(v).encode(),
        lambda v: json.dumps(v, ensure_ascii=False).encode("utf-16", "surrogatepass"),
        lambda v: json.dumps(v, ensure_ascii=False).encode("latin-1", "replace"),
    ]
    encoded = st.builds(lambda v, encode: encode(v), docs, st.sampled_from(encodings))
    flipped = st.builds(
        lambda doc, at, byte: (
            doc[: at % (len(doc) or 1)] + bytes([byte]) + doc[at % (len(doc) or 1) + 1 :]
        ),
        encoded,
        st.integers(0, 10_000),
        st.integers(0, 255),
    )
    deep = st.builds(
        lambda depth, brackets: nested(depth, *brackets).encode(),
        st.integers(1, 200_000),
        st.sampled_from([("[", "]"), ('{"a":', "}"), ('{"level":[', "]}")]),
    )
    long_number = st.integers(1, 10_000).map(lambda n: b'{"weeks_since_birth": ' + b"7" * n + b"}")
    return st.one_of(encoded, flipped, deep, long_number, st.binary(max_size=300))


@pytest.mark.parametrize("name", NAMES)
@FUZZ
@given(data=st.data())
def test_cli_exits_0_with_json_or_2_with_messages_for_any_bytes(
    name: str, data: st.DataObject
) -> None:
    document = data.draw(_json_bytes(name))
    html = data.draw(st.booleans())
    assert_cli_contract(*call_main(document, name, *(["--html"] if html else [])))


# --- the crashes fuzzing found on 9fb22fe --------------------------------------

CRASHES = {
    # math.isfinite() turned the int into a float: OverflowError.
    "a 400-digit integer": ("timeline", {"weeks_since_birth": 10**400}),
    # "²".isdigit() is True, int("²") raises.
    "superscript digits in a date": ("timeline", {"birth_date": "²²²²-01-01"}),
    # The day passed isdigit() and overflowed dt.date.
    "a 20-digit day": ("timeline", {"birth_date": "2026-01-99999999999999999999"}),
    # str() of an int past 4,300 digits raises.
    "a 5000-digit count of runs": ("planner", {"runs_per_week": 10**5000}),
    "a 5000-digit key": ("planner", {10**5000: 1}),
}


@pytest.mark.parametrize("name, payload", CRASHES.values(), ids=CRASHES.keys())
def test_run_answers_each_former_crash_with_a_message(name: str, payload: object) -> None:
    outcome = run(name, payload)
    assert_field_messages(outcome)


def test_a_huge_integer_is_out_of_range_not_not_a_number() -> None:
    outcome = run("timeline", {"weeks_since_birth": 10**400})
    assert outcome["errors"] == [
        {"field": "weeks_since_birth", "message": "Enter a number from 0 to 260 weeks."}
    ]
    outcome = run("timeline", {"weeks_since_birth": "9" * 400})
    assert outcome["errors"][0]["message"] == "Enter a number from 0 to 260 weeks."


@pytest.mark.parametrize("digits", ["٣", "²", "３", "1_2"])
def test_a_number_box_takes_ascii_digits_only(digits: str) -> None:
    outcome = run("timeline", {"weeks_since_birth": digits})
    assert outcome["errors"] == [
        {"field": "weeks_since_birth", "message": "Enter a number, for example 12."}
    ]


UNREADABLE = {
    "invalid UTF-8": b'{"birth_date": "\xff"}',
    "Latin-1": '{"birth_date": "2026-01-01", "note": "café"}'.encode("latin-1"),
    "UTF-16": json.dumps({"weeks_since_birth": 3}).encode("utf-16"),
    "nested 100,000 deep": nested(100_000).encode(),
    "a 5000-digit number": b'{"weeks_since_birth": ' + b"9" * 5000 + b"}",
}


@pytest.mark.parametrize("data", UNREADABLE.values(), ids=UNREADABLE.keys())
def test_cli_says_why_it_cannot_read_a_file(data: bytes, tmp_path: Path) -> None:
    answers = tmp_path / "answers.json"
    answers.write_bytes(data)
    # A real process: the traceback, if any, would be Python's own.
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "timeline", "--input", str(answers)],
        cwd=ROOT,
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2, done.stderr
    assert done.stdout == b""
    message = done.stderr.decode()
    assert message.startswith(str(answers)) and len(message.strip().splitlines()) == 1, message


def test_cli_reads_a_file_with_a_byte_order_mark() -> None:
    code, stdout, _ = call_main(
        b"\xef\xbb\xbf" + b'{"weeks_since_birth": 13, "today": "2026-11-23"}', "timeline"
    )
    assert code == 0 and json.loads(stdout)["result"]["weeks"] == 13


def test_cli_prints_a_lone_surrogate_key_as_valid_json() -> None:
    """The key is echoed into a message; printing it raised UnicodeEncodeError."""
    done = subprocess.run(
        [sys.executable, "-m", "calculators", "timeline", "--input", "-"],
        cwd=ROOT,
        input=b'{"\\ud800": 1}',
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "PYTHONIOENCODING": "utf-8"},
    )
    assert done.returncode == 2, done.stderr
    # Every problem is reported at once, so the missing date follows.
    assert json.loads(done.stdout)["errors"][0] == {
        "field": "\ud800",
        "message": "“\ud800” is not a question in this form.",
    }
    assert b"Traceback" not in done.stderr


CLI_CRASHES = {
    "a 400-digit integer": ("timeline", '{"weeks_since_birth": ' + "9" * 400 + "}"),
    "superscript digits in a date": ("timeline", '{"birth_date": "²²²²-01-01"}'),
    "a 20-digit day": ("planner", '{"start_date": "2026-01-99999999999999999999"}'),
    "a lone surrogate in a key": ("readiness", '{"\\udc80x": true}'),
}


@pytest.mark.parametrize("name, text", CLI_CRASHES.values(), ids=CLI_CRASHES.keys())
def test_cli_answers_each_former_crash_with_exit_2_and_messages(name: str, text: str) -> None:
    code, stdout, stderr = call_main(text.encode(), name)
    assert code == 2 and "Traceback" not in stderr
    assert_field_messages(json.loads(stdout))
