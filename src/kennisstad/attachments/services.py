"""Writes: add a file to a record, upload a new version, edit the description, delete, and log
a download of personal data.

Deleting is a real delete: the rows go (the audit trail keeps what the file was called, who added
and removed it) and the stored bytes are removed after the commit. Keeping them (a soft delete)
would keep personal data nobody can see or erase any more; the AVG asks for the opposite.
"""

from __future__ import annotations

import datetime
from typing import IO, Any

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils.translation import gettext as _

from kennisstad.accounts import access
from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import delete_record, save_record
from kennisstad.core.typing import UserLike

from . import content_check, storage
from .kinds import kind_of_model
from .models import Attachment, AttachmentDownload, AttachmentVersion


def may_change_files_of(record: Any, user: UserLike) -> bool:
    kind = kind_of_model(type(record))
    return kind is not None and kind.may_change(user, record)


def may_change_attachment(attachment: Attachment, user: UserLike) -> bool:
    """Whoever may change the record's files; a partner only the files shared with it (not the
    team's own files on the partner's activity)."""
    if not may_change_files_of(attachment.record, user):
        return False
    return access.is_team(user) or attachment.shared_with_partners


# Who sees a file and whether its downloads are logged: the team decides.
TEAM_ONLY_FIELDS = ("holds_personal_data", "shared_with_partners")


CHECKED = "_kennisstad_content_kind"


def check_upload(upload: IO[bytes], name: str, size: int | None) -> content_check.Kind:
    """The size limit and the content check; a ValidationError naming the file otherwise."""
    limit = storage.max_upload_bytes()
    if size is not None and size > limit:
        raise ValidationError(
            _("%(name)s is larger than %(limit)s MB.")
            % {"name": name, "limit": limit // (1024 * 1024)},
            code="file_size",
        )
    if size == 0:
        raise ValidationError(_("%(name)s is empty.") % {"name": name}, code="file_empty")
    # Checked once per upload: the form, then the service, see the same file object.
    checked = getattr(upload, CHECKED, None)
    if checked is not None and checked[0] == name and isinstance(checked[1], content_check.Kind):
        return checked[1]
    kind = content_check.detect(upload, name)
    setattr(upload, CHECKED, (name, kind))
    return kind


def _add_version(
    *, attachment: Attachment, upload: IO[bytes], name: str, user: UserLike
) -> AttachmentVersion:
    kind = check_upload(upload, name, getattr(upload, "size", None))  # cached when checked
    sha256, size = storage.digest(upload)
    key = storage.save_bytes(upload)
    number = (attachment.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    try:
        return AttachmentVersion.objects.create(
            attachment=attachment,
            number=number,
            storage_key=key,
            original_name=name[:255],
            size=size,
            sha256=sha256,
            content_type=kind.content_type,
            uploaded_by=actor_of(user),
        )
    except Exception:
        storage.attachment_storage().delete(key)
        raise


@transaction.atomic
def add_attachment(
    *,
    record: Any,
    user: UserLike,
    upload: IO[bytes],
    name: str,
    title: str = "",
    description: str = "",
    document_date: datetime.date | None = None,
    holds_personal_data: bool = False,
    shared_with_partners: bool = False,
) -> Attachment:
    """A new file on ``record`` with its first version. A partner's file on its own activity is
    its own, so shared with it; the two marks are the team's to set."""
    kind = kind_of_model(type(record))
    if kind is None or not kind.may_change(user, record):
        raise PermissionDenied
    if not access.is_team(user):
        if holds_personal_data:
            raise PermissionDenied
        shared_with_partners = True
    check_upload(upload, name, getattr(upload, "size", None))  # refuse before anything is written
    attachment = Attachment(
        title=(title or name)[:200],
        description=description,
        document_date=document_date,
        holds_personal_data=holds_personal_data,
        shared_with_partners=shared_with_partners,
        created_by=actor_of(user),
        **{kind.field: record},
    )
    save_record(instance=attachment, user=user)
    version = _add_version(attachment=attachment, upload=upload, name=name, user=user)
    log_event_on_commit(
        "attachment.added", user=user, attachment=attachment.pk, kind=kind.field, size=version.size
    )
    return attachment


@transaction.atomic
def add_version(
    *, attachment: Attachment, user: UserLike, upload: IO[bytes], name: str
) -> AttachmentVersion:
    """A newer file for ``attachment``; the older versions stay downloadable."""
    if not may_change_attachment(attachment, user):
        raise PermissionDenied
    # Locked: two uploads at once get numbers one after the other, not the same one. The row
    # saved is the one read under the lock, not the caller's (read before the upload streamed
    # in): an edit of the title or the marks made meanwhile stays.
    current = Attachment.objects.select_for_update().get(pk=attachment.pk)
    number = (current.versions.aggregate(n=Max("number"))["n"] or 0) + 1
    save_record(
        instance=current,
        user=user,
        expected_version=current.version,
        change_reason=f"version {number}",
    )
    # Last: the bytes are stored only once nothing else in this transaction can fail.
    version = _add_version(attachment=current, upload=upload, name=name, user=user)
    attachment.refresh_from_db()
    return version


@transaction.atomic
def update_attachment(
    *, attachment: Attachment, user: UserLike, expected_version: int | None, **fields: Any
) -> Attachment:
    """Title, description, document date; the personal-data and sharing marks by the team."""
    if not may_change_attachment(attachment, user):
        raise PermissionDenied
    if not access.is_team(user) and any(
        name in fields and fields[name] != getattr(attachment, name) for name in TEAM_ONLY_FIELDS
    ):
        raise PermissionDenied
    for name in ("title", "description", "document_date", *TEAM_ONLY_FIELDS):
        if name in fields:
            setattr(attachment, name, fields[name])
    return save_record(instance=attachment, user=user, expected_version=expected_version)


@transaction.atomic
def delete_attachment(*, instance: Attachment, user: UserLike, expected_version: int) -> None:
    """The file and all its versions; the stored bytes go after the commit (``signals``)."""
    if not may_change_attachment(instance, user):
        raise PermissionDenied
    delete_record(instance=instance, user=user, expected_version=expected_version)
    log_event_on_commit("attachment.deleted", user=user, attachment=instance.pk)


@transaction.atomic
def delete_version(*, version: AttachmentVersion, user: UserLike, expected_version: int) -> None:
    """One older version on its own (an unredacted first version once a redacted one is up),
    by the team. The current version stays: the file is deleted as a whole. The file's audit
    trail says which version went; the stored bytes go after the commit (``signals``)."""
    if not access.is_team(user):
        raise PermissionDenied
    current = Attachment.objects.select_for_update().get(pk=version.attachment_id)
    if version.number >= (current.versions.aggregate(n=Max("number"))["n"] or 0):
        raise ValidationError(
            _("The current version is not deleted on its own: delete the file instead."),
            code="current_version",
        )
    save_record(
        instance=current,
        user=user,
        expected_version=expected_version,
        change_reason=f"version {version.number} deleted ({version.original_name})"[:100],
    )
    version.delete()
    log_event_on_commit(
        "attachment.version_deleted", user=user, attachment=current.pk, version=version.number
    )


def record_download(*, version: AttachmentVersion, user: UserLike, via: str) -> None:
    """Log a download of a file holding personal data, before it is handed out."""
    attachment = version.attachment
    if not attachment.holds_personal_data:
        return
    AttachmentDownload.objects.create(
        user=actor_of(user),
        attachment_id_logged=attachment.pk,
        version_number=version.number,
        file_name=version.original_name,
        via=via,
    )
    log_event_on_commit(
        "attachment.personal_data_download",
        user=user,
        attachment=attachment.pk,
        version=version.number,
    )
