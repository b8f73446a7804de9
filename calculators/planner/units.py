"""Durations in words and numbers, for people and for files."""

from __future__ import annotations


def duration(seconds: int) -> str:
    """30 s, 1 min, 1 min 30 s, 20 min."""
    minutes, secs = divmod(seconds, 60)
    if minutes == 0:
        return f"{secs} s"
    if secs == 0:
        return f"{minutes} min"
    return f"{minutes} min {secs} s"


def minutes(seconds: int) -> str:
    """Decimal minutes with at most two decimals: 4.5, 18.75, 30."""
    text = f"{seconds / 60:.2f}".rstrip("0").rstrip(".")
    return text or "0"


def minutes_phrase(seconds: int) -> str:
    """ "1 minute", "4.5 minutes"."""
    text = minutes(seconds)
    return f"{text} minute" if text == "1" else f"{text} minutes"


def whole_minutes(seconds: int) -> int:
    """The nearest whole minute, halves up: 13.5 minutes is 14."""
    return (seconds + 30) // 60


def whole_minutes_phrase(seconds: int) -> str:
    """ "9 minutes", "about 14 minutes": a week's total, easy to take in."""
    count = whole_minutes(seconds)
    text = f"{count} minute" if count == 1 else f"{count} minutes"
    return text if count * 60 == seconds else f"about {text}"


# Distances and paces. The plan keeps them in SI (metres, seconds per km);
# only these helpers turn them into the reader's unit, for people and files.

KM_PER_MILE = 1.609344
"""Exact, by definition (the international mile, 1959)."""

UNITS = ("km", "mi")
DEFAULT_UNIT = "km"


def pace_s_per_km(minutes: float, unit: str) -> float:
    """A pace in minutes per km or per mile, as seconds per km (exact, not rounded)."""
    return minutes * 60 / (KM_PER_MILE if unit == "mi" else 1)


def _one_decimal(value: float) -> str:
    """3.1, 0.4, 2 (not 2.0): halves round up, as people round."""
    tenths = int(value * 10 + 0.5)
    return f"{tenths // 10}" if tenths % 10 == 0 else f"{tenths // 10}.{tenths % 10}"


def distance(metres: float, unit: str) -> str:
    """ "2.4 km", "1.5 miles", "1 mile": to a tenth, in the reader's unit."""
    if unit == "mi":
        text = _one_decimal(metres / 1000 / KM_PER_MILE)
        return f"{text} mile" if text == "1" else f"{text} miles"
    return f"{_one_decimal(metres / 1000)} km"


def distance_number(metres: float, unit: str) -> str:
    """The number alone, for a file's column: "2.4" (km) or "1.5" (miles)."""
    return _one_decimal(metres / 1000 / (KM_PER_MILE if unit == "mi" else 1))


def named_distance(km: int, unit: str) -> str:
    """A distance fixed in km by what it names: "5 km", or "5 km (3.1 miles)".

    A 5 km race is 5 km wherever it is run (a "5K" even where roads are
    signed in miles), and the 3 km first-week limit is the study's own number.
    Written as miles alone, either would read as a different, rounded distance,
    so in miles the km figure stays and the miles stand beside it."""
    text = f"{km} km"
    return f"{text} ({distance(km * 1000, 'mi')})" if unit == "mi" else text


def pace(s_per_km: float, unit: str) -> str:
    """ "6 minutes per km", "12 min 52 s per mile": to the nearest second."""
    seconds = int(s_per_km * (KM_PER_MILE if unit == "mi" else 1) + 0.5)
    per = "per mile" if unit == "mi" else "per km"
    if seconds % 60 == 0:
        return f"{minutes_phrase(seconds)} {per}"
    return f"{duration(seconds)} {per}"
