"""Relationship management: the organisations and people the team works with, and every contact."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel


class OrganisationKind(models.TextChoices):
    KNOWLEDGE_INSTITUTION = "knowledge", _("Knowledge institution")
    COMPANY = "company", _("Company")
    DUTCH_GOVERNMENT = "government_nl", _("Dutch government")
    FOREIGN_GOVERNMENT = "government_foreign", _("Foreign government or city")
    EU_INTERNATIONAL = "eu_international", _("EU or international body")
    NETWORK = "network", _("Network")
    EMBASSY = "embassy", _("Embassy or consulate")
    OTHER = "other", _("Other")


class Tag(models.Model):
    name = models.CharField(_("name"), max_length=60, unique=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("tag")
        verbose_name_plural = _("tags")

    def __str__(self) -> str:
        return self.name


class Organisation(VersionedModel):
    name = models.CharField(_("name"), max_length=200, db_index=True)
    abbreviation = models.CharField(_("abbreviation"), max_length=30, blank=True)
    kind = models.CharField(_("kind"), max_length=30, choices=OrganisationKind.choices)
    country = CountryField(_("country"))
    city = models.CharField(_("city"), max_length=120, blank=True)
    website = models.URLField(_("website"), blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    tags = models.ManyToManyField(Tag, verbose_name=_("tags"), blank=True, related_name="+")
    relationship_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("relationship owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_organisations",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    description = translated("description")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name


class LawfulBasis(models.TextChoices):
    CONSENT = "consent", _("Consent")
    CONTRACT = "contract", _("Contract")
    PUBLIC_TASK = "public_task", _("Public task")
    LEGITIMATE_INTEREST = "legitimate_interest", _("Legitimate interest")


class Person(VersionedModel):
    """A contact person. Personal data: a lawful basis and a retention date are required."""

    first_name = models.CharField(_("first name"), max_length=100)
    last_name = models.CharField(_("last name"), max_length=100, db_index=True)
    job_title = models.CharField(_("job title"), max_length=150, blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="people"
    )
    email = models.EmailField(_("email address"), blank=True)
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=8,
        choices=[
            ("nl", _("Dutch")),
            ("en", _("English")),
            ("de", _("German")),
            ("fr", _("French")),
            ("zh", _("Chinese")),
        ],
        default="en",
    )
    lawful_basis = models.CharField(_("lawful basis"), max_length=30, choices=LawfulBasis.choices)
    retain_until = models.DateField(
        _("retain until"), help_text=_("After this date the contact's data is erased.")
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def full_name(self) -> str:
        return str(self)


class InteractionKind(models.TextChoices):
    MEETING = "meeting", _("Meeting")
    CALL = "call", _("Call")
    MAIL = "mail", _("Mail")
    VISIT = "visit", _("Visit")


class Interaction(VersionedModel):
    """A dated contact moment with organisations and people, with an optional follow-up."""

    happened_on = models.DateField(_("date"))
    kind = models.CharField(_("kind"), max_length=20, choices=InteractionKind.choices)
    subject = models.CharField(_("subject"), max_length=200)
    notes = models.TextField(_("notes"), blank=True)
    organisations = models.ManyToManyField(
        Organisation, verbose_name=_("organisations"), blank=True, related_name="interactions"
    )
    people = models.ManyToManyField(
        Person, verbose_name=_("people"), blank=True, related_name="interactions"
    )
    follow_up_on = models.DateField(_("follow up on"), null=True, blank=True)
    follow_up_done_on = models.DateField(
        _("followed up on"),
        null=True,
        blank=True,
        help_text=_("When the follow-up was done; it then leaves the follow-up list."),
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="interactions",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [models.Index(fields=["owner", "follow_up_done_on", "follow_up_on"])]
        verbose_name = _("interaction")
        verbose_name_plural = _("interactions")

    def clean(self) -> None:
        super().clean()
        if self.follow_up_on and self.happened_on and self.follow_up_on < self.happened_on:
            raise ValidationError(
                {"follow_up_on": _("The follow-up date cannot lie before the contact itself.")}
            )
        if self.follow_up_done_on and not self.follow_up_on:
            raise ValidationError(
                {"follow_up_done_on": _("Only a contact with a follow-up can be followed up.")}
            )

    def __str__(self) -> str:
        return f"{self.happened_on:%Y-%m-%d} {self.subject}"
