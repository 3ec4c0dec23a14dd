"""Writes on the project portfolio: projects with their themes and partners."""

from collections.abc import Iterable

from django.db import transaction

from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import Project, ProjectPartner


@transaction.atomic
def save_project(
    *,
    project: Project,
    user: UserLike,
    expected_version: int | None = None,
    themes: Iterable[object] | None = None,
    partners: Iterable[tuple[Organisation, str]] | None = None,
) -> Project:
    """Save a project; ``partners`` (``(organisation, role)`` pairs) replaces the partner list."""
    many = {"themes": themes} if themes is not None else None
    was_public = (
        False
        if project._state.adding
        else Project.objects.filter(pk=project.pk).values_list("is_public", flat=True).first()
    )
    save_record(instance=project, user=user, expected_version=expected_version, many_to_many=many)
    if partners is not None:
        set_partners(project=project, partners=partners)
    if bool(was_public) != project.is_public:
        verb = "published" if project.is_public else "withdrawn"
        log_event_on_commit(f"publication.project.{verb}", user=user, project=project.pk)
    return project


@transaction.atomic
def set_partners(*, project: Project, partners: Iterable[tuple[Organisation, str]]) -> None:
    wanted = {organisation.pk: (organisation, role) for organisation, role in partners}
    for partnership in project.partnerships.all():
        if partnership.organisation_id not in wanted:
            partnership.delete()
        else:
            _, role = wanted.pop(partnership.organisation_id)
            if partnership.role != role:
                partnership.role = role
                partnership.save()
    for organisation, role in wanted.values():
        ProjectPartner.objects.create(project=project, organisation=organisation, role=role)
