"""Command line: python -m calculators NAME --input answers.json

Prints the result as JSON. Exits 0 on success, 2 when the answers are invalid
or cannot be read (with the same per-field messages the page shows).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from typing import Any

from .api import run
from .clinic import ConfigProblem, parse_local_help
from .registry import CALCULATORS


class UnreadableInputError(Exception):
    """The input file is not UTF-8 JSON; the message says why, in plain words."""


def _read(source: str) -> bytes:
    if source != "-":
        try:
            with open(source, "rb") as file:
                return file.read()
        except OSError as error:
            raise UnreadableInputError(f"Cannot read {source}: {error.strerror}") from None
    if sys.stdin is None:
        raise UnreadableInputError("Cannot read the answers: there is no standard input.")
    return sys.stdin.buffer.read()


def _parse(source: str, data: bytes) -> object:
    source = "The standard input" if source == "-" else source
    try:
        # "utf-8-sig" also takes the byte-order mark some editors write first.
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UnreadableInputError(
            f"{source} is not UTF-8 text (byte {error.start + 1} cannot be read). "
            "Save it as UTF-8 and try again."
        ) from None
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise UnreadableInputError(f"{source} is not valid JSON: {error}") from None
    except RecursionError:
        raise UnreadableInputError(
            f"{source} is nested too deeply to be a set of answers."
        ) from None
    except ValueError:  # an integer longer than Python will convert
        raise UnreadableInputError(f"{source} has a number too long to read.") from None


def _as_json(outcome: dict[str, Any]) -> str:
    text = json.dumps(outcome, indent=2, ensure_ascii=False)
    try:
        text.encode(sys.stdout.encoding or "utf-8")
    except UnicodeEncodeError:
        # A lone surrogate (a key from the input, echoed in a message) or a
        # terminal that cannot show every character: escape, still valid JSON.
        return json.dumps(outcome, indent=2)
    return text


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m calculators", description=__doc__)
    parser.add_argument("calculator", choices=sorted(CALCULATORS))
    parser.add_argument("--input", required=True, help="a JSON file of answers, or - for stdin")
    parser.add_argument("--html", action="store_true", help="also print the rendered HTML")
    parser.add_argument(
        "--clinic",
        metavar="clinic.json",
        help="the clinic running this copy, as the site bundles it "
        "(python tools/bundle_calculators.py --clinic-json writes it from mkdocs.yml)",
    )
    args = parser.parse_args(argv)
    clinic = None
    if args.clinic:
        try:
            parsed = parse_local_help(json.loads(open(args.clinic, encoding="utf-8").read()))
        except OSError as error:
            print(f"Cannot read {args.clinic}: {error.strerror}", file=sys.stderr)
            return 2
        except ValueError as error:
            print(f"{args.clinic} is not valid JSON: {error}", file=sys.stderr)
            return 2
        if isinstance(parsed, ConfigProblem):
            print(f"{args.clinic}: {parsed.message}", file=sys.stderr)
            return 2
        clinic = parsed.clinic
    try:
        payload = _parse(args.input, _read(args.input))
    except UnreadableInputError as problem:
        print(problem, file=sys.stderr)
        return 2
    outcome = run(args.calculator, payload, clinic=clinic)
    if not args.html:
        outcome.pop("html", None)
    print(_as_json(outcome))
    if not outcome["ok"]:
        for each in outcome["errors"]:
            print(f"{each['field']}: {each['message']}", file=sys.stderr)
        return 2
    return 0


def _main_closing_quietly() -> int:
    """`python -m calculators planner --input a.json | head` closes the pipe
    early: that is the reader's choice, not an error, so no traceback."""
    try:
        return main()
    except BrokenPipeError:
        # Python's own advice: point stdout at devnull so the interpreter's
        # final flush does not raise again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0


if __name__ == "__main__":
    raise SystemExit(_main_closing_quietly())
