"""The municipality's programme structure (programma > deelprogramma > beleidsveld) and its
planning & control documents (begroting, jaarstukken).

Both the indicators and the budget chapters refer to them, so they live below both: an
indicator hangs on a policy field and names the document its target was set in; a document's
chapters are written per policy field. Later the P&C calendar and the money per policy field
will live here too.

The tables were created by the ``planning`` app and keep their names (``planning_*``); the
models moved here without moving any data.
"""

import re

from django.core.exceptions import ValidationError
from django.db import models
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


class DocumentStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    PUBLISHED = "published", _("Published (adopted)")


# The statuses in which the council has adopted a document: only these freeze its targets and make
# the values it reports the official figures. (The cycle's statuses extend this tuple.)
ADOPTED_STATUSES = (DocumentStatus.PUBLISHED,)


def adopted_documents(prefix: str = "") -> models.Q:
    """The filter for documents the council adopted, on ``prefix`` (e.g. "source_document__"),
    so every query that asks "is this official?" asks it the same way."""
    return models.Q(**{f"{prefix}status__in": ADOPTED_STATUSES})


class Document(VersionedModel):
    """A planning & control document of one year. Publishing freezes what its chapters show."""

    kind = models.CharField(_("kind"), max_length=20, choices=DocumentKind.choices)
    year = models.PositiveSmallIntegerField(_("year"))
    status = models.CharField(
        _("status"), max_length=20, choices=DocumentStatus.choices, default=DocumentStatus.DRAFT
    )
    published_on = models.DateField(_("published on"), null=True, blank=True)
    imported = models.BooleanField(
        _("imported"),
        default=False,
        help_text=_("Read from an existing document rather than written here."),
    )
    history = HistoricalRecords(
        excluded_fields=["updated_at"], table_name="planning_historicaldocument"
    )

    class Meta:
        db_table = "planning_document"  # created by planning, kept when the model moved
        ordering = ["-year", "kind"]
        verbose_name = _("document")
        verbose_name_plural = _("documents")
        constraints = [models.UniqueConstraint(fields=["kind", "year"], name="unique_document")]

    def __str__(self) -> str:
        return f"{self.get_kind_label()} {self.year}"

    def get_kind_label(self) -> str:
        return "Begroting" if self.kind == DocumentKind.BEGROTING else "Jaarstukken"

    @property
    def is_published(self) -> bool:
        return self.status == DocumentStatus.PUBLISHED

    @property
    def is_adopted(self) -> bool:
        """Whether the council adopted it (vastgesteld): its targets and figures are official."""
        return self.status in ADOPTED_STATUSES
