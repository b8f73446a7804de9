"""Finish a built site after `mkdocs build` (see sitebuild/finish.py): stamp
the Python worker and the service worker with the build's versions.

    python tools/finish_site.py [site]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.finish import finish  # noqa: E402

if __name__ == "__main__":
    target = Path(sys.argv[1] if len(sys.argv) > 1 else "site")
    print(f"{target}: build {finish(target)}")
