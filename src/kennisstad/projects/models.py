"""The project portfolio: collaboration, profiling and welcome-policy projects and their
partners."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from django_countries.fields import CountryField
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import Theme, VersionedModel
from kennisstad.relations.models import Organisation


class ProjectCategory(VersionedModel):
    """Configurable project category; the budget's indicators count projects per category."""

    COLLABORATION = "samenwerking-kennis-innovatie"
    PROFILING = "profilering-kennisstad"
    WELCOME_POLICY = "welkomstbeleid"

    code = models.SlugField(_("code"), max_length=60, unique=True)
    name_nl = models.CharField(_("name (Dutch)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    name = translated("name")

    class Meta:
        ordering = ["name_nl"]
        verbose_name = _("project category")
        verbose_name_plural = _("project categories")

    def __str__(self) -> str:
        return self.name


class ProjectStatus(models.TextChoices):
    IDEA = "idea", _("Idea")
    PLANNED = "planned", _("Planned")
    ACTIVE = "active", _("Active")
    COMPLETED = "completed", _("Completed")
    CANCELLED = "cancelled", _("Cancelled")


class Project(VersionedModel):
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    category = models.ForeignKey(
        ProjectCategory,
        verbose_name=_("category"),
        on_delete=models.PROTECT,
        related_name="projects",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=ProjectStatus.choices, default=ProjectStatus.PLANNED
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    end_date = models.DateField(_("end date"), null=True, blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("themes"), blank=True, related_name="projects"
    )
    countries = CountryField(_("countries"), multiple=True, blank=True)
    lead_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("lead organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="led_projects",
    )
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="owned_projects",
    )
    budget = models.DecimalField(
        _("budget (EUR)"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
    )
    outcome_nl = models.TextField(_("outcome (Dutch)"), blank=True)
    outcome_en = models.TextField(_("outcome (English)"), blank=True)
    is_public = models.BooleanField(
        _("public"),
        default=False,
        help_text=_("Shown on the public portal and in the API for everyone."),
    )
    history = HistoricalRecords(excluded_fields=["updated_at"], m2m_fields=[themes])

    title = translated("title")
    description = translated("description")
    outcome = translated("outcome")

    class Meta:
        ordering = ["-start_date", "title_nl"]
        verbose_name = _("project")
        verbose_name_plural = _("projects")
        indexes = [models.Index(fields=["category", "start_date", "end_date"])]

    def clean(self) -> None:
        super().clean()
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The end date lies before the start date.")})
        if not (self.title_nl or "").strip():
            raise ValidationError({"title_nl": _("A Dutch title is required.")})

    def __str__(self) -> str:
        return self.title


class PartnerRole(models.TextChoices):
    LEAD = "lead", _("Lead partner")
    PARTNER = "partner", _("Partner")
    KNOWLEDGE_PARTNER = "knowledge", _("Knowledge partner")
    FUNDER = "funder", _("Funder")
    ADVISOR = "advisor", _("Advisor")


class ProjectPartner(models.Model):
    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="partnerships"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        related_name="project_partnerships",
    )
    role = models.CharField(
        _("role"), max_length=20, choices=PartnerRole.choices, default=PartnerRole.PARTNER
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name"]
        verbose_name = _("project partner")
        verbose_name_plural = _("project partners")
        constraints = [
            models.UniqueConstraint(
                fields=["project", "organisation"], name="unique_project_partner"
            )
        ]

    def __str__(self) -> str:
        return f"{self.organisation} ({self.get_role_display()})"


class ProjectStatusChange(models.Model):
    """A status a project got, the day it took effect and who set it: the indicators count a
    project only in the years its history says it ran (``projects.status_history``). Written by
    ``services.save_project`` (and the back-fill migration) only; never edited."""

    project = models.ForeignKey(
        Project, verbose_name=_("project"), on_delete=models.CASCADE, related_name="status_changes"
    )
    status = models.CharField(_("status"), max_length=20, choices=ProjectStatus.choices)
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
        # Not "project": ordering by a foreign key would join the projects for their ordering.
        ordering = ["project_id", "changed_on", "id"]
        verbose_name = _("project status change")
        verbose_name_plural = _("project status changes")
        indexes = [models.Index(fields=["project", "changed_on"], name="project_status_on_idx")]

    def __str__(self) -> str:
        return f"{self.project_id}: {self.status} {self.changed_on}"
