"""An organisation's timeline, assembled from what each app contributes.

``relations`` knows its own contact moments; the activities and projects an organisation took
part in belong to ``agenda`` and ``projects``, which sit above it. They register a source on
``TIMELINE_SOURCES`` (see their ``contributions`` modules); this module merges the entries.
The organisation page's other sections (projects, ...) come in through ``ORGANISATION_SECTIONS``.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from django.db.models import Prefetch
from django.urls import reverse

from kennisstad.accounts import access
from kennisstad.core.contributions import ExtensionPoint

from .models import Organisation, Person
from .selectors import interactions_with

# Each source: (organisation, *, user, limit) -> iterable of TimelineEntry.
TIMELINE_SOURCES = ExtensionPoint("organisation timeline")
# Each contribution: (organisation, *, user) -> PageSection | None.
ORGANISATION_SECTIONS = ExtensionPoint("organisation page sections")
# Entries on the timeline, and entries each source reads at most.
TIMELINE_LIMIT = 60


@dataclass(frozen=True)
class TimelineEntry:
    date: datetime.date
    kind: str  # "interaction", "activity", "project": the CSS modifier of the entry
    label: str
    title: str
    url: str
    detail: str = ""
    owner: Any = None


def organisation_timeline(
    organisation: Organisation, *, user: Any, limit: int = TIMELINE_LIMIT
) -> list[TimelineEntry]:
    """Everything that happened with an organisation, newest first, as far as ``user`` may see
    it; each source reads at most ``limit`` entries (a large partner's page stays fast)."""
    entries: list[TimelineEntry] = []
    for source in TIMELINE_SOURCES:
        entries.extend(source(organisation, user=user, limit=limit))
    entries.sort(key=lambda entry: (entry.date, entry.kind), reverse=True)
    return entries[:limit]


@TIMELINE_SOURCES.register
def contact_moments(organisation: Organisation, *, user: Any, limit: int) -> list[TimelineEntry]:
    interactions = access.visible_interactions(
        user,
        interactions_with(organisation)
        .only("pk", "happened_on", "kind", "subject", "owner")
        .prefetch_related(
            Prefetch("people", Person.objects.only("pk", "first_name", "last_name", "erased_at"))
        ),
    )[:limit]
    return [
        TimelineEntry(
            date=interaction.happened_on,
            kind="interaction",
            label=interaction.get_kind_display(),
            title=interaction.subject,
            url=reverse("relations:interaction-detail", args=[interaction.pk]),
            detail=", ".join(str(person) for person in interaction.people.all()),
            owner=interaction.owner,
        )
        for interaction in interactions
    ]
