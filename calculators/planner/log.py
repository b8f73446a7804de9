"""The run log: a versioned schema, strict reading of imported files, and exports.

The log lives on the reader's device. Python owns its shape so that what the
page stores, what it exports and what it accepts back are the same thing:
`from_json(to_json(log)) == log` for every log (the tests prove it).
A file that is not a log, or a log from a newer version, is refused with a
plain message and never half-read.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from dataclasses import dataclass, replace
from typing import Any

from .checkin import HOW_IT_WENT, SIGNS, CheckIn, HowItWent

FORMAT = "return-to-run-log"
VERSION = 1
MAX_ENTRIES = 5000
MAX_NOTES = 2000
MAX_SECONDS = 6 * 60 * 60
ID_PATTERN = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}-[0-9]{1,4}$")

CSV_FILENAME = "return-to-run-log.csv"
JSON_FILENAME = "return-to-run-log.json"
CSV_HEADER = (
    "id",
    "date",
    "week",
    "step",
    "repeats",
    "run_s",
    "walk_s",
    "run_done_s",
    "walked_from_s",
    "how_it_went",
    "symptoms",
    "effort",
    "notes",
)


class LogError(ValueError):
    """A reader-facing message: why a log could not be read."""

    def __init__(self, message: str, *, future: bool = False) -> None:
        super().__init__(message)
        self.future = future


@dataclass(frozen=True)
class Entry:
    id: str
    date: dt.date
    week: int
    """The plan week this session belonged to (1-based)."""
    step_index: int
    repeats: int
    run_s: int
    walk_s: int
    run_done_s: int
    """Seconds of running actually done."""
    walked_from_s: int | None
    """Seconds into the session when "Symptoms: stop and walk" was pressed."""
    checkin: CheckIn


@dataclass(frozen=True)
class Log:
    entries: tuple[Entry, ...] = ()
    """Oldest first; pages list them newest first."""

    def newest_first(self) -> tuple[Entry, ...]:
        return tuple(reversed(self.entries))


EMPTY = Log()


def next_id(log: Log, day: dt.date) -> str:
    used = {e.id for e in log.entries}
    n = 1
    while f"{day.isoformat()}-{n}" in used:
        n += 1
    return f"{day.isoformat()}-{n}"


def add(log: Log, entry: Entry) -> Log:
    """Add or (same id) replace an entry, keeping the log in date order."""
    kept = [e for e in log.entries if e.id != entry.id]
    ordered = sorted([*kept, entry], key=lambda e: (e.date, _seq(e.id)))
    return Log(tuple(ordered))


def remove(log: Log, entry_id: str) -> Log:
    return Log(tuple(e for e in log.entries if e.id != entry_id))


def _seq(entry_id: str) -> int:
    return int(entry_id.rsplit("-", 1)[1])


def merge(mine: Log, theirs: Log) -> tuple[Log, int]:
    """Entries from an imported log join this one. On an id both hold with
    different contents, this device's entry is kept; returns how many clashed."""
    have = {e.id: e for e in mine.entries}
    clashes = 0
    merged = mine
    for entry in theirs.entries:
        if entry.id in have:
            clashes += have[entry.id] != entry
            continue
        merged = add(merged, entry)
    return merged, clashes


# --- JSON -------------------------------------------------------------------


def entry_to_data(e: Entry) -> dict[str, Any]:
    return {
        "id": e.id,
        "date": e.date.isoformat(),
        "week": e.week,
        "step_index": e.step_index,
        "repeats": e.repeats,
        "run_s": e.run_s,
        "walk_s": e.walk_s,
        "run_done_s": e.run_done_s,
        "walked_from_s": e.walked_from_s,
        "how": e.checkin.how,
        "symptoms": list(e.checkin.symptoms),
        "effort": e.checkin.effort,
        "notes": e.checkin.notes,
    }


def to_data(log: Log) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "entries": [entry_to_data(e) for e in log.entries],
    }


def to_json(log: Log) -> str:
    return json.dumps(to_data(log), ensure_ascii=False, indent=1, sort_keys=True) + "\n"


def from_json(text: str) -> Log:
    """Read a log file. Raises LogError (never anything else) with a plain message."""
    try:
        data = json.loads(text)
    except (ValueError, RecursionError):
        raise LogError("This file could not be read as a log: it is not valid JSON.") from None
    return from_data(data)


def from_data(data: object) -> Log:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        raise LogError("This file is not a Return to Run log.")
    version = data.get("version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise LogError("This log has no version number we know, so it was not read.")
    if version > VERSION:
        raise LogError(
            f"This log comes from a newer version of this guide (log version {version}). "
            "Reload the page to update, then try again.",
            future=True,
        )
    raw = data.get("entries")
    if not isinstance(raw, list):
        raise LogError("This log has no list of sessions, so it was not read.")
    if len(raw) > MAX_ENTRIES:
        raise LogError(f"This log holds more than {MAX_ENTRIES} sessions, so it was not read.")
    entries = [_entry(item, n) for n, item in enumerate(raw, start=1)]
    ids = [e.id for e in entries]
    if len(set(ids)) != len(ids):
        raise LogError("Two sessions in this log have the same id, so it was not read.")
    return Log(tuple(sorted(entries, key=lambda e: (e.date, _seq(e.id)))))


def _entry(item: object, n: int) -> Entry:
    where = f"Session {n} in the log"
    if not isinstance(item, dict):
        raise LogError(f"{where} is not a set of named values.")
    expected = set(entry_to_data(_SAMPLE))
    missing = sorted(expected - set(item))
    extra = sorted(set(item) - expected)
    if missing:
        raise LogError(f"{where} lacks: {', '.join(missing)}.")
    if extra:
        raise LogError(f"{where} has values we do not know: {', '.join(extra)}.")
    entry_id = item["id"]
    if not isinstance(entry_id, str) or not ID_PATTERN.match(entry_id):
        raise LogError(f"{where} has an id we cannot read.")
    date = _date(item["date"], where)
    if not entry_id.startswith(date.isoformat()):
        raise LogError(f"{where}: its id does not match its date.")
    how = item["how"]
    if how not in HOW_IT_WENT:
        raise LogError(f"{where}: “how it went” must be one of {', '.join(HOW_IT_WENT)}.")
    symptoms = item["symptoms"]
    if not isinstance(symptoms, list) or not all(s in SIGNS for s in symptoms):
        raise LogError(f"{where}: a symptom is not one we know.")
    if len(set(symptoms)) != len(symptoms):
        raise LogError(f"{where}: a symptom is listed twice.")
    effort = item["effort"]
    if effort is not None and not _int_in(effort, 1, 10):
        raise LogError(f"{where}: effort must be a whole number from 1 to 10, or empty.")
    notes = item["notes"]
    if not isinstance(notes, str) or len(notes) > MAX_NOTES:
        raise LogError(f"{where}: notes must be text of at most {MAX_NOTES} characters.")
    walked = item["walked_from_s"]
    if walked is not None and not _int_in(walked, 0, MAX_SECONDS):
        raise LogError(f"{where}: the time you started walking is not a number of seconds.")
    numbers = {}
    for key, low in (("week", 1), ("step_index", 0), ("repeats", 1), ("run_s", 1)):
        if not _int_in(item[key], low, MAX_SECONDS):
            raise LogError(f"{where}: “{key}” must be a whole number.")
        numbers[key] = item[key]
    for key in ("walk_s", "run_done_s"):
        if not _int_in(item[key], 0, MAX_SECONDS):
            raise LogError(f"{where}: “{key}” must be a whole number of seconds.")
        numbers[key] = item[key]
    return Entry(
        id=entry_id,
        date=date,
        walked_from_s=walked,
        checkin=CheckIn(how=_how(how), symptoms=tuple(symptoms), effort=effort, notes=notes),
        **numbers,
    )


def _how(value: str) -> HowItWent:
    return next(h for h in HOW_IT_WENT if h == value)


def _int_in(value: object, low: int, high: int) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and low <= value <= high


def _date(value: object, where: str) -> dt.date:
    try:
        if isinstance(value, str) and len(value) == 10:
            day = dt.date.fromisoformat(value)
            if 1900 <= day.year <= 2200:
                return day
    except ValueError:
        pass
    raise LogError(f"{where} has a date we cannot read (expected YYYY-MM-DD).")


_SAMPLE = Entry(
    id="2026-01-01-1",
    date=dt.date(2026, 1, 1),
    week=1,
    step_index=0,
    repeats=1,
    run_s=1,
    walk_s=0,
    run_done_s=0,
    walked_from_s=None,
    checkin=CheckIn("no-symptoms", (), None, ""),
)


# --- CSV --------------------------------------------------------------------


def csv_text(log: Log) -> str:
    """One row a session, oldest first, for a spreadsheet."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(CSV_HEADER)
    for e in log.entries:
        writer.writerow(
            (
                e.id,
                e.date.isoformat(),
                e.week,
                e.step_index + 1,
                e.repeats,
                e.run_s,
                e.walk_s,
                e.run_done_s,
                "" if e.walked_from_s is None else e.walked_from_s,
                e.checkin.how,
                ";".join(e.checkin.symptoms),
                "" if e.checkin.effort is None else e.checkin.effort,
                _safe_cell(e.checkin.notes),
            )
        )
    return out.getvalue()


def _safe_cell(text: str) -> str:
    """A note starting with = + - @ would run as a formula in a spreadsheet."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def with_checkin(entry: Entry, checkin: CheckIn) -> Entry:
    return replace(entry, checkin=checkin)
