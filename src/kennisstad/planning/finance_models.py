"""The explanations a jaarstukken chapter gives for its money: every difference between the
budget (na wijziging) and the realisation above the municipality's threshold needs one before
the document can be offered or published."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel


class FinanceRow(models.TextChoices):
    EXPENSES = "lasten", _("Lasten")
    INCOME = "baten", _("Baten")
    BALANCE = "saldo", _("Saldo")


class FinanceExplanation(VersionedModel):
    chapter = models.ForeignKey(
        "planning.Chapter",
        verbose_name=_("chapter"),
        on_delete=models.CASCADE,
        related_name="finance_explanations",
    )
    row = models.CharField(_("row"), max_length=6, choices=FinanceRow.choices)
    text_nl = models.TextField(_("explanation (Dutch)"))
    text_en = models.TextField(_("explanation (English)"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    text = translated("text")

    class Meta:
        ordering = ["chapter", "row"]
        verbose_name = _("explanation of a difference")
        verbose_name_plural = _("explanations of differences")
        constraints = [
            models.UniqueConstraint(fields=["chapter", "row"], name="unique_finance_explanation")
        ]

    def __str__(self) -> str:
        return f"{self.chapter}: {self.get_row_display()}"
