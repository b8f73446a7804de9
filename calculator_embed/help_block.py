"""HTML for `[[clinic help]]`: where to get help, from the site's own config.

With no clinic and no help routes configured it renders nothing, so the
page reads exactly as it does on the original site.
"""

from __future__ import annotations

from calculators.clinic import Clinic, HelpRoute, LocalHelp
from calculators.html import esc


def _tel(phone: str) -> str:
    digits = "".join(c for c in phone if c.isdigit())
    return ("+" if phone.startswith("+") else "") + digits


def _phone(phone: str) -> str:
    return f'<a href="tel:{esc(_tel(phone))}">{esc(phone)}</a>'


def _clinic(c: Clinic) -> str:
    rows = []
    if c.description:
        rows.append(f"<p>{esc(c.description)}</p>")
    facts = []
    if c.area:
        facts.append(f"<li>Area: {esc(c.area)}</li>")
    if c.hours:
        facts.append(f"<li>Open: {esc(c.hours)}</li>")
    if c.phone:
        facts.append(f"<li>Phone: {_phone(c.phone)}</li>")
    if c.email:
        facts.append(f'<li>Email: <a href="mailto:{esc(c.email)}">{esc(c.email)}</a></li>')
    if facts:
        rows.append(f"<ul>{''.join(facts)}</ul>")
    if c.booking_url:
        rows.append(
            f'<p><a class="md-button md-button--primary" href="{esc(c.booking_url)}">'
            f"Book with {esc(c.name)}</a></p>"
        )
    return (
        f'<div class="admonition tip rtr-clinic" data-service="{esc(c.name)}">'
        f'<p class="admonition-title">{esc(c.name)}</p>{"".join(rows)}</div>'
    )


def _route(r: HelpRoute) -> str:
    name = f'<a href="{esc(r.url)}">{esc(r.name)}</a>' if r.url else esc(r.name)
    phone = f": {_phone(r.phone)}" if r.phone else ""
    note = f". {esc(r.note)}" if r.note else ""
    return f"<li>{name}{phone}{note}</li>"


def help_html(local: LocalHelp) -> str:
    if local.is_empty:
        return ""
    parts = []
    if local.clinic:
        parts.append(
            "<p>This copy of the guide is published by the service below. "
            "If you have a warning sign, you can book with them.</p>"
        )
        parts.append(_clinic(local.clinic))
    if local.help_routes:
        lead = "Other places to get help:" if local.clinic else "Where to get help:"
        routes = "".join(_route(r) for r in local.help_routes)
        parts.append(f'<p>{lead}</p><ul class="rtr-help-routes">{routes}</ul>')
    return f'<div class="rtr-local-help">{"".join(parts)}</div>'
