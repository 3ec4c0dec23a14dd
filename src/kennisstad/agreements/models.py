"""Agreements with partner cities and regions: what kind, with whom, signed when, for how long,
how they are renewed, what they are about and which projects and delegations fall under them.

An agreement's status is never stored: it follows from its dates (``status_on``), so it cannot
go stale. The parties are organisations of the registry (a partner city is a "foreign
government or city"), each with its role and the office that signed (a title, never a person's
name: agreements hold no personal data)."""

from __future__ import annotations

import datetime

from dateutil.relativedelta import relativedelta
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import Theme, VersionedModel, plausible_date
from kennisstad.delegations.models import Delegation
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation

# A notice period longer than this is surely a typing error (days, not weeks or months).
MAX_NOTICE_DAYS = 730


class AgreementKind(models.TextChoices):
    MEMORANDUM = "memorandum", _("Memorandum of understanding")
    CITY_LINK = "city_link", _("City link")
    TRILATERAL = "trilateral", _("Trilateral agreement")
    LETTER_OF_INTENT = "letter_of_intent", _("Letter of intent")


class AgreementStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    IN_FORCE = "in_force", _("In force")
    EXPIRING = "expiring", _("Expiring soon")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class Renewal(models.TextChoices):
    NONE = "none", _("Ends at expiry")
    AUTOMATIC = "automatic", _("Renewed automatically unless ended")
    BY_DECISION = "by_decision", _("Renewed only by a new decision")


class PartyRole(models.TextChoices):
    SIGNATORY = "signatory", _("Signatory")
    WITNESS = "witness", _("Witness")
    SUPPORTING = "supporting", _("Supporting party")


class Agreement(VersionedModel):
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    kind = models.CharField(_("kind"), max_length=20, choices=AgreementKind)
    summary_nl = models.TextField(_("summary (Dutch)"), blank=True)
    summary_en = models.TextField(_("summary (English)"), blank=True)
    parties = models.ManyToManyField(
        Organisation,
        through="AgreementParty",
        verbose_name=_("parties"),
        related_name="agreements",
    )
    signed_on = models.DateField(
        _("signed on"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("Empty while it is a draft."),
    )
    term_years = models.PositiveSmallIntegerField(
        _("term (years)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(99)],
        help_text=_("With a signing date and no expiry date, the expiry date follows from it."),
    )
    expires_on = models.DateField(
        _("expires on"),
        null=True,
        blank=True,
        validators=[plausible_date],
        help_text=_("Empty: for an indefinite period."),
    )
    renewal = models.CharField(_("renewal"), max_length=12, choices=Renewal, default=Renewal.NONE)
    notice_days = models.PositiveSmallIntegerField(
        _("notice period (days)"),
        null=True,
        blank=True,
        validators=[MaxValueValidator(MAX_NOTICE_DAYS)],
        help_text=_(
            "How many days before expiry a party must say it renews or ends the agreement; "
            "the reminder comes this much earlier."
        ),
    )
    renewal_terms_nl = models.TextField(_("renewal terms (Dutch)"), blank=True)
    renewal_terms_en = models.TextField(_("renewal terms (English)"), blank=True)
    terminated_on = models.DateField(
        _("terminated on"), null=True, blank=True, validators=[plausible_date]
    )
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="agreements"
    )
    projects = models.ManyToManyField(
        Project, verbose_name=_("projects under it"), blank=True, related_name="agreements"
    )
    delegations = models.ManyToManyField(
        Delegation, verbose_name=_("delegations under it"), blank=True, related_name="agreements"
    )
    relationship_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("relationship owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_agreements",
        help_text=_(
            "Gets the reminder before expiry. Empty: the relationship owner of the first party."
        ),
    )
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Shown on the public portal among the partner cities."),
    )
    # The expiry date the owner was mailed about: one mail per expiry date, so a rerun mails
    # nobody twice, while a changed (or automatically renewed) expiry gets its own reminder.
    reminded_for = models.DateField(_("reminded of expiry on"), null=True, editable=False)
    history = HistoricalRecords(
        excluded_fields=["updated_at", "reminded_for"],
        m2m_fields=[themes, projects, delegations],
    )

    title = translated("title")
    summary = translated("summary")
    renewal_terms = translated("renewal_terms")

    class Meta:
        ordering = ["-signed_on", "title_nl", "id"]
        verbose_name = _("agreement")
        verbose_name_plural = _("agreements")
        indexes = [models.Index(fields=["expires_on"])]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        super().clean()
        implausible = {}
        for name in ("signed_on", "expires_on", "terminated_on"):
            try:
                plausible_date(getattr(self, name))
            except ValidationError as error:
                implausible[name] = error
        if implausible:  # the term and notice arithmetic below would leave the calendar
            raise ValidationError(implausible)
        if self.signed_on and self.term_years and not self.expires_on:
            self.expires_on = self.signed_on + relativedelta(years=self.term_years)
        errors: dict[str, object] = {}
        if not (self.title_nl or "").strip():
            errors["title_nl"] = _("A Dutch title is required.")
        errors.update(self._date_errors())
        if self.is_public and not self.signed_on:
            errors["is_public"] = _("Only a signed agreement can be public; this is a draft.")
        if errors:
            raise ValidationError(errors)

    def _date_errors(self) -> dict[str, object]:
        errors: dict[str, object] = {}
        signed, expires = self.signed_on, self.expires_on
        if expires and not signed:
            errors["expires_on"] = _("A draft has no expiry date yet: give the signing date.")
        elif signed and expires and expires <= signed:
            errors["expires_on"] = _("The expiry date must come after the signing date.")
        elif signed and expires and self.term_years:
            follows = signed + relativedelta(years=self.term_years)
            if follows != expires:
                errors["expires_on"] = _(
                    "A term of %(years)s years from the signing date ends on %(date)s; "
                    "correct the term or the expiry date."
                ) % {"years": self.term_years, "date": follows.isoformat()}
        if self.renewal != Renewal.NONE and not expires and "expires_on" not in errors:
            errors["renewal"] = _("Only an agreement with an expiry date is renewed.")
        if self.notice_days is not None and not expires and "expires_on" not in errors:
            errors["notice_days"] = _("A notice period needs an expiry date.")
        elif (
            self.notice_days
            and signed
            and expires
            and "expires_on" not in errors
            and expires - datetime.timedelta(days=self.notice_days) < signed
        ):
            errors["notice_days"] = _(
                "The notice period is longer than the agreement runs (%(days)s days)."
            ) % {"days": (expires - signed).days}
        if self.terminated_on and not signed:
            errors["terminated_on"] = _("A draft cannot be terminated; delete it instead.")
        elif self.terminated_on and self.terminated_on < signed:  # type: ignore[operator]
            errors["terminated_on"] = _("The agreement cannot end before it was signed.")
        return errors

    def current_expiry(self, today: datetime.date) -> datetime.date | None:
        """The expiry date that counts on ``today``: one renewed automatically by its term
        runs on, term after term, until it is ended."""
        expires = self.expires_on
        if expires and self.renewal == Renewal.AUTOMATIC and self.term_years:
            while expires <= today:
                expires += relativedelta(years=self.term_years)
        return expires

    def notice_deadline(self, today: datetime.date) -> datetime.date | None:
        """The last day to renew or end the agreement: its expiry less the notice period."""
        expires = self.current_expiry(today)
        if not expires:
            return None
        return expires - datetime.timedelta(days=self.notice_days or 0)

    def status_on(self, today: datetime.date, days: int | None = None) -> str:
        """The status on ``today``; "expiring soon" within ``days`` (the reminder setting)."""
        days = settings.AGREEMENT_REMINDER_DAYS if days is None else days
        if self.terminated_on and self.terminated_on <= today:
            return AgreementStatus.TERMINATED
        if not self.signed_on or self.signed_on > today:
            return AgreementStatus.DRAFT
        expires = self.current_expiry(today)
        if expires and expires <= today:
            return AgreementStatus.EXPIRED
        deadline = self.notice_deadline(today)
        if deadline and deadline - datetime.timedelta(days=days) <= today:
            return AgreementStatus.EXPIRING
        return AgreementStatus.IN_FORCE

    @property
    def status(self) -> str:
        from django.utils import timezone

        return self.status_on(timezone.localdate())

    def get_status_display(self) -> str:
        return str(AgreementStatus(self.status).label)


class AgreementParty(models.Model):
    """A party to an agreement, with its role and the office that signed for it."""

    agreement = models.ForeignKey(
        Agreement,
        verbose_name=_("agreement"),
        on_delete=models.CASCADE,
        related_name="partyships",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="agreement_parties",
    )
    role = models.CharField(
        _("role"), max_length=12, choices=PartyRole, default=PartyRole.SIGNATORY
    )
    signed_as = models.CharField(
        _("signed as"),
        max_length=150,
        blank=True,
        help_text=_("The office that signed, e.g. Mayor or Oberbürgermeister; never a name."),
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["id"]
        verbose_name = _("party")
        verbose_name_plural = _("parties")
        constraints = [
            models.UniqueConstraint(
                fields=["agreement", "organisation"], name="unique_agreement_party"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"
