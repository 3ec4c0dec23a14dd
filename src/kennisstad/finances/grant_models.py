"""Grants (subsidies) the municipality gives to partners, such as the IWCN: from the
application through the decision (verlening) to the final amount (vaststelling), with the date
the recipient must account for it (verantwoording)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel

GRANT_AMOUNT = {
    "max_digits": 13,
    "decimal_places": 2,
    "null": True,
    "blank": True,
    "validators": [MinValueValidator(Decimal("0"))],
}


class GrantStatus(models.TextChoices):
    APPLIED = "aangevraagd", _("Applied for (aangevraagd)")
    GRANTED = "verleend", _("Granted (verleend)")
    SETTLED = "vastgesteld", _("Settled (vastgesteld)")
    WITHDRAWN = "ingetrokken", _("Withdrawn (ingetrokken)")


class Grant(VersionedModel):
    organisation = models.ForeignKey(
        "relations.Organisation",
        verbose_name=_("applicant"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    title_nl = models.CharField(_("purpose (Dutch)"), max_length=200)
    title_en = models.CharField(_("purpose (English)"), max_length=200, blank=True)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    policy_area = models.ForeignKey(
        "policy.PolicyArea",
        verbose_name=_("policy field"),
        on_delete=models.PROTECT,
        related_name="grants",
    )
    taakveld = models.ForeignKey(
        "finances.Taakveld",
        verbose_name=_("taakveld"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="grants",
    )
    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project it funds"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="grants",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=GrantStatus.choices, default=GrantStatus.APPLIED
    )
    amount_requested = models.DecimalField(_("amount requested (EUR)"), **GRANT_AMOUNT)
    amount_granted = models.DecimalField(_("amount granted (EUR)"), **GRANT_AMOUNT)
    amount_final = models.DecimalField(
        _("amount finally set (EUR)"),
        help_text=_("Set at the vaststelling, after the accountability."),
        **GRANT_AMOUNT,
    )
    period_start = models.DateField(_("period from"))
    period_end = models.DateField(_("period until"))
    conditions = models.TextField(_("conditions"), blank=True)
    applied_on = models.DateField(_("applied on"), null=True, blank=True)
    granted_on = models.DateField(_("granted on"), null=True, blank=True)
    settled_on = models.DateField(_("settled on"), null=True, blank=True)
    withdrawn_on = models.DateField(_("withdrawn on"), null=True, blank=True)
    accountability_due = models.DateField(
        _("accountability due"),
        null=True,
        blank=True,
        help_text=_("The date the recipient must account for the grant (verantwoording)."),
    )
    accountability_received_on = models.DateField(
        _("accountability received on"), null=True, blank=True
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("handled by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="handled_grants",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    title = translated("title")

    class Meta:
        ordering = ["-period_start", "organisation__name"]
        verbose_name = _("grant")
        verbose_name_plural = _("grants")
        indexes = [models.Index(fields=["status", "accountability_due"])]

    def __str__(self) -> str:
        return f"{self.title} ({self.organisation})"

    @property
    def amount(self) -> Decimal | None:
        """What the grant costs as far as known: the final amount once set, else the amount
        granted; a withdrawn grant or a mere application costs nothing."""
        if self.status == GrantStatus.SETTLED:
            return self.amount_final
        if self.status == GrantStatus.GRANTED:
            return self.amount_granted
        return Decimal("0")

    def clean(self) -> None:
        super().clean()
        errors: dict[str, object] = {}
        if self.period_start and self.period_end and self.period_end < self.period_start:
            errors["period_end"] = _("The period ends before it starts.")
        if self.status in (GrantStatus.GRANTED, GrantStatus.SETTLED):
            if self.amount_granted is None:
                errors["amount_granted"] = _("A granted grant needs the amount granted.")
            if not self.decision_number:
                errors["decision_number"] = _("A granted grant needs its decision number.")
            if not self.granted_on:
                errors["granted_on"] = _("A granted grant needs the date of the decision.")
        if self.status == GrantStatus.SETTLED:
            if self.amount_final is None:
                errors["amount_final"] = _("A settled grant needs the amount finally set.")
            if not self.settled_on:
                errors["settled_on"] = _("A settled grant needs the date it was settled.")
        if self.status == GrantStatus.WITHDRAWN and not self.withdrawn_on:
            errors["withdrawn_on"] = _("A withdrawn grant needs the date it was withdrawn.")
        if errors:
            raise ValidationError(errors)


class GrantReminder(models.Model):
    """A reminder mail sent about a grant's accountability, so a rerun sends none twice."""

    grant = models.ForeignKey(Grant, on_delete=models.CASCADE, related_name="reminders")
    due_on = models.DateField(_("due on"))
    kind = models.CharField(_("kind"), max_length=10)  # "before" or "overdue"
    sent_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    recipients = models.JSONField(_("recipients"), default=list)

    class Meta:
        ordering = ["-sent_at"]
        verbose_name = _("grant reminder")
        verbose_name_plural = _("grant reminders")
        constraints = [
            models.UniqueConstraint(
                fields=["grant", "due_on", "kind"], name="unique_grant_reminder"
            )
        ]

    def __str__(self) -> str:
        return f"{self.grant} {self.kind} {self.due_on}"
