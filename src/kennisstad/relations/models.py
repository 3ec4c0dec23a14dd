"""Relationship management: the organisations and people the team works with, and every contact."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel
from kennisstad.privacy.lawful_basis import LawfulBasis, validate_lawful_basis
from kennisstad.privacy.registry import months_after
from kennisstad.privacy.selectors import period_months

from . import normalise


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
    # Comparison keys for the duplicate finder (see ``normalise``), kept current on every save.
    name_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    website_domain = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "name_key", "website_domain"])

    description = translated("description")

    class Meta:
        ordering = ["name"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self) -> str:
        return self.name

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """The normalised name and domain that duplicate detection compares (also before a
        bulk insert, which skips ``save``)."""
        self.name_key = normalise.organisation_name_key(self.name)
        self.website_domain = normalise.website_domain(self.website)


# The kind of personal record a contact person is (``privacy``'s retention registry).
PERSON_KIND = "relations.person"
INTERACTION_KIND = "relations.interaction"


def erase_after(last_contact: datetime.date) -> datetime.date:
    """The last day a contact person's data is kept: their last contact plus the period the
    municipality set for contact persons (the purge erases them the day after)."""
    return months_after(last_contact, period_months(PERSON_KIND))


class Person(VersionedModel):
    """A contact person. Personal data: a lawful basis is required; the data is erased when the
    last contact lies longer ago than the retention period for contact persons.

    ``last_contact_on`` is the latest of: the day the team last saved the record, the date of
    the latest contact moment the person took part in, the day they last registered for an
    activity. ``retain_until`` is derived from it (last contact + period), kept on every write
    and recomputed when the period changes, so the purge finds the expired with one indexed
    query.
    """

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
    lawful_basis_justification = models.TextField(
        _("justification of legitimate interest"),
        blank=True,
        help_text=_(
            "Only for legitimate interest: why this processing is not a public task of the "
            "municipality, and why the interest outweighs the person's."
        ),
    )
    last_contact_on = models.DateField(
        _("last contact"), null=True, blank=True, editable=False, db_index=True
    )
    retain_until = models.DateField(
        _("retain until"),
        null=True,
        blank=True,
        editable=False,
        db_index=True,
        help_text=_("After this date the contact's data is erased (last contact + period)."),
    )
    erased_at = models.DateTimeField(
        _("erased at"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the personal data was erased; the row stays so counts stay right."),
    )
    # Comparison keys for the duplicate finder, kept current on every save; not in the history.
    name_key = models.CharField(max_length=200, blank=True, editable=False, db_index=True)
    email_key = models.CharField(max_length=254, blank=True, editable=False, db_index=True)
    history = HistoricalRecords(excluded_fields=["updated_at", "name_key", "email_key"])

    # What erasure blanks, here and in every history row of the person.
    PERSONAL_FIELDS = (
        "first_name",
        "last_name",
        "job_title",
        "email",
        "phone",
        "preferred_language",
    )

    class Meta:
        ordering = ["last_name", "first_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self) -> str:
        if self.erased_at is not None:
            return _("Erased contact %(number)s") % {"number": self.pk}
        return f"{self.first_name} {self.last_name}".strip()

    def clean(self) -> None:
        super().clean()
        validate_lawful_basis(self.lawful_basis, self.lawful_basis_justification)

    def save(self, *args, **kwargs):
        self.fill_keys()
        super().save(*args, **kwargs)

    def fill_keys(self) -> None:
        """The normalised name and address that duplicate detection compares, and the derived
        retention date (also before a bulk insert, which skips ``save``)."""
        self.name_key = normalise.person_name_key(self.first_name, self.last_name)
        self.email_key = normalise.email_key(self.email)
        if self.last_contact_on is None and self.retain_until is None:
            self.last_contact_on = timezone.localdate()
        if self.last_contact_on is not None:
            self.retain_until = erase_after(self.last_contact_on)

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
    anonymised_on = models.DateField(
        _("anonymised on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Set when the retention period passed and the subject and notes were erased."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-happened_on", "-id"]
        indexes = [
            models.Index(fields=["owner", "follow_up_done_on", "follow_up_on"]),
            models.Index(fields=["anonymised_on", "happened_on"]),
        ]
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
        if self.anonymised_on is not None:
            return f"{self.happened_on:%Y-%m-%d} " + str(_("(anonymised)"))
        return f"{self.happened_on:%Y-%m-%d} {self.subject}"


class PersonalDataAction(models.TextChoices):
    READ = "read", _("Read")
    EXPORT = "export", _("Export")
    ERASE = "erase", _("Erasure")
    PURGE = "purge", _("Erasure after the retention period")


# Reasons the system itself writes; stored in English, shown translated.
REASON_CONSULTED = "consulted"
REASON_LISTED = "shown in a list"
REASON_LIST_EXPORT = "in a list download"
REASON_RETENTION_EXPIRED = "retention period expired"
SYSTEM_REASONS = {
    REASON_CONSULTED: _("consulted"),
    REASON_LISTED: _("shown in a list"),
    REASON_LIST_EXPORT: _("in a list download"),
    REASON_RETENTION_EXPIRED: _("retention period expired"),
}


class PersonalDataAccess(models.Model):
    """One row per read, export or erasure of a person's data (AVG accountability).

    Holds the person's pk only, no foreign key and no name: the log itself contains no personal
    data of the contact and survives the person's erasure or removal.
    """

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    person_id = models.PositiveBigIntegerField(_("person number"))
    action = models.CharField(_("action"), max_length=10, choices=PersonalDataAction.choices)
    reason = models.CharField(_("reason"), max_length=500)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("personal data access")
        verbose_name_plural = _("personal data access log")
        indexes = [models.Index(fields=["person_id", "at"])]

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.action} {self.person_id}"

    @property
    def reason_display(self) -> str:
        return str(SYSTEM_REASONS.get(self.reason, self.reason))


class MergeRecord(models.Model):
    """That two records were merged: which kind, which pks, by whom, and which fields came from
    the removed one (names only, no values, so no personal data)."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    model = models.CharField(_("kind of record"), max_length=60)
    kept_id = models.PositiveBigIntegerField(_("kept record"))
    removed_id = models.PositiveBigIntegerField(_("removed record"))
    fields_taken = models.JSONField(_("fields taken from the removed record"), default=list)
    links_moved = models.PositiveIntegerField(_("links moved"), default=0)

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("merge")
        verbose_name_plural = _("merges")

    def __str__(self) -> str:
        return f"{self.model} {self.removed_id} -> {self.kept_id}"


from .trace_models import PersonalDataToken  # noqa: E402,F401  (the erasure index)
