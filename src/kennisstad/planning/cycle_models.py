"""The records of the P&C cycle beside a document's chapters: the amendments the council voted
on when it adopted a document, and what a bestuursrapportage (interim report) says about the
begroting's actions and indicators. Kept apart from ``models`` (which imports them) so each
module reads in one sitting; the writes are ``cycle_services``."""

from typing import TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.models import VersionedModel
from kennisstad.policy.models import Document, DocumentKind

if TYPE_CHECKING:
    from kennisstad.indicators.formatting import ParsedValue


def parse_printed(text: str, field: str) -> "ParsedValue":
    """A target or forecast as a document prints it (``> 7``, ``10–12``, ``80%``, ``Top 8``),
    read the way an imported table is, so a form, the API and an import agree."""
    from kennisstad.indicators.formatting import UnreadableValue, parse_value

    try:
        parsed = parse_value(text or "")
    except UnreadableValue:
        parsed = None
    if parsed is None or parsed.is_dash:
        raise ValidationError(
            {field: _("Write it as the document prints it, e.g. > 5, 10–12, 80% or Top 8.")}
        )
    return parsed


class Amendment(VersionedModel):
    """An amendment (amendement) the council voted on when it adopted a document. An accepted
    one that changes a target (indicator and year) or a section's text is applied when the
    document is adopted; one that changes neither is recorded in words only."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="amendments"
    )
    number = models.CharField(_("number"), max_length=30, help_text=_("E.g. A12 or 2018-07."))
    description = models.TextField(_("effect"), help_text=_("What the amendment changes."))
    accepted = models.BooleanField(
        _("accepted by the council"),
        default=True,
        help_text=_("Unticked when the council voted it down: it is recorded, not applied."),
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator whose target changes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
    )
    year = models.PositiveSmallIntegerField(_("year of the target"), null=True, blank=True)
    new_target = models.CharField(
        _("new target as printed"), max_length=60, blank=True, help_text=_("E.g. > 7.")
    )
    section = models.ForeignKey(
        "planning.Section",
        verbose_name=_("section whose text changes"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="amendments",
    )
    new_text = models.TextField(_("new text (Dutch)"), blank=True)
    applied_on = models.DateField(
        _("applied on"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The adoption that applied its change."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["document", "number"]
        verbose_name = _("amendment")
        verbose_name_plural = _("amendments")
        constraints = [
            models.UniqueConstraint(fields=["document", "number"], name="unique_amendment")
        ]

    def __str__(self) -> str:
        return f"{self.number}: {self.description[:60]}"

    @property
    def changes_target(self) -> bool:
        return self.indicator_id is not None

    def clean(self) -> None:
        super().clean()
        if self.indicator_id is not None or self.new_target:
            errors = {}
            if self.indicator_id is None:
                errors["indicator"] = _("Choose the indicator whose target changes.")
            if self.year is None:
                errors["year"] = _("Give the year of the target that changes.")
            if errors:
                raise ValidationError(errors)
            self.new_target = parse_printed(self.new_target, "new_target").text
        if self.section_id is not None or self.new_text.strip():
            if self.section_id is None:
                raise ValidationError({"section": _("Choose the section whose text changes.")})
            if self.document_id and self.section.chapter.document_id != self.document_id:
                raise ValidationError(
                    {"section": _("An amendment changes a text of its own document.")}
                )
            if not self.new_text.strip():
                raise ValidationError({"new_text": _("Write the text as the council amended it.")})


class ProgressStatus(models.TextChoices):
    ON_SCHEDULE = "op_schema", _("On schedule (op schema)")
    DELAYED = "vertraagd", _("Delayed (vertraagd)")
    DONE = "gereed", _("Done (gereed)")
    DROPPED = "vervallen", _("Dropped (vervallen)")


def _report_of_the_year(report: Document, year: int, field: str) -> None:
    """Progress and forecasts belong to a bestuursrapportage, about its own year's begroting."""
    if report.kind != DocumentKind.BESTUURSRAPPORTAGE:
        raise ValidationError({"report": _("This is reported in a bestuursrapportage.")})
    if year != report.year:
        raise ValidationError(
            {field: _("A bestuursrapportage reports on the begroting of its own year.")}
        )


class ActionProgress(VersionedModel):
    """How an action of the begroting stands, as a bestuursrapportage reports it."""

    report = models.ForeignKey(
        Document,
        verbose_name=_("bestuursrapportage"),
        on_delete=models.CASCADE,
        related_name="action_progress",
    )
    action = models.ForeignKey(
        "planning.Action",
        verbose_name=_("action"),
        on_delete=models.CASCADE,
        related_name="progress",
    )
    status = models.CharField(_("status"), max_length=20, choices=ProgressStatus.choices)
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["report", "action"]
        verbose_name = _("action progress")
        verbose_name_plural = _("action progress")
        constraints = [
            models.UniqueConstraint(fields=["report", "action"], name="unique_action_progress")
        ]

    def __str__(self) -> str:
        return f"{self.report}: {self.action} – {self.get_status_display()}"

    def clean(self) -> None:
        super().clean()
        if self.report_id is None or self.action_id is None:
            return
        begroting = self.action.chapter.document
        _report_of_the_year(self.report, begroting.year, "action")
        if begroting.kind != DocumentKind.BEGROTING:
            raise ValidationError({"action": _("The action must come from a begroting.")})


class Forecast(VersionedModel):
    """What a bestuursrapportage expects an indicator to reach by the end of its year. A year
    that has not ended shows a forecast, never an achieved value."""

    report = models.ForeignKey(
        Document,
        verbose_name=_("bestuursrapportage"),
        on_delete=models.CASCADE,
        related_name="forecasts",
    )
    indicator = models.ForeignKey(
        "indicators.Indicator",
        verbose_name=_("indicator"),
        on_delete=models.CASCADE,
        related_name="forecasts",
    )
    year = models.PositiveSmallIntegerField(_("year"))
    display_text = models.CharField(
        _("forecast as written"), max_length=60, help_text=_("E.g. 6, > 5, 10–12 or Top 8.")
    )
    value = models.DecimalField(
        _("value"), max_digits=14, decimal_places=4, null=True, blank=True, editable=False
    )
    note = models.TextField(_("note"), blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    class Meta:
        ordering = ["report", "indicator", "year"]
        verbose_name = _("forecast")
        verbose_name_plural = _("forecasts")
        constraints = [
            models.UniqueConstraint(fields=["report", "indicator", "year"], name="unique_forecast")
        ]

    def __str__(self) -> str:
        return f"{self.indicator} {self.year}: {self.display_text}"

    def clean(self) -> None:
        super().clean()
        parsed = parse_printed(self.display_text, "display_text")
        self.display_text, self.value = parsed.text, parsed.value
        if self.report_id is not None and self.year is not None:
            _report_of_the_year(self.report, self.year, "year")
