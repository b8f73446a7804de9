"""Zip the `calculators` package's sources for the browser worker
(tools/build-pyc.mjs then adds bytecode beside them).

Only the package's .py sources go in, with fixed timestamps, so the same
sources always give the same bytes (and the service worker's cache version
changes only when the code does).
"""

from __future__ import annotations

import sys
import zipfile
from pathlib import Path

FIXED_TIME = (2020, 1, 1, 0, 0, 0)


def bundle(package: Path, out: Path) -> int:
    files = sorted(p for p in package.rglob("*.py") if "__pycache__" not in p.parts)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in files:
            info = zipfile.ZipInfo(path.relative_to(package.parent).as_posix(), FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            archive.writestr(info, path.read_bytes())
    return len(files)


if __name__ == "__main__":
    root = Path(__file__).resolve().parent.parent
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "build/calculators-src.zip"
    count = bundle(root / "calculators", target)
    print(f"{target}: {count} modules")
