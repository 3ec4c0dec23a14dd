"""Money per policy field: the national taakvelden (reference data), the lines a ledger export
brings in (lasten and baten per year, kind, policy field and taakveld), and the share of each
project's budget and spending charged to a policy field.

"Begroting na wijziging" is never stored: it is the primitieve begroting plus every
begrotingswijziging of that year, so each amendment stays visible on its own (ADR 0012).
Saldo is baten minus lasten, as the BBV prints it: negative is a shortfall (nadelig).
"""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel

AMOUNT = {"max_digits": 15, "decimal_places": 2}


class Taakveld(models.Model):
    """One task field of the Iv3 chart (3.4 Economische promotie). Loaded by a migration from
    ``taakvelden.py``; administrators may read, not edit."""

    code = models.CharField(_("code"), max_length=8, unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    main_task = models.CharField(
        _("main task"), max_length=2, help_text=_("The first digit: 3 is Economie.")
    )
    former_titles = models.JSONField(
        _("former titles"),
        default=list,
        blank=True,
        help_text=_("Titles a ledger may still print; the import recognises them."),
    )
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    title = translated("title")

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("taakveld")
        verbose_name_plural = _("taakvelden")

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class LineKind(models.TextChoices):
    REALISED = "realisatie", _("Rekening (realised)")
    ORIGINAL_BUDGET = "primitief", _("Begroting primitief")
    AMENDMENT = "wijziging", _("Begrotingswijziging (budget amendment)")
    ESTIMATE = "raming", _("Meerjarenraming (multi-year estimate)")


class Direction(models.TextChoices):
    EXPENSES = "lasten", _("Lasten (expenses)")
    INCOME = "baten", _("Baten (income)")


class LedgerImport(models.Model):
    """One file read from the financial system: who brought it, when, and which (year, kind)
    sets it replaced. Lines are never edited by hand; a newer export replaces them."""

    file_name = models.CharField(_("file name"), max_length=255)
    checksum = models.CharField(_("SHA-256"), max_length=64)
    imported_at = models.DateTimeField(_("imported at"), auto_now_add=True)
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("imported by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    line_count = models.PositiveIntegerField(_("lines"), default=0)
    replaced_count = models.PositiveIntegerField(_("lines replaced"), default=0)
    total_expenses = models.DecimalField(_("total lasten"), default=Decimal("0"), **AMOUNT)
    total_income = models.DecimalField(_("total baten"), default=Decimal("0"), **AMOUNT)
    scopes = models.JSONField(
        _("replaced sets"),
        default=list,
        help_text=_(
            'The (year, kind, estimated in) sets this file replaced: [[2018, "primitief", null]].'
        ),
    )

    class Meta:
        ordering = ["-imported_at", "-id"]
        verbose_name = _("ledger import")
        verbose_name_plural = _("ledger imports")

    def __str__(self) -> str:
        return f"{self.file_name} ({self.imported_at:%Y-%m-%d %H:%M})"


class FinanceLine(models.Model):
    """One line of a ledger export: an amount of lasten or baten of a year, booked on a
    taakveld and a policy field."""

    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=12, choices=LineKind.choices)
    estimated_in = models.PositiveSmallIntegerField(
        _("estimated in"),
        null=True,
        blank=True,
        help_text=_("For a multi-year estimate: the year of the begroting that made it."),
    )
    amendment = models.CharField(
        _("budget amendment"),
        max_length=60,
        blank=True,
        help_text=_("For a begrotingswijziging: its number, e.g. BW 2018-03."),
    )
    policy_area = models.ForeignKey(
        "policy.PolicyArea",
        verbose_name=_("policy field"),
        on_delete=models.PROTECT,
        related_name="finance_lines",
    )
    taakveld = models.ForeignKey(
        Taakveld, verbose_name=_("taakveld"), on_delete=models.PROTECT, related_name="lines"
    )
    direction = models.CharField(_("lasten or baten"), max_length=6, choices=Direction.choices)
    amount = models.DecimalField(_("amount (EUR)"), **AMOUNT)
    ledger_account = models.CharField(_("ledger account"), max_length=40, blank=True)
    cost_centre = models.CharField(_("cost centre"), max_length=40, blank=True)
    description = models.CharField(_("description"), max_length=200, blank=True)
    batch = models.ForeignKey(
        LedgerImport, verbose_name=_("import"), on_delete=models.PROTECT, related_name="lines"
    )
    row_number = models.PositiveIntegerField(_("row in the file"))

    class Meta:
        ordering = ["year", "kind", "policy_area__code", "taakveld__position", "id"]
        verbose_name = _("finance line")
        verbose_name_plural = _("finance lines")
        indexes = [
            models.Index(fields=["year", "kind"], name="finance_line_year_kind"),
            models.Index(fields=["policy_area", "year"], name="finance_line_area_year"),
        ]

    def __str__(self) -> str:
        return f"{self.year} {self.kind} {self.policy_area_id} {self.taakveld_id}: {self.amount}"


class ProjectAllocation(VersionedModel):
    """The part of a project's money charged to a policy field in a year: what was budgeted
    and what was spent. Summed per policy field, it is compared with the ledger."""

    project = models.ForeignKey(
        "projects.Project",
        verbose_name=_("project"),
        on_delete=models.CASCADE,
        related_name="allocations",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    policy_area = models.ForeignKey(
        "policy.PolicyArea",
        verbose_name=_("policy field"),
        on_delete=models.PROTECT,
        related_name="project_allocations",
    )
    taakveld = models.ForeignKey(
        Taakveld,
        verbose_name=_("taakveld"),
        on_delete=models.PROTECT,
        related_name="project_allocations",
    )
    budgeted = models.DecimalField(
        _("budgeted (EUR)"), validators=[MinValueValidator(Decimal("0"))], **AMOUNT
    )
    spent = models.DecimalField(
        _("spent (EUR)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
        **AMOUNT,
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["year", "policy_area__code", "project"]
        verbose_name = _("project allocation")
        verbose_name_plural = _("project allocations")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "year", "policy_area", "taakveld"],
                name="unique_project_allocation",
            )
        ]

    def __str__(self) -> str:
        return f"{self.project} {self.year}: {self.budgeted}"

    def clean(self) -> None:
        super().clean()
        if self.policy_area_id and self.policy_area.level != "policy_field":
            raise ValidationError({"policy_area": _("Choose a policy field, not a programme.")})


# Grants live in their own module; imported so Django registers them with the app.
from .grant_models import Grant, GrantReminder, GrantStatus  # noqa: E402

__all__ = [
    "Direction",
    "FinanceLine",
    "Grant",
    "GrantReminder",
    "GrantStatus",
    "LedgerImport",
    "LineKind",
    "ProjectAllocation",
    "Taakveld",
]
