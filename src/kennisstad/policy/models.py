"""The municipality's programme structure (programma > deelprogramma > beleidsveld) and its
planning & control documents (begroting, jaarstukken).

Both the indicators and the budget chapters refer to them, so they live below both: an
indicator hangs on a policy field and names the document its target was set in; a document's
chapters are written per policy field. The P&C calendar (the deadline for every document's input)
lives here too; the money per policy field lives in ``finances``.

The tables were created by the ``planning`` app and keep their names (``planning_*``); the
models moved here without moving any data.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.i18n import translated
from kennisstad.core.models import VersionedModel

# The code of a policy field read from a chapter that prints none: this prefix and the title as
# a slug (``planning.document_import_areas.title_code``); a letter never clashes with a numeric
# code.
TITLE_CODE_PREFIX = "t-"
TITLE_CODE = re.compile(r"^t-[a-z0-9]+(?:-[a-z0-9]+)*$")


class PolicyAreaLevel(models.TextChoices):
    PROGRAMME = "programme", _("Programme")
    SUB_PROGRAMME = "sub_programme", _("Sub-programme")
    POLICY_FIELD = "policy_field", _("Policy field (beleidsveld)")


class PolicyArea(VersionedModel):
    """Programme (2) > sub-programme (2.1) > policy field (2.1.4), as the begroting is organised."""

    code = models.CharField(_("code"), max_length=20, unique=True)
    title_nl = models.CharField(_("title (Dutch)"), max_length=200)
    title_en = models.CharField(_("title (English)"), max_length=200, blank=True)
    parent = models.ForeignKey(
        "self",
        verbose_name=_("parent"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at"], table_name="planning_historicalpolicyarea"
    )

    title = translated("title")

    class Meta:
        db_table = "planning_policyarea"  # created by planning, kept when the model moved
        ordering = ["code"]
        verbose_name = _("policy area")
        verbose_name_plural = _("policy areas")

    @property
    def level(self) -> str:
        if TITLE_CODE.match(self.code):
            return PolicyAreaLevel.POLICY_FIELD  # a chapter's, printed without a code
        depth = self.code.count(".")
        return (
            [PolicyAreaLevel.PROGRAMME, PolicyAreaLevel.SUB_PROGRAMME][depth]
            if depth < 2
            else (PolicyAreaLevel.POLICY_FIELD)
        )

    def clean(self) -> None:
        super().clean()
        if TITLE_CODE.match(self.code or ""):
            return  # a code-less chapter's field; the team may hang it under a programme
        parts = (self.code or "").split(".")
        if not all(part.isdigit() for part in parts):
            raise ValidationError(
                {"code": _("A code is made of numbers separated by dots, e.g. 2.1.4.")}
            )
        if len(parts) > 1:
            expected_parent = ".".join(parts[:-1])
            if self.parent is None or self.parent.code != expected_parent:
                raise ValidationError(
                    {
                        "parent": _("The parent of %(code)s must be %(parent)s.")
                        % {"code": self.code, "parent": expected_parent}
                    }
                )
        elif self.parent_id is not None:
            raise ValidationError({"parent": _("A programme has no parent.")})

    def __str__(self) -> str:
        return f"{self.code} {self.title}"


class DocumentKind(models.TextChoices):
    BEGROTING = "begroting", _("Begroting (budget)")
    JAARSTUKKEN = "jaarstukken", _("Jaarstukken (annual report)")
    BESTUURSRAPPORTAGE = "bestuursrapportage", _("Bestuursrapportage (interim report)")


KIND_LABELS = {
    DocumentKind.BEGROTING: "Begroting",
    DocumentKind.JAARSTUKKEN: "Jaarstukken",
    DocumentKind.BESTUURSRAPPORTAGE: "Bestuursrapportage",
}


class DocumentStatus(models.TextChoices):
    """The P&C cycle: ontwerp → aangeboden → vastgesteld → gepubliceerd. An imported document is
    gepubliceerd without ever having been vastgesteld here (it has no ``adopted_on``)."""

    DRAFT = "ontwerp", _("Draft (ontwerp)")
    OFFERED = "aangeboden", _("Offered to the council (aangeboden)")
    ADOPTED = "vastgesteld", _("Adopted by the council (vastgesteld)")
    PUBLISHED = "gepubliceerd", _("Published (gepubliceerd)")


# The statuses a document the council adopted can be in. Being in one is not enough: an imported
# document is gepubliceerd without any adoption. Adopted means ``adopted_on`` is set, which only
# the adoption service (a recorded council decision) does; ``adopted_documents`` asks both.
ADOPTED_STATUSES = (DocumentStatus.ADOPTED, DocumentStatus.PUBLISHED)


def adopted_documents(prefix: str = "") -> models.Q:
    """The filter for documents the council adopted, on ``prefix`` (e.g. "source_document__"),
    so every query that asks "is this official?" asks it the same way: a recorded council
    decision (``adopted_on``), never only a status an import gave."""
    return models.Q(
        **{f"{prefix}status__in": ADOPTED_STATUSES, f"{prefix}adopted_on__isnull": False}
    )


class Document(VersionedModel):
    """A planning & control document of one year. Adoption by the council freezes what its
    chapters show and the targets it sets; the dates record each step of the cycle."""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveSmallIntegerField(
        _("number in the year"),
        default=1,
        help_text=_("A year has several bestuursrapportages: 1, 2, …; other kinds are 1."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    offered_on = models.DateField(_("offered to the council on"), null=True, blank=True)
    adopted_on = models.DateField(
        _("adopted by the council on"),
        null=True,
        blank=True,
        help_text=_("The date of the council's decision; empty when none was recorded."),
    )
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    published_on = models.DateField(_("published on"), null=True, blank=True)
    imported = models.BooleanField(
        _("imported"),
        default=False,
        help_text=_("Read from an existing document rather than written here."),
    )
    frozen_finance_overview = models.JSONField(
        _("frozen overview per taakveld"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The lasten and baten per taakveld as adopted; later imports do not alter it."),
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at", "frozen_finance_overview"],
        table_name="planning_historicaldocument",
    )

    class Meta:
        db_table = "planning_document"  # created by planning, kept when the model moved
        ordering = ["-year", "kind", "sequence"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [
            models.UniqueConstraint(fields=["kind", "year", "sequence"], name="unique_document")
        ]

    def __str__(self) -> str:
        if self.kind == DocumentKind.BESTUURSRAPPORTAGE:
            return f"{self.get_kind_label()} {self.year}-{self.sequence}"
        return f"{self.get_kind_label()} {self.year}"

    def get_kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)

    @property
    def is_draft(self) -> bool:
        """Only an ontwerp changes: once offered, the text is the council's to amend."""
        return self.status == DocumentStatus.DRAFT

    @property
    def is_published(self) -> bool:
        """Made public (gepubliceerd): after adoption, or as an imported published document.
        It does not say the council adopted it; ask ``is_adopted``."""
        return self.status == DocumentStatus.PUBLISHED

    @property
    def is_adopted(self) -> bool:
        """Whether the council adopted it (a recorded decision date): its targets and figures
        are official. An imported document is not, unless its decision is recorded."""
        return self.status in ADOPTED_STATUSES and self.adopted_on is not None

    def clean(self) -> None:
        """The cycle's dates follow each other, and a council decision lies in the past; the
        same message whether a form, the API or the admin writes it."""
        super().clean()
        errors: dict[str, str] = {}
        if self.adopted_on and self.adopted_on > timezone.localdate():
            errors["adopted_on"] = _("The council cannot have decided in the future.")
        if self.offered_on and self.offered_on > timezone.localdate():
            errors["offered_on"] = _("A document cannot have been offered in the future.")
        if self.offered_on and self.adopted_on and self.adopted_on < self.offered_on:
            errors["adopted_on"] = _("The council decided before the document was offered.")
        first = self.adopted_on or self.offered_on
        # An imported document was published outside the cycle: its dates need not follow.
        if not self.imported and self.published_on and first and self.published_on < first:
            errors["published_on"] = _("A document is published after it was offered and adopted.")
        if self.kind != DocumentKind.BESTUURSRAPPORTAGE and self.sequence != 1:
            errors["sequence"] = _("Only a bestuursrapportage has several in a year.")
        if errors:
            raise ValidationError(errors)


class Deadline(VersionedModel):
    """The P&C calendar: the date by which every figure for a document must be in (the input
    for the begroting, a bestuursrapportage or the jaarstukken of a year). Owners of missing
    figures are reminded before it; the team lead gets the list after it."""

    document_kind = models.CharField(
        _("document kind"), max_length=20, choices=DocumentKind.choices
    )
    year = models.PositiveSmallIntegerField(_("year"))
    sequence = models.PositiveSmallIntegerField(
        _("number in the year"),
        default=1,
        help_text=_("For the 1st, 2nd, … bestuursrapportage; other kinds are 1."),
    )
    due_on = models.DateField(_("due on"))
    remind_days_before = models.PositiveSmallIntegerField(
        _("remind days before"),
        default=14,
        help_text=_("Owners with missing figures get a reminder this many days before."),
    )
    description_nl = models.CharField(_("description (Dutch)"), max_length=200, blank=True)
    description_en = models.CharField(_("description (English)"), max_length=200, blank=True)
    history = HistoricalRecords(excluded_fields=["updated_at"])

    description = translated("description")

    class Meta:
        ordering = ["due_on", "document_kind", "year", "sequence"]
        verbose_name = _("deadline")
        verbose_name_plural = _("deadlines")
        constraints = [
            models.UniqueConstraint(
                fields=["document_kind", "year", "sequence"], name="unique_deadline"
            )
        ]

    def __str__(self) -> str:
        label = KIND_LABELS.get(self.document_kind, self.document_kind)
        if self.document_kind == DocumentKind.BESTUURSRAPPORTAGE:
            return f"{label} {self.year}-{self.sequence}: {self.due_on:%d-%m-%Y}"
        return f"{label} {self.year}: {self.due_on:%d-%m-%Y}"

    def clean(self) -> None:
        super().clean()
        if self.document_kind != DocumentKind.BESTUURSRAPPORTAGE and self.sequence != 1:
            raise ValidationError(
                {"sequence": _("Only a bestuursrapportage has several in a year.")}
            )
