"""Which value is the official one when documents disagree: a team member's choice, with a
reason, per indicator, year and kind. Defined apart from ``models`` and registered through it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.models import VersionedModel

from .models import Indicator, Realisation, Target


class FigureKind(models.TextChoices):
    TARGET = "target", _("Target")
    REALISATION = "realisation", _("Realised value")


class AuthoritativeValue(VersionedModel):
    """Which of the values documents give for one indicator, year and kind is the official one,
    chosen by a team member with a reason, when the documents disagree and the rule would pick
    the wrong one. It overrides every other rule (``selectors.official_realisations``)."""

    indicator = models.ForeignKey(
        Indicator,
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="authoritative_values",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    kind = models.CharField(_("kind"), max_length=20, choices=FigureKind.choices)
    target = models.ForeignKey(
        Target, verbose_name=_("target"), on_delete=models.CASCADE, null=True, blank=True
    )
    realisation = models.ForeignKey(
        Realisation,
        verbose_name=_("realised value"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
    )
    reason = models.TextField(_("reason"))
    chosen_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("chosen by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    chosen_at = models.DateTimeField(_("chosen at"), default=timezone.now)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["indicator", "year", "kind"]
        verbose_name = _("authoritative value")
        verbose_name_plural = _("authoritative values")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "year", "kind"], name="one_authoritative_value_per_year"
            ),
            models.CheckConstraint(
                condition=(
                    models.Q(kind="target", target__isnull=False, realisation__isnull=True)
                    | models.Q(kind="realisation", realisation__isnull=False, target__isnull=True)
                ),
                name="authoritative_value_names_one_record_of_its_kind",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year} ({self.get_kind_display()})"

    @property
    def record(self) -> Target | Realisation | None:
        return self.target if self.kind == FigureKind.TARGET else self.realisation

    def clean(self) -> None:
        super().clean()
        if not (self.reason or "").strip():
            raise ValidationError({"reason": _("Say why this value is the authoritative one.")})
        field = "target" if self.kind == FigureKind.TARGET else "realisation"
        other = "realisation" if field == "target" else "target"
        if getattr(self, f"{other}_id") is not None:
            raise ValidationError({other: _("Choose a value of the kind chosen.")})
        record = getattr(self, field) if getattr(self, f"{field}_id") else None
        if record is None:
            raise ValidationError({field: _("Choose the value that is authoritative.")})
        if (record.indicator_id, record.year) != (self.indicator_id, self.year):
            raise ValidationError({field: _("This value belongs to another indicator or year.")})
