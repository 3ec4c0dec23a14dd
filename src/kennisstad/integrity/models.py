"""The integrity registers as the code of conduct for office-holders has them (the model
Gedragscode integriteit of VNG and BZK, adopted by every municipal council in its own words):

- every gift or hospitality an office-holder or staff member *receives* is registered, whether
  or not a visit was involved (a gift at a conference or by post has no delegation); a gift
  worth more than the threshold (EUR 50) becomes the municipality's property, or is returned or
  given to charity: only one at or below the threshold may be kept by the recipient. Those above
  the threshold are published, per quarter or half year;
- gifts the municipality *gives* are recorded apart and never published in that register;
- trips, invitations and hospitality paid by a third party are declared per office-holder and
  published with the gifts.
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel, plausible_date
from kennisstad.delegations.models import Delegation
from kennisstad.relations.models import Organisation, Person

MONEY = {"max_digits": 10, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


def gifts_threshold() -> Decimal:
    """Gifts worth more than this (EUR) are published and may not be kept by the recipient."""
    return Decimal(str(getattr(settings, "GIFTS_REGISTER_THRESHOLD", "50")))


class Function(models.TextChoices):
    MAYOR = "mayor", _("Mayor")
    ALDERMAN = "alderman", _("Alderman")
    SECRETARY = "secretary", _("Municipal secretary")
    COUNCIL_MEMBER = "council_member", _("Council member")
    STAFF = "staff", _("Staff member")


class OfficeHolder(VersionedModel):
    """A mayor, alderman, municipal secretary or staff member who receives gifts or is invited.
    Office-holders are public figures: their name and function are published in the registers
    (they are not contacts in ``relations`` and not erased with them)."""

    name = models.CharField(_("name"), max_length=200)
    function = models.CharField(_("function"), max_length=20, choices=Function)
    portfolio = models.CharField(
        _("title as published"),
        max_length=200,
        blank=True,
        help_text=_("E.g. Wethouder Economische Zaken; empty: the function."),
    )
    in_office_from = models.DateField(_("in office from"), null=True, blank=True)
    in_office_until = models.DateField(_("in office until"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["name", "id"]
        verbose_name = _("office-holder")
        verbose_name_plural = _("office-holders")

    def __str__(self) -> str:
        return f"{self.name} ({self.title})"

    @property
    def title(self) -> str:
        return self.portfolio or str(self.get_function_display())

    def clean(self) -> None:
        super().clean()
        if (
            self.in_office_from
            and self.in_office_until
            and self.in_office_until < self.in_office_from
        ):
            raise ValidationError({"in_office_until": _("The end lies before the start.")})


class Disposition(models.TextChoices):
    KEPT = "kept", _("Kept by the recipient")
    MUNICIPALITY = "municipality", _("Property of the municipality")
    RETURNED = "returned", _("Returned")
    CHARITY = "charity", _("Given to charity")


class GiftReceived(VersionedModel):
    """A gift or hospitality an office-holder or staff member received."""

    recipient = models.ForeignKey(
        OfficeHolder,
        verbose_name=_("recipient"),
        on_delete=models.PROTECT,
        related_name="gifts_received",
    )
    received_on = models.DateField(_("received on"), validators=[plausible_date])
    giver_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("giving organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    giver_person = models.ForeignKey(
        Person,
        verbose_name=_("giving contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    giver_name = models.CharField(
        _("giver as published"),
        max_length=200,
        help_text=_("Who gave it, as the register publishes it, e.g. Vice-burgemeester Tianjin."),
    )
    occasion = models.CharField(_("occasion"), max_length=300)
    description_nl = models.CharField(_("description (Dutch)"), max_length=300)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    estimated_value = models.DecimalField(_("estimated value (EUR)"), **MONEY)
    disposition = models.CharField(_("what happened to it"), max_length=12, choices=Disposition)
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("visit"),
        on_delete=models.SET_NULL,  # the register keeps the gift when the visit goes
        null=True,
        blank=True,
        related_name="gifts_received",
    )
    erasure_note = models.CharField(
        _("kept after erasure"),
        max_length=300,
        blank=True,
        editable=False,
        help_text=_("Why the giver's name stays after the giver's personal data was erased."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    description = translated("description")

    class Meta:
        ordering = ["received_on", "id"]
        verbose_name = _("gift received")
        verbose_name_plural = _("gifts received")
        indexes = [models.Index(fields=["received_on", "estimated_value"])]

    def __str__(self) -> str:
        return self.description

    @property
    def above_threshold(self) -> bool:
        return self.estimated_value is not None and self.estimated_value > gifts_threshold()

    def clean(self) -> None:
        super().clean()
        if not (self.giver_name or "").strip():
            name = str(self.giver_person or self.giver_organisation or "")
            if not name:
                raise ValidationError({"giver_name": _("Say who gave it.")})
            self.giver_name = name[:200]
        if self.disposition == Disposition.KEPT and self.above_threshold:
            raise ValidationError(
                {
                    "disposition": _(
                        "A gift worth more than %(amount)s becomes the municipality's property, "
                        "is returned or is given to charity; the recipient may not keep it."
                    )
                    % {"amount": f"€ {gifts_threshold():.2f}"}
                }
            )


class GiftGiven(VersionedModel):
    """A gift the municipality gave; recorded apart, never in the public gifts register."""

    given_on = models.DateField(_("given on"), validators=[plausible_date])
    giver = models.CharField(
        _("given by"), max_length=200, help_text=_("E.g. Burgemeester van Groningen.")
    )
    recipient = models.CharField(_("recipient"), max_length=200)
    recipient_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("receiving organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    occasion = models.CharField(_("occasion"), max_length=300, blank=True)
    description_nl = models.CharField(_("description (Dutch)"), max_length=300)
    description_en = models.CharField(_("description (English)"), max_length=300, blank=True)
    estimated_value = models.DecimalField(_("estimated value (EUR)"), **MONEY)
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("visit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="gifts_given",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    description = translated("description")

    class Meta:
        ordering = ["given_on", "id"]
        verbose_name = _("gift given")
        verbose_name_plural = _("gifts given")

    def __str__(self) -> str:
        return self.description


class TripKind(models.TextChoices):
    TRIP = "trip", _("Trip")
    INVITATION = "invitation", _("Invitation")
    HOSPITALITY = "hospitality", _("Hospitality")


class ThirdPartyTrip(VersionedModel):
    """A trip, invitation or hospitality paid by someone other than the municipality."""

    office_holder = models.ForeignKey(
        OfficeHolder,
        verbose_name=_("office-holder"),
        on_delete=models.PROTECT,
        related_name="third_party_trips",
    )
    kind = models.CharField(_("kind"), max_length=12, choices=TripKind, default=TripKind.TRIP)
    paid_by = models.CharField(_("paid by"), max_length=200)
    paid_by_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("paying organisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    destination = models.CharField(_("destination"), max_length=200)
    destination_country = CountryField(_("country"), blank=True)
    starts_on = models.DateField(_("from"), validators=[plausible_date])
    ends_on = models.DateField(_("until"), validators=[plausible_date])
    purpose = models.CharField(_("purpose"), max_length=300)
    estimated_value = models.DecimalField(_("estimated value (EUR)"), **MONEY)
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("visit"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="third_party_trips",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["starts_on", "id"]
        verbose_name = _("trip paid by a third party")
        verbose_name_plural = _("trips paid by third parties")

    def __str__(self) -> str:
        return f"{self.destination} ({self.starts_on:%d-%m-%Y})" if self.starts_on else ""

    def clean(self) -> None:
        super().clean()
        if self.starts_on and self.ends_on and self.ends_on < self.starts_on:
            raise ValidationError({"ends_on": _("The end lies before the start.")})
