"""Tests of the built site's files (no browser): `make test` builds it first."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SITE = ROOT / "site"


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    # `make test-fast` deselects these: it runs on a checkout with no site.
    for item in items:
        if Path(str(item.fspath)).parent == Path(__file__).parent:
            item.add_marker(pytest.mark.site)


@pytest.fixture(scope="session")
def site() -> Path:
    if not (SITE / ".built").exists():
        pytest.fail("The site is not built: run `make test` (or `make site`) first.")
    return SITE


def built_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))
