"""What ``attachments`` adds to the pages of the records that take files: a "Files" section with
its "Add file" link (in the section, so no second button at the top of the page). Registered in
``AttachmentsConfig.ready``; a new kind of record adds its page's extension point to ``PAGES``."""

from __future__ import annotations

from typing import Any

from django.urls import reverse

from kennisstad.agenda.pages import ACTIVITY_SECTIONS
from kennisstad.core.contributions import ExtensionPoint, PageSection
from kennisstad.delegations.pages import DELEGATION_SECTIONS
from kennisstad.finances.pages import GRANT_SECTIONS
from kennisstad.planning.pages import CHAPTER_SECTIONS
from kennisstad.projects.pages import PROJECT_SECTIONS
from kennisstad.relations.timeline import ORGANISATION_SECTIONS

from .kinds import kind_of_model
from .selectors import attachments_of
from .services import may_change_files_of

# kind -> the extension point of its page's sections.
PAGES: dict[str, ExtensionPoint] = {
    "project": PROJECT_SECTIONS,
    "organisation": ORGANISATION_SECTIONS,
    "delegation": DELEGATION_SECTIONS,
    "activity": ACTIVITY_SECTIONS,
    "grant": GRANT_SECTIONS,
    "chapter": CHAPTER_SECTIONS,
}


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
    return PageSection("attachments/_files.html", {"files": files, "add_url": add_url}, order=900)


def register() -> None:
    for point in PAGES.values():
        point.register(files_section)
