"""Small helpers for building escaped HTML in the views, with no dependency."""

from __future__ import annotations

import datetime as dt
from html import escape


def esc(text: object) -> str:
    return escape(str(text), quote=True)


def site_link(site_root: str, path: str) -> str:
    """A link to a page of the site, from a page `site_root` away from the root."""
    return esc(f"{site_root}{path}")


def long_date(day: dt.date) -> str:
    # "3 August 2026": unambiguous in every English locale.
    return f"{day.day} {day.strftime('%B')} {day.year}"
