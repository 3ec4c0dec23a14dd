"""Preparation checklists: templates per kind of work, applied to a delegation or an activity as
tasks with an owner and a due date relative to the event, so a visit's preparation (hotel,
interpreters, gifts, press, security) is no longer a list in someone's head."""

from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.agenda.models import Activity
from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel
from kennisstad.delegations.models import Delegation

# Days before or after the event a task may be timed: ten years either way.
OFFSET_VALIDATORS = [MinValueValidator(-3650), MaxValueValidator(3650)]


class WorkKind(models.TextChoices):
    INCOMING_DELEGATION = "incoming_delegation", _("Incoming delegation")
    OUTGOING_MISSION = "outgoing_mission", _("Outgoing mission")
    CONFERENCE_STAND = "conference_stand", _("Conference stand")
    RECEPTION = "reception", _("Reception")
    OTHER = "other", _("Other")


class ChecklistTemplate(VersionedModel):
    """The tasks one kind of work always needs, with their timing relative to the event."""

    name_nl = models.CharField(_("name (Dutch)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    kind = models.CharField(_("kind of work"), max_length=30, choices=WorkKind.choices)
    description_nl = models.TextField(_("description (Dutch)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    is_active = models.BooleanField(
        _("active"), default=True, help_text=_("Only active templates can be applied.")
    )
    history = HistoricalRecords(excluded_fields=["updated_at"])

    name = translated("name")
    description = translated("description")

    class Meta:
        ordering = ["kind", "name_nl", "id"]
        verbose_name = _("checklist template")
        verbose_name_plural = _("checklist templates")

    def __str__(self) -> str:
        return self.name


class TemplateItem(models.Model):
    """One task of a template: what, when relative to the event's first day, and who usually."""

    template = models.ForeignKey(
        ChecklistTemplate,
        verbose_name=_("template"),
        on_delete=models.CASCADE,
        related_name="items",
    )
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    offset_days = models.IntegerField(
        _("days from the event"),
        default=0,
        validators=OFFSET_VALIDATORS,
        help_text=_("Negative: before the event's first day (-14 is two weeks before)."),
    )
    default_owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("default owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords()

    title = translated("title")

    class Meta:
        ordering = ["offset_days", "order", "id"]
        verbose_name = _("template task")
        verbose_name_plural = _("template tasks")

    def __str__(self) -> str:
        return self.title


class Checklist(models.Model):
    """A template applied to exactly one delegation or activity: its tasks are copies, so a
    later change of the template never rewrites a preparation under way."""

    template = models.ForeignKey(
        ChecklistTemplate,
        verbose_name=_("template"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklists",
    )
    name_nl = models.CharField(_("name (Dutch)"), max_length=150)
    name_en = models.CharField(_("name (English)"), max_length=150, blank=True)
    activity = models.ForeignKey(
        Activity,
        verbose_name=_("activity"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checklists",
    )
    delegation = models.ForeignKey(
        Delegation,
        verbose_name=_("delegation"),
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="checklists",
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("applied by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    history = HistoricalRecords()

    name = translated("name")

    class Meta:
        ordering = ["created_at", "id"]
        verbose_name = _("checklist")
        verbose_name_plural = _("checklists")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(activity__isnull=False, delegation__isnull=True)
                    | Q(activity__isnull=True, delegation__isnull=False)
                ),
                name="checklist_on_exactly_one_record",
            )
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def event(self) -> Activity:
        """The activity whose first day the due dates count from (a delegation's visit)."""
        return self.activity if self.activity_id else self.delegation.activity

    @property
    def record(self) -> Activity | Delegation:
        return self.activity if self.activity_id else self.delegation


class Task(VersionedModel):
    """A task of a checklist. ``offset_days`` set: the due date follows the event when it
    moves; empty: someone set the due date by hand and it stays. Versioned: two people editing
    one task never overwrite each other unseen."""

    checklist = models.ForeignKey(
        Checklist, verbose_name=_("checklist"), on_delete=models.CASCADE, related_name="tasks"
    )
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="checklist_tasks",
    )
    offset_days = models.IntegerField(
        _("days from the event"), null=True, blank=True, validators=OFFSET_VALIDATORS
    )
    due_on = models.DateField(_("due"))
    done_at = models.DateTimeField(_("done at"), null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("done by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    reminded_at = models.DateTimeField(_("reminded at"), null=True, blank=True, editable=False)
    order = models.PositiveIntegerField(_("order"), default=0)
    history = HistoricalRecords(excluded_fields=["reminded_at", "updated_at"])

    title = translated("title")

    class Meta:
        ordering = ["due_on", "order", "id"]
        verbose_name = _("task")
        verbose_name_plural = _("tasks")
        indexes = [models.Index(fields=["owner", "done_at", "due_on"])]

    def __str__(self) -> str:
        return self.title

    @property
    def is_done(self) -> bool:
        return self.done_at is not None

    @property
    def follows_event(self) -> bool:
        return self.offset_days is not None
