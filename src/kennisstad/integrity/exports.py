"""The public integrity register of a period as files: the gifts received above the threshold,
and the trips, invitations and hospitality paid by third parties per office-holder. Written with
the formats of the foreign-travel register (``delegations.exports``): XLSX with typed cells, CSV
with a byte-order mark, ``;`` and decimal commas for Dutch Excel, and a DOCX table."""

from django.utils.translation import gettext as _

from kennisstad.delegations.exports import (
    CONTENT_TYPES,
    FORMATS,
    Table,
    euro,
    to_csv,
    to_docx,
    to_xlsx,
)

from . import selectors
from .selectors import PublicationPeriod

__all__ = ["CONTENT_TYPES", "FORMATS", "REGISTERS", "filename", "render", "table_for"]

REGISTERS = ("gifts", "trips")


def gifts_table(period: PublicationPeriod) -> Table:
    threshold = selectors.gifts_threshold()
    return Table(
        title=_("Gifts register %(period)s") % {"period": period},
        note=_(
            "Gifts and hospitality received by office-holders and staff with an estimated value "
            "over %(amount)s."
        )
        % {"amount": euro(threshold)},
        headers=[
            _("Date"),
            _("Recipient"),
            _("Function"),
            _("Giver"),
            _("Occasion"),
            _("Description"),
            _("Estimated value (EUR)"),
            _("What happened to it"),
        ],
        rows=[
            [
                gift.received_on,
                gift.recipient.name,
                gift.recipient.title,
                gift.giver_name,
                gift.occasion,
                gift.description,
                gift.estimated_value,
                gift.get_disposition_display(),
            ]
            for gift in selectors.public_gifts(period)
        ],
    )


def trips_table(period: PublicationPeriod) -> Table:
    return Table(
        title=_("Trips and invitations paid by third parties %(period)s") % {"period": period},
        note=_(
            "Per office-holder: trips, invitations and hospitality the municipality did not pay."
        ),
        headers=[
            _("Office-holder"),
            _("Function"),
            _("Kind"),
            _("From"),
            _("Until"),
            _("Destination"),
            _("Purpose"),
            _("Paid by"),
            _("Estimated value (EUR)"),
        ],
        rows=[
            [
                trip.office_holder.name,
                trip.office_holder.title,
                trip.get_kind_display(),
                trip.starts_on,
                trip.ends_on,
                trip.destination,
                trip.purpose,
                trip.paid_by,
                trip.estimated_value,
            ]
            for trip in selectors.third_party_trips(period)
        ],
    )


def table_for(register: str, period: PublicationPeriod) -> Table:
    if register == "gifts":
        return gifts_table(period)
    if register == "trips":
        return trips_table(period)
    raise ValueError(register)


def render(register: str, period: PublicationPeriod, fmt: str) -> bytes:
    table = table_for(register, period)
    return {"csv": to_csv, "xlsx": to_xlsx, "docx": to_docx}[fmt](table)


def filename(register: str, period: PublicationPeriod, fmt: str) -> str:
    name = {"gifts": _("gifts-register"), "trips": _("third-party-trips")}[register]
    return f"{name}-{period.slug}.{fmt}"
