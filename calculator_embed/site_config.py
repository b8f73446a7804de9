"""The clinic settings of the site being built, checked once per page.

MkDocs hands a Markdown extension only its own options, not the site's
`extra:` block, so the config is found on the call stack: MkDocs renders
each page from `Page.render(config, ...)`. Under another builder (Zensical
reads mkdocs.yml but runs no MkDocs code), mkdocs.yml in the working
folder is read instead. Either way, a bad block stops the build with one
line naming the key.
"""

from __future__ import annotations

import sys
from collections.abc import Mapping
from pathlib import Path
from types import FrameType
from typing import Any

from calculators.clinic import NO_LOCAL_HELP, ConfigProblem, LocalHelp, parse_local_help

try:  # A BuildError is printed by MkDocs as its message alone, with no traceback.
    from mkdocs.exceptions import BuildError as _Base
except ImportError:  # pragma: no cover - builders without MkDocs
    _Base = ValueError  # type: ignore[misc,assignment]


class ClinicConfigError(_Base):
    """One line for the person editing mkdocs.yml."""


def _mkdocs_config() -> Mapping[str, Any] | None:
    frame: FrameType | None = sys._getframe(1)
    while frame is not None:
        config = frame.f_locals.get("config")
        if type(config).__name__ == "MkDocsConfig":
            return config
        frame = frame.f_back
    return None


def _plain_yaml(path: Path) -> Mapping[str, Any] | None:
    try:
        import yaml
    except ImportError:  # pragma: no cover
        return None

    class _Lenient(yaml.SafeLoader):
        pass

    # mkdocs.yml may carry tags (!ENV, !!python/name): only `extra` matters here.
    _Lenient.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_Lenient)  # noqa: S506
    except (OSError, yaml.YAMLError):
        return None
    return data if isinstance(data, Mapping) else None


def current_local_help() -> LocalHelp:
    """The clinic and help routes of the build in progress (none outside a build)."""
    config = _mkdocs_config()
    if config is None:
        if "mkdocs" in sys.modules:
            # MkDocs checking its extensions while loading the config: no page yet.
            return NO_LOCAL_HELP
        config = _plain_yaml(Path("mkdocs.yml")) or {}
    parsed = parse_local_help(config.get("extra") or {})
    name = Path(getattr(config, "config_file_path", None) or "mkdocs.yml").name
    if isinstance(parsed, ConfigProblem):
        raise ClinicConfigError(f"{name}: {parsed.message}")
    logo = parsed.clinic.logo if parsed.clinic else None
    docs = config.get("docs_dir")
    if logo and docs and not (Path(docs) / logo).is_file():
        raise ClinicConfigError(
            f"{name}: extra.clinic.logo: there is no file {logo} in the docs folder; "
            "upload the image there first, or remove the logo line."
        )
    return parsed
