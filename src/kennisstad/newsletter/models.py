"""The newsletter's records: who subscribed (personal data, with consent and retention), the
editions the team writes, and one delivery per edition and subscriber, so sending can stop and
resume without mailing anyone twice."""

import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import Theme, VersionedModel


def new_key() -> str:
    """The secret a subscriber's signed links name (never the row number, which is guessable)."""
    return secrets.token_urlsafe(18)


class Language(models.TextChoices):
    DUTCH = "nl", _("Dutch")
    ENGLISH = "en", _("English")


class SubscriberStatus(models.TextChoices):
    PENDING = "pending", _("awaiting confirmation")
    CONFIRMED = "confirmed", _("subscribed")
    UNSUBSCRIBED = "unsubscribed", _("unsubscribed")


class Subscriber(models.Model):
    """One address. Pending until the link in the confirmation mail is followed (double
    opt-in); unsubscribed addresses and never-confirmed ones are removed after the retention
    periods (``services.purge_subscribers``)."""

    email = models.EmailField(_("email address"), max_length=254, unique=True)
    language = models.CharField(
        _("language"), max_length=2, choices=Language.choices, default=Language.DUTCH
    )
    themes = models.ManyToManyField(
        Theme,
        verbose_name=_("themes"),
        blank=True,
        related_name="+",
        help_text=_("None chosen: every theme."),
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=SubscriberStatus.choices,
        default=SubscriberStatus.PENDING,
        db_index=True,
    )
    key = models.CharField(max_length=32, unique=True, default=new_key, editable=False)
    consent_text = models.TextField(_("consent given to"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("confirmed at"), null=True, blank=True)
    unsubscribed_at = models.DateTimeField(_("unsubscribed at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["key"])
    _change_reason: str  # read by django-simple-history (not a field)

    class Meta:
        ordering = ["email"]
        verbose_name = _("subscriber")
        verbose_name_plural = _("subscribers")

    def __str__(self) -> str:
        return self.email


def one_line(value: str) -> None:
    """A mail subject is one header line: a line break would make every mail unsendable (and
    could smuggle in headers)."""
    if "\n" in value or "\r" in value:
        raise ValidationError(_("The subject must be one line, without line breaks."))


class EditionStatus(models.TextChoices):
    DRAFT = "draft", _("draft")
    SENDING = "sending", _("sending")
    SENT = "sent", _("sent")


class Edition(VersionedModel):
    """One mailing, written in Dutch and English; the public activities of its period are filled
    in when it is shown or sent, per subscriber's themes."""

    subject_nl = models.CharField(_("subject (Dutch)"), max_length=200, validators=[one_line])
    subject_en = models.CharField(_("subject (English)"), max_length=200, validators=[one_line])
    intro_nl = models.TextField(_("introduction (Dutch)"), blank=True)
    intro_en = models.TextField(_("introduction (English)"), blank=True)
    body_nl = models.TextField(_("news (Dutch)"), blank=True)
    body_en = models.TextField(_("news (English)"), blank=True)
    activities_from = models.DateField(_("activities from"))
    activities_until = models.DateField(_("activities until"))
    status = models.CharField(
        _("status"), max_length=8, choices=EditionStatus.choices, default=EditionStatus.DRAFT
    )
    sending_started_at = models.DateTimeField(_("sending started at"), null=True, blank=True)
    # The activities of the period, frozen when sending starts (None before): every batch, a
    # resumed one too, fills in the same list, whatever changed in the calendar meanwhile.
    activity_ids = models.JSONField(null=True, blank=True, editable=False)
    sent_at = models.DateTimeField(_("sent at"), null=True, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    subject = translated("subject")
    intro = translated("intro")
    body = translated("body")

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    def __str__(self) -> str:
        return self.subject_nl

    def get_absolute_url(self) -> str:
        from django.urls import reverse

        return reverse("newsletter:edition-detail", args=[self.pk])


class DeliveryStatus(models.TextChoices):
    PENDING = "pending", _("to be sent")
    CLAIMED = "claimed", _("being sent")
    SENT = "sent", _("sent")
    FAILED = "failed", _("failed")


class Delivery(models.Model):
    """One edition to one subscriber: created for every confirmed subscriber when sending starts
    (unique, so a second start adds nobody twice) and marked as the mail goes out. No history:
    thousands per edition, and the status says all there is."""

    edition = models.ForeignKey(Edition, on_delete=models.CASCADE, related_name="deliveries")
    # Kept (without the address) when the subscriber is removed, so the edition's counts stay.
    subscriber = models.ForeignKey(
        Subscriber, on_delete=models.SET_NULL, null=True, related_name="deliveries"
    )
    status = models.CharField(
        max_length=8, choices=DeliveryStatus.choices, default=DeliveryStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=200, blank=True)
    claimed_at = models.DateTimeField(null=True, blank=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["edition", "subscriber"], name="newsletter_one_delivery_per_subscriber"
            )
        ]
        indexes = [models.Index(fields=["edition", "status"], name="newsletter_delivery_todo")]
        verbose_name = _("delivery")
        verbose_name_plural = _("deliveries")

    def __str__(self) -> str:
        return f"{self.edition_id}:{self.subscriber_id}:{self.status}"
