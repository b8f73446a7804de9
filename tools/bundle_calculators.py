"""Zip the `calculators` package's sources for the browser worker
(tools/build-pyc.mjs then adds bytecode beside them).

Only the package's .py sources go in, with fixed timestamps, so the same
sources always give the same bytes (and the service worker's cache version
changes only when the code does). With `--config mkdocs.yml`, a clinic's
settings (`extra.clinic`, `extra.region`) go in too, as calculators/clinic.json,
so the calculators in the browser name the clinic; they are checked first,
and a bad one stops here with one line naming the key.

    python tools/bundle_calculators.py OUT.zip [--config mkdocs.yml]
    python tools/bundle_calculators.py --config mkdocs.yml --clinic-json clinic.json
"""

from __future__ import annotations

import argparse
import json
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from calculators.clinic import BUNDLED_FILE, ConfigProblem, parse_local_help, to_bundle  # noqa: E402
from sitebuild.config import read_extra  # noqa: E402

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def clinic_bundle(config_file: Path) -> dict[str, object] | ConfigProblem:
    extra = read_extra(config_file)
    parsed = parse_local_help(extra)
    if isinstance(parsed, ConfigProblem):
        return parsed
    return to_bundle(extra)


def bundle(package: Path, out: Path, clinic: dict[str, object] | None = None) -> int:
    files = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        entries = [(p.relative_to(package.parent).as_posix(), p.read_bytes()) for p in files]
        if clinic:
            text = json.dumps(clinic, ensure_ascii=False, sort_keys=True, indent=1)
            entries.append((f"{package.name}/{BUNDLED_FILE}", text.encode("utf-8")))
        for name, data in entries:
            info = zipfile.ZipInfo(name, FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, data)
    return len(files)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out", nargs="?", type=Path, help="the zip to write")
    parser.add_argument("--config", type=Path, help="mkdocs.yml, for the clinic's settings")
    parser.add_argument("--clinic-json", type=Path, help="also write the clinic's settings here")
    args = parser.parse_args(argv)
    clinic = None
    if args.config:
        found = clinic_bundle(args.config)
        if isinstance(found, ConfigProblem):
            print(f"{args.config}: {found.message}", file=sys.stderr)
            return 1
        clinic = found
        if args.clinic_json:
            args.clinic_json.write_text(json.dumps(clinic, indent=2, ensure_ascii=False) + "\n")
    if args.out is None and args.config is None:
        args.out = ROOT / "build/calculators-src.zip"
    if args.out is not None:
        count = bundle(ROOT / "calculators", args.out, clinic)
        with_clinic = " and the clinic's settings" if clinic else ""
        print(f"{args.out}: {count} modules{with_clinic}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
