"""Reads: the files a user may see follow the records they belong to (each kind's own rule in
``kinds``); anything else is answered as if it did not exist (404)."""

from __future__ import annotations

from functools import reduce
from operator import or_
from typing import Any

from django.db.models import Prefetch, Q, QuerySet

from kennisstad.accounts import access
from kennisstad.core.typing import UserLike

from .kinds import KINDS, kind_of_model
from .models import Attachment, AttachmentDownload, AttachmentVersion


def visible_attachments(
    user: UserLike, queryset: QuerySet[Attachment] | None = None
) -> QuerySet[Attachment]:
    """Files on records ``user`` may see, of every kind: all of them for the municipality's side,
    only those shared with partners for a partner, none for anyone else."""
    queryset = Attachment.objects.all() if queryset is None else queryset
    queryset = for_whom(user, queryset)
    condition = reduce(
        or_,
        (
            Q(**{f"{field}__in": kind.visible_records(user).values("pk")})
            for field, kind in KINDS.items()
        ),
    )
    return queryset.filter(condition)


def for_whom(user: UserLike, queryset: QuerySet[Attachment]) -> QuerySet[Attachment]:
    """A file is the team's unless it is shared with partners (``shared_with_partners``)."""
    if access.is_team_or_reader(user):
        return queryset
    if access.is_partner(user):
        return queryset.filter(shared_with_partners=True)
    return queryset.none()


def with_versions(queryset: QuerySet[Attachment]) -> QuerySet[Attachment]:
    return queryset.select_related("created_by").prefetch_related(
        Prefetch("versions", queryset=AttachmentVersion.objects.select_related("uploaded_by"))
    )


def attachments_of(record: Any, *, user: UserLike) -> QuerySet[Attachment]:
    """The files of ``record``, or none when ``user`` may not see it or it takes no files."""
    kind = kind_of_model(type(record))
    if kind is None or not kind.visible_records(user).filter(pk=record.pk).exists():
        return Attachment.objects.none()
    return with_versions(for_whom(user, Attachment.objects.filter(**{kind.field: record})))


def visible_record(kind_field: str, pk: int, *, user: UserLike) -> Any | None:
    kind = KINDS.get(kind_field)
    if kind is None:
        return None
    return kind.visible_records(user).filter(pk=pk).first()


def downloads_of(attachment: Attachment) -> QuerySet[AttachmentDownload]:
    return AttachmentDownload.objects.filter(attachment_id_logged=attachment.pk).select_related(
        "user"
    )


def personal_data_downloads() -> QuerySet[AttachmentDownload]:
    return AttachmentDownload.objects.select_related("user").order_by("-at", "-id")
