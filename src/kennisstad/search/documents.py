"""What is searchable in each kind of record, and who may find it (asked of ``accounts.access``).

Only a record's own fields go into its entry, so saving one record never re-indexes others.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.apps import apps
from django.db import models

from kennisstad.accounts import access

from .models import SearchKind
from .text import fold, index_text


def _country_names(country) -> list[str]:
    """Country code plus its Dutch and English name: "Duitsland" and "Germany" both find DE."""
    from django.utils import translation

    if not country:
        return []
    names = [country.code]
    for language in ("nl", "en"):
        with translation.override(language):
            names.append(str(country.name))
    return names


def _organisation(obj) -> tuple[str, str]:
    text = index_text(
        obj.name,
        obj.abbreviation,
        obj.city,
        *_country_names(obj.country),
        obj.description_nl,
        obj.description_en,
    )
    return obj.name, text


def _person(obj) -> tuple[str, str]:
    text = index_text(obj.first_name, obj.last_name, obj.job_title, obj.email)
    return f"{obj.last_name} {obj.first_name}", text


def _project(obj) -> tuple[str, str]:
    text = index_text(obj.title_nl, obj.title_en, obj.description_nl, obj.description_en)
    return obj.title_nl, text


def _activity(obj) -> tuple[str, str]:
    text = index_text(
        obj.title_nl,
        obj.title_en,
        obj.location,
        obj.city,
        obj.description_nl,
        obj.description_en,
    )
    return obj.title_nl, text


@dataclass(frozen=True)
class Document:
    kind: str
    model_label: str
    describe: Callable[[models.Model], tuple[str, str]]  # -> (sort title, index text)
    visible: Callable  # (user, queryset) -> queryset, from accounts.access
    detail_url_name: str

    @property
    def model(self) -> type[models.Model]:
        return apps.get_model(self.model_label)

    def entry_values(self, obj) -> dict:
        title, text = self.describe(obj)
        return {"sort_key": fold(title)[:200], "text": text}


# Keyed by SearchKind, a str: looked up by the kind a URL or an API call names.
DOCUMENTS: dict[str, Document] = {
    SearchKind.ORGANISATION: Document(
        SearchKind.ORGANISATION,
        "relations.Organisation",
        _organisation,
        access.visible_organisations,
        "relations:organisation-detail",
    ),
    SearchKind.PERSON: Document(
        SearchKind.PERSON,
        "relations.Person",
        _person,
        access.visible_people,
        "relations:person-detail",
    ),
    SearchKind.PROJECT: Document(
        SearchKind.PROJECT,
        "projects.Project",
        _project,
        access.visible_projects,
        "projects:project-detail",
    ),
    SearchKind.ACTIVITY: Document(
        SearchKind.ACTIVITY,
        "agenda.Activity",
        _activity,
        access.visible_activities,
        "agenda:activity-detail",
    ),
}


def document_for_model(model: type[models.Model]) -> Document | None:
    label = model._meta.label
    return next((doc for doc in DOCUMENTS.values() if doc.model_label == label), None)
