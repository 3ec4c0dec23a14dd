"""What ``attachments`` adds to the pages of the records that take files: a "Files" section with
its "Add file" link (in the section, so no second button at the top of the page). Registered in
``AttachmentsConfig.ready`` on the page of every kind in ``kinds``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kennisstad.accounts.access import is_team_or_reader
from kennisstad.core.contributions import PageSection

from .kinds import KINDS, kind_of_model
from .selectors import attachments_of
from .services import may_change_files_of


def files_section(record: Any, *, user: Any) -> PageSection | None:
    """The record's files, newest document first; nothing for a user who may not see it."""
    kind = kind_of_model(type(record))
    if kind is None:
        return None
    files = list(attachments_of(record, user=user))
    may_add = may_change_files_of(record, user)
    if not files and not may_add:
        return None
    add_url = reverse(f"attachments:add-to-{kind.field}", args=[record.pk]) if may_add else ""
    context = {"files": files, "add_url": add_url, "show_sharing": is_team_or_reader(user)}
    return PageSection("attachments/_files.html", context, order=900)


def register() -> None:
    for kind in KINDS.values():
        kind.sections.register(files_section)
