"""A clinic's own copy: the service readers with a warning sign are sent to.

A fork sets `extra.clinic` (and optionally `extra.region.help_routes`, and
`extra.region.unit`, the planner's default unit: km or mi) in
mkdocs.yml. This module is the one place that reads that block: it returns
the record, or one message naming the key and what is expected, so a
non-programmer's typo fails the build with a sentence, not a traceback.

Pure and standard-library only: the build (calculator_embed), the bundling
step and the calculators in the browser all use it.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from importlib import resources
from typing import TypeVar

CLINIC_KEYS = ("name", "description", "phone", "email", "booking_url", "area", "hours", "logo")
REGION_KEYS = ("help_routes", "unit")
UNITS = ("km", "mi")
"""The planner's distance units (calculators.planner.units.UNITS)."""
ROUTE_KEYS = ("name", "url", "phone", "note")
OURS = ("clinic", "region")
"""The blocks under `extra:` this module owns; the theme owns the rest."""

BUNDLED_FILE = "clinic.json"
"""Written beside the calculators' sources by tools/bundle_calculators.py."""

_PHONE_CHARS = re.compile(r"^\+?[0-9][0-9 ().-]*$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
_HTTPS = re.compile(r"^https://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?$")
_LOGO = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_./-]*\.(?:svg|png|jpe?g|webp)$")
_PHONE_EXAMPLE = 'phone: "0161 496 0000"'


@dataclass(frozen=True)
class Clinic:
    """The service, as the reader should see it named."""

    name: str
    description: str | None = None
    phone: str | None = None
    email: str | None = None
    booking_url: str | None = None
    area: str | None = None
    hours: str | None = None
    logo: str | None = None
    """A path inside docs/, never another site's address (the site loads nothing from elsewhere)."""

    @property
    def tel(self) -> str | None:
        """The phone number as a tel: link wants it: digits and a leading +."""
        if self.phone is None:
            return None
        return ("+" if self.phone.startswith("+") else "") + re.sub(r"\D", "", self.phone)


@dataclass(frozen=True)
class HelpRoute:
    """Somewhere else to get help: a national directory, self-referral, an emergency number."""

    name: str
    url: str | None = None
    phone: str | None = None
    note: str | None = None


@dataclass(frozen=True)
class LocalHelp:
    clinic: Clinic | None
    help_routes: tuple[HelpRoute, ...]
    unit: str = "km"
    """The unit the planner's form starts with in this copy; a reader can change it."""

    @property
    def is_empty(self) -> bool:
        return self.clinic is None and not self.help_routes


NO_LOCAL_HELP = LocalHelp(clinic=None, help_routes=())


@dataclass(frozen=True)
class ConfigProblem:
    """One clear line for the person editing mkdocs.yml."""

    message: str


class _BadSettingError(Exception):
    def __init__(self, key: str, expected: str) -> None:
        super().__init__(f"{key}: {expected}")


def _unknown(key: str, known: tuple[str, ...], where: str) -> _BadSettingError:
    close = difflib.get_close_matches(key, known, n=1, cutoff=0.6)
    hint = f" Did you mean {close[0]}?" if close else ""
    return _BadSettingError(
        f"{where}.{key}", f"unknown setting.{hint} The settings here are: {', '.join(known)}."
    )


def _mapping(value: object, where: str) -> Mapping[str, object]:
    if not isinstance(value, Mapping):
        raise _BadSettingError(
            where, "expected a block of settings, each on its own line as `key: value`."
        )
    return value


def _text(value: object, key: str) -> str:
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        raise _BadSettingError(key, "expected a line of text.")
    text = str(value).strip()
    if not text or "\n" in text:
        raise _BadSettingError(key, "expected one line of text, not empty.")
    return text


def _phone(value: object, key: str) -> str:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        # YAML reads +441614960000 as a number, losing the + and any leading 0.
        raise _BadSettingError(key, f"write the number in quotes, for example {_PHONE_EXAMPLE}.")
    text = _text(value, key)
    digits = sum(c.isdigit() for c in text)
    if not _PHONE_CHARS.match(text) or not 3 <= digits <= 15:
        raise _BadSettingError(
            key,
            f"expected a phone number ({text!r} is not one): digits, spaces and an optional "
            f"leading +, for example {_PHONE_EXAMPLE}.",
        )
    return text


def _email(value: object, key: str) -> str:
    text = _text(value, key)
    if not _EMAIL.match(text):
        raise _BadSettingError(
            key, f"expected an email address like bookings@example.org, not {text!r}."
        )
    return text


def _https(value: object, key: str) -> str:
    text = _text(value, key)
    if text.lower().startswith("http://"):
        raise _BadSettingError(
            key,
            "expected a secure link starting with https:// (http:// links are refused: "
            "readers' browsers would warn them off it).",
        )
    if not _HTTPS.match(text):
        raise _BadSettingError(key, f"expected a web address starting with https://, not {text!r}.")
    return text


def _logo(value: object, key: str) -> str:
    text = _text(value, key)
    if "://" in text or text.startswith("//"):
        raise _BadSettingError(
            key,
            "expected a file in the docs folder, e.g. assets/images/clinic-logo.svg: the site "
            "loads nothing from other websites.",
        )
    if not _LOGO.match(text) or ".." in text.split("/"):
        raise _BadSettingError(
            key, "expected the path of an .svg, .png, .jpg or .webp file inside the docs folder."
        )
    return text


_CLINIC_PARSERS = {
    "name": _text,
    "description": _text,
    "phone": _phone,
    "email": _email,
    "booking_url": _https,
    "area": _text,
    "hours": _text,
    "logo": _logo,
}
_ROUTE_PARSERS = {"name": _text, "url": _https, "phone": _phone, "note": _text}


_Parsed = TypeVar("_Parsed")


def _fields(
    block: Mapping[str, object],
    keys: tuple[str, ...],
    parsers: Mapping[str, Callable[[object, str], _Parsed]],
    where: str,
) -> dict[str, _Parsed]:
    for key in block:
        if key not in keys:
            raise _unknown(str(key), keys, where)
    return {
        key: parsers[key](value, f"{where}.{key}")
        for key, value in block.items()
        if value is not None
    }


def _clinic(value: object) -> Clinic | None:
    if value is None:
        return None
    fields = _fields(_mapping(value, "extra.clinic"), CLINIC_KEYS, _CLINIC_PARSERS, "extra.clinic")
    if not fields:
        return None
    if "name" not in fields:
        raise _BadSettingError(
            "extra.clinic.name",
            "missing: give the service's name, e.g. name: Riverside Pelvic Health.",
        )
    return Clinic(**fields)


def _unit(value: object, key: str) -> str:
    if value not in UNITS:
        raise _BadSettingError(
            key, f"expected km or mi (the planner's default unit), not {str(value)!r}."
        )
    return str(value)


def _region(value: object) -> dict[str, object]:
    if value is None:
        return {}
    return _fields(
        _mapping(value, "extra.region"),
        REGION_KEYS,
        {"help_routes": lambda v, k: v, "unit": _unit},
        "extra.region",
    )


def _routes(block: Mapping[str, object]) -> tuple[HelpRoute, ...]:
    routes = block.get("help_routes")
    if routes is None:
        return ()
    if isinstance(routes, (str, Mapping)) or not isinstance(routes, (list, tuple)):
        raise _BadSettingError(
            "extra.region.help_routes", "expected a list, each entry starting with `- name:`."
        )
    found = []
    for n, route in enumerate(routes, start=1):
        where = f"extra.region.help_routes[{n}]"
        fields = _fields(_mapping(route, where), ROUTE_KEYS, _ROUTE_PARSERS, where)
        if "name" not in fields:
            raise _BadSettingError(f"{where}.name", "missing: every help route needs a name.")
        found.append(HelpRoute(**fields))
    return tuple(found)


def parse_local_help(extra: Mapping[str, object] | None) -> LocalHelp | ConfigProblem:
    """Read `extra` (the whole block, as MkDocs has it): the record, or the first problem."""
    if not extra:
        return NO_LOCAL_HELP
    try:
        for key in extra:
            # A near miss of ours ("clinc") would otherwise be left to the theme, unnoticed.
            if key not in OURS and difflib.get_close_matches(str(key), OURS, n=1, cutoff=0.75):
                raise _unknown(str(key), OURS, "extra")
        region = _region(extra.get("region"))
        return LocalHelp(
            clinic=_clinic(extra.get("clinic")),
            help_routes=_routes(region),
            unit=str(region.get("unit", "km")),
        )
    except _BadSettingError as problem:
        return ConfigProblem(str(problem))


def to_bundle(extra: Mapping[str, object]) -> dict[str, object]:
    """Just our blocks of `extra`, as JSON-ready data for the browser's copy."""
    return {key: extra[key] for key in OURS if extra.get(key) is not None}


def load_bundled() -> Clinic | None:
    """The clinic the site was built with, when the bundle carries one.

    The build has already validated it, so a problem here means a hand-made
    bundle: it is ignored rather than breaking every calculation.
    """
    try:
        text = resources.files(__package__).joinpath(BUNDLED_FILE).read_text(encoding="utf-8")
        parsed = parse_local_help(json.loads(text))
    except (OSError, KeyError, ValueError):
        return None
    return parsed.clinic if isinstance(parsed, LocalHelp) else None
