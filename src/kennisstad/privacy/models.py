"""The municipality's retention periods per kind of personal record, and what an erasure kept
(with its legal ground)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.models import VersionedModel

from .registry import record_kinds

MAX_MONTHS = 1200  # a hundred years: longer is a typo, and would overflow the purge's dates


class RetentionPeriod(VersionedModel):
    """The municipality's own period for one kind of record, replacing the code's default.
    ``updated_by``/``updated_at`` and the history say who changed it when."""

    kind = models.CharField(_("kind of record"), max_length=80, unique=True)
    months = models.PositiveIntegerField(
        _("period in months"), validators=[MaxValueValidator(MAX_MONTHS)]
    )
    ground = models.TextField(
        _("ground"),
        help_text=_(
            "The legal ground or decision the period rests on (selectielijst, law, "
            "decision of the municipality)."
        ),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["kind"]
        verbose_name = _("retention period")
        verbose_name_plural = _("retention periods")

    def __str__(self) -> str:
        return f"{self.kind}: {self.months}"

    def clean(self) -> None:
        super().clean()
        errors = {}
        if self.kind and self.kind not in record_kinds:
            errors["kind"] = _("There is no kind of record %(kind)s.") % {"kind": self.kind}
        if self.months is not None and self.months <= 0:
            errors["months"] = _("A retention period must be at least one month.")
        if not (self.ground or "").strip():
            errors["ground"] = _("Give the ground for the period; the register shows it.")
        if errors:
            raise ValidationError(errors)


class KeptAfterErasure(models.Model):
    """Part of a record an erasure left as it was, and why (AVG art. 17(3)(b), the Archiefwet).

    Holds the person's pk, the record's model label and pk and the field names, no values: the
    kept data itself stays where it was, this says that it stayed and on which ground."""

    person_id = models.PositiveBigIntegerField(_("person number"), db_index=True)
    model = models.CharField(_("kind of record"), max_length=100)
    object_id = models.PositiveBigIntegerField(_("record number"))
    fields = models.JSONField(_("fields kept"), default=list)
    ground = models.TextField(_("ground"))
    kept_at = models.DateTimeField(_("kept at"), auto_now_add=True)

    class Meta:
        ordering = ["person_id", "model", "object_id"]
        verbose_name = _("kept after erasure")
        verbose_name_plural = _("kept after erasure")

    def __str__(self) -> str:
        return f"{self.person_id}: {self.model} {self.object_id}"
