"""Writes on the project portfolio: projects with their themes and partners."""

from collections.abc import Iterable

from django.db import transaction
from django.db.models import Max, Min, Q
from django.utils import timezone

from kennisstad.core.actors import actor_of
from kennisstad.core.events import log_event_on_commit
from kennisstad.core.services import save_record
from kennisstad.core.typing import UserLike
from kennisstad.relations.models import Organisation

from .models import Project, ProjectPartner, ProjectStatusChange
from .status_history import HAS_RUN, RUNNING, dated_changes


@transaction.atomic
def save_project(
    *,
    project: Project,
    user: UserLike,
    expected_version: int | None = None,
    themes: Iterable[object] | None = None,
    partners: Iterable[tuple[Organisation, str]] | None = None,
) -> Project:
    """Save a project; ``partners`` (``(organisation, role)`` pairs) replaces the partner list.
    A new project, or a changed status, is dated in the project's status history."""
    many = {"themes": themes} if themes is not None else None
    stored = (
        None
        if project._state.adding
        else Project.objects.filter(pk=project.pk).values("is_public", "status").first()
    )
    was_public = stored["is_public"] if stored else False
    save_record(instance=project, user=user, expected_version=expected_version, many_to_many=many)
    if stored is None or stored["status"] != project.status:
        record_status_change(project=project, user=user)
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


@transaction.atomic
def record_status_change(*, project: Project, user: UserLike) -> list[ProjectStatusChange]:
    """Date the project's (new) status in its status history, which the indicators count by:
    a project counts only in the years it really ran (``status_history``)."""
    known = project.status_changes.aggregate(
        ran_from=Min("changed_on", filter=Q(status__in=HAS_RUN)),
        last_started=Max("changed_on", filter=Q(status=RUNNING)),
    )
    actor = actor_of(user)
    as_date = Project._meta.get_field("start_date").to_python  # the instance may hold ISO text
    rows = dated_changes(
        status=project.status,
        start_date=as_date(project.start_date),
        end_date=as_date(project.end_date),
        recorded_on=timezone.localdate(),
        ran_from=known["ran_from"],
        last_started=known["last_started"],
    )
    return ProjectStatusChange.objects.bulk_create(
        ProjectStatusChange(project=project, status=status, changed_on=day, changed_by=actor)
        for status, day in rows
    )
