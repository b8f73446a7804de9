"""Reading mkdocs.yml's `extra:` block as MkDocs does."""

from __future__ import annotations

from pathlib import Path


def read_extra(config_file: Path) -> dict[str, object]:
    """The `extra:` block, following INHERIT and !ENV as MkDocs does."""
    from mkdocs.utils import yaml_load

    with config_file.open("rb") as handle:
        config = yaml_load(handle) or {}
    return dict(config.get("extra") or {})
