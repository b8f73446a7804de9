"""Print the sha256 hashes of every inline script in a built site: the values
`extra.csp_script_hashes` in mkdocs.yml must hold (see sitebuild/csp.py).

    python tools/csp_hashes.py [site]
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from sitebuild.csp import site_hashes  # noqa: E402

if __name__ == "__main__":
    for digest in sorted(site_hashes(Path(sys.argv[1] if len(sys.argv) > 1 else "site"))):
        print(f"    - {digest}")
