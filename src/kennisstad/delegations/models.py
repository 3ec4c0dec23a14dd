"""Delegations: who comes to the city or travels abroad for an incoming or outgoing visit, their
programme and needs, and the travel costs the foreign-travel register publishes. Gifts live in
``integrity`` (gifts are received without a visit too)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.agenda.models import Activity, ActivityKind
from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel
from kennisstad.relations.models import Organisation, Person

MONEY = {"max_digits": 10, "decimal_places": 2, "validators": [MinValueValidator(Decimal("0"))]}


class Direction(models.TextChoices):
    INCOMING = "incoming", _("Incoming")
    OUTGOING = "outgoing", _("Outgoing")


DIRECTION_OF_KIND = {
    ActivityKind.INCOMING_VISIT: Direction.INCOMING,
    ActivityKind.OUTGOING_VISIT: Direction.OUTGOING,
}
KIND_OF_DIRECTION = {direction: kind for kind, direction in DIRECTION_OF_KIND.items()}


class Delegation(VersionedModel):
    """One per incoming or outgoing visit; its direction follows the visit's kind, so it can
    never disagree with the calendar."""

    activity = models.OneToOneField(
        Activity,
        verbose_name=_("visit"),
        on_delete=models.PROTECT,  # the integrity registers must not lose gifts or costs
        related_name="delegation",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("delegation of"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delegations",
        help_text=_("The organisation or city the visiting delegation represents."),
    )
    country = CountryField(
        _("country"),
        blank=True,
        help_text=_(
            "Where an incoming delegation comes from, or where an outgoing mission goes. "
            "Empty for a mission: the country of the visit."
        ),
    )
    purpose_nl = models.TextField(_("purpose (Dutch)"))
    purpose_en = models.TextField(_("purpose (English)"), blank=True)
    host_users = models.ManyToManyField(
        settings.AUTH_USER_MODEL,
        verbose_name=_("hosting colleagues"),
        blank=True,
        related_name="hosted_delegations",
    )
    host_people = models.ManyToManyField(
        Person, verbose_name=_("hosting contacts"), blank=True, related_name="hosted_delegations"
    )
    interpretation_languages = models.CharField(
        _("interpretation"),
        max_length=200,
        blank=True,
        help_text=_("Languages to interpret between, e.g. Mandarin – Dutch. Empty: none needed."),
    )
    dietary_requirements = models.TextField(_("dietary requirements"), blank=True)
    press_and_media = models.TextField(_("press and media"), blank=True)
    accessibility = models.TextField(_("accessibility"), blank=True)
    notes = models.TextField(_("notes"), blank=True)
    history = HistoricalRecords(
        excluded_fields=["updated_at"], m2m_fields=[host_users, host_people]
    )

    purpose = translated("purpose")

    class Meta:
        ordering = ["-activity__starts_at", "id"]
        verbose_name = _("delegation")
        verbose_name_plural = _("delegations")

    def __str__(self) -> str:
        return str(self.activity) if self.activity_id else str(_("delegation"))

    @property
    def direction(self) -> str | None:
        return DIRECTION_OF_KIND.get(self.activity.kind) if self.activity_id else None

    def get_direction_display(self) -> str:
        return str(Direction(self.direction).label) if self.direction else ""

    @property
    def is_outgoing(self) -> bool:
        return self.direction == Direction.OUTGOING

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.activity_id and self.activity.kind not in DIRECTION_OF_KIND:
            errors["activity"] = _(
                "A delegation belongs to an incoming or an outgoing visit; this activity is a "
                "%(kind)s."
            ) % {"kind": self.activity.get_kind_display().lower()}
        if not (self.purpose_nl or "").strip():
            errors["purpose_nl"] = _("A Dutch purpose is required.")
        if errors:
            raise ValidationError(errors)
        if not self.country and self.activity_id and self.is_outgoing:
            self.country = self.activity.country


class DelegationMember(models.Model):
    """A member of the delegation with the function and form of address protocol needs."""

    delegation = models.ForeignKey(
        Delegation, verbose_name=_("delegation"), on_delete=models.CASCADE, related_name="members"
    )
    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="delegations"
    )
    function = models.CharField(_("function"), max_length=150, blank=True)
    form_of_address = models.CharField(
        _("form of address"),
        max_length=100,
        blank=True,
        help_text=_("As protocol writes it, e.g. Zijne Excellentie, Burgemeester, Prof. dr."),
    )
    is_head = models.BooleanField(_("head of delegation"), default=False)
    history = HistoricalRecords()

    class Meta:
        ordering = ["-is_head", "person__last_name", "id"]
        verbose_name = _("delegation member")
        verbose_name_plural = _("delegation members")
        constraints = [
            models.UniqueConstraint(
                fields=["delegation", "person"], name="unique_delegation_member"
            )
        ]

    def __str__(self) -> str:
        return " ".join(part for part in (self.form_of_address, str(self.person)) if part)


class ProgrammeItem(models.Model):
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="programme",
    )
    starts_at = models.DateTimeField(_("start"))
    ends_at = models.DateTimeField(_("end"), null=True, blank=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    place = models.CharField(_("place"), max_length=200, blank=True)
    responsible_user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("responsible colleague"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    responsible_person = models.ForeignKey(
        Person,
        verbose_name=_("responsible contact"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    title = translated("title")

    class Meta:
        ordering = ["starts_at", "id"]
        verbose_name = _("programme item")
        verbose_name_plural = _("programme items")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        if self.starts_at and self.ends_at and self.ends_at <= self.starts_at:
            raise ValidationError({"ends_at": _("The end lies before the start.")})


class PaidBy(models.TextChoices):
    MUNICIPALITY = "municipality", _("Municipality")
    THIRD_PARTY = "third_party", _("Third party")


class TravelCost(models.Model):
    """What one traveller's part of an outgoing mission cost, and who paid."""

    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        related_name="travel_costs",
    )
    traveller = models.CharField(_("traveller"), max_length=150)
    traveller_function = models.CharField(
        _("function"), max_length=150, help_text=_("The register names travellers by function.")
    )
    destination_country = CountryField(_("destination country"))
    transport = models.DecimalField(_("transport (EUR)"), default=Decimal("0"), **MONEY)
    lodging = models.DecimalField(_("lodging (EUR)"), default=Decimal("0"), **MONEY)
    other = models.DecimalField(_("other costs (EUR)"), default=Decimal("0"), **MONEY)
    paid_by = models.CharField(
        _("paid by"), max_length=15, choices=PaidBy, default=PaidBy.MUNICIPALITY
    )
    payer = models.CharField(
        _("paying third party"), max_length=200, blank=True, help_text=_("When a third party paid.")
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("travel cost")
        verbose_name_plural = _("travel costs")

    def __str__(self) -> str:
        return f"{self.traveller} ({self.traveller_function})"

    @property
    def total(self) -> Decimal:
        return (self.transport or 0) + (self.lodging or 0) + (self.other or 0)

    def clean(self) -> None:
        super().clean()
        if self.paid_by == PaidBy.THIRD_PARTY and not (self.payer or "").strip():
            raise ValidationError({"payer": _("Name the third party that paid.")})
