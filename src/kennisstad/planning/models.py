"""Planning & control: the chapters of a budget document, per policy field, with their texts,
actions and indicator tables."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel
from kennisstad.policy.models import Document, PolicyArea


class Chapter(VersionedModel):
    """The chapter of one policy field in a document, with its frozen indicator table once the
    document is published."""

    document = models.ForeignKey(
        Document, verbose_name=_("document"), on_delete=models.CASCADE, related_name="chapters"
    )
    policy_area = models.ForeignKey(
        PolicyArea,
        verbose_name=_("policy field"),
        on_delete=models.PROTECT,
        related_name="chapters",
    )
    indicator_note_nl = models.TextField(
        _("note above the indicator table (Dutch)"),
        blank=True,
        help_text=_("E.g. the sentence explaining the dash."),
    )
    indicator_note_en = models.TextField(_("note above the indicator table (English)"), blank=True)
    indicators = models.ManyToManyField(
        "indicators.Indicator",
        verbose_name=_("indicators"),
        through="ChapterIndicator",
        blank=True,
        related_name="chapters",
    )
    frozen_table = models.JSONField(
        _("frozen indicator table"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The table as published; later changes do not alter it."),
    )
    printed_tables = models.JSONField(
        _("tables as printed"),
        default=list,
        blank=True,
        editable=False,
        help_text=_("The indicator tables of an imported document, exactly as it prints them."),
    )
    frozen_finances = models.JSONField(
        _("frozen finance table"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The finance table as adopted; later ledger imports do not alter it."),
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at", "frozen_table", "printed_tables", "frozen_finances"]
    )

    indicator_note = translated("indicator_note")

    class Meta:
        ordering = ["document", "policy_area__code"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")
        constraints = [
            models.UniqueConstraint(fields=["document", "policy_area"], name="unique_chapter")
        ]

    def __str__(self) -> str:
        return f"{self.document} – {self.policy_area}"


class ChapterIndicator(models.Model):
    chapter = models.ForeignKey(Chapter, on_delete=models.CASCADE, related_name="table_rows")
    indicator = models.ForeignKey(
        "indicators.Indicator", on_delete=models.PROTECT, related_name="table_rows"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["order", "id"]
        constraints = [
            models.UniqueConstraint(fields=["chapter", "indicator"], name="unique_table_row")
        ]

    def __str__(self) -> str:
        return f"{self.chapter}: {self.indicator}"


class SectionKind(models.TextChoices):
    INTRODUCTION = "introduction", _("Introduction")
    CURRENT_STATE = "current_state", _("Hoe staan we ervoor?")
    AIMS = "aims", _("Wat willen we bereiken?")
    ACTIONS = "actions", _("Wat gaan we hiervoor doen?")
    CONCLUSION = "conclusion", _("Conclusie")
    OTHER = "other", _("Other")


class Section(VersionedModel):
    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="sections"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=SectionKind.choices)
    heading_nl = models.CharField(_("heading (Dutch)"), max_length=200, blank=True)
    heading_en = models.CharField(_("heading (English)"), max_length=200, blank=True)
    body_nl = models.TextField(_("text (Dutch)"), blank=True)
    body_en = models.TextField(_("text (English)"), blank=True)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    heading = translated("heading")
    body = translated("body")

    class Meta:
        ordering = ["chapter", "order", "id"]
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    def __str__(self) -> str:
        return self.heading or self.get_kind_display()


class Action(VersionedModel):
    """One line of "Wat gaan we hiervoor doen?", linkable to the projects that carry it out."""

    chapter = models.ForeignKey(
        Chapter, verbose_name=_("chapter"), on_delete=models.CASCADE, related_name="actions"
    )
    text_nl = models.TextField(_("text (Dutch)"))
    text_en = models.TextField(_("text (English)"), blank=True)
    projects = models.ManyToManyField(
        "projects.Project", verbose_name=_("projects"), blank=True, related_name="budget_actions"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[projects])

    text = translated("text")

    class Meta:
        ordering = ["chapter", "order", "id"]
        verbose_name = _("action")
        verbose_name_plural = _("actions")

    def __str__(self) -> str:
        return self.text


# The cycle's records (amendments, a bestuursrapportage's progress and forecasts) live in their
# own module; imported here so Django finds them with the app's other models.
from .cycle_models import ActionProgress, Amendment, Forecast, ProgressStatus  # noqa: E402
from .finance_models import FinanceExplanation, FinanceRow  # noqa: E402

__all__ = [
    "Action",
    "ActionProgress",
    "Amendment",
    "Chapter",
    "ChapterIndicator",
    "FinanceExplanation",
    "FinanceRow",
    "Forecast",
    "ProgressStatus",
    "Section",
    "SectionKind",
]
