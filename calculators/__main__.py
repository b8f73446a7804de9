"""Command line: python -m calculators NAME --input answers.json

Prints the result as JSON. Exits 0 on success, 2 when the answers are invalid
(with the same per-field messages the page shows).
"""

from __future__ import annotations

import argparse
import json
import sys

from .api import run
from .clinic import ConfigProblem, parse_local_help
from .registry import CALCULATORS


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
        text = sys.stdin.read() if args.input == "-" else open(args.input, encoding="utf-8").read()
    except OSError as error:
        print(f"Cannot read {args.input}: {error.strerror}", file=sys.stderr)
        return 2
    try:
        payload = json.loads(text)
    except ValueError as error:
        print(f"{args.input} is not valid JSON: {error}", file=sys.stderr)
        return 2
    outcome = run(args.calculator, payload, clinic=clinic)
    if not args.html:
        outcome.pop("html", None)
    print(json.dumps(outcome, indent=2, ensure_ascii=False))
    if not outcome["ok"]:
        for problem in outcome["errors"]:
            print(f"{problem['field']}: {problem['message']}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
