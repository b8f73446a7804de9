"""HTML for a clinic's booking action inside a referral ("Book with <service>").

Apart from view.py so the rest of the readiness view can change freely:
view.py only places this where the referral's first action goes.
"""

from __future__ import annotations

from ..html import esc
from .advice import Booking


def booking_html(booking: Booking | None) -> str:
    if booking is None:
        return ""
    name = esc(booking.service)
    if booking.url:
        first = (
            f'<a class="md-button md-button--primary rtr-book__link" href="{esc(booking.url)}">'
            f"Book with {name}</a>"
        )
    else:
        first = f"<strong>Book with {name}</strong>"
    contact = []
    if booking.phone and booking.tel:
        contact.append(f'Phone: <a href="tel:{esc(booking.tel)}">{esc(booking.phone)}</a>')
    if booking.email:
        contact.append(f'Email: <a href="mailto:{esc(booking.email)}">{esc(booking.email)}</a>')
    if booking.hours:
        contact.append(f"Open: {esc(booking.hours)}")
    # One contact a line: easier to read, and to tap, on a phone.
    details = f'<p class="rtr-book__contact">{"<br>".join(contact)}</p>' if contact else ""
    return f'<div class="rtr-book" data-service="{name}"><p>{first}</p>{details}</div>'
