"""Funding applications (Horizon Europe, Interreg, EFRO/ERDF, JTF, national and other
programmes): the call, the money, the consortium, the dated stage history the indicators count
by, and the reporting obligations that follow a grant."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel
from kennisstad.projects.models import Project
from kennisstad.relations.models import Organisation

CENT = Decimal("0.01")


class Programme(models.TextChoices):
    HORIZON = "horizon", _("Horizon Europe / H2020")
    INTERREG = "interreg", _("Interreg")
    ERDF = "erdf", _("EFRO / ERDF")
    JTF = "jtf", _("Just Transition Fund (JTF)")
    NATIONAL = "national", _("National programme")
    OTHER = "other", _("Other")


class Stage(models.TextChoices):
    IDEA = "idea", _("Idea")
    IN_PREPARATION = "in_preparation", _("In preparation")
    SUBMITTED = "submitted", _("Submitted")
    GRANTED = "granted", _("Granted")
    REJECTED = "rejected", _("Rejected")
    RUNNING = "running", _("Running")
    CLOSED = "closed", _("Closed")


class OwnRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")


def _amount(label):
    return models.DecimalField(
        label,
        max_digits=14,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )


class Application(VersionedModel):
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    programme = models.CharField(_("programme"), max_length=20, choices=Programme.choices)
    programme_line = models.CharField(
        _("programme line"),
        max_length=150,
        blank=True,
        help_text=_("E.g. Interreg North Sea Region, or Horizon Europe Cluster 5."),
    )
    call_id = models.CharField(_("call"), max_length=100, blank=True)
    call_deadline = models.DateField(_("call deadline"), null=True, blank=True)
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices, default=Stage.IDEA)
    own_role = models.CharField(
        _("the municipality's role"), max_length=20, choices=OwnRole.choices, blank=True
    )
    project = models.ForeignKey(
        Project,
        verbose_name=_("project it funds"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="funding_applications",
    )
    total_budget = _amount(_("total budget (EUR)"))
    funder_contribution = _amount(_("EU or funder contribution (EUR)"))
    cofinancing = _amount(_("own co-financing of all partners (EUR)"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_funding_applications",
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    title = translated("title")
    description = translated("description")

    class Meta:
        ordering = ["title_nl"]
        verbose_name = _("funding application")
        verbose_name_plural = _("funding applications")
        indexes = [models.Index(fields=["programme", "stage"])]

    def clean(self) -> None:
        super().clean()
        if not (self.title_nl or "").strip():
            raise ValidationError({"title_nl": _("A Dutch title is required.")})
        self._check_amounts()

    def _check_amounts(self) -> None:
        """The funder's contribution and the partners' co-financing make up the total budget
        (to the cent); a missing one is not checked yet (an idea has no budget)."""
        total, grant, own = self.total_budget, self.funder_contribution, self.cofinancing
        if total is None:
            if grant is not None or own is not None:
                raise ValidationError(
                    {"total_budget": _("Give the total budget the contribution is part of.")}
                )
            return
        if grant is not None and grant > total:
            raise ValidationError(
                {"funder_contribution": _("The contribution is more than the total budget.")}
            )
        if grant is not None and own is not None and abs(grant + own - total) >= CENT:
            raise ValidationError(
                {
                    "cofinancing": _(
                        "Contribution (€ %(grant)s) and co-financing (€ %(own)s) add up to "
                        "€ %(sum)s, not the total budget of € %(total)s."
                    )
                    % {"grant": grant, "own": own, "sum": grant + own, "total": total}
                }
            )

    def __str__(self) -> str:
        return self.title


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    ASSOCIATED = "associated", _("Associated partner")


class ApplicationPartner(models.Model):
    """A member of the consortium; ``share`` is its part of the total budget in EUR."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="partners",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="funding_partnerships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    share = _amount(_("share of the budget (EUR)"))
    history = HistoricalRecords()

    class Meta:
        ordering = ["role", "organisation__name"]
        verbose_name = _("application partner")
        verbose_name_plural = _("application partners")
        constraints = [
            models.UniqueConstraint(
                fields=["application", "organisation"], name="unique_application_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ApplicationStageChange(models.Model):
    """A stage an application reached and the day it did: the indicators count an application
    in a year by these (``funding.stage_history``). Written by ``services.save_application``
    only; never edited."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="stage_changes",
    )
    stage = models.CharField(_("stage"), max_length=20, choices=Stage.choices)
    changed_on = models.DateField(_("took effect on"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        ordering = ["application_id", "changed_on", "id"]
        verbose_name = _("application stage change")
        verbose_name_plural = _("application stage changes")
        indexes = [models.Index(fields=["application", "changed_on"], name="funding_stage_on_idx")]

    def __str__(self) -> str:
        return f"{self.application_id}: {self.stage} {self.changed_on}"


class ObligationKind(models.TextChoices):
    INTERIM = "interim", _("Interim report")
    FINAL = "final", _("Final report")
    AUDIT = "audit", _("Audit / first-level control")


class ReportingObligation(models.Model):
    """A report or audit the funder requires, due on a day; done when ``done_on`` is set."""

    application = models.ForeignKey(
        Application,
        verbose_name=_("application"),
        on_delete=models.CASCADE,
        related_name="obligations",
    )
    kind = models.CharField(_("kind"), max_length=20, choices=ObligationKind.choices)
    due_on = models.DateField(_("due on"))
    done_on = models.DateField(_("done on"), null=True, blank=True)
    note = models.CharField(_("note"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        ordering = ["due_on", "id"]
        verbose_name = _("reporting obligation")
        verbose_name_plural = _("reporting obligations")
        indexes = [models.Index(fields=["done_on", "due_on"], name="funding_obligation_due_idx")]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.due_on:%Y-%m-%d}"
