"""Figures a partner organisation delivers itself (the IWCN's visitor numbers), which count only
once a team member other than the one who entered them approves (four eyes), and the reminders
sent to owners whose figures are missing before a P&C deadline."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.models import VersionedModel


class DeliveryStatus(models.TextChoices):
    SUBMITTED = "ingediend", _("Submitted, awaiting approval")
    APPROVED = "goedgekeurd", _("Approved")
    REJECTED = "afgewezen", _("Rejected")


class DeliveredValue(VersionedModel):
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="deliveries",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=14, decimal_places=4, null=True, blank=True)
    display_text = models.CharField(_("as written"), max_length=60, blank=True)
    measured_on = models.DateField(_("peildatum"))
    source = models.CharField(_("source"), max_length=300)
    note = models.TextField(_("note"), blank=True)
    organisation = models.ForeignKey(
        "relations.Organisation",
        verbose_name=_("delivered by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="delivered_values",
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("entered by"),
        on_delete=models.PROTECT,
        related_name="delivered_values",
    )
    status = models.CharField(
        _("status"),
        max_length=12,
        choices=DeliveryStatus.choices,
        default=DeliveryStatus.SUBMITTED,
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("reviewed by"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="reviewed_values",
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    review_note = models.TextField(_("review note"), blank=True)
    realisation = models.OneToOneField(
        "indicators.Realisation",
        verbose_name=_("realisation"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="delivery",
        help_text=_("The figure that counts, made when the value was approved."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("delivered value")
        verbose_name_plural = _("delivered values")
        indexes = [models.Index(fields=["status", "indicator"])]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.display_text or self.value}"


class ValueReminder(models.Model):
    """A reminder about missing figures sent for a deadline: before it to an owner, after it
    to the team lead. Recorded so a rerun of the reminder job mails nobody twice."""

    deadline = models.ForeignKey(
        "policy.Deadline", on_delete=models.CASCADE, related_name="value_reminders"
    )
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="value_reminders"
    )
    kind = models.CharField(_("kind"), max_length=10)  # "before" or "overdue"
    indicators = models.JSONField(_("indicators missing"), default=list)
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("value reminder")
        verbose_name_plural = _("value reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["deadline", "recipient", "kind"], name="unique_value_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.deadline} {self.kind} {self.recipient}"
