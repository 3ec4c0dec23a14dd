"""The kinds of record that take files: one registration each.

A kind names the foreign key on ``Attachment`` that points at it, how to find the records a user
may see (the owning app's own rule, from ``accounts.access`` or its selectors), who may add and
change its files, the URL name of its page and the extension point of that page's sections
(where the "Files" section goes). Adding a kind (issue 17: agreements, funding applications):
a nullable foreign key on ``Attachment`` named in ``models.RECORD_FIELDS`` (its migration; the
check constraint is built from that list) and one ``register(...)`` below; the URL to add a
file, the section, the API filter and the visibility rules follow from it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.db.models import Model, QuerySet
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kennisstad.accounts import access
from kennisstad.agenda.models import Activity
from kennisstad.agenda.pages import ACTIVITY_SECTIONS
from kennisstad.agreements import selectors as agreement_selectors
from kennisstad.agreements.models import Agreement
from kennisstad.agreements.pages import AGREEMENT_SECTIONS
from kennisstad.core.contributions import ExtensionPoint
from kennisstad.delegations.models import Delegation
from kennisstad.delegations.pages import DELEGATION_SECTIONS
from kennisstad.finances import grant_selectors
from kennisstad.finances.models import Grant
from kennisstad.finances.pages import GRANT_SECTIONS
from kennisstad.funding import selectors as funding_selectors
from kennisstad.funding.models import Application
from kennisstad.funding.pages import APPLICATION_SECTIONS
from kennisstad.planning.models import Chapter
from kennisstad.planning.pages import CHAPTER_SECTIONS
from kennisstad.projects.models import Project
from kennisstad.projects.pages import PROJECT_SECTIONS
from kennisstad.relations.models import Organisation
from kennisstad.relations.timeline import ORGANISATION_SECTIONS


@dataclass(frozen=True)
class AttachableKind:
    field: str  # the foreign key on Attachment, also the kind's name in URLs and the API
    model: type[Model]
    label: Promise
    visible: Callable[[Any, QuerySet], QuerySet]  # (user, queryset) -> the records user sees
    may_change: Callable[[Any, Any], bool]  # (user, record) -> may add and change its files
    detail_url: str  # the URL name of the record's page
    sections: ExtensionPoint  # that page's sections: (record, *, user) -> PageSection | None

    def visible_records(self, user: Any) -> QuerySet:
        return self.visible(user, self.model._default_manager.all())


KINDS: dict[str, AttachableKind] = {}


def register(kind: AttachableKind) -> None:
    KINDS[kind.field] = kind


def kind_of_model(model: type[Model]) -> AttachableKind | None:
    return next((kind for kind in KINDS.values() if kind.model is model), None)


def _team_or_reader(user: Any, queryset: QuerySet) -> QuerySet:
    return queryset if access.is_team_or_reader(user) else queryset.none()


def _team(user: Any, record: Any) -> bool:
    return access.is_team(user)


register(
    AttachableKind(
        "project",
        Project,
        _("project"),
        access.visible_projects,
        _team,
        "projects:project-detail",
        PROJECT_SECTIONS,
    )
)
register(
    AttachableKind(
        "organisation",
        Organisation,
        _("organisation"),
        access.visible_organisations,
        _team,
        "relations:organisation-detail",
        ORGANISATION_SECTIONS,
    )
)
register(
    AttachableKind(
        "delegation",
        Delegation,
        _("delegation"),
        access.visible_delegations,
        _team,
        "delegations:delegation-detail",
        DELEGATION_SECTIONS,
    )
)
# A partner editor adds files to the activities its own organisation organises (as it edits them).
register(
    AttachableKind(
        "activity",
        Activity,
        _("activity"),
        access.visible_activities,
        access.can_change,
        "agenda:activity-detail",
        ACTIVITY_SECTIONS,
    )
)
register(
    AttachableKind(
        "grant",
        Grant,
        _("grant"),
        grant_selectors.visible_grants,
        _team,
        "finances:grant-detail",
        GRANT_SECTIONS,
    )
)
register(
    AttachableKind(
        "chapter",
        Chapter,
        _("chapter"),
        _team_or_reader,
        _team,
        "planning:chapter-detail",
        CHAPTER_SECTIONS,
    )
)
# The signed document of an agreement, and its annexes: seen by whoever may see the agreement
# (a partner only the files shared with partners, of a public agreement).
register(
    AttachableKind(
        "agreement",
        Agreement,
        _("agreement"),
        agreement_selectors.visible_agreements,
        _team,
        "agreements:agreement-detail",
        AGREEMENT_SECTIONS,
    )
)
# Funding applications: the municipality's side sees them (and their files), the team adds files.
register(
    AttachableKind(
        "funding_application",
        Application,
        _("funding application"),
        funding_selectors.visible_applications,
        _team,
        "funding:application-detail",
        APPLICATION_SECTIONS,
    )
)
