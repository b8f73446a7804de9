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
