"""Files on records: an ``Attachment`` (what the file is about) with its ``AttachmentVersion``\\ s
(the bytes, newest is current, older ones kept) and the log of downloads of personal data.

One nullable foreign key per kind of record, with a check constraint that exactly one is set,
rather than a GenericForeignKey: the database keeps referential integrity (no file points at a
removed record), deleting a record cascades to its files (and the storage objects go after the
commit, see ``signals``), joins and indexes work as for any foreign key, and each app's visibility
rule filters attachments with a plain ``<kind>__in=`` subquery. The price, a migration per new
kind, is small and explicit (see ``kinds``).
"""

from __future__ import annotations

from functools import reduce
from operator import or_

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from kennisstad.core.models import VersionedModel

# The foreign keys to the records; ``kinds.KINDS`` says how each is seen and changed.
RECORD_FIELDS = (
    "project",
    "organisation",
    "delegation",
    "activity",
    "grant",
    "chapter",
    "agreement",
    "funding_application",
)


def _exactly_one_record() -> Q:
    return reduce(
        or_,
        (
            Q(**{f"{field}__isnull": False})
            & Q(**{f"{other}__isnull": True for other in RECORD_FIELDS if other != field})
            for field in RECORD_FIELDS
        ),
    )


def _record_key(model: str, label: str) -> models.ForeignKey:
    return models.ForeignKey(
        model,
        verbose_name=label,
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="attachments",
    )


class Attachment(VersionedModel):
    project = _record_key("projects.Project", _("project"))
    organisation = _record_key("relations.Organisation", _("organisation"))
    delegation = _record_key("delegations.Delegation", _("delegation"))
    activity = _record_key("agenda.Activity", _("activity"))
    grant = _record_key("finances.Grant", _("grant"))
    chapter = _record_key("planning.Chapter", _("chapter"))
    agreement = _record_key("agreements.Agreement", _("agreement"))
    funding_application = _record_key("funding.Application", _("funding application"))

    title = models.CharField(_("title"), max_length=200)
    description = models.TextField(_("description"), blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    holds_personal_data = models.BooleanField(
        _("holds personal data"),
        default=False,
        help_text=_("Every download of this file is then written in the access log."),
    )
    shared_with_partners = models.BooleanField(
        _("shared with partners"),
        default=False,
        help_text=_(
            "Partners who see the record see this file too; otherwise it is for the team only."
        ),
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("added by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    history = HistoricalRecords()

    class Meta:
        ordering = ["-document_date", "-created_at", "-id"]
        verbose_name = _("file")
        verbose_name_plural = _("files")
        constraints = [
            models.CheckConstraint(
                condition=_exactly_one_record(), name="attachment_on_exactly_one_record"
            )
        ]

    def __str__(self) -> str:
        return self.title

    @property
    def kind_field(self) -> str:
        return next(field for field in RECORD_FIELDS if getattr(self, f"{field}_id") is not None)

    @property
    def record(self) -> models.Model:
        return getattr(self, self.kind_field)

    @property
    def current_version(self) -> AttachmentVersion | None:
        return self.versions.order_by("-number").first()


class AttachmentVersion(models.Model):
    """One uploaded file. Stored under an unguessable key, never under the name it came with;
    the bytes never change (a new upload is a new version), so no audit trail of its own."""

    attachment = models.ForeignKey(
        Attachment, verbose_name=_("file"), on_delete=models.CASCADE, related_name="versions"
    )
    number = models.PositiveIntegerField(_("version"))
    storage_key = models.CharField(_("storage key"), max_length=200, unique=True, editable=False)
    original_name = models.CharField(_("file name"), max_length=255)
    size = models.PositiveBigIntegerField(_("size in bytes"))
    sha256 = models.CharField(_("SHA-256"), max_length=64)
    content_type = models.CharField(_("content type"), max_length=100)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("uploaded by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        ordering = ["-number"]
        verbose_name = _("file version")
        verbose_name_plural = _("file versions")
        constraints = [
            models.UniqueConstraint(
                fields=["attachment", "number"], name="attachment_version_number_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.original_name} ({self.number})"


class AttachmentDownload(models.Model):
    """One row per download of a file marked as holding personal data (BIO: access to personal
    data is logged). Ids and the file name only, kept when the file is removed, so the log
    still answers who fetched what."""

    at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    attachment_id_logged = models.PositiveBigIntegerField(_("file number"), db_index=True)
    version_number = models.PositiveIntegerField(_("version"))
    file_name = models.CharField(_("file name"), max_length=255)
    via = models.CharField(_("via"), max_length=10)  # "page" or "api"

    class Meta:
        ordering = ["-at", "-id"]
        verbose_name = _("download of personal data")
        verbose_name_plural = _("downloads of personal data")

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.file_name}"
